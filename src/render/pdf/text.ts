// Rich text: styled runs, line breaking for mixed Chinese and Latin text (break between
// ideographs, keep Latin words and numbers whole, keep closing punctuation off the start of a
// line and opening punctuation off its end), and drawing a broken line onto the page. A
// character the font lacks is set as its code point, in a box (glyphs.ts).

import { isIgnorable, missingGlyphText } from './glyphs.js';

/** How a run looks. Colours are CSS hex strings. */
export interface TextStyle {
  bold?: boolean;
  color?: string;
  /** Inline code: drawn on a light grey background. */
  code?: boolean;
  strike?: boolean;
  /** External link target. */
  link?: string;
  /** Set in place of this code point, which the font lacks: the text is its `U+…` name, boxed. */
  missing?: number;
  /** Never broken inside (a short bracket beside a figure, "（2022年）"), unless wider than a line. */
  nobreak?: boolean;
}

/** A stretch of text in one style. A run's text contains "\n" only as a hard line break. */
export interface Run {
  text: string;
  style: TextStyle;
}

/** A same-styled piece of a broken line, with its natural width in points. */
export interface Fragment {
  text: string;
  style: TextStyle;
  width: number;
  /** Code points, which is what character spacing is added after. */
  glyphs: number;
}

export interface Line {
  fragments: Fragment[];
  /** Natural width in points, trailing space excluded. */
  width: number;
  glyphs: number;
  /** Wide (CJK) code points in the line. */
  wide: number;
  /** Last line of its paragraph or followed by a hard break: never justified. */
  end: boolean;
}

/**
 * Width in points of `text` in the given weight, at the size being broken for; with `covers`,
 * whether the font has a glyph for a code point (without it, every character counts as covered).
 */
export type Measure = ((text: string, bold: boolean) => number) & { covers?: (cp: number, bold: boolean) => boolean };

// Characters that may not begin a line (closing punctuation, 行首禁则).
const NO_START = new Set(
  Array.from('，。、；：！？）》」』】〕〉’”…—％‰·‐–,.;:!?)]}%°℃・ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ'),
);
// Characters that may not end a line (opening punctuation, 行尾禁则).
const NO_END = new Set(Array.from('（《「『【〔〈‘“([{￥$'));

/** Whether a code point is set as a full-width character (ideographs, kana, CJK punctuation). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x2014 ||
    cp === 0x2026 ||
    (cp >= 0x2018 && cp <= 0x201f)
  );
}

// A line may break between a and b (b directly follows a; spaces are handled by the caller).
function canBreak(a: string, b: string): boolean {
  if (NO_START.has(b) || NO_END.has(a)) return false;
  return isWide(a.codePointAt(0)!) || isWide(b.codePointAt(0)!);
}

/**
 * Turn a Markdown soft line break into nothing between Chinese characters and into a space
 * elsewhere, as browsers do for zh text.
 */
export function softBreaks(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, (match, offset: number, whole: string) => {
    const before = whole.codePointAt(Math.max(0, offset - 1)) ?? 0;
    const after = whole.codePointAt(offset + match.length) ?? 0;
    return offset > 0 && isWide(before) && isWide(after) ? '' : ' ';
  });
}

interface Piece {
  text: string;
  style: TextStyle;
}

interface MeasuredPiece extends Piece {
  width: number;
}

// An unbreakable unit: its pieces, then the collapsible space after it (if any).
interface Atom {
  pieces: Piece[];
  space: Piece | null;
  hard: boolean;
}

