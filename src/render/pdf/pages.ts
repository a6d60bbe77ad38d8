// Whole-page parts: the cover, and the running header and footer of every page but the cover.

import { type Doc, drawLine, measurer, type Setting } from './draw.js';
import { type Flow, TEXT_FRAME } from './flow.js';
import { breakLines, type Line, type Measure } from './text.js';
import { COLOR, LEADING, MARGIN, PAGE, SIZE } from './theme.js';
import type { PdfCoverBlock } from './types.js';

/** Draw lines centred in the text column from `top`; returns the y below them. */
export const center = (doc: Doc, lines: Line[], top: number, set: Setting): number => {
  lines.forEach((l, i) => drawLine(doc, l, TEXT_FRAME.x, top + i * set.pitch, TEXT_FRAME.width, 'center', set));
  return top + lines.length * set.pitch;
};

/** Draw the cover on the current page: organisation and red rule, title block, status box, date. */
export function drawCover(flow: Flow, cover: PdfCoverBlock): void {
  const { doc, fonts } = flow;
  const frame = TEXT_FRAME;
  const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
  const broken = (value: string, set: Setting, bold: boolean, width = frame.width * 0.86): Line[] =>
    value === '' ? [] : breakLines([{ text: value, style: bold ? { bold: true } : {} }], measurer(fonts, set.size), width);

  const org: Setting = { size: 18, pitch: 18 * 1.4, color: COLOR.accent };
  const orgLines = broken(text(cover.organization), org, true);
  let y = 128;
  y = center(doc, orgLines, y, org);
  const ruleY = Math.max(y + 14, 176);
  doc.save().lineWidth(2.2).strokeColor(COLOR.accent).moveTo(frame.x, ruleY).lineTo(frame.x + frame.width, ruleY).stroke();
  doc.lineWidth(0.6).moveTo(frame.x, ruleY + 4).lineTo(frame.x + frame.width, ruleY + 4).stroke().restore();

  const title: Setting = { size: SIZE.coverTitle, pitch: SIZE.coverTitle * 1.45, color: COLOR.heading };
  const sub: Setting = { size: SIZE.coverSubtitle, pitch: SIZE.coverSubtitle * 1.5, color: COLOR.text };
  const year: Setting = { size: SIZE.coverYear, pitch: SIZE.coverYear * 1.5, color: COLOR.text };
  y = center(doc, broken(text(cover.title), title, true), 262, title);
  const subLines = broken(text(cover.subtitle), sub, false);
  if (subLines.length > 0) y = center(doc, subLines, y + 14, sub);
  const yearLines = broken(text(cover.year), year, true);
  if (yearLines.length > 0) y = center(doc, yearLines, y + 22, year);

  const status = Array.isArray(cover.statusLines) ? cover.statusLines.map(text).filter((s) => s !== '') : [];
  const dateSet: Setting = { size: SIZE.coverMeta + 2, pitch: (SIZE.coverMeta + 2) * 1.5, color: COLOR.text };
  const dateLines = broken(text(cover.date), dateSet, false);
  const dateTop = PAGE.height - 150;
  if (status.length > 0) {
    const set: Setting = { size: SIZE.small + 0.5, pitch: (SIZE.small + 0.5) * LEADING.small, color: COLOR.muted };
    const boxW = frame.width * 0.78;
    const boxX = frame.x + (frame.width - boxW) / 2;
    const lines = status.flatMap((s) => breakLines([{ text: s, style: {} }], measurer(fonts, set.size), boxW - 24));
    const boxH = lines.length * set.pitch + 18;
    const boxTop = Math.max(dateTop - 34 - boxH, y + 30);
    doc.save().lineWidth(0.5).rect(boxX, boxTop, boxW, boxH).fillAndStroke('#f7f8fa', COLOR.hairline).restore();
    lines.forEach((l, i) => drawLine(doc, l, boxX + 12, boxTop + 9 + i * set.pitch, boxW - 24, 'left', set));
  }
  center(doc, dateLines, dateTop, dateSet);
}

// One line of text, cut with an ellipsis when wider than `width`: the longest start of it that
// fits with the ellipsis, found by halving (a heading may have 200,000 characters); nothing for
// empty text.
function oneLine(text: string, measure: Measure, width: number): Line | undefined {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length === 0) return undefined;
  const whole = breakLines([{ text: chars.join(''), style: {} }], measure, width);
  if (whole.length === 1) return whole[0];
  const cut = (n: number): Line[] => breakLines([{ text: `${chars.slice(0, n).join('').trimEnd()}…`, style: {} }], measure, width);
  // The longest n < length whose cut fits on one line; 1 if none does.
  let lo = 1;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (cut(mid).length === 1) lo = mid;
    else hi = mid - 1;
  }
  return cut(lo)[0];
}

const FOOTER: Setting = { size: SIZE.running + 0.5, pitch: (SIZE.running + 0.5) * 1.4, color: COLOR.muted };

/**
 * Draw the running header (document title left, current chapter right, a hairline under them)
 * and the footer page number on every page but the cover.
 */
export function drawPageFurniture(flow: Flow, headerText: string): void {
  const doc = flow.doc;
  const { start, count } = doc.bufferedPageRange();
  const set: Setting = { size: SIZE.running, pitch: SIZE.running * 1.4, color: COLOR.muted };
  const measure = measurer(flow.fonts, set.size);
  const chapters = flow.headings.filter((h) => h.level === 1);
  // The header's left part is cut for a portrait page and stays so on a landscape one.
  const left = oneLine(headerText, measure, TEXT_FRAME.width * 0.6);
  const rights = new Map<string, Line | undefined>();
  for (let page = start + 1; page < start + count; page++) {
    doc.switchToPage(page);
    const frame = { x: MARGIN.left, width: doc.page.width - MARGIN.left - MARGIN.right };
    const headerTop = MARGIN.top - 34;
    // The chapter in force at the top of the page.
    let chapter = '';
    for (const h of chapters) if (h.page < page || (h.page === page && h.top <= MARGIN.top + 1)) chapter = h.text;
    if (flow.tocPages.includes(page)) chapter = flow.labels.toc.replace(/\s+/g, '');
    if (!rights.has(chapter)) rights.set(chapter, oneLine(chapter, measure, TEXT_FRAME.width * 0.36));
    const right = rights.get(chapter);
    if (left !== undefined) drawLine(doc, left, frame.x, headerTop, left.width, 'left', set);
    if (right !== undefined) drawLine(doc, right, frame.x + frame.width - right.width, headerTop, right.width, 'left', set);
    const ruleY = headerTop + set.pitch + 3;
    doc.save().lineWidth(0.5).strokeColor(COLOR.hairline).moveTo(frame.x, ruleY).lineTo(frame.x + frame.width, ruleY).stroke().restore();
    const footer = breakLines([{ text: flow.labels.page(page + 1, start + count), style: {} }], measurer(flow.fonts, FOOTER.size), frame.width)[0];
    if (footer !== undefined) drawLine(doc, footer, frame.x, doc.page.height - MARGIN.bottom + 26, frame.width, 'center', FOOTER);
  }
}
