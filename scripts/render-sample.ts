/**
 * Writes a sample report .docx for the render check (scripts/render-check.sh).
 * Usage: npx tsx scripts/render-sample.ts OUT.docx [thai|arabic] [all|both|analysis|measures|memo]
 * Figures: seed 002 (ทต.ท่าแร่, ITA 2565) with an illustrative 2564 column and sample measures.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { reportDocx } from "../src/docx";
import { buildReportModel } from "../src/report";
import { analysisOf, inputOf, SEED_002_2565, THARAE } from "../test/helpers/input";
import { SAMPLE_MEASURES } from "../test/report/fixtures";

async function main(): Promise<void> {
  const [out = "out/report-sample.docx", digitsArg = "thai", whichArg = "all"] = process.argv.slice(2);
  const digits = digitsArg === "arabic" ? "arabic" : "thai";
  const which = (["all", "both", "analysis", "measures", "memo"] as const).find((w) => w === whichArg) ?? "all";
  // 2564 is illustrative (not published figures): it exercises the change and decline columns
  const inp = inputOf(
    { 2564: [97.1, 96.5, 97.9, 95.2, 97.4, 88.6, 87.9, 80.1, 96.2, 92.5], 2565: SEED_002_2565 },
    {
      unit: THARAE,

      measures: SAMPLE_MEASURES,
      settings: {
        digits,
        preparerName: "นางสาวสมใจ ตั้งใจดี",
        preparerPosition: "หัวหน้าสำนักปลัดเทศบาล",
        approverName: "นายสมศักดิ์ รักษ์ธรรม",
        approverPosition: "นายกเทศมนตรีตำบลท่าแร่",
        // the documents' dates and the memo's header, as the settings sheet gives them
        analysisDate: { year: 2565, month: 11, day: 15 },
        measuresReportDate: { year: 2566, month: 10, day: 10 },
        dataAsOf: { year: 2566, month: 9, day: 30 },
        reportRound: 12,
        memoOffice: "สำนักปลัดเทศบาล เทศบาลตำบลท่าแร่ โทร. ๐ ๔๒๗๐ ๐๐๐๐",
        memoNumber: "สน ๕๒๗๐๑/๒๕๖๕",
        memoDate: { year: 2565, month: 11, day: 10 },
        memoTo: "นายกเทศมนตรีตำบลท่าแร่",
      },
    },
  );
  const model = buildReportModel(analysisOf(inp), inp.settings, { date: new Date(2022, 9, 31) });
  const bytes = await reportDocx(model, which);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  console.log(`${out}: ${bytes.length} bytes`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
