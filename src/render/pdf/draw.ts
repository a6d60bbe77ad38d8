// Low-level drawing on a pdfkit document: fonts by weight, measuring, one broken line of
// rich text, and the status symbols.

import type { Font } from 'fontkit';
import type { PdfFonts } from './fonts.js';
import { hasGlyph, missingGlyphLogs } from './glyphs.js';
import { isWide, type Line, type Measure } from './text.js';
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

// Width of text in ems. Full-width text is the sum of its glyphs' advances (no shaping changes
// them); anything else is shaped. Short strings (atoms: a character, a word) are cached for the
// life of the process, as the fonts are; the last few hundred long shaped ones too.
function emWidth(font: Font, text: string): number {
  let cache = widths.get(font);
  if (cache === undefined) widths.set(font, (cache = new Map()));
  const hit = text.length <= 32 ? cache.get(text) : longWidths.get(font)?.get(text);
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
  if (!wide) {
    const plain = plainUnits(font, text);
    units = plain ?? font.layout(text).advanceWidth;
    if (verify !== null && plain !== undefined && plain !== font.layout(text).advanceWidth) verify(`width of ${JSON.stringify(text)}`);
  }
  const em = units / font.unitsPerEm;
  if (text.length <= 32) cache.set(text, em);
  else if (!wide) {
    let long = longWidths.get(font);
    if (long === undefined) longWidths.set(font, (long = new Map()));
    if (long.size >= 256) long.clear();
    long.set(text, em);
  }
  return em;
}

// Numbers (1,758  58.8%  +29.4) are measured by the hundred thousand and mostly once each.
// Shaped, a string of these characters is as wide as the sum of their advances unless the font
// substitutes or kerns between them; that is checked once per font for every pair, and the
// shortcut is taken only if no pair is touched.
const PLAIN = '0123456789.,%+-()/:';
const plainAdvances = new WeakMap<Font, Map<string, number> | null>();

function plainUnits(font: Font, text: string): number | undefined {
  if (text.length < 2) return undefined;
  let table = plainAdvances.get(font);
  if (table === undefined) plainAdvances.set(font, (table = plainTable(font)));
  if (table === null) return undefined;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const adv = table.get(text[i]!);
    if (adv === undefined) return undefined;
    units += adv;
  }
  return units;
}

function plainTable(font: Font): Map<string, number> | null {
  const table = new Map<string, number>();
  const ids = new Map<string, number>();
  for (const c of PLAIN) {
    const run = font.layout(c);
    if (run.glyphs.length !== 1) return null;
    table.set(c, run.positions[0]!.xAdvance);
    ids.set(c, run.glyphs[0]!.id);
  }
  for (const a of PLAIN) {
    for (const b of PLAIN) {
      const run = font.layout(a + b);
      const [p, q] = run.positions;
      if (run.glyphs.length !== 2 || p === undefined || q === undefined) return null;
      if (run.glyphs[0]!.id !== ids.get(a) || run.glyphs[1]!.id !== ids.get(b)) return null;
      if (p.xAdvance !== table.get(a) || q.xAdvance !== table.get(b) || p.xOffset || p.yOffset || q.xOffset || q.yOffset) return null;
    }
  }
  return table;
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
    setFill(doc, color);
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
  font: { layout(text: string, features?: undefined, script?: string): GlyphRun };
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
}
interface DocInternals {
  _font: PdfkitFont;
  _fontSize: number;
  _fillColor: [string, number | undefined];
  x: number;
  y: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

const num = (n: number): number => Math.round(n * 1e6) / 1e6;

const fills = new Map<string, string>();

// doc.fillColor(color) for a '#rrggbb' colour: the same operators, with the colour parsed once.
function setFill(doc: Doc, color: string): void {
  let ops = fills.get(color);
  if (ops === undefined) {
    if (!/^#[0-9a-f]{6}$/i.test(color)) {
      doc.fillColor(color);
      return;
    }
    const hex = parseInt(color.slice(1), 16);
    ops = `/DeviceRGB cs\n${[hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((part) => part / 255).join(' ')} scn`;
    fills.set(color, ops);
  }
  const d = doc as unknown as DocInternals;
  d.addContent(ops);
  d._fillColor = [color, undefined];
}

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

// Glyphs and positions of one space-delimited word, as pdfkit's font.layoutCached(word) gives
// them. pdfkit shapes (and caches, for the life of the document) every distinct word, which for
// Chinese is every distinct line. A word of full-width characters only (below U+D800) is laid
// out character by character instead: they take their own glyph and advance whatever surrounds
// them (no contextual substitution or kerning in these fonts; emWidth relies on the same). A
// word mixing in Latin is shaped whole, as the script of the run changes how Latin is shaped.
// verifyShaping() checks every such word against whole-word shaping.
function layoutWord(font: PdfkitFont, word: string): GlyphRun {
  let wide = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    // Surrogate pairs (astral ideographs) and everything not full-width go the shaped way.
    if (c >= 0xd800 || !isWide(c)) {
      wide = false;
      break;
    }
  }
  if (!wide) return hanWord(font, word) ?? plainRun(font, word, (ch) => font.layoutCached(ch), 'auto') ?? font.layoutCached(word);
  if (word.length === 1) return font.layoutCached(word);
  const glyphs: Glyph[] = [];
  const positions: GlyphPosition[] = [];
  for (let i = 0; i < word.length; i++) {
    const run = font.layoutCached(word[i]!);
    for (let k = 0; k < run.glyphs.length; k++) {
      glyphs.push(run.glyphs[k]!);
      positions.push(run.positions[k]!);
    }
  }
  if (verify !== null) verifyWord(font, word, glyphs, positions);
  return { glyphs, positions };
}

