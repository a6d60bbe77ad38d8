// Read a spreadsheet given to `cixi-plan import` into a grid of cells that remember
// where they are (指标!G7): an .xlsx through exceljs, after its zip directory was checked
// for size; a .csv in UTF-8 (with or without BOM) or, when it is not valid UTF-8, in
// GB18030 (what Excel saves on Chinese Windows), parsed by csv-parse. Formulas,
// merged cells and error values are reported here, located; what a cell means is
// interpret.ts's business. Pure: bytes in, grid and diagnostics out.

import { parse } from 'csv-parse/sync';
import { withText, type Code, type Diagnostic } from '../diagnostic.js';
import { otherUnicode } from '../load/source-text.js';
import { INDICATOR_COLUMNS, MILESTONE_COLUMNS, SHEETS, columnOfHeader, roleOfSheet, type SheetLang, type SheetRole } from './columns.js';
import { ValueType, readWorkbook, type Cell, type Worksheet } from './excel.js';
import { oversizedEntry, zipEntries } from './zip.js';

/** Largest spreadsheet file read (a fill-in workbook of 10,000 indicators is under 2 MiB). */
export const MAX_SHEET_BYTES = 16 * 1024 * 1024;
/** Largest total an .xlsx may unpack to, checked before anything is inflated. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** Most rows and columns a sheet may span. */
export const MAX_ROWS = 200_000;
export const MAX_COLUMNS = 200;

/** One non-empty cell: where it is and what it holds. */
export interface GridCell {
  /** 1-based row and column. */
  row: number;
  col: number;
  /** A1-style reference, e.g. `G7`. */
  ref: string;
  kind: 'text' | 'number' | 'date' | 'formula' | 'error';
  /** The text (a date as YYYY-MM-DD, a number as JavaScript writes it), trimmed. */
  text: string;
  number?: number;
  /** Decimals the cell's number format shows (`0.00` → 2); undefined for General. */
  decimals?: number;
  /** The number format shows a percentage (the cell holds 0.057 for 5.7%). */
  percent?: boolean;
}

/** A sheet with the role it plays, its cells by row (row 1 is the header). */
export interface GridSheet {
  name: string;
  role: SheetRole | undefined;
  rows: Map<number, Map<number, GridCell>>;
}

export interface Grid {
  sheets: GridSheet[];
}

export type ReadResult = { ok: true; grid: Grid; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** The A1 name of a 1-based column (1 → A, 27 → AA). */
export function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A problem at a cell (or a range, or a whole sheet): `指标!G7: message`, in the spreadsheet's file. */
export function cellDiagnostic(file: string, where: string, code: Code, message: { en: string; zh: string }, hint?: { en: string; zh: string }, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  const placed = where === '' ? message : { en: `${where}: ${message.en}`, zh: `${where}：${message.zh}` };
  return withText({ severity, code, file, line: 0, col: 0 }, placed, hint);
}

// Decimals and percent of a number format ("#,##0.00" → 2; "0.0%" → 1, percent).
function formatOf(numFmt: string | undefined): { decimals?: number; percent: boolean } {
  if (numFmt === undefined || numFmt === '' || numFmt === 'General') return { percent: false };
  const first = numFmt.split(';')[0]!.replace(/"[^"]*"/g, '');
  const m = /\.(0+)/.exec(first);
  return { decimals: m ? m[1]!.length : 0, percent: first.includes('%') };
}

// A date cell as YYYY-MM-DD (exceljs reads dates as UTC midnight).
function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? String(d) : d.toISOString().slice(0, 10);
}

