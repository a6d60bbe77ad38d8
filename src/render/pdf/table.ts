// Tables as statistical yearbooks set them (三线表): a heavy rule above the header, a light one
// under it and a heavy one closing the table on every page; light zebra rows. The caption and
// header repeat on every page the table spans and a row moves whole to the next page (it is
// split only when taller than a page). A category column may span its group of rows (once per
// group on each page, a hairline between groups); a column of long notes becomes numbered notes
// (①②③) under the table's rows on each page; a table too wide for portrait may turn landscape.

import { type ColumnMeasure, columnNeed, type ColumnNeed, fitColumns, measureColumn, PAD_X } from './columns.js';
import { type Doc, drawLine, drawToneSymbol, type LineAlign, measurer, type Setting, toneOf } from './draw.js';
import {
  type At,
  type Box,
  capacityOf,
  type Flow,
  type Frame,
  LANDSCAPE,
  lineTop,
  linesFor,
  PENALTY,
  PORTRAIT,
  push,
  space,
  type TableRun,
  keepWithNext,
} from './flow.js';
import { breakLines, type Line, plainText, type Run } from './text.js';
import { BLOCK_GAP, COLOR, LEADING, SIZE, TONE_COLOR } from './theme.js';
import type { PdfAlign, PdfStatus, PdfTableBlock, PdfTone } from './types.js';

export { fitColumns } from './columns.js';

/** A column of a table ready to lay out. */
export interface TableColumnSpec {
  label: Run[];
  align: PdfAlign;
  weight: number;
  /** Equal cells of consecutive rows merge into one cell spanning them (the first such column). */
  span?: boolean;
  /** Long cells become numbered notes under the table (the first such column). */
  notes?: boolean;
}

/** A table ready to lay out: cells are rich text. */
export interface TableSpec {
  caption?: string;
  columns: TableColumnSpec[];
  rows: Array<{ cells: Run[][]; status?: PdfStatus }>;
  /** Header of the status column; the column exists only when set. */
  statusLabel?: string;
  statusWeight?: number;
  notes?: string[];
  /** Set on landscape pages when portrait cannot hold its figures on one line. */
  landscape?: boolean;
}

const PAD_Y = 4;
const SYMBOL_R = 3.3;
const SET: Setting = { size: SIZE.table, pitch: SIZE.table * LEADING.table, color: COLOR.text };
const CAPTION: Setting = { size: SIZE.body, pitch: SIZE.body * LEADING.heading, color: COLOR.heading };
const NOTE: Setting = { size: SIZE.small, pitch: SIZE.small * LEADING.small, color: COLOR.muted };
const TONE_ORDER: PdfTone[] = ['good', 'fair', 'warn', 'bad', 'none'];
/** Points of a row's padding that tightening a page may take. */
const ROW_SHRINK = 3;
/** A notes column with a cell wider than this many ems is set as numbered notes. */
const LONG_NOTE_EMS = 24;
/** Space between the table and its notes, and between two notes. */
const NOTE_GAP = 2;
/** Indent of a note's text after its number. */
const NOTE_INDENT = 14;

/** The cells of a table as text, with a short bracket beside a figure kept whole: 20.0%（2022年）. */
export function cellRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    let at = 0;
    for (const m of run.text.matchAll(/（[^（）\n]{1,10}）/g)) {
      if (m.index > at) out.push({ text: run.text.slice(at, m.index), style: run.style });
      out.push({ text: m[0], style: { ...run.style, nobreak: true } });
      at = m.index + m[0].length;
    }
    if (at < run.text.length || run.text === '') out.push(at === 0 ? run : { text: run.text.slice(at), style: run.style });
  }
  return out;
}

