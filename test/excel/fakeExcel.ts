/// <reference types="office-js" />
/**
 * A strict fake of the part of the Excel object model the adapter uses. It follows what
 * Microsoft documents, so that code which would break or mislead in real Excel breaks here.
 * Each rule cites its page (learn.microsoft.com is abbreviated to LEARN, support.microsoft.com
 * to SUPPORT):
 *
 * - Batches: calls only queue commands; context.sync() runs them in order and stops at the
 *   first failing one (earlier ones stay applied, later ones never run); loaded properties are
 *   readable only after the sync, reading one that was not loaded throws.
 *   LEARN/office/dev/add-ins/develop/application-specific-api-model#sync
 *   LEARN/office/dev/add-ins/testing/application-specific-api-error-handling (a failing request stops there)
 * - Error codes (InvalidArgument, ItemNotFound, ItemAlreadyExists, InvalidOperation,
 *   InvalidObjectPath, RequestPayloadSizeLimitExceeded), carried in `code`, not in the message:
 *   LEARN/office/dev/add-ins/testing/application-specific-api-error-handling#error-codes-and-messages
 * - Writing Range.values parses text like typing: a string that starts with "=", "+" or "-"
 *   (and "@", the implicit-intersection operator) becomes a formula, number-, date- and
 *   boolean-looking text becomes a number, date serial or boolean — unless the cell's number
 *   format is Text ("@"), which keeps what is written as text.
 *   LEARN/javascript/api/excel/excel.range#excel-excel-range-values-member ("If the returned value
 *   starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a
 *   formula", also in @types/office-js),
 *   SUPPORT/office/format-numbers-as-text-583160db-666e-4f44-bf44-fa70a1ddb9de
 *   A formula Excel cannot parse (e.g. "+๒๕.๖๘") is an InvalidArgument that aborts the request.
 * - A 2-D array set on values or numberFormat must have the range's shape (InvalidArgument).
 *   LEARN/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values
 * - Enum-valued properties and arguments accept only the documented values (InvalidArgument),
 *   e.g. LEARN/javascript/api/excel/excel.horizontalalignment,
 *   LEARN/javascript/api/excel/excel.charttype, LEARN/javascript/api/excel/excel.borderindex.
 * - Sheet names: at most 31 characters, none of : \ / ? * [ ], not beginning or ending with an
 *   apostrophe, not blank, not "History", unique without regard to case (InvalidArgument /
 *   ItemAlreadyExists). SUPPORT/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 * - A workbook keeps at least one visible sheet: deleting the last one is refused
 *   (InvalidOperation). LEARN/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member,
 *   SUPPORT/office/hide-or-show-worksheets-or-workbooks-69f2701a-21f5-4186-87d7-341a8cf53344
 * - *OrNullObject methods give an object whose isNullObject is true after the sync; getItem of
 *   a missing sheet fails with ItemNotFound.
 *   LEARN/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
 * - Proxies belong to their Excel.run: used after the batch has ended they fail
 *   (InvalidObjectPath). LEARN/javascript/api/excel#excel-excel-run-function(1),
 *   LEARN/office/dev/add-ins/develop/application-specific-api-model (request context)
 * - Excel on the web rejects a request whose payload is above 5 MB, before running any of it
 *   (RequestPayloadSizeLimitExceeded). The fake counts the UTF-8 bytes of each command's JSON
 *   arguments. LEARN/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins,
 *   LEARN/office/dev/add-ins/excel/performance ("keep payloads below size limits by chunking")
 * - charts.add(type, source, seriesBy): with series by columns, the first column is the
 *   categories only when it is text or the top-left cell of the source is empty; a column of
 *   numbers under a header becomes one more series.
 *   LEARN/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1),
 *   SUPPORT/office/change-how-rows-and-columns-of-data-are-plotted-in-a-chart-50ee2b1d-5d8b-4ba7-ab23-3bd0c14a5d61
 * - References follow the sheet, not its name: a formula pointing at a sheet that is renamed
 *   follows it; one pointing at a deleted sheet shows #REF!.
 *   SUPPORT/office/how-to-correct-a-ref-error-822c8e46-e610-4d02-bbf2-7d7fde5c5b3c
 * - Range.clear("All") removes contents, formats and merges; charts stay.
 *   LEARN/javascript/api/excel/excel.range#excel-excel-range-clear-member(1)
 * - A chart's series are its collection's items: getItemAt(i) of a position the chart does not
 *   have is an ItemNotFound ("the requested resource doesn't exist", error-codes page above).
 *   LEARN/javascript/api/excel/excel.chartseriescollection#excel-excel-chartseriescollection-getitemat-member(1)
 * - ChartFill.setSolidColor takes "#RRGGBB", "RRGGBB" or a named HTML colour (InvalidArgument
 *   otherwise). LEARN/javascript/api/excel/excel.chartfill#excel-excel-chartfill-setsolidcolor-member(1)
 * - Worksheet.autoFilter (ExcelApi 1.9) is the sheet's one AutoFilter; apply(range) puts it on
 *   that range of the sheet (a range address that is not a cell range is an InvalidArgument).
 *   LEARN/javascript/api/excel/excel.worksheet#excel-excel-worksheet-autofilter-member,
 *   LEARN/javascript/api/excel/excel.autofilter#excel-excel-autofilter-apply-member(1)
 *
 * The context itself is an office-addin-mock OfficeMockObject, so its sync can be spied on.
 */
