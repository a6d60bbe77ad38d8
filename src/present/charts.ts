// Chart geometry shared by every renderer: scales (d3-scale) and paths (d3-shape)
// turned into plain numbers and strings. The HTML renderer draws it as inline SVG,
// the PDF renderer with pdfkit. Pure and deterministic: every coordinate is rounded
// to DIGITS decimals, so the same input always gives the same output.

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

/** Decimals kept in every coordinate and path. */
export const DIGITS = 2;

/** Default size of a trend chart, in user units (CSS px at 1:1). */
export const TREND_SIZE = { width: 480, height: 260 } as const;

/** Default width of a progress bar, in user units. */
export const PROGRESS_WIDTH = 360;

/** Font size of every label, in user units. */
export const FONT_SIZE = 13;

/** Cells of the plain-text progress bar. */
export const TEXT_BAR_CELLS = 20;

const MARGIN = { top: 16, right: 16, bottom: 32, left: 60 } as const;
/** Space between the plot's edges and the first and last year. */
const X_INSET = 14;

export interface Point {
  x: number;
  y: number;
}

/** A label: its text, anchor point and horizontal alignment (as SVG text-anchor). */
export interface TextMark {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

export interface LineMark {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a trend chart shows; every label is already formatted and localized. */
export interface TrendInput {
  /** Short accessible name (SVG <title>). */
  title: string;
  /** One or two sentences saying what the chart shows (SVG <desc>). */
  desc: string;
  /** First and last year on the x axis, inclusive. */
  fromYear: number;
  toYear: number;
  /** The report year, marked on the x axis; null for none. */
  reportYear: number | null;
  /** Observed values by year, in year order. */
  observations: ReadonlyArray<{ year: number; value: number; label: string; estimate: boolean }>;
  /** The baseline, drawn as a horizontal reference line. */
  baseline: { year: number; value: number; label: string } | null;
  /** The target, drawn as a horizontal line and a point at its year. */
  target: { year: number; value: number; label: string } | null;
  /** The projection from the latest value to the target year, drawn dashed. */
  projection: { fromYear: number; fromValue: number; toYear: number; toValue: number; label: string } | null;
  /** Draw larger values lower (ranks: 1st place at the top). */
  invertY: boolean;
  /** Format a y-axis tick; `decimals` is the precision its step needs. */
  formatTick: (value: number, decimals: number) => string;
  size?: { width: number; height: number };
}

/** A trend chart ready to draw: every number in user units, origin top left. */
export interface TrendGeometry {
  kind: 'trend';
  width: number;
  height: number;
  title: string;
  desc: string;
  fontSize: number;
  /** The plotting area inside the axes. */
  plot: Rect;
  /** The x axis line along the bottom of the plot. */
  xAxis: LineMark;
  /** Year ticks: the tick mark below the axis and the year's label; `current` for the report year. */
  xTicks: Array<{ x: number; tick: LineMark; label: TextMark; current: boolean }>;
  /** Value ticks: the grid line across the plot and the label right-aligned left of it. */
  yTicks: Array<{ y: number; grid: LineMark; label: TextMark }>;
  /** A vertical line at the report year; null when it is off the axis. */
  reportYear: LineMark | null;
  /** Horizontal line at the baseline value across the plot, with its label (null when it would sit on the target's line). */
  baseline: { line: LineMark; label: TextMark | null } | null;
  /** Horizontal line at the target value, the target point and its label. */
  target: { line: LineMark; point: Point; label: TextMark } | null;
  /** The observed series: an SVG path (`d`) and its points. */
  observed: { path: string; points: Array<Point & { label: string; estimate: boolean }> } | null;
  /** The projection, to be drawn dashed: path from the latest value to the projected one. */
  projection: { path: string; from: Point; to: Point; label: TextMark } | null;
}

/** What a progress bar shows. Fractions: 0.6 = 60%. */
export interface ProgressInput {
  title: string;
  desc: string;
  /** 完成进度 c; null when unknown. May be below 0 or above 1. */
  completion: number | null;
  /** 序时进度 p; null when unknown. */
  pace: number | null;
  completionLabel: string;
  paceLabel: string;
  width?: number;
}

/** A progress bar ready to draw: track, fill clamped to the track, pace marker. */
export interface ProgressGeometry {
  kind: 'progress';
  width: number;
  height: number;
  title: string;
  desc: string;
  fontSize: number;
  track: Rect;
  /** The filled part: completion clamped to [0, 1] of the track (width 0 when unknown). */
  fill: Rect;
  /** The clamped completion, or null when unknown. */
  fraction: number | null;
  /** Completion beyond 100% (the fill is full and should show it goes on). */
  overflow: boolean;
  /** Completion below 0 (moving away from the target). */
  negative: boolean;
  /** The pace marker: a vertical line across the track at p, with its label above. */
  pace: { x: number; y1: number; y2: number; label: TextMark } | null;
  /** The completion label, below the track at its left. */
  completionLabel: TextMark;
  /** The same bar as text for plain-text renderers: █ filled, ░ empty, ┃ the pace. */
  text: string;
}

/** Round to DIGITS decimals, without negative zero. */
export function round(value: number): number {
  const f = 10 ** DIGITS;
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r;
}

/** Clamp a number to [lo, hi]. */
export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

/** Decimals needed to print ticks `step` apart (0.25 → 2, 5 → 0). */
export function tickDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  const d = Math.ceil(-Math.log10(step) - 1e-9);
  return clamp(d, 0, 6);
}

/** The y domain: every value with a margin, zero kept as the floor for non-negative data. */
function valueDomain(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  // Values this close draw as one line (and tiny spans would ask for absurd tick counts).
  if (hi - lo <= 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi))) {
    const pad = Math.max(Math.abs(lo) * 0.1, 1);
    return [lo >= 0 && lo - pad < 0 ? 0 : lo - pad, hi + pad];
  }
  const pad = (hi - lo) * 0.08;
  const floor = lo >= 0 ? 0 : -Infinity;
  lo = Math.max(lo - pad, floor);
  hi = hi + pad;
  return [lo, hi];
}

