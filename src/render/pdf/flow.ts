// The page flow: blocks become boxes (a line, a table row, a chart) with the space owed before
// them, how much tightening may take from them and what a page break before them costs; the
// paginator (paginate.ts) chooses the breaks and draws each box where it lands.

import { baselineOf, type Doc, drawLine, type LineAlign, measurer, type Setting } from './draw.js';
import type { PdfFonts } from './fonts.js';
import type { MissingGlyphLog } from './glyphs.js';
import { breakLines, type Line, type Run } from './text.js';
import { LEADING, MARGIN, PAGE, SIZE, type Labels } from './theme.js';
import type { PdfLang } from './types.js';

/** A column of the text area: left edge and width in points. */
export interface Frame {
  x: number;
  width: number;
}

/** A page's size and text area, in points from its top left corner. */
export interface PageGeometry {
  width: number;
  height: number;
  frame: Frame;
  /** Top and bottom of the text area. */
  top: number;
  bottom: number;
}

/** The full text column of a portrait page. */
export const TEXT_FRAME: Frame = { x: MARGIN.left, width: PAGE.width - MARGIN.left - MARGIN.right };

/** Lowest point the text may reach on a portrait page. */
export const BOTTOM = PAGE.height - MARGIN.bottom;

/** A4 portrait, and A4 turned for a table too wide for it. */
export const PORTRAIT: PageGeometry = { width: PAGE.width, height: PAGE.height, frame: TEXT_FRAME, top: MARGIN.top, bottom: BOTTOM };
export const LANDSCAPE: PageGeometry = {
  width: PAGE.height,
  height: PAGE.width,
  frame: { x: MARGIN.left, width: PAGE.height - MARGIN.left - MARGIN.right },
  top: MARGIN.top,
  bottom: PAGE.width - MARGIN.bottom,
};

/** Height of a page's text area. */
export const capacityOf = (geo: PageGeometry): number => geo.bottom - geo.top;

/**
 * What a page break just before a box costs. On a page that overflows, the paginator breaks
 * at the cheapest place, the latest of equally cheap ones.
 */
export const PENALTY = {
  /** Between paragraphs, list items, table rows. */
  free: 0,
  /** Inside a list item that fits on a page. */
  item: 1,
  /** After the first line or before the last line of a paragraph (orphans and widows). */
  widow: 2,
  /** After a heading or a lead-in line ending with a colon, inside a heading. */
  keep: 3,
  /** Never: between a table's header and its first row. */
  never: Infinity,
} as const;

/** Where a box landed: top and (possibly tightened) height in points, 0-based page index. */
export interface At {
  top: number;
  height: number;
  page: number;
}

/**
 * The repeated parts of a table whose rows are boxes: the caption and header at the top of a
 * page it continues on, and under its rows on each page the closing rule, the spanned cells and
 * the numbered notes of those rows.
 */
export interface TableRun {
  /** Height of the caption ("（续）") and header repeated on a continuation page. */
  headHeight: number;
  drawHead(top: number, page: number): void;
  /** Draw what closes the table's rows on a page: `rows` as placed, the foot below them at `top`. */
  drawFoot(rows: Array<{ box: Box; at: At }>, top: number): void;
}

/** One unbreakable piece of the page flow. */
export interface Box {
  /** Height in points. */
  height: number;
  /** Space owed before it; dropped at the top of a page. */
  before: number;
  /** Points of `height` that tightening may take away (space before may lose half). */
  shrink: number;
  /** Cost of a page break just before it (PENALTY). */
  penalty: number;
  /** A page break before it, whatever it costs (pagebreak, contents pages). */
  force: boolean;
  /** Set on a landscape page (a wide table and what stays with it). */
  landscape: boolean;
  /** A row of this table. */
  table?: TableRun;
  /** Height of the notes this row adds under its table on the page it lands on. */
  trailer?: number;
  /** Row index in its table (for its notes and spanned cells). */
  row?: number;
  draw(at: At): void;
}

/** What a block gives for a box; the flow fills in the rest. */
export interface BoxSpec {
  height: number;
  shrink?: number;
  penalty?: number;
  landscape?: boolean;
  table?: TableRun;
  trailer?: number;
  row?: number;
  draw(at: At): void;
}

