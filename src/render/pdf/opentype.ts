// fontkit's parsed OpenType layout tables (GSUB, GPOS, GDEF), read as fontkit's layout
// engine reads them: the script it selects, coverage and class lookups, and the few lookup
// types shaping.ts applies itself (single and ligature substitution, pair positioning), each
// step as fontkit's GSUB and GPOS processors take it. shaping.ts decides when that is enough.

// fontkit's fallback when a table has no entry for the detected script.
const FALLBACK_SCRIPTS = ['DFLT', 'dflt', 'latn'];

export interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: Array<{ start: number; end: number; startCoverageIndex: number }>;
}
export interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: Array<{ start: number; end: number; class: number }>;
}
export interface LazyList<T> {
  length: number;
  get(i: number): T;
}
export type ValueRecord = Record<string, unknown> | null | undefined;
export interface SubTable {
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
  // GSUB 1
  deltaGlyphID?: number;
  substitute?: LazyList<number>;
  // GSUB 4
  ligatureSets?: LazyList<Array<{ glyph: number; components: number[] }>>;
}
export interface Lookup {
  lookupType: number;
  flags: { flags: Record<string, boolean>; markAttachmentType?: number };
  subTables: SubTable[];
}
export interface LayoutTable {
  scriptList: Array<{ tag: string; script: { defaultLangSys: { featureIndexes: number[] } | null } }>;
  featureList: Array<{ tag: string; feature: { lookupListIndexes: number[] } }>;
  lookupList: LazyList<Lookup>;
  featureVariations?: unknown;
}

// Lookup types that read and change only their glyph and the ones after it (GSUB single,
// multiple, alternate, ligature; GPOS single, pair, cursive), or a mark and its base.
export const FORWARD_GSUB = [1, 2, 3, 4];
export const FORWARD_GPOS = [1, 2, 3, 4, 5, 6];

// The script entry fontkit's selectScript picks for a detected tag.
export function findScript(table: LayoutTable, tag: string): LayoutTable['scriptList'][number] | null {
  for (const want of [tag, ...FALLBACK_SCRIPTS]) {
    const entry = table.scriptList.find((s) => s.tag === want);
    if (entry !== undefined) return entry;
  }
  return null;
}

// The lookup type and subtable behind an extension subtable.
export function resolve(type: number, sub: SubTable, gpos: boolean): [number, SubTable] {
  if (type === (gpos ? 9 : 7) && sub.extension !== undefined && sub.lookupType !== undefined) return resolve(sub.lookupType, sub.extension, gpos);
  return [type, sub];
}