const pathOf = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y)
  .digits(DIGITS);

/** Lay out a trend chart: observations, baseline, target and projection over the years. */
export function trendGeometry(input: TrendInput): TrendGeometry {
  const width = input.size?.width ?? TREND_SIZE.width;
  const height = input.size?.height ?? TREND_SIZE.height;
  const plot: Rect = {
    x: MARGIN.left,
    y: MARGIN.top,
    width: width - MARGIN.left - MARGIN.right,
    height: height - MARGIN.top - MARGIN.bottom,
  };

  const from = Math.min(input.fromYear, input.toYear);
  const to = Math.max(input.fromYear, input.toYear);
  const xDomain: [number, number] = from === to ? [from - 1, to + 1] : [from, to];
  const x = scaleLinear().domain(xDomain).range([plot.x + X_INSET, plot.x + plot.width - X_INSET]);

  const values: number[] = input.observations.map((o) => o.value);
  if (input.baseline) values.push(input.baseline.value);
  if (input.target) values.push(input.target.value);
  if (input.projection) values.push(input.projection.fromValue, input.projection.toValue);
  const bottom = plot.y + plot.height;
  const y = scaleLinear()
    .domain(valueDomain(values.filter(Number.isFinite)))
    .range(input.invertY ? [plot.y, bottom] : [bottom, plot.y])
    .nice(5);
  const X = (year: number) => round(x(year));
  const Y = (value: number) => round(y(value));

  const yTickValues = y.ticks(5);
  const decimals = tickDecimals(yTickValues.length > 1 ? Math.abs(yTickValues[1]! - yTickValues[0]!) : 1);
  const left = plot.x;
  const right = round(plot.x + plot.width);
  const yTicks = yTickValues.map((v) => ({
    y: Y(v),
    grid: { x1: left, y1: Y(v), x2: right, y2: Y(v) },
    label: { x: round(left - 8), y: round(Y(v) + FONT_SIZE / 3), text: input.formatTick(v, decimals), anchor: 'end' as const },
  }));

  const xTicks: TrendGeometry['xTicks'] = [];
  for (let year = from; year <= to; year++) {
    const xx = X(year);
    xTicks.push({
      x: xx,
      tick: { x1: xx, y1: round(bottom), x2: xx, y2: round(bottom + 5) },
      label: { x: xx, y: round(bottom + 5 + FONT_SIZE + 2), text: String(year), anchor: 'middle' },
      current: year === input.reportYear,
    });
  }
  const labelAbove = (value: number): number => {
    const yy = Y(value);
    return yy - 6 < plot.y + FONT_SIZE ? round(yy + FONT_SIZE + 4) : round(yy - 6);
  };
  const labelBelow = (value: number): number => {
    const yy = Y(value);
    return yy + FONT_SIZE + 4 > bottom ? round(yy - 6) : round(yy + FONT_SIZE + 4);
  };

  // The baseline's label sits at the right end, the target's at the left. When the two
  // lines are too close for a label between them, the baseline's label is left out
  // (the legend and the description still name it).
  const crowded = (a: number, b: number) => Math.abs(Y(a) - Y(b)) < FONT_SIZE + 6;
  const baseline = input.baseline
    ? {
        line: { x1: left, y1: Y(input.baseline.value), x2: right, y2: Y(input.baseline.value) },
        label: input.target && crowded(input.baseline.value, input.target.value)
          ? null
          : { x: round(right - 4), y: labelBelow(input.baseline.value), text: input.baseline.label, anchor: 'end' as const },
      }
    : null;

  const target = input.target
    ? {
        line: { x1: left, y1: Y(input.target.value), x2: right, y2: Y(input.target.value) },
        point: { x: X(input.target.year), y: Y(input.target.value) },
        label: { x: round(left + 6), y: labelAbove(input.target.value), text: input.target.label, anchor: 'start' as const },
      }
    : null;

  const points = input.observations.map((o) => ({ x: X(o.year), y: Y(o.value), label: o.label, estimate: o.estimate }));
  const observed = points.length > 0 ? { path: pathOf(points) ?? '', points } : null;

  let projection: TrendGeometry['projection'] = null;
  if (input.projection) {
    const p = input.projection;
    const a = { x: X(p.fromYear), y: Y(p.fromValue) };
    const b = { x: X(p.toYear), y: Y(p.toValue) };
    const above = b.y >= a.y ? labelBelow(p.toValue) : labelAbove(p.toValue);
    projection = {
      path: pathOf([a, b]) ?? '',
      from: a,
      to: b,
      label: { x: round(b.x), y: above, text: p.label, anchor: 'end' },
    };
  }

  const reportYear =
    input.reportYear !== null && input.reportYear >= from && input.reportYear <= to
      ? { x1: X(input.reportYear), y1: plot.y, x2: X(input.reportYear), y2: round(bottom) }
      : null;

  return {
    kind: 'trend',
    width,
    height,
    title: input.title,
    desc: input.desc,
    fontSize: FONT_SIZE,
    plot: { x: plot.x, y: plot.y, width: round(plot.width), height: round(plot.height) },
    xAxis: { x1: left, y1: round(bottom), x2: right, y2: round(bottom) },
    xTicks,
    yTicks,
    reportYear,
    baseline,
    target,
    observed,
    projection,
  };
}

