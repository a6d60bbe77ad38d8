// File-system access for the CLI: read a plan folder into texts. Only regular files
// inside the plan folder are read (a symbolic link may point elsewhere in the folder),
// and never more than MAX_FILE_BYTES of one: a FIFO, a device, a socket or a link out
// of the folder is refused before a byte is read. Problems with a single file become
// diagnostics; a missing or unreadable folder or plan file is a usage error.

import { constants, type Stats } from 'node:fs';
import { access, lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type Bilingual, type Diagnostic, type Text } from '../diagnostic.js';
import { IO_ERROR, MAX_FILE_BYTES, MAX_PLAN_BYTES, MAX_YEAR_FILES, decodeText, fileDiagnostic, folderLimit, type PlanSources, type SourceText } from './source-text.js';

export { IO_ERROR, MAX_FILE_BYTES } from './source-text.js';

export type ReadPlanResult =
  | { ok: true; sources: PlanSources; diagnostics: Diagnostic[] }
  | { ok: false; message: Bilingual };

/** Show a path relative to the working directory when it lies inside it. */
export function displayPath(path: string, cwd: string): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  return rel === '' ? '.' : rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel) ? abs : rel.split(sep).join('/');
}

/** Where bytes come from: an open FileHandle (a fake in tests). */
export interface ByteSource {
  read(buffer: Buffer, offset: number, length: number, position: null): Promise<{ bytesRead: number }>;
}

/**
 * Read a source to its end, but never more than `limit` + 1 bytes, whatever its size
 * seemed (files in /proc, or a device, say 0). `{ok: false}` when there is more than `limit`.
 */
export async function readBounded(source: ByteSource, limit: number, sizeHint = 0): Promise<{ ok: true; bytes: Buffer } | { ok: false }> {
  let buffer = Buffer.allocUnsafe(Math.min(Math.max(sizeHint, 0) + 1, limit) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const { bytesRead } = await source.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) return { ok: true, bytes: buffer.subarray(0, length) };
    length += bytesRead;
    if (length > limit) return { ok: false };
  }
}

function errnoOf(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'unknown error';
}

// Say why a file or folder cannot be read, in words for the common cases.
function cannotRead(err: unknown): Bilingual {
  const code = errnoOf(err);
  return code === 'EACCES' || code === 'EPERM'
    ? { en: `cannot be read: permission denied (${code})`, zh: `无法读取：没有权限（${code}）` }
    : { en: `cannot be read (${code})`, zh: `无法读取（${code}）` };
}

// What an entry that is not a regular file is, or null for a regular file.
function notRegular(info: Stats, what: Text = { en: 'a YAML file', zh: 'YAML 文件' }): Text | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return typeof what === 'string' ? `is a directory, not ${what}` : { en: `is a directory, not ${what.en}`, zh: `是文件夹，不是${what.zh}` };
  if (info.isFIFO()) return { en: 'is a named pipe (FIFO), not a regular file', zh: '是命名管道（FIFO），不是普通文件' };
  if (info.isSocket()) return { en: 'is a socket, not a regular file', zh: '是套接字，不是普通文件' };
  if (info.isCharacterDevice() || info.isBlockDevice()) return { en: 'is a device, not a regular file', zh: '是设备，不是普通文件' };
  return { en: 'is not a regular file', zh: '不是普通文件' };
}

function tooLarge(file: string, size: number | null): Diagnostic {
  const limit = MAX_FILE_BYTES / 1048576;
  const what = size === null
    ? { en: `holds more than ${limit} MiB`, zh: `超过${limit} MiB` }
    : { en: `is ${(size / 1048576).toFixed(1)} MiB`, zh: `有${(size / 1048576).toFixed(1)} MiB` };
  return fileDiagnostic(file, 'file-too-large', { en: `${what.en}; plan files are limited to ${limit} MiB`, zh: `${what.zh}；规划文件不能超过${limit} MiB` });
}

/** Whether `path` is `folder` or lies inside it (both absolute, resolved). */
export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

