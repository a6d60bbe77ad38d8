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
// with the word's script and the others set from the cache; a piece whose only change is pair
// kerning is then positioned here as fontkit would (kerned). Anything else goes to fontkit
// whole, as do all words of fonts with AAT tables, a TrueType kern table or variations.

import type { Font } from 'fontkit';
import { getScript } from 'unicode-properties';

/** A character set without shaping: its glyph (fontkit's own object) and advance in font units. */
export interface PlainChar {
  glyph: { id: number; advanceWidth: number; codePoints: number[] };
  id: number;
  advance: number;
  /** UTF-16 code units of the character (2 for one outside the BMP). */
  length: number;
}

/** A piece positioned as fontkit positions it, in font units (PlainText.kerned). */
export interface KernedRun {
  glyphs: Array<PlainChar['glyph']>;
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>;
  advanceWidth: number;
}

/**
 * A stretch of a word: set from its characters' glyphs (`shape` null), or to be shaped by
 * fontkit on its own with the script fontkit detects for the whole word (`shape`).
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
// fontkit's fallback when a table has no entry for the detected script.
const FALLBACK_SCRIPTS = ['DFLT', 'dflt', 'latn'];
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

// The parts of fontkit's parsed tables read here.
interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: Array<{ start: number; end: number; startCoverageIndex: number }>;
}
interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: Array<{ start: number; end: number; class: number }>;
}
interface LazyList<T> {
  length: number;
  get(i: number): T;
}
type ValueRecord = Record<string, unknown> | null | undefined;
interface SubTable {
  version: number;
  lookupType?: number;
  extension?: SubTable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  lookupRecords?: Array<{ lookupListIndex: number }>;
  ruleSets?: Array<Array<{ lookupRecords?: Array<{ lookupListIndex: number }> }> | null>;
  rules?: unknown;
  classSet?: SubTable['ruleSets'];
  chainRuleSets?: SubTable['ruleSets'];
  chainClassSet?: SubTable['ruleSets'];
  // GPOS 2
  pairSets?: LazyList<Array<{ secondGlyph: number; value1: ValueRecord; value2: ValueRecord }>>;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: LazyList<LazyList<{ value1: ValueRecord; value2: ValueRecord }>>;
  // GSUB 4
  ligatureSets?: LazyList<Array<{ glyph: number; components: number[] }>>;
}
interface Lookup {
  lookupType: number;
  flags: { flags: Record<string, boolean>; markAttachmentType?: number };
  subTables: SubTable[];
}
interface LayoutTable {
  scriptList: Array<{ tag: string; script: { defaultLangSys: { featureIndexes: number[] } | null } }>;
  featureList: Array<{ tag: string; feature: { lookupListIndexes: number[] } }>;
  lookupList: LazyList<Lookup>;
  featureVariations?: unknown;
}
interface FontTables {
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
  numGlyphs: number;
  hmtx: { metrics: LazyList<{ advance: number }> };
  directory: { tables: Record<string, unknown> };
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
}

/** Per-font analysis: which words fontkit leaves as cmap glyphs and hmtx advances. */
export class PlainText {
  private readonly tables: FontTables;
  private readonly known = new Map<number, PlainChar | null>();
  private readonly scripts = new Map<number, string | null>();
  private readonly rules = new Map<string, Rules | null>();
  private readonly kernLookups = new Map<string, SubTable[][] | null>();
  private readonly markClass: ClassDef | undefined;
  /** False when the font's layout is not one this module can reason about. */
  readonly enabled: boolean;

