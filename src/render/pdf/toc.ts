// The contents page (目录): its pages are reserved where the directive stands, from the
// headings that follow it, and it is drawn at the end, when their page numbers are known.

import { drawLine, measurer, type Setting } from './draw.js';
import { BOTTOM, type Flow, type Frame, TEXT_FRAME } from './flow.js';
import { center } from './pages.js';
import { breakLines, type Line, type Run } from './text.js';
import { COLOR, MARGIN, SIZE } from './theme.js';

export interface TocEntry {
  level: number;
  text: string;
}

/** Type settings of the contents page. */
const TOC = {
  title: { size: SIZE.h1, pitch: SIZE.h1 * 1.6, color: COLOR.heading } as Setting,
  titleAfter: 22,
  1: { size: 11.5, pitch: 11.5 * 2.05, color: COLOR.heading } as Setting,
  2: { size: SIZE.body, pitch: SIZE.body * 2.05, color: COLOR.text } as Setting,
  numberWidth: 34,
  indent: 2 * SIZE.body,
} as const;

/** Lines of one contents entry, broken to leave room for the leader and page number. */
function tocLines(flow: Flow, entry: TocEntry, frame: Frame): Line[] {
  const level = entry.level <= 1 ? 1 : 2;
  const set = TOC[level];
  const indent = level === 1 ? 0 : TOC.indent;
  const runs: Run[] = [{ text: entry.text, style: level === 1 ? { bold: true } : {} }];
  return breakLines(runs, measurer(flow.fonts, set.size), frame.width - indent - TOC.numberWidth - 24);
}

/** Pages the contents page needs for these entries. */
export function tocPageCount(flow: Flow, entries: TocEntry[]): number {
  const frame = TEXT_FRAME;
  const capacity = BOTTOM - MARGIN.top;
  let pages = 1;
  let used = TOC.title.pitch + TOC.titleAfter;
  for (const e of entries) {
    const set = TOC[e.level <= 1 ? 1 : 2];
    const h = tocLines(flow, e, frame).length * set.pitch;
    if (used + h > capacity) {
      pages++;
      used = 0;
    }
    used += h;
  }
  return pages;
}

/** Draw the contents page into its reserved pages, with dotted leaders and linked entries. */
export function drawToc(flow: Flow, entries: TocEntry[], firstHeading: number): void {
  const doc = flow.doc;
  const frame = TEXT_FRAME;
  const headings = flow.headings.slice(firstHeading).filter((h) => h.level <= 2);
  let pageSlot = 0;
  const page = flow.tocPages[pageSlot];
  if (page === undefined) return;
  doc.switchToPage(page);
  const titleLines = breakLines([{ text: flow.labels.toc, style: { bold: true } }], measurer(flow.fonts, TOC.title.size), frame.width);
  let y = center(doc, titleLines, MARGIN.top, TOC.title) + TOC.titleAfter;
  entries.forEach((entry, i) => {
    const level = entry.level <= 1 ? 1 : 2;
    const set = TOC[level];
    const lines = tocLines(flow, entry, frame);
    if (y + lines.length * set.pitch > BOTTOM && pageSlot + 1 < flow.tocPages.length) {
      doc.switchToPage(flow.tocPages[++pageSlot]!);
      y = MARGIN.top;
    }
    const indent = level === 1 ? 0 : TOC.indent;
    const target = headings[i];
    const number = target === undefined ? '' : String(target.page + 1);
    const top = y;
    lines.forEach((l, k) => drawLine(doc, l, frame.x + indent, y + k * set.pitch, l.width, 'left', set));
    const last = lines[lines.length - 1]!;
    y += (lines.length - 1) * set.pitch;
    const numLine = breakLines([{ text: number, style: level === 1 ? { bold: true } : {} }], measurer(flow.fonts, set.size), 1e6)[0]!;
    const numX = frame.x + frame.width - numLine.width;
    drawLine(doc, numLine, numX, y, numLine.width, 'left', set);
    const from = frame.x + indent + last.width + 6;
    const to = numX - 6;
    if (to > from) {
      const base = y + set.pitch / 2 + 0.3 * set.size;
      doc.save().lineWidth(0.9).lineCap('round').strokeColor(COLOR.faint).dash(0.01, { space: 3 }).moveTo(from, base).lineTo(to, base).stroke().undash().restore();
    }
    y += set.pitch;
    if (target !== undefined) doc.goTo(frame.x, top, frame.width, y - top, target.dest);
  });
}