/** Draw a progress bar as text: `cells` cells, █ done, ░ to do, ┃ inserted at the pace. */
export function textBar(completion: number | null, pace: number | null, cells = TEXT_BAR_CELLS): string {
  const filled = completion === null ? 0 : Math.round(clamp(completion, 0, 1) * cells);
  const chars = '█'.repeat(filled) + '░'.repeat(cells - filled);
  if (pace === null) return chars;
  const at = Math.round(clamp(pace, 0, 1) * cells);
  return chars.slice(0, at) + '┃' + chars.slice(at);
}

/** Lay out a progress bar: completion as a fill, the time pace as a marker. */
export function progressGeometry(input: ProgressInput): ProgressGeometry {
  const width = input.width ?? PROGRESS_WIDTH;
  const height = 52;
  const track: Rect = { x: 0, y: 18, width, height: 14 };
  const c = input.completion;
  const fraction = c === null ? null : round(clamp(c, 0, 1));
  const fill: Rect = { x: 0, y: track.y, width: round((fraction ?? 0) * width), height: track.height };

  let pace: ProgressGeometry['pace'] = null;
  if (input.pace !== null) {
    const px = round(clamp(input.pace, 0, 1) * width);
    const anchor = px < width * 0.15 ? 'start' : px > width * 0.85 ? 'end' : 'middle';
    pace = { x: px, y1: track.y - 4, y2: track.y + track.height + 4, label: { x: px, y: FONT_SIZE, text: input.paceLabel, anchor } };
  }

  return {
    kind: 'progress',
    width,
    height,
    title: input.title,
    desc: input.desc,
    fontSize: FONT_SIZE,
    track,
    fill,
    fraction,
    overflow: c !== null && c > 1,
    negative: c !== null && c < 0,
    pace,
    completionLabel: { x: 0, y: height - 4, text: input.completionLabel, anchor: 'start' },
    text: textBar(c, input.pace),
  };
}

