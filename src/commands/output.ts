// Output that never destroys a good report. The files of one run are one set: each is
// first written in full to a temporary file beside its target (every byte count checked,
// then fsync), and only when all of them are written are they renamed over their targets,
// in one synchronous step, after which the folder is synced. A failure before the renames
// removes the temporary files and leaves the previous set as it was. Renaming replaces a
// symlink itself, never the file it points to. Temporary files are named
// `.<name>.cixi-plan-<pid>-<random>.tmp`; the next run removes those of dead processes.
// Two runs into one folder rename in turn, under the folder's lock (`.cixi-plan.lock`), so
// the set left is one run's, never a mix of both.

import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Bilingual } from '../diagnostic.js';

/**
 * What a file holds: text (written as UTF-8), bytes, or bytes in pieces written one after
 * another (a large file made a piece at a time need never be joined in memory).
 */
export type FileContent = string | Uint8Array | readonly Uint8Array[];

/** A file to write: absolute path and content. */
export interface OutputFile {
  path: string;
  content: FileContent;
}

/** A file written, with its size in bytes. */
export interface WrittenFile {
  path: string;
  bytes: number;
}

export type WriteResult =
  | { ok: true; written: WrittenFile[] }
  | {
      ok: false;
      /** The file or folder that failed. */
      path: string;
      /**
       * One line for the user, in both languages: what failed, why, and what state the files
       * are in (the system's own reason, such as `ENOSPC: no space left on device`, as it is).
       */
      message: Bilingual;
      /** Targets already replaced when the failure came (only a failed rename leaves any). */
      replaced: string[];
    };

