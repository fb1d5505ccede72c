/**
 * Task-pane text, Thai first. Issue messages, the hosts' included, come from the one catalogue
 * in src/core/messages.ts, filled by its one filler.
 */
import { CLASS_LABELS, CLASS_LABELS_EN } from "../core/labels";
import { fillTemplate, issueCellRef, issueLocation, issueMessage, type Issue } from "../core/messages";
import type { Lang } from "../core/types";
import type { Extra } from "../excel/capabilities";

export const message = issueMessage;

export const location = issueLocation;

export const EXTRA_NAMES: Record<Extra, { th: string; en: string }> = {
  dropdowns: { th: "รายการให้เลือกสถานะ (ต้องใช้ ExcelApi 1.8)", en: "status dropdowns (needs ExcelApi 1.8)" },
  colours: { th: "สีตามเกณฑ์คะแนน (ต้องใช้ ExcelApi 1.6)", en: "score colours (needs ExcelApi 1.6)" },
  freeze: { th: "ตรึงแถวหัวตาราง (ต้องใช้ ExcelApi 1.7)", en: "frozen header rows (needs ExcelApi 1.7)" },
  tabColor: { th: "สีแท็บชีต (ต้องใช้ ExcelApi 1.7)", en: "sheet tab colours (needs ExcelApi 1.7)" },
  lineSeries: {
    th: "เส้นเกณฑ์ 85 ในกราฟแท่ง (ต้องใช้ ExcelApi 1.7)",
    en: "the 85 pass line in bar charts (needs ExcelApi 1.7)",
  },
  print: { th: "การตั้งค่าหน้ากระดาษ (ต้องใช้ ExcelApi 1.9)", en: "print setup (needs ExcelApi 1.9)" },
  filter: {
    th: "ปุ่มกรองและเรียงข้อมูลในตาราง (ต้องใช้ ExcelApi 1.9)",
    en: "filter and sort buttons on tables (needs ExcelApi 1.9)",
  },
  charts: { th: "กราฟ (สร้างได้เฉพาะใน Excel ผ่าน add-in)", en: "charts (only the add-in in Excel can draw them)" },
};

