/** Report test data: seed 002's ITAS ranking and sample measures (inputs come from test/helpers/input.ts). */
import type { Measure } from "../../src/core/types";

/** The ITAS ranking table printed in seed 002, as it appears there (Arabic digits). */
export const SEED_002_ITAS_RANKING: [string, string, string][] = [
  ["1", "การเปิดเผยข้อมูล", "100.00"],
  ["2", "การป้องกันการทุจริต", "100.00"],
  ["3", "การปฏิบัติหน้าที่", "98.68"],
  ["4", "การแก้ไขปัญหาการทุจริต", "98.50"],
  ["5", "การใช้อำนาจ", "98.19"],
  ["6", "การใช้งบประมาณ", "97.72"],
  ["7", "การใช้ทรัพย์สินของราชการ", "96.30"],
  ["8", "คุณภาพการดำเนินงาน", "85.38"],
  ["9", "การปรับปรุงการทำงาน", "82.05"],
  ["10", "ประสิทธิภาพการสื่อสาร", "81.22"],
];

/** Sample measures (written for the tests; not from a real unit). */
export const SAMPLE_MEASURES: Measure[] = [
  {
    row: 2,
    seq: "1",
    indicators: [7],
    title: "มาตรการเพิ่มช่องทางการสื่อสารกับประชาชน",
    steps: "1. จัดทำแผนประชาสัมพันธ์ประจำปี\n2. เผยแพร่ข่าวสารผ่านเว็บไซต์และเพจของหน่วยงานทุกสัปดาห์",
    period: "ต.ค. 2565 – ก.ย. 2566",
    owner: "สำนักปลัด (งานประชาสัมพันธ์)",
    monitoring: "รายงานรอบ 6 เดือนและ 12 เดือน",
    status: "done",
    statusText: "ดำเนินการเสร็จเรียบร้อยแล้ว",
    output: "สื่อประชาสัมพันธ์ 48 ชิ้น",
    outcome: "ประชาชนเข้าถึงข้อมูลข่าวสารได้สะดวกขึ้น",
    note: "",
  },
  {
    row: 3,
    seq: "2",
    indicators: [4],
    title: "มาตรการกำกับการยืมทรัพย์สินของราชการ",
    steps: "ปรับปรุงแบบคำขอยืมและทะเบียนคุมทรัพย์สิน",
    period: "ไตรมาส 1–2",
    owner: "กองคลัง",
    monitoring: "ตรวจทะเบียนทุกเดือน",
    status: "inProgress",
    statusText: "อยู่ระหว่างดำเนินการ",
    output: "ทะเบียนคุมทรัพย์สินฉบับปรับปรุง",
    outcome: "",
    note: "รอประกาศใช้",
  },
  {
    row: 4,
    seq: "3",
    indicators: [],
    title: "มาตรการเผยแพร่ข้อมูลตามแบบตรวจ O1–O43",
    steps: "ตรวจสอบข้อมูลบนเว็บไซต์ทุกไตรมาส",
    period: "ทั้งปีงบประมาณ",
    owner: "กองวิชาการและแผนงาน",
    monitoring: "",
    status: "notStarted",
    statusText: "ยังไม่ดำเนินการ",
  },
];
