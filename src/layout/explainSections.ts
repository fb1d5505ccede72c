/**
 * The sections of ผลวิเคราะห์ ITA that explain and plan: why the total moved, what keeps the unit from
 * the next rating, the path to each higher rating, and the OIT self-check estimate.
 */
import type { Analysis } from "../core/analysis";
import { TOOL_NAMES } from "../core/frameworks";
import type { Plan } from "../core/planner";
import { TOOL_IDS } from "../core/types";
import { Block, rect } from "./block";
import { OPTIONAL_SHEETS } from "./names";
import { HEADER_HEIGHT, PALETTE, STYLES } from "./style";
import { CHANGE_FORMAT, percent, signed, ruleText, WIDTH, line } from "./sheetParts";

/** The rating the plans and blockers speak of, with where its rules come from. */
function rulesNote(a: Analysis): string {
  if (a.framework.origin === "workbook") return `เกณฑ์ผลการประเมินตามชีต '${OPTIONAL_SHEETS.framework}'`;
  return a.framework.usesRating
    ? "เกณฑ์ผลการประเมินตั้งแต่ปี 2566"
    : `ปี ${a.year} ใช้ระดับ AA–F เป็นผลอย่างเป็นทางการ ส่วนนี้ใช้เกณฑ์ผลการประเมินตั้งแต่ปี 2566 เพื่อวางแผน`;
}

/** What keeps the unit from the next rating, one line each (empty at the best rating). */
function blockerLines(a: Analysis): string[] {
  return a.blockers.map((d) =>
    d.tool === "total"
      ? `ยังไม่ได้ ${d.rating} เพราะคะแนนรวม ${d.score.toFixed(2)} ต่ำกว่าเกณฑ์ ${d.threshold}`
      : `ยังไม่ได้ ${d.rating} เพราะ ${d.tool} ได้ ${d.score.toFixed(2)} ต่ำกว่าเกณฑ์ ${d.threshold}`,
  );
}

/**
 * ผลการประเมินเทียบกับปีก่อน: the change of the total split by tool and by indicator (points of
 * the total, adding up exactly to the printed change), the tool that moved it most, and what keeps
 * the unit from the next rating.
 */
export function changeSection(a: Analysis): Block {
  const b = new Block();
  const c = a.change;
  b.section(c ? `ผลการประเมินเทียบกับปีก่อน (ปี ${c.from} → ปี ${a.year})` : "ผลการประเมินเทียบกับปีก่อน", WIDTH, STYLES.section);
  if (!c) {
    line(b, `ไม่มีปีก่อนหน้าที่กรอกคะแนนครบ จึงยังเปรียบเทียบไม่ได้`, STYLES.note);
  } else {
    const prev = a.history.find((h) => h.year === c.from);
    const prevTotal = prev ? prev.total : null;
    line(
      b,
      `คะแนนรวม${prevTotal !== null ? ` ${prevTotal.toFixed(2)} → ${a.total.toFixed(2)}` : ""} เปลี่ยนแปลง ${signed(c.total)} คะแนน`,
      { bold: true },
    );
    const toolHeader = b.add(
      ["เครื่องมือ", "น้ำหนัก (%)", "ชื่อเครื่องมือ", `ปี ${c.from}`, `ปี ${a.year}`, "เปลี่ยนแปลง", "ผลต่อคะแนนรวม (คะแนน)"],
      STYLES.header,
    );
    b.rowHeight(toolHeader, HEADER_HEIGHT);
    for (const t of c.byTool) {
      b.add([
        t.tool,
        percent(a.framework.weights[t.tool]),
        TOOL_NAMES[t.tool].th,
        prev ? prev.tools[t.tool] : null,
        a.tools[t.tool],
        t.change,
        t.contribution,
      ]);
    }
    const sumRow = b.add(["รวม", null, "คะแนนรวม", prevTotal, a.total, c.total, c.total], { bold: true }, 7);
    b.style(rect(toolHeader + 1, 0, sumRow, 6), STYLES.table);
    b.style(rect(toolHeader + 1, 0, sumRow, 1), STYLES.center);
    b.style(rect(toolHeader + 1, 3, sumRow, 4), STYLES.score);
    b.style(rect(toolHeader + 1, 5, sumRow, 6), { numberFormat: CHANGE_FORMAT, hAlign: "right" });

    b.blank();
    const indHeader = b.add(
      ["ตัวชี้วัดที่", "เครื่องมือ", "ชื่อตัวชี้วัด", `ปี ${c.from}`, `ปี ${a.year}`, "เปลี่ยนแปลง", "ผลต่อคะแนนรวม (คะแนน)"],
      STYLES.header,
    );
    b.rowHeight(indHeader, HEADER_HEIGHT);
    for (const x of c.byIndicator) {
      const i = a.indicators.find((y) => y.no === x.no);
      b.add([x.no, i?.tool ?? null, i?.name ?? "", i?.previous ?? null, i?.score ?? null, x.change, x.contribution]);
    }
    const last = b.height - 1;
    b.style(rect(indHeader + 1, 0, last, 6), STYLES.table);
    b.style(rect(indHeader + 1, 0, last, 1), STYLES.center);
    b.style(rect(indHeader + 1, 3, last, 4), STYLES.score);
    b.style(rect(indHeader + 1, 5, last, 6), { numberFormat: CHANGE_FORMAT, hAlign: "right" });
    line(
      b,
      `ผลต่อคะแนนรวม = การเปลี่ยนแปลงของแต่ละส่วน × น้ำหนักในคะแนนรวม (ปี ${a.year}: ตัวชี้วัด ${TOOL_IDS.map((t) => {
        const n = a.indicators.filter((i) => i.tool === t).length;
        return `${t} ตัวละ ${percent(a.framework.weights[t] / n)}%`;
      }).join(" ")}) ปัดเป็นทศนิยม 2 ตำแหน่งโดยให้ส่วนที่มีเศษมากที่สุดได้ 0.01 ก่อน ผลรวมจึงเท่ากับการเปลี่ยนแปลงของคะแนนรวมพอดี`,
      STYLES.note,
    );
    for (const d of c.drivers)
      if (d.kind === "moved")
        line(b, `เครื่องมือที่ทำให้คะแนนรวมเปลี่ยนมากที่สุด: ${d.tool} (${signed(d.contribution)} คะแนน)`, { bold: true });
  }
  const lines = blockerLines(a);
  if (lines.length) {
    line(b, `สิ่งที่ทำให้ยังไม่ได้ผลการประเมินระดับถัดไป (${rulesNote(a)}):`, { bold: true, color: PALETTE.urgentText });
    for (const l of lines) line(b, `• ${l}`);
  } else if (a.rating === "ผ่านดีเยี่ยม" || a.plan.length === 0) {
    line(b, "ได้ผลการประเมินระดับสูงสุดแล้ว", STYLES.note);
  }
  return b;
}