// What an exceljs cell holds, as a grid cell; null for an empty one.
function gridCell(cell: Cell, row: number, col: number): GridCell | null {
  const ref = `${columnName(col)}${row}`;
  const base = { row, col, ref };
  const v = cell.value as unknown;
  switch (cell.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return null;
    case ValueType.Number: {
      const f = formatOf(cell.numFmt);
      const out: GridCell = { ...base, kind: 'number', text: String(v), number: v as number, percent: f.percent };
      if (f.decimals !== undefined) out.decimals = f.decimals;
      return out;
    }
    case ValueType.Date:
      return { ...base, kind: 'date', text: isoDate(v as Date) };
    case ValueType.Formula: {
      const formula = (cell.formula ?? (v as { sharedFormula?: string } | null)?.sharedFormula ?? '') as string;
      return { ...base, kind: 'formula', text: `=${formula}` };
    }
    case ValueType.Error:
      return { ...base, kind: 'error', text: String((v as { error?: string }).error ?? '#ERROR') };
    case ValueType.Boolean:
      return { ...base, kind: 'text', text: v ? 'TRUE' : 'FALSE' };
    case ValueType.RichText:
      return textCell(base, (v as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join(''));
    case ValueType.Hyperlink: {
      const h = v as { text?: unknown; hyperlink?: string };
      return textCell(base, typeof h.text === 'string' ? h.text : String(h.hyperlink ?? ''));
    }
    default:
      return textCell(base, typeof v === 'string' ? v : String(cell.text ?? ''));
  }
}

function textCell(base: { row: number; col: number; ref: string }, text: string): GridCell | null {
  // Line breaks inside a cell as YAML writes them (Windows saves CRLF).
  const t = text.replace(/\r\n?/g, '\n').trim();
  return t === '' ? null : { ...base, kind: 'text', text: t };
}

// The cells of one worksheet, with its formulas and merged ranges reported.
function readSheet(ws: Worksheet, file: string, diagnostics: Diagnostic[]): GridSheet | null {
  const role = roleOfSheet(ws.name);
  const sheet: GridSheet = { name: ws.name, role, rows: new Map() };
  if (ws.rowCount > MAX_ROWS || ws.columnCount > MAX_COLUMNS) {
    diagnostics.push(cellDiagnostic(file, ws.name, 'sheet-too-large', {
      en: `spans ${ws.rowCount} rows and ${ws.columnCount} columns; a sheet may span at most ${MAX_ROWS} rows and ${MAX_COLUMNS} columns`,
      zh: `占${ws.rowCount}行${ws.columnCount}列；一张工作表最多${MAX_ROWS}行${MAX_COLUMNS}列`,
    }));
    return null;
  }
  // Only the data sheets are read cell by cell; the guide is read for its year and plan.
  if (role !== 'indicators' && role !== 'milestones' && role !== 'guide') return sheet;
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).slice().sort();
  if (role !== 'guide') {
    for (const range of merges) {
      diagnostics.push(cellDiagnostic(file, `${ws.name}!${range}`, 'sheet-merged-cells', { en: 'merged cells: each cell needs its own entry', zh: '合并了单元格：每个单元格要单独填写' },
        { en: 'select the range, unmerge it, and fill in each cell', zh: '选中该区域，取消合并，再逐格填写' }));
    }
  }
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const g = gridCell(cell, r, c);
      if (g === null) return;
      if (g.kind === 'formula' && role !== 'guide') {
        diagnostics.push(cellDiagnostic(file, `${ws.name}!${g.ref}`, 'sheet-formula', { en: `holds the formula ${short(g.text)}; type the published figure itself`, zh: `是公式 ${short(g.text)}；请直接填公布的数字` },
          { en: 'copy the cell and paste it back as values (Paste Special → Values)', zh: '复制该单元格，再以“选择性粘贴 → 数值”粘贴回去' }));
      }
      let cells = sheet.rows.get(r);
      if (cells === undefined) sheet.rows.set(r, (cells = new Map()));
      cells.set(c, g);
    });
  });
  return sheet;
}

/** Quote text from a cell in a message: at most 40 characters. */
export function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

