/**
 * Output safety for the CLI: which paths may be written, and writing a set of outputs whole or not at all.
 *
 * - `checkOutputs` compares every output with the input and with each other by real path (links
 *   resolved, also for outputs that do not exist yet through a linked folder), by device + inode
 *   (hard links), and case-insensitively where the folder's file system is case-insensitive.
 * - `commitOutputs` writes each output to a temporary file in its target folder, flushes it to disk
 *   (fsync), and only when every one is written renames them over their targets in one short loop.
 *   On any failure the temporaries are removed and what was there before stays (targets already
 *   replaced in the loop are put back from hard-link backups). The renames are atomic one by one;
 *   a journal lets the next run complete a set whose renames a kill interrupted (`recoverInterrupted`).
 *
 * Writers (ExcelJS today, the package-patching writer of issue 11 later) hand their bytes to
 * `commitOutputs`; nothing else in the CLI writes a file.
 */
import { constants as fsc, promises as fs, type Stats } from "node:fs";
import * as path from "node:path";

export interface PlannedOutput {
  /** Where it goes, as the user gave it. */
  path: string;
  data: Uint8Array | string;
}

export type PathProblem =
  { code: "OUT_SAME_AS_IN"; path: string; input: string } | { code: "OUT_DUPLICATE"; path: string; other: string };

/** Test hooks: a point name is reported before each step; throwing from it simulates a failure there. */
export interface CommitHooks {
  at?: (point: string, file?: string) => void | Promise<void>;
  /** Replaces the write of a temporary file (tests inject ENOSPC here). */
  write?: (handle: fs.FileHandle, data: Uint8Array | string, target: string) => Promise<void>;
}

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

/**
 * The real path of a file that may not exist yet: the deepest existing ancestor resolved with
 * realpath (so linked folders count), then the remaining names. An existing path (even a link to
 * a file) resolves completely.
 */
