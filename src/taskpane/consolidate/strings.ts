/**
 * Text of the "รวมผลหลายหน่วยงาน" mode, Thai first: in the mode's lazy chunk, so the pane's first
 * load does not carry it. The mode switch's labels stay in ../strings.ts.
 */
import type { Lang } from "../../core/types";

const th = {
  cStepFiles: "1. เลือกสมุดงานของหน่วยงาน",
  cHelp:
    "เลือกไฟล์ .xlsx ของหลายหน่วยงานพร้อมกัน (แบบฟอร์มเดียวกับโปรแกรมนี้ หรือสมุดงานตารางคะแนนรายหน่วยงาน) หรือเลือกทั้งโฟลเดอร์ โปรแกรมอ่านทีละไฟล์ในเครื่องของท่าน ไม่ส่งข้อมูลออกไปที่ใด",
  cChooseFiles: "เลือกไฟล์ (.xlsx)",
  cChooseFolder: "เลือกโฟลเดอร์",
  cChosen: "เลือกแล้ว {n} ไฟล์",
  cNoneChosen: "ยังไม่ได้เลือกไฟล์",
  cYear: "ปีงบประมาณของสรุป",
  cYearHint: "เว้นว่าง = ปีที่หน่วยงานส่วนใหญ่มีข้อมูล",
  cYearInvalid: "ใส่ปี พ.ศ. เช่น 2568 หรือเว้นว่าง",
  cStepRun: "2. รวมผล",
  cRun: "รวมผล",
  cRunHelpOffice: "ชีต 'สรุปภาพรวม' และ 'สรุปรายหน่วยงาน' จะถูกเขียนลงสมุดงานที่เปิดอยู่ (แทนที่ชีตสรุปเดิมทั้งชีต ชีตอื่นไม่ถูกแก้ไข)",
  cRunHelpBrowser: "เมื่อเสร็จ ดาวน์โหลดสมุดงานสรุป (.xlsx) และรายงานสรุป (.docx) ได้",
  cProgress: "อ่านแล้ว {done}/{total} ไฟล์ · {rate} ไฟล์/วินาที · ผิดพลาด {errors}",
  cProgressLabel: "ความคืบหน้าการรวมผล",
  cCancelled: "ยกเลิกการรวมผลแล้ว ไม่มีการเขียนหรือดาวน์โหลดสิ่งใด",
  cNothing: "ไม่มีไฟล์ใดวิเคราะห์ได้ จึงไม่ได้สร้างสรุป ดูรายการไฟล์ที่ไม่สำเร็จด้านล่าง",
  cResult: "ผลการรวม ปีงบประมาณ {year}",
  cUnits: "หน่วยงาน",
  cFiles: "ไฟล์",
  cMean: "คะแนนรวมเฉลี่ย",
  cPassed: "ผ่านเกณฑ์ {mark}",
  cSummaryLine: "{units} หน่วยงาน จาก {files} ไฟล์ (วิเคราะห์ได้ {analysed} ไฟล์ ใช้เวลา {secs} วินาที)",
  cWritten: "เขียนชีตสรุปลงสมุดงานแล้ว: {names}",
  cDownloaded: "ดาวน์โหลดสมุดงานสรุปแล้ว: {name}",
  cDownloadXlsx: "ดาวน์โหลดสมุดงานสรุป (.xlsx)",
  cDownloadDocx: "ดาวน์โหลดรายงานสรุป (.docx)",
  cDuplicates: "หน่วยงานซ้ำ ({n})",
  cDuplicate: "{unit} ปี {year}: ใช้ {used} ไม่ใช้ {ignored}",
  cFailures: "ไฟล์ที่ไม่สำเร็จหรือไม่นำมารวม ({n})",
  cDone: "รวมผลเสร็จ {units} หน่วยงาน ไม่สำเร็จ {failures} รายการ",
  cWriting: "กำลังเขียนชีตสรุป…",
  cSummarising: "กำลังสรุปผล…",
  cGoToSheet: "ไปที่ชีตสรุป",
};

export type ConsolidateStrings = typeof th;

const en: ConsolidateStrings = {
  cStepFiles: "1. Choose the units' workbooks",
  cHelp:
    "Choose the .xlsx files of many units at once (this add-in's layout, or a table workbook of scores per unit), or a whole folder. Files are read one at a time on this computer and are never sent anywhere.",
  cChooseFiles: "Choose files (.xlsx)",
  cChooseFolder: "Choose a folder",
  cChosen: "{n} file(s) chosen",
  cNoneChosen: "No file chosen yet",
  cYear: "Summary fiscal year",
  cYearHint: "Blank = the year most units have data for",
  cYearInvalid: "Enter a B.E. year such as 2568, or leave it blank",
  cStepRun: "2. Consolidate",
  cRun: "Consolidate",
  cRunHelpOffice:
    "The sheets 'สรุปภาพรวม' and 'สรุปรายหน่วยงาน' are written into the open workbook (an earlier summary is replaced whole; other sheets are not touched)",
  cRunHelpBrowser: "When done, download the summary workbook (.xlsx) and the summary report (.docx)",
  cProgress: "{done}/{total} files read · {rate} files/s · errors {errors}",
  cProgressLabel: "Consolidation progress",
  cCancelled: "Consolidation cancelled; nothing was written or downloaded",
  cNothing: "No file could be analysed, so no summary was made; see the failed files below",
  cResult: "Summary, fiscal year {year}",
  cUnits: "units",
  cFiles: "files",
  cMean: "Mean total",
  cPassed: "Pass ({mark}+)",
  cSummaryLine: "{units} units from {files} files ({analysed} analysed, {secs} s)",
  cWritten: "Summary sheets written: {names}",
  cDownloaded: "Summary workbook downloaded: {name}",
  cDownloadXlsx: "Download the summary workbook (.xlsx)",
  cDownloadDocx: "Download the summary report (.docx)",
  cDuplicates: "Duplicate units ({n})",
  cDuplicate: "{unit} {year}: used {used}, not used {ignored}",
  cFailures: "Files failed or left out ({n})",
  cDone: "Consolidated {units} units, {failures} failed",
  cWriting: "Writing the summary sheets…",
  cSummarising: "Summarising…",
  cGoToSheet: "Go to the summary sheet",
};

export const CONSOLIDATE_STRINGS: Record<Lang, ConsolidateStrings> = { th, en };
