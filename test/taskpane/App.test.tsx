/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { SHEETS } from "../../src/layout/names";
import { SCORE_TEMPLATE } from "../../src/layout/template";
import { inputGrids } from "../excel/fixtures";
import { fakeHost } from "./fakeHost";

// jsdom has no ResizeObserver (Fluent's MessageBar measures itself)
beforeAll(() => {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

describe("task pane", () => {
  it("empty: shows the four steps in Thai, nothing analysed yet, export disabled", () => {
    render(<App host={fakeHost({})} />);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("ITA Analyzer");
    for (const h of ["1. สร้างแม่แบบ", "2. ตรวจข้อมูล", "3. วิเคราะห์", "4. ส่งออก"])
      expect(screen.getByRole("heading", { name: h })).toBeInTheDocument();
    expect(screen.queryByTestId("result")).toBeNull();
    // disabledFocusable: still in the Tab order, announced as unavailable
    expect(screen.getByRole("button", { name: "ดาวน์โหลดรายงาน (.docx)" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByLabelText("ปีงบประมาณที่วิเคราะห์")).toBeInTheDocument();
    expect(screen.getByLabelText("เกณฑ์จุดแข็ง (ตั้งแต่)")).toHaveValue(85);
  });

  it("switches to English and back", () => {
    render(<App host={fakeHost({})} />);
    // the accessible name starts with the visible text
    fireEvent.click(screen.getByRole("button", { name: "English (เปลี่ยนภาษาเป็นภาษาอังกฤษ)" }));
    expect(screen.getByRole("heading", { name: "3. Analyse" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en");
    fireEvent.click(screen.getByRole("button", { name: "ภาษาไทย (switch the language to Thai)" }));
    expect(screen.getByRole("heading", { name: "3. วิเคราะห์" })).toBeInTheDocument();
  });

  it("errors: lists them with their cell, and clicking one selects that cell", async () => {
    const grids = inputGrids(2, 2);
    grids[SHEETS.scores][SCORE_TEMPLATE.firstIndicatorRow - 1 + 2][3] = "abc";
    const host = fakeHost(grids);
    render(<App host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "ตรวจข้อมูล" }));
    const list = await screen.findByRole("list", { name: /ข้อผิดพลาด \(1\)/ });
    expect(list).toHaveTextContent("คะแนนตัวชี้วัดที่ 3 ปี 2565 ไม่ใช่ตัวเลข: 'abc'");
    fireEvent.click(within(list).getByRole("button", { name: "คะแนน ITA!D11 (ไปที่เซลล์)" }));
    await waitFor(() => expect(host.selected).toEqual([[SHEETS.scores, "D11"]]));
    // analysing with an error writes nothing
    fireEvent.click(screen.getByRole("button", { name: "วิเคราะห์" }));
    await waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"));
    expect(host.written).toEqual([]);
    expect(screen.queryByTestId("result")).toBeNull();
  });

  it("result: check picks the latest complete year; analyse shows total, level, tools, strengths and weak points and writes the sheets", async () => {
    const host = fakeHost(inputGrids(3, 4));
    render(<App host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "ตรวจข้อมูล" }));
    await within(screen.getByRole("main")).findByText(/ข้อมูลพร้อมวิเคราะห์ ปีงบประมาณ 2565/);
    expect(screen.getByLabelText("ปีงบประมาณที่วิเคราะห์")).toHaveValue("2565");
    fireEvent.click(screen.getByRole("button", { name: "วิเคราะห์" }));
    const result = await screen.findByTestId("result");
    expect(within(result).getByTestId("total")).toHaveTextContent("94.23");
    expect(within(result).getByTestId("level")).toHaveTextContent("A");
    expect(result).toHaveTextContent("เทศบาลตำบลท่าแร่");
    expect(result).toHaveTextContent("97.88");
    expect(result).toHaveTextContent("82.88");
    expect(within(result).getByTestId("strengths")).toHaveTextContent("การเปิดเผยข้อมูล");
    expect(within(result).getByTestId("improve")).toHaveTextContent("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร (81.22)");
    await screen.findByText(/เขียนผลลงชีตแล้ว/);
    expect(host.written).toHaveLength(1);
    expect(host.written[0].map((s) => s.name)).toContain(SHEETS.analysis);
    expect(screen.getByRole("button", { name: "ดาวน์โหลดรายงาน (.docx)" })).not.toHaveAttribute("aria-disabled", "true");
  });

  it("result explains: total labelled, change with arrow, tool changes, lowest per tool, measures, plan, chart with the pass line; then goes to the sheet", async () => {
    const host = fakeHost(inputGrids(3, 4));
    render(<App host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "วิเคราะห์" }));
    const result = await screen.findByTestId("result");
    await screen.findByText(/เขียนผลลงชีตแล้ว/);
    expect(result).toHaveTextContent("คะแนนรวม94.23");
    expect(within(result).getByTestId("change")).toHaveTextContent(/[▲▼▬] [+−±]\d+\.\d\d เปลี่ยนแปลงจากปี 2564/);
    expect(within(result).getByTestId("lowest")).toHaveTextContent("IIT:");
    expect(within(result).getByTestId("measures")).toHaveTextContent("ทั้งหมด 4 มาตรการ");
    expect(within(result).getByTestId("plan")).toHaveTextContent(/ตัวชี้วัดที่ \d+ จาก/);
    const chart = within(result).getByRole("img", { name: /เส้นผ่าน 85/ });
    expect(chart.querySelectorAll("rect")).toHaveLength(10);
    // the live region says the result
    expect(screen.getByTestId("live")).toHaveTextContent("วิเคราะห์เสร็จ คะแนนรวม 94.23");
    fireEvent.click(within(result).getByRole("button", { name: "ไปที่ชีตผลวิเคราะห์" }));
    await waitFor(() => expect(host.selected).toEqual([["ผลวิเคราะห์ ITA", "A1"]]));
  });

  it("a changed threshold marks the result out of date and the export unavailable until analysed again", async () => {
    const host = fakeHost(inputGrids(3, 4));
    render(<App host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "วิเคราะห์" }));
    await screen.findByText(/เขียนผลลงชีตแล้ว/);
    const docx = screen.getByRole("button", { name: "ดาวน์โหลดรายงาน (.docx)" });
    expect(docx).not.toHaveAttribute("aria-disabled", "true");
    fireEvent.change(screen.getByLabelText("เกณฑ์แก้ไขเร่งด่วน (ต่ำกว่า)"), { target: { value: "75" } });
    expect(await screen.findByTestId("stale")).toHaveTextContent("ผลนี้ไม่ตรงกับปี เกณฑ์");
    expect(docx).toHaveAttribute("aria-disabled", "true");
  });

  it("a failed write keeps the analysis on screen and says in Thai that nothing was lost", async () => {
    const host = fakeHost(inputGrids(2, 0));
    host.failWrite = true;
    render(<App host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "วิเคราะห์" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("ข้อมูลที่กรอกไว้ไม่ถูกแก้ไข");
    expect(screen.getByTestId("total")).toHaveTextContent("94.23");
  });

  it("create template reports created and existing sheets", async () => {
    render(<App host={fakeHost({})} />);
    fireEvent.click(screen.getByRole("button", { name: "สร้างแม่แบบ" }));
    expect(await screen.findByText("เพิ่มชีตแล้ว: คะแนน ITA")).toBeInTheDocument();
    expect(screen.getByText("มีชีตอยู่แล้ว (ไม่แก้ไข): มาตรการ, ตั้งค่า")).toBeInTheDocument();
  });

  it("on an older Excel says which extras it skips; on Mac export says downloads do not work", async () => {
    const host = fakeHost(inputGrids(2, 0), {
      missingExtras: ["dropdowns", "colours"],
      platform: "Mac",
      canDownload: false,
    });
    render(<App host={host} />);
    expect(screen.getByText(/รายการให้เลือกสถานะ \(ต้องใช้ ExcelApi 1\.8\), สีตามเกณฑ์คะแนน/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "วิเคราะห์" }));
    await screen.findByTestId("result");
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "ดาวน์โหลดรายงาน (.docx)" })).not.toHaveAttribute(
        "aria-disabled",
        "true",
      ),
    );
    fireEvent.click(screen.getByRole("button", { name: "ดาวน์โหลดรายงาน (.docx)" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Excel บน Mac และ iPad ดาวน์โหลดไฟล์จากแผงงานไม่ได้");
  });

  it("extras Excel refused: the analysis is written and the pane says which finishing touches may be missing", async () => {
    const host = fakeHost(inputGrids(3, 4));
    host.rejectExtras = ["colours", "print"];
    render(<App host={host} />);
    fireEvent.click(screen.getByRole("button", { name: "วิเคราะห์" }));
    await screen.findByTestId("total");
    expect(await screen.findByText(/Excel ไม่รับการตกแต่งบางส่วน/)).toHaveTextContent(
      "สีตามเกณฑ์คะแนน (ต้องใช้ ExcelApi 1.6), การตั้งค่าหน้ากระดาษ (ต้องใช้ ExcelApi 1.9)",
    );
    expect(host.written).toHaveLength(1);
  });

  it("browser mode: asks for a file before anything else", () => {
    const host = {
      ...fakeHost({}, { kind: "browser", canSelectCell: false }),
      openFile: jest.fn(),
      downloadWorkbook: jest.fn(),
    };
    render(<App host={host} />);
    expect(screen.getAllByRole("button", { name: "เลือกไฟล์ Excel (.xlsx)" })[0]).toBeEnabled();
    expect(screen.getByRole("button", { name: "ตรวจข้อมูล" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("button", { name: "วิเคราะห์" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("button", { name: "ดาวน์โหลดแม่แบบ" })).toBeEnabled();
  });
});
