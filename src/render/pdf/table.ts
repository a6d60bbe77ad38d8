// Tables in the style of Chinese statistical tables (三线表): a heavy rule above the header, a
// light one under it and a heavy one closing the table on every page; light zebra rows. The
// header (and caption) repeat on every page the table spans and a row is never split across
// pages, unless it alone is taller than a page.

import { type Doc, drawLine, drawToneSymbol, type LineAlign, measurer, type Setting, toneOf } from './draw.js';
import { BOTTOM, type Flow, type Frame, linesFor, openPage, paragraph, reserve, space } from './flow.js';
import { breakLines, isWide, type Line, type Measure, plainText, type Run, unbreakable } from './text.js';
import { BLOCK_GAP, COLOR, LEADING, MARGIN, SIZE, TONE_COLOR } from './theme.js';
import type { PdfAlign, PdfStatus, PdfTableBlock, PdfTone } from './types.js';

/** A table ready to lay out: cells are rich text. */
export interface TableSpec {
  caption?: string;
  columns: Array<{ label: Run[]; align: PdfAlign; weight: number }>;
  rows: Array<{ cells: Run[][]; status?: PdfStatus }>;
  /** Header of the status column; the column exists only when set. */
  statusLabel?: string;
  statusWeight?: number;
  notes?: string[];
}

const PAD_X = 4.5;
const PAD_Y = 4;
const SYMBOL_R = 3.3;
const SET: Setting = { size: SIZE.table, pitch: SIZE.table * LEADING.table, color: COLOR.text };
const CAPTION: Setting = { size: SIZE.body, pitch: SIZE.body * LEADING.heading, color: COLOR.heading };
const NOTE: Setting = { size: SIZE.small, pitch: SIZE.small * LEADING.small, color: COLOR.muted };
const TONE_ORDER: PdfTone[] = ['good', 'fair', 'warn', 'bad', 'none'];