  constructor(font: Font) {
    this.tables = font as unknown as FontTables;
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
      const glyph = this.tables.glyphForCodePoint(cp);
      if (glyph.id !== 0 && (this.markClass === undefined || classOf(glyph.id, this.markClass) !== 3)) {
        c = { glyph, id: glyph.id, advance: this.advance(glyph.id), length: cp > 0xffff ? 2 : 1 };
      }
    }
    this.known.set(cp, c);
    return c;
  }

  // hmtx advance of a glyph, as fontkit reads it (the last entry for glyphs past the table).
  private advance(id: number): number {
    const metrics = this.tables.hmtx.metrics;
    return metrics.get(id < metrics.length ? id : metrics.length - 1).advance;
  }

  private rulesFor(tag: string): Rules | null {
    let r = this.rules.get(tag);
    if (r === undefined) this.rules.set(tag, (r = this.build(tag)));
    return r;
  }

  // Classify every glyph for the lookups GSUB and GPOS apply to a word detected as `tag`.
  private build(tag: string): Rules | null {
    const state = new Uint8Array(this.tables.numGlyphs);
    const component = new Uint8Array(this.tables.numGlyphs);
    const rules: Rules = { state, component, cuttable: true, pairs: [], fires: new Map() };
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
   * A piece pieces() leaves to shaping, positioned as fontkit positions it when all that can
   * change in it is pair kerning: its cmap glyphs and hmtx advances, moved by the pair
   * adjustments (GPOS 2) of the lookups fontkit applies for the word's `script`, in fontkit's
   * order. Undefined when anything else may happen (a glyph another lookup covers, a ligature
   * that may take the next glyph, a pair lookup that skips base glyphs or ligatures, a table
   * this cannot read): fontkit shapes the piece.
   */
  kerned(text: string, script: string): KernedRun | undefined {
    const chars: PlainChar[] = [];
    if (this.scan(text, chars) === null) return undefined;
    const rules = this.rulesFor(script);
    const kern = this.kernLookupsFor(script);
    if (rules === null || kern === null) return undefined;
    for (let i = 0; i < chars.length; i++) {
      const s = rules.state[chars[i]!.id]!;
      if (s === TOUCHED) return undefined;
      const next = chars[i + 1];
      if (s === PAIR && next !== undefined && rules.pairs.some(({ gpos, table }) => !gpos && ligates(table, chars[i]!.id, next.id))) return undefined;
    }
    // fontkit's GlyphPositions: the advance, then each lookup over the glyphs in turn, its
    // subtables tried in order at each glyph until one applies.
    const positions = chars.map((c) => ({ xAdvance: c.advance, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    for (const subtables of kern) {
      for (let i = 0; i + 1 < chars.length; i++) {
        for (const table of subtables) {
          const applied = adjustPair(table, chars[i]!.id, chars[i + 1]!.id, positions[i]!, positions[i + 1]!);
          if (applied === undefined) return undefined;
          if (applied) break;
        }
      }
    }
    let advanceWidth = 0;
    for (const p of positions) advanceWidth += p.xAdvance;
    return { glyphs: chars.map((c) => c.glyph), positions, advanceWidth };
  }

  private kernLookupsFor(tag: string): SubTable[][] | null {
    let k = this.kernLookups.get(tag);
    if (k === undefined) this.kernLookups.set(tag, (k = this.buildKern(tag)));
    return k;
  }

  // The pair subtables of the GPOS lookups fontkit applies to a word of script `tag`, as its
  // plan runs them: the lookups of the default features in the script's default language
  // system (a tag listed twice: the later feature), sorted by lookup index, a lookup once for
  // each feature that lists it. Null when a pair lookup skips base glyphs or ligatures.
  private buildKern(tag: string): SubTable[][] | null {
    const table = this.tables.GPOS;
    if (table === undefined) return [];
    const entry = findScript(table, tag);
    if (entry === null) return null;
    const features = new Map<string, number[]>();
    for (const index of entry.script.defaultLangSys?.featureIndexes ?? []) {
      const record = table.featureList[index]!;
      features.set(record.tag, record.feature.lookupListIndexes);
    }
    const indexes: number[] = [];
    for (const feature of DEFAULT_FEATURES) for (const li of features.get(feature) ?? []) indexes.push(li);
    indexes.sort((a, b) => a - b);
    const out: SubTable[][] = [];
    for (const li of indexes) {
      const lookup = table.lookupList.get(li);
      const pairs: SubTable[] = [];
      for (const sub of lookup.subTables) {
        const [type, resolved] = resolve(lookup.lookupType, sub, true);
        if (type === 2) pairs.push(resolved);
      }
      if (pairs.length === 0) continue;
      const f = lookup.flags.flags;
      if (f.ignoreBaseGlyphs || f.ignoreLigatures) return null;
      out.push(pairs);
    }
    return out;
  }
}

const analyses = new WeakMap<Font, PlainText>();

/** The analysis of a font (made once per font object). */
export function plainText(font: Font): PlainText {
  let a = analyses.get(font);
  if (a === undefined) analyses.set(font, (a = new PlainText(font)));
  return a;
}

// Lookup types that read and change only their glyph and the ones after it (GSUB single,
// multiple, alternate, ligature; GPOS single, pair, cursive), or a mark and its base.
const FORWARD_GSUB = [1, 2, 3, 4];
const FORWARD_GPOS = [1, 2, 3, 4, 5, 6];

// The script entry fontkit's selectScript picks for a detected tag.
function findScript(table: LayoutTable, tag: string): LayoutTable['scriptList'][number] | null {
  for (const want of [tag, ...FALLBACK_SCRIPTS]) {
    const entry = table.scriptList.find((s) => s.tag === want);
    if (entry !== undefined) return entry;
  }
  return null;
}

// The lookup type and subtable behind an extension subtable.
function resolve(type: number, sub: SubTable, gpos: boolean): [number, SubTable] {
  if (type === (gpos ? 9 : 7) && sub.extension !== undefined && sub.lookupType !== undefined) return resolve(sub.lookupType, sub.extension, gpos);
  return [type, sub];
}

// Lookups a contextual subtable calls.
function nested(type: number, sub: SubTable, gpos: boolean): number[] {
  const [t, table] = resolve(type, sub, gpos);
  if (t !== (gpos ? 7 : 5) && t !== (gpos ? 8 : 6)) return [];
  const out: number[] = [];
  for (const r of table.lookupRecords ?? []) out.push(r.lookupListIndex);
  for (const sets of [table.ruleSets, table.classSet, table.chainRuleSets, table.chainClassSet]) {
    for (const set of sets ?? []) for (const rule of set ?? []) for (const r of rule.lookupRecords ?? []) out.push(r.lookupListIndex);
  }
  return out;
}

// The coverage a subtable checks the current glyph against before it can do anything.
function firstCoverages(type: number, table: SubTable, gpos: boolean): Coverage[] {
  const context = gpos ? [7, 8] : [5, 6];
  let cov: Coverage | undefined;
  if (context.includes(type) && table.version === 3) cov = type === context[0] ? table.coverages?.[0] : table.inputCoverage?.[0];
  else if (gpos && (type === 4 || type === 5)) cov = table.markCoverage;
  else if (gpos && type === 6) cov = table.mark1Coverage;
  else cov = table.coverage;
  return cov === undefined ? [] : [cov];
}

function forEachCovered(cov: Coverage, fn: (glyph: number) => void): void {
  if (cov.version === 1) for (const g of cov.glyphs ?? []) fn(g);
  else for (const r of cov.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) fn(g);
}

function coverageIndex(cov: Coverage | undefined, glyph: number): number {
  if (cov === undefined) return -1;
  if (cov.version === 1) return cov.glyphs?.indexOf(glyph) ?? -1;
  for (const r of cov.rangeRecords ?? []) if (r.start <= glyph && glyph <= r.end) return r.startCoverageIndex + glyph - r.start;
  return -1;
}

/** A glyph's class in a class definition table (0 when it is not listed), as fontkit reads it. */
export function classOf(glyph: number, def: ClassDef): number {
  if (def.version === 1) {
    const i = glyph - (def.startGlyph ?? 0);
    return i >= 0 && i < (def.classValueArray?.length ?? 0) ? def.classValueArray![i]! : 0;
  }
  for (const r of def.classRangeRecord ?? []) if (r.start <= glyph && glyph <= r.end) return r.class;
  return 0;
}

// Whether a value record moves or widens anything (device tables count: they may, with variations).
function moves(v: ValueRecord): boolean {
  if (v == null) return false;
  for (const key in v) {
    const x = v[key];
    if (x != null && x !== 0) return true;
  }
  return false;
}

// GPOS 2: whether the pair (first, second) is given a non-zero adjustment.
function kerns(table: SubTable, first: number, second: number): boolean {
  const index = coverageIndex(table.coverage, first);
  if (index < 0) return false;
  if (table.version === 1) {
    return table.pairSets!.get(index).some((p) => p.secondGlyph === second && (moves(p.value1) || moves(p.value2)));
  }
  const record = table.classRecords!.get(classOf(first, table.classDef1!)).get(classOf(second, table.classDef2!));
  return record !== undefined && (moves(record.value1) || moves(record.value2));
}

type Position = KernedRun['positions'][number];

// GPOS 2 at `first` followed by `second`, as fontkit applies it: whether the subtable applies
// (its adjustments then added to the two positions), or undefined for what fontkit would not
// read either (a format it does not know, a class record or value that is not there).
function adjustPair(table: SubTable, first: number, second: number, a: Position, b: Position): boolean | undefined {
  const index = coverageIndex(table.coverage, first);
  if (index < 0) return false;
  let record: { value1: ValueRecord; value2: ValueRecord } | undefined;
  if (table.version === 1) {
    record = table.pairSets!.get(index).find((p) => p.secondGlyph === second);
    if (record === undefined) return false;
  } else if (table.version === 2) {
    record = table.classRecords!.get(classOf(first, table.classDef1!))?.get(classOf(second, table.classDef2!));
    if (record === undefined) return undefined;
  } else return undefined;
  if (record.value1 == null || record.value2 == null) return undefined;
  move(a, record.value1);
  move(b, record.value2);
  return true;
}

// Add a value record to a position, field by field as fontkit does (device tables apply only
// with variations, which a font this module takes has not).
function move(p: Position, v: Record<string, unknown>): void {
  if (v.xAdvance != null) p.xAdvance += v.xAdvance as number;
  if (v.yAdvance != null) p.yAdvance += v.yAdvance as number;
  if (v.xPlacement != null) p.xOffset += v.xPlacement as number;
  if (v.yPlacement != null) p.yOffset += v.yPlacement as number;
}

// GSUB 4: whether a ligature starting with `first` may take `second` as its next component.
function ligates(table: SubTable, first: number, second: number): boolean {
  const index = coverageIndex(table.coverage, first);
  if (index < 0) return false;
  return table.ligatureSets!.get(index).some((l) => l.components.length === 0 || l.components[0] === second);
}

// GSUB 4: every glyph a ligature takes after its first.
function forEachComponent(table: SubTable, fn: (glyph: number) => void): void {
  const sets = table.ligatureSets!;
  for (let i = 0; i < sets.length; i++) for (const l of sets.get(i)) for (const g of l.components) fn(g);
}

// GSUB 4: whether a glyph has a ligature of its own alone (no further component).
function ligatesAlone(table: SubTable, glyph: number): boolean {
  const index = coverageIndex(table.coverage, glyph);
  return index >= 0 && table.ligatureSets!.get(index).some((l) => l.components.length === 0);
}
