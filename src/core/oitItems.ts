/**
 * The OIT item list the template offers as a starting point (shared/oit-items.md): O1–O43 with
 * the 2563–2565 grouping, as a provincial office's public ITA page lists it for 2567.
 * Confidence low–medium: 2566 restructured some items and 2568 onward uses shorter lists that
 * differ by type of unit. The user checks it against the year's manual and edits it freely.
 */

export interface OitItemDef {
  code: string;
  name: string;
  sub: string;
}

export const OIT_LIST_SOURCE = {
  confidence: "low" as const,
  th: "รายการข้อ O1–O43 ตามการจัดกลุ่มปี 2563–2565 (ตามที่หน่วยงานระดับจังหวัดแห่งหนึ่งเผยแพร่สำหรับปี 2567) เป็นเพียงจุดเริ่มต้น โปรดตรวจสอบกับคู่มือการประเมินของปีนั้นและแก้ไขได้",
  en: "Items O1–O43 grouped as in 2563–2565 (as a provincial office published them for 2567): a starting point only; check it against the year's manual and edit it",
};

/** Sub-indicators of the list: id and name. */
export const OIT_SUB_INDICATORS: ReadonlyArray<{ id: string; name: string }> = [
  { id: "9.1", name: "ข้อมูลพื้นฐาน" },
  { id: "9.2", name: "การบริหารงาน" },
  { id: "9.3", name: "การบริหารเงินงบประมาณ" },
  { id: "9.4", name: "การบริหารและพัฒนาทรัพยากรบุคคล" },
  { id: "9.5", name: "การส่งเสริมความโปร่งใส" },
  { id: "10.1", name: "การดำเนินการเพื่อป้องกันการทุจริต" },
  { id: "10.2", name: "มาตรการภายในเพื่อป้องกันการทุจริต" },
];

export const OIT_ITEMS_2563: readonly OitItemDef[] = [
  { code: "O1", name: "โครงสร้างหน่วยงาน", sub: "9.1" },
  { code: "O2", name: "ข้อมูลผู้บริหาร", sub: "9.1" },
  { code: "O3", name: "อำนาจหน้าที่", sub: "9.1" },
  { code: "O4", name: "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", sub: "9.1" },
  { code: "O5", name: "ข้อมูลการติดต่อ", sub: "9.1" },
  { code: "O6", name: "กฎหมายที่เกี่ยวข้อง", sub: "9.1" },
  { code: "O7", name: "ข่าวประชาสัมพันธ์", sub: "9.1" },
  { code: "O8", name: "Q&A (ถาม-ตอบ)", sub: "9.1" },
  { code: "O9", name: "Social Network", sub: "9.1" },
  { code: "O10", name: "แผนดำเนินงานประจำปี", sub: "9.2" },
  { code: "O11", name: "รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน", sub: "9.2" },
  { code: "O12", name: "รายงานผลการดำเนินงานประจำปี", sub: "9.2" },
  { code: "O13", name: "คู่มือหรือมาตรฐานการปฏิบัติงาน", sub: "9.2" },
  { code: "O14", name: "คู่มือหรือมาตรฐานการให้บริการ", sub: "9.2" },
  { code: "O15", name: "ข้อมูลเชิงสถิติการให้บริการ", sub: "9.2" },
  { code: "O16", name: "รายงานผลการสำรวจความพึงพอใจการให้บริการ", sub: "9.2" },
  { code: "O17", name: "E-Service", sub: "9.2" },
  { code: "O18", name: "แผนการใช้จ่ายงบประมาณประจำปี", sub: "9.3" },
  { code: "O19", name: "รายงานการกำกับติดตามการใช้จ่ายงบประมาณ รอบ 6 เดือน", sub: "9.3" },
  { code: "O20", name: "รายงานผลการใช้จ่ายงบประมาณประจำปี", sub: "9.3" },
  { code: "O21", name: "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", sub: "9.3" },
  { code: "O22", name: "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้าง", sub: "9.3" },
  { code: "O23", name: "สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1)", sub: "9.3" },
  { code: "O24", name: "รายงานผลการจัดซื้อจัดจ้างประจำปี", sub: "9.3" },
  { code: "O25", name: "นโยบายการบริหารทรัพยากรบุคคล", sub: "9.4" },
  { code: "O26", name: "การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล", sub: "9.4" },
  { code: "O27", name: "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", sub: "9.4" },
  { code: "O28", name: "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี", sub: "9.4" },
  { code: "O29", name: "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", sub: "9.5" },
  { code: "O30", name: "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", sub: "9.5" },
  { code: "O31", name: "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตประจำปี", sub: "9.5" },
  { code: "O32", name: "ช่องทางการรับฟังความคิดเห็น", sub: "9.5" },
  { code: "O33", name: "การเปิดโอกาสให้เกิดการมีส่วนร่วม", sub: "9.5" },
  { code: "O34", name: "นโยบายไม่รับของขวัญ (No Gift Policy)", sub: "10.1" },
  { code: "O35", name: "การมีส่วนร่วมของผู้บริหาร", sub: "10.1" },
  { code: "O36", name: "การประเมินความเสี่ยงการทุจริตประจำปี", sub: "10.1" },
  { code: "O37", name: "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต", sub: "10.1" },
  { code: "O38", name: "การเสริมสร้างวัฒนธรรมองค์กร", sub: "10.1" },
  { code: "O39", name: "แผนปฏิบัติการป้องกันการทุจริต", sub: "10.1" },
  { code: "O40", name: "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต รอบ 6 เดือน", sub: "10.1" },
  { code: "O41", name: "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี", sub: "10.1" },
  { code: "O42", name: "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", sub: "10.2" },
  { code: "O43", name: "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส", sub: "10.2" },
];