/** The boxes not yet drawn and the pages laid out from them (paginate.ts). */
export interface Pager {
  /** Boxes from the first one not yet drawn. */
  boxes: Box[];
  /** Index in `boxes` of the first box no finished page holds. */
  cursor: number;
  /** Finished pages not yet drawn; the last is kept for a short section end to pull back. */
  pages: PageLayout[];
}

/** A page: its boxes [from, to) placed at `slots`, and the table parts it holds. */
export interface PageLayout {
  from: number;
  to: number;
  landscape: boolean;
  /** Share of the tightening applied (0 natural, 1 all). */
  ratio: number;
  slots: Array<{ i: number; top: number; height: number }>;
  /** A table continued from the page before: its head is drawn at the top. */
  head: TableRun | null;
  /** Table parts: slot range [first, last] and the top of the foot under them. */
  parts: Array<{ table: TableRun; first: number; last: number; footTop: number }>;
  /** Height used, from the top of the text area. */
  used: number;
}

/**
 * A list marker waiting to be drawn beside the first line of its item: a number as text, or
 * a shape drawn as a vector (so no bullet character lands in the text a reader copies).
 */
export interface PendingMarker {
  mark: { text: string } | { shape: 'disc' | 'circle' | 'square' | 'box' | 'checked' };
  /** Right edge of the marker. */
  right: number;
}

/** A heading placed in the document, for the outline, the contents page and running heads. */
export interface PlacedHeading {
  level: number;
  text: string;
  /** 0-based page index. */
  page: number;
  /** Top of the heading, in points from the top of the page. */
  top: number;
  /** Named destination the contents page links to. */
  dest: string;
}

/** The state of typesetting: the document, the boxes waiting for pages, what has been placed. */
export interface Flow {
  doc: Doc;
  fonts: PdfFonts;
  lang: PdfLang;
  labels: Labels;
  /** Space owed before the next box (the larger request wins). */
  pending: number;
  /** The next box starts a new page. */
  forceNext: boolean;
  /** Points of the boxes to come that stay on the page of the box before them. */
  keepNext: number;
  marker: PendingMarker | null;
  pager: Pager;
  /** Pages in the document (the cover is page 0). */
  pageCount: number;
  headings: PlacedHeading[];
  /** Pages given to the contents page (0-based), filled in as they are drawn. */
  tocPages: number[];
  /** Characters drawn as code points because the font lacks them, and where drawing is now. */
  glyphs: MissingGlyphLog;
}

/** Ask for at least `gap` points before the next box (the larger request wins). */
export function space(flow: Flow, gap: number): void {
  flow.pending = Math.max(flow.pending, gap);
}

/** End the page: the next box starts a new one (never leaving a blank page). */
export function breakPage(flow: Flow): void {
  flow.forceNext = true;
  flow.pending = 0;
}

/** Height of two lines of body text: what a heading keeps with it. */
export const TWO_LINES = 2 * SIZE.body * LEADING.body;

/** Keep the last box on the page of what follows it: boxes of at least `height` points. */
export function keepWithNext(flow: Flow, height = TWO_LINES): void {
  flow.keepNext = Math.max(flow.keepNext, height);
}

/** Add a box to the flow, with the space, keep and break owed before it. */
export function push(flow: Flow, spec: BoxSpec): Box {
  const box: Box = {
    height: spec.height,
    before: flow.pending,
    shrink: spec.shrink ?? 0,
    penalty: Math.max(spec.penalty ?? PENALTY.free, flow.keepNext > 0 ? PENALTY.keep : PENALTY.free),
    force: flow.forceNext,
    landscape: spec.landscape === true,
    draw: spec.draw,
  };
  if (spec.table !== undefined) box.table = spec.table;
  if (spec.trailer !== undefined) box.trailer = spec.trailer;
  if (spec.row !== undefined) box.row = spec.row;
  flow.pending = 0;
  flow.keepNext = Math.max(0, flow.keepNext - spec.height - 0.01);
  flow.forceNext = false;
  flow.pager.boxes.push(box);
  return box;
}