/** The table of a `status-table` payload, defended against missing fields. */
export function tableFromBlock(block: PdfTableBlock, statusDefault: string): TableSpec {
  const columns = (Array.isArray(block.columns) ? block.columns : []).map((c): TableColumnSpec => ({
    label: [{ text: String(c?.label ?? ''), style: { bold: true } }],
    align: alignOf(c?.align),
    weight: Number(c?.width) > 0 ? Number(c.width) : 1,
    ...(c?.span === true ? { span: true } : {}),
    ...(c?.notes === true ? { notes: true } : {}),
  }));
  const rows = (Array.isArray(block.rows) ? block.rows : []).map((r) => {
    const cells = Array.isArray(r?.cells) ? r.cells : [];
    const row: TableSpec['rows'][number] = {
      cells: columns.map((_, i) => cellRuns([{ text: String(cells[i] ?? ''), style: {} }])),
    };
    if (r?.status != null) row.status = { label: String(r.status.label ?? ''), tone: toneOf(r.status.tone) };
    return row;
  });
  const spec: TableSpec = { columns, rows };
  if (typeof block.caption === 'string' && block.caption !== '') spec.caption = block.caption;
  if (rows.some((r) => r.status !== undefined)) {
    spec.statusLabel = typeof block.statusLabel === 'string' ? block.statusLabel : statusDefault;
    spec.statusWeight = Number(block.statusWidth) > 0 ? Number(block.statusWidth) : 1.4;
  }
  if (Array.isArray(block.notes)) spec.notes = block.notes.map(String);
  if (block.landscape === true) spec.landscape = true;
  return spec;
}

function alignOf(value: unknown): PdfAlign {
  return value === 'right' || value === 'center' ? value : 'left';
}

interface Cell {
  lines: Line[];
  align: LineAlign;
}

interface Row {
  cells: Cell[];
  status?: { tone: PdfTone; lines: Line[] };
  height: number;
}

/** Consecutive rows sharing the value of the spanning column. */
interface Group {
  from: number;
  to: number;
  lines: Line[];
  /** Height the spanned cell needs. */
  height: number;
}

interface Layout {
  frame: Frame;
  landscape: boolean;
  x: number[];
  w: number[];
  header: Row;
  rows: Row[];
  caption: Line[];
  statusCol: number;
  spanCol: number;
  /** Column of note numbers (its long cells are set under the table); -1 when none. */
  noteCol: number;
  /** Each row's note, broken into lines; null for none. */
  notes: Array<Line[] | null>;
  groups: Group[];
  /** Group index of each row (-1 without a spanning column). */
  groupOf: number[];
  /** Type size and pitch of the cells: the table's own, or smaller when its words do not fit. */
  set: Setting;
}

/** A table whose widest words do not fit side by side is set smaller, down to this share. */
const MIN_TABLE_SCALE = 0.8;

/**
 * A word wider than this share of the table is broken between characters rather than kept
 * whole: one unbroken 200-letter name must not squeeze every other column. Numbers are kept whole.
 */
const LONG_WORD_SHARE = 0.25;

// The text of a cell, for comparing spanned cells.
const textOf = (runs: Run[] | undefined): string => plainText(runs ?? []);

/** The number of the n-th note on a page (1-based): ① … ㊿, then (51). */
export function noteMark(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return `(${n})`;
}