// Split runs into atoms at every break opportunity; collapse runs of spaces into one. A
// character the font lacks is an atom of its own, its code point in its place.
function atomize(runs: Run[], covers: Measure['covers']): Atom[] {
  const atoms: Atom[] = [];
  let atom: Atom = { pieces: [], space: null, hard: false };
  let prev = '';
  // The atom holds a missing character: what follows starts a new one.
  let closed = false;
  const flush = (): void => {
    if (atom.pieces.length > 0) atoms.push(atom);
    atom = { pieces: [], space: null, hard: false };
    closed = false;
  };
  for (const run of runs) {
    // Inside a run kept whole, only its first character may start an atom.
    const whole = run.style.nobreak === true;
    let first = true;
    for (const ch of run.text) {
      const opening = first;
      first = false;
      if (ch === '\n') {
        flush();
        atoms.push({ pieces: [], space: null, hard: true });
        prev = '';
        continue;
      }
      const c = ch === '\t' || ch === '\r' ? ' ' : ch;
      if (c === ' ') {
        if (prev !== '' && prev !== ' ' && atom.pieces.length > 0) atom.space = { text: ' ', style: run.style };
        prev = ' ';
        continue;
      }
      if (covers !== undefined && !covers(c.codePointAt(0)!, run.style.bold === true)) {
        if (isIgnorable(c)) continue;
        flush();
        const cp = c.codePointAt(0)!;
        atom.pieces.push({ text: missingGlyphText(cp), style: { ...run.style, missing: cp } });
        closed = true;
        prev = c;
        continue;
      }
      if (atom.space !== null || closed || (prev !== '' && atom.pieces.length > 0 && (!whole || opening) && canBreak(prev, c))) flush();
      const last = atom.pieces[atom.pieces.length - 1];
      if (last !== undefined && last.style === run.style) last.text += c;
      else atom.pieces.push({ text: c, style: run.style });
      prev = c;
    }
  }
  flush();
  return atoms;
}

/**
 * Break runs into lines: the first line is `firstWidth` wide, the others `width` (a first-line
 * indent is a narrower first line). Always returns at least one line.
 */
export function breakLines(runs: Run[], measure: Measure, width: number, firstWidth = width): Line[] {
  // Labels, axis ticks, table cells and the like repeat thousands of times: a single short run
  // is broken once per measure (type size), width and style. Lines are never modified after
  // breaking; the array is copied because callers may add to it.
  const run = runs.length === 1 ? runs[0]! : undefined;
  if (run === undefined || run.text.length > 96) return breakUncached(runs, measure, width, firstWidth);
  // By width and first width as numbers (writing a fractional width out as text cost more than
  // the lookup), then by style, then by the text itself (a string hashes once).
  let held = lineCache.get(measure);
  if (held === undefined) lineCache.set(measure, (held = { size: 0, byWidth: new Map() }));
  let byFirst = held.byWidth.get(width);
  if (byFirst === undefined) held.byWidth.set(width, (byFirst = new Map()));
  let byStyle = byFirst.get(firstWidth);
  if (byStyle === undefined) byFirst.set(firstWidth, (byStyle = new Map()));
  const st = run.style;
  const style = `${st.bold === true ? 1 : 0}${st.code === true ? 1 : 0}${st.strike === true ? 1 : 0}${st.nobreak === true ? 1 : 0}|${st.color ?? ''}|${st.link ?? ''}`;
  let byText = byStyle.get(style);
  if (byText === undefined) byStyle.set(style, (byText = new Map()));
  let lines = byText.get(run.text);
  if (lines === undefined) {
    if (++held.size > 20_000) {
      held.size = 1;
      held.byWidth.clear();
      held.byWidth.set(width, (byFirst = new Map()));
      byFirst.set(firstWidth, (byStyle = new Map()));
      byStyle.set(style, (byText = new Map()));
    }
    byText.set(run.text, (lines = breakUncached(runs, measure, width, firstWidth)));
  }
  return lines.slice();
}

// Per measure: lines by width, first width, style and text; cleared past 20,000 of them.
const lineCache = new WeakMap<Measure, { size: number; byWidth: Map<number, Map<number, Map<string, Map<string, Line[]>>>> }>();

