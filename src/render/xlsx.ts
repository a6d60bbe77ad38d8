// The report as a spreadsheet (report.xlsx), for people who sort, filter and paste the
// 主要指标完成情况表 into their own documents: the status table with real numbers and
// number formats (completion and pace as percentages, figures with their published
// decimals, "≥" and a stale year as literal text of the format, never numbers stored as
// text), the status as text on a fill whose grey level differs by tone, a frozen header
// with an autofilter, A4 landscape with the header repeated on every page; then the
// milestones and the data notes. From the ReportModel only; the same bytes for the same
// model and date (sheet/excel.ts stamps every zip entry).

import type { CellNumber } from '../present/format.js';
import type { Column, Num, ReportModel, StatusBadge, Tone } from '../present/types.js';
import { newWorkbook, workbookBytes, type Fill, type Workbook, type Worksheet } from '../sheet/excel.js';
import type { Renderer } from './renderer.js';

/**
 * The fill of each tone and whether its text is white. Their relative luminances
 * (1.00, 0.78, 0.66, 0.52, 0.11) differ by at least 0.12, so that the tones stay
 * apart when printed in grey; the label says the status in words anyway.
 */
export const TONE_FILLS: Readonly<Record<Tone, { argb: string | null; whiteText: boolean }>> = {
  none: { argb: null, whiteText: false },
  good: { argb: 'FFC6EFCE', whiteText: false },
  fair: { argb: 'FFBDD7EE', whiteText: false },
  warn: { argb: 'FFF4B084', whiteText: false },
  bad: { argb: 'FFC00000', whiteText: true },
};

const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;

/** The Excel number format that shows a CellNumber as the report prints it ("≥"#,##0.00, 0.0%). */
export function numberFormat(c: CellNumber): string {
  const decimals = c.decimals > 0 ? `.${'0'.repeat(Math.min(c.decimals, 10))}` : '';
  const body = c.percent ? `0${decimals}%` : `#,##0${decimals}`;
  // Literal text goes in quotes; a quote inside it cannot be written, so it is dropped.
  const literal = (text: string) => (text === '' ? '' : `"${text.replace(/"/g, '')}"`);
  const section = (sign: string) => `${literal(c.prefix)}${sign}${body}${literal(c.suffix)}`;
  return c.signed ? `${section('+')};${section('-')};${section('')}` : section('');
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters. */
export function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
}

// A header row: bold on grey, wrapped, bordered.
function header(ws: Worksheet, labels: readonly string[]): void {
  const row = ws.getRow(1);
  labels.forEach((label, i) => {
    const cell = row.getCell(i + 1);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
}

// A table sheet as people use it: the header frozen, filtered, repeated on every printed A4 landscape page.
function tableSheet(wb: Workbook, title: string, labels: readonly string[], widths: readonly number[], pageTitle: string): Worksheet {
  const ws = wb.addWorksheet(sheetName(title), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
    headerFooter: { oddHeader: `&C${pageTitle.replace(/&/g, '&&')}`, oddFooter: '&C&P / &N' },
  });
  ws.columns = widths.map((width) => ({ width }));
  header(ws, labels);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: labels.length } };
  return ws;
}

// A number of the report in a cell: the number with its format when the model has it, else the text.
function numberCell(ws: Worksheet, row: number, col: number, n: Num): void {
  const cell = ws.getCell(row, col);
  if (n.cell !== undefined) {
    cell.value = n.cell.value;
    cell.numFmt = numberFormat(n.cell);
  } else {
    cell.value = n.text;
  }
  cell.alignment = { horizontal: 'right', vertical: 'top', wrapText: n.cell === undefined };
}

// A status: its label as text on its tone's fill.
function statusCell(ws: Worksheet, row: number, col: number, status: StatusBadge, label: string): void {
  const cell = ws.getCell(row, col);
  cell.value = label;
  const fill = TONE_FILLS[status.tone];
  if (fill.argb !== null) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill.argb } };
  cell.font = fill.whiteText ? { bold: true, color: { argb: 'FFFFFFFF' } } : { bold: status.tone === 'warn' };
  cell.alignment = { horizontal: 'center', vertical: 'top' };
}

function borders(ws: Worksheet, rows: number, cols: number): void {
  for (let r = 2; r <= rows; r++) for (let c = 1; c <= cols; c++) ws.getCell(r, c).border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
}

const STATUS_WIDTHS: Readonly<Record<string, number>> = { pillar: 12, name: 28, unit: 14, attribute: 9, baseline: 16, value: 18, target: 24, completion: 10, pace: 18, status: 14 };

