// Edit a year file's YAML Document: set and remove fields of its observations and
// milestone states, keeping its comments, its key order, its flow or block style and
// every entry it is not asked to change, and its line endings (yaml writes LF: the
// edited text is given the file's own, see keepLineEndings). Besides
// validate/yaml-source.ts (which reads YAML nodes for diagnostics), this is the one
// module that touches YAML nodes, and the only one that changes them. Pure: text in,
// text out.

import { diffArrays } from 'diff';
import { Document, Pair, Scalar, YAMLMap, isMap, isPair, isScalar, parseDocument } from 'yaml';

export type Section = 'observations' | 'milestones';

/** A field to set (with the decimals a number is written with) or, with `value: null`, to remove. */
export interface FieldChange {
  field: string;
  value: string | number | null;
  decimals?: number;
}

/** What to do to one entry of a section; the entry is created when it is absent. */
export interface EntryChange {
  section: Section;
  id: string;
  fields: FieldChange[];
}

export interface EditOptions {
  year: number;
  /** The comment a new file starts with (the schema line), without `# `. */
  header: string | null;
  /** Order of a new entry's fields, and where a new field goes among existing ones. */
  fieldOrder: Readonly<Record<Section, readonly string[]>>;
  /** The plan's order of ids: a new entry goes after the nearest earlier one present. */
  idOrder: Readonly<Record<Section, readonly string[]>>;
  /** Fields written as quoted text (dates, so that 2025 stays text). */
  quoted: ReadonlySet<string>;
}

export interface EditResult {
  text: string;
  /** Entries that were added or whose content changed, in the order of the changes. */
  changed: Array<{ section: Section; id: string; added: boolean }>;
}

/** How yaml writes every year file cixi-plan edits: no folding, `{a: 1}` flow maps. */
const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

// Parse as the validator does: YAML 1.2 core schema, no tag resolution beyond it.
function parse(text: string): Document.Parsed {
  return parseDocument(text, { schema: 'core', resolveKnownTags: false, uniqueKeys: false });
}

// A number as yaml writes it with at least `decimals` decimals.
function numberText(value: number, decimals: number | undefined): string {
  let n = JSON.stringify(value);
  if (decimals === undefined || decimals <= 0 || n.includes('e')) return n;
  if (!n.includes('.')) n += '.';
  const have = n.length - n.indexOf('.') - 1;
  return n + '0'.repeat(Math.max(0, decimals - have));
}

function ownDecimals(value: number): number {
  const n = JSON.stringify(value);
  return n.includes('.') && !n.includes('e') ? n.length - n.indexOf('.') - 1 : 0;
}