// Where a symbolic link leads, if that is inside the plan folder; a diagnostic otherwise.
async function followInside(path: string, file: string, realRoot: string): Promise<string | Diagnostic> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (err) {
    const code = errnoOf(err);
    if (code === 'ENOENT') return fileDiagnostic(file, IO_ERROR, { en: 'is a symbolic link to a file that does not exist', zh: '是指向不存在文件的符号链接' });
    if (code === 'ELOOP') return fileDiagnostic(file, IO_ERROR, { en: 'is a symbolic link that leads round in a loop', zh: '是循环指向自身的符号链接' });
    return fileDiagnostic(file, IO_ERROR, cannotRead(err));
  }
  if (!isInside(real, realRoot)) {
    return fileDiagnostic(file, IO_ERROR, { en: `is a symbolic link to ${real}, outside the plan folder`, zh: `是指向规划文件夹之外 ${real} 的符号链接` },
      { en: 'links are followed only within the plan folder: copy the file into it', zh: '只跟随规划文件夹内的链接：请把文件复制进来' });
  }
  return real;
}

/** How an entry was found: its text, why it cannot be read, or that there is none. */
type Entry = SourceText | Diagnostic | 'missing';

// Read one file as UTF-8 text: a regular file (or a link to one inside the plan folder),
// at most MAX_FILE_BYTES, opened so that a FIFO swapped in after the check cannot block.
async function readText(path: string, file: string, realRoot: string): Promise<Entry> {
  let info: Stats;
  let target = path;
  try {
    info = await lstat(path);
    if (info.isSymbolicLink()) {
      const real = await followInside(path, file, realRoot);
      if (typeof real !== 'string') return real;
      target = real;
      info = await stat(real);
    }
  } catch (err) {
    return errnoOf(err) === 'ENOENT' ? 'missing' : fileDiagnostic(file, IO_ERROR, cannotRead(err));
  }
  const kind = notRegular(info);
  if (kind !== null) return fileDiagnostic(file, IO_ERROR, kind);
  if (info.size > MAX_FILE_BYTES) return tooLarge(file, info.size);
  const read = await readOpened(target, MAX_FILE_BYTES, true);
  if (read.ok) return decodeText(read.bytes, file);
  return read.size !== undefined ? tooLarge(file, read.size) : fileDiagnostic(file, IO_ERROR, read.why);
}

type Opened = { ok: true; bytes: Buffer } | { ok: false; why: Text; errno?: string; size?: number | null };

// Open a path without blocking on a FIFO (and without following a last link when noFollow),
// judge what was opened, and read it within the limit. `size` says it was too large (null:
// more than the limit, its size unknown).
async function readOpened(path: string, limit: number, noFollow: boolean, what?: Text): Promise<Opened> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (noFollow ? constants.O_NOFOLLOW ?? 0 : 0));
  } catch (err) {
    return { ok: false, why: cannotRead(err), errno: errnoOf(err) };
  }
  try {
    // The entry may have changed since it was looked at: judge what was opened.
    const opened = await handle.stat();
    const openedKind = notRegular(opened, what);
    if (openedKind !== null) return { ok: false, why: openedKind };
    if (opened.size > limit) return { ok: false, why: { en: 'is too large', zh: '太大' }, size: opened.size };
    const read = await readBounded(handle, limit, opened.size);
    return read.ok ? read : { ok: false, why: { en: 'is too large', zh: '太大' }, size: null };
  } catch (err) {
    return { ok: false, why: cannotRead(err) };
  } finally {
    await handle.close();
  }
}

/** A file read outside a plan folder (a template, a spreadsheet): its bytes, or why not, in words. */
export type RegularFile =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: 'missing' | 'unreadable'; message: Text }
  /** size: the file's size, or null when it said less than it held (a file in /proc). */
  | { ok: false; reason: 'too-large'; message: Text; size: number | null };

/**
 * Read a regular file (a link is followed) of at most `limit` bytes: a FIFO, a device, a
 * socket or a folder is refused before a byte is read, and the limit holds while reading
 * (a file in /proc says size 0).
 */
export async function readRegularFile(path: string, limit: number): Promise<RegularFile> {
  const read = await readOpened(path, limit, false, { en: 'a file', zh: '文件' });
  if (read.ok) return read;
  if (read.errno === 'ENOENT') return { ok: false, reason: 'missing', message: { en: 'does not exist', zh: '不存在' } };
  if (read.size === undefined) return { ok: false, reason: 'unreadable', message: read.why };
  const mib = (n: number) => (n / 1048576).toFixed(1);
  return {
    ok: false,
    reason: 'too-large',
    size: read.size,
    message: read.size === null
      ? { en: `holds more than ${mib(limit)} MiB, the limit`, zh: `超过${mib(limit)} MiB 的上限` }
      : { en: `is ${mib(read.size)} MiB, over the limit of ${mib(limit)} MiB`, zh: `有${mib(read.size)} MiB，超过${mib(limit)} MiB 的上限` },
  };
}

