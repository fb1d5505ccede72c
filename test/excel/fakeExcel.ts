/// <reference types="office-js" />
/**
 * A fake of the part of the Excel object model the adapter uses, with Office's batch
 * semantics: calls only queue commands; context.sync() runs them in order and stops at the
 * first failing one (earlier ones stay applied, later ones never run); loaded properties are
 * readable only after the sync, and reading one that was not loaded throws, as Office does.
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
  };
}

export interface FakeSheet {
  name: string;
  cells: Map<string, unknown>;
  /** Number formats by A1 (others "General"): Range.numberFormat, ExcelApi 1.1,
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member */
  formats?: Map<string, string>;
  /** Worksheet.visibility ("Visible" | "Hidden" | "VeryHidden"), ExcelApi 1.1 for reading,
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member */
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** Every formatting command applied to the sheet: "path = value" or "path(args)". */
  log: string[];
}

interface Command {
  desc: string;
  apply(): void;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  queue: Command[] = [];
  /** Sync calls (counted here and, in tests, with jest.spyOn(context, "sync")). */
  syncCount = 0;
  /** Largest request, in commands. */
  largestRequest = 0;
  /** Fails the command whose description matches (once), like Excel aborting a request. */
  failOn: RegExp | null = null;
  /** Rejects the n-th sync (1-based) before it runs anything, like a lost connection. */
  failSync: number | null = null;
  active = "";
  selection = "";
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