function scalarFor(change: FieldChange, quoted: ReadonlySet<string>): Scalar {
  const node = new Scalar(change.value);
  if (typeof change.value === 'number' && change.decimals !== undefined && change.decimals > ownDecimals(change.value)) {
    node.minFractionDigits = change.decimals;
  }
  if (typeof change.value === 'string' && quoted.has(change.field)) node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

// Whether a scalar already says what a change asks for, as it would be written.
function sameScalar(node: Scalar, change: FieldChange): boolean {
  if (typeof change.value === 'number') {
    if (typeof node.value !== 'number') return false;
    // A cell in General format keeps no trailing zeros: an equal number is the same figure.
    if (change.decimals === undefined) return node.value === change.value;
    const floatTag = node.tag === undefined || node.tag === 'tag:yaml.org,2002:float';
    return numberText(node.value, floatTag ? node.minFractionDigits : undefined) === numberText(change.value, change.decimals);
  }
  return node.value === change.value;
}

function keyOf(p: unknown): string | undefined {
  return isPair(p) && isScalar(p.key) ? String(p.key.value) : undefined;
}

// Insert a pair where `rank` puts it: after the last existing key ranked before it (at the
// end when the last key is, as it is when a file follows the plan's order: no search).
function insertOrdered(map: YAMLMap, pair: Pair, key: string, rank: ReadonlyMap<string, number>): void {
  const r = rank.get(key);
  const last = map.items.at(-1);
  const lastRank = last === undefined ? undefined : rank.get(keyOf(last) ?? '');
  if (r === undefined || map.items.length === 0 || (lastRank !== undefined && lastRank < r)) {
    map.items.push(pair);
    return;
  }
  let at = 0;
  map.items.forEach((p, i) => {
    const pr = rank.get(keyOf(p) ?? '');
    if (pr !== undefined && pr < r) at = i + 1;
  });
  // Keys unknown to the order stay where they are; a new key never jumps ahead of them.
  if (at === 0 && rank.get(keyOf(map.items[0]) ?? '') === undefined) at = map.items.length;
  map.items.splice(at, 0, pair);
}

// The map under a top-level key, created (block style) when absent.
function sectionMap(doc: Document, section: Section): YAMLMap {
  const root = doc.contents as YAMLMap;
  const found: unknown = root.get(section, true);
  if (isMap(found)) {
    if (found.items.length === 0) found.flow = false;
    return found;
  }
  const map = new YAMLMap();
  root.set(section, map);
  return map;
}

/** A section's map with its entries by id, and the ranks of ids and fields. */
interface SectionIndex {
  map: YAMLMap;
  entries: Map<string, YAMLMap>;
  idRank: ReadonlyMap<string, number>;
  fieldRank: ReadonlyMap<string, number>;
}

const ranks = (order: readonly string[]) => new Map(order.map((k, i) => [k, i]));

// Index a section once, so that each entry is found without searching the map.
function indexSection(doc: Document, section: Section, opts: EditOptions): SectionIndex {
  const map = sectionMap(doc, section);
  const entries = new Map<string, YAMLMap>();
  for (const p of map.items) {
    const k = keyOf(p);
    if (k !== undefined && isMap((p as Pair).value) && !entries.has(k)) entries.set(k, (p as Pair).value as YAMLMap);
  }
  return { map, entries, idRank: ranks(opts.idOrder[section]), fieldRank: ranks(opts.fieldOrder[section]) };
}

// Apply one entry's changes; whether its content changed.
function applyEntry(index: SectionIndex, change: EntryChange, opts: EditOptions): { changed: boolean; added: boolean } {
  let entry = index.entries.get(change.id);
  const added = entry === undefined;
  if (entry === undefined) {
    entry = new YAMLMap();
    insertOrdered(index.map, new Pair(new Scalar(change.id), entry), change.id, index.idRank);
    index.entries.set(change.id, entry);
  }
  const before = JSON.stringify(entry.toJSON());
  for (const f of change.fields) {
    const existing = entry.items.find((p) => keyOf(p) === f.field);
    if (f.value === null) {
      if (existing !== undefined) entry.items.splice(entry.items.indexOf(existing), 1);
      continue;
    }
    if (existing !== undefined && isScalar(existing.value)) {
      const node = existing.value;
      if (sameScalar(node, f)) continue;
      const fresh = scalarFor(f, opts.quoted);
      node.value = fresh.value;
      node.tag = undefined;
      node.format = undefined;
      node.minFractionDigits = fresh.minFractionDigits;
      if (typeof f.value === 'number' || fresh.type !== undefined) node.type = fresh.type;
      continue;
    }
    if (existing !== undefined) {
      existing.value = scalarFor(f, opts.quoted);
      continue;
    }
    insertOrdered(entry, new Pair(new Scalar(f.field), scalarFor(f, opts.quoted)), f.field, index.fieldRank);
  }
  return { changed: added || JSON.stringify(entry.toJSON()) !== before, added };
}

/**
 * Apply changes to a year file's text (null: a new file, started with the header
 * comment and `year:`), and return the new text and the entries that changed. The text
 * must be a valid year file (a map at the top).
 */
export function editYearText(text: string | null, changes: readonly EntryChange[], opts: EditOptions): EditResult {
  let doc: Document;
  if (text === null) {
    doc = new Document({ year: opts.year, observations: {} });
    // On the first key, not the document: yaml puts a blank line after a document's comment.
    if (opts.header !== null) (doc.contents as YAMLMap).commentBefore = ` ${opts.header}`;
  } else {
    doc = parse(text);
  }
  const changed: EditResult['changed'] = [];
  const indexes = new Map<Section, SectionIndex>();
  for (const change of changes) {
    let index = indexes.get(change.section);
    if (index === undefined) indexes.set(change.section, (index = indexSection(doc, change.section, opts)));
    const r = applyEntry(index, change, opts);
    if (r.changed) changed.push({ section: change.section, id: change.id, added: r.added });
  }
  const out = text === null ? doc.toString(TO_STRING) : changed.length === 0 ? text : keepLineEndings(text, doc.toString(TO_STRING));
  return { text: out, changed };
}

/**
 * Past this many lines added and removed, the lines of a file that mixes LF and CRLF are no
 * longer matched one by one (the cost grows with the file's length times this): every line
 * then takes the file's most common ending.
 */
const MAX_MATCHED_EDITS = 2000;

// A text's lines without their endings, and each line's ending ('' for a last line without one).
function splitLines(text: string): { lines: string[]; ends: string[] } {
  const lines: string[] = [];
  const ends: string[] = [];
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) {
      lines.push(text.slice(at));
      ends.push('');
      break;
    }
    const crlf = nl > at && text.charCodeAt(nl - 1) === 13;
    lines.push(text.slice(at, crlf ? nl - 1 : nl));
    ends.push(crlf ? '\r\n' : '\n');
    at = nl + 1;
  }
  return { lines, ends };
}

