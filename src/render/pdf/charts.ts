// Charts drawn as vectors from the shared geometry (src/present/charts.ts), styled as the
// HTML report's SVG: the trend chart (the same paths, scaled) and the progress bar row.

import type { LineMark, ProgressGeometry, StackedBarGeometry, TextMark, TrendGeometry } from '../../present/charts.js';
import { type Doc, drawLine, drawToneSymbol, measurer, type Setting, toneOf } from './draw.js';
import { type Flow, type Frame, linesFor, push, space } from './flow.js';
import { breakLines, type Line, type Measure } from './text.js';
import { BLOCK_GAP, CHART, COLOR, LEADING, SIZE, TONE_COLOR, TONE_FILL } from './theme.js';
import type { PdfLegendKey, PdfProgressBarBlock, PdfTrendChartBlock } from './types.js';

const CAPTION: Setting = { size: SIZE.body, pitch: SIZE.body * LEADING.heading, color: COLOR.heading };
const LABEL: Setting = { size: SIZE.chart, pitch: SIZE.chart * 1.3, color: COLOR.muted };
const DESC: Setting = { size: SIZE.small, pitch: SIZE.small * LEADING.small, color: COLOR.muted };
const LEGEND_GAP = 6;
const LEGEND_SAMPLE = 20;
/** A chart's plot never takes more than about two thirds of a page. */
const MAX_CHART_HEIGHT = 480;

type Stroke = { color: string; width: number; dash?: readonly number[]; opacity?: number };
const LEGEND_STROKE: Record<PdfLegendKey, Stroke> = {
  observed: CHART.observed,
  projection: CHART.projection,
  target: CHART.target,
  baseline: CHART.baseline,
};

const finite = (n: unknown, fallback = 0): number => (typeof n === 'number' && Number.isFinite(n) ? n : fallback);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Whether a payload's geometry has what the trend chart draws from. */
export function isTrendGeometry(g: unknown): g is TrendGeometry {
  return (
    isObject(g) &&
    finite(g.width) > 0 &&
    finite(g.height) > 0 &&
    isObject(g.plot) &&
    Array.isArray(g.xTicks) &&
    Array.isArray(g.yTicks)
  );
}

/** Whether a payload's geometry has what the stacked status bar draws from. */
export function isStackedBarGeometry(g: unknown): g is StackedBarGeometry {
  return isObject(g) && finite(g.width) > 0 && finite(g.height) > 0 && Array.isArray(g.segments);
}

/** Whether a payload's geometry has what the progress bar draws from. */
export function isProgressGeometry(g: unknown): g is ProgressGeometry {
  return isObject(g) && finite(g.width) > 0 && isObject(g.track);
}

interface ChartLayout {
  caption: Line[];
  desc: Line[];
  scale: number;
  left: number;
  boxHeight: number;
  legend: Array<Array<{ key: PdfLegendKey; label: string; width: number }>>;
  height: number;
}

function layOutChart(flow: Flow, chart: PdfTrendChartBlock, frame: Frame): ChartLayout {
  const g = chart.geometry;
  const maxHeight = Math.min(Math.max(finite(chart.maxHeight, 220), 40), MAX_CHART_HEIGHT);
  const scale = Math.min(frame.width / g.width, maxHeight / g.height);
  const captionText = typeof chart.caption === 'string' ? chart.caption : String(g.title ?? '');
  const caption = captionText === '' ? [] : linesFor(flow, [{ text: captionText, style: { bold: true } }], frame, { set: CAPTION, align: 'center' });
  const descText = chart.showDesc === true ? String(g.desc ?? '') : '';
  const desc = descText === '' ? [] : linesFor(flow, [{ text: descText, style: {} }], frame, { set: DESC, align: 'center' });
  const measure = measurer(flow.fonts, LABEL.size);
  const legend: ChartLayout['legend'] = [];
  for (const item of Array.isArray(chart.legend) ? chart.legend : []) {
    if (!isObject(item) || !(item.key in LEGEND_STROKE)) continue;
    const width = LEGEND_SAMPLE + 4 + measure(String(item.label), false) + 16;
    const row = legend[legend.length - 1];
    if (row !== undefined && row.reduce((a, b) => a + b.width, 0) + width <= frame.width) row.push({ key: item.key, label: String(item.label), width });
    else legend.push([{ key: item.key, label: String(item.label), width }]);
  }
  const boxHeight = g.height * scale;
  const height =
    (caption.length > 0 ? caption.length * CAPTION.pitch + 4 : 0) +
    boxHeight +
    (legend.length > 0 ? LEGEND_GAP + legend.length * LABEL.pitch : 0) +
    (desc.length > 0 ? 4 + desc.length * DESC.pitch : 0);
  return { caption, desc, scale, left: frame.x + (frame.width - g.width * scale) / 2, boxHeight, legend, height };
}

/**
 * Set a trend chart as one block: caption, the geometry scaled into the text width (grid, axes,
 * report year, baseline, target, projection, observed path and points, their labels), legend.
 * Draws nothing for a payload without usable geometry (resolveDirective reports those).
 */