/** Index the next box will have (boxes of a block are `mark` up to the next mark). */
export function mark(flow: Flow): number {
  return flow.pager.boxes.length;
}

/** The boxes pushed since a mark. */
export function boxesSince(flow: Flow, from: number): Box[] {
  return flow.pager.boxes.slice(from);
}

/** Total height of boxes with the space between them (the first one's space not counted). */
export function heightOf(boxes: Box[]): number {
  return boxes.reduce((sum, b, i) => sum + b.height + (i > 0 ? b.before : 0), 0);
}

/** Top of a line of pitch `pitch` set centred in a box that tightening may have made shorter. */
export const lineTop = (at: At, pitch: number): number => at.top + (at.height - pitch) / 2;

/** Points a line of this setting may give up when a page is tightened (leading down to 1.45). */
export const lineShrink = (set: Setting): number => Math.max(0, set.pitch - 1.45 * set.size);

/** How a paragraph is set. */
export interface ParagraphStyle {
  set: Setting;
  align: LineAlign;
  /** First-line indent in points. */
  indent?: number;
  /** Space after the paragraph. */
  after?: number;
}

/** Break runs into lines for a frame. */
export function linesFor(flow: Flow, runs: Run[], frame: Frame, style: ParagraphStyle): Line[] {
  const indent = style.indent ?? 0;
  return breakLines(runs, measurer(flow.fonts, style.set.size), frame.width, frame.width - indent);
}

/**
 * Set a paragraph as one box per line. A page break after its first line or before its last
 * costs a widow's penalty, so two lines at least stay together on each side of a break.
 */
export function paragraph(flow: Flow, runs: Run[], frame: Frame, style: ParagraphStyle): void {
  const lines = linesFor(flow, runs, frame, style);
  const { pitch } = style.set;
  const n = lines.length;
  const marker = flow.marker;
  flow.marker = null;
  const shrink = lineShrink(style.set);
  lines.forEach((line, i) => {
    push(flow, {
      height: pitch,
      shrink,
      penalty: i === 1 || (i === n - 1 && n > 1) ? PENALTY.widow : PENALTY.free,
      draw: (at) => {
        const top = lineTop(at, pitch);
        if (i === 0 && marker !== null) drawMarker(flow, marker, top, style.set);
        drawLine(flow.doc, line, frame.x + (i === 0 ? (style.indent ?? 0) : 0), top, frame.width - (i === 0 ? (style.indent ?? 0) : 0), style.align, style.set);
      },
    });
  });
  space(flow, style.after ?? 0);
}

// A list marker beside a line whose box starts at `top`.
function drawMarker(flow: Flow, marker: PendingMarker, top: number, set: Setting): void {
  const { doc } = flow;
  if ('text' in marker.mark) {
    const m = breakLines([{ text: marker.mark.text, style: {} }], measurer(flow.fonts, set.size), 1e6)[0];
    if (m !== undefined) drawLine(doc, m, marker.right - m.width, top, m.width, 'left', set);
    return;
  }
  // Centred on the x-height of the line, like a bullet glyph.
  const cy = baselineOf(top, set) - 0.33 * set.size;
  const r = set.size * (marker.mark.shape === 'box' || marker.mark.shape === 'checked' ? 0.32 : 0.17);
  const cx = marker.right - r;
  doc.save().fillColor(set.color).strokeColor(set.color).lineWidth(0.7);
  switch (marker.mark.shape) {
    case 'disc':
      doc.circle(cx, cy, r).fill();
      break;
    case 'circle':
      doc.circle(cx, cy, r - 0.35).stroke();
      break;
    case 'square':
      doc.rect(cx - r, cy - r, 2 * r, 2 * r).fill();
      break;
    case 'box':
      doc.rect(cx - r, cy - r, 2 * r, 2 * r).stroke();
      break;
    case 'checked':
      doc.rect(cx - r, cy - r, 2 * r, 2 * r).stroke();
      doc.lineWidth(1).moveTo(cx - r * 0.55, cy).lineTo(cx - r * 0.1, cy + r * 0.5).lineTo(cx + r * 0.6, cy - r * 0.55).stroke();
      break;
  }
  doc.restore();
}