// Break every cell into lines for the column widths, on portrait pages or, for a table that
// may turn and does not fit portrait, on landscape ones.
function layOut(flow: Flow, spec: TableSpec, portrait: Frame): Layout {
  const spanCol = spec.columns.findIndex((c) => c.span === true);
  let noteCol = spec.columns.findIndex((c) => c.notes === true);
  const measureAt = (size: number) => measurer(flow.fonts, size);
  const natural = (runs: Run[]): number => breakLines(runs, measureAt(SET.size), Infinity).reduce((most, l) => Math.max(most, l.width), 0);
  if (noteCol >= 0 && !spec.rows.some((r) => natural(r.cells[noteCol] ?? []) > LONG_NOTE_EMS * SET.size)) noteCol = -1;
  const noteRuns = spec.rows.map((r) => (noteCol >= 0 && textOf(r.cells[noteCol]) !== '' ? r.cells[noteCol]! : null));
  // Cells as they are measured and drawn: a note's number stands in for its text.
  const columns = spec.columns.map((c, i) => (i === noteCol ? { ...c, label: [{ text: flow.labels.noteColumn, style: { bold: true } }], align: 'center' as const } : c));
  const cellsOf = (r: TableSpec['rows'][number], index: number, i: number): Run[] =>
    i === noteCol ? (noteRuns[index] === null ? [] : [{ text: noteMark(20), style: {} }]) : (r.cells[i] ?? []);

  // Groups of the spanning column.
  const groupOf: number[] = [];
  const groupStarts: number[] = [];
  if (spanCol >= 0) {
    spec.rows.forEach((r, i) => {
      if (i === 0 || textOf(r.cells[spanCol]) !== textOf(spec.rows[i - 1]!.cells[spanCol])) groupStarts.push(i);
      groupOf.push(groupStarts.length - 1);
    });
  } else spec.rows.forEach(() => groupOf.push(-1));

  const weights = columns.map((c) => c.weight);
  const statusCol = spec.statusLabel !== undefined ? weights.push(spec.statusWeight ?? 1.4) - 1 : -1;
  // The cells measured at a type size (once: a table that turns to landscape needs them again).
  const measured = new Map<number, ColumnMeasure[]>();
  const measuredAt = (size: number): ColumnMeasure[] => {
    let found = measured.get(size);
    if (found !== undefined) return found;
    const m = measureAt(size);
    found = columns.map((c, i) =>
      measureColumn(c.label, i === spanCol ? groupStarts.map((g) => spec.rows[g]!.cells[i] ?? []) : spec.rows.map((r, index) => cellsOf(r, index, i)), m, size),
    );
    if (statusCol >= 0) {
      const labels = spec.rows.map((r): Run[] => [{ text: r.status?.label ?? '', style: {} }]);
      found.push(measureColumn([{ text: spec.statusLabel ?? '', style: { bold: true } }], labels, m, size));
    }
    measured.set(size, found);
    return found;
  };
  const needsAt = (size: number, frame: Frame): ColumnNeed[] => {
    const cap = LONG_WORD_SHARE * frame.width;
    const all = measuredAt(size);
    const needs = columns.map((_, i) => {
      const need = columnNeed(all[i]!, cap);
      // A spanned cell has the height of its rows: two lines of it are comfortable.
      if (i === spanCol) need.comfort = Math.max(need.whole, Math.min(need.max, need.max / 2 + PAD_X));
      return need;
    });
    if (statusCol >= 0) {
      const need = columnNeed(all[statusCol]!, cap);
      const symbol = 2 * SYMBOL_R + 4;
      needs.push({
        width: need.width + symbol,
        max: need.max + symbol,
        min: need.min + symbol,
        keep: need.keep + symbol,
        fluid: need.fluid,
        whole: need.whole + symbol,
        comfort: need.comfort + symbol,
      });
    }
    return needs;
  };
  const sum = (needs: ColumnNeed[], key: 'comfort' | 'whole' | 'min'): number => needs.reduce((a, n) => a + n[key], 0);
  // Portrait unless the table may turn and portrait cannot hold it comfortably.
  let frame = portrait;
  let needs = needsAt(SET.size, frame);
  const landscape = spec.landscape === true && sum(needs, 'comfort') > portrait.width + 0.01;
  if (landscape) {
    frame = LANDSCAPE.frame;
    needs = needsAt(SET.size, frame);
  }
  // A table whose widest words cannot stand side by side (ten columns of English on portrait
  // A4) is set smaller rather than have its words cut.
  let set = SET;
  // Paddings do not shrink with the type, so a few steps may be needed.
  for (let step = 0; step < 4; step++) {
    const minimum = sum(needs, 'min');
    if (minimum <= frame.width || set.size <= SET.size * MIN_TABLE_SCALE) break;
    const size = Math.max(SET.size * MIN_TABLE_SCALE, (set.size * frame.width) / minimum - 0.01);
    set = { ...SET, size, pitch: (SET.pitch * size) / SET.size };
    needs = needsAt(set.size, frame);
  }
  // Figures on one line and wrapping cells comfortable where the page allows; else figures
  // on one line; else what keeps short cells, numbers and words whole.
  const tier = (['comfort', 'whole'] as const).find((key) => sum(needs, key) <= frame.width + 0.01);
  const w = fitColumns(weights, tier === undefined ? needs : needs.map((n) => ({ ...n, width: n[tier], max: Math.max(n.max, n[tier]) })), frame.width);
  const measure = measureAt(set.size);
  const x: number[] = [];
  w.reduce((left, width) => (x.push(left), left + width), frame.x);
  const cellLines = (runs: Run[], col: number): Line[] => breakLines(runs, measure, Math.max(w[col]! - 2 * PAD_X, 1));
  const heightOf = (cells: Cell[], extra: Line[] = []): number =>
    cells.reduce((most, c) => Math.max(most, c.lines.length), Math.max(1, extra.length)) * set.pitch + 2 * PAD_Y;

  // Header labels that wrap are balanced: 完成/进度, not 完成进/度.
  const headerLines = (runs: Run[], col: number): Line[] => {
    const lines = cellLines(runs, col);
    if (lines.length < 2) return lines;
    const width = lines.reduce((total, l) => total + l.width, 0);
    const even = breakLines(runs, measure, width / lines.length + 0.01);
    return even.length === lines.length ? even : lines;
  };
  const headerCells: Cell[] = columns.map((c, i) => ({ lines: headerLines(c.label, i), align: 'center' }));
  if (statusCol >= 0) headerCells.push({ lines: headerLines([{ text: spec.statusLabel ?? '', style: { bold: true } }], statusCol), align: 'center' });
  const header: Row = { cells: headerCells, height: heightOf(headerCells) };

  const rows = spec.rows.map((r): Row => {
    const cells = columns.map((c, i): Cell => ({ lines: i === spanCol || i === noteCol ? [] : cellLines(r.cells[i] ?? [], i), align: c.align }));
    if (statusCol < 0) return { cells, height: heightOf(cells) };
    const tone = r.status?.tone ?? 'none';
    const labelWidth = Math.max(w[statusCol]! - 2 * PAD_X - 2 * SYMBOL_R - 4, 1);
    const label = r.status === undefined ? [] : breakLines([{ text: r.status.label, style: { color: TONE_COLOR[tone] } }], measure, labelWidth);
    return { cells, status: { tone, lines: label }, height: heightOf(cells, label) };
  });
  // A spanned cell taller than its rows makes its last row taller.
  const groups = groupStarts.map((from, g): Group => {
    const to = groupStarts[g + 1] ?? rows.length;
    const lines = cellLines(spec.rows[from]!.cells[spanCol] ?? [], spanCol);
    const height = lines.length * set.pitch + 2 * PAD_Y;
    const rowsHeight = rows.slice(from, to).reduce((total, r) => total + r.height, 0);
    if (rowsHeight < height) rows[to - 1]!.height += height - rowsHeight;
    return { from, to, lines, height };
  });
  const notes = noteRuns.map((runs) => (runs === null ? null : breakLines(runs, measureAt(NOTE.size), frame.width - NOTE_INDENT)));
  const caption = spec.caption === undefined ? [] : linesFor(flow, [{ text: spec.caption, style: { bold: true } }], frame, { set: CAPTION, align: 'center' });
  return { frame, landscape, x, w, header, rows, caption, statusCol, spanCol, noteCol, notes, groups, groupOf, set };
}