const th = {
  appTitle: "ITA Analyzer",
  appSubtitle: "วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส (ITA)",
  language: "English",
  languageLabel: "English (เปลี่ยนภาษาเป็นภาษาอังกฤษ)",
  browserMode: "โหมดเบราว์เซอร์: เปิดไฟล์ .xlsx วิเคราะห์ แล้วดาวน์โหลดสมุดงานที่มีผลวิเคราะห์",
  chooseFile: "เลือกไฟล์ Excel (.xlsx)",
  dropHint: "หรือลากไฟล์มาวางที่นี่",
  fileLoaded: "ไฟล์: {name}",
  stepTemplate: "1. สร้างแม่แบบ",
  templateHelp: "เพิ่มชีต คะแนน ITA, มาตรการ และ ตั้งค่า (ไม่เขียนทับชีตที่มีอยู่)",
  templateBrowserHelp: "ดาวน์โหลดสมุดงานเปล่าที่มีชีต คะแนน ITA, มาตรการ และ ตั้งค่า",
  createTemplate: "สร้างแม่แบบ",
  downloadTemplate: "ดาวน์โหลดแม่แบบ",
  templateCreated: "เพิ่มชีตแล้ว: {names}",
  templateExisting: "มีชีตอยู่แล้ว (ไม่แก้ไข): {names}",
  templateDownloaded: "ดาวน์โหลดแม่แบบแล้ว: {name}",
  stepCheck: "2. ตรวจข้อมูล",
  checkData: "ตรวจข้อมูล",
  checkOk: "ข้อมูลพร้อมวิเคราะห์ ปีที่กรอกครบ: {years}",
  errors: "ข้อผิดพลาด ({n})",
  warnings: "คำเตือน ({n})",
  goToCell: "ไปที่เซลล์",
  stepAnalyze: "3. วิเคราะห์",
  year: "ปีงบประมาณที่วิเคราะห์",
  yearLatest: "ปีล่าสุดที่กรอกครบ",
  incomplete: "(ยังไม่ครบ)",
  strength: "เกณฑ์จุดแข็ง (ตั้งแต่)",
  urgent: "เกณฑ์แก้ไขเร่งด่วน (ต่ำกว่า)",
  analyze: "วิเคราะห์",
  written: "เขียนผลลงชีตแล้ว: {names}",
  skippedExtras: "Excel รุ่นนี้ไม่รองรับบางส่วน จึงข้าม: {list}",
  stepExport: "4. ส่งออก",
  exportDocx: "ดาวน์โหลดรายงาน (.docx)",
  downloadWorkbook: "ดาวน์โหลดสมุดงานที่วิเคราะห์แล้ว (.xlsx)",
  downloaded: "ดาวน์โหลดแล้ว: {name}",
  working: "กำลังทำงาน…",
  reading: "กำลังอ่านข้อมูลจากสมุดงาน…",
  analysing: "กำลังวิเคราะห์…",
  writing: "กำลังเขียนผลวิเคราะห์ลงสมุดงาน…",
  exporting: "กำลังสร้างรายงาน…",
  opening: "กำลังเปิดไฟล์…",
  result: "ผลการวิเคราะห์",
  total: "คะแนนรวม",
  level: "ระดับ",
  rating: "ผลการประเมิน",
  passed: "ผ่านเกณฑ์ 85",
  notPassed: "ไม่ผ่านเกณฑ์ 85",
  tools: "คะแนนรายเครื่องมือ",
  strengths: CLASS_LABELS.strength,
  urgentList: CLASS_LABELS.urgent,
  improveList: CLASS_LABELS.improve,
  none: "ไม่มี",
  indicator: "ตัวชี้วัดที่ {no} {name} ({score})",
  unitYear: "{unit} ปีงบประมาณ {year}",
  macNote: "Excel บน Mac และ iPad: ปุ่มดาวน์โหลดใช้ไม่ได้ ผลอยู่ในชีตที่สร้างไว้ และพิมพ์รายงานได้จากชีต 'รายงาน ITA'",
  rejectedExtras: "เขียนผลวิเคราะห์ครบแล้ว แต่ Excel ไม่รับการตกแต่งบางส่วน รายการต่อไปนี้อาจไม่ครบ: {list}",
  dismiss: "ปิด",
  welcome:
    "วิเคราะห์ผลคะแนน ITA ของหน่วยงาน จัดกลุ่มตัวชี้วัด เขียนชีตผลวิเคราะห์พร้อมกราฟ และส่งออกรายงาน .docx ข้อมูลอยู่ในสมุดงานของคุณเท่านั้น ไม่ถูกส่งออกไปที่ใด",
  welcomeOffice: "ยังไม่มีชีตคะแนน? กด 'สร้างแม่แบบ' ถ้ามีแล้ว กด 'วิเคราะห์'",
  welcomeBrowser: "เลือกสมุดงานที่กรอกคะแนนแล้ว หรือดาวน์โหลดแม่แบบไปกรอกก่อน",
  help: "วิธีใช้และความเป็นส่วนตัว",
  templateNext:
    "ขั้นต่อไป: กรอกคะแนนรายตัวชี้วัดในชีต 'คะแนน ITA' (ช่องสีเหลือง) มาตรการในชีต 'มาตรการ' แล้วกด 'ตรวจข้อมูล' หรือ 'วิเคราะห์'",
  fileModified: "แก้ไขล่าสุด {time}",
  chooseAgain: "เลือกไฟล์อีกครั้ง",
  retry: "ลองใหม่",
  cancel: "ยกเลิก",
  cancelled: "ยกเลิกแล้ว ข้อมูลไม่ถูกแก้ไข",
  checkOkYear: "ข้อมูลพร้อมวิเคราะห์ ปีงบประมาณ {year} (ปีที่กรอกครบ: {years})",
  errorsAnnounce: "ข้อผิดพลาด {n} รายการ",
  resultAnnounce: "วิเคราะห์เสร็จ คะแนนรวม {total} {rating}",
  browserWritten: "วิเคราะห์เสร็จแล้ว สมุดงานที่ดาวน์โหลดได้มีชีตเดิมของคุณ (ไม่แก้ไข) และชีตใหม่: {names}",
  stale: "ผลนี้ไม่ตรงกับปี เกณฑ์ หรือไฟล์ที่ตั้งไว้ตอนนี้ กด 'วิเคราะห์' อีกครั้งก่อนส่งออก",
  goToSheet: "ไปที่ชีตผลวิเคราะห์",
  change: "เปลี่ยนแปลงจากปี {from}",
  noChange: "ไม่มีปีก่อนหน้าให้เทียบ",
  weak: "ตัวชี้วัดที่ต้องพัฒนา",
  lowestPerTool: "ต่ำสุดของแต่ละเครื่องมือ",
  measures: "มาตรการ",
  measuresStatus: "ทั้งหมด {count} มาตรการ: เสร็จ {done} กำลังทำ {inProgress} ยังไม่เริ่ม {notStarted} ไม่ระบุ {unknown}",
  uncovered: "ตัวชี้วัดที่ยังไม่มีมาตรการ",
  plan: "เพื่อให้ได้ระดับ {target}",
  planSteps: "เพิ่มคะแนนรวม {gain} คะแนน:",
  planStep: "ตัวชี้วัดที่ {no} จาก {from} เป็น {to}",
  planImpossible: "ยังเป็นไปไม่ได้ด้วยการเพิ่มคะแนนตัวชี้วัด",
  chartTitle: "คะแนนรายตัวชี้วัดเทียบเส้นผ่าน {mark}",
  chartDesc: "กราฟแท่งคะแนน 10 ตัวชี้วัด เส้นประคือเกณฑ์ผ่าน {mark}",
  officialResult: "ผลการประเมิน",
  letterGrade: "ระดับ {grade}",
  modeUnit: "วิเคราะห์หน่วยงาน",
  modeConsolidate: "รวมผลหลายหน่วยงาน",
  modeLabel: "เลือกงาน",
};