function planTitle(a: Analysis, p: Plan): string {
  if (typeof p.target === "number") return `เป้าหมาย: คะแนนรวม ${p.target.toFixed(2)} (ที่กำหนดไว้)`;
  const rule = a.framework.ratings.find((r) => r.rating === p.target);
  return `เป้าหมาย: ${p.target}${rule ? ` (${ruleText(rule)})` : ""}`;
}

/** เส้นทางสู่ผลการประเมินระดับถัดไป: each plan, its total gain and per-indicator targets. */
export function planSection(a: Analysis): Block {
  const b = new Block();
  b.section("เส้นทางสู่ผลการประเมินระดับถัดไป", WIDTH, STYLES.section);
  line(
    b,
    `คะแนนที่ต้องเพิ่มน้อยที่สุด (รวมทุกตัวชี้วัด แต่ละตัวไม่เกิน 100) ให้ผ่านทุกเงื่อนไขของเป้าหมาย คำนวณแบบแม่นยำจากคะแนนปี ${a.year} เพิ่มตัวชี้วัดที่ต่ำที่สุดของเครื่องมือก่อน · ${rulesNote(a)}`,
    STYLES.note,
  );
  if (a.plan.length === 0) {
    line(b, "ได้ผลการประเมินระดับสูงสุดแล้ว ไม่มีระดับที่สูงกว่าให้วางแผน", STYLES.note);
    return b;
  }
  for (const p of a.plan) {
    b.blank();
    line(b, planTitle(a, p), { bold: true, color: PALETTE.title });
    if (!p.possible) {
      line(b, "เป็นไปไม่ได้ แม้ทุกตัวชี้วัดได้ 100 คะแนน", { color: PALETTE.urgentText });
      continue;
    }
    if (p.indicators.length === 0) {
      line(b, "ผ่านเงื่อนไขนี้แล้ว ไม่ต้องเพิ่มคะแนน", STYLES.note);
      continue;
    }
    const r = p.reaches!;
    line(
      b,
      `เพิ่มคะแนนรวมทุกตัวชี้วัด ${p.totalGain.toFixed(2)} คะแนน → คะแนนรวม ${r.total.toFixed(2)} (IIT ${r.tools.IIT.toFixed(2)} EIT ${r.tools.EIT.toFixed(2)} OIT ${r.tools.OIT.toFixed(2)})${r.rating ? ` ผลการประเมิน ${r.rating}` : ""}`,
    );
    const header = b.add(["ตัวชี้วัดที่", "เครื่องมือ", "ชื่อตัวชี้วัด", "คะแนนปัจจุบัน", "เป้าหมาย", "ต้องเพิ่ม"], STYLES.header);
    b.rowHeight(header, HEADER_HEIGHT);
    for (const st of p.indicators) {
      const i = a.indicators.find((x) => x.no === st.no);
      b.add([st.no, i?.tool ?? null, i?.name ?? "", st.from, st.to, Math.round((st.to - st.from) * 100) / 100]);
    }
    const last = b.height - 1;
    b.style(rect(header + 1, 0, last, 5), STYLES.table);
    b.style(rect(header + 1, 0, last, 1), STYLES.center);
    b.style(rect(header + 1, 3, last, 5), STYLES.score);
  }
  return b;
}

