/** Input grids for tests: the template's input sheets filled with scores and measures. */
import { STATUS_LABELS } from "../../src/core/labels";
import type { Grid } from "../../src/layout/sheetSpec";
import { SEED_002_2565 } from "../helpers/input";
import { templateSheets, SCORE_TEMPLATE, MEASURES_TEMPLATE } from "../../src/layout/template";

const STATUSES = [STATUS_LABELS.notStarted, STATUS_LABELS.inProgress, STATUS_LABELS.done];

/**
 * The three input sheets with `yearCount` years of scores ending in 2565 and `measureCount`
 * measures with realistic Thai text.
 */
export function inputGrids(yearCount: number, measureCount: number): Record<string, Grid> {
  const years = Array.from({ length: yearCount }, (_, i) => 2565 - yearCount + 1 + i);
  const specs = templateSheets(years);
  const grids: Record<string, Grid> = {};
  for (const s of specs) grids[s.name] = s.rows.map((r) => [...r]);
  const [scores, measures] = specs.map((s) => grids[s.name]);
  scores[2][1] = "เทศบาลตำบลท่าแร่";
  for (let i = 0; i < 10; i++) {
    const row = scores[SCORE_TEMPLATE.firstIndicatorRow - 1 + i];
    years.forEach((y, k) => {
      row[2 + k] = y === 2565 ? SEED_002_2565[i] : Math.round((70 + ((i * 7 + k * 3) % 30)) * 100) / 100;
    });
  }
  for (let m = 0; m < measureCount; m++) {
    measures[MEASURES_TEMPLATE.headerRow + m] = [
      m + 1,
      String((m % 10) + 1),
      `มาตรการที่ ${m + 1} ส่งเสริมการเปิดเผยข้อมูลสาธารณะบนเว็บไซต์ของหน่วยงาน`,
      "1. แต่งตั้งคณะทำงาน 2. ทบทวนข้อมูลบนเว็บไซต์ทุกเดือน 3. รายงานผลต่อผู้บริหาร",
      "ต.ค. 2565 – ก.ย. 2566",
      "สำนักปลัด",
      "รายงานผลรอบ 6 เดือนและ 12 เดือน",
      STATUSES[m % 3],
      "ข้อมูลบนเว็บไซต์ครบถ้วนตามรายการ O1–O43",
      "ผู้รับบริการเข้าถึงข้อมูลได้สะดวกขึ้น",
      "",
    ];
  }
  return grids;
}
