// Text that needs no shaping. fontkit shapes every word it is given: it picks a script, builds
// a shaping plan and runs each OpenType lookup of the default features over the glyphs. For
// Noto Sans SC almost nothing happens to Chinese text, numbers or most Latin words: the glyphs
// are the cmap's and the advances hmtx's. This module proves that per word from the font's own
// tables, so that such words are set from a per-character cache, and leaves what the font does
// change to fontkit (pdfkit's normal path).
//
// The rule, for a word (no spaces) and the script fontkit detects for it (its first character
// of a script of its own, from unicode-properties as fontkit reads it):
// - every character is in the cmap (not .notdef), of no script or of a script this module knows
//   (Han, Latin, Greek, Cyrillic, kana, Bopomofo), not a mark (Unicode or GDEF), not
//   default-ignorable (fontkit hides those, and pairs a variation selector with its base), and
//   not U+2044 (fraction slash: fontkit then applies frac/numr/dnom to the digits around it);
// - the lookups that can apply are those of the features fontkit applies by default (rvrn ltra
//   ltrm ccmp locl rlig mark mkmk calt clig liga rclt curs kern) in the default language system
//   of the script GSUB and GPOS each select, and the lookups these call. A glyph in none of
//   their coverages is free; one only in pair kerning (GPOS 2) or ligatures (GSUB 4) changes
//   only with the glyph after it, when a pair gets a non-zero adjustment or the ligature may
//   take it; any other is touched.
// A word of free glyphs and quiet pairs is its cmap glyphs with hmtx advances, no offsets. A
// word with some change is cut between two free glyphs that no ligature takes as a component,
// provided every lookup only reads forward from its glyph (or back from a mark to its base):
// no lookup then reaches across the cut, so the pieces with a change can be shaped on their own
// with the word's script and the others set from the cache; a piece whose lookups are all single
// or ligature substitutions and pair positioning is then laid out here as fontkit would
// (shaped, with opentype.ts). Anything else goes to fontkit, as do all words of fonts with AAT
// tables, a TrueType kern table or variations.

import type { Font } from 'fontkit';
import { getScript } from 'unicode-properties';
import { cmapFromBytes, type GlyphIdLookup } from './cmap.js';
import {
  applyPair, applySubstitution, classOf, coverageIndex, findScript, firstCoverages, forEachComponent, forEachCovered, FORWARD_GPOS, FORWARD_GSUB, kerns, ligates,
  ligatesAlone, nested, planLookups, resolve, type ClassDef, type GlyphSlot, type LayoutTable, type LazyList, type Lookup, type Position, type SubTable,
} from './opentype.js';

/** A character set without shaping: its glyph (fontkit's own object) and advance in font units. */
export interface PlainChar {
  glyph: { id: number; advanceWidth: number; codePoints: number[] };
  id: number;
  advance: number;
  /** UTF-16 code units of the character (2 for one outside the BMP). */
  length: number;
}

/** A piece laid out as fontkit lays it out, in font units (PlainText.shaped). */
export interface ShapedRun {
  glyphs: Array<PlainChar['glyph']>;
  positions: Position[];
  advanceWidth: number;
}

/**
 * A stretch of a word: set from its characters' glyphs (`shape` null), or to be shaped on its
 * own (by `shaped`, else by fontkit) with the script fontkit detects for the whole word (`shape`).
 */
export interface Piece {
  text: string;
  chars: PlainChar[];
  shape: string | null;
}

/** Features fontkit's default shaper applies to horizontal text when none are asked for. */
export const DEFAULT_FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];

// OpenType script tags fontkit gives the Unicode scripts this module accepts (its UNICODE_SCRIPTS).
const SCRIPT_TAGS: Record<string, string> = {
  Han: 'hani',
  Latin: 'latn',
  Greek: 'grek',
  Cyrillic: 'cyrl',
  Katakana: 'kana',
  Hiragana: 'hira',
  Bopomofo: 'bopo',
};
const EXCLUDED = /^[\p{M}\p{Default_Ignorable_Code_Point}\u2044]$/u;
// Selected scripts fontkit shapes with its default shaper (any other has a shaper of its own).
const DEFAULT_SHAPER = new Set(['DFLT', 'dflt', 'latn', 'grek', 'cyrl', 'hani', 'kana', 'hira', 'bopo']);
/** The tag fontkit uses for a word with no character of a script of its own. */
export const NO_SCRIPT = 'zzzz';

