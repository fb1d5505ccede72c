/**
 * The one catalogue of user-facing messages, Thai first, English available, for every issue the
 * product raises (engine, layout, files, CLI, Excel and the task pane's hosts). An issue's code
 * is a key of this catalogue and its params are exactly the `{x}` placeholders of its two
 * templates: a code without a translation, or a missing or misspelt param, is a compile error.
 */
import type { Lang } from "./lang";

/** A catalogue entry: the Thai and English templates. */
interface Message {
  th: string;
  en: string;
}

export const MESSAGES = {
  // files (CLI / browser)
  FILE_NOT_FOUND: { th: "ไม่พบไฟล์ {path}", en: "File not found: {path}" },
  FILE_NOT_XLSX: {
    th: "ไฟล์ {path} ไม่ใช่ไฟล์ Excel (.xlsx) กรุณาบันทึกเป็น .xlsx แล้วลองใหม่",
    en: "{path} is not an Excel workbook (.xlsx); save it as .xlsx and try again",
  },
  FILE_CORRUPT: {
    th: "เปิดไฟล์ {path} ไม่ได้ ไฟล์อาจเสียหาย: {detail}",
    en: "Cannot open {path}; the file may be damaged: {detail}",
  },
  OUT_SAME_AS_IN: {
    th: "ไฟล์ผลลัพธ์ {path} คือไฟล์ต้นฉบับ {input} (ชื่อเดียวกัน ลิงก์ หรือชื่อที่ต่างกันเพียงตัวพิมพ์เล็ก-ใหญ่) โปรแกรมจะไม่เขียนทับข้อมูลของท่าน กรุณาตั้งชื่อไฟล์ผลลัพธ์ใหม่",
    en: "The output {path} is the input {input} (same name, a link, or a name differing only in case); the input is never overwritten. Choose another output name",
  },
  OUT_DUPLICATE: {
    th: "ไฟล์ผลลัพธ์ {path} กับ {other} เป็นไฟล์เดียวกัน กรุณาตั้งชื่อให้ต่างกัน",
    en: "The outputs {path} and {other} are the same file; give them different names",
  },
  WRITE_FAILED: { th: "บันทึกไฟล์ {path} ไม่ได้: {detail}", en: "Cannot write {path}: {detail}" },
  OUTPUTS_UNCHANGED: {
    th: "ไม่ได้บันทึกไฟล์ใดเลย ไฟล์ผลลัพธ์เดิม (ถ้ามี) ยังอยู่ครบตามเดิม",
    en: "No file was written; earlier output files (if any) are left as they were",
  },
  JSON_NOT_WRITTEN: {
    th: "ไม่ได้บันทึกข้อผิดพลาดลงไฟล์ {path} เพราะมีไฟล์ผลลัพธ์ของการวิเคราะห์ครั้งก่อนอยู่ จึงเก็บชุดไฟล์เดิมไว้ทั้งชุด",
    en: "The errors were not written to {path}: the outputs of an earlier analysis are there and are kept as one set",
  },
  FILE_NO_PERMISSION: {
    th: "ไม่มีสิทธิ์อ่านไฟล์ {path} กรุณาตรวจสอบสิทธิ์การเข้าถึงไฟล์ หรือคัดลอกไฟล์มาไว้ในโฟลเดอร์ของท่าน",
    en: "No permission to read {path}; check the file's permissions or copy it into your own folder",
  },
  FILE_IS_FOLDER: { th: "{path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ .xlsx", en: "{path} is a folder, not an .xlsx file" },
  FILE_UNREADABLE: { th: "อ่านไฟล์ {path} ไม่ได้: {detail}", en: "Cannot read {path}: {detail}" },
  FILE_EMPTY: { th: "ไฟล์ {path} ว่างเปล่า (ขนาด 0 ไบต์)", en: "{path} is empty (0 bytes)" },
  FILE_ENCRYPTED: {
    th: "ไฟล์ {path} ถูกป้องกันด้วยรหัสผ่าน โปรแกรมเปิดไม่ได้ กรุณาเปิดใน Excel แล้วเอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก > เข้ารหัสด้วยรหัสผ่าน ลบรหัสผ่านแล้วบันทึก) จากนั้นลองใหม่",
    en: "{path} is protected by a password and cannot be opened; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it, save) and try again",
  },
  FILE_XLS: {
    th: "ไฟล์ {path} เป็นไฟล์ Excel รุ่นเก่า (.xls) กรุณาเปิดใน Excel แล้วบันทึกเป็น (Save As) 'สมุดงาน Excel (.xlsx)' แล้วลองใหม่",
    en: "{path} is an old-format Excel file (.xls); open it in Excel, Save As 'Excel Workbook (.xlsx)' and try again",
  },
  FILE_XLSM: {
    th: "ไฟล์ {path} เป็นสมุดงานที่มีแมโคร (.xlsm) กรุณาบันทึกเป็น (Save As) 'สมุดงาน Excel (.xlsx)' แล้วลองใหม่ (แมโครไม่จำเป็นต่อการวิเคราะห์)",
    en: "{path} is a macro-enabled workbook (.xlsm); Save As 'Excel Workbook (.xlsx)' and try again (macros are not needed)",
  },
  FILE_XLSB: {
    th: "ไฟล์ {path} เป็นสมุดงานแบบไบนารี (.xlsb) กรุณาเปิดใน Excel แล้วบันทึกเป็น (Save As) 'สมุดงาน Excel (.xlsx)' แล้วลองใหม่",
    en: "{path} is a binary workbook (.xlsb); open it in Excel, Save As 'Excel Workbook (.xlsx)' and try again",
  },
  FILE_ODS: {
    th: "ไฟล์ {path} เป็นไฟล์ OpenDocument (.ods) กรุณาบันทึกเป็น (Save As) 'Excel 2007-365 (.xlsx)' แล้วลองใหม่",
    en: "{path} is an OpenDocument spreadsheet (.ods); Save As 'Excel 2007-365 (.xlsx)' and try again",
  },
  FILE_CSV: {
    th: "ไฟล์ {path} เป็นไฟล์ข้อความ (.csv) ไม่ใช่สมุดงาน กรุณาสร้างสมุดงานจากแม่แบบ (ita-analyzer template) คัดลอกข้อมูลลงไป แล้วบันทึกเป็น .xlsx",
    en: "{path} is a text file (.csv), not a workbook; start from the template (ita-analyzer template), copy the data in and save as .xlsx",
  },
  FILE_DOCX: {
    th: "ไฟล์ {path} เป็นเอกสาร Word (.docx) ที่เปลี่ยนชื่อ ไม่ใช่สมุดงาน Excel กรุณาเลือกไฟล์ .xlsx ที่บันทึกจาก Excel",
    en: "{path} is a Word document (.docx) renamed, not an Excel workbook; choose an .xlsx saved by Excel",
  },
  FILE_CORRUPT_ENTRY: {
    th: "ไฟล์ {path} เสียหาย: ส่วน {part} ในไฟล์ไม่ตรงกับค่าตรวจสอบ (CRC) กรุณาใช้สำเนาอื่นของไฟล์ หรือเปิดใน Excel ให้ซ่อมแล้วบันทึกใหม่",
    en: "{path} is damaged: part {part} fails its checksum (CRC); use another copy, or let Excel repair it and save again",
  },
  FILE_PART_TOO_LARGE: {
    th: "ไฟล์ {path} มีส่วน {part} ที่ใหญ่เกิน {limit} MB เมื่อขยายออก โปรแกรมจึงหยุดอ่านเพื่อป้องกันหน่วยความจำเต็ม (ชีตรูปแบบของโปรแกรมไม่ควรใหญ่ขนาดนี้)",
    en: "{path}: part {part} inflates beyond {limit} MB; reading stopped to protect memory (the layout sheets are never this large)",
  },
  FILE_TOO_LARGE_TOTAL: {
    th: "ไฟล์ {path} ขยายออกแล้วใหญ่เกิน {limit} MB โปรแกรมจึงหยุดอ่านเพื่อป้องกันหน่วยความจำเต็ม",
    en: "{path} inflates beyond {limit} MB in all; reading stopped to protect memory",
  },
  SHEET_TOO_MANY_ROWS: {
    th: "ชีต '{sheet}' มีข้อมูลเกิน {limit} แถว (พบที่เซลล์ {cell}) โปรแกรมจึงหยุดอ่าน กรุณาลบแถวที่ไม่ใช้ออก",
    en: "Sheet '{sheet}' has data beyond {limit} rows (at {cell}); reading stopped. Delete the unused rows",
  },
  SHEET_TOO_MANY_COLUMNS: {
    th: "ชีต '{sheet}' มีข้อมูลเกิน {limit} คอลัมน์ (พบที่เซลล์ {cell}) โปรแกรมจึงหยุดอ่าน",
    en: "Sheet '{sheet}' has data beyond {limit} columns (at {cell}); reading stopped",
  },
  SHEET_TOO_LARGE: {
    th: "ชีต '{sheet}' มีเซลล์ที่ใช้งานเกิน {limit} เซลล์ โปรแกรมจึงหยุดอ่าน กรุณาลบข้อมูลที่ไม่เกี่ยวข้องออกจากชีตนี้",
    en: "Sheet '{sheet}' uses more than {limit} cells; reading stopped. Remove unrelated data from this sheet",
  },
  SHEET_AMBIGUOUS: {
    th: "มีชีตที่ชื่อตรงกับ '{sheet}' มากกว่าหนึ่งชีต: {names} กรุณาลบหรือเปลี่ยนชื่อชีตที่ไม่ใช้",
    en: "More than one sheet matches '{sheet}': {names}; delete or rename the one not in use",
  },
  SHEET_DUPLICATE_IGNORED: {
    th: "ใช้ชีต '{sheet}' ที่ชื่อตรงทุกตัวอักษร ไม่ได้อ่านชีตที่ชื่อคล้ายกัน: {others}",
    en: "Sheet '{sheet}' (exact name) is used; similar sheets are not read: {others}",
  },
  PERCENT_READ: {
    th: "เซลล์ {cells} เป็นรูปแบบร้อยละ จึงอ่านเป็นคะแนนร้อยละ (เช่น 98.68% อ่านเป็น 98.68) กรุณาตรวจสอบ",
    en: "Cells {cells} are percentages and are read as such (98.68% reads as 98.68); please check",
  },
  FORMULA_NO_VALUE: {
    th: "เซลล์ {cells} มีสูตรแต่ไม่มีผลลัพธ์ที่บันทึกไว้ (ไฟล์ถูกสร้างโดยโปรแกรมที่ไม่คำนวณสูตร) กรุณาเปิดไฟล์ใน Excel แล้วบันทึก (Save) หนึ่งครั้ง แล้วลองใหม่",
    en: "Cells {cells} hold formulas with no saved result (the file was made by a tool that does not calculate); open it in Excel, save it once and try again",
  },
  YEAR_HEADER_MERGED: {
    th: "หัวคอลัมน์ปี {range} ถูกผสานเซลล์ (Merge) คลุมหลายคอลัมน์ และมีคะแนนในคอลัมน์ที่ไม่ใช่คอลัมน์แรก ({cells}) กรุณายกเลิกการผสานเซลล์ แล้วใส่ปีให้แต่ละคอลัมน์",
    en: "The year header {range} is merged across columns and scores are in a column other than its first ({cells}); unmerge it and give each column its year",
  },
  SCORE_MERGED: {
    th: "เซลล์คะแนน {range} ถูกผสานเซลล์ (Merge) คะแนนหนึ่งค่าใช้แทนหลายตัวชี้วัดหรือหลายปีไม่ได้ กรุณายกเลิกการผสานเซลล์แล้วกรอกคะแนนให้ครบทุกเซลล์",
    en: "The score cells {range} are merged; one value cannot stand for several scores. Unmerge them and fill in every score",
  },
  MERGED_FILLED: {
    th: "เซลล์ {range} ถูกผสานเซลล์ (Merge) จึงใช้ค่าเดียวกันกับทุกแถวที่ผสานไว้",
    en: "Cells {range} are merged; the value is used for every merged row",
  },
  // score sheet
  SHEET_MISSING: { th: "ไม่พบชีต '{sheet}' ในสมุดงาน", en: "The workbook has no sheet '{sheet}'" },
  HEADER_NOT_FOUND: {
    th: "ไม่พบแถวหัวตารางที่มีคำว่า '{label}' ในชีต '{sheet}'",
    en: "No header row with '{label}' was found in sheet '{sheet}'",
  },
  UNIT_NAME_MISSING: {
    th: "ยังไม่ได้กรอกชื่อหน่วยงาน (แถว 'ชื่อหน่วยงาน')",
    en: "The unit's name is missing (row 'ชื่อหน่วยงาน')",
  },
  NO_YEAR_COLUMNS: {
    th: "ไม่พบคอลัมน์ปีงบประมาณ (เช่น 2565) ทางขวาของ 'ชื่อตัวชี้วัด'",
    en: "No fiscal-year column (such as 2565) right of 'ชื่อตัวชี้วัด'",
  },
  YEAR_REPEATED: {
    th: "ปี {year} ซ้ำกับคอลัมน์ {first}",
    en: "Year {year} repeats column {first}",
  },
  YEAR_CE_CONVERTED: {
    th: "หัวคอลัมน์ {from} เป็นปี ค.ศ. จึงแปลงเป็น พ.ศ. {to}",
    en: "Header {from} is a C.E. year; read as B.E. {to}",
  },
  YEAR_HEADER_UNREADABLE: {
    th: "อ่านปีจากหัวคอลัมน์ '{value}' ไม่ได้ (ต้องเป็นปี พ.ศ. เต็ม 4 หลัก เช่น 2569) จึงข้ามคอลัมน์นี้",
    en: "Cannot read a year from header '{value}' (a whole 4-digit B.E. year such as 2569 is needed); the column is skipped",
  },
  SCORE_NOT_NUMBER: {
    th: "คะแนนตัวชี้วัดที่ {no} ปี {year} ไม่ใช่ตัวเลข: '{value}'",
    en: "The score of indicator {no} for {year} is not a number: '{value}'",
  },
  SCORE_OUT_OF_RANGE: {
    th: "คะแนนตัวชี้วัดที่ {no} ปี {year} ต้องอยู่ระหว่าง 0 ถึง 100 (กรอกไว้ {value})",
    en: "The score of indicator {no} for {year} must be 0 to 100 (found {value})",
  },
  INDICATOR_INVALID: {
    th: "เลขตัวชี้วัด '{value}' ไม่ถูกต้อง ต้องเป็นเลขตัวชี้วัดของกรอบการประเมิน ({range})",
    en: "Indicator number '{value}' is not valid; it must be one of the framework's indicator numbers ({range})",
  },
  INDICATOR_MISSING: {
    th: "ไม่พบแถวของตัวชี้วัดที่ {no} ({name})",
    en: "The row of indicator {no} ({name}) is missing",
  },
  INDICATOR_REPEATED: {
    th: "ตัวชี้วัดที่ {no} ซ้ำ (มีอยู่แล้วที่แถว {first})",
    en: "Indicator {no} is repeated (already in row {first})",
  },
  NAME_DIFFERS: {
    th: "ชื่อตัวชี้วัดที่ {no} '{typed}' ต่างจากชื่อในกรอบการประเมิน '{expected}' (ใช้เลขตัวชี้วัดเป็นหลัก)",
    en: "Indicator {no} is named '{typed}', the framework says '{expected}' (matched by number)",
  },
  PUBLISHED_TOTAL_INVALID: {
    th: "คะแนนรวมที่ประกาศปี {year} ไม่ใช่ตัวเลข 0–100: '{value}'",
    en: "The published total for {year} is not a number from 0 to 100: '{value}'",
  },
  PUBLISHED_TOTAL_DIFFERS: {
    th: "คะแนนรวมที่ประกาศปี {year} ({published}) ต่างจากที่คำนวณได้ ({computed}) เกิน 0.01 กรุณาตรวจสอบคะแนนรายตัวชี้วัด",
    en: "The published total for {year} ({published}) differs from the computed {computed} by more than 0.01; check the indicator scores",
  },
  // years
  YEAR_ABSENT: {
    th: "ไม่มีคอลัมน์ของปี {year} ในชีต 'คะแนน ITA' (มีปี {years})",
    en: "Year {year} has no column in sheet 'คะแนน ITA' (years present: {years})",
  },
  YEAR_INCOMPLETE: {
    th: "ปี {year} ยังกรอกคะแนนไม่ครบ ขาดตัวชี้วัดที่ {missing} (เซลล์ว่าง: {cells})",
    en: "Year {year} is incomplete: indicator(s) {missing} have no score (blank cells: {cells})",
  },
  NO_COMPLETE_YEAR: {
    th: "ยังไม่มีปีใดที่กรอกคะแนนครบทั้ง {count} ตัวชี้วัด ปี {year} ยังขาดตัวชี้วัดที่ {missing} (เซลล์ว่าง: {cells})",
    en: "No year has all {count} indicator scores; {year} lacks indicator(s) {missing} (blank cells: {cells})",
  },
  YEAR_SKIPPED_INCOMPLETE: {
    th: "ปี {year} ยังกรอกคะแนนไม่ครบ ขาดตัวชี้วัดที่ {missing} (เซลล์ว่าง: {cells}) จึงวิเคราะห์ปี {chosen} ซึ่งเป็นปีล่าสุดที่กรอกครบแทน",
    en: "Year {year} is incomplete: indicator(s) {missing} have no score (blank cells: {cells}); {chosen}, the latest complete year, is analysed instead",
  },
  FRAMEWORK_BEYOND: {
    th: "ยังไม่มีกรอบการประเมินของปี {year} ในโปรแกรม จึงใช้กรอบล่าสุด ({framework}) โปรดตรวจสอบกับคู่มือของสำนักงาน ป.ป.ช.",
    en: "No framework is recorded for {year}; the latest ({framework}) is used. Check it against the NACC manual",
  },
  FRAMEWORK_BEFORE: {
    th: "ปี {year} เก่ากว่ากรอบการประเมินที่มีในโปรแกรม จึงใช้กรอบ {framework}",
    en: "Year {year} predates the recorded frameworks; {framework} is used",
  },
  WEIGHTS_ASSUMED: {
    th: "น้ำหนักเครื่องมือของปี {year} (IIT {iit}% EIT {eit}% OIT {oit}%) เป็นค่าที่สันนิษฐาน ยังไม่พบคู่มือยืนยัน แก้ไขได้ในชีต 'ตั้งค่า'",
    en: "The tool weights for {year} (IIT {iit}% EIT {eit}% OIT {oit}%) are assumed, not confirmed by a manual; override them in sheet 'ตั้งค่า'",
  },
  WEIGHTS_OVERRIDDEN: {
    th: "ใช้น้ำหนักเครื่องมือจากชีต 'ตั้งค่า': IIT {iit}% EIT {eit}% OIT {oit}%",
    en: "Tool weights from sheet 'ตั้งค่า': IIT {iit}% EIT {eit}% OIT {oit}%",
  },
  // measures sheet
  MEASURE_TITLE_MISSING: {
    th: "แถวนี้มีข้อมูลแต่ไม่มีชื่อมาตรการ (คอลัมน์ 'มาตรการ' ต้องกรอก)",
    en: "This row has data but no measure (column 'มาตรการ' is required)",
  },
  MEASURE_INDICATOR_INVALID: {
    th: "ตัวชี้วัดที่เกี่ยวข้อง '{value}' ไม่ถูกต้อง ใส่เลขตัวชี้วัด ({range}) คั่นด้วยจุลภาค เช่น 7, 8",
    en: "Related indicators '{value}' are not valid; write indicator numbers ({range}) separated by commas, e.g. 7, 8",
  },
  STATUS_UNKNOWN: {
    th: "สถานะ '{value}' ไม่ถูกต้อง ให้เลือก ยังไม่ดำเนินการ / อยู่ระหว่างดำเนินการ / ดำเนินการเสร็จเรียบร้อยแล้ว",
    en: "Status '{value}' is not valid; choose ยังไม่ดำเนินการ / อยู่ระหว่างดำเนินการ / ดำเนินการเสร็จเรียบร้อยแล้ว",
  },
  STATUS_BLANK: {
    th: "มาตรการ '{title}' ยังไม่ระบุสถานะ",
    en: "Measure '{title}' has no status",
  },
  MEASURE_CELLS_BLANK: {
    th: "ยังไม่ได้กรอก '{column}' ของมาตรการ {count} รายการ (เซลล์ {cells}) รายงานการวิเคราะห์จะเว้นช่องนี้ว่าง และรายงานผลการดำเนินการจะระบุว่า “ยังไม่ได้ระบุ” กรุณากรอกให้ครบก่อนเผยแพร่",
    en: "'{column}' is blank for {count} measure(s) (cells {cells}); the analysis report leaves the cell empty and the measures report says “not stated”. Fill it in before publishing",
  },
  MEASURE_DEFAULT_USED: {
    th: "ยังไม่ได้กรอก '{column}' ของมาตรการ {count} รายการ (เซลล์ {cells}) รายงานใช้ค่าเริ่มต้น “{value}” หากไม่ตรงกับที่ดำเนินการจริง กรุณากรอกในชีต",
    en: "'{column}' is blank for {count} measure(s) (cells {cells}); the report uses the default “{value}”. If that is not what was done, fill it in",
  },
  MEASURE_RESULT_BLANK: {
    th: "ยังไม่ได้กรอก '{column}' ของมาตรการที่ดำเนินการแล้วหรืออยู่ระหว่างดำเนินการ {count} รายการ (เซลล์ {cells}) รายงานผลการดำเนินการ (O43) จะระบุว่า “ยังไม่ได้ระบุ”",
    en: "'{column}' is blank for {count} measure(s) done or in progress (cells {cells}); the measures report (O43) will say “not stated”",
  },
  MEASURE_COLUMN_MISSING: {
    th: "ชีตมาตรการไม่มีคอลัมน์ '{column}' ในแถวหัวตาราง รายงานจึงไม่มีคอลัมน์นี้ หากต้องการแสดง ให้เพิ่มคอลัมน์ '{column}' แล้วกรอกให้ครบ",
    en: "The measures sheet has no column '{column}' in its header row, so the report leaves it out; to show it, add a column '{column}' and fill it in",
  },
  MEASURE_COLUMN_DEFAULT: {
    th: "ชีตมาตรการไม่มีคอลัมน์ '{column}' ในแถวหัวตาราง รายงานใช้ค่าเริ่มต้น “{value}” กับทุกมาตรการ",
    en: "The measures sheet has no column '{column}' in its header row; the report uses the default “{value}” for every measure",
  },
  // settings sheet
  SETTING_INVALID: {
    th: "ค่าของ '{label}' ไม่ถูกต้อง: '{value}' ({hint})",
    en: "The value of '{label}' is not valid: '{value}' ({hint})",
  },
  WEIGHTS_SUM: {
    th: "น้ำหนัก IIT + EIT + OIT ต้องรวมกันได้ 100 (ตอนนี้รวมได้ {sum})",
    en: "The IIT + EIT + OIT weights must add up to 100 (they add up to {sum})",
  },
  WEIGHTS_PARTIAL: {
    th: "ถ้ากำหนดน้ำหนักเอง ต้องกรอกให้ครบทั้ง IIT, EIT และ OIT",
    en: "When overriding weights, give all three: IIT, EIT and OIT",
  },
  THRESHOLDS_ORDER: {
    th: "เกณฑ์จุดแข็ง ({strength}) ต้องไม่ต่ำกว่าเกณฑ์เร่งด่วน ({urgent})",
    en: "The strength threshold ({strength}) must not be below the urgent threshold ({urgent})",
  },
  // framework defined in the workbook (sheet 'กรอบการประเมิน')
  FRAMEWORK_TOOL_UNKNOWN: {
    th: "เครื่องมือ '{tool}' ไม่รู้จัก ใช้ได้เฉพาะ IIT, EIT และ OIT",
    en: "Tool '{tool}' is not known; only IIT, EIT and OIT can be used",
  },
  FRAMEWORK_TOOL_REPEATED: {
    th: "เครื่องมือ {tool} ซ้ำ (มีอยู่แล้วในแถวที่ {first} ของตาราง)",
    en: "Tool {tool} is repeated (already in row {first} of the table)",
  },
  FRAMEWORK_TOOL_MISSING: {
    th: "ตารางเครื่องมือยังไม่มี {tool} ต้องมีครบทั้ง IIT, EIT และ OIT",
    en: "The tools table has no {tool}; it needs IIT, EIT and OIT",
  },
  FRAMEWORK_WEIGHT_INVALID: {
    th: "น้ำหนักของ {tool} ต้องเป็นตัวเลข 0 ถึง 100 (กรอกไว้ '{value}')",
    en: "The weight of {tool} must be a number from 0 to 100 (found '{value}')",
  },
  FRAMEWORK_WEIGHTS_SUM: {
    th: "น้ำหนักของเครื่องมือทั้งหมดต้องรวมกันได้ 100 (ตอนนี้รวมได้ {sum})",
    en: "The tool weights must add up to 100 (they add up to {sum})",
  },
  FRAMEWORK_TOOL_EMPTY: {
    th: "เครื่องมือ {tool} ยังไม่มีตัวชี้วัดใดในตารางตัวชี้วัด",
    en: "Tool {tool} has no indicator in the indicators table",
  },
  FRAMEWORK_NO_INDICATORS: {
    th: "ตารางตัวชี้วัดยังไม่มีตัวชี้วัด",
    en: "The indicators table has no indicator",
  },
  FRAMEWORK_INDICATOR_NO_INVALID: {
    th: "เลขตัวชี้วัด '{value}' ไม่ถูกต้อง ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป",
    en: "Indicator number '{value}' is not valid; it must be a whole number from 1",
  },
  FRAMEWORK_INDICATOR_REPEATED: {
    th: "ตัวชี้วัดที่ {no} ซ้ำ (มีอยู่แล้วในแถวที่ {first} ของตาราง)",
    en: "Indicator {no} is repeated (already in row {first} of the table)",
  },
  FRAMEWORK_INDICATOR_TOOL_UNKNOWN: {
    th: "ตัวชี้วัดที่ {no} ระบุเครื่องมือ '{tool}' ซึ่งไม่มีในตารางเครื่องมือ ({tools})",
    en: "Indicator {no} names tool '{tool}', which is not in the tools table ({tools})",
  },
  FRAMEWORK_INDICATOR_NAME_MISSING: {
    th: "ตัวชี้วัดที่ {no} ยังไม่มีชื่อตัวชี้วัด",
    en: "Indicator {no} has no name",
  },
  FRAMEWORK_RATING_UNKNOWN: {
    th: "ผลการประเมิน '{value}' ไม่รู้จัก ใช้ได้: {ratings}",
    en: "Rating '{value}' is not known; use one of: {ratings}",
  },
  FRAMEWORK_RATING_REPEATED: {
    th: "ผลการประเมิน '{rating}' ซ้ำ (มีอยู่แล้วในแถวที่ {first} ของตาราง)",
    en: "Rating '{rating}' is repeated (already in row {first} of the table)",
  },
  FRAMEWORK_THRESHOLD_INVALID: {
    th: "เกณฑ์ของผลการประเมิน '{rating}' ต้องเป็นตัวเลข 0 ถึง 100",
    en: "The thresholds of rating '{rating}' must be numbers from 0 to 100",
  },
  FRAMEWORK_THRESHOLDS_ORDER: {
    th: "เกณฑ์ของ '{rating}' ต้องไม่สูงกว่าเกณฑ์ของ '{better}' และเรียงจากผลการประเมินที่ดีที่สุดลงมา",
    en: "The thresholds of '{rating}' must not exceed those of '{better}', listed from the best rating down",
  },
  FRAMEWORK_RATINGS_EMPTY: {
    th: "ตารางเกณฑ์ผลการประเมินยังไม่มีเกณฑ์",
    en: "The rating thresholds table is empty",
  },
  FRAMEWORK_USE_INVALID: {
    th: "ค่า '{value}' ของ 'ใช้กรอบการประเมินนี้' ไม่ถูกต้อง ให้เลือก {yes} หรือ {no}",
    en: "'{value}' is not valid for 'ใช้กรอบการประเมินนี้'; choose {yes} (use) or {no} (do not use)",
  },
  // OIT self-check (sheet 'OIT')
  OIT_CODE_MISSING: {
    th: "แถวนี้มีข้อมูลแต่ไม่มีข้อ (เช่น O1) ในคอลัมน์ 'ข้อ'",
    en: "This row has data but no item code (such as O1) in column 'ข้อ'",
  },
  OIT_CODE_REPEATED: {
    th: "ข้อ {item} ซ้ำ (มีอยู่แล้วที่แถว {first})",
    en: "Item {item} is repeated (already in row {first})",
  },
  OIT_SUB_INVALID: {
    th: "ตัวชี้วัดย่อยของข้อ {item} ต้องเป็นเลขแบบ 9.1 หรือ 10.2 (กรอกไว้ '{value}')",
    en: "The sub-indicator of item {item} must be written like 9.1 or 10.2 (found '{value}')",
  },
  OIT_STATUS_UNKNOWN: {
    th: "ข้อ {item}: '{value}' ไม่ถูกต้อง ให้เลือก มี หรือ ไม่มี (เว้นว่าง = ยังไม่ได้ตรวจ)",
    en: "Item {item}: '{value}' is not valid; choose มี (present) or ไม่มี (absent), blank = not checked yet",
  },
  OIT_STATUS_BLANK: {
    th: "ยังไม่ได้ระบุ มี/ไม่มี {count} รายการ (เซลล์ {cells}) การประมาณการนับเป็นไม่มี",
    en: "{count} item(s) not checked yet (cells {cells}); the estimate counts them as absent",
  },
  OIT_LINK_INVALID: {
    th: "ลิงก์ของข้อ {item} ไม่ใช่ที่อยู่เว็บที่ขึ้นต้นด้วย http:// หรือ https:// ('{value}')",
    en: "The link of item {item} is not a web address starting with http:// or https:// ('{value}')",
  },
  OIT_SUB_UNKNOWN: {
    th: "รายการ {item} ระบุตัวชี้วัดย่อย '{sub}' ที่ไม่อยู่ในตัวชี้วัดของ OIT ({indicators}) จึงไม่นำมาประมาณการ",
    en: "Item {item} names sub-indicator '{sub}', which is not under an OIT indicator ({indicators}); it is left out of the estimate",
  },
  // the task pane's hosts (Excel, files, downloads)
  EXCEL_FAILED: {
    th: "Excel ทำงานไม่สำเร็จ ({detail}) ข้อมูลที่กรอกไว้ไม่ถูกแก้ไข และผลวิเคราะห์เดิม (ถ้ามี) ยังอยู่ครบ ลองใหม่อีกครั้ง",
    en: "Excel could not finish ({detail}). Your data was not changed and the previous analysis (if any) is still there. Try again.",
  },
  NO_FILE: {
    th: "ยังไม่ได้เลือกไฟล์ Excel (.xlsx) กรุณาเลือกหรือลากไฟล์มาวางก่อน",
    en: "No Excel workbook (.xlsx) chosen yet; choose or drop one first.",
  },
  NOTHING_TO_DOWNLOAD: {
    th: "ยังไม่มีสมุดงานที่วิเคราะห์แล้ว กด 'วิเคราะห์' ก่อน",
    en: "There is no analysed workbook yet; press 'Analyse' first.",
  },
  DOWNLOAD_UNAVAILABLE: {
    th: "Excel บน Mac และ iPad ดาวน์โหลดไฟล์จากแผงงานไม่ได้ ผลวิเคราะห์อยู่ในชีต 'ผลวิเคราะห์ ITA' และรายงานพร้อมพิมพ์อยู่ในชีต 'รายงาน ITA' แล้ว (ไฟล์ > พิมพ์ หรือบันทึกเป็น PDF) หรือเปิดสมุดงานใน Excel บน Windows หรือบนเว็บเพื่อดาวน์โหลด .docx",
    en: "Excel on Mac and iPad cannot download files from a task pane. The analysis is in sheet 'ผลวิเคราะห์ ITA' and the print-ready report in sheet 'รายงาน ITA' (File > Print, or save as PDF); or open the workbook in Excel on Windows or on the web to download the .docx.",
  },
  SHEET_NAME_INVALID: {
    th: "ชื่อชีต '{sheet}' ใช้ใน Excel ไม่ได้ ({detail}) ชื่อชีตยาวได้ไม่เกิน 31 ตัวอักษร ห้ามมี : \\ / ? * [ ] ห้ามชื่อ History และห้ามซ้ำกับชีตอื่น ไม่มีการแก้ไขสมุดงาน",
    en: "Sheet name '{sheet}' cannot be used in Excel ({detail}): at most 31 characters, none of : \\ / ? * [ ], not History, not the same as another sheet. The workbook was not changed.",
  },
  DOWNLOAD_FAILED: { th: "ดาวน์โหลดไฟล์ไม่สำเร็จ: {detail}", en: "The download failed: {detail}" },
  REPORT_FAILED: {
    th: "สร้างรายงาน .docx ไม่สำเร็จ: {detail} ผลวิเคราะห์ในสมุดงานยังอยู่ครบ",
    en: "Could not make the .docx report: {detail}. The analysis in the workbook is intact.",
  },
  LOAD_FAILED: {
    th: "โหลดส่วนประกอบของโปรแกรมไม่สำเร็จ ตรวจสอบการเชื่อมต่อแล้วกด 'ลองใหม่' ข้อมูลของคุณไม่ถูกแก้ไข",
    en: "Could not load part of the add-in; check the connection and press 'Try again'. Your data was not changed.",
  },
  FILE_CHANGED: {
    th: "ไฟล์ถูกแก้ไขแล้ว กรุณาเลือกไฟล์อีกครั้ง",
    en: "The file was changed on disk; please choose it again.",
  },
  SHEET_GONE: { th: "ไม่พบชีต '{sheet}' แล้ว", en: "Sheet '{sheet}' is no longer there" },
  NO_ANALYSIS: { th: "ยังไม่มีผลวิเคราะห์ กด 'วิเคราะห์' ก่อน", en: "No analysis yet; press 'Analyse' first." },
  // consolidation (many units' results in one summary)
  TABLE_COLUMN_MISSING: {
    th: "ชีต '{sheet}' ไม่มีคอลัมน์ '{column}' ในแถวหัวตาราง",
    en: "Sheet '{sheet}' has no column '{column}' in its header row",
  },
  TABLE_YEAR_INVALID: {
    th: "ปีงบประมาณ '{value}' ไม่ใช่ปี พ.ศ. เช่น 2568",
    en: "The fiscal year '{value}' is not a B.E. year such as 2568",
  },
  TABLE_ROW_REPEATED: {
    th: "หน่วยงาน {unit} ปี {year} มีมากกว่าหนึ่งแถว (แถว {rows}) ใช้แถว {used}",
    en: "Unit {unit} has more than one row for {year} (rows {rows}); row {used} is used",
  },
  CONSOLIDATE_OTHER_YEAR: {
    th: "ข้อมูลของไฟล์นี้เป็นปี {year} ไม่ใช่ปี {summaryYear} ของสรุป จึงไม่นำมารวม (ใช้ --year เพื่อเลือกปี)",
    en: "This file's data is for {year}, not the summary's {summaryYear}; it is left out (use --year to choose the year)",
  },
  CONSOLIDATE_NO_FILES: {
    th: "ไม่พบไฟล์ .xlsx ใน {paths}",
    en: "No .xlsx file was found in {paths}",
  },
  CONSOLIDATE_NOTHING: {
    th: "ไม่มีไฟล์ใดวิเคราะห์ได้เลย จึงไม่ได้สร้างสรุป",
    en: "No file could be analysed; no summary was written",
  },
} as const satisfies Record<string, Message>;

