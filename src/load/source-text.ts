// What the load stage hands to validation: the texts of a plan folder, each with the
// path shown to the user. Files on disk and blobs in git are decoded the same way.

import { withText, type Bilingual, type Code, type Diagnostic, type Text } from '../diagnostic.js';

/** A file as read: its path as shown to the user and its text. */
export interface SourceText {
  /** The path as shown to the user; a revision read from git adds `@<revision>`. */
  file: string;
  /**
   * The file's path without anything added (`plan/data/2024.yaml`): its name is the
   * year file's year. Defaults to `file`.
   */
  path?: string;
  text: string;
}

/** The texts of a plan folder: the plan file and its year files. */
export interface PlanSources {
  /** null when the plan file could not be read (the reader reported why). */
  plan: SourceText | null;
  years: SourceText[];
}

/** Files larger than this are refused before parsing (a plan file is a few hundred KB). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * What the files of one plan folder may come to in all, and how many year files it may hold:
 * a plan of 10,000 indicators with six year files is 7.4 MiB, and a plan's years are a handful.
 * Past either, the rest is not read (a folder of a thousand 8 MiB files would exhaust memory).
 */
export const MAX_PLAN_BYTES = 64 * 1024 * 1024;
export const MAX_YEAR_FILES = 500;

/** Why reading a plan folder stopped at `file`: past MAX_PLAN_BYTES (`bytes` so far) or MAX_YEAR_FILES. */
export function folderLimit(file: string, bytes: number | null): Diagnostic {
  return bytes === null
    ? fileDiagnostic(file, 'file-too-large',
      { en: `is past the ${MAX_YEAR_FILES}th year file of the data folder; it and the files after it are not read`, zh: `超出数据文件夹${MAX_YEAR_FILES}个年度文件的上限；此文件及其后的文件未读取` },
      { en: 'a plan folder holds plan.yaml and one data/<year>.yaml per year', zh: '规划文件夹只应有 plan.yaml 和每年一个 data/<年份>.yaml' })
    : fileDiagnostic(file, 'file-too-large',
      { en: `takes the plan folder's files to ${(bytes / 1048576).toFixed(1)} MiB, past the ${MAX_PLAN_BYTES / 1048576} MiB limit; it and the files after it are not read`, zh: `使规划文件夹的文件合计达到${(bytes / 1048576).toFixed(1)} MiB，超过${MAX_PLAN_BYTES / 1048576} MiB 的上限；此文件及其后的文件未读取` });
}

/** Diagnostic code for a file that could not be read at all: exit code 2. */
export const IO_ERROR = 'io-error';

/** An error about a whole file (line and column 0). */
export function fileDiagnostic(file: string, code: Code, message: Text, hint?: Text): Diagnostic {
  return withText({ severity: 'error', code, file, line: 0, col: 0 }, message, hint || undefined);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

const SAVE_AS_UTF8: Text = { en: 'save it as UTF-8', zh: '请以 UTF-8 编码保存' };

// The byte-order marks of the other Unicode encodings, longest first (UTF-32 LE starts as UTF-16 LE does).
const OTHER_UNICODE: ReadonlyArray<{ bom: readonly number[]; name: Bilingual }> = [
  { bom: [0xff, 0xfe, 0, 0], name: { en: 'UTF-32 text', zh: 'UTF-32 编码的文本' } },
  { bom: [0, 0, 0xfe, 0xff], name: { en: 'UTF-32 text', zh: 'UTF-32 编码的文本' } },
  // Windows editors call UTF-16 LE "Unicode" (Notepad's old default, Excel's "Unicode text").
  { bom: [0xff, 0xfe], name: { en: 'UTF-16 text (what Windows editors call “Unicode”)', zh: 'UTF-16 编码的文本（Windows 编辑器称作“Unicode”）' } },
  { bom: [0xfe, 0xff], name: { en: 'UTF-16 text', zh: 'UTF-16 编码的文本' } },
];

/** The name of the Unicode encoding other than UTF-8 whose byte-order mark the bytes start with ("UTF-16 text …"), if any. */
export function otherUnicode(bytes: Uint8Array): Bilingual | undefined {
  return OTHER_UNICODE.find(({ bom }) => bom.every((b, i) => bytes[i] === b))?.name;
}

/**
 * Whether bytes that are not UTF-8 read as Chinese text in GB18030 (which GBK and GB2312 are
 * part of: Chinese Windows' "ANSI"), as sheet/read.ts reads a CSV. The decoder is made here,
 * on a file that failed, not with the module: it costs a fifth of a millisecond of every run.
 */
function readsAsGb18030(bytes: Uint8Array): boolean {
  try {
    return /\p{Script=Han}/u.test(new TextDecoder('gb18030', { fatal: true }).decode(bytes));
  } catch {
    return false;
  }
}

/**
 * Decode a file's bytes as UTF-8 text (a leading BOM dropped), refusing binary data and
 * text in another encoding, which is named when it can be told: UTF-16 or UTF-32 by its
 * byte-order mark, GBK/GB18030 when the bytes read as Chinese in it.
 * `path` is the file's own path when `file` shows more (a revision).
 */
export function decodeText(bytes: Uint8Array, file: string, path: string = file): SourceText | Diagnostic {
  const other = otherUnicode(bytes);
  if (other !== undefined) {
    return fileDiagnostic(file, 'file-not-text', { en: `is ${other.en}, not UTF-8`, zh: `是 ${other.zh}，不是 UTF-8` }, SAVE_AS_UTF8);
  }
  if (bytes.includes(0)) return fileDiagnostic(file, 'file-not-text', { en: 'is not a text file (it contains NUL bytes)', zh: '不是文本文件（含有 NUL 字节）' });
  try {
    const text = decoder.decode(bytes).replace(/^\uFEFF/, '');
    return path === file ? { file, text } : { file, path, text };
  } catch {
    if (readsAsGb18030(bytes)) {
      return fileDiagnostic(
        file,
        'file-not-text',
        { en: 'is not valid UTF-8 text: it reads as GBK/GB18030 (what Chinese Windows calls “ANSI”)', zh: '不是有效的 UTF-8 文本：看起来是 GBK/GB18030 编码（中文 Windows 所称的“ANSI”）' },
        SAVE_AS_UTF8,
      );
    }
    return fileDiagnostic(file, 'file-not-text', { en: 'is not valid UTF-8 text', zh: '不是有效的 UTF-8 文本' }, SAVE_AS_UTF8);
  }
}