/**
 * The OpenType script tag fontkit takes a character's script to, '' for a character that does
 * not decide a word's script (Common, Unknown), or null for a character this module leaves to
 * fontkit. The script comes from unicode-properties, the data fontkit detects scripts with
 * (Node's own Unicode is newer: it gives some recent ideographs a script fontkit does not).
 */
export function scriptTag(cp: number): string | null {
  if (EXCLUDED.test(String.fromCodePoint(cp))) return null;
  const script = getScript(cp);
  if (script === 'Common' || script === 'Unknown') return '';
  return SCRIPT_TAGS[script] ?? null;
}

interface FontTables {
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
  numGlyphs: number;
  hmtx: { metrics: LazyList<{ advance: number }> };
  directory: { tables: Record<string, unknown> };
  // The font file's bytes, which the directory's offsets count from.
  stream: { view: DataView };
  getGlyph(id: number, codePoints?: number[]): PlainChar['glyph'];
  glyphForCodePoint(cp: number): PlainChar['glyph'];
}

// A glyph's part in the lookups of one script: none, only as the first of a pair (kerning,
// ligature) that fires for some glyphs after it, or any other.
const FREE = 0;
const PAIR = 1;
const TOUCHED = 2;

// Where each lookup can apply, for the lookups of one selected GSUB and GPOS script.
interface Rules {
  state: Uint8Array;
  // Glyphs that are a later component of some ligature (a ligature may swallow them).
  component: Uint8Array;
  // Whether words may be cut between two free glyphs that no ligature takes as a component:
  // true when every lookup looks only forward from its glyph (or back from a mark to its base)
  // and skips no base or ligature glyph.
  cuttable: boolean;
  // Subtables that decide, for a glyph in PAIR state, whether the glyph after it changes anything.
  pairs: Array<{ gpos: boolean; table: SubTable }>;
  fires: Map<number, boolean>;
  // Glyphs in the coverage of a GPOS lookup other than plain pair positioning.
  gposTouched: Uint8Array;
}

// The lookups fontkit's plan runs for one script, for laying out a piece here (shaped).
interface Plan {
  gsub: Array<{ lookup: Lookup; subtables: Array<[number, SubTable]> }>;
  // Pair positioning subtables, lookup by lookup.
  kern: SubTable[][];
}

/** Per-font analysis: which words fontkit leaves as cmap glyphs and hmtx advances. */
export class PlainText {
  private readonly tables: FontTables;
  private readonly known = new Map<number, PlainChar | null>();
  private readonly scripts = new Map<number, string | null>();
  private readonly rules = new Map<string, Rules | null>();
  private readonly plans = new Map<string, Plan | null>();
  private readonly markClass: ClassDef | undefined;
  private readonly cmap: GlyphIdLookup | null;
  /** False when the font's layout is not one this module can reason about. */
  readonly enabled: boolean;

  constructor(font: Font) {
    this.tables = font as unknown as FontTables;
    this.cmap = cmapFromBytes(font);
    const t = this.tables.directory.tables;
    this.enabled = !('morx' in t || 'mort' in t || 'kern' in t || 'fvar' in t) && !this.tables.GSUB?.featureVariations && !this.tables.GPOS?.featureVariations;
    this.markClass = this.tables.GDEF?.glyphClassDef;
  }

  /** The characters of `word` with their glyphs and advances, if fontkit would set it so; else undefined. */
  chars(word: string): PlainChar[] | undefined {
    const pieces = this.pieces(word);
    return pieces?.length === 1 && pieces[0]!.shape === null ? pieces[0]!.chars : undefined;
  }

  /** Advance of `word` in font units, if fontkit would set it without changes; else undefined. */
  units(word: string): number | undefined {
    const chars = this.chars(word);
    if (chars === undefined) return undefined;
    let units = 0;
    for (const c of chars) units += c.advance;
    return units;
  }