  addSheet(name: string, grid: Grid = []): FakeSheet {
    const s: FakeSheet = { name, cells: new Map(), log: [] };
    grid.forEach((row, r) => row.forEach((v, c) => v !== null && v !== "" && s.cells.set(a1(r, c), v)));
    this.sheets.push(s);
    return s;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  get(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw Object.assign(new Error(`ItemNotFound: ${name}`), { code: "ItemNotFound" });
    return s;
  }

  names(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** A deep copy of the workbook's observable state. */
  snapshot(): Array<{ name: string; cells: [string, unknown][]; log: string[] }> {
    return this.sheets.map((s) => ({ name: s.name, cells: [...s.cells.entries()], log: [...s.log] }));
  }

  enqueue(desc: string, apply: () => void): void {
    this.queue.push({ desc, apply });
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
    if (this.failSync === this.syncCount) throw Object.assign(new Error("Network error"), { code: "GeneralException" });
    for (const cmd of batch) {
      if (this.failOn && this.failOn.test(cmd.desc)) {
        this.failOn = null;
        throw Object.assign(new Error(`InvalidArgument at ${cmd.desc}`), { code: "InvalidArgument" });
      }
      cmd.apply();
    }
    after.forEach((f) => f());
  }
}

/** Throws like Office when a property is read before it was loaded and synced. */
class Loadable {
  protected loaded = new Set<string>();
  protected data: Record<string, unknown> = {};
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop}`);
    return this.data[prop] as T;
  }
}

class FakeWorksheets {
  private itemsData: FakeWorksheet[] | null = null;
  constructor(private wb: FakeWorkbook) {}
  load(props: string): this {
    if (!/items\/name/.test(props)) throw new Error(`unexpected load ${props}`);
    this.wb.onSync(() => {
      this.itemsData = this.wb.sheets.map((s) => new FakeWorksheet(this.wb, () => s, s.name, true));
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemsData) throw new Error("PropertyNotLoaded: items");
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
      if (this.wb.find(name))
        throw Object.assign(new Error(`ItemAlreadyExists: ${name}`), { code: "ItemAlreadyExists" });
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
  constructor(
    private wb: FakeWorkbook,
    readonly sheet: () => FakeSheet,
    private label: string,
    nameLoaded = false,
  ) {
    super();
    if (nameLoaded) {
      this.loaded.add("name");
      this.data.name = label;
    }
  }
  resolveNull(isNull: boolean): void {
    this.isNull = isNull;
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
  get visibility(): string {
    return this.read<string>("visibility");
  }
  get isNullObject(): boolean {
    if (this.isNull === null) throw new Error("isNullObject read before sync");
    return this.isNull;
  }
  get name(): string {
    return this.read<string>("name");
  }
  set name(v: string) {
    this.wb.enqueue(`rename(${this.label} -> ${v})`, () => {
      const s = this.sheet();
      if (this.wb.sheets.some((o) => o !== s && o.name.toLowerCase() === v.toLowerCase()))
        throw Object.assign(new Error(`ItemAlreadyExists: ${v}`), { code: "ItemAlreadyExists" });
      s.name = v;
    });
  }
  set tabColor(v: string) {
    this.wb.enqueue(`tabColor(${this.label})`, () => this.sheet().log.push(`tabColor = ${v}`));
  }
  delete(): void {
    this.wb.enqueue(`delete(${this.label})`, () => {
      const s = this.sheet();
      this.wb.sheets = this.wb.sheets.filter((o) => o !== s);
    });
  }
  activate(): void {
    this.wb.enqueue(`activate(${this.label})`, () => (this.wb.active = this.sheet().name));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.wb, this, address ?? "*");
  }
  getUsedRangeOrNullObject(): FakeRange {
    const r = new FakeRange(this.wb, this, "used");
    this.wb.onSync(() => {
      const exists = !this.nullable || !!this.wb.find(this.label);
      const s = exists ? this.sheet() : null;
      const keys = s ? [...s.cells.keys()].map((k) => parseA1(k)) : [];
      r.resolveUsed(s, keys);
    });
    return r;
  }
  get charts(): unknown {
    return recorder(this.wb, this, "charts");
  }
  get freezePanes(): unknown {
    return recorder(this.wb, this, "freezePanes");
  }
  get pageLayout(): unknown {
    return recorder(this.wb, this, "pageLayout");
  }
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
    const values = Array.from({ length: r1 - r0 + 1 }, (_, r) =>
      Array.from({ length: c1 - c0 + 1 }, (_, c) => sheet.cells.get(a1(r0 + r, c0 + c)) ?? ""),
    );
    const numberFormat = Array.from({ length: r1 - r0 + 1 }, (_, r) =>
      Array.from({ length: c1 - c0 + 1 }, (_, c) => sheet.formats?.get(a1(r0 + r, c0 + c)) ?? "General"),
    );
    const all: Record<string, unknown> = { values, numberFormat, rowIndex: r0, columnIndex: c0 };
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
    const start = parseA1(this.address.split(":")[0]);
    this.wb.enqueue(`values(${this.address})`, () => {
      const s = this.ws.sheet();
      v.forEach((row, r) =>
        row.forEach((x, c) => {
          const k = a1(start.row + r, start.col + c);
          if (x === "" || x === null) s.cells.delete(k);
          else s.cells.set(k, x);
        }),
      );
    });
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  set numberFormat(v: unknown[][]) {
    this.wb.enqueue(`numberFormat(${this.address})`, () =>
      this.ws.sheet().log.push(`${this} numberFormat = ${JSON.stringify(v[0][0])}`),
    );
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
  merge(across: boolean): void {
    this.wb.enqueue(`merge(${this.address})`, () => this.ws.sheet().log.push(`${this}.merge(${across})`));
  }
  select(): void {
    this.wb.enqueue(`select(${this.address})`, () => (this.wb.selection = `${this.ws.sheet().name}!${this.address}`));
  }
}

function show(v: unknown): string {
  return typeof v === "object" && v !== null && !(v instanceof FakeRange)
    ? JSON.stringify(v)
    : typeof v === "string"
      ? JSON.stringify(v)
      : String(v);
}

/** Records property sets and method calls below a path into the sheet's log, at sync time. */
function recorder(wb: FakeWorkbook, ws: FakeWorksheet, path: string): unknown {
  return new Proxy(function () {} as unknown as object, {
    get(_t, prop) {
      if (typeof prop === "symbol") return undefined;
      if (prop === "then") return undefined;
      return new Proxy(function () {}, {
        apply(_f, _this, args: unknown[]) {
          const call = `${path}.${prop}(${args.map(show).join(", ")})`;
          wb.enqueue(call, () => ws.sheet().log.push(call));
          return recorder(wb, ws, call);
        },
        get(_f, sub) {
          if (typeof sub === "symbol" || sub === "then") return undefined;
          return (recorder(wb, ws, `${path}.${prop}`) as Record<string, unknown>)[sub];
        },
        set(_f, sub, value) {
          const line = `${path}.${prop}.${String(sub)} = ${show(value)}`;
          wb.enqueue(line, () => ws.sheet().log.push(line));
          return true;
        },
      });
    },
    set(_t, prop, value) {
      const line = `${path}.${String(prop)} = ${show(value)}`;
      wb.enqueue(line, () => ws.sheet().log.push(line));
      return true;
    },
  });
}