export function trendChart(flow: Flow, chart: PdfTrendChartBlock, frame: Frame): void {
  if (!isTrendGeometry(chart.geometry)) return;
  const c = layOutChart(flow, chart, frame);
  space(flow, BLOCK_GAP + 6);
  push(flow, { height: c.height, draw: (at) => drawTrendChart(flow, chart, c, frame, at.top) });
  space(flow, BLOCK_GAP + 6);
}

// Draw a laid-out trend chart with its top at `y`.
function drawTrendChart(flow: Flow, chart: PdfTrendChartBlock, c: ChartLayout, frame: Frame, top0: number): void {
  const g = chart.geometry;
  const doc = flow.doc;
  const measure = measurer(flow.fonts, LABEL.size);
  let y = top0;
  c.caption.forEach((l, i) => drawLine(doc, l, frame.x, y + i * CAPTION.pitch, frame.width, 'center', CAPTION));
  if (c.caption.length > 0) y += c.caption.length * CAPTION.pitch + 4;
  const s = c.scale;
  const top = y;
  // Shapes are drawn in the chart's own units (as the SVG is), scaled onto the page; text is
  // set at its anchor point in page units, at the PDF's chart type size.
  const inBox = (draw: () => void): void => {
    doc.save().translate(c.left, top).scale(s);
    draw();
    doc.restore();
  };
  const line = (m: LineMark | null | undefined, stroke: Stroke): void => {
    if (isObject(m)) inBox(() => strokeWith(doc, stroke, () => doc.moveTo(finite(m.x1), finite(m.y1)).lineTo(finite(m.x2), finite(m.y2))));
  };
  const text = (m: TextMark | null | undefined, color: string, bold = false): void => {
    if (isObject(m)) label(doc, measure, String(m.text ?? ''), c.left + finite(m.x) * s, top + finite(m.y) * s, m.anchor, color, bold);
  };
  // The same SVG path the HTML draws.
  const path = (d: unknown, stroke: Stroke): void => {
    if (typeof d === 'string' && d !== '') inBox(() => strokeWith(doc, stroke, () => doc.path(d)));
  };
  const dot = (p: unknown, r: number, fill: string, edge: string, width: number): void => {
    if (isObject(p)) inBox(() => doc.lineWidth(width).circle(finite(p.x), finite(p.y), r).fillAndStroke(fill, edge));
  };

  for (const t of g.yTicks) {
    line(t?.grid, CHART.grid);
    text(t?.label, COLOR.muted);
  }
  line(g.xAxis, CHART.axis);
  for (const t of g.xTicks) {
    line(t?.tick, CHART.axis);
    text(t?.label, t?.current === true ? COLOR.text : COLOR.muted, t?.current === true);
  }
  line(g.reportYear, CHART.reportYear);
  if (isObject(g.baseline)) {
    line(g.baseline.line, CHART.baseline);
    text(g.baseline.label, CHART.baseline.color);
  }
  if (isObject(g.target)) {
    line(g.target.line, CHART.target);
    dot(g.target.point, 5, '#ffffff', CHART.target.color, 2);
    text(g.target.label, CHART.target.color);
  }
  if (isObject(g.projection)) {
    path(g.projection.path, CHART.projection);
    dot(g.projection.to, 4, '#ffffff', CHART.projection.color, 2);
    text(g.projection.label, CHART.projection.color);
  }
  if (isObject(g.observed)) {
    path(g.observed.path, CHART.observed);
    for (const p of Array.isArray(g.observed.points) ? g.observed.points : []) {
      if (p?.estimate === true) dot(p, 4, '#ffffff', CHART.observed.color, 1.5);
      else dot(p, 4, CHART.observed.color, '#ffffff', 1.5);
    }
  }

  y += c.boxHeight;
  if (c.legend.length > 0) {
    y += LEGEND_GAP;
    for (const row of c.legend) {
      let x = frame.x + (frame.width - row.reduce((a, b) => a + b.width, 0) + 16) / 2;
      for (const it of row) {
        const mid = y + LABEL.pitch / 2;
        strokeWith(doc, { ...LEGEND_STROKE[it.key], width: Math.min(LEGEND_STROKE[it.key].width, 2) }, () => doc.moveTo(x, mid).lineTo(x + LEGEND_SAMPLE, mid));
        label(doc, measure, it.label, x + LEGEND_SAMPLE + 4, mid + 0.38 * LABEL.size, 'start', COLOR.muted);
        x += it.width;
      }
      y += LABEL.pitch;
    }
  }
  if (c.desc.length > 0) {
    y += 4;
    c.desc.forEach((l, i) => drawLine(doc, l, frame.x, y + i * DESC.pitch, frame.width, 'center', DESC));
  }
}