/** The `{x}` placeholders of a template, as a union of their names. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

export type IssueCode = keyof typeof MESSAGES;

/** The params of an issue code: every placeholder of its Thai and English templates. */
export type IssueParams<C extends IssueCode> = {
  [K in Placeholders<(typeof MESSAGES)[C]["th"] | (typeof MESSAGES)[C]["en"]>]: string | number;
};

interface IssueBase<C extends IssueCode> {
  code: C;
  severity: "error" | "warning";
  /** Sheet name, when the issue belongs to a sheet. */
  sheet?: string;
  /** A1 address inside `sheet`, when the issue belongs to one cell (or a range, "F8:G8"). */
  cell?: string;
}

/**
 * A problem or a note found in the input, tied to a place in the workbook when there is one.
 * Rendered from `code` + `params` in the user's language, so the same issue reads in Thai or English.
 */
export type Issue = {
  [C in IssueCode]: IssueBase<C> &
    ([keyof IssueParams<C>] extends [never] ? { params?: Record<string, never> } : { params: IssueParams<C> });
}[IssueCode];

/** The params argument of a code: required when its templates have placeholders. */
export type ParamsArg<C extends IssueCode> = [keyof IssueParams<C>] extends [never]
  ? [params?: Record<string, never>]
  : [params: IssueParams<C>];