  /**
   * `word` cut where no lookup can reach across (between two free glyphs that no ligature takes
   * as a component), each piece either set from its characters or to be shaped with the word's
   * script; shaping the pieces gives what shaping the whole word gives. One piece with `shape`
   * null when nothing in the word changes; undefined when the word is left to fontkit whole.
   */
  pieces(word: string): Piece[] | undefined {
    const chars: PlainChar[] = [];
    const tag = this.scan(word, chars);
    if (tag === null) return undefined;
    const rules = this.rulesFor(tag);
    if (rules === null) return undefined;
    // Glyphs a lookup may change: touched ones, and both glyphs of a pair that fires.
    let need: Uint8Array | null = null;
    for (let i = 0; i < chars.length; i++) {
      const s = rules.state[chars[i]!.id]!;
      if (s === FREE) continue;
      const next = chars[i + 1];
      const fires = s === TOUCHED || (next !== undefined && this.pairFires(rules, chars[i]!.id, next.id));
      if (!fires) continue;
      if (!rules.cuttable) return undefined;
      need ??= new Uint8Array(chars.length);
      need[i] = 1;
      if (next !== undefined && s === PAIR) need[i + 1] = 1;
    }
    if (need === null) return [{ text: word, chars, shape: null }];
    const pieces: Piece[] = [];
    const cut = (k: number): boolean => {
      const a = chars[k]!.id;
      const b = chars[k + 1]!.id;
      return rules.state[a] === FREE && rules.state[b] === FREE && rules.component[a] === 0 && rules.component[b] === 0;
    };
    let from = 0;
    let offset = 0;
    let start = 0;
    let shaped = false;
    for (let k = 0; k < chars.length; k++) {
      shaped ||= need[k] === 1;
      offset += chars[k]!.length;
      if (k + 1 < chars.length && !cut(k)) continue;
      const last = pieces[pieces.length - 1];
      const piece: Piece = { text: word.slice(start, offset), chars: chars.slice(from, k + 1), shape: shaped ? tag : null };
      if (!shaped && last !== undefined && last.shape === null) {
        last.text += piece.text;
        for (const c of piece.chars) last.chars.push(c);
      } else pieces.push(piece);
      from = k + 1;
      start = offset;
      shaped = false;
    }
    return pieces;
  }