export type Strings = typeof th;

const en: Strings = {
  appTitle: "ITA Analyzer",
  appSubtitle: "Analyse the Integrity and Transparency Assessment (ITA)",
  language: "ภาษาไทย",
  languageLabel: "ภาษาไทย (switch the language to Thai)",
  browserMode: "Browser mode: open an .xlsx, analyse it, then download the analysed workbook",
  chooseFile: "Choose an Excel workbook (.xlsx)",
  dropHint: "or drop the file here",
  fileLoaded: "File: {name}",
  stepTemplate: "1. Create the template",
  templateHelp: "Adds the sheets คะแนน ITA, มาตรการ and ตั้งค่า (existing sheets are kept)",
  templateBrowserHelp: "Downloads a blank workbook with the sheets คะแนน ITA, มาตรการ and ตั้งค่า",
  createTemplate: "Create template",
  downloadTemplate: "Download template",
  templateCreated: "Sheets added: {names}",
  templateExisting: "Sheets already there (left as they are): {names}",
  templateDownloaded: "Template downloaded: {name}",
  stepCheck: "2. Check the data",
  checkData: "Check data",
  checkOk: "Ready to analyse. Complete years: {years}",
  errors: "Errors ({n})",
  warnings: "Warnings ({n})",
  goToCell: "Go to cell",
  stepAnalyze: "3. Analyse",
  year: "Fiscal year to analyse",
  yearLatest: "Latest complete year",
  incomplete: "(incomplete)",
  strength: "Strength threshold (from)",
  urgent: "Urgent threshold (below)",
  analyze: "Analyse",
  written: "Written to sheets: {names}",
  skippedExtras: "This Excel lacks some features; skipped: {list}",
  stepExport: "4. Export",
  exportDocx: "Download the report (.docx)",
  downloadWorkbook: "Download the analysed workbook (.xlsx)",
  downloaded: "Downloaded: {name}",
  working: "Working…",
  reading: "Reading the workbook…",
  analysing: "Analysing…",
  writing: "Writing the analysis into the workbook…",
  exporting: "Making the report…",
  opening: "Opening the file…",
  result: "Result",
  total: "Total",
  level: "Level",
  rating: "Rating",
  passed: "Passes the 85 mark",
  notPassed: "Below the 85 mark",
  tools: "Tool scores",
  strengths: CLASS_LABELS_EN.strength,
  urgentList: CLASS_LABELS_EN.urgent,
  improveList: CLASS_LABELS_EN.improve,
  none: "none",
  indicator: "Indicator {no} {name} ({score})",
  unitYear: "{unit}, fiscal year {year}",
  macNote:
    "Excel on Mac and iPad: downloads do not work; the results are in the generated sheets, and the report prints from sheet 'รายงาน ITA'",
  rejectedExtras:
    "The analysis is written in full, but Excel refused some finishing touches; these may be missing: {list}",
  dismiss: "Dismiss",
  welcome:
    "Analyses your body's ITA scores, classifies the indicators, writes analysis sheets with charts and exports the .docx report. Your data stays in your workbook and is never sent anywhere.",
  welcomeOffice: "No score sheet yet? Press 'Create template'. Already there? Press 'Analyse'.",
  welcomeBrowser: "Choose a workbook with the scores filled in, or download the template to fill in first.",
  help: "Help and privacy",
  templateNext:
    "Next: fill in the indicator scores in sheet 'คะแนน ITA' (yellow cells) and the measures in sheet 'มาตรการ', then press 'Check data' or 'Analyse'.",
  fileModified: "modified {time}",
  chooseAgain: "Choose the file again",
  retry: "Try again",
  cancel: "Cancel",
  cancelled: "Cancelled; nothing was changed",
  checkOkYear: "Ready to analyse fiscal year {year} (complete years: {years})",
  errorsAnnounce: "{n} error(s)",
  resultAnnounce: "Analysis done, total {total} {rating}",
  browserWritten: "Analysis done. The workbook to download holds your sheets (unchanged) and the new sheets: {names}",
  stale: "This result does not match the year, thresholds or file set now; press 'Analyse' again before exporting.",
  goToSheet: "Go to the analysis sheet",
  change: "change since {from}",
  noChange: "no previous year to compare",
  weak: "Indicators to improve",
  lowestPerTool: "Lowest of each tool",
  measures: "Measures",
  measuresStatus:
    "{count} measures: {done} done, {inProgress} in progress, {notStarted} not started, {unknown} unknown",
  uncovered: "Weak indicators no measure covers",
  plan: "To reach {target}",
  planSteps: "raise the total by {gain} points:",
  planStep: "indicator {no} from {from} to {to}",
  planImpossible: "not reachable by raising indicator scores",
  chartTitle: "Indicator scores against the {mark} pass line",
  chartDesc: "Bar chart of the 10 indicator scores; the dashed line is the {mark} pass mark",
  officialResult: "Official result",
  letterGrade: "grade {grade}",
  modeUnit: "Analyse one unit",
  modeConsolidate: "Consolidate many units",
  modeLabel: "Task",
};

