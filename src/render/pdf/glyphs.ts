// Characters the embedded font lacks. Noto Sans SC has no emoji, Hangul, Thai, Arabic or CJK
// Extension B: pdfkit would draw its empty .notdef glyph, which no reader can copy, so the
// character silently vanished. Instead the line breaker sets such a character as its code point
// (`U+1F600`) in a box, and what is drawn that way is collected for the caller's warning.

import type { Font } from 'fontkit';
import { cmapFromBytes } from './cmap.js';

/** Whether a font has a glyph for a code point (cached per font: asked once per character set). */
export function hasGlyph(font: Font, cp: number): boolean {
  let known = coverage.get(font);
  if (known === undefined) coverage.set(font, (known = new Map()));
  const has = known.get(cp);
  if (has !== undefined) return has;
  // font.hasGlyphForCodePoint(cp), from the cmap's bytes where they can be read (cmap.ts).
  const fromBytes = cmapFromBytes(font);
  const found = fromBytes === null ? font.hasGlyphForCodePoint(cp) : fromBytes(cp) !== 0;
  known.set(cp, found);
  return found;
}

const coverage = new WeakMap<Font, Map<number, boolean>>();

const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/**
 * Whether a character has no visible form of its own (zero-width joiner, variation selector,
 * byte-order mark, …): one the font lacks is left out rather than boxed, as a browser does.
 */
export function isIgnorable(ch: string): boolean {
  return IGNORABLE.test(ch);
}

/** `U+1F600`: a code point as it is written in place of a glyph the font lacks. */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text set, boxed, in place of a character the font lacks: its code point between no-break spaces. */
export function missingGlyphText(cp: number): string {
  return `\u00a0${codePointName(cp)}\u00a0`;
}

/** Characters first drawn as code points in one part of the document, and the line around the first. */
export interface MissingGlyphs {
  /** Code points, in the order first met. */
  codePoints: number[];
  /** Where: `section “…”`, `the cover`, … (as set by the typesetter while drawing). */
  where: string;
  /** The line the first of them was drawn on, with the characters themselves in place. */
  context: string;
}

/** What the typesetter found missing while drawing one document. */
export class MissingGlyphLog {
  /** Where drawing is now; set by the typesetter as it goes. */
  where = 'the cover';
  private readonly seen = new Set<number>();
  private readonly groups: MissingGlyphs[] = [];

  /** Note that `cp` was drawn as a code point on a line reading `context`. */
  add(cp: number, context: string): void {
    if (this.seen.has(cp)) return;
    this.seen.add(cp);
    const last = this.groups[this.groups.length - 1];
    if (last !== undefined && last.where === this.where) last.codePoints.push(cp);
    else this.groups.push({ codePoints: [cp], where: this.where, context });
  }

  /** Each character once, grouped by the place it was first met, in document order. */
  found(): MissingGlyphs[] {
    return this.groups.map((g) => ({ ...g, codePoints: [...g.codePoints] }));
  }
}

/** The log of each document being drawn, for drawLine (which is given only the document). */
export const missingGlyphLogs = new WeakMap<object, MissingGlyphLog>();