import { OfficeMockObject } from "office-addin-mock";
import { a1, parseA1 } from "../../src/layout/grid";
import type { Grid } from "../../src/layout/sheetSpec";

/** The Excel enums the adapter uses (office-addin-mock has none). */
export function installExcelEnums(): void {
  (globalThis as Record<string, unknown>).Excel = {
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ChartType: { columnClustered: "ColumnClustered", barClustered: "BarClustered", line: "Line", pie: "Pie" },
    ConditionalFormatType: { cellValue: "CellValue" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
  };
}

/** Documented values of the enums the adapter sets (LEARN/javascript/api/excel/excel.<enum>). */
const ENUMS: Record<string, readonly string[]> = {
  horizontalAlignment: [
    "General",
    "Left",
    "Center",
    "Right",
    "Fill",
    "Justify",
    "CenterAcrossSelection",
    "Distributed",
  ],
  verticalAlignment: ["Top", "Center", "Bottom", "Justify", "Distributed"],
  // BorderLineStyle
  style: ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"],
  orientation: ["Portrait", "Landscape"],
  chartType: [
    "ColumnClustered",
    "ColumnStacked",
    "BarClustered",
    "BarStacked",
    "Line",
    "LineMarkers",
    "Pie",
    "Doughnut",
    "Area",
    "XYScatter",
  ],
  seriesBy: ["Auto", "Columns", "Rows"],
  borderIndex: [
    "EdgeTop",
    "EdgeBottom",
    "EdgeLeft",
    "EdgeRight",
    "InsideVertical",
    "InsideHorizontal",
    "DiagonalDown",
    "DiagonalUp",
  ],
  conditionalFormatType: [
    "Custom",
    "DataBar",
    "ColorScale",
    "IconSet",
    "TopBottom",
    "PresetCriteria",
    "ContainsText",
    "CellValue",
  ],
  // ConditionalCellValueOperator
  operator: [
    "Invalid",
    "Between",
    "NotBetween",
    "EqualTo",
    "NotEqualTo",
    "GreaterThan",
    "LessThan",
    "GreaterThanOrEqual",
    "LessThanOrEqual",
  ],
  // DataValidationAlertStyle (in errorAlert)
  alertStyle: ["Stop", "Warning", "Information"],
  clearApplyTo: ["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"],
  visibility: ["Visible", "Hidden", "VeryHidden"],
};

/** Bytes Excel on the web accepts in one request. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

function checkEnum(kind: string, value: unknown): void {
  const allowed = ENUMS[kind];
  if (allowed && !allowed.includes(String(value)))
    throw officeError("InvalidArgument", `${String(value)} is not a valid ${kind}`);
}

/** A formula in a cell; a simple reference is bound to the sheet object, as Excel binds it. */
export interface Formula {
  text: string;
  ref?: { sheet: FakeSheet; cell: string };
}

export interface FakeChart {
  name: string;
  type: string;
  seriesBy: string;
  source: string;
  /** Category labels (from the first column when Excel takes it as categories). */
  categories: unknown[];
  /** Series names (header cells). */
  series: string[];
}

export interface FakeSheet {
  /** Identity: stays when the sheet is renamed. */
  readonly id: number;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Constant values by A1 address (formula cells are in `formulas`). */
  cells: Map<string, unknown>;
  /** Number formats by A1 (others "General"): Range.numberFormat, ExcelApi 1.1,
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member */
  formats: Map<string, string>;
  formulas: Map<string, Formula>;
  charts: FakeChart[];
  /** Shapes placed on the sheet (pictures with their PNG as base64); absent = none. */
  shapes?: FakeShapeData[];
  /** The range of the sheet's AutoFilter (Worksheet.autoFilter.apply), if any. */
  autoFilter?: string;
  /** Every formatting command applied to the sheet: "path = value" or "path(args)". */
  log: string[];
}

/**
 * A shape on a sheet. Shape.type is one of Excel.ShapeType
 * (LEARN/javascript/api/excel/excel.shapetype); a picture's getAsImage gives it as base64
 * (`png`: what Excel renders it to as PNG at 96 DPI).
 */
export interface FakeShapeData {
  type: "Image" | "GeometricShape" | "Group" | "Line" | "Unsupported";
  png?: string;
}

interface Command {
  desc: string;
  bytes: number;
  apply(): void;
}

let sheetIds = 0;

/** Rows × columns of an A1 range ("B2:D9", "C3"); null for whole rows/columns/sheet. */
function shapeOf(address: string): { row: number; col: number; rows: number; cols: number } | null {
  if (address === "*" || !/\d/.test(address) || !/[A-Z]/i.test(address)) return null;
  const [from, to = from] = address.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  return {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
}

function checkShape(address: string, v: unknown, what: string): { row: number; col: number } {
  const shape = shapeOf(address);
  if (!shape) throw officeError("InvalidArgument", `${what} set on ${address}, which is not a bounded range`);
  if (!Array.isArray(v) || v.length !== shape.rows || v.some((r) => !Array.isArray(r) || r.length !== shape.cols))
    throw officeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${address}: ${what})`,
    );
  return shape;
}

/** Excel's date serial (1900 system) of a calendar date. */
export function serialOf(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

/**
 * What Excel makes of a string written to a cell in the General format (en-US locale): a
 * formula, a number, a date serial, a boolean, or text.
 */
export function typedEntry(s: string): { value: unknown } | { formula: string } {
  const t = s.trim();
  const num = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/.test(t) && /\d/.test(t);
  if (num) {
    const n = Number(t.replace(/[,%]/g, ""));
    return { value: t.endsWith("%") ? n / 100 : n };
  }
  if (/^[=+\-@]/.test(s)) {
    // the rest must be formula syntax; Thai digits or words are not (Excel refuses the formula)
    const body = s.replace(/^[=+\-@]+/, "").replace(/"[^"]*"/g, "");
    if (
      !/^[A-Za-z0-9_.$:!'(),\s+\-*/&<>=^%\u0E00-\u0E7F]*$/.test(body) ||
      /[\u0E00-\u0E7F]/.test(body.replace(/'[^']*'/g, ""))
    )
      throw officeError("InvalidArgument", `cannot parse the formula ${JSON.stringify(s)}`);
    return { formula: s.startsWith("=") ? s : `=${s}` };
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { value: serialOf(Number(m[1]), Number(m[2]), Number(m[3])) };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return { value: serialOf(Number(m[3]), Number(m[1]), Number(m[2])) };
  if (/^(true|false)$/i.test(t)) return { value: /^true$/i.test(t) };
  return { value: s };
}

/** Excel's rules for a sheet name; the reason it is refused, or null. */
export function sheetNameRefusal(name: string): string | null {
  if (!name.trim()) return "blank";
  if (name.length > 31) return "longer than 31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "contains one of : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "begins or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "History is reserved";
  return null;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  queue: Command[] = [];
  /** Sync calls (counted here and, in tests, with jest.spyOn(context, "sync")). */
  syncCount = 0;
  /** Largest request, in commands, and in bytes. */
  largestRequest = 0;
  largestRequestBytes = 0;
  /** Bytes one request may carry (Excel on the web: 5 MB). */
  payloadLimit = WEB_PAYLOAD_LIMIT;
  /** Fails the command whose description matches (once), like Excel aborting a request. */
  failOn: RegExp | null = null;
  /** Rejects the n-th sync (1-based) before it runs anything, like a lost connection. */
  failSync: number | null = null;
  active = "";
  selection = "";
  /** The Excel.run batch proxies are created in (0: outside any run) and the runs that ended. */
  currentRun = 0;
  private runs = 0;
  readonly endedRuns = new Set<number>();
  private afterSync: Array<() => void> = [];
  readonly context: Excel.RequestContext;

  constructor(sheets: Record<string, Grid> = {}) {
    for (const [name, grid] of Object.entries(sheets)) this.addSheet(name, grid);
    const mock = new OfficeMockObject({
      workbook: {},
      application: {
        suspendApiCalculationUntilNextSync: () => this.enqueue("suspendApiCalculation", () => undefined),
        suspendScreenUpdatingUntilNextSync: () => this.enqueue("suspendScreenUpdating", () => undefined),
      },
      sync: () => this.sync(),
    }) as unknown as { workbook: Record<string, unknown> };
    mock.workbook.worksheets = new FakeWorksheets(this);
    this.context = mock as unknown as Excel.RequestContext;
  }

  /** Excel.run: the batch gets the context; its proxies are dead once it has ended. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const id = ++this.runs;
    const outer = this.currentRun;
    this.currentRun = id;
    try {
      return await batch(this.context);
    } finally {
      this.endedRuns.add(id);
      this.currentRun = outer;
      // commands queued but never synced are dropped with the context
      this.queue = [];
      this.afterSync = [];
    }
  }

  addSheet(name: string, grid: Grid = []): FakeSheet {
    const s: FakeSheet = {
      id: ++sheetIds,
      name,
      visibility: "Visible",
      cells: new Map(),
      formats: new Map(),
      formulas: new Map(),
      charts: [],
      log: [],
    };
    grid.forEach((row, r) => row.forEach((v, c) => v !== null && v !== "" && s.cells.set(a1(r, c), v)));
    this.sheets.push(s);
    return s;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  get(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw officeError("ItemNotFound", `The requested resource doesn't exist (${name})`);
    return s;
  }

  names(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** A user's formula, as typed in Excel (a reference `='Sheet'!B3` is bound to that sheet). */
  setFormula(sheet: string, cell: string, text: string): void {
    const s = this.get(sheet);
    s.cells.delete(cell);
    s.formulas.set(cell, this.bindFormula(text));
  }

  bindFormula(text: string): Formula {
    const m = /^='?([^'!]+)'?!\$?([A-Z]+)\$?(\d+)$/.exec(text);
    const target = m ? this.find(m[1]) : undefined;
    return target ? { text, ref: { sheet: target, cell: `${m![2]}${m![3]}` } } : { text };
  }

  /** The value Excel shows in a cell, formulas evaluated. */
  valueAt(sheet: FakeSheet, cell: string): unknown {
    const f = sheet.formulas.get(cell);
    if (!f) return sheet.cells.get(cell) ?? "";
    if (!f.ref) return "#NAME?";
    if (!this.sheets.includes(f.ref.sheet)) return "#REF!";
    return this.valueAt(f.ref.sheet, f.ref.cell);
  }

  /** A deep copy of the workbook's observable state. */
  snapshot(): Array<{
    name: string;
    cells: [string, unknown][];
    formats: [string, string][];
    log: string[];
    charts: string[];
  }> {
    return this.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells.entries()],
      formats: [...s.formats.entries()],
      log: [...s.log],
      charts: s.charts.map((c) => c.name),
    }));
  }

  /** Queues a command; `owner` is the run the calling proxy belongs to. */
  enqueue(desc: string, apply: () => void, bytes = 100, owner = this.currentRun): void {
    if (this.endedRuns.has(owner))
      throw officeError("InvalidObjectPath", `a proxy of an Excel.run that has ended was used (${desc})`);
    this.queue.push({ desc, apply, bytes });
  }

  onSync(fn: () => void): void {
    this.afterSync.push(fn);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const batch = this.queue;
    const after = this.afterSync;
    this.queue = [];
    this.afterSync = [];
    this.largestRequest = Math.max(this.largestRequest, batch.length);
    const bytes = batch.reduce((s, c) => s + c.bytes, 0);
    this.largestRequestBytes = Math.max(this.largestRequestBytes, bytes);
    if (this.failSync === this.syncCount) throw officeError("GeneralException", "Network error");
    if (bytes > this.payloadLimit)
      throw officeError("RequestPayloadSizeLimitExceeded", `the request is ${bytes} bytes, above ${this.payloadLimit}`);
    for (const cmd of batch) {
      if (this.failOn && this.failOn.test(cmd.desc)) {
        this.failOn = null;
        throw officeError("InvalidArgument", `at ${cmd.desc}`);
      }
      try {
        cmd.apply();
      } catch (err) {
        const e = err as { debugInfo?: unknown };
        e.debugInfo = { errorLocation: cmd.desc };
        throw err;
      }
    }
    after.forEach((f) => f());
  }
}

const jsonBytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v ?? null), "utf8") + 40;

/** Throws like Office when a property is read before it was loaded and synced. */
class Loadable {
  protected loaded = new Set<string>();
  protected data: Record<string, unknown> = {};
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw officeError("PropertyNotLoaded", prop);
    return this.data[prop] as T;
  }
}

class FakeWorksheets {
  private itemsData: FakeWorksheet[] | null = null;
  constructor(private wb: FakeWorkbook) {}
  load(props: string): this {
    const wanted = props.split(",").map((p) => p.trim());
    for (const p of wanted) if (!/^items\/(name|visibility)$/.test(p)) throw new Error(`fake cannot load ${p}`);
    this.wb.onSync(() => {
      this.itemsData = this.wb.sheets.map((s) => {
        const ws = new FakeWorksheet(this.wb, () => s, s.name);
        ws.setLoaded("name", s.name);
        ws.setLoaded("visibility", s.visibility);
        return ws;
      });
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemsData) throw officeError("PropertyNotLoaded", "items");
    return this.itemsData;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.wb, this.byName(name), name);
  }
  /** A proxy stands for one sheet, found by name when first used, then kept (as in Office). */
  private byName(name: string): () => FakeSheet {
    let found: FakeSheet | undefined;
    return () => (found ??= this.wb.get(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.wb, this.byName(name), name);
    ws.nullable = true;
    this.wb.onSync(() => ws.resolveNull(!this.wb.find(name)));
    return ws;
  }
  add(name: string): FakeWorksheet {
    let sheet: FakeSheet | undefined;
    this.wb.enqueue(`worksheets.add(${name})`, () => {
      const refusal = sheetNameRefusal(name);
      if (refusal) throw officeError("InvalidArgument", `sheet name ${JSON.stringify(name)}: ${refusal}`);
      if (this.wb.find(name)) throw officeError("ItemAlreadyExists", name);
      sheet = this.wb.addSheet(name);
    });
    return new FakeWorksheet(
      this.wb,
      () => {
        if (!sheet) throw new Error("sheet was never added");
        return sheet;
      },
      name,
    );
  }
}

class FakeWorksheet extends Loadable {
  nullable = false;
  private isNull: boolean | null = null;
  readonly run: number;
  constructor(
    private wb: FakeWorkbook,
    readonly sheet: () => FakeSheet,
    private label: string,
  ) {
    super();
    this.run = wb.currentRun;
  }
  setLoaded(prop: string, v: unknown): void {
    this.loaded.add(prop);
    this.data[prop] = v;
  }
  enqueue(desc: string, apply: () => void, bytes = 100): void {
    this.wb.enqueue(desc, apply, bytes, this.run);
  }
  resolveNull(isNull: boolean): void {
    this.isNull = isNull;
  }
  /** False for a null object (a getItemOrNullObject of a missing sheet). */
  exists(): boolean {
    return !this.nullable || !!this.wb.find(this.label);
  }
  /** Only "visibility" is loadable here; a null object's properties are not read (as in Office). */
  load(props: string): this {
    for (const p of props.split(",").map((x) => x.trim())) {
      if (p !== "visibility") throw new Error(`fake cannot load worksheet ${p}`);
      this.wb.onSync(() => {
        if (this.nullable && !this.wb.find(this.label)) return;
        this.loaded.add("visibility");
        this.data.visibility = this.sheet().visibility ?? "Visible";
      });
    }
    return this;
  }
  get isNullObject(): boolean {
    if (this.isNull === null) throw new Error("isNullObject read before sync");
    return this.isNull;
  }
  get name(): string {
    return this.read<string>("name");
  }
  set name(v: string) {
    this.enqueue(`rename(${this.label} -> ${v})`, () => {
      const s = this.sheet();
      const refusal = sheetNameRefusal(v);
      if (refusal) throw officeError("InvalidArgument", `sheet name ${JSON.stringify(v)}: ${refusal}`);
      if (this.wb.sheets.some((o) => o !== s && o.name.toLowerCase() === v.toLowerCase()))
        throw officeError("ItemAlreadyExists", v);
      s.name = v;
    });
  }
  get visibility(): string {
    return this.read<string>("visibility");
  }
  set visibility(v: string) {
    this.enqueue(`visibility(${this.label})`, () => {
      checkEnum("visibility", v);
      this.sheet().visibility = v as FakeSheet["visibility"];
    });
  }
  set tabColor(v: string) {
    this.enqueue(`tabColor(${this.label})`, () => this.sheet().log.push(`tabColor = ${v}`));
  }
  delete(): void {
    this.enqueue(`delete(${this.label})`, () => {
      const s = this.sheet();
      if (!this.wb.sheets.some((o) => o !== s && o.visibility === "Visible"))
        throw officeError("InvalidOperation", "a workbook must keep at least one visible sheet");
      this.wb.sheets = this.wb.sheets.filter((o) => o !== s);
    });
  }
  activate(): void {
    this.enqueue(`activate(${this.label})`, () => (this.wb.active = this.sheet().name));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.wb, this, address ?? "*");
  }
  getUsedRangeOrNullObject(): FakeRange {
    const r = new FakeRange(this.wb, this, "used");
    this.wb.onSync(() => {
      const exists = !this.nullable || !!this.wb.find(this.label);
      const s = exists ? this.sheet() : null;
      const keys = s ? [...s.cells.keys(), ...s.formulas.keys()].map((k) => parseA1(k)) : [];
      r.resolveUsed(s, keys);
    });
    return r;
  }
  get charts(): FakeCharts {
    return new FakeCharts(this.wb, this);
  }
  /** Worksheet.shapes, ExcelApi 1.9: LEARN/javascript/api/excel/excel.worksheet#excel-excel-worksheet-shapes-member */
  get shapes(): FakeShapes {
    return new FakeShapes(this.wb, this);
  }
  get freezePanes(): unknown {
    return recorder(this.wb, this, "freezePanes");
  }
  get autoFilter(): { apply(range: FakeRange | string): void } {
    return {
      apply: (range) => {
        const address = typeof range === "string" ? range : range.address;
        const line = `autoFilter.apply(${address})`;
        this.enqueue(line, () => {
          if (!shapeOf(address)) throw officeError("InvalidArgument", `AutoFilter range ${address}`);
          const s = this.sheet();
          s.autoFilter = address;
          s.log.push(line);
        });
      },
    };
  }
  get pageLayout(): unknown {
    return recorder(this.wb, this, "pageLayout");
  }
}