/** The OIT self-check (sheet 'OIT'): share per sub-indicator, the estimates, the missing items. */
export function oitSection(a: Analysis): Block | null {
  const o = a.oit;
  if (!o) return null;
  const b = new Block();
  b.section(`ตรวจรายการ OIT ด้วยตนเอง (ประมาณการ จากชีต '${OPTIONAL_SHEETS.oit}')`, WIDTH, STYLES.section);
  line(b, "ประมาณการเท่านั้น ไม่ใช่ผลอย่างเป็นทางการ: ตัวชี้วัดย่อยได้ร้อยละของรายการที่มี", STYLES.note);
  line(b, "ตัวชี้วัดที่ 9 และ 10 = ค่าเฉลี่ยของตัวชี้วัดย่อย (ตามคู่มือปี 2564) รายการที่ยังไม่ได้ตรวจนับเป็นไม่มี", STYLES.note);
  const subHeader = b.add(["ตัวชี้วัดย่อย", "มี (รายการ)", "ทั้งหมด (รายการ)", "ร้อยละที่มี"], STYLES.header);
  b.rowHeight(subHeader, HEADER_HEIGHT);
  for (const x of o.subIndicators) b.add([x.id, x.present, x.items, x.score]);
  let last = b.height - 1;
  b.style(rect(subHeader + 1, 0, last, 3), STYLES.table);
  b.style(rect(subHeader + 1, 0, last, 2), STYLES.center);
  b.style(rect(subHeader + 1, 3, last, 3), STYLES.score);

  b.blank();
  const e = o.estimated;
  const estHeader = b.add(["รายการ", null, null, "ประมาณการ", `ปี ${a.year}`], STYLES.header, 5);
  b.merge(rect(estHeader, 0, estHeader, 2));
  const rows: Array<[string, number | string | null, number | string | null]> = [];
  for (const [no, v] of Object.entries(e.byIndicator)) {
    const i = a.indicators.find((x) => x.no === Number(no));
    rows.push([`ตัวชี้วัดที่ ${no} ${i?.name ?? ""} (ประมาณการ)`, v, i?.score ?? null]);
  }
  rows.push(["OIT (ประมาณการ)", e.oit, a.tools.OIT]);
  rows.push([`คะแนนรวม (ประมาณการ ถ้า IIT และ EIT เท่ากับปี ${a.year})`, e.total, a.total]);
  rows.push(["ผลการประเมิน (ประมาณการ)", e.rating, a.rating ?? a.grade]);
  for (const [label, est, now] of rows) {
    const r = b.add([label, null, null, est, now]);
    b.merge(rect(r, 0, r, 2));
  }
  last = b.height - 1;
  b.style(rect(estHeader + 1, 0, last, 4), STYLES.table);
  b.style(rect(estHeader + 1, 3, last, 4), STYLES.score);

  b.blank();
  if (o.missingItems.length === 0) {
    line(b, "มีครบทุกรายการในชีต OIT", STYLES.note);
  } else {
    line(b, `รายการที่ยังไม่มี ต้องเผยแพร่บนเว็บไซต์ (${o.missingItems.length} รายการ):`, {
      bold: true,
      color: PALETTE.urgentText,
    });
    const h = b.add(["ข้อ", "ตัวชี้วัดย่อย", "ชื่อรายการ", null, null, null, "หมายเหตุ"], STYLES.header, 7);
    b.merge(rect(h, 2, h, 5));
    b.rowHeight(h, HEADER_HEIGHT);
    for (const m of o.missingItems) {
      const r = b.add([m.code, m.sub, m.name, null, null, null, m.unchecked ? "ยังไม่ได้ตรวจ" : "ไม่มี"]);
      b.merge(rect(r, 2, r, 5));
    }
    last = b.height - 1;
    b.style(rect(h + 1, 0, last, 6), STYLES.table);
    b.style(rect(h + 1, 0, last, 1), STYLES.center);
  }
  if (o.gap) {
    const g = o.gap;
    line(
      b,
      g.possible
        ? `รายการที่ขาดน้อยที่สุดที่ทำให้ได้ ${g.target} (ประมาณการ): ${g.items.join(", ")} → คะแนนรวมประมาณการ ${g.reaches!.total.toFixed(2)} OIT ${g.reaches!.oit.toFixed(2)}`
        : `แม้มีครบทุกรายการ ก็ยังไม่ได้ ${g.target} (ประมาณการ) เพราะเครื่องมืออื่นยังต่ำกว่าเกณฑ์`,
      { bold: true },
    );
  }
  return b;
}