function captionHeight(caption: Line[]): number {
  return caption.length === 0 ? 0 : caption.length * CAPTION.pitch + 4;
}

/** Set a table into the flow: caption and header, then one box per row, then its notes and legend. */
export function table(flow: Flow, spec: TableSpec, portrait: Frame): void {
  const t = layOut(flow, spec, portrait);
  const { doc } = flow;
  const capH = captionHeight(t.caption);
  const headHeight = capH + t.header.height;
  const run: TableRun = {
    headHeight,
    drawHead: (top) => {
      drawCaption(flow, t, top, true);
      drawHeader(doc, t, top + capH);
    },
    drawFoot: (rows, top) => drawFoot(flow, t, rows, top),
  };
  space(flow, BLOCK_GAP + 2);
  const first = push(flow, {
    height: headHeight,
    landscape: t.landscape,
    draw: (at) => {
      drawCaption(flow, t, at.top, false);
      drawHeader(doc, t, at.top + capH);
    },
  });
  if (t.landscape) keepTurned(flow, first);

  const capacity = capacityOf(t.landscape ? LANDSCAPE : PORTRAIT) - headHeight;
  // Running total of row heights: tops[i] is the height of the rows before row i.
  const tops = [0];
  for (const r of t.rows) tops.push(tops[tops.length - 1]! + r.height);
  t.rows.forEach((row, index) => {
    const trailer = t.notes[index] == null ? 0 : t.notes[index]!.length * NOTE.pitch + NOTE_GAP;
    const penalty = index === 0 ? PENALTY.never : groupPenalty(t, index, capacity, tops);
    const pieces = row.height + trailer <= capacity ? [row] : splitRow(row, Math.max(1, Math.floor((capacity - trailer - 2 * PAD_Y) / t.set.pitch)), t.set);
    pieces.forEach((piece, k) => {
      const last = k === pieces.length - 1;
      push(flow, {
        height: piece.height,
        shrink: pieces.length === 1 ? ROW_SHRINK : 0,
        penalty: k === 0 ? penalty : PENALTY.free,
        landscape: t.landscape,
        table: run,
        row: index,
        ...(last && trailer > 0 ? { trailer } : {}),
        draw: (at) => drawRow(doc, t, piece, at, index, pieces.length === 1 ? 'middle' : 'top'),
      });
    });
  });
  space(flow, 2);
  // The table's own notes and the legend stay with its last row.
  if (t.rows.length > 0) keepWithNext(flow, 0.01);
  after(flow, spec, t);
}