/**
 * Worksheet.shapes (ExcelApi 1.9, LEARN/javascript/api/excel/excel.shapecollection): items and
 * their type load like any collection (readable after the sync); a missing sheet fails the sync
 * with ItemNotFound. Shape.getAsImage(format) (ExcelApi 1.9,
 * LEARN/javascript/api/excel/excel.shape#excel-excel-shape-getasimage-member(1)) returns a
 * ClientResult whose value is readable after the sync; "the only supported formats are BMP, PNG,
 * JPEG and GIF": others are an InvalidArgument. The fake renders pictures as PNG only.
 */
class FakeShapes {
  private itemsData: FakeShape[] | null = null;
  constructor(
    private wb: FakeWorkbook,
    private ws: FakeWorksheet,
  ) {}
  load(props: string): this {
    for (const p of props.split(",").map((x) => x.trim()))
      if (!/^items\/(type|name)$/.test(p)) throw new Error(`fake cannot load shapes ${p}`);
    this.ws.enqueue("shapes.load", () => {
      this.itemsData = (this.ws.sheet().shapes ?? []).map((d) => new FakeShape(this.ws, d));
    });
    return this;
  }
  get items(): FakeShape[] {
    if (!this.itemsData) throw officeError("PropertyNotLoaded", "items");
    return this.itemsData;
  }
}