/** An issue of a code, its params checked against the code's templates. */
export function makeIssue<C extends IssueCode>(
  code: C,
  severity: Issue["severity"],
  where: { sheet?: string; cell?: string },
  ...[params]: ParamsArg<C>
): Issue {
  return { code, severity, ...where, ...(params ? { params } : {}) } as Issue;
}

/** Fills a template's `{x}` from params; an unknown `{x}` stays as written. The one filler of pane, CLI and sheets. */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params?.[k];
    return v === undefined ? `{${k}}` : String(v);
  });
}

/** The message of an issue in a language, without its location. */
export function issueMessage(issue: Issue, lang: Lang = "th"): string {
  const entry: Message = MESSAGES[issue.code];
  return fillTemplate(entry[lang], issue.params);
}

/** Where an issue is, for people: "ชีต 'คะแนน ITA' เซลล์ C7". */
export function issueLocation(issue: Issue, lang: Lang = "th"): string {
  if (!issue.sheet) return "";
  if (lang === "th") return `ชีต '${issue.sheet}'${issue.cell ? ` เซลล์ ${issue.cell}` : ""}`;
  return `sheet '${issue.sheet}'${issue.cell ? ` cell ${issue.cell}` : ""}`;
}

/** One line for people: location, then message. */
export function describeIssue(issue: Issue, lang: Lang = "th"): string {
  const where = issueLocation(issue, lang);
  const label =
    issue.severity === "error" ? (lang === "th" ? "ข้อผิดพลาด" : "Error") : lang === "th" ? "คำเตือน" : "Warning";
  return `${label}: ${where ? `${where}: ` : ""}${issueMessage(issue, lang)}`;
}

/** The cell reference used in JSON output: "คะแนน ITA!C7", or null. */
export function issueCellRef(issue: Issue): string | null {
  if (!issue.sheet) return null;
  return issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
}