export const STRINGS: Record<Lang, Strings> = { th, en };

export const fmt = fillTemplate;

/** English labels of the Thai ratings and statuses (the data itself stays Thai). */
export const RATING_EN: Record<string, string> = {
  ผ่านดีเยี่ยม: "Pass, excellent",
  ผ่านดี: "Pass, good",
  ผ่าน: "Pass",
  ต้องปรับปรุง: "Needs improvement",
  ต้องปรับปรุงโดยด่วน: "Needs urgent improvement",
};

/** "คะแนน ITA!E11": the cell as Excel writes a reference, or the sheet alone ("" when none). */
export function cellRef(issue: Issue): string {
  return issueCellRef(issue) ?? "";
}

/** Most important first: errors, then the warnings that change what is analysed, then the rest. */
const WARNING_RANK: Record<string, number> = {
  YEAR_SKIPPED_INCOMPLETE: 0,
  YEAR_INCOMPLETE: 0,
  NO_COMPLETE_YEAR: 0,
  PUBLISHED_TOTAL_DIFFERS: 1,
  FRAMEWORK_BEYOND: 2,
  FRAMEWORK_BEFORE: 2,
  WEIGHTS_OVERRIDDEN: 3,
  WEIGHTS_ASSUMED: 3,
};
export function byImportance(issues: Issue[]): Issue[] {
  const rank = (i: Issue) => (i.severity === "error" ? -1 : (WARNING_RANK[i.code] ?? 5));
  return issues
    .map((issue, k) => ({ issue, k }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.k - b.k)
    .map((x) => x.issue);
}
