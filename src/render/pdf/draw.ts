// Low-level drawing on a pdfkit document: fonts by weight, measuring, one broken line of
// rich text, and the status symbols.

import type { Font } from 'fontkit';
import type { PdfFonts } from './fonts.js';
import { hasGlyph, missingGlyphLogs } from './glyphs.js';
import { plainText } from './shaping.js';
import type { Line, Measure } from './text.js';
import { COLOR, TONE_COLOR } from './theme.js';
import type { PdfTone } from './types.js';

/** Names the two embedded weights are registered under. */
export const FONT = { regular: 'cixi-regular', bold: 'cixi-bold' } as const;

export type Doc = PDFKit.PDFDocument;

/** Measure text at `size` points in the embedded fonts. */
export function measurer(fonts: PdfFonts, size: number): Measure {
  // One function per fonts and size, so that breakLines can cache by it.
  let sizes = measurers.get(fonts);
  if (sizes === undefined) measurers.set(fonts, (sizes = new Map()));
  let m = sizes.get(size);
  if (m === undefined) {
    m = (text, bold) => size * emWidth(bold ? fonts.bold : fonts.regular, text);
    m.covers = (cp, bold) => hasGlyph(bold ? fonts.bold : fonts.regular, cp);
    sizes.set(size, m);
  }
  return m;
}

const measurers = new WeakMap<PdfFonts, Map<number, Measure>>();

const widths = new WeakMap<Font, Map<string, number>>();

// Long shaped strings measured lately. Shaping a 200,000-letter word takes two seconds, and
// every pass over its table measures it again.
const longWidths = new WeakMap<Font, Map<string, number>>();

// Width of text in ems, as fontkit shapes it: the hmtx advances of the pieces shaping provably
// leaves alone (shaping.ts) and the shaped width of the others. Short strings (atoms: a
// character, a word) are cached for the life of the process, as the fonts are; the last few
// hundred long ones too.
function emWidth(font: Font, text: string): number {
  let cache = widths.get(font);
  if (cache === undefined) widths.set(font, (cache = new Map()));
  const short = text.length <= 32;
  const hit = short ? cache.get(text) : longWidths.get(font)?.get(text);
  if (hit !== undefined) return hit;
  const pieces = plainText(font).pieces(text);
  let units = 0;
  if (pieces === undefined) units = font.layout(text).advanceWidth;
  else {
    // Font units are integers: the sum is exact in any order.
    for (const p of pieces) {
      if (p.shape === null) for (const c of p.chars) units += c.advance;
      else units += shapedPiece(font, p.text, p.shape).advanceWidth;
    }
    if (verify !== null && units !== font.layout(text).advanceWidth) verify(`width of ${JSON.stringify(text)}`);
  }
  const em = units / font.unitsPerEm;
  if (short) cache.set(text, em);
  else {
    let long = longWidths.get(font);
    if (long === undefined) longWidths.set(font, (long = new Map()));
    if (long.size >= 256) long.clear();
    long.set(text, em);
  }
  return em;
}

const shapedPieces = new WeakMap<Font, Map<string, FontkitRun>>();

interface FontkitRun {
  glyphs: Glyph[];
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>;
  advanceWidth: number;
}

// A piece of a word shaped with the script detected for the whole word, in font units;
// cached for the life of the process. Never modified once made.
function shapedPiece(font: Font, text: string, script: string): FontkitRun {
  let cache = shapedPieces.get(font);
  if (cache === undefined) shapedPieces.set(font, (cache = new Map()));
  const key = `${script}|${text}`;
  let run = cache.get(key);
  if (run === undefined) {
    // Laid out here where shaping.ts can do it as fontkit would; anything else, by fontkit.
    const shaped = plainText(font).shaped(text, script) ?? (font as unknown as { layout(t: string, f: undefined, script: string): FontkitRun }).layout(text, undefined, script);
    run = { glyphs: shaped.glyphs, positions: shaped.positions, advanceWidth: shaped.advanceWidth };
    if (cache.size >= 50_000) cache.clear();
    cache.set(key, run);
  }
  return run;
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
    doc.font(f.style.bold === true ? FONT.bold : FONT.regular).fontSize(set.size);
    // A '#rrggbb' colour's operators are made once per document (typeset.ts cacheColors).
    doc.fillColor(color);
    emitText(doc, f.text, left, baseline, cs);
    if (f.style.strike === true) {
      const y = baseline - set.size * 0.3;
      doc.save().lineWidth(0.6).strokeColor(color).moveTo(left, y).lineTo(left + drawn, y).stroke().restore();
    }
    if (f.style.link !== undefined) doc.link(left, top, drawn, set.pitch, f.style.link);
    if (f.style.missing !== undefined) {
      // The box sits inside the no-break spaces around the code point.
      const inset = 0.1 * set.size;
      doc.save().lineWidth(0.5).strokeColor(COLOR.accent)
        .roundedRect(left + inset, top + (set.pitch - set.size * 1.25) / 2, drawn - 2 * inset, set.size * 1.25, 1.5).stroke().restore();
      logMissing(doc, line, f.style.missing);
    }
    left += advance;
  }
}

