// Column widths of a table, as a browser's automatic table layout would choose them, steered
// by weights: what each column needs so that short cells, numbers and words stay whole, what
// it would like so that figures with their year stay on one line, and the widths that follow.

import { breakLines, isWide, type Measure, plainText, type Run, unbreakable } from './text.js';

/** Horizontal padding of a cell, each side, in points. */
export const PAD_X = 4.5;

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
  /** Width at which every figure (a number with its year, "20.0%（2022年）") stands on one line. */
  whole: number;
  /**
   * Width the column would like: `whole`, and for cells that wrap anyway a third of the
   * widest, from six to ten characters.
   */
  comfort: number;
}

/** What fitColumns weighs: a column's needs but its wishes. */
export type FitNeed = Omit<ColumnNeed, 'whole' | 'comfort'>;

/** A cell this wide at most (in ems) that is a figure is kept on one line if it can. */
const FIGURE_EMS = 12;

/**
 * A figure: a number (with a comparator or sign before it, a unit of a few letters after it)
 * and perhaps a bracket: 20.0%（2022年）  1,043.3 (2022)  ≥60（基期值×2）  2,379.2亿元.
 */
const FIGURE = /^[^\p{L}\d]{0,3}\d[\d,.]*\s*[%‰]?\s*\p{L}{0,4}\s*(?:[（(][^（）()]{1,16}[）)])?$/u;
/** A column of wrapping cells would like to be this many ems wide at least, and asks no more than the upper. */
const COMFORT_EMS = [6, 10] as const;

/** What a column's cells measure at one type size, whatever the page: what columnNeed works from. */
export interface ColumnMeasure {
  size: number;
  /** The widest short cell (or half a Chinese header), 0 when the header itself is long. */
  width: number;
  /** The widest cell's natural width. */
  max: number;
  fluid: boolean;
  /** The widest figure short enough to keep on one line. */
  figure: number;
  /** The widest number. */
  keep: number;
  /** The widest piece that may not be broken, uncapped. */
  widest: number;
}

/**
 * What a column needs, its longest words held to `cap` (a share of the page's width). Every
 * word's width capped and the widest taken is the widest capped: a table that turns to
 * landscape measures its cells once.
 */
export function columnNeed(m: ColumnMeasure, cap: number): ColumnNeed {
  const { size, width, max, fluid, figure, keep } = m;
  const pad = 2 * PAD_X + 0.5;
  const min = Math.max(keep, Math.min(cap, m.widest));
  const whole = Math.max(width, min, figure);
  const comfort = fluid ? Math.max(whole, Math.min(max, Math.max(COMFORT_EMS[0] * size, Math.min(max / 3, COMFORT_EMS[1] * size)))) : whole;
  return { width: Math.max(width, min) + pad, max: Math.max(max, min) + pad, min: min + pad, keep: keep + pad, fluid, whole: whole + pad, comfort: comfort + pad };
}

// Measure a column's cells against the short-cell limit. A Chinese header of four or more
// characters may take two lines (完成/进度), so it needs only half its width.
export function measureColumn(header: Run[], cells: Run[][], measure: Measure, size: number): ColumnMeasure {
  const short = 5 * size;
  let figure = 0;
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
    if (w <= FIGURE_EMS * size && FIGURE.test(plainText(runs))) figure = Math.max(figure, w);
  }
  // Numbers as the line breaker holds them (with a bracket or sign beside them) are kept whole.
  let keep = 0;
  for (const runs of [header.map((r) => ({ text: r.text, style: { ...r.style, bold: true } })), ...cells]) {
    for (const { text, width: w } of unbreakable(runs, measure)) if (NUMBER.test(text)) keep = Math.max(keep, w);
  }
  const widest = cells.reduce((most, runs) => Math.max(most, widestWord(runs, measure, false)), widestWord(header, measure, true));
  return { size, width, max, fluid, figure, keep, widest };
}

// The widest piece of a cell that may not be broken: a run of Latin letters, digits and
// punctuation (a word, a number), or a run kept whole ("（2022年）"). Chinese text may break
// between any two characters.
function widestWord(runs: Run[], measure: Measure, bold: boolean): number {
  let widest = 0;
  for (const run of runs) {
    if (run.style.nobreak === true) {
      widest = Math.max(widest, measure(run.text, bold || run.style.bold === true));
      continue;
    }
    for (const word of run.text.split(/[\s\u2e80-\u9fff\uff00-\uffef]+/u)) {
      if (word !== '') widest = Math.max(widest, measure(word, bold || run.style.bold === true));
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
export function fitColumns(weights: number[], needs: FitNeed[], total: number): number[] {
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
function keepWordsWhole(base: number[], needs: FitNeed[], total: number): number[] {
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

