// Low-level drawing on a pdfkit document: fonts by weight, measuring, one broken line of
// rich text, and the status symbols.

import type { Font } from 'fontkit';
import type { PdfFonts } from './fonts.js';
import { isWide, type Line, type Measure } from './text.js';
import { COLOR, TONE_COLOR } from './theme.js';
import type { PdfTone } from './types.js';

/** Names the two embedded weights are registered under. */
export const FONT = { regular: 'cixi-regular', bold: 'cixi-bold' } as const;

export type Doc = PDFKit.PDFDocument;

/** Measure text at `size` points in the embedded fonts. */
export function measurer(fonts: PdfFonts, size: number): Measure {
  return (text, bold) => size * emWidth(bold ? fonts.bold : fonts.regular, text);
}

const widths = new WeakMap<Font, Map<string, number>>();

// Width of text in ems. Full-width text is the sum of its glyphs' advances (no shaping changes
// them); anything else is shaped. Short strings (atoms: a character, a word) are cached for the
// life of the process, as the fonts are.
function emWidth(font: Font, text: string): number {
  let cache = widths.get(font);
  if (cache === undefined) widths.set(font, (cache = new Map()));
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  let units = 0;
  let wide = true;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!isWide(cp)) {
      wide = false;
      break;
    }
    units += font.glyphForCodePoint(cp).advanceWidth;
  }
  if (!wide) units = font.layout(text).advanceWidth;
  const em = units / font.unitsPerEm;
  if (text.length <= 32) cache.set(text, em);
  return em;
}

/** Type size and line pitch (distance between baselines), in points. */
export interface Setting {
  size: number;
  pitch: number;
  color: string;
}

/** Baseline of a line whose box starts at `top`: the ideographic em box is centred in the pitch. */
export function baselineOf(top: number, set: Setting): number {
  return top + set.pitch / 2 + 0.38 * set.size;
}

/** Where a line sits in its width: `justify` spreads all but paragraph-final lines. */
export type LineAlign = 'left' | 'right' | 'center' | 'justify';

/**
 * Draw one broken line with its box top at `top`. Justified lines get extra character spacing
 * (the Chinese way); a line of mostly Latin text, or one that would need more than half an em
 * between characters, stays ragged.
 */
export function drawLine(doc: Doc, line: Line, x: number, top: number, width: number, align: LineAlign, set: Setting): void {
  let cs = 0;
  let left = x;
  const slack = width - line.width;
  if (align === 'right') left = x + slack;
  else if (align === 'center') left = x + slack / 2;
  else if (align === 'justify' && !line.end && line.glyphs > 1 && slack > 0 && line.wide * 2 >= line.glyphs) {
    cs = slack / (line.glyphs - 1);
    if (cs > set.size / 2) cs = 0;
  }
  const baseline = baselineOf(top, set);
  for (const f of line.fragments) {
    const advance = f.width + cs * f.glyphs;
    const drawn = advance - cs;
    if (f.style.code === true) {
      doc.save().roundedRect(left - 1, top + (set.pitch - set.size * 1.3) / 2, drawn + 2, set.size * 1.3, 1.5).fill(COLOR.codeBg).restore();
    }
    const color = f.style.color ?? set.color;
    doc.font(f.style.bold === true ? FONT.bold : FONT.regular).fontSize(set.size).fillColor(color);
    doc.text(f.text, left, baseline, {
      lineBreak: false,
      baseline: 'alphabetic',
      ...(cs > 0 ? { characterSpacing: cs } : {}),
    });
    if (f.style.strike === true) {
      const y = baseline - set.size * 0.3;
      doc.save().lineWidth(0.6).strokeColor(color).moveTo(left, y).lineTo(left + drawn, y).stroke().restore();
    }
    if (f.style.link !== undefined) doc.link(left, top, drawn, set.pitch, f.style.link);
    left += advance;
  }
}

/**
 * Draw the symbol of a status tone centred on (cx, cy), `r` points in radius. Each tone has its
 * own shape so the table reads in black and white: good ● filled, fair ◐ half, warn ○ hollow,
 * bad ▲ filled triangle, none – a dash.
 */
export function drawToneSymbol(doc: Doc, tone: PdfTone, cx: number, cy: number, r: number): void {
  const color = TONE_COLOR[tone];
  doc.save().lineWidth(0.9).fillColor(color).strokeColor(color);
  switch (tone) {
    case 'good':
      doc.circle(cx, cy, r).fill();
      break;
    case 'fair':
      doc.circle(cx, cy, r - 0.45).stroke();
      doc.path(`M ${cx} ${cy - r} A ${r} ${r} 0 0 0 ${cx} ${cy + r} Z`).fill();
      break;
    case 'warn':
      doc.circle(cx, cy, r - 0.45).stroke();
      break;
    case 'bad': {
      const h = r * 1.15;
      doc.polygon([cx, cy - h], [cx + h, cy + h * 0.8], [cx - h, cy + h * 0.8]).fill();
      break;
    }
    case 'none':
      doc.lineWidth(1.2).moveTo(cx - r, cy).lineTo(cx + r, cy).stroke();
      break;
  }
  doc.restore();
}

/** Pick a tone safely from untyped data: anything unknown is `none`. */
export function toneOf(value: unknown): PdfTone {
  return value === 'good' || value === 'fair' || value === 'warn' || value === 'bad' ? value : 'none';
}
