// The page flow: where the next block goes, page breaks, collapsing space between blocks,
// and paragraphs broken into lines that keep at least two lines together at a page break.

import { baselineOf, type Doc, drawLine, type LineAlign, measurer, type Setting } from './draw.js';
import type { PdfFonts } from './fonts.js';
import type { MissingGlyphLog } from './glyphs.js';
import { breakLines, type Line, type Run } from './text.js';
import { MARGIN, PAGE, type Labels } from './theme.js';
import type { PdfLang } from './types.js';

/** A column of the text area: left edge and width in points. */
export interface Frame {
  x: number;
  width: number;
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

/**
 * A list marker waiting to be drawn beside the first line of its item: a number as text, or
 * a shape drawn as a vector (so no bullet character lands in the text a reader copies).
 */
export interface PendingMarker {
  mark: { text: string } | { shape: 'disc' | 'circle' | 'square' | 'box' | 'checked' };
  /** Right edge of the marker. */
  right: number;
}

/** The state of typesetting: the document, the cursor and what has been placed. */
export interface Flow {
  doc: Doc;
  fonts: PdfFonts;
  lang: PdfLang;
  labels: Labels;
  /** Cursor: top of the next block, in points from the top of the page. */
  y: number;
  /** False until the first block of a new page asks for it (so a break never leaves a blank page). */
  pageOpen: boolean;
  /** Space owed before the next block; dropped at the top of a page. */
  pending: number;
  marker: PendingMarker | null;
  headings: PlacedHeading[];
  /** Pages given to the contents page (0-based), filled in at the end. */
  tocPages: number[];
  /** Characters drawn as code points because the font lacks them, and where drawing is now. */
  glyphs: MissingGlyphLog;
}

/** The full text column. */
export const TEXT_FRAME: Frame = { x: MARGIN.left, width: PAGE.width - MARGIN.left - MARGIN.right };

/** Lowest point the text may reach on a page. */
export const BOTTOM = PAGE.height - MARGIN.bottom;

/** Start a new page and put the cursor at the top of its text area. */
export function openPage(flow: Flow): void {
  flow.doc.addPage();
  flow.y = MARGIN.top;
  flow.pageOpen = true;
  flow.pending = 0;
}

/** 0-based index of the page being filled. */
export function pageIndex(flow: Flow): number {
  const range = flow.doc.bufferedPageRange();
  return range.start + range.count - 1;
}

/** Whether nothing has been placed on the open page yet. */
export function atTop(flow: Flow): boolean {
  return flow.pageOpen && flow.y <= MARGIN.top + 0.001;
}

/** Ask for at least `gap` points before the next block (the larger request wins). */
export function space(flow: Flow, gap: number): void {
  flow.pending = Math.max(flow.pending, gap);
}

/** End the page: the next block starts a new one. */
export function breakPage(flow: Flow): void {
  if (flow.pageOpen && !atTop(flow)) flow.pageOpen = false;
  flow.pending = 0;
}

/** Room left on the open page below the cursor and the owed space. */
export function roomLeft(flow: Flow): number {
  if (!flow.pageOpen) return BOTTOM - MARGIN.top;
  return BOTTOM - flow.y - (atTop(flow) ? 0 : flow.pending);
}

/**
 * Claim `height` points for a block and return its top. If `keep` points (the block plus
 * whatever must stay with it) do not fit below the cursor, the block goes to a new page.
 */
export function reserve(flow: Flow, height: number, keep = height): number {
  if (!flow.pageOpen) openPage(flow);
  else if (!atTop(flow)) {
    if (flow.y + flow.pending + keep > BOTTOM + 0.001) openPage(flow);
    else flow.y += flow.pending;
  }
  flow.pending = 0;
  const top = flow.y;
  flow.y += height;
  return top;
}

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
 * Set a paragraph line by line. A page break never leaves its first line alone at the foot of
 * a page nor its last line alone at the head of the next.
 */
export function paragraph(flow: Flow, runs: Run[], frame: Frame, style: ParagraphStyle): void {
  const lines = linesFor(flow, runs, frame, style);
  const { pitch } = style.set;
  const n = lines.length;
  lines.forEach((line, i) => {
    const together = (i === 0 && n > 1) || (i === n - 2 && n > 2) ? 2 : 1;
    const top = reserve(flow, pitch, pitch * together);
    placeLine(flow, line, frame, top, style, i === 0 ? (style.indent ?? 0) : 0);
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

/** Draw one line of a paragraph (and the list marker waiting for it). */
export function placeLine(flow: Flow, line: Line, frame: Frame, top: number, style: ParagraphStyle, indent = 0): void {
  const marker = flow.marker;
  if (marker !== null) {
    flow.marker = null;
    drawMarker(flow, marker, top, style.set);
  }
  drawLine(flow.doc, line, frame.x + indent, top, frame.width - indent, style.align, style.set);
}