/** The file-system calls the writer makes; tests inject faults (short writes, ENOSPC, failing renames). */
export interface WriterFs {
  stat(path: string): Promise<fs.Stats>;
  lstat(path: string): Promise<fs.Stats>;
  /** Create one folder (its parent must exist). */
  mkdir(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  open(path: string, flags: string, mode?: number): Promise<number>;
  /** Write `length` bytes of `data` from `offset`; resolves to the number of bytes written. */
  write(fd: number, data: Uint8Array, offset: number, length: number): Promise<number>;
  fchmod(fd: number, mode: number): Promise<void>;
  fsync(fd: number): Promise<void>;
  close(fd: number): Promise<void>;
  /** Remove a file or a folder with its contents; no error when it is gone. */
  rm(path: string): Promise<void>;
  readFile(path: string): Promise<string>;
  /** Synchronous, so that no signal handler runs between the renames of one set. */
  renameSync(from: string, to: string): void;
}

const call =
  <A extends unknown[], R>(f: (...args: [...A, (err: NodeJS.ErrnoException | null, result: R) => void]) => void) =>
  (...args: A): Promise<R> =>
    new Promise((resolve, reject) => f(...args, (err, result) => (err ? reject(err) : resolve(result))));

/** The real file system. */
export const nodeFs: WriterFs = {
  stat: (path) => fs.promises.stat(path),
  lstat: (path) => fs.promises.lstat(path),
  mkdir: async (path) => {
    await fs.promises.mkdir(path);
  },
  readdir: (path) => fs.promises.readdir(path),
  open: (path, flags, mode) => call<[string, string, number | undefined], number>(fs.open)(path, flags, mode),
  write: (fd, data, offset, length) => call<[number, Uint8Array, number, number, null], number>(fs.write)(fd, data, offset, length, null),
  fchmod: (fd, mode) => call<[number, number], void>(fs.fchmod)(fd, mode),
  fsync: (fd) => call<[number], void>(fs.fsync)(fd),
  close: (fd) => call<[number], void>(fs.close)(fd),
  rm: (path) => fs.promises.rm(path, { recursive: true, force: true }),
  readFile: (path) => fs.promises.readFile(path, 'utf8'),
  renameSync: (from, to) => fs.renameSync(from, to),
};

/** Test-only points where a writer may pause (see fault-points.ts). */
export interface WriteHooks {
  /** The set is about to be written: no temporary file or lock exists yet. Synchronous. */
  beforeTemps?: () => void;
  /** Every temporary file is written and synced; nothing is renamed yet. Awaited. */
  afterTemps?: () => void | Promise<void>;
  /** The n-th rename (1-based) is done and more remain. Synchronous: the renames are one step. */
  afterRename?: (n: number) => void;
}

export interface WriteOptions {
  fs?: WriterFs;
  hooks?: WriteHooks;
  /** How a path is shown in messages (default: as given). */
  show?: (path: string) => string;
  /** The pid written into temporary names (default: this process). */
  pid?: number;
  /** Whether a process lives (default: `kill(pid, 0)`); decides which leftover temporary files and locks are stale. */
  isAlive?: (pid: number) => boolean;
  /** How long to wait for another run's folder lock, in ms (default: 60 s). */
  lockWait?: number;
}

/** The size of a file's content in bytes. */
export function byteLength(content: FileContent): number {
  if (typeof content === 'string') return Buffer.byteLength(content, 'utf8');
  if (content instanceof Uint8Array) return content.byteLength;
  return content.reduce((sum, piece) => sum + piece.byteLength, 0);
}

// ── Temporary files ──────────────────────────────────────────────────────────

const TEMP_NAME = /^\..*\.cixi-plan-(\d+)-[0-9a-f]{8}\.tmp$/u;

// This process's temporary files and folders not yet renamed: removed on SIGINT/SIGTERM.
const liveTemps = new Set<string>();

// Whether there is anything to remove if a signal ends the run, told to the entry point's
// guard each time it changes. The entry point handles SIGINT, SIGTERM and SIGHUP only while
// there is: a handled signal waits for the event loop, and a run rendering a report (synchronous
// work, seconds for a large plan or a heavy template) would go on until it ends. With nothing
// to clean up, a signal ends the run at once.
let cleanupGuard: ((needed: boolean) => void) | undefined;
let cleanupNeeded = false;

/** Call `guard` with true when this process starts holding temporary files or locks, false when it stops. */
export function setCleanupGuard(guard: (needed: boolean) => void): void {
  cleanupGuard = guard;
  cleanupNeeded = false;
  cleanupChanged();
}

// Add or remove a path to clean up, and tell the guard when that changes whether there is any.
function hold(paths: Set<string>, path: string): void {
  paths.add(path);
  cleanupChanged();
}
function release(paths: Set<string>, path: string): void {
  paths.delete(path);
  cleanupChanged();
}

function cleanupChanged(): void {
  const needed = liveTemps.size + heldLocks.size > 0;
  if (needed === cleanupNeeded) return;
  cleanupNeeded = needed;
  cleanupGuard?.(needed);
}

/** A temporary path beside `target`: `.<name>.cixi-plan-<pid>-<random>.tmp` (name cut to 40 characters). */
export function tempPathFor(target: string, pid: number = process.pid): string {
  const name = [...basename(target)].slice(0, 40).join('');
  // Web Crypto, not node:crypto: this module loads with every command (--version too), and
  // node:crypto's sixteen modules cost more than the rest of `--version`; the global loads on use.
  const random = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(4))).toString('hex');
  return join(dirname(target), `.${name}.cixi-plan-${pid}-${random}.tmp`);
}

/** Whether a file name is one of cixi-plan's temporary files; gives the pid of the run that made it. */
export function tempOwner(name: string): number | undefined {
  const m = TEMP_NAME.exec(name);
  return m ? Number(m[1]) : undefined;
}

/**
 * Remove this process's temporary files at once (synchronously): called by the entry
 * point on SIGINT, SIGTERM and SIGHUP before the process dies of the signal.
 */
