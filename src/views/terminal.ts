// Text from the plan on its way to a terminal, a CI log or an annotation: control
// characters and bidi controls shown visibly, never raw, and widths measured in
// display columns on bounded slices only (Intl.Segmenter takes time quadratic in the
// length of the string it is given).

import emojiRegex from 'emoji-regex';
import { eastAsianWidth } from 'get-east-asian-width';
import stripAnsi from 'strip-ansi';

// C0, DEL, C1; the bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069);
// the Unicode line and paragraph separators, which some viewers take as line breaks.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code >= 0x2000) return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  return SHORT[ch] ?? `\\u{${code.toString(16)}}`;
}

/**
 * Show the control characters and bidi controls of plan-derived text visibly:
 * ESC as `\u{1b}`, a newline as `\n`, a tab as `\t`, U+202E as `<U+202E>`. Only plan
 * text goes through here: our own newlines and colours are added afterwards.
 */
export function escapeTerminal(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, visible) : text;
}

/** escapeTerminal line by line: the line breaks of a message of several lines stay breaks. */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeTerminal).join('\n');
}

/**
 * A copy of plain data (objects, arrays, strings, numbers) with every string passed
 * through escapeTerminal; keys are kept. For views that lay out a whole model of
 * plan-derived text: escape it once on the way in, then measure and colour.
 */
export function escapePlanText<T>(value: T): T {
  // Almost always nothing to escape: then the value itself, not a copy of a model of
  // thousands of indicators (a second of copying and collecting at 10,000).
  return holdsUnsafe(value) ? escapedCopy(value) : value;
}

// Whether a string in plain data holds a character escapeTerminal would change.
function holdsUnsafe(value: unknown): boolean {
  if (typeof value === 'string') return UNSAFE.test(value);
  if (Array.isArray(value)) return value.some(holdsUnsafe);
  if (value !== null && typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    for (const key in value) if (holdsUnsafe((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

function escapedCopy<T>(value: T): T {
  if (typeof value === 'string') return escapeTerminal(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => escapedCopy(v)) as T;
  if (value !== null && typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapedCopy(v)])) as T;
  }
  return value;
}

// Made on first use: the first Intl.Segmenter of a process loads ICU's break rules (13 ms),
// which most runs never need (see SIMPLE).
let segmenterMade: Intl.Segmenter | undefined;
const segmenter = (): Intl.Segmenter => (segmenterMade ??= new Intl.Segmenter());

/** A grapheme of a text: its characters and its 0-based UTF-16 offset in the text. */
export interface Grapheme {
  text: string;
  index: number;
}

/**
 * The graphemes of text[from, to), segmented on that slice only. A grapheme cut by
 * either end of the slice comes out in pieces; callers mark the cut ends anyway.
 */
export function graphemesOf(text: string, from = 0, to = text.length): Grapheme[] {
  const out: Grapheme[] = [];
  const slice = text.slice(from, to);
  // Characters that each stand alone (SIMPLE, below) are their own graphemes: no need for the
  // segmenter, which costs about a microsecond a character.
  if (SIMPLE.test(slice)) {
    for (let i = 0; i < slice.length; i++) out.push({ text: slice[i]!, index: from + i });
    return out;
  }
  for (const s of segmenter().segment(slice)) out.push({ text: s.segment, index: from + s.index });
  return out;
}

// Characters each of which is a grapheme of its own whatever surrounds it (Grapheme_Cluster_Break
// Other: no mark, joiner, variation selector, jamo, emoji or control), in the blocks plan text
// is written in: ASCII, Latin, general punctuation, CJK symbols, kana, CJK ideographs, fullwidth
// and halfwidth forms. Left out on purpose: U+00A9 ©, U+00AE ® (emoji), U+00AD (ignorable),
// U+203C ‼, U+2049 ⁉, U+3030 〰, U+303D 〽 (emoji), U+302A–F, U+3099–A, U+FF9E–F (marks).
const SIMPLE = /^[\x20-\x7e\xa0-\xa8\xaa-\xac\xaf-\u02ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e\u3000-\u3029\u3031-\u303c\u303e\u303f\u3041-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9d\uffe0-\uffe6]*$/;
const charWidths = new Map<number, number>();

const DEFAULT_IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
// emoji-regex's pattern without its `g` flag, so that one object can test any number of texts.
const EMOJI = new RegExp(emojiRegex().source, emojiRegex().flags.replace('g', ''));

// The columns of one grapheme, as string-width 7 counts them (its code, without its module-level
// Intl.Segmenter): controls, zero-width characters, combining marks, lone surrogates, variation
// selectors and default ignorables take none; an emoji two; else the East Asian width, ambiguous
// characters narrow. test/terminal-escape.test.ts holds columns() to string-width itself.
function graphemeColumns(grapheme: string): number {
  const cp = grapheme.codePointAt(0)!;
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return 0;
  if ((cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) return 0;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f)) {
    return 0;
  }
  if (cp >= 0xd800 && cp <= 0xdfff) return 0;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return 0;
  if (DEFAULT_IGNORABLE.test(grapheme)) return 0;
  if (EMOJI.test(grapheme)) return 2;
  return eastAsianWidth(cp, { ambiguousAsWide: false });
}

// string-width's measure of a text: ANSI escapes stripped, the sum over its graphemes.
function stringWidth(text: string): number {
  const plain = stripAnsi(text);
  let width = 0;
  for (const { segment } of segmenter().segment(plain)) width += graphemeColumns(segment);
  return width;
}

/** The width of a short text in terminal columns (wide characters count 2). */
export function columns(text: string): number {
  // Text of characters that stand alone: the sum of their widths, each measured once (no
  // segmenter needed: each character is a grapheme).
  if (SIMPLE.test(text)) {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x7f) {
        width += 1;
        continue;
      }
      let w = charWidths.get(code);
      if (w === undefined) charWidths.set(code, (w = graphemeColumns(text[i]!)));
      width += w;
    }
    return width;
  }
  return stringWidth(text);
}

/**
 * Cut `text` to at most `width` columns, ending it with `…` when cut. Looks at no more
 * of the text than the width can show, so a name of any length costs the same.
 */
export function truncate(text: string, width: number): string {
  // A column takes at most a few UTF-16 units (an emoji sequence up to ~11): read a bounded prefix.
  const limit = Math.min(text.length, 12 * width + 16);
  const head = text.slice(0, limit);
  if (limit === text.length && columns(head) <= width) return text;
  let shown = '';
  let used = 0;
  for (const g of graphemesOf(head)) {
    const w = columns(g.text);
    if (used + w > width - 1) break;
    shown += g.text;
    used += w;
  }
  return shown + '…';
}