class FakeShape {
  constructor(
    private ws: FakeWorksheet,
    private d: FakeShapeData,
  ) {}
  get type(): string {
    return this.d.type;
  }
  getAsImage(format: string): { value: string } {
    let value: string | null = null;
    this.ws.enqueue(`getAsImage(${format})`, () => {
      if (!["BMP", "PNG", "JPEG", "GIF"].includes(format))
        throw officeError("InvalidArgument", `${format} is not a supported picture format`);
      if (format !== "PNG") throw new Error("the fake renders shapes as PNG only");
      if (this.d.png === undefined) throw new Error("the fake has no rendering of this shape");
      value = this.d.png;
    });
    return {
      get value(): string {
        if (value === null) throw officeError("PropertyNotLoaded", "value");
        return value;
      },
    };
  }
}

class FakeCharts {
  private itemsData: FakeChartProxy[] | null = null;
  constructor(
    private wb: FakeWorkbook,
    private ws: FakeWorksheet,
  ) {}
  load(props: string): this {
    if (props.trim() !== "items/name") throw new Error(`fake cannot load charts ${props}`);
    this.wb.onSync(() => {
      // a null object's collections are empty (the null propagates)
      if (!this.ws.exists()) return void (this.itemsData = []);
      this.itemsData = this.ws.sheet().charts.map((c) => new FakeChartProxy(this.wb, this.ws, () => c, c.name));
    });
    return this;
  }
  get items(): FakeChartProxy[] {
    if (!this.itemsData) throw officeError("PropertyNotLoaded", "charts.items");
    return this.itemsData;
  }
  getItem(name: string): FakeChartProxy {
    const find = () => {
      const c = this.ws.sheet().charts.find((x) => x.name === name);
      if (!c) throw officeError("ItemNotFound", `chart ${name}`);
      return c;
    };
    return new FakeChartProxy(this.wb, this.ws, find, `charts.getItem(${show(name)})`);
  }
  add(type: string, source: FakeRange, seriesBy: string): FakeChartProxy {
    let chart: FakeChart | undefined;
    const call = `charts.add(${show(type)}, ${source}, ${show(seriesBy)})`;
    this.ws.enqueue(call, () => {
      checkEnum("chartType", type);
      checkEnum("seriesBy", seriesBy);
      const sheet = this.ws.sheet();
      const shape = shapeOf(source.address);
      if (!shape) throw officeError("InvalidArgument", `chart source ${source.address}`);
      const at = (r: number, c: number) => this.wb.valueAt(sheet, a1(shape.row + r, shape.col + c));
      // series by columns: the first column is categories when it is text or the corner is empty
      const firstCol = Array.from({ length: shape.rows - 1 }, (_, r) => at(r + 1, 0));
      const cornerEmpty = at(0, 0) === "";
      const labels = cornerEmpty || firstCol.every((v) => typeof v === "string");
      const seriesCols = Array.from({ length: shape.cols }, (_, c) => c).filter((c) => !labels || c > 0);
      chart = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        seriesBy,
        source: source.address,
        categories: labels ? firstCol : firstCol.map((_, i) => i + 1),
        series: seriesCols.map((c) => String(at(0, c))),
      };
      sheet.charts.push(chart);
      sheet.log.push(call);
    });
    return new FakeChartProxy(
      this.wb,
      this.ws,
      () => {
        if (!chart) throw new Error("chart was never added");
        return chart;
      },
      call,
    );
  }
}

