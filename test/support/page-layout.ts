// Where the text of a PDF lands, read back with pdf.js as a viewer does: each page's lines of
// body text (between the running header and the footer), with their baseline, type size and
// text, and the page's text in content order. For checks of page breaks.

import type { PDFDocumentProxy } from './pdfjs.js';
import { squash } from './read-pdf.js';

/** A line of text: items sharing a baseline. */
export interface TextLine {
  /** Baseline in points from the top of the page. */
  y: number;
  /** Largest type size on the line, in points. */
  size: number;
  text: string;
}

export interface PageLayout {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  /** Lines of the text area, top to bottom. */
  lines: TextLine[];
  /** All the page's text in content order, whitespace removed (as pageTexts gives it). */
  text: string;
}

/** The text area's margins (src/render/pdf/theme.ts): the running header above, the footer below. */
const TOP = 70;
const BOTTOM = 66;

/** The lines of every page's text area. */
export async function pageLayouts(doc: PDFDocumentProxy): Promise<PageLayout[]> {
  const pages: PageLayout[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const width = x1 - x0;
    const height = y1 - y0;
    const content = await page.getTextContent();
    const byBaseline = new Map<number, TextLine>();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str;
      if (item.str.trim() === '') continue;
      const [a, b, , , , f] = item.transform as number[];
      const y = height - f!;
      if (y < TOP - 2 || y > height - BOTTOM + 2) continue;
      const key = Math.round(y);
      const line = byBaseline.get(key) ?? { y, size: 0, text: '' };
      line.size = Math.max(line.size, Math.hypot(a!, b!));
      line.text += item.str;
      byBaseline.set(key, line);
    }
    const lines = [...byBaseline.values()].sort((p, q) => p.y - q.y);
    pages.push({ page: n, width, height, lines, text: squash(text) });
  }
  return pages;
}