// A number (or other string of PLAIN_TEXT characters) laid out from its characters' own runs:
// what shaping the whole string gives when the font neither substitutes nor positions any pair
// of these characters in that script. That is checked once per font and script, for every pair;
// if any pair is touched, undefined (shape the whole string).
const PLAIN_TEXT = '0123456789.,%+-()/: ';
const plainPairs = new WeakMap<PdfkitFont, Map<string, boolean>>();

function plainRun(font: PdfkitFont, text: string, single: (ch: string) => GlyphRun, script: 'auto' | 'hani'): GlyphRun | undefined {
  if (text.length < 2) return undefined;
  for (let i = 0; i < text.length; i++) if (!PLAIN_TEXT.includes(text[i]!)) return undefined;
  let checked = plainPairs.get(font);
  if (checked === undefined) plainPairs.set(font, (checked = new Map()));
  let ok = checked.get(script);
  if (ok === undefined) checked.set(script, (ok = pairsUntouched(font, script)));
  if (!ok) return undefined;
  const glyphs: Glyph[] = [];
  const positions: GlyphPosition[] = [];
  for (let i = 0; i < text.length; i++) {
    const run = single(text[i]!);
    if (run.glyphs.length !== 1) return undefined;
    glyphs.push(run.glyphs[0]!);
    positions.push(run.positions[0]!);
  }
  if (verify !== null) verifyWord(font, text, glyphs, positions, script === 'hani' ? 'hani' : undefined);
  return { glyphs, positions };
}

function pairsUntouched(font: PdfkitFont, script: 'auto' | 'hani'): boolean {
  const shape = (t: string): GlyphRun => (script === 'hani' ? font.font.layout(t, undefined, 'hani') : font.font.layout(t));
  const one = new Map<string, GlyphRun>();
  for (const c of PLAIN_TEXT) {
    const run = shape(c);
    if (run.glyphs.length !== 1) return false;
    one.set(c, run);
  }
  for (const a of PLAIN_TEXT) {
    for (const b of PLAIN_TEXT) {
      const run = shape(a + b);
      if (run.glyphs.length !== 2) return false;
      for (const [k, c] of [a, b].entries()) {
        const p = run.positions[k]!;
        const q = one.get(c)!.positions[0]!;
        if (run.glyphs[k]!.id !== one.get(c)!.glyphs[0]!.id) return false;
        if (p.xAdvance !== q.xAdvance || p.yAdvance !== q.yAdvance || p.xOffset !== q.xOffset || p.yOffset !== q.yOffset) return false;
      }
    }
  }
  return true;
}