// Stroke the path `draw` makes with a stroke style (dash lengths in the current units).
function strokeWith(doc: Doc, stroke: Stroke, draw: () => void): void {
  doc.save().lineWidth(stroke.width).strokeColor(stroke.color).lineJoin('round');
  if (stroke.opacity !== undefined) doc.strokeOpacity(stroke.opacity);
  if (stroke.dash !== undefined) doc.lineCap(stroke.dash[0]! <= 1 ? 'round' : 'butt').dash(stroke.dash[0]!, { space: stroke.dash[1] ?? stroke.dash[0] });
  else doc.lineCap('round');
  draw();
  doc.stroke().restore();
}

// One line of chart text with its baseline at y, anchored like SVG text at x.
function label(doc: Doc, measure: Measure, text: string, x: number, baseline: number, anchor: unknown, color: string, bold = false): void {
  const line = breakLines([{ text, style: bold ? { bold: true, color } : { color } }], measure, 1e6)[0];
  if (line === undefined || text === '') return;
  const left = anchor === 'end' ? x - line.width : anchor === 'middle' ? x - line.width / 2 : x;
  drawLine(doc, line, left, baseline - LABEL.pitch / 2 - 0.38 * LABEL.size, line.width, 'left', LABEL);
}

const BAR: Setting = { size: SIZE.table, pitch: SIZE.table * LEADING.table, color: COLOR.text };
const BAR_H = 7;
const SYMBOL_R = 2.8;

interface BarLayout {
  name: Line[];
  right: Line[];
  height: number;
}

function layOutBar(flow: Flow, bar: PdfProgressBarBlock, frame: Frame): BarLayout {
  const measure = measurer(flow.fonts, BAR.size);
  const g = bar.geometry;
  const tone = toneOf(bar.tone);
  const textW = VALUE_W - 2 * SYMBOL_R - 5;
  const name = breakLines([{ text: String(bar.label ?? ''), style: {} }], measure, frame.width * LABEL_SHARE);
  const right = breakLines([{ text: String(g.completionLabel?.text ?? ''), style: { bold: true, color: TONE_COLOR[tone] } }], measure, textW);
  const pace = isObject(g.pace) ? String(g.pace.label?.text ?? '') : '';
  if (pace !== '') for (const line of breakLines([{ text: pace, style: { color: COLOR.muted } }], measure, textW)) right.push(line);
  return { name, right, height: Math.max(name.length, right.length, 1) * BAR.pitch + 9 };
}

const LABEL_SHARE = 0.36;
const VALUE_W = 86;

/**
 * Set one progress bar row: the label, the bar (fill to the completion, clamped; an arrowhead
 * when it runs past 100% or below 0; the pace marker), the tone's symbol with the completion
 * and pace labels. Draws nothing for a payload without usable geometry.
 */
export function progressBar(flow: Flow, bar: PdfProgressBarBlock, frame: Frame): void {
  if (!isProgressGeometry(bar.geometry)) return;
  const doc = flow.doc;
  const g = bar.geometry;
  const tone = toneOf(bar.tone);
  const b = layOutBar(flow, bar, frame);
  const rightX = frame.x + frame.width - VALUE_W;
  const textX = rightX + 2 * SYMBOL_R + 5;
  const barX = frame.x + frame.width * LABEL_SHARE + 10;
  const barW = Math.max(rightX - 14 - barX, 20);
  space(flow, 3);
  push(flow, { height: b.height, draw: (at) => drawBar(at.top) });
  space(flow, 3);

  function drawBar(top: number): void {
  b.name.forEach((l, i) => drawLine(doc, l, frame.x, top + 3 + i * BAR.pitch, frame.width * LABEL_SHARE, 'left', BAR));
  b.right.forEach((l, i) => drawLine(doc, l, textX, top + 3 + i * BAR.pitch, frame.x + frame.width - textX, 'left', BAR));
  const mid = top + 3 + BAR.pitch / 2;
  const barTop = mid - BAR_H / 2;
  const fraction = Math.min(Math.max(finite(g.fraction), 0), 1);
  const fill = TONE_FILL[tone];
  doc.save().rect(barX, barTop, barW, BAR_H).fill(COLOR.track).restore();
  if (fraction > 0) doc.save().rect(barX, barTop, barW * fraction, BAR_H).fill(fill).restore();
  if (g.overflow === true) {
    const x = barX + barW;
    doc.save().polygon([x + 1, barTop - 1], [x + 6, mid], [x + 1, barTop + BAR_H + 1]).fill(fill).restore();
  }
  if (g.negative === true) doc.save().polygon([barX - 1, barTop - 1], [barX - 6, mid], [barX - 1, barTop + BAR_H + 1]).fill(fill).restore();
  if (isObject(g.pace)) {
    const px = barX + barW * Math.min(Math.max(finite(g.pace.x) / finite(g.width, 1), 0), 1);
    doc.save().lineWidth(1.4).strokeColor(COLOR.text).moveTo(px, barTop - 3).lineTo(px, barTop + BAR_H + 3).stroke().restore();
  }
  drawToneSymbol(doc, tone, rightX + SYMBOL_R, mid, SYMBOL_R);
  }
}