// The year-file names in the data folder (sorted), or why the folder cannot be read;
// no data folder means no year files.
async function listData(dataDir: string, file: string, realRoot: string): Promise<string[] | Diagnostic> {
  let folder = dataDir;
  try {
    const info = await lstat(dataDir);
    if (info.isSymbolicLink()) {
      const real = await followInside(dataDir, file, realRoot);
      if (typeof real !== 'string') return real;
      folder = real;
    }
    if (!(await stat(folder)).isDirectory()) return fileDiagnostic(file, IO_ERROR, { en: 'is not a folder: year files go in data/<year>.yaml', zh: '不是文件夹：年度文件应放在 data/<年份>.yaml' });
    return (await readdir(folder)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (err) {
    return errnoOf(err) === 'ENOENT' ? [] : fileDiagnostic(file, IO_ERROR, cannotRead(err));
  }
}

/**
 * Read `<dir>/plan.yaml` and every `<dir>/data/*.yaml` (or `.yml`), sorted by name.
 * Paths in the result are shown relative to `cwd`.
 */
export async function readPlanFolder(dir: string, cwd: string): Promise<ReadPlanResult> {
  const root = resolve(cwd, dir);
  const shownRoot = displayPath(dir, cwd);
  let realRoot: string;
  try {
    const info = await stat(root);
    if (!info.isDirectory()) return { ok: false, message: { en: `plan folder ${shownRoot} is not a folder`, zh: `规划文件夹 ${shownRoot} 不是文件夹` } };
    realRoot = await realpath(root);
    await access(root, constants.X_OK);
  } catch (err) {
    const code = errnoOf(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return {
        ok: false,
        message: {
          en: `plan folder ${shownRoot} not found (use --plan DIR, or \`cixi-plan init DIR\` to start one)`,
          zh: `找不到规划文件夹 ${shownRoot}（用 --plan DIR 指定，或用 \`cixi-plan init DIR\` 新建一个）`,
        },
      };
    }
    const why = cannotRead(err);
    return { ok: false, message: { en: `plan folder ${shownRoot} ${why.en}`, zh: `规划文件夹 ${shownRoot} ${why.zh}` } };
  }
  const planPath = join(root, 'plan.yaml');
  const diagnostics: Diagnostic[] = [];
  const planRead = await readText(planPath, displayPath(planPath, cwd), realRoot);
  if (planRead === 'missing') {
    const shown = displayPath(planPath, cwd);
    return { ok: false, message: { en: `${shown} not found: a plan folder holds plan.yaml and data/<year>.yaml`, zh: `找不到 ${shown}：规划文件夹应包含 plan.yaml 和 data/<年份>.yaml` } };
  }
  if ('code' in planRead) diagnostics.push(planRead);
  const years: SourceText[] = [];
  const dataDir = join(root, 'data');
  const names = await listData(dataDir, displayPath(dataDir, cwd), realRoot);
  if (!Array.isArray(names)) diagnostics.push(names);
  let total = 'code' in planRead ? 0 : Buffer.byteLength(planRead.text);
  for (const [i, name] of (Array.isArray(names) ? names : []).entries()) {
    const path = join(dataDir, name);
    if (i >= MAX_YEAR_FILES) {
      diagnostics.push(folderLimit(displayPath(path, cwd), null));
      break;
    }
    const read = await readText(path, displayPath(path, cwd), realRoot);
    // A name listed a moment ago and gone now: it was never part of the plan.
    if (read === 'missing') continue;
    if ('code' in read) {
      diagnostics.push(read);
      continue;
    }
    total += Buffer.byteLength(read.text);
    if (total > MAX_PLAN_BYTES) {
      diagnostics.push(folderLimit(read.file, total));
      break;
    }
    years.push(read);
  }
  const plan = 'code' in planRead ? null : planRead;
  return { ok: true, sources: { plan, years }, diagnostics };
}