export async function resolvedPath(p: string): Promise<string> {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      const real = await fs.realpath(cur);
      return rest.length ? path.join(real, ...rest.reverse()) : real;
    } catch (e) {
      // a dangling link at the end: follow it by hand once
      if ((e as NodeJS.ErrnoException).code === "ENOENT" && rest.length === 0) {
        try {
          const target = await fs.readlink(cur);
          return resolvedPath(path.resolve(path.dirname(cur), target));
        } catch {
          // not a link
        }
      }
      const parent = path.dirname(cur);
      if (parent === cur) return abs;
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

const caseCache = new Map<string, boolean>();

/** Whether the existing folder `dir` is on a case-insensitive file system (probed with a temporary file). */
export async function caseInsensitiveDir(dir: string): Promise<boolean> {
  const known = caseCache.get(dir);
  if (known !== undefined) return known;
  let result = false;
  const probe = path.join(dir, `.ita-case-probe-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const h = await fs.open(probe, "wx");
    await h.close();
    const upper = path.join(dir, path.basename(probe).toUpperCase());
    const [a, b] = [await statOrNull(probe), await statOrNull(upper)];
    result = !!a && !!b && a.ino === b.ino && a.dev === b.dev;
  } catch {
    result = false; // read-only folder: it will fail at write time anyway
  } finally {
    await fs.rm(probe, { force: true });
  }
  caseCache.set(dir, result);
  return result;
}

interface Identity {
  given: string;
  real: string;
  /** real, lower-cased when its folder is case-insensitive */
  key: string;
  dev?: number;
  ino?: number;
}

async function identity(p: string, probe: (dir: string) => Promise<boolean>): Promise<Identity> {
  const real = await resolvedPath(p);
  let existingDir = path.dirname(real);
  while (!(await statOrNull(existingDir)) && path.dirname(existingDir) !== existingDir)
    existingDir = path.dirname(existingDir);
  const insensitive = await probe(existingDir);
  const st = await statOrNull(real);
  return {
    given: p,
    real,
    key: insensitive ? real.normalize("NFC").toLowerCase() : real,
    ...(st ? { dev: st.dev, ino: st.ino } : {}),
  };
}

function same(a: Identity, b: Identity): boolean {
  if (a.key === b.key || a.real === b.real) return true;
  return a.ino !== undefined && a.dev === b.dev && a.ino === b.ino;
}

export interface CheckOptions {
  /** How to tell a case-insensitive folder (tests stand in for a case-insensitive disk). */
  caseInsensitive?: (dir: string) => Promise<boolean>;
}

/** The first problem with the outputs (an output that is the input, or two outputs that are one file), or null. */
export async function checkOutputs(
  input: string,
  outputs: string[],
  options: CheckOptions = {},
): Promise<PathProblem | null> {
  const probe = options.caseInsensitive ?? caseInsensitiveDir;
  const inId = await identity(input, probe);
  const outIds: Identity[] = [];
  for (const o of outputs) {
    const id = await identity(o, probe);
    if (same(id, inId)) return { code: "OUT_SAME_AS_IN", path: o, input };
    const dup = outIds.find((x) => same(x, id));
    if (dup) return { code: "OUT_DUPLICATE", path: o, other: dup.given };
    outIds.push(id);
  }
  return null;
}

const TEMP_RE = /^\.(.+)\.(\d+)\.[a-z0-9]+\.(tmp|bak)$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporaries of `target` left by a run that was killed (its process is gone). */
async function removeStale(target: string): Promise<void> {
  const dir = path.dirname(target);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const n of names) {
    const m = TEMP_RE.exec(n);
    if (m && m[1] === path.basename(target) && Number(m[2]) !== process.pid && !alive(Number(m[2])))
      await fs.rm(path.join(dir, n), { force: true });
  }
}

function tempName(target: string, tag: string): string {
  const rnd = Math.random().toString(36).slice(2, 10);
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${rnd}.${tag}`);
}

async function fsyncDir(dir: string): Promise<void> {
  try {
    const h = await fs.open(dir, fsc.O_RDONLY);
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // some systems cannot fsync a folder; the renames are still atomic one by one
  }
}

/**
 * Writes every output whole or not at all (see the module comment). Throws the first error after
 * cleaning up; the error carries `outputPath`, the output that failed.
 */
export async function commitOutputs(outputs: PlannedOutput[], hooks: CommitHooks = {}): Promise<void> {
  const at = hooks.at ?? (() => undefined);
  const staged: Array<{ target: string; temp: string; backup?: string }> = [];
  const cleanup = async () => {
    for (const s of staged) {
      await fs.rm(s.temp, { force: true });
      if (s.backup) await fs.rm(s.backup, { force: true });
    }
  };
  let current = "";
  try {
    for (const o of outputs) {
      current = o.path;
      const target = path.resolve(o.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await removeStale(target);
      const temp = tempName(target, "tmp");
      staged.push({ target, temp });
      await at("temp", o.path);
      const h = await fs.open(temp, "wx", 0o644);
      try {
        if (hooks.write) await hooks.write(h, o.data, o.path);
        else await h.writeFile(o.data);
        await h.sync();
      } finally {
        await h.close();
      }
    }
    await at("staged");
    // keep the previous files reachable until every rename is done
    for (const s of staged) {
      current = s.target;
      if (await statOrNull(s.target)) {
        const backup = tempName(s.target, "bak");
        try {
          await fs.link(s.target, backup);
          s.backup = backup;
        } catch {
          // no hard links here (e.g. some network disks): the rename below is still atomic per file
        }
      }
    }
  } catch (e) {
    await cleanup();
    throw Object.assign(e as Error, { outputPath: current });
  }
  // The renames are atomic one by one, not together: a journal next to the first output lets the
  // next run finish a set whose renames a kill interrupted (recoverInterrupted).
  const journal = path.join(
    path.dirname(staged[0]?.target ?? "."),
    `${JOURNAL_PREFIX}${process.pid}.${Math.random().toString(36).slice(2, 10)}.json`,
  );
  const done: typeof staged = [];
  try {
    if (staged.length > 1) {
      const h = await fs.open(journal, "wx", 0o644);
      try {
        await h.writeFile(JSON.stringify({ pid: process.pid, entries: staged }));
        await h.sync();
      } finally {
        await h.close();
      }
    }
    for (const s of staged) {
      current = s.target;
      await at(done.length ? "renamed" : "rename", s.target);
      await fs.rename(s.temp, s.target);
      done.push(s);
    }
  } catch (e) {
    // put back what was there before
    for (const s of done.reverse()) {
      if (s.backup) await fs.rename(s.backup, s.target).catch(() => undefined);
      else await fs.rm(s.target, { force: true });
    }
    await cleanup();
    await fs.rm(journal, { force: true });
    throw Object.assign(e as Error, { outputPath: current });
  }
  for (const dir of new Set(staged.map((s) => path.dirname(s.target)))) await fsyncDir(dir);
  await fs.rm(journal, { force: true });
  for (const s of staged) if (s.backup) await fs.rm(s.backup, { force: true });
}

const JOURNAL_PREFIX = ".ita-analyzer-commit.";

/**
 * Finishes what a killed run left in the folders of `outputs`: a set whose renames had begun is
 * completed (its remaining temporaries renamed in), a set whose renames had not begun is dropped
 * (the previous files are still whole). Returns the targets completed. Runs before any new write.
 */
export async function recoverInterrupted(outputs: string[]): Promise<string[]> {
  const completed: string[] = [];
  for (const dir of new Set(outputs.map((o) => path.dirname(path.resolve(o))))) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const n of names) {
      if (!n.startsWith(JOURNAL_PREFIX)) continue;
      const file = path.join(dir, n);
      let j: { pid: number; entries: Array<{ target: string; temp: string; backup?: string }> };
      try {
        j = JSON.parse(await fs.readFile(file, "utf8"));
      } catch {
        continue;
      }
      if (j.pid === process.pid || alive(j.pid)) continue;
      const pending = [];
      for (const e of j.entries) if (await statOrNull(e.temp)) pending.push(e);
      const begun = pending.length < j.entries.length;
      for (const e of pending) {
        if (begun) {
          await fs.rename(e.temp, e.target);
          completed.push(e.target);
        } else await fs.rm(e.temp, { force: true });
      }
      for (const e of j.entries) if (e.backup) await fs.rm(e.backup, { force: true });
      await fs.rm(file, { force: true });
    }
  }
  return completed;
}