async function readXlsx(bytes: Uint8Array, file: string): Promise<ReadResult> {
  const zip = zipEntries(bytes);
  if (!zip.ok) {
    const hint = bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf
      ? { en: 'this is an old .xls (or encrypted) workbook: save it as .xlsx', zh: '这是旧的 .xls（或加密的）工作簿：请另存为 .xlsx' }
      : { en: 'save it from Excel or WPS as an .xlsx workbook', zh: '请在 Excel 或 WPS 中另存为 .xlsx 工作簿' };
    return { ok: false, diagnostics: [cellDiagnostic(file, '', 'sheet-unreadable', zip.message, hint)] };
  }
  const unpacked = zip.entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    return { ok: false, diagnostics: [cellDiagnostic(file, '', 'sheet-too-large', {
      en: `unpacks to ${(unpacked / 1048576).toFixed(0)} MiB; a workbook may unpack to at most ${MAX_UNPACKED_BYTES / 1048576} MiB`,
      zh: `解压后有${(unpacked / 1048576).toFixed(0)} MiB；工作簿解压后最多${MAX_UNPACKED_BYTES / 1048576} MiB`,
    })] };
  }
  const liar = oversizedEntry(bytes, zip.entries);
  if (liar !== null) {
    return { ok: false, diagnostics: [cellDiagnostic(file, '', 'sheet-too-large', {
      en: `${liar.name} unpacks to more than the ${liar.uncompressedSize.toLocaleString('en-US')} bytes the archive claims for it (a zip bomb?)`,
      zh: `${liar.name} 解压后超过压缩包声明的${liar.uncompressedSize}字节（疑似 zip 炸弹）`,
    })] };
  }
  let wb;
  try {
    wb = await readWorkbook(bytes);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { ok: false, diagnostics: [cellDiagnostic(file, '', 'sheet-unreadable', { en: `not a workbook exceljs can read (${short(reason ?? '')})`, zh: `不是能读取的工作簿（${short(reason ?? '')}）` },
      { en: 'open it in Excel or WPS and save it again as .xlsx', zh: '请在 Excel 或 WPS 中打开，再另存为 .xlsx' })] };
  }
  const diagnostics: Diagnostic[] = [];
  const sheets: GridSheet[] = [];
  for (const ws of wb.worksheets) {
    const sheet = readSheet(ws, file, diagnostics);
    if (sheet === null) return { ok: false, diagnostics };
    sheets.push(sheet);
  }
  return { ok: true, grid: { sheets }, diagnostics };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

// Letters of Armenian, Hebrew, Arabic, Syriac, Thaana and NKo (U+0530–U+07FF): what UTF-8
// reads a lone GBK character with a first byte of D4–DF as (约 D4 BC is Armenian Լ), and
// nothing a plan's table holds.
const GBK_AS_UTF8 = /[\u0530-\u07ff]/u;
const HAN = /\p{Script=Han}/u;

/**
 * CSV bytes as text: UTF-8 when they are valid UTF-8 (a BOM dropped), else GB18030.
 * Valid UTF-8 is read as UTF-8 whatever it holds: μg/m³, ±5%, café, km², ½, Ⅱ and
 * fullwidth digits are UTF-8 text, though GB18030 would read their bytes as Chinese too
 * (± is C2 B1, which GB18030 reads as 卤). GB18030 text is seldom valid UTF-8: a byte of
 * almost every Chinese character breaks it, so only ASCII with a character or two of
 * Chinese can be both. Of those, the one case told apart is UTF-8 that, without a BOM,
 * holds a letter of a script between Armenian and NKo and no Chinese, which as GB18030
 * is Chinese (`约3100`, read as `Լ3100`): that is GB18030.
 */