export function removeTempFilesSync(): void {
  for (const path of [...liveTemps, ...heldLocks]) {
    try {
      fs.rmSync(path, { recursive: true, force: true });
    } catch {
      // Dying anyway: the next run removes what is left.
    }
  }
  liveTemps.clear();
  heldLocks.clear();
  cleanupChanged();
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Remove temporary files a killed run left in `dir`: those of dead processes, and those
// with this process's pid that it is not using (a dead run whose pid was reused).
async function removeStaleTemps(dir: string, fsys: WriterFs, pid: number, isAlive: (pid: number) => boolean): Promise<void> {
  let names: string[];
  try {
    names = await fsys.readdir(dir);
  } catch {
    return; // The writes that follow report the folder's problem.
  }
  for (const name of names) {
    const owner = tempOwner(name);
    const path = join(dir, name);
    if (owner === undefined || liveTemps.has(path)) continue;
    if (owner !== pid && isAlive(owner)) continue; // another run at work
    await fsys.rm(path).catch(() => undefined);
  }
}

// ── The folder lock ──────────────────────────────────────────────────────────

const LOCK_NAME = '.cixi-plan.lock';

// The locks this process holds: removed on SIGINT/SIGTERM with the temporary files.
const heldLocks = new Set<string>();

/**
 * Take the lock of `dir` for the renames of a set: a file made with O_EXCL that holds the
 * pid. A lock whose process is gone (killed) is stale and taken over; a live one is waited
 * for, up to `wait` ms. Renaming takes milliseconds, so a wait is short.
 */
async function lockFolder(dir: string, fsys: WriterFs, pid: number, isAlive: (pid: number) => boolean, wait: number, show: (p: string) => string): Promise<string> {
  const path = join(dir, LOCK_NAME);
  const start = Date.now();
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    let fd: number | undefined;
    try {
      fd = await fsys.open(path, 'wx', 0o644);
    } catch (err) {
      if (errCode(err) !== 'EEXIST') {
        throw new WriteFailure(path, `cannot lock folder ${show(dir)} (${describeError(err)}); no file was replaced`, `无法锁定文件夹 ${show(dir)}（${describeError(err)}）；没有替换任何文件`);
      }
    }
    if (fd !== undefined) {
      hold(heldLocks, path);
      const text = Buffer.from(`${pid}\n`);
      try {
        await fsys.write(fd, text, 0, text.byteLength);
      } finally {
        await fsys.close(fd).catch(() => undefined);
      }
      return path;
    }
    // Held: by a live run (wait), by a dead one (take it over), or being written (wait).
    let info: fs.Stats | undefined;
    try {
      info = await fsys.lstat(path);
    } catch (err) {
      if (errCode(err) === 'ENOENT') continue; // removed meanwhile: try again
    }
    // A run's lock is a regular file holding a pid. Anything else at the lock's name is no
    // run's and is taken over: a FIFO (reading it would wait for a writer forever), a folder,
    // a link, a device, a file too large to hold a pid.
    const lockFile = info !== undefined && info.isFile() && info.size <= 32;
    const owner = lockFile ? Number.parseInt(await fsys.readFile(path).catch(() => ''), 10) : Number.NaN;
    const age = info === undefined ? 0 : Date.now() - info.mtimeMs;
    // Our own pid is a dead run's whose pid was reused, unless this process holds the lock
    // (two writes at once in one process, as tests run the CLI).
    const live = owner === pid ? heldLocks.has(path) : isAlive(owner);
    const stale = info !== undefined && (!lockFile || (Number.isInteger(owner) && owner > 0 ? !live : age > 2000));
    // A lock that cannot be removed (a read-only folder) is waited for like a live one, so
    // that the run ends with the message below instead of trying again without end.
    if (stale && (await fsys.rm(path).then(() => true, () => false))) continue;
    if (Date.now() - start >= wait) {
      const known = Number.isInteger(owner) && owner > 0;
      const who = known ? `another cixi-plan run (pid ${owner})` : 'another cixi-plan run';
      const seconds = wait < 10_000 ? (wait / 1000).toFixed(1) : String(Math.round(wait / 1000));
      throw new WriteFailure(
        path,
        `${who} is writing to ${show(dir)}; waited ${seconds} s, no file was replaced (remove ${show(path)} if no run is left)`,
        `另一个 cixi-plan 运行${known ? `（pid ${owner}）` : ''}正在写入 ${show(dir)}；已等待 ${seconds} 秒，没有替换任何文件（若已没有运行，请删除 ${show(path)}）`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

async function unlockFolders(locks: readonly string[], fsys: WriterFs): Promise<void> {
  for (const lock of locks) {
    await fsys.rm(lock).catch(() => undefined);
    release(heldLocks, lock);
  }
}

// ── Errors ───────────────────────────────────────────────────────────────────

class WriteFailure extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly zh: string,
  ) {
    super(message);
  }
}

const errCode = (err: unknown): string | undefined => (err as NodeJS.ErrnoException)?.code;

/** `ENOSPC: no space left on device` from a Node error (without the syscall and path). */
export function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const text = String(e?.message ?? err)
    .replace(/^[A-Z0-9_]+: /, '')
    .replace(/, \w+( '.*')*$/s, '');
  return e?.code ? `${e.code}: ${text}` : text;
}

// ── Folders ──────────────────────────────────────────────────────────────────

/**
 * Make sure `dir` is a folder, creating the missing levels one at a time, each with a
 * clear error: a file in the way, a file system that refuses new folders (/proc), a
 * read-only or full file system, no permission. `wanted` is the folder the caller is
 * after (`dir` or a folder inside it), named in the messages.
 */
async function ensureFolder(dir: string, fsys: WriterFs, show: (p: string) => string, wanted = dir): Promise<void> {
  const missing: string[] = [];
  for (let current = dir; ; ) {
    let info: fs.Stats;
    try {
      info = await fsys.stat(current);
    } catch (err) {
      const parent = dirname(current);
      if ((errCode(err) === 'ENOENT' || errCode(err) === 'ENOTDIR') && parent !== current) {
        missing.unshift(current);
        current = parent;
        continue;
      }
      throw new WriteFailure(current, `cannot use folder ${show(current)} (${describeError(err)})`, `无法使用文件夹 ${show(current)}（${describeError(err)}）`);
    }
    if (!info.isDirectory()) {
      const where = current === wanted ? '' : `cannot create folder ${show(wanted)}: `;
      const whereZh = current === wanted ? '' : `无法创建文件夹 ${show(wanted)}：`;
      throw new WriteFailure(current, `${where}${show(current)} is a file, not a folder`, `${whereZh}${show(current)} 是文件，不是文件夹`);
    }
    break;
  }
  for (const level of missing) {
    try {
      await fsys.mkdir(level);
    } catch (err) {
      if (errCode(err) === 'EEXIST' && (await fsys.stat(level).then((s) => s.isDirectory(), () => false))) continue;
      // ENOENT with the parent in place: a file system such as /proc that takes no new folder.
      const refused = errCode(err) === 'ENOENT';
      const why = refused ? `: ${show(dirname(level))} does not accept new folders (ENOENT)` : ` (${describeError(err)})`;
      const whyZh = refused ? `：${show(dirname(level))} 不接受新建文件夹（ENOENT）` : `（${describeError(err)}）`;
      throw new WriteFailure(level, `cannot create folder ${show(level)}${why}`, `无法创建文件夹 ${show(level)}${whyZh}`);
    }
  }
}

// ── Files ────────────────────────────────────────────────────────────────────

const piecesOf = (content: FileContent): readonly Uint8Array[] => (typeof content === 'string' ? [Buffer.from(content, 'utf8')] : content instanceof Uint8Array ? [content] : content);

// Write a new file in full: loop until every byte is written (a full disk gives a short
// write, then ENOSPC), set the mode, fsync, close. Throws on any failure.
async function writeWhole(fsys: WriterFs, path: string, pieces: readonly Uint8Array[], mode: number | undefined): Promise<void> {
  const fd = await fsys.open(path, 'wx', 0o666);
  try {
    for (const data of pieces) {
      for (let offset = 0; offset < data.byteLength; ) {
        const n = await fsys.write(fd, data, offset, data.byteLength - offset);
        if (!(n > 0)) throw new Error(`short write: ${offset} of ${data.byteLength} bytes written`);
        offset += n;
      }
    }
    if (mode !== undefined) await fsys.fchmod(fd, mode);
    await fsys.fsync(fd);
  } catch (err) {
    await fsys.close(fd).catch(() => undefined);
    throw err;
  }
  await fsys.close(fd);
}

// Sync a folder so that the renames in it survive a crash. File systems that cannot sync
// a folder say so with EINVAL or ENOTSUP: nothing more can be done there.
async function syncFolder(fsys: WriterFs, dir: string): Promise<void> {
  const fd = await fsys.open(dir, 'r');
  try {
    await fsys.fsync(fd).catch((err: unknown) => {
      if (!['EINVAL', 'ENOTSUP', 'EISDIR', 'EBADF'].includes(errCode(err) ?? '')) throw err;
    });
  } finally {
    await fsys.close(fd).catch(() => undefined);
  }
}

/**
 * Write a set of files so that either all of them replace their targets or none does:
 * create the folders, remove stale temporary files, refuse a folder standing at a
 * target, write every temporary file in full, then rename them all in one synchronous
 * step and sync the folders. A killed process can still stop between two renames: the
 * set is then mixed, which the run id inside the files shows.
 */
export async function writeFileSet(files: readonly OutputFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const fsys = options.fs ?? nodeFs;
  const show = options.show ?? ((p: string) => p);
  const pid = options.pid ?? process.pid;
  const folders = [...new Set(files.map((f) => dirname(f.path)))];
  const temps: string[] = [];
  const locks: string[] = [];
  options.hooks?.beforeTemps?.();
  try {
    for (const folder of folders) {
      await ensureFolder(folder, fsys, show);
      await removeStaleTemps(folder, fsys, pid, options.isAlive ?? processAlive);
    }
    // Refuse a folder in the way before writing anything (rename would fail half-way).
    const modes: Array<number | undefined> = [];
    for (const file of files) {
      const info = await fsys.lstat(file.path).catch(() => undefined);
      if (info?.isDirectory()) {
        throw new WriteFailure(file.path, `cannot write ${show(file.path)}: a folder of that name is in the way; no file was replaced`, `无法写入 ${show(file.path)}：已有同名文件夹；没有替换任何文件`);
      }
      modes.push(info?.isFile() ? info.mode & 0o7777 : undefined);
    }
    for (const [i, file] of files.entries()) {
      const temp = tempPathFor(file.path, pid);
      temps.push(temp);
      hold(liveTemps, temp);
      try {
        await writeWhole(fsys, temp, piecesOf(file.content), modes[i]);
      } catch (err) {
        throw new WriteFailure(file.path, `cannot write ${show(file.path)} (${describeError(err)}); no file was replaced`, `无法写入 ${show(file.path)}（${describeError(err)}）；没有替换任何文件`);
      }
    }
    await options.hooks?.afterTemps?.();
    // The renames of one run at a time in each folder (in one order, so two runs cannot
    // each hold one folder and wait for the other's).
    for (const folder of [...folders].sort()) {
      locks.push(await lockFolder(folder, fsys, pid, options.isAlive ?? processAlive, options.lockWait ?? 60_000, show));
    }
  } catch (err) {
    await removeTemps(temps, fsys);
    await unlockFolders(locks, fsys);
    if (err instanceof WriteFailure) return { ok: false, path: err.path, message: { en: err.message, zh: err.zh }, replaced: [] };
    throw err;
  }
  try {
    return await renameSet(files, temps, folders, fsys, show, options.hooks);
  } finally {
    await unlockFolders(locks, fsys);
  }
}

// Rename every temporary file over its target in one synchronous step, then sync the folders.
async function renameSet(files: readonly OutputFile[], temps: readonly string[], folders: readonly string[], fsys: WriterFs, show: (p: string) => string, hooks: WriteHooks | undefined): Promise<WriteResult> {
  const replaced: string[] = [];
  for (const [i, file] of files.entries()) {
    try {
      fsys.renameSync(temps[i]!, file.path);
    } catch (err) {
      await removeTemps(temps.slice(i), fsys);
      const names = replaced.map((p) => basename(p));
      const done = replaced.length === 0 ? 'no file was replaced' : `${names.join(', ')} replaced, the rest left from before: run again`;
      const doneZh = replaced.length === 0 ? '没有替换任何文件' : `已替换 ${names.join('、')}，其余仍是上次的：请再运行一次`;
      return {
        ok: false,
        path: file.path,
        message: { en: `cannot replace ${show(file.path)} (${describeError(err)}); ${done}`, zh: `无法替换 ${show(file.path)}（${describeError(err)}）；${doneZh}` },
        replaced,
      };
    }
    release(liveTemps, temps[i]!);
    replaced.push(file.path);
    if (i < files.length - 1) hooks?.afterRename?.(i + 1);
  }
  for (const folder of folders) {
    try {
      await syncFolder(fsys, folder);
    } catch (err) {
      return {
        ok: false,
        path: folder,
        message: { en: `every file was written, but folder ${show(folder)} cannot be synced (${describeError(err)})`, zh: `所有文件均已写入，但无法同步文件夹 ${show(folder)}（${describeError(err)}）` },
        replaced,
      };
    }
  }
  return { ok: true, written: files.map((f) => ({ path: f.path, bytes: byteLength(f.content) })) };
}

async function removeTemps(temps: readonly string[], fsys: WriterFs): Promise<void> {
  for (const temp of temps) {
    await fsys.rm(temp).catch(() => undefined);
    release(liveTemps, temp);
  }
}

/** A file of a new folder: path inside it (`/`-separated) and content. */
export interface FolderFile {
  path: string;
  content: FileContent;
}

/**
 * Create the folder `target` (absolute; missing or empty) holding `files`, all or nothing:
 * the files are written in full into a temporary folder beside it, which is then renamed
 * into place (a rename replaces an empty folder). Parents are created one level at a time.
 */
export async function writeNewFolder(target: string, files: readonly FolderFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const fsys = options.fs ?? nodeFs;
  const show = options.show ?? ((p: string) => p);
  const pid = options.pid ?? process.pid;
  const parent = dirname(target);
  const staging = tempPathFor(target, pid);
  try {
    await ensureFolder(parent, fsys, show, target);
    await removeStaleTemps(parent, fsys, pid, options.isAlive ?? processAlive);
    hold(liveTemps, staging);
    await fsys.mkdir(staging);
    const made = [staging];
    for (const file of files) {
      const parts = file.path.split('/');
      for (let n = 1; n < parts.length; n++) {
        const sub = join(staging, ...parts.slice(0, n));
        if (!made.includes(sub)) {
          await fsys.mkdir(sub);
          made.push(sub);
        }
      }
      await writeWhole(fsys, join(staging, ...parts), piecesOf(file.content), undefined);
    }
    // The new folders' entries must be on disk before the folder appears under its name.
    for (const folder of made.reverse()) await syncFolder(fsys, folder);
    await options.hooks?.afterTemps?.();
    fsys.renameSync(staging, target);
    release(liveTemps, staging);
  } catch (err) {
    await removeTemps([staging], fsys);
    if (err instanceof WriteFailure) return { ok: false, path: err.path, message: { en: err.message, zh: err.zh }, replaced: [] };
    return { ok: false, path: target, message: { en: `cannot write ${show(target)} (${describeError(err)})`, zh: `无法写入 ${show(target)}（${describeError(err)}）` }, replaced: [] };
  }
  try {
    await syncFolder(fsys, parent);
  } catch (err) {
    return {
      ok: false,
      path: parent,
      message: { en: `${show(target)} was written, but folder ${show(parent)} cannot be synced (${describeError(err)})`, zh: `${show(target)} 已写入，但无法同步文件夹 ${show(parent)}（${describeError(err)}）` },
      replaced: [target],
    };
  }
  return { ok: true, written: files.map((f) => ({ path: join(target, ...f.path.split('/')), bytes: byteLength(f.content) })) };
}