// A break inside a group: kept when the spanned cell would not fit beside the rows on one side;
// avoided in a small group (a quarter of a page at most), which moves whole if it can.
function groupPenalty(t: Layout, index: number, capacity: number, tops: number[]): number {
  const g = t.groups[t.groupOf[index] ?? -1];
  if (g === undefined || index === g.from) return PENALTY.free;
  const above = tops[index]! - tops[g.from]!;
  const below = tops[g.to]! - tops[index]!;
  if (above < g.height || below < g.height) return PENALTY.keep;
  return above + below <= capacity / 4 ? PENALTY.item : PENALTY.free;
}

// A turned table takes what stays with it (its heading) onto its landscape page.
function keepTurned(flow: Flow, first: Box): void {
  const boxes = flow.pager.boxes;
  let k = boxes.indexOf(first);
  while (k > flow.pager.cursor && boxes[k]!.penalty >= PENALTY.keep) boxes[--k]!.landscape = true;
}

// A row taller than a page, in pieces of `lines` lines each.
function splitRow(row: Row, lines: number, set: Setting): Row[] {
  const total = row.cells.reduce((most, c) => Math.max(most, c.lines.length), row.status?.lines.length ?? 0);
  const pieces: Row[] = [];
  for (let from = 0; from < Math.max(total, 1); from += lines) {
    const to = from + lines;
    const piece: Row = {
      cells: row.cells.map((c) => ({ align: c.align, lines: c.lines.slice(from, to) })),
      height: Math.max(1, Math.min(lines, total - from)) * set.pitch + 2 * PAD_Y,
    };
    if (row.status !== undefined) piece.status = { tone: row.status.tone, lines: row.status.lines.slice(from, to) };
    pieces.push(piece);
  }
  return pieces;
}

function drawCaption(flow: Flow, t: Layout, top: number, continued: boolean): void {
  const { doc, fonts } = flow;
  const frame = t.frame;
  if (t.caption.length === 0) return;
  if (continued) {
    const text = t.caption.map((l) => l.fragments.map((f) => f.text).join('')).join('') + flow.labels.continued;
    const lines = breakLines([{ text, style: { bold: true } }], measurer(fonts, CAPTION.size), frame.width);
    lines.slice(0, t.caption.length).forEach((l, i) => drawLine(doc, l, frame.x, top + i * CAPTION.pitch, frame.width, 'center', CAPTION));
    return;
  }
  t.caption.forEach((l, i) => drawLine(doc, l, frame.x, top + i * CAPTION.pitch, frame.width, 'center', CAPTION));
}