  /** The script tag fontkit would detect for `word`, or null when a character is not accepted. */
  private scan(word: string, out: PlainChar[]): string | null {
    if (!this.enabled || word.length === 0) return null;
    let tag: string | null = null;
    for (let i = 0; i < word.length; i++) {
      let cp = word.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < word.length) {
        const next = word.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          cp = ((cp & 0x3ff) << 10) + (next & 0x3ff) + 0x10000;
          i++;
        }
      }
      const c = this.char(cp);
      if (c === null) return null;
      if (tag === null) {
        const s = this.scripts.get(cp)!;
        if (s !== '') tag = s;
      }
      out.push(c);
    }
    return tag ?? NO_SCRIPT;
  }

  // A character's glyph and advance, or null when it is left to fontkit. Makes the glyph object
  // with fontkit's glyphForCodePoint, as fontkit's layout would.
  private char(cp: number): PlainChar | null {
    let c = this.known.get(cp);
    if (c !== undefined) return c;
    c = null;
    const script = scriptTag(cp);
    this.scripts.set(cp, script);
    if (script !== null) {
      // fontkit's glyphForCodePoint(cp), with the glyph id read from the cmap's bytes where they
      // can be (cmap.ts).
      const glyph = this.cmap === null ? this.tables.glyphForCodePoint(cp) : this.tables.getGlyph(this.cmap(cp), [cp]);
      if (glyph.id !== 0 && (this.markClass === undefined || classOf(glyph.id, this.markClass) !== 3)) {
        c = { glyph, id: glyph.id, advance: this.advance(glyph.id), length: cp > 0xffff ? 2 : 1 };
      }
    }
    this.known.set(cp, c);
    return c;
  }

  // hmtx advance of a glyph, as fontkit reads it (the last entry for glyphs past the table),
  // taken from the table's bytes: each entry is the advance (uint16) and the bearing, and
  // fontkit decodes each into an object on the way (7 ms for the 864 characters of the
  // shipped plan's report).
  private advance(id: number): number {
    this.hmtx ??= { at: (this.tables.directory.tables.hmtx as { offset: number }).offset, count: this.tables.hmtx.metrics.length };
    const { at, count } = this.hmtx;
    return this.tables.stream.view.getUint16(at + 4 * (id < count ? id : count - 1));
  }
  private hmtx: { at: number; count: number } | undefined;

  private rulesFor(tag: string): Rules | null {
    let r = this.rules.get(tag);
    if (r === undefined) this.rules.set(tag, (r = this.build(tag)));
    return r;
  }

  // Classify every glyph for the lookups GSUB and GPOS apply to a word detected as `tag`.
  private build(tag: string): Rules | null {
    const state = new Uint8Array(this.tables.numGlyphs);
    const component = new Uint8Array(this.tables.numGlyphs);
    const rules: Rules = { state, component, cuttable: true, pairs: [], fires: new Map(), gposTouched: new Uint8Array(this.tables.numGlyphs) };
    for (const gpos of [false, true]) {
      const table = gpos ? this.tables.GPOS : this.tables.GSUB;
      if (table === undefined) continue;
      const entry = findScript(table, tag);
      if (entry === null || !DEFAULT_SHAPER.has(entry.tag)) return null;
      const reach = new Set<number>();
      const queue: number[] = [];
      for (const index of entry.script.defaultLangSys?.featureIndexes ?? []) {
        const record = table.featureList[index]!;
        if (DEFAULT_FEATURES.includes(record.tag)) for (const li of record.feature.lookupListIndexes) queue.push(li);
      }
      while (queue.length > 0) {
        const li = queue.pop()!;
        if (reach.has(li)) continue;
        reach.add(li);
        const lookup = table.lookupList.get(li);
        for (const sub of lookup.subTables) queue.push(...nested(lookup.lookupType, sub, gpos));
      }
      for (const li of reach) {
        const lookup = table.lookupList.get(li);
        // A pair's second glyph is the next one only if the lookup skips no base or ligature glyph.
        const f = lookup.flags.flags;
        const plainFlags = !f.ignoreBaseGlyphs && !f.ignoreLigatures;
        if (!plainFlags) rules.cuttable = false;
        for (const sub of lookup.subTables) {
          const [type, table] = resolve(lookup.lookupType, sub, gpos);
          if (!(gpos ? FORWARD_GPOS : FORWARD_GSUB).includes(type)) rules.cuttable = false;
          if (!gpos && type === 4) forEachComponent(table, (g) => {
            if (g < component.length) component[g] = 1;
          });
          const pair = plainFlags && ((gpos && type === 2) || (!gpos && type === 4));
          for (const cov of firstCoverages(type, table, gpos)) {
            forEachCovered(cov, (g) => {
              if (g >= state.length) return;
              if (!pair) state[g] = TOUCHED;
              else if (state[g] === FREE) state[g] = PAIR;
              if (gpos && !(pair && type === 2)) rules.gposTouched[g] = 1;
            });
          }
          if (pair) rules.pairs.push({ gpos, table });
          // A ligature of the covered glyph alone replaces it whatever follows.
          if (pair && !gpos) forEachCovered(table.coverage!, (g) => {
            if (g < state.length && ligatesAlone(table, g)) state[g] = TOUCHED;
          });
        }
      }
    }
    return rules;
  }

  // Whether some pair-kerning or ligature subtable changes anything for `first` followed by `second`.
  private pairFires(rules: Rules, first: number, second: number): boolean {
    const key = first * 65536 + second;
    let fires = rules.fires.get(key);
    if (fires !== undefined) return fires;
    fires = rules.pairs.some(({ gpos, table }) => (gpos ? kerns(table, first, second) : ligates(table, first, second)));
    if (rules.fires.size >= 1 << 20) rules.fires.clear();
    rules.fires.set(key, fires);
    return fires;
  }

  /**
   * A piece pieces() leaves to shaping, laid out as fontkit lays it out when every lookup that
   * can apply to it is one this module applies as fontkit does: single and ligature
   * substitution (GSUB 1, 4) and pair positioning (GPOS 2), in the order of fontkit's plan for
   * the word's `script` (opentype.ts). The glyphs are fontkit's own objects (font.getGlyph),
   * the advances theirs. Undefined when anything else may happen (another lookup covers a
   * glyph, a glyph becomes a mark, a table this cannot read): fontkit shapes the piece.
   */
  shaped(text: string, script: string): ShapedRun | undefined {
    const chars: PlainChar[] = [];
    if (this.scan(text, chars) === null) return undefined;
    const rules = this.rulesFor(script);
    const plan = this.planFor(script);
    if (rules === null || plan === null) return undefined;
    let glyphs: GlyphSlot[] = chars.map((c) => ({ id: c.id, codePoints: c.glyph.codePoints.slice() }));
    // fontkit's GSUB processor: each lookup over the glyphs in turn, its subtables tried in
    // order at each glyph until one applies, then on past what it replaced. The glyphs of a
    // lookup's pass are gathered anew (fontkit splices each ligature out of the array: a long
    // word of ligatures would take quadratic time).
    for (const { subtables } of plan.gsub) {
      const next: GlyphSlot[] = [];
      for (let i = 0; i < glyphs.length; ) {
        let taken = 1;
        // Indexed, not destructured: this runs for every glyph and subtable, and a destructuring
        // makes an iterator each time until the function is optimised.
        for (let k = 0; k < subtables.length; k++) {
          const type = subtables[k]![0];
          const table = subtables[k]![1];
          if (type !== 1 && type !== 4) {
            if (firstCoverages(type, table, false).some((cov) => coverageIndex(cov, glyphs[i]!.id) >= 0)) return undefined;
            continue;
          }
          const replaced = applySubstitution(type, table, glyphs, i);
          if (replaced === undefined) return undefined;
          if (replaced > 0) {
            taken = replaced;
            break;
          }
        }
        next.push(glyphs[i]!);
        i += taken;
      }
      glyphs = next;
    }
    const out: Array<PlainChar['glyph']> = [];
    const positions: Position[] = [];
    for (const g of glyphs) {
      if (g.id >= rules.gposTouched.length || rules.gposTouched[g.id] === 1) return undefined;
      // zeroMarkWidths: fontkit sets a mark's advance to 0 after GPOS.
      if (this.markClass !== undefined && classOf(g.id, this.markClass) === 3) return undefined;
      const glyph = this.tables.getGlyph(g.id, g.codePoints);
      out.push(glyph);
      positions.push({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    }
    for (const subtables of plan.kern) {
      for (let i = 0; i + 1 < glyphs.length; i++) {
        for (const table of subtables) {
          const applied = applyPair(table, glyphs[i]!.id, glyphs[i + 1]!.id, positions[i]!, positions[i + 1]!);
          if (applied === undefined) return undefined;
          if (applied) break;
        }
      }
    }
    let advanceWidth = 0;
    for (const p of positions) advanceWidth += p.xAdvance;
    return { glyphs: out, positions, advanceWidth };
  }

  private planFor(tag: string): Plan | null {
    let plan = this.plans.get(tag);
    if (plan === undefined) this.plans.set(tag, (plan = this.buildPlan(tag)));
    return plan;
  }

  // The GSUB lookups and the GPOS pair subtables fontkit applies to a word of script `tag`.
  // Null when the pieces of words are not cut (a lookup looks back or skips base glyphs or
  // ligatures: every glyph would not then follow the one before), or a script is not selected.
  private buildPlan(tag: string): Plan | null {
    const rules = this.rulesFor(tag);
    if (rules === null || !rules.cuttable) return null;
    const gsub = this.tables.GSUB === undefined ? [] : planLookups(this.tables.GSUB, tag, DEFAULT_FEATURES, false);
    const gpos = this.tables.GPOS === undefined ? [] : planLookups(this.tables.GPOS, tag, DEFAULT_FEATURES, true);
    if (gsub === null || gpos === null) return null;
    const kern: SubTable[][] = [];
    for (const { subtables } of gpos) {
      const pairs = subtables.filter(([type]) => type === 2).map(([, table]) => table);
      if (pairs.length > 0) kern.push(pairs);
    }
    return { gsub, kern };
  }
}

const analyses = new WeakMap<Font, PlainText>();

/** The analysis of a font (made once per font object). */
export function plainText(font: Font): PlainText {
  let a = analyses.get(font);
  if (a === undefined) analyses.set(font, (a = new PlainText(font)));
  return a;
}