/** The table of a `status-table` payload, defended against missing fields. */
export function tableFromBlock(block: PdfTableBlock, statusDefault: string): TableSpec {
  const columns = (Array.isArray(block.columns) ? block.columns : []).map((c) => ({
    label: [{ text: String(c?.label ?? ''), style: { bold: true } }],
    align: alignOf(c?.align),
    weight: Number(c?.width) > 0 ? Number(c.width) : 1,
  }));
  const rows = (Array.isArray(block.rows) ? block.rows : []).map((r) => {
    const cells = Array.isArray(r?.cells) ? r.cells : [];
    const row: TableSpec['rows'][number] = {
      cells: columns.map((_, i) => [{ text: String(cells[i] ?? ''), style: {} }]),
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

interface Layout {
  x: number[];
  w: number[];
  header: Row;
  rows: Row[];
  caption: Line[];
  statusCol: number;
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

// Break every cell into lines for the column widths.
function layOut(flow: Flow, spec: TableSpec, frame: Frame): Layout {
  const weights = spec.columns.map((c) => c.weight);
  const statusCol = spec.statusLabel !== undefined ? weights.push(spec.statusWeight ?? 1.4) - 1 : -1;
  const needsAt = (size: number): ColumnNeed[] => {
    const m = measurer(flow.fonts, size);
    const cap = LONG_WORD_SHARE * frame.width;
    const needs = spec.columns.map((c, i) => columnNeed(c.label, spec.rows.map((r) => r.cells[i] ?? []), m, size, cap));
    if (statusCol >= 0) {
      const labels = spec.rows.map((r): Run[] => [{ text: r.status?.label ?? '', style: {} }]);
      const need = columnNeed([{ text: spec.statusLabel ?? '', style: { bold: true } }], labels, m, size, cap);
      const symbol = 2 * SYMBOL_R + 4;
      needs.push({ width: need.width + symbol, max: need.max + symbol, min: need.min + symbol, keep: need.keep + symbol, fluid: need.fluid });
    }
    return needs;
  };
  // A table whose widest words cannot stand side by side (ten columns of English on portrait
  // A4) is set smaller rather than have its words cut.
  let set = SET;
  let needs = needsAt(set.size);
  // Paddings do not shrink with the type, so a few steps may be needed.
  for (let step = 0; step < 4; step++) {
    const minimum = needs.reduce((a, n) => a + n.min, 0);
    if (minimum <= frame.width || set.size <= SET.size * MIN_TABLE_SCALE) break;
    const size = Math.max(SET.size * MIN_TABLE_SCALE, (set.size * frame.width) / minimum - 0.01);
    set = { ...SET, size, pitch: (SET.pitch * size) / SET.size };
    needs = needsAt(set.size);
  }
  const measure = measurer(flow.fonts, set.size);
  const w = fitColumns(weights, needs, frame.width);
  const x: number[] = [];
  w.reduce((left, width) => (x.push(left), left + width), frame.x);
  const cellLines = (runs: Run[], col: number): Line[] => breakLines(runs, measure, Math.max(w[col]! - 2 * PAD_X, 1));
  const heightOf = (cells: Cell[], extra: Line[] = []): number =>
    cells.reduce((most, c) => Math.max(most, c.lines.length), Math.max(1, extra.length)) * set.pitch + 2 * PAD_Y;

  // Header labels that wrap are balanced: 完成/进度, not 完成进/度.
  const headerLines = (runs: Run[], col: number): Line[] => {
    const lines = cellLines(runs, col);
    if (lines.length < 2) return lines;
    const natural = lines.reduce((sum, l) => sum + l.width, 0);
    const even = breakLines(runs, measure, natural / lines.length + 0.01);
    return even.length === lines.length ? even : lines;
  };
  const headerCells: Cell[] = spec.columns.map((c, i) => ({ lines: headerLines(c.label, i), align: 'center' }));
  if (statusCol >= 0) headerCells.push({ lines: headerLines([{ text: spec.statusLabel ?? '', style: { bold: true } }], statusCol), align: 'center' });
  const header: Row = { cells: headerCells, height: heightOf(headerCells) };

  const rows = spec.rows.map((r): Row => {
    const cells = spec.columns.map((c, i): Cell => ({ lines: cellLines(r.cells[i] ?? [], i), align: c.align }));
    if (statusCol < 0) return { cells, height: heightOf(cells) };
    const tone = r.status?.tone ?? 'none';
    const labelWidth = Math.max(w[statusCol]! - 2 * PAD_X - 2 * SYMBOL_R - 4, 1);
    const label = r.status === undefined ? [] : breakLines([{ text: r.status.label, style: { color: TONE_COLOR[tone] } }], measure, labelWidth);
    return { cells, status: { tone, lines: label }, height: heightOf(cells, label) };
  });
  const caption = spec.caption === undefined ? [] : linesFor(flow, [{ text: spec.caption, style: { bold: true } }], frame, { set: CAPTION, align: 'center' });
  return { x, w, header, rows, caption, statusCol, set };
}

/** What a column needs, padding included. */
export interface ColumnNeed {
  /** Width below which a short cell (a category, a unit, a number, a 4-character header) would wrap. */
  width: number;
  /** Width below which a word (a Latin word, a number) would be cut: the column's min-content. */
  min: number;
  /** Width below which a number would be cut (at most `min`). */
  keep: number;
  /** Width at which no cell wraps. */
  max: number;
  /** The column has cells long enough to wrap anyway (names, descriptions). */
  fluid: boolean;
}

// Measure a column's cells against the short-cell limit. A Chinese header of four or more
// characters may take two lines (完成/进度), so it needs only half its width.
function columnNeed(header: Run[], cells: Run[][], measure: Measure, size: number, cap: number): ColumnNeed {
  const short = 5 * size;
  // Natural width: the widest unbroken line (measured by atoms, which the measurer caches).
  const widthOf = (runs: Run[]): number => breakLines(runs, measure, Infinity).reduce((most, l) => Math.max(most, l.width), 0);
  const label = Array.from(plainText(header));
  const halves = label.length >= 4 && label.every((ch) => isWide(ch.codePointAt(0)!));
  let width = halves ? measure(label.slice(0, Math.ceil(label.length / 2)).join(''), true) : widthOf(header);
  let max = width;
  let fluid = width > short;
  if (fluid) width = 0;
  for (const runs of cells) {
    const w = widthOf(runs);
    max = Math.max(max, w);
    if (w <= short) width = Math.max(width, w);
    else fluid = true;
  }
  const pad = 2 * PAD_X + 0.5;
  // Numbers as the line breaker holds them (with a bracket or sign beside them) are kept whole.
  let keep = 0;
  for (const runs of [header.map((r) => ({ text: r.text, style: { ...r.style, bold: true } })), ...cells]) {
    for (const { text, width: w } of unbreakable(runs, measure)) if (NUMBER.test(text)) keep = Math.max(keep, w);
  }
  const min = cells.reduce((most, runs) => Math.max(most, widestWord(runs, measure, false, cap)), Math.max(keep, widestWord(header, measure, true, cap)));
  return { width: Math.max(width, min) + pad, max: Math.max(max, min) + pad, min: min + pad, keep: keep + pad, fluid };
}

// The widest piece of a cell that may not be broken, up to `cap`: a run of Latin letters,
// digits and punctuation (a word, a number). Chinese text may break between any two characters.
function widestWord(runs: Run[], measure: Measure, bold: boolean, cap: number): number {
  let widest = 0;
  for (const run of runs) {
    for (const word of run.text.split(/[\s\u2e80-\u9fff\uff00-\uffef]+/u)) {
      if (word !== '') widest = Math.max(widest, Math.min(cap, measure(word, bold || run.style.bold === true)));
    }
  }
  return widest;
}

// A number as a table shows it, with what the line breaker keeps with it (1,758  58.8%  ≥3,200
// （2022  ×2）): a digit and no letter. Never broken, whatever its width.
const NUMBER = /^\P{L}*\d\P{L}*$/u;

/**
 * Column widths in points, like a browser's automatic table layout steered by weights: each
 * column starts from its weight's share, held between its need and (for a column of short
 * cells, plus a little room) its widest cell. Space left over goes first to columns whose
 * cells still wrap, up to their widest cell, then to all by weight. When the needs cannot
 * all be met, the weights alone decide.
 */
export function fitColumns(weights: number[], needs: ColumnNeed[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const base = weights.map((k) => (total * k) / sum);
  const need = (i: number): number => needs[i]?.width ?? 0;
  const most = (i: number): number => Math.max(need(i), needs[i]?.max ?? 0);
  if (needs.reduce((a, n) => a + n.width, 0) > total) return keepWordsWhole(base, needs, total);
  const w = base.map((b, i) => Math.max(need(i), Math.min(b, needs[i]?.fluid === true ? most(i) : need(i) + ROOM)));
  let left = total - w.reduce((a, b) => a + b, 0);
  if (left < 0) {
    // Over budget: shrink towards the needs, in proportion to the room above them.
    const spare = w.reduce((a, width, i) => a + (width - need(i)), 0);
    return w.map((width, i) => width + (left * (width - need(i))) / (spare || 1));
  }
  const wanting = w.map((width, i) => (needs[i]?.fluid === true ? Math.max(0, most(i) - width) : 0));
  const wanted = wanting.reduce((a, b) => a + b, 0);
  if (wanted > 0) {
    const given = Math.min(left, wanted);
    wanting.forEach((want, i) => (w[i]! += (given * want) / wanted));
    left -= given;
  }
  return w.map((width, i) => width + (left * weights[i]!) / sum);
}

// Widths by weight, but no narrower than a column's widest word where the page allows: the
// columns above their minimum give up the difference in proportion to their room.
function keepWordsWhole(base: number[], needs: ColumnNeed[], total: number): number[] {
  const mins = needs.map((n) => n.min);
  const raised = base.map((b, i) => Math.max(b, mins[i] ?? 0));
  const over = raised.reduce((a, b) => a + b, 0) - total;
  if (over <= 0) return raised;
  const room = raised.map((w, i) => Math.max(0, w - (mins[i] ?? 0)));
  const spare = room.reduce((a, b) => a + b, 0);
  if (spare >= over) return raised.map((w, i) => w - (over * room[i]!) / spare);
  // Not even the widest words fit side by side: numbers stay whole if they can, and the words
  // are cut, each column getting the same share of what its widest word needs beyond that.
  const keeps = needs.map((n) => Math.min(n.keep, n.min));
  const kept = keeps.reduce((a, b) => a + b, 0);
  const beyond = mins.map((m, i) => m - keeps[i]!);
  const wanted = beyond.reduce((a, b) => a + b, 0);
  if (kept <= total && wanted > 0) return keeps.map((k, i) => k + ((total - kept) * beyond[i]!) / wanted);
  const sum = mins.reduce((a, b) => a + b, 0);
  return mins.map((m) => (m * total) / sum);
}

/** Room a column of short cells keeps beyond its widest cell. */
const ROOM = 6;

/** Height a table needs on the page it starts on: caption, header and first row. */
export function tableStartHeight(flow: Flow, spec: TableSpec, frame: Frame): number {
  const t = layOut(flow, spec, frame);
  return captionHeight(t.caption) + t.header.height + (t.rows[0]?.height ?? 0);
}

function captionHeight(caption: Line[]): number {
  return caption.length === 0 ? 0 : caption.length * CAPTION.pitch + 4;
}

/** Set a table into the flow. */
export function table(flow: Flow, spec: TableSpec, frame: Frame): void {
  const t = layOut(flow, spec, frame);
  const doc = flow.doc;
  const capH = captionHeight(t.caption);
  space(flow, BLOCK_GAP + 2);
  const top = reserve(flow, 0, capH + t.header.height + (t.rows[0]?.height ?? 0));
  drawCaption(flow, t, frame, top, false);
  flow.y = top + capH;
  drawHeader(doc, t, frame, flow.y);
  flow.y += t.header.height;
  const capacity = BOTTOM - MARGIN.top - capH - t.header.height;

  const continuePage = (): void => {
    rule(doc, frame, flow.y, 0.9);
    openPage(flow);
    drawCaption(flow, t, frame, flow.y, true);
    flow.y += capH;
    drawHeader(doc, t, frame, flow.y);
    flow.y += t.header.height;
  };

  t.rows.forEach((row, index) => {
    let rest = row;
    let fresh = false;
    for (;;) {
      const fits = Math.floor((BOTTOM - flow.y - 2 * PAD_Y) / t.set.pitch);
      // A row that fits is drawn; so is one on a fresh page with no room for even one line
      // (a header taller than the page), which then runs over the margin rather than loop.
      if (flow.y + rest.height <= BOTTOM + 0.001 || (fresh && fits < 1)) {
        drawRow(doc, t, rest, frame, flow.y, index, 'middle');
        flow.y += rest.height;
        return;
      }
      if (rest.height <= capacity || fits < 1) {
        continuePage();
        fresh = true;
        continue;
      }
      // Taller than a whole page: the only case where a row is split.
      const [head, tail] = splitRow(rest, fits, t.set);
      drawRow(doc, t, head, frame, flow.y, index, 'top');
      flow.y += head.height;
      rest = tail;
      continuePage();
      fresh = true;
    }
  });
  rule(doc, frame, flow.y, 0.9);
  flow.y += 2;
  after(flow, spec, frame);
}

function splitRow(row: Row, lines: number, set: Setting): [Row, Row] {
  const height = (n: number): number => n * set.pitch + 2 * PAD_Y;
  const cut = (from: number, to?: number): Cell[] => row.cells.map((c) => ({ align: c.align, lines: c.lines.slice(from, to) }));
  const restLines = row.cells.reduce((most, c) => Math.max(most, c.lines.length - lines), Math.max(0, (row.status?.lines.length ?? 0) - lines));
  const head: Row = { cells: cut(0, lines), height: height(lines) };
  const tail: Row = { cells: cut(lines), height: height(Math.max(1, restLines)) };
  if (row.status !== undefined) {
    head.status = { tone: row.status.tone, lines: row.status.lines.slice(0, lines) };
    tail.status = { tone: row.status.tone, lines: row.status.lines.slice(lines) };
  }
  return [head, tail];
}

function drawCaption(flow: Flow, t: Layout, frame: Frame, top: number, continued: boolean): void {
  const { doc, fonts } = flow;
  const suffix = flow.labels.continued;
  if (t.caption.length === 0) return;
  if (continued) {
    const text = t.caption.map((l) => l.fragments.map((f) => f.text).join('')).join('') + suffix;
    const lines = breakLines([{ text, style: { bold: true } }], measurer(fonts, CAPTION.size), frame.width);
    lines.slice(0, t.caption.length).forEach((l, i) => drawLine(doc, l, frame.x, top + i * CAPTION.pitch, frame.width, 'center', CAPTION));
    return;
  }
  t.caption.forEach((l, i) => drawLine(doc, l, frame.x, top + i * CAPTION.pitch, frame.width, 'center', CAPTION));
}

function drawHeader(doc: Doc, t: Layout, frame: Frame, top: number): void {
  rule(doc, frame, top, 0.9);
  drawCells(doc, t, t.header, top, 'middle', { ...t.set, color: COLOR.heading });
  rule(doc, frame, top + t.header.height, 0.5);
}

function drawRow(doc: Doc, t: Layout, row: Row, frame: Frame, top: number, index: number, valign: 'top' | 'middle'): void {
  if (index % 2 === 1) doc.save().rect(frame.x, top, frame.width, row.height).fill(COLOR.zebra).restore();
  const set = t.set;
  drawCells(doc, t, row, top, valign, set);
  if (row.status !== undefined && row.status.lines.length > 0) {
    const col = t.statusCol;
    const left = t.x[col]! + PAD_X;
    const blockH = row.status.lines.length * set.pitch;
    const first = top + (valign === 'middle' ? (row.height - blockH) / 2 : PAD_Y);
    drawToneSymbol(doc, row.status.tone, left + SYMBOL_R, first + set.pitch / 2, SYMBOL_R);
    row.status.lines.forEach((l, i) =>
      drawLine(doc, l, left + 2 * SYMBOL_R + 4, first + i * set.pitch, t.w[col]! - 2 * PAD_X - 2 * SYMBOL_R - 4, 'left', set),
    );
  }
}

function drawCells(doc: Doc, t: Layout, row: Row, top: number, valign: 'top' | 'middle', set: Setting): void {
  row.cells.forEach((cell, i) => {
    const blockH = cell.lines.length * set.pitch;
    const first = top + (valign === 'middle' ? (row.height - blockH) / 2 : PAD_Y);
    cell.lines.forEach((l, k) => drawLine(doc, l, t.x[i]! + PAD_X, first + k * set.pitch, t.w[i]! - 2 * PAD_X, cell.align, set));
  });
}

function rule(doc: Doc, frame: Frame, y: number, width: number): void {
  doc.save().lineWidth(width).strokeColor(COLOR.rule).moveTo(frame.x, y).lineTo(frame.x + frame.width, y).stroke().restore();
}

// Notes under the table, then a legend of the status symbols it uses (for black-and-white print).
function after(flow: Flow, spec: TableSpec, frame: Frame): void {
  const style = { set: NOTE, align: 'left' as const };
  for (const note of spec.notes ?? []) {
    space(flow, 3);
    paragraph(flow, [{ text: note, style: {} }], frame, style);
  }
  const seen = new Map<PdfTone, string>();
  for (const r of spec.rows) if (r.status !== undefined && !seen.has(r.status.tone)) seen.set(r.status.tone, r.status.label);
  if (seen.size > 0) {
    space(flow, 4);
    legend(flow, TONE_ORDER.filter((t) => seen.has(t)).map((t) => ({ tone: t, label: seen.get(t)! })), frame);
  }
  space(flow, BLOCK_GAP + 4);
}

// One line of "symbol label" pairs, wrapping as needed.
function legend(flow: Flow, items: Array<{ tone: PdfTone; label: string }>, frame: Frame): void {
  const doc = flow.doc;
  const measure = measurer(flow.fonts, NOTE.size);
  const r = SYMBOL_R * 0.9;
  const widths = items.map((it) => 2 * r + 3 + measure(it.label, false) + 14);
  let i = 0;
  while (i < items.length) {
    let used = 0;
    let j = i;
    while (j < items.length && (j === i || used + widths[j]! <= frame.width)) used += widths[j++]!;
    const top = reserve(flow, NOTE.pitch);
    let x = frame.x;
    for (let k = i; k < j; k++) {
      const it = items[k]!;
      drawToneSymbol(doc, it.tone, x + r, top + NOTE.pitch / 2, r);
      const line = breakLines([{ text: it.label, style: {} }], measure, 1e6)[0]!;
      drawLine(doc, line, x + 2 * r + 3, top, line.width, 'left', NOTE);
      x += widths[k]!;
    }
    i = j;
  }
}