class FakeChartProxy {
  constructor(
    private wb: FakeWorkbook,
    private ws: FakeWorksheet,
    private chart: () => FakeChart,
    private path: string,
  ) {}
  get name(): string {
    return this.chart().name;
  }
  set name(v: string) {
    this.ws.enqueue(`${this.path}.name = ${show(v)}`, () => {
      this.chart().name = v;
      this.ws.sheet().log.push(`${this.path}.name = ${show(v)}`);
    });
  }
  delete(): void {
    this.ws.enqueue(`${this.path}.delete()`, () => {
      const s = this.ws.sheet();
      s.charts = s.charts.filter((c) => c !== this.chart());
    });
  }
  setPosition(a: string, b: string): void {
    const line = `${this.path}.setPosition(${show(a)}, ${show(b)})`;
    this.ws.enqueue(line, () => this.ws.sheet().log.push(line));
  }
  get title(): unknown {
    return recorder(this.wb, this.ws, `${this.path}.title`);
  }
  get axes(): unknown {
    return recorder(this.wb, this.ws, `${this.path}.axes`);
  }
  get series(): unknown {
    const rec = recorder(this.wb, this.ws, `${this.path}.series`) as { getItemAt(i: number): unknown };
    return {
      getItemAt: (i: number) => {
        this.ws.enqueue(`${this.path}.series.getItemAt(${i})?`, () => {
          const n = this.chart().series.length;
          if (!Number.isInteger(i) || i < 0 || i >= n)
            throw officeError("ItemNotFound", `series ${i} of a chart with ${n} series`);
        });
        return seriesProxy(rec.getItemAt(i), this.ws, `${this.path}.series.getItemAt(${i})`);
      },
    };
  }
}

