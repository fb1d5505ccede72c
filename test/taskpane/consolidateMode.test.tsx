/** @jest-environment jsdom */
/**
 * The "รวมผลหลายหน่วยงาน" mode in the pane, in Excel (a fake host): choose files, consolidate with
 * workers that answer with the real per-file outcomes (computed beforehand with the product's
 * reader: jsdom's File cannot be read), then the summary sheets go to the host in one call, the
 * failures are listed with their file names, and switching tasks keeps the mode's result.
 */
import "./textCodec";
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { outcomeOfWorkbook, SUMMARY_SHEETS, type FileOutcome } from "../../src/consolidate";
import { isTableSheetName } from "../../src/layout/table";
import { DEFAULT_LIMITS, isLayoutSheetName, readWorkbook } from "../../src/xlsx";
import type { WorkerLike } from "../../src/taskpane/consolidate/pool";
import type { WorkerTask } from "../../src/taskpane/consolidate/protocol";
import { rng } from "../helpers/frameworks";
import { randomUnit, unitWorkbook } from "../helpers/unitWorkbooks";
import { fakeHost } from "./fakeHost";

beforeAll(() => {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

const rand = rng(5151);
const units = Array.from({ length: 4 }, (_, k) => randomUnit(rand, k));
/** File name → what the worker step gives for it. */
const outcomes = new Map<string, Omit<FileOutcome, "id">>();

beforeAll(async () => {
  for (const [k, u] of units.entries()) {
    const name = `u${k}.xlsx`;
    const read = await readWorkbook(
      await unitWorkbook(u),
      name,
      DEFAULT_LIMITS,
      (n) => isLayoutSheetName(n) || isTableSheetName(n),
    );
    outcomes.set(name, outcomeOfWorkbook(read, { id: 0, display: name, modified: 0 }));
  }
}, 60_000);

function spawn(): WorkerLike {
  const listeners: Record<string, Array<(e: unknown) => void>> = {};
  return {
    addEventListener: (type: string, l: (e: never) => void) =>
      void (listeners[type] ??= []).push(l as (e: unknown) => void),
    postMessage(task: WorkerTask) {
      setTimeout(() => {
        const o = outcomes.get(task.file.name);
        if (!o) for (const l of listeners.error ?? []) l({ type: "error", message: "died", preventDefault() {} });
        else for (const l of listeners.message ?? []) l({ data: { ...o, id: task.id } });
      }, 1);
    },
    terminate() {},
  } as WorkerLike;
}

it("in Excel: consolidates the chosen files, writes the summary sheets through the host, lists failures", async () => {
  const host = fakeHost({});
  render(<App host={host} consolidate={{ spawn, workers: 1 }} />);
  fireEvent.click(screen.getByRole("button", { name: "รวมผลหลายหน่วยงาน" }));
  const input = (await screen.findByTestId("c-files", {}, { timeout: 30_000 })) as HTMLInputElement;
  const files = [...outcomes.keys(), "dies.xlsx"].map((n) => new File(["x"], n));
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
  expect(screen.getByTestId("c-chosen")).toHaveTextContent("เลือกแล้ว 5 ไฟล์");
  // a year that is no B.E. year stops the run
  fireEvent.change(screen.getByLabelText(/ปีงบประมาณของสรุป/), { target: { value: "68" } });
  expect(screen.getByRole("button", { name: "รวมผล" })).toHaveAttribute("aria-disabled", "true");
  fireEvent.change(screen.getByLabelText(/ปีงบประมาณของสรุป/), { target: { value: "" } });
  fireEvent.click(screen.getByRole("button", { name: "รวมผล" }));
  await screen.findByTestId("c-result", {}, { timeout: 10_000 });
  expect(screen.getByTestId("c-units")).toHaveTextContent("4");
  expect(host.summaries).toHaveLength(1);
  expect(host.summaries[0].specs.map((s) => s.name)).toEqual([SUMMARY_SHEETS.overview, SUMMARY_SHEETS.units]);
  expect(screen.getByText(/เขียนชีตสรุปลงสมุดงานแล้ว/)).toBeInTheDocument();
  expect(screen.getByTestId("c-failures")).toHaveTextContent("dies.xlsx");
  expect(screen.getByTestId("c-failures")).toHaveTextContent("ตัวประมวลผลหยุดทำงานขณะอ่านไฟล์ dies.xlsx");
  // Excel has no download button for the summary workbook: it is in the workbook
  expect(screen.queryByRole("button", { name: "ดาวน์โหลดสมุดงานสรุป (.xlsx)" })).toBeNull();
  // the unit task and back: the result stays
  await waitFor(() =>
    expect(screen.getByRole("button", { name: "วิเคราะห์หน่วยงาน" })).not.toHaveAttribute("aria-disabled", "true"),
  );
  fireEvent.click(screen.getByRole("button", { name: "วิเคราะห์หน่วยงาน" }));
  expect(screen.getByRole("heading", { name: "3. วิเคราะห์" })).toBeInTheDocument();
  expect(screen.getByTestId("consolidate-mode")).not.toBeVisible();
  fireEvent.click(screen.getByRole("button", { name: "รวมผลหลายหน่วยงาน" }));
  await waitFor(() => expect(screen.getByTestId("c-units")).toBeVisible());
});

it("in the browser: nothing is written until the summary workbook is downloaded", async () => {
  const host = fakeHost({}, { kind: "browser" });
  render(<App host={host} consolidate={{ spawn, workers: 1 }} />);
  fireEvent.click(screen.getByRole("button", { name: "รวมผลหลายหน่วยงาน" }));
  const input = (await screen.findByTestId("c-files", {}, { timeout: 30_000 })) as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [...outcomes.keys()].map((n) => new File(["x"], n)) } });
  });
  fireEvent.click(screen.getByRole("button", { name: "รวมผล" }));
  await screen.findByTestId("c-result", {}, { timeout: 10_000 });
  expect(host.summaries).toHaveLength(0);
  fireEvent.click(screen.getByRole("button", { name: "ดาวน์โหลดสมุดงานสรุป (.xlsx)" }));
  expect(await screen.findAllByText(/ดาวน์โหลดสมุดงานสรุปแล้ว: สรุปผล ITA 25\d\d\.xlsx/)).toHaveLength(2); // note and live region
  expect(host.summaries).toHaveLength(1);
});