function drawHeader(doc: Doc, t: Layout, top: number): void {
  rule(doc, t.frame, top, 0.9);
  drawCells(doc, t, t.header, { top, height: t.header.height, page: 0 }, 'middle', { ...t.set, color: COLOR.heading });
  rule(doc, t.frame, top + t.header.height, 0.5);
}

function drawRow(doc: Doc, t: Layout, row: Row, at: At, index: number, valign: 'top' | 'middle'): void {
  if (index % 2 === 1) {
    // The zebra leaves the spanned column white.
    const left = t.spanCol >= 0 ? t.x[t.spanCol]! + t.w[t.spanCol]! : t.frame.x;
    const right = t.spanCol >= 0 && t.spanCol > 0 ? t.x[t.spanCol]! : t.frame.x + t.frame.width;
    if (t.spanCol > 0) doc.save().rect(t.frame.x, at.top, right - t.frame.x, at.height).fill(COLOR.zebra).restore();
    doc.save().rect(left, at.top, t.frame.x + t.frame.width - left, at.height).fill(COLOR.zebra).restore();
  }
  const set = t.set;
  drawCells(doc, t, row, at, valign, set);
  if (row.status !== undefined && row.status.lines.length > 0) {
    const col = t.statusCol;
    const left = t.x[col]! + PAD_X;
    const blockH = row.status.lines.length * set.pitch;
    const first = at.top + (valign === 'middle' ? (at.height - blockH) / 2 : PAD_Y);
    drawToneSymbol(doc, row.status.tone, left + SYMBOL_R, first + set.pitch / 2, SYMBOL_R);
    row.status.lines.forEach((l, i) =>
      drawLine(doc, l, left + 2 * SYMBOL_R + 4, first + i * set.pitch, t.w[col]! - 2 * PAD_X - 2 * SYMBOL_R - 4, 'left', set),
    );
  }
}

function drawCells(doc: Doc, t: Layout, row: Row, at: At, valign: 'top' | 'middle', set: Setting): void {
  row.cells.forEach((cell, i) => {
    const blockH = cell.lines.length * set.pitch;
    const first = at.top + (valign === 'middle' ? (at.height - blockH) / 2 : PAD_Y);
    cell.lines.forEach((l, k) => drawLine(doc, l, t.x[i]! + PAD_X, first + k * set.pitch, t.w[i]! - 2 * PAD_X, cell.align, set));
  });
}

// Under a table's rows on a page: the spanned cells over their rows (a hairline between
// groups), the note numbers beside their rows, the closing rule and the notes.
function drawFoot(flow: Flow, t: Layout, rows: Array<{ box: Box; at: At }>, top: number): void {
  const { doc } = flow;
  const set = t.set;
  if (t.spanCol >= 0) {
    let k = 0;
    while (k < rows.length) {
      const g = t.groupOf[rows[k]!.box.row ?? 0] ?? -1;
      let j = k;
      while (j + 1 < rows.length && t.groupOf[rows[j + 1]!.box.row ?? 0] === g) j++;
      const from = rows[k]!.at.top;
      const to = rows[j]!.at.top + rows[j]!.at.height;
      if (k > 0) doc.save().lineWidth(0.4).strokeColor(COLOR.hairline).moveTo(t.frame.x, from).lineTo(t.frame.x + t.frame.width, from).stroke().restore();
      drawCells(doc, t, { cells: t.x.map((_, i) => ({ lines: i === t.spanCol ? (t.groups[g]?.lines ?? []) : [], align: 'left' })), height: to - from }, { top: from, height: to - from, page: 0 }, 'middle', set);
      k = j + 1;
    }
  }
  rule(doc, t.frame, top, 0.9);
  if (t.noteCol < 0) return;
  const noted = rows.filter((r) => (r.box.trailer ?? 0) > 0);
  const measure = measurer(flow.fonts, set.size);
  const noteMeasure = measurer(flow.fonts, NOTE.size);
  let y = top + NOTE_GAP;
  noted.forEach((r, n) => {
    const markText = noteMark(n + 1);
    const inCell = breakLines([{ text: markText, style: {} }], measure, 1e6)[0]!;
    drawLine(doc, inCell, t.x[t.noteCol]! + PAD_X, lineTop(r.at, set.pitch), t.w[t.noteCol]! - 2 * PAD_X, 'center', set);
    const mark = breakLines([{ text: markText, style: {} }], noteMeasure, 1e6)[0]!;
    drawLine(doc, mark, t.frame.x, y, NOTE_INDENT, 'left', NOTE);
    for (const line of t.notes[r.box.row ?? 0] ?? []) {
      drawLine(doc, line, t.frame.x + NOTE_INDENT, y, t.frame.width - NOTE_INDENT, 'left', NOTE);
      y += NOTE.pitch;
    }
    y += NOTE_GAP;
  });
}

