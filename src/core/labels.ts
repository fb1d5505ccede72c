/**
 * The Thai words for the core's own concepts, one set for every output (pane, sheets, CLI, .docx).
 * Words the parser accepts from users live in src/layout/names.ts.
 */
import type { Confidence, IndicatorClass } from "./types";

/** The three measure statuses as the template's dropdown writes them. */
export const STATUS_LABELS = {
  notStarted: "ยังไม่ดำเนินการ",
  inProgress: "อยู่ระหว่างดำเนินการ",
  done: "ดำเนินการเสร็จเรียบร้อยแล้ว",
} as const;

/** A measure whose status cell is blank. */
export const STATUS_UNKNOWN_LABEL = "ไม่ระบุสถานะ";

/** The class of an indicator (strength, to improve, to fix urgently): the one wording of every output. */
export const CLASS_LABELS: Record<IndicatorClass, string> = {
  strength: "จุดแข็ง",
  improve: "ประเด็นที่ต้องพัฒนาให้ดีขึ้น",
  urgent: "ประเด็นที่ต้องแก้ไขโดยเร่งด่วน",
};

/** The same classes in English (pane and CLI in English). */
export const CLASS_LABELS_EN: Record<IndicatorClass, string> = {
  strength: "Strengths",
  improve: "To improve",
  urgent: "To fix urgently",
};

/** How sure the product is of a framework fact. */
export const CONFIDENCE_LABELS: Record<Confidence, string> = { high: "สูง", medium: "ปานกลาง", low: "ต่ำ (สันนิษฐาน)" };

/**
 * "อำเภอเมืองสกลนคร จังหวัดสกลนคร" from the unit's district and province as typed. A district typed
 * "เมือง" (or "อำเภอเมือง", "อ.เมือง") is the province's capital district and is completed with the
 * province's name, as its official name is: "อำเภอเมืองนครพนม".
 */
export function placeLine(district?: string, province?: string): string {
  const parts: string[] = [];
  const d = district?.trim().replace(/\s+/g, " ");
  const p = province?.trim().replace(/\s+/g, " ");
  const provinceName = p?.replace(/^(จังหวัด|จ\.)\s*/, "");
  if (d) {
    const bare = d.replace(/^(อำเภอ|อ\.)\s*/, "");
    if (bare === "เมือง" && provinceName && provinceName !== "กรุงเทพมหานคร") parts.push(`อำเภอเมือง${provinceName}`);
    else parts.push(/^(อำเภอ|เขต|อ\.)/.test(d) ? d : `อำเภอ${d}`);
  }
  if (p) parts.push(/^(จังหวัด|จ\.)/.test(p) || p === "กรุงเทพมหานคร" ? p : `จังหวัด${p}`);
  return parts.join(" ");
}