// Tell the document's log that a character was drawn as its code point, with its line as context.
function logMissing(doc: Doc, line: Line, cp: number): void {
  const log = missingGlyphLogs.get(doc);
  if (log === undefined) return;
  const context = line.fragments.map((f) => (f.style.missing !== undefined ? String.fromCodePoint(f.style.missing) : f.text)).join('');
  log.add(cp, context);
}

// The parts of pdfkit's document and font objects that emitText uses.
interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface GlyphRun {
  glyphs: Glyph[];
  positions: GlyphPosition[];
}
interface PdfkitFont {
  id: string;
  ref(): unknown;
  layoutCached(text: string): GlyphRun;
  layoutRun(text: string): GlyphRun;
  font: { layout(text: string): GlyphRun };
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
}
interface DocInternals {
  _font: PdfkitFont;
  _fontSize: number;
  x: number;
  y: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/** Where shortcut-versus-shaped differences go while verification is on (tests turn it on). */
let verify: ((difference: string) => void) | null = null;

/**
 * Check every shortcut (words laid out from cached characters, numbers from per-character
 * advances) against shaping the whole word, as pdfkit would, and report each difference to
 * `report`; null turns the check off. It makes typesetting slower: tests only.
 */
export function verifyShaping(report: ((difference: string) => void) | null): void {
  verify = report;
}

// Positions of glyphs set without shaping, per font and glyph: what pdfkit's layoutRun makes of
// fontkit's (its scale applied to the hmtx advance, no offsets). Never modified once made.
const plainPositions = new WeakMap<PdfkitFont['font'], Map<number, GlyphPosition>>();

// Glyphs and positions of one space-delimited word, as pdfkit's font.layoutCached(word) gives
// them. pdfkit shapes (and caches, for the life of the document) every distinct word, which for
// Chinese is every distinct line. Instead, the pieces of a word that shaping provably leaves
// alone (shaping.ts: cmap glyphs, hmtx advances) are set from per-character glyphs, and the
// others shaped on their own with the word's script (cached for the process); a word the
// module cannot reason about is shaped whole, as pdfkit does. verifyShaping() checks every word
// set the short way against shaping it whole.
function layoutWord(font: PdfkitFont, word: string): GlyphRun {
  const pieces = plainText(font.font as unknown as Font).pieces(word);
  if (pieces === undefined) return font.layoutCached(word);
  let cache = plainPositions.get(font.font);
  if (cache === undefined) plainPositions.set(font.font, (cache = new Map()));
  const glyphs: Glyph[] = [];
  const positions: GlyphPosition[] = [];
  for (const piece of pieces) {
    if (piece.shape !== null) {
      const run = shapedPiece(font.font as unknown as Font, piece.text, piece.shape);
      for (let k = 0; k < run.glyphs.length; k++) {
        const glyph = run.glyphs[k]!;
        const q = run.positions[k]!;
        // pdfkit's layoutRun: every field scaled, and the glyph's own advance.
        glyphs.push(glyph);
        positions.push({
          xAdvance: q.xAdvance * font.scale,
          yAdvance: q.yAdvance * font.scale,
          xOffset: q.xOffset * font.scale,
          yOffset: q.yOffset * font.scale,
          advanceWidth: glyph.advanceWidth * font.scale,
        });
      }
      continue;
    }
    for (const c of piece.chars) {
      let p = cache.get(c.id);
      if (p === undefined) {
        const advance = c.advance * font.scale;
        cache.set(c.id, (p = { xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance }));
      }
      glyphs.push(c.glyph);
      positions.push(p);
    }
  }
  if (verify !== null) verifyWord(font, word, glyphs, positions);
  return { glyphs, positions };
}

function verifyWord(font: PdfkitFont, word: string, glyphs: Glyph[], positions: GlyphPosition[]): void {
  const ref = font.layoutRun(word);
  const same =
    ref.glyphs.length === glyphs.length &&
    ref.glyphs.every((g, k) => g.id === glyphs[k]!.id) &&
    ref.positions.every((p, k) => {
      const q = positions[k]!;
      return p.xAdvance === q.xAdvance && p.yAdvance === q.yAdvance && p.xOffset === q.xOffset && p.yOffset === q.yOffset && p.advanceWidth === q.advanceWidth;
    });
  if (!same) verify?.(`glyphs of ${JSON.stringify(word)}`);
}

// Four-digit hex of a subset glyph id.
const HEX: string[] = [];

// pdfkit's font.encode(text): the words (each with the space or tab that ends it) laid out,
// their glyphs added to the subset, hex glyph ids and positions returned.
function encode(font: PdfkitFont, text: string): [string[], GlyphPosition[]] {
  const hex: string[] = [];
  const positions: GlyphPosition[] = [];
  let last = 0;
  for (let index = 0; index <= text.length; ) {
    const c = text.charCodeAt(index);
    if ((index === text.length && last < index) || c === 32 || c === 9) {
      const run = layoutWord(font, text.slice(last, ++index));
      for (let k = 0; k < run.glyphs.length; k++) {
        const glyph = run.glyphs[k]!;
        const gid = font.subset.includeGlyph(glyph.id);
        hex.push(HEX[gid] ?? (HEX[gid] = `0000${gid.toString(16)}`.slice(-4)));
        // The position's advanceWidth is pdfkit's glyph.advanceWidth * scale, without decoding the glyph.
        if (font.widths[gid] == null) font.widths[gid] = run.positions[k]!.advanceWidth;
        if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
        positions.push(run.positions[k]!);
      }
      last = index;
    } else index++;
  }
  return [hex, positions];
}

/**
 * Write `text` at (x, baseline) in the current font, size and fill colour: the same content
 * operators, byte for byte, as pdfkit's `doc.text(text, x, baseline, { lineBreak: false,
 * baseline: 'alphabetic', characterSpacing })` writes, without its option handling and its two
 * extra width measurements per call, and as one content write instead of a dozen.
 */
function emitText(doc: Doc, text: string, x: number, baseline: number, characterSpacing: number): void {
  if (text.length === 0) return;
  const d = doc as unknown as DocInternals;
  d.x = x;
  d.y = baseline;
  const font = d._font;
  const size = d._fontSize;
  const page = d.page;
  // pdfkit: save(), flip the y axis, text object, restore(). The CTM it tracks ends unchanged.
  const y = page.height - baseline - 0;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  let out = `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(y)} Tm\n/${font.id} ${num(size)} Tf`;
  if (characterSpacing) out += `\n${num(characterSpacing)} Tc`;
  const [encoded, positions] = encode(font, text);
  const scale = size / 1000;
  let commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  let cx = x;
  const addSegment = (cur: number): void => {
    if (last < cur) {
      const hex = encoded.slice(last, cur).join('');
      const p = positions[cur - 1]!;
      commands.push(`<${hex}> ${num(-(p.xAdvance - p.advanceWidth))}`);
    }
    last = cur;
  };
  const flush = (i: number): void => {
    addSegment(i);
    if (commands.length > 0) {
      out += `\n[${commands.join(' ')}] TJ`;
      commands = [];
    }
  };
  let i = 0;
  for (; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      out += `\n1 0 0 1 ${num(cx + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`;
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out += `\n1 0 0 1 ${num(cx)} ${num(y)} Tm`;
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    cx += pos.xAdvance * scale;
  }
  flush(i);
  d.addContent(`${out}\nET\nQ`);
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