function rule(doc: Doc, frame: Frame, y: number, width: number): void {
  doc.save().lineWidth(width).strokeColor(COLOR.rule).moveTo(frame.x, y).lineTo(frame.x + frame.width, y).stroke().restore();
}

// Notes under the table, then a legend of the status symbols it uses (for black-and-white print).
function after(flow: Flow, spec: TableSpec, t: Layout): void {
  const style = { set: NOTE, align: 'left' as const };
  for (const note of spec.notes ?? []) {
    space(flow, 3);
    paragraphIn(flow, note, t, style);
  }
  const seen = new Map<PdfTone, string>();
  for (const r of spec.rows) if (r.status !== undefined && !seen.has(r.status.tone)) seen.set(r.status.tone, r.status.label);
  if (seen.size > 0) {
    space(flow, 4);
    legend(flow, TONE_ORDER.filter((tone) => seen.has(tone)).map((tone) => ({ tone, label: seen.get(tone)! })), t);
  }
  flow.keepNext = 0;
  space(flow, BLOCK_GAP + 4);
}

// A small paragraph under a table, on the table's pages.
function paragraphIn(flow: Flow, text: string, t: Layout, style: { set: Setting; align: LineAlign }): void {
  const lines = linesFor(flow, [{ text, style: {} }], t.frame, style);
  lines.forEach((line) => {
    push(flow, {
      height: style.set.pitch,
      landscape: t.landscape,
      draw: (at) => drawLine(flow.doc, line, t.frame.x, lineTop(at, style.set.pitch), t.frame.width, style.align, style.set),
    });
  });
}

// One line of "symbol label" pairs, wrapping as needed.
function legend(flow: Flow, items: Array<{ tone: PdfTone; label: string }>, t: Layout): void {
  const doc = flow.doc;
  const frame = t.frame;
  const measure = measurer(flow.fonts, NOTE.size);
  const r = SYMBOL_R * 0.9;
  const widths = items.map((it) => 2 * r + 3 + measure(it.label, false) + 14);
  let i = 0;
  while (i < items.length) {
    let used = 0;
    let j = i;
    while (j < items.length && (j === i || used + widths[j]! <= frame.width)) used += widths[j++]!;
    const from = i;
    const to = j;
    push(flow, {
      height: NOTE.pitch,
      landscape: t.landscape,
      draw: (at) => {
        const top = lineTop(at, NOTE.pitch);
        let x = frame.x;
        for (let k = from; k < to; k++) {
          const it = items[k]!;
          drawToneSymbol(doc, it.tone, x + r, top + NOTE.pitch / 2, r);
          const line = breakLines([{ text: it.label, style: {} }], measure, 1e6)[0]!;
          drawLine(doc, line, x + 2 * r + 3, top, line.width, 'left', NOTE);
          x += widths[k]!;
        }
      },
    });
    i = j;
  }
}