/**
 * Give `edited` (yaml's text of the edited `original`, every line ending in LF) the line
 * endings of `original`: each line it keeps unchanged keeps its own ending, and each line
 * the edit adds or rewrites takes the ending most of the original's lines have (on a tie,
 * the first line's). A last line that had no ending and is still last keeps none.
 */
export function keepLineEndings(original: string, edited: string): string {
  let lf = 0;
  let crlf = 0;
  for (let nl = original.indexOf('\n'); nl >= 0; nl = original.indexOf('\n', nl + 1)) {
    if (nl > 0 && original.charCodeAt(nl - 1) === 13) crlf++;
    else lf++;
  }
  const open = original !== '' && !original.endsWith('\n');
  if (crlf === 0 && !open) return edited;
  const majority = crlf > lf || (crlf === lf && /^[^\n]*\r\n/.test(original)) ? '\r\n' : '\n';
  const lastOf = (text: string) => text.slice(text.lastIndexOf('\n', text.length - 2) + 1, text.endsWith('\n') ? -1 : undefined);
  // The original's last line without an ending is still the last: it keeps none.
  const trim = (text: string, end: string) => (open && edited.endsWith('\n') && lastOf(edited) === lastOf(original) ? text.slice(0, -end.length) : text);
  if (lf === 0 || crlf === 0) return trim(majority === '\n' ? edited : edited.replace(/\n/g, '\r\n'), majority);

  // Both endings: match the lines, to know which are the original's and keep their endings.
  const old = splitLines(original);
  const now = splitLines(edited);
  const parts = diffArrays(old.lines, now.lines, { maxEditLength: MAX_MATCHED_EDITS });
  if (parts === undefined) return trim(majority === '\n' ? edited : edited.replace(/\n/g, '\r\n'), majority);
  const out: string[] = [];
  let i = 0; // the original's line
  let j = 0; // the edited text's line
  for (const part of parts) {
    if (part.removed) {
      i += part.count;
      continue;
    }
    for (let k = 0; k < part.count; k++, j++) {
      const own = part.added ? undefined : old.ends[i + k];
      const last = j === now.lines.length - 1;
      // yaml ends every line; one the original left open keeps that only while it is last.
      const end = now.ends[j] === '' ? '' : own === undefined || (own === '' && !last) ? majority : own;
      out.push(now.lines[j]!, end);
    }
    if (!part.added) i += part.count;
  }
  return out.join('');
}

/** The first line of a year file when it is a comment (the schema line), without `# `. */
export function headerComment(text: string): string | null {
  const m = /^#\s?(.*)$/m.exec(text.split(/\r?\n/, 1)[0] ?? '');
  return m ? m[1]!.trim() : null;
}