/** A series: its fill's setSolidColor checked against the documented colour forms, the rest recorded. */
function seriesProxy(rec: unknown, ws: FakeWorksheet, path: string): unknown {
  const r = rec as Record<string, unknown>;
  return new Proxy(r, {
    get(target, prop) {
      if (prop !== "format") return target[prop as string];
      return {
        fill: {
          setSolidColor: (color: string) => {
            const line = `${path}.format.fill.setSolidColor(${show(color)})`;
            ws.enqueue(line, () => {
              if (typeof color !== "string" || !/^(#?[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(color))
                throw officeError("InvalidArgument", `colour ${String(color)}`);
              ws.sheet().log.push(line);
            });
          },
        },
      };
    },
    set(target, prop, value) {
      target[prop as string] = value;
      return true;
    },
  });
}

class FakeRange extends Loadable {
  private isNull: boolean | null = null;
  private wanted = new Set<string>();
  constructor(
    private wb: FakeWorkbook,
    private ws: FakeWorksheet,
    readonly address: string,
  ) {
    super();
  }
  override toString(): string {
    return `range(${this.address})`;
  }
  load(props: string): this {
    props.split(",").forEach((p) => this.wanted.add(p.trim()));
    return this;
  }
  resolveUsed(sheet: FakeSheet | null, keys: { row: number; col: number }[]): void {
    this.isNull = !sheet || keys.length === 0;
    if (this.isNull || !sheet) return;
    const r0 = Math.min(...keys.map((k) => k.row));
    const c0 = Math.min(...keys.map((k) => k.col));
    const r1 = Math.max(...keys.map((k) => k.row));
    const c1 = Math.max(...keys.map((k) => k.col));
    const grid = <T>(f: (cell: string) => T) =>
      Array.from({ length: r1 - r0 + 1 }, (_, r) =>
        Array.from({ length: c1 - c0 + 1 }, (_, c) => f(a1(r0 + r, c0 + c))),
      );
    const all: Record<string, unknown> = {
      values: grid((k) => this.wb.valueAt(sheet, k)),
      numberFormat: grid((k) => sheet.formats.get(k) ?? "General"),
      formulas: grid((k) => sheet.formulas.get(k)?.text ?? sheet.cells.get(k) ?? ""),
      rowIndex: r0,
      columnIndex: c0,
    };
    for (const p of this.wanted) {
      if (!(p in all)) throw new Error(`fake cannot load ${p}`);
      this.loaded.add(p);
      this.data[p] = all[p];
    }
  }
  get isNullObject(): boolean {
    if (this.isNull === null) throw new Error("isNullObject read before sync");
    return this.isNull;
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.ws.enqueue(
      `values(${this.address})`,
      () => {
        const start = checkShape(this.address, v, "values");
        const s = this.ws.sheet();
        v.forEach((row, r) =>
          row.forEach((x, c) => {
            const k = a1(start.row + r, start.col + c);
            if (x === null) return; // null leaves the cell as it is
            s.formulas.delete(k);
            if (x === "") return void s.cells.delete(k);
            if (typeof x === "object") throw officeError("InvalidArgument", `values(${k}): ${String(x)}`);
            if (typeof x !== "string" || s.formats.get(k) === "@") return void s.cells.set(k, x);
            const typed = typedEntry(x);
            if ("formula" in typed) {
              s.cells.delete(k);
              s.formulas.set(k, this.wb.bindFormula(typed.formula));
            } else s.cells.set(k, typed.value);
          }),
        );
      },
      jsonBytes(v),
    );
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.ws.enqueue(
      `numberFormat(${this.address})`,
      () => {
        const start = checkShape(this.address, v, "numberFormat");
        const s = this.ws.sheet();
        v.forEach((row, r) =>
          row.forEach((f, c) => {
            if (f === null) return;
            if (typeof f !== "string") throw officeError("InvalidArgument", `numberFormat ${String(f)}`);
            const k = a1(start.row + r, start.col + c);
            if (f === "General") s.formats.delete(k);
            else s.formats.set(k, f);
          }),
        );
        s.log.push(`${this} numberFormat = ${JSON.stringify(v[0][0])}`);
      },
      jsonBytes(v),
    );
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get format(): unknown {
    return recorder(this.wb, this.ws, `${this}.format`);
  }
  get dataValidation(): unknown {
    return recorder(this.wb, this.ws, `${this}.dataValidation`);
  }
  get conditionalFormats(): unknown {
    return recorder(this.wb, this.ws, `${this}.conditionalFormats`);
  }
  clear(applyTo = "All"): void {
    this.ws.enqueue(`clear(${this.address}, ${applyTo})`, () => {
      checkEnum("clearApplyTo", applyTo);
      if (this.address !== "*") throw new Error("the fake clears whole sheets only");
      const s = this.ws.sheet();
      if (applyTo === "All" || applyTo === "Contents") {
        s.cells.clear();
        s.formulas.clear();
      }
      if (applyTo === "All" || applyTo === "Formats") {
        s.formats.clear();
        // formats, merges, conditional formats of ranges; sheet settings (tab colour, freeze, print) stay
        s.log = s.log.filter((l) => !l.startsWith("range("));
      }
    });
  }
  merge(across: boolean): void {
    this.ws.enqueue(`merge(${this.address})`, () => this.ws.sheet().log.push(`${this}.merge(${across})`));
  }
  select(): void {
    this.ws.enqueue(`select(${this.address})`, () => (this.wb.selection = `${this.ws.sheet().name}!${this.address}`));
  }
}

function show(v: unknown): string {
  return typeof v === "object" && v !== null && !(v instanceof FakeRange)
    ? JSON.stringify(v)
    : typeof v === "string"
      ? JSON.stringify(v)
      : String(v);
}

/** Checks the documented enum values inside a property set or a method call. */
function checkValue(prop: string, value: unknown): void {
  if (prop in ENUMS) checkEnum(prop, value);
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if ("operator" in o) checkEnum("operator", o.operator);
    if ("style" in o && prop === "errorAlert") checkEnum("alertStyle", o.style);
  }
}

const METHOD_ENUMS: Record<string, string> = { getItem: "borderIndex", add: "conditionalFormatType" };

/** Records property sets and method calls below a path into the sheet's log, at sync time. */
function recorder(wb: FakeWorkbook, ws: FakeWorksheet, path: string): unknown {
  return new Proxy(function () {} as unknown as object, {
    get(_t, prop) {
      if (typeof prop === "symbol") return undefined;
      if (prop === "then") return undefined;
      return new Proxy(function () {}, {
        apply(_f, _this, args: unknown[]) {
          const call = `${path}.${prop}(${args.map(show).join(", ")})`;
          ws.enqueue(call, () => {
            const kind = METHOD_ENUMS[prop];
            if (kind && (kind !== "borderIndex" || path.endsWith(".borders"))) checkEnum(kind, args[0]);
            ws.sheet().log.push(call);
          });
          return recorder(wb, ws, call);
        },
        get(_f, sub) {
          if (typeof sub === "symbol" || sub === "then") return undefined;
          return (recorder(wb, ws, `${path}.${prop}`) as Record<string, unknown>)[sub];
        },
        set(_f, sub, value) {
          const line = `${path}.${prop}.${String(sub)} = ${show(value)}`;
          ws.enqueue(line, () => {
            checkValue(String(sub), value);
            ws.sheet().log.push(line);
          });
          return true;
        },
      });
    },
    set(_t, prop, value) {
      const line = `${path}.${String(prop)} = ${show(value)}`;
      ws.enqueue(line, () => {
        checkValue(String(prop), value);
        ws.sheet().log.push(line);
      });
      return true;
    },
  });
}