// Whether fontkit would take a string's script as Han: its first character of a script of its
// own is a CJK ideograph. Characters known to be of no script (punctuation, digits, symbols) may
// come before it; anything else (a Latin letter, kana, an unlisted character) means no.
function hanScript(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return true;
    const neutral =
      (c >= 0x20 && c <= 0x40) ||
      (c >= 0x5b && c <= 0x60) ||
      (c >= 0x7b && c <= 0x7e) ||
      (c >= 0xa0 && c <= 0xbf) ||
      c === 0xd7 ||
      c === 0xf7 ||
      (c >= 0x2010 && c <= 0x2027) ||
      (c >= 0x2030 && c <= 0x205e) ||
      (c >= 0x2190 && c <= 0x22ff) ||
      (c >= 0x3000 && c <= 0x3004) ||
      (c >= 0x3008 && c <= 0x3011) ||
      (c >= 0x3014 && c <= 0x301f) ||
      (c >= 0xff01 && c <= 0xff20) ||
      (c >= 0xff3b && c <= 0xff40) ||
      (c >= 0xff5b && c <= 0xff65);
    if (!neutral) return false;
  }
  return false;
}

const hanRuns = new WeakMap<PdfkitFont, Map<string, GlyphRun>>();

// A part of a Han word shaped as pdfkit's layoutRun does, with the script fontkit would detect
// for the whole word (Han) rather than for the part.
function hanRun(font: PdfkitFont, part: string): GlyphRun {
  let cache = hanRuns.get(font);
  if (cache === undefined) hanRuns.set(font, (cache = new Map()));
  let run = cache.get(part);
  if (run === undefined && part.length > 1) run = plainRun(font, part, (ch) => hanRun(font, ch), 'hani');
  if (run === undefined) {
    run = font.font.layout(part, undefined, 'hani');
    for (let i = 0; i < run.positions.length; i++) {
      const position = run.positions[i]! as unknown as Record<string, number>;
      for (const key in position) position[key]! *= font.scale;
      position.advanceWidth = run.glyphs[i]!.advanceWidth * font.scale;
    }
    if (cache.size >= 100_000) cache.clear();
    cache.set(part, run);
  }
  return run;
}

// A word mixing full-width and other characters whose script is Han (指标112（level）, 58.8%的):
// each full-width character on its own and each run of others, all shaped as Han, which is
// what shaping the whole word gives. Undefined for a word of another script (R&D与…).
function hanWord(font: PdfkitFont, word: string): GlyphRun | undefined {
  if (!hanScript(word)) return undefined;
  const glyphs: Glyph[] = [];
  const positions: GlyphPosition[] = [];
  const add = (part: string): void => {
    const run = hanRun(font, part);
    for (let k = 0; k < run.glyphs.length; k++) {
      glyphs.push(run.glyphs[k]!);
      positions.push(run.positions[k]!);
    }
  };
  let rest = -1;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return undefined;
    if (isWide(c)) {
      if (rest >= 0) add(word.slice(rest, i));
      rest = -1;
      add(word[i]!);
    } else if (rest < 0) rest = i;
  }
  if (rest >= 0) add(word.slice(rest));
  if (verify !== null) verifyWord(font, word, glyphs, positions);
  return { glyphs, positions };
}

function verifyWord(font: PdfkitFont, word: string, glyphs: Glyph[], positions: GlyphPosition[], script?: 'hani'): void {
  let ref = font.layoutRun(word);
  if (script !== undefined) {
    ref = font.font.layout(word, undefined, script);
    ref.positions.forEach((p, i) => {
      const q = p as unknown as Record<string, number>;
      for (const key in q) q[key]! *= font.scale;
      p.advanceWidth = ref.glyphs[i]!.advanceWidth * font.scale;
    });
  }
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
        if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
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