export function decodeCsv(bytes: Uint8Array): { ok: true; text: string; encoding: 'utf-8' | 'gb18030' } | { ok: false } {
  let text: string | undefined;
  try {
    text = utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    text = undefined; // not UTF-8: GB18030 or nothing
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (text !== undefined && (bom || !GBK_AS_UTF8.test(text) || HAN.test(text))) return { ok: true, text, encoding: 'utf-8' };
  let gb: string;
  try {
    gb = gb18030.decode(bytes);
  } catch {
    return text === undefined ? { ok: false } : { ok: true, text, encoding: 'utf-8' };
  }
  if (text !== undefined && !HAN.test(gb)) return { ok: true, text, encoding: 'utf-8' };
  return { ok: true, text: gb, encoding: 'gb18030' };
}

// A CSV holds one sheet: the 里程碑 sheet when its header has `state` and no `value`, else 指标.
function csvRole(header: readonly string[]): SheetRole {
  const keys = new Set(header.map((h) => columnOfHeader(h, [...INDICATOR_COLUMNS, ...MILESTONE_COLUMNS])?.key));
  return keys.has('state') && !keys.has('value') ? 'milestones' : 'indicators';
}

/** What to do with a file that is not CSV text. */
const SAVE_AS_CSV = { en: 'save it from Excel or WPS as “CSV (Comma delimited)” or “CSV UTF-8”', zh: '请在 Excel 或 WPS 中另存为“CSV（逗号分隔）”或“CSV UTF-8”' };

function readCsv(bytes: Uint8Array, file: string, lang: SheetLang): ReadResult {
  // Excel's "Unicode text" is UTF-16: named, as the plan's files name it (load/source-text.ts).
  const other = otherUnicode(bytes);
  if (other !== undefined) {
    return { ok: false, diagnostics: [cellDiagnostic(file, '', 'sheet-unreadable', { en: `is ${other.en}, not UTF-8 or GB18030`, zh: `是 ${other.zh}，不是 UTF-8 或 GB18030` },
      SAVE_AS_CSV)] };
  }
  if (bytes.includes(0)) {
    return { ok: false, diagnostics: [cellDiagnostic(file, '', 'sheet-unreadable', { en: 'holds NUL bytes: not a CSV text file', zh: '含有 NUL 字节：不是 CSV 文本文件' },
      SAVE_AS_CSV)] };
  }
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) {
    return { ok: false, diagnostics: [cellDiagnostic(file, '', 'sheet-unreadable', { en: 'is neither UTF-8 nor GB18030 text', zh: '既不是 UTF-8 也不是 GB18030 文本' },
      { en: 'save it as “CSV UTF-8 (Comma delimited)”', zh: '请另存为“CSV UTF-8（逗号分隔）”' })] };
  }
  let records: string[][];
  try {
    records = parse(decoded.text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    return { ok: false, diagnostics: [cellDiagnostic(file, '', 'sheet-unreadable', { en: `is not valid CSV (${short(e.message ?? 'parse error')})`, zh: `不是有效的 CSV（${short(e.message ?? 'parse error')}）` },
      { en: 'a quote that opens a cell must close it; save the file again from Excel or WPS', zh: '单元格开头的引号必须闭合；请在 Excel 或 WPS 中重新保存' })] };
  }
  if (records.length > MAX_ROWS || records.some((r) => r.length > MAX_COLUMNS)) {
    return { ok: false, diagnostics: [cellDiagnostic(file, '', 'sheet-too-large', { en: `has more than ${MAX_ROWS} rows or ${MAX_COLUMNS} columns`, zh: `超过${MAX_ROWS}行或${MAX_COLUMNS}列` })] };
  }
  const role = csvRole(records[0] ?? []);
  const sheet: GridSheet = { name: SHEETS[role][lang], role, rows: new Map() };
  records.forEach((record, i) => {
    const cells = new Map<number, GridCell>();
    record.forEach((text, j) => {
      const cell = textCell({ row: i + 1, col: j + 1, ref: `${columnName(j + 1)}${i + 1}` }, text);
      if (cell !== null) cells.set(j + 1, cell);
    });
    if (cells.size > 0) sheet.rows.set(i + 1, cells);
  });
  return { ok: true, grid: { sheets: [sheet] }, diagnostics: [] };
}

/** The kinds of file `import` reads, by extension. */
export function sheetKind(name: string): 'xlsx' | 'csv' | undefined {
  return /\.xlsx$/i.test(name) ? 'xlsx' : /\.csv$/i.test(name) ? 'csv' : undefined;
}

/**
 * Read a spreadsheet's bytes into a grid. `file` is its name as shown; `lang` names
 * the sheet a CSV stands for in messages.
 */
export async function readSheetFile(bytes: Uint8Array, file: string, kind: 'xlsx' | 'csv', lang: SheetLang): Promise<ReadResult> {
  if (bytes.length > MAX_SHEET_BYTES) {
    return { ok: false, diagnostics: [cellDiagnostic(file, '', 'sheet-too-large', {
      en: `is ${(bytes.length / 1048576).toFixed(1)} MiB; a spreadsheet may be at most ${MAX_SHEET_BYTES / 1048576} MiB`,
      zh: `有${(bytes.length / 1048576).toFixed(1)} MiB；表格文件最多${MAX_SHEET_BYTES / 1048576} MiB`,
    })] };
  }
  return kind === 'xlsx' ? readXlsx(bytes, file) : readCsv(bytes, file, lang);
}