// Lookups a contextual subtable calls.
export function nested(type: number, sub: SubTable, gpos: boolean): number[] {
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
export function firstCoverages(type: number, table: SubTable, gpos: boolean): Coverage[] {
  const context = gpos ? [7, 8] : [5, 6];
  let cov: Coverage | undefined;
  if (context.includes(type) && table.version === 3) cov = type === context[0] ? table.coverages?.[0] : table.inputCoverage?.[0];
  else if (gpos && (type === 4 || type === 5)) cov = table.markCoverage;
  else if (gpos && type === 6) cov = table.mark1Coverage;
  else cov = table.coverage;
  return cov === undefined ? [] : [cov];
}

export function forEachCovered(cov: Coverage, fn: (glyph: number) => void): void {
  if (cov.version === 1) for (const g of cov.glyphs ?? []) fn(g);
  else for (const r of cov.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) fn(g);
}

export function coverageIndex(cov: Coverage | undefined, glyph: number): number {
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
export function moves(v: ValueRecord): boolean {
  if (v == null) return false;
  for (const key in v) {
    const x = v[key];
    if (x != null && x !== 0) return true;
  }
  return false;
}

// GPOS 2: whether the pair (first, second) is given a non-zero adjustment.
export function kerns(table: SubTable, first: number, second: number): boolean {
  const index = coverageIndex(table.coverage, first);
  if (index < 0) return false;
  if (table.version === 1) {
    return table.pairSets!.get(index).some((p) => p.secondGlyph === second && (moves(p.value1) || moves(p.value2)));
  }
  const class1 = classOf(first, table.classDef1!);
  const class2 = classOf(second, table.classDef2!);
  const raw = classRecordBytes(table);
  const at = recordAt(raw, class1, class2);
  if (at !== undefined) {
    // The record's fields, read where fontkit would decode them: any that is not zero moves
    // something (an adjustment, or the offset of a device table, which moves() counts too).
    for (let i = 0; i < raw!.recordBytes; i += 2) if (raw!.view.getUint16(at + i) !== 0) return true;
    return false;
  }
  const record = table.classRecords!.get(class1).get(class2);
  return record !== undefined && (moves(record.value1) || moves(record.value2));
}

export interface ClassRecordBytes {
  view: DataView;
  start: number;
  class1Count: number;
  class2Count: number;
  /** The value formats of the pair's first and second glyph, and the bytes of a record (both values) and of its first. */
  format1: number;
  format2: number;
  recordBytes: number;
  bytes1: number;
}

const classRecordBytesOf = new WeakMap<SubTable, ClassRecordBytes | null>();

// Where a pair adjustment subtable of format 2 keeps its class records in the font's bytes.
// fontkit decodes each record asked for into two value records of objects (5 ms of a PDF
// run's kerning checks, 3 ms more to apply them); the bytes give the same numbers. The layout is
// read from fontkit's own lazy array (its stream and where it starts) and checked against
// the subtable's header; where anything differs, null, and the records are decoded.
export function classRecordBytes(table: SubTable): ClassRecordBytes | null {
  let raw = classRecordBytesOf.get(table);
  if (raw !== undefined) return raw;
  raw = null;
  const records = table.classRecords as unknown as { base?: unknown; stream?: { view?: unknown } } | undefined;
  const start = (table as unknown as { _startOffset?: unknown })._startOffset;
  const view = records?.stream?.view;
  if (view instanceof DataView && typeof start === 'number' && records!.base === start + 16 && start + 16 <= view.byteLength) {
    // posFormat, coverage, valueFormat1, valueFormat2, classDef1, classDef2, class1Count, class2Count.
    const fields = (format: number): number => {
      let n = 0;
      for (let bit = 0; bit < 8; bit++) if (format & (1 << bit)) n++;
      return n;
    };
    const class1Count = view.getUint16(start + 12);
    const class2Count = view.getUint16(start + 14);
    const format1 = view.getUint16(start + 4);
    const format2 = view.getUint16(start + 6);
    const bytes1 = 2 * fields(format1);
    const recordBytes = bytes1 + 2 * fields(format2);
    const end = start + 16 + class1Count * class2Count * recordBytes;
    const fontkit = table as unknown as { class1Count?: unknown; class2Count?: unknown };
    if (view.getUint16(start) === 2 && fontkit.class1Count === class1Count && fontkit.class2Count === class2Count && recordBytes > 0 && end <= view.byteLength) {
      raw = { view, start: start + 16, class1Count, class2Count, format1, format2, recordBytes, bytes1 };
    }
  }
  classRecordBytesOf.set(table, raw);
  return raw;
}

// Where the record of a class pair starts in the font's bytes, when they can be read there.
function recordAt(raw: ClassRecordBytes | null, class1: number, class2: number): number | undefined {
  if (raw === null || class1 >= raw.class1Count || class2 >= raw.class2Count) return undefined;
  return raw.start + (class1 * raw.class2Count + class2) * raw.recordBytes;
}

// GSUB 4: whether a ligature starting with `first` may take `second` as its next component.
export function ligates(table: SubTable, first: number, second: number): boolean {
  const index = coverageIndex(table.coverage, first);
  if (index < 0) return false;
  return table.ligatureSets!.get(index).some((l) => l.components.length === 0 || l.components[0] === second);
}

// GSUB 4: every glyph a ligature takes after its first.
export function forEachComponent(table: SubTable, fn: (glyph: number) => void): void {
  const sets = table.ligatureSets!;
  for (let i = 0; i < sets.length; i++) for (const l of sets.get(i)) for (const g of l.components) fn(g);
}

// GSUB 4: whether a glyph has a ligature of its own alone (no further component).
export function ligatesAlone(table: SubTable, glyph: number): boolean {
  const index = coverageIndex(table.coverage, glyph);
  return index >= 0 && table.ligatureSets!.get(index).some((l) => l.components.length === 0);
}

/** A glyph as fontkit's processors carry it through substitution: its id and the characters it stands for. */
export interface GlyphSlot {
  id: number;
  codePoints: number[];
}

/** Where a glyph is drawn, in font units, as fontkit's GlyphPosition. */
export interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/**
 * GSUB 1 or 4 at glyph `i`, as fontkit's GSUB processor applies it: how many glyphs from `i` on
 * the subtable replaced by the one now at `i` (1 for a substitution, 1 + its components for a
 * ligature; the components are left in the array for the caller to skip), 0 when it does not
 * apply, or undefined for what fontkit would read otherwise (a format it does not know, a
 * substitute that is not there). Only for glyphs no lookup skips (no marks, no lookup ignoring
 * base glyphs or ligatures): the components follow directly.
 */
export function applySubstitution(type: number, table: SubTable, glyphs: GlyphSlot[], i: number): number | undefined {
  const glyph = glyphs[i]!;
  const index = coverageIndex(table.coverage, glyph.id);
  if (index < 0) return 0;
  if (type === 1) {
    if (table.version === 1 && typeof table.deltaGlyphID === 'number') glyph.id = (glyph.id + table.deltaGlyphID) & 0xffff;
    else if (table.version === 2 && table.substitute !== undefined) {
      const id = table.substitute.get(index);
      if (typeof id !== 'number') return undefined;
      glyph.id = id;
    } else return undefined;
    return 1;
  }
  if (type !== 4) return undefined;
  for (const ligature of table.ligatureSets!.get(index)) {
    const n = ligature.components.length;
    if (i + n >= glyphs.length) continue;
    let matched = true;
    for (let k = 0; k < n && matched; k++) matched = glyphs[i + 1 + k]!.id === ligature.components[k];
    if (!matched) continue;
    const codePoints = [...glyph.codePoints];
    for (let k = 1; k <= n; k++) codePoints.push(...glyphs[i + k]!.codePoints);
    glyphs[i] = { id: ligature.glyph, codePoints };
    return n + 1;
  }
  return 0;
}

/**
 * GPOS 2 at `first` followed by `second`, as fontkit's GPOS processor applies it: whether the
 * subtable applies (its adjustments then added to the two positions), or undefined for what
 * fontkit would read otherwise (a format it does not know, a record or value not there).
 */
export function applyPair(table: SubTable, first: number, second: number, a: Position, b: Position): boolean | undefined {
  const index = coverageIndex(table.coverage, first);
  if (index < 0) return false;
  let record: { value1: ValueRecord; value2: ValueRecord } | undefined;
  if (table.version === 1) {
    record = table.pairSets!.get(index).find((p) => p.secondGlyph === second);
    if (record === undefined) return false;
  } else if (table.version === 2) {
    const class1 = classOf(first, table.classDef1!);
    const class2 = classOf(second, table.classDef2!);
    const raw = classRecordBytes(table);
    const at = recordAt(raw, class1, class2);
    if (at !== undefined) {
      moveBy(a, raw!.view, at, raw!.format1);
      moveBy(b, raw!.view, at + raw!.bytes1, raw!.format2);
      return true;
    }
    record = table.classRecords!.get(class1)?.get(class2);
    if (record === undefined) return undefined;
  } else return undefined;
  if (record.value1 == null || record.value2 == null) return undefined;
  move(a, record.value1);
  move(b, record.value2);
  return true;
}

// Add a value record to a position, field by field as fontkit does (device tables apply only
// with variations, which a font shaping.ts takes has not).
function move(p: Position, v: Record<string, unknown>): void {
  if (v.xAdvance != null) p.xAdvance += v.xAdvance as number;
  if (v.yAdvance != null) p.yAdvance += v.yAdvance as number;
  if (v.xPlacement != null) p.xOffset += v.xPlacement as number;
  if (v.yPlacement != null) p.yOffset += v.yPlacement as number;
}

// move() for a value record read from the font's bytes: its fields in the order of their bits
// (x and y placement, x and y advance, then the four device offsets, which move() ignores).
function moveBy(p: Position, view: DataView, at: number, format: number): void {
  let i = at;
  for (let bit = 0; bit < 8; bit++) {
    if ((format & (1 << bit)) === 0) continue;
    const v = view.getInt16(i);
    i += 2;
    if (bit === 0) p.xOffset += v;
    else if (bit === 1) p.yOffset += v;
    else if (bit === 2) p.xAdvance += v;
    else if (bit === 3) p.yAdvance += v;
  }
}

/**
 * The subtables of the lookups fontkit's plan applies to a word of script `tag`, in its order:
 * the lookups of `features` in the language system it selects (the default; a feature tag
 * listed twice: the later), sorted by lookup index, a lookup once for each feature that lists
 * it; each subtable with its lookup type (extensions resolved). Null when no script is selected.
 */
export function planLookups(table: LayoutTable, tag: string, features: readonly string[], gpos: boolean): Array<{ lookup: Lookup; subtables: Array<[number, SubTable]> }> | null {
  const entry = findScript(table, tag);
  if (entry === null) return null;
  const byTag = new Map<string, number[]>();
  for (const index of entry.script.defaultLangSys?.featureIndexes ?? []) {
    const record = table.featureList[index]!;
    byTag.set(record.tag, record.feature.lookupListIndexes);
  }
  const indexes: number[] = [];
  for (const feature of features) for (const li of byTag.get(feature) ?? []) indexes.push(li);
  indexes.sort((a, b) => a - b);
  return indexes.map((li) => {
    const lookup = table.lookupList.get(li);
    return { lookup, subtables: lookup.subTables.map((sub) => resolve(lookup.lookupType, sub, gpos)) };
  });
}
