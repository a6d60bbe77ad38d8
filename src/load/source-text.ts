// What the load stage hands to validation: the texts of a plan folder, each with the
// path shown to the user. Files on disk and blobs in git are decoded the same way.

import { withText, type Code, type Diagnostic, type Text } from '../diagnostic.js';

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

/**
 * Decode a file's bytes as UTF-8 text (a leading BOM dropped), refusing binary data.
 * `path` is the file's own path when `file` shows more (a revision).
 */
export function decodeText(bytes: Uint8Array, file: string, path: string = file): SourceText | Diagnostic {
  if (bytes.includes(0)) return fileDiagnostic(file, 'file-not-text', { en: 'is not a text file (it contains NUL bytes)', zh: '不是文本文件（含有 NUL 字节）' });
  try {
    const text = decoder.decode(bytes).replace(/^\uFEFF/, '');
    return path === file ? { file, text } : { file, path, text };
  } catch {
    return fileDiagnostic(file, 'file-not-text', { en: 'is not valid UTF-8 text', zh: '不是有效的 UTF-8 文本' }, { en: 'save it as UTF-8', zh: '请以 UTF-8 编码保存' });
  }
}