function statusSheet(wb: Workbook, model: ReportModel): void {
  const t = model.statusTable;
  const cols = t.columns as Column[];
  const ws = tableSheet(wb, t.title, cols.map((c) => c.label), cols.map((c) => STATUS_WIDTHS[c.key] ?? 12), model.meta.title);
  t.rows.forEach((row, i) => {
    const r = i + 2;
    cols.forEach((c, j) => {
      const value = row[c.key as keyof typeof row];
      if (c.key === 'status') {
        statusCell(ws, r, j + 1, row.status, row.warning ? `${row.status.label} ${t.warningMark}` : row.status.label);
      } else if (typeof value === 'object' && value !== null && 'text' in value) {
        numberCell(ws, r, j + 1, value as Num);
      } else {
        const cell = ws.getCell(r, j + 1);
        cell.value = String(value);
        cell.alignment = { vertical: 'top', wrapText: true };
      }
    });
  });
  borders(ws, t.rows.length + 1, cols.length);
}

function milestoneSheet(wb: Workbook, model: ReportModel): void {
  const t = model.milestones;
  const widths: Record<string, number> = { name: 26, action: 20, due: 10, state: 16, expected: 12, status: 12, note: 50 };
  const ws = tableSheet(wb, t.title, t.columns.map((c) => c.label), t.columns.map((c) => widths[c.key] ?? 12), model.meta.title);
  t.rows.forEach((row, i) => {
    t.columns.forEach((c, j) => {
      if (c.key === 'status') return statusCell(ws, i + 2, j + 1, row.status, row.status.label);
      const cell = ws.getCell(i + 2, j + 1);
      cell.value = row[c.key];
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
  borders(ws, t.rows.length + 1, t.columns.length);
}

// The data notes: each figure's source and status as a table, then the quality warnings,
// the stale and missing figures, the sources and the methodology, each under its title.
function notesSheet(wb: Workbook, model: ReportModel): void {
  const d = model.dataNotes;
  const f = d.figures;
  const ws = tableSheet(wb, d.title, f.columns.map((c) => c.label), [24, 10, 10, 14, 12, 30, 40], model.meta.title);
  let r = 2;
  for (const group of f.groups) {
    for (const row of group.rows) {
      const values = { indicator: group.indicator, ...row };
      f.columns.forEach((c, j) => {
        const cell = ws.getCell(r, j + 1);
        cell.value = values[c.key];
        cell.alignment = { vertical: 'top', wrapText: true };
      });
      r++;
    }
  }
  borders(ws, r - 1, f.columns.length);
  const title = (text: string) => {
    r++;
    const cell = ws.getCell(r++, 1);
    cell.value = text;
    cell.font = { bold: true, size: 12 };
  };
  const line = (...texts: string[]) => {
    texts.forEach((text, j) => {
      const cell = ws.getCell(r, j + 1);
      cell.value = text;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    r++;
  };
  title(d.quality.title);
  if (d.quality.items.length === 0) line(d.quality.empty);
  else for (const q of d.quality.items) line(q.location, q.subject, q.severity, q.problem);
  title(d.staleMissing.staleTitle);
  if (d.staleMissing.stale.length === 0) line(d.staleMissing.staleEmpty);
  for (const s of d.staleMissing.stale) line(s.name, s.text);
  title(d.staleMissing.missingTitle);
  if (d.staleMissing.missing.length === 0) line(d.staleMissing.missingEmpty);
  for (const s of d.staleMissing.missing) line(s.name, s.text);
  title(d.sources.title);
  for (const s of d.sources.items) line(s.id, s.title, s.publisher ?? '', s.date ?? '', s.url ?? '');
  title(d.methodology.title);
  for (const p of [...model.statusTable.notes, ...d.methodology.paragraphs]) line(p);
}

/** The workbook of the report; the registry loads this module (and exceljs) only for xlsx. */
export const renderXlsx: Renderer['render'] = async ({ model, createdAt, runId }) => {
  const { meta } = model;
  // The run id, as the PDF keeps it in its Keywords: which run wrote this file of the set.
  const keywords = runId === undefined ? {} : { keywords: `cixi-plan run ${runId}` };
  const wb = newWorkbook(createdAt, { title: meta.title, subject: meta.subtitle, creator: meta.generator, ...keywords });
  statusSheet(wb, model);
  milestoneSheet(wb, model);
  notesSheet(wb, model);
  return { ok: true, content: await workbookBytes(wb, createdAt) };
};