function breakUncached(runs: Run[], measure: Measure, width: number, firstWidth: number): Line[] {
  const lines: Line[] = [];
  const measured = (p: Piece): MeasuredPiece => ({ text: p.text, style: p.style, width: measure(p.text, p.style.bold === true) });
  let pieces: MeasuredPiece[] = [];
  let used = 0;
  let pendingSpace: Piece | null = null;
  const limit = (): number => (lines.length === 0 ? firstWidth : width);
  const finish = (end: boolean): void => {
    lines.push(compose(pieces, end));
    pieces = [];
    used = 0;
    pendingSpace = null;
  };
  // Place an atom; one too wide for a line of its own is placed character by character.
  const place = (atom: Atom): void => {
    const atomPieces = atom.pieces.map(measured);
    const w = atomPieces.reduce((sum, p) => sum + p.width, 0);
    const space = pendingSpace === null ? null : measured(pendingSpace);
    const spaceW = space?.width ?? 0;
    if (pieces.length > 0 && used + spaceW + w > limit() + 0.01) {
      finish(false);
    }
    if (pieces.length === 0 && w > limit() + 0.01 && longerThanOne(atom)) {
      placeByCharacter(atom);
      return;
    }
    if (pieces.length > 0 && space !== null) {
      pieces.push(space);
      used += spaceW;
    }
    for (const p of atomPieces) pieces.push(p);
    used += w;
    pendingSpace = atom.space;
  };
  // An atom too wide for any line, set character by character from the start of a line: a
  // line breaks before the character that does not fit. A word may have 200,000 characters, so
  // the characters of one style are gathered into the line's last piece as they come (as
  // compose would join them, adding the same widths in the same order) rather than each made
  // a piece, or an atom, of its own.
  const placeByCharacter = (atom: Atom): void => {
    let last: MeasuredPiece | undefined;
    for (const piece of atom.pieces) {
      const bold = piece.style.bold === true;
      for (const ch of piece.text) {
        const w = measure(ch, bold);
        if (pieces.length > 0 && used + w > limit() + 0.01) {
          finish(false);
          last = undefined;
        }
        if (last !== undefined && sameStyle(last.style, piece.style)) {
          last.text += ch;
          last.width += w;
        } else pieces.push((last = { text: ch, style: piece.style, width: w }));
        used += w;
      }
    }
    pendingSpace = atom.space;
  };
  for (const atom of atomize(runs, measure.covers)) {
    if (atom.hard) finish(true);
    else place(atom);
  }
  if (pieces.length > 0 || lines.length === 0) finish(true);
  return lines;
}

/** The pieces of runs a line never breaks inside (words, numbers, 避头尾 groups), with their widths. */
export function unbreakable(runs: Run[], measure: Measure): Array<{ text: string; width: number }> {
  return atomize(runs, measure.covers).map((atom) => ({
    text: atom.pieces.map((p) => p.text).join(''),
    width: atom.pieces.reduce((sum, p) => sum + measure(p.text, p.style.bold === true), 0),
  }));
}

// Whether an atom has more than one character (code point).
function longerThanOne(atom: Atom): boolean {
  let n = 0;
  for (const p of atom.pieces) for (const _ of p.text) if (++n > 1) return true;
  return false;
}

// Merge same-styled neighbours into fragments (a fragment is as wide as its pieces: no kerning
// applies across a break opportunity).
function compose(pieces: MeasuredPiece[], end: boolean): Line {
  const fragments: Fragment[] = [];
  for (const p of pieces) {
    const last = fragments[fragments.length - 1];
    if (last !== undefined && sameStyle(last.style, p.style)) {
      last.text += p.text;
      last.width += p.width;
    } else fragments.push({ text: p.text, style: p.style, width: p.width, glyphs: 0 });
  }
  let width = 0;
  let glyphs = 0;
  let wide = 0;
  for (const f of fragments) {
    // Code points, as `for (const ch of f.text)` counts them, without a string for each.
    const text = f.text;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      f.glyphs++;
      if (isWide(cp)) wide++;
    }
    width += f.width;
    glyphs += f.glyphs;
  }
  return { fragments, width, glyphs, wide, end };
}

// Each character set as its code point keeps a fragment (and a box) of its own.
function sameStyle(a: TextStyle, b: TextStyle): boolean {
  if (a.missing !== undefined || b.missing !== undefined) return false;
  return (
    a === b ||
    (a.bold === b.bold && a.color === b.color && a.code === b.code && a.strike === b.strike && a.link === b.link)
  );
}

/** The text of runs, hard breaks as spaces. */
export function plainText(runs: Run[]): string {
  return runs
    .map((r) => r.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