/** Default width of a stacked status bar, in user units. */
export const STACKED_BAR_WIDTH = 480;

/** A non-empty segment is drawn at least this wide, so that every status counted shows. */
const MIN_SEGMENT = 4;

/** White space between two segments. */
const SEGMENT_GAP = 1.5;

/** What a stacked bar shows: counts in order, each with the text drawn inside when it fits. */
export interface StackedBarInput {
  title: string;
  desc: string;
  /** Values (counts) of the segments, in order; zeros take no room. */
  segments: ReadonlyArray<{ value: number; label: string }>;
  width?: number;
}

/** A stacked bar ready to draw: one rectangle per segment along the track, in input order. */
export interface StackedBarGeometry {
  kind: 'stacked-bar';
  width: number;
  height: number;
  title: string;
  desc: string;
  fontSize: number;
  track: Rect;
  /** x and width of each segment (a gap left before the next); its label inside, or null when it does not fit. */
  segments: Array<{ x: number; width: number; label: TextMark | null }>;
}

/** Widths proportional to the values, each non-zero one at least MIN_SEGMENT, summing to `total`. */
function segmentWidths(values: readonly number[], total: number): number[] {
  const positive = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const fixed = positive.map(() => false);
  for (let pass = 0; pass < positive.length; pass++) {
    const free = positive.reduce((sum, v, i) => sum + (fixed[i] ? 0 : v), 0);
    const room = total - fixed.filter(Boolean).length * MIN_SEGMENT;
    let changed = false;
    positive.forEach((v, i) => {
      if (!fixed[i] && v > 0 && free > 0 && (v / free) * room < MIN_SEGMENT) {
        fixed[i] = true;
        changed = true;
      }
    });
    if (!changed) break;
  }
  const free = positive.reduce((sum, v, i) => sum + (fixed[i] ? 0 : v), 0);
  const room = Math.max(0, total - fixed.filter(Boolean).length * MIN_SEGMENT);
  return positive.map((v, i) => (v === 0 ? 0 : fixed[i] ? MIN_SEGMENT : free > 0 ? (v / free) * room : 0));
}

/** Lay out counts as one horizontal bar of segments, in order, the bar's width shared by value. */
export function stackedBarGeometry(input: StackedBarInput): StackedBarGeometry {
  const width = input.width ?? STACKED_BAR_WIDTH;
  const height = 26;
  const track: Rect = { x: 0, y: 0, width, height };
  const widths = segmentWidths(input.segments.map((s) => s.value), width);
  const last = widths.reduce((at, w, i) => (w > 0 ? i : at), -1);
  // Edges rounded from the running total, so the segments always add up to the track.
  let sum = 0;
  const segments = input.segments.map((s, i) => {
    const left = round(sum);
    sum += widths[i]!;
    const right = round(sum);
    const w = Math.max(0, right - left - (i < last && right > left ? SEGMENT_GAP : 0));
    // Digits are about 0.6 em wide; the label needs a little room either side.
    const fits = w > 0 && s.label !== '' && Array.from(s.label).length * 0.6 * FONT_SIZE + 8 <= w;
    const label: TextMark | null = fits ? { x: round(left + w / 2), y: round(height / 2 + FONT_SIZE / 3), text: s.label, anchor: 'middle' } : null;
    return { x: left, width: round(w), label };
  });
  return { kind: 'stacked-bar', width, height, title: input.title, desc: input.desc, fontSize: FONT_SIZE, track, segments };
}
