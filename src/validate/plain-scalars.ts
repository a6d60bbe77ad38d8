// What the two fast readers share: plain-yaml.ts (block YAML as people write it) and
// json-yaml.ts (a file that is one JSON value, as programs write it; YAML's flow style is a
// superset of JSON). Both answer only when sure, with the value yaml would give under the
// options of yaml-source.ts; this module holds how yaml resolves a scalar and sets a key.

import { isScalar, Schema, type ParseOptions, type ScalarTag } from 'yaml';

/** [start, end) of a key or a value in the text, in UTF-16 units, as yaml's node ranges. */
export type Span = readonly [number, number];

/**
 * Where the entries of a map or list are (list entries by index as text): the key's span
 * and the value's; no value span for an empty value, or a block that ends in one or is
 * followed by comment lines (yaml's ranges of those are left to yaml).
 */
export type Positions = WeakMap<object, Map<string, { key?: Span; value?: Span }>>;

/** What a fast reader gives for a file it fully understands. */
export interface PlainYaml {
  /** The file's data, as yaml's `toJS` gives it; null for an empty file. */
  value: unknown;
  /**
   * For each map (by identity) that holds plain decimal numbers: the decimals each is
   * written with, by key (`67.00` → 2, `5` → 0), as yaml-source.ts `writtenDecimalsByKey` reads them.
   */
  decimals: WeakMap<object, Record<string, number>>;
  /** Where each entry is, when asked for (`readPlainYaml(text, true)`). */
  positions?: Positions;
}

/** Deeper than this, a fast reader leaves the file to `yaml` (which reports MAX_DEPTH). */
export const MAX_PLAIN_DEPTH = 48;
/** yaml refuses implicit keys longer than 1024 characters; leave long keys to it. */
export const MAX_KEY_LENGTH = 1000;

// Characters a file must not hold for the fast readers: tabs, control characters (C0 but
// LF and CR, DEL, C1), the BOM, line and paragraph separators, non-characters and lone
// surrogates. yaml has its own opinion of each; it is asked.
const UNSUPPORTED_CHARACTER = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\r(?!\n)/;
// One class holding every character the pattern above starts with (any CR, any surrogate):
// most files hold none, and a single class scans a text several times faster.
const SUSPECT_CHARACTER = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Whether `text` holds a character the fast readers leave to yaml (UNSUPPORTED_CHARACTER). */
export function hasUnsupportedCharacter(text: string): boolean {
  return SUSPECT_CHARACTER.test(text) && UNSUPPORTED_CHARACTER.test(text);
}

// yaml's own YAML 1.2 core schema: the tags that resolve a plain scalar by a test, in
// yaml's order (the first whose test matches decides what the scalar is).
const CORE_TESTS = (new Schema({ schema: 'core', resolveKnownTags: false }).tags as ScalarTag[]).filter(
  (tag) => tag.default === true && tag.test !== undefined,
);
const RESOLVE_OPTIONS: ParseOptions = { intAsBigInt: false };
const refuse = (): never => {
  throw NOT_PLAIN;
};
/** A plain decimal number as yaml-source.ts `decimalsOf` reads it. */
const DECIMAL = /^[-+]?[0-9]+(?:\.([0-9]*))?$/;

/** A scalar's value under the core schema, as yaml resolves it; `plain` is its trimmed source text. */
export function resolvePlain(plain: string): unknown {
  const c = plain.charCodeAt(0);
  // Only these first characters can begin anything but a string (or an empty null).
  if (!(plain === '' || c === 126 /* ~ */ || c === 110 || c === 78 /* n N */ || c === 116 || c === 84 || c === 102 || c === 70 /* t T f F */ ||
    c === 43 || c === 45 || c === 46 /* + - . */ || (c >= 48 && c <= 57))) return plain;
  for (const tag of CORE_TESTS) {
    if (!tag.test!.test(plain)) continue;
    const value = tag.resolve(plain, refuse, RESOLVE_OPTIONS);
    return isScalar(value) ? value.value : value;
  }
  return plain;
}

/**
 * Record the decimals a plain number under `key` of `map` is written with (`plain`, its
 * source text), when it is a plain decimal number.
 */
export function recordDecimals(decimals: WeakMap<object, Record<string, number>>, map: object, key: string, plain: string): void {
  const m = DECIMAL.exec(plain);
  if (m === null) return;
  let written = decimals.get(map);
  if (written === undefined) decimals.set(map, (written = Object.create(null) as Record<string, number>));
  written[key] = (m[1] ?? '').length;
}

/** Record where an entry of `container` is (nothing, when positions are not asked for). */
export function place(positions: Positions | undefined, container: object, key: string, keySpan: Span | undefined, valueSpan: Span | undefined): void {
  if (positions === undefined) return;
  let entries = positions.get(container);
  if (entries === undefined) positions.set(container, (entries = new Map()));
  const at: { key?: Span; value?: Span } = {};
  if (keySpan !== undefined) at.key = keySpan;
  if (valueSpan !== undefined) at.value = valueSpan;
  entries.set(key, at);
}

/** Signals that the text is not one a fast reader takes; caught by `answer`. */
class NotPlain {}
export const NOT_PLAIN = new NotPlain();

/**
 * A fast reader's answer: the value `read` gives, with the reader's decimals and positions (the
 * latter only when asked for), or undefined when it gives undefined or refuses the text
 * (throws NOT_PLAIN).
 */
export function answer(reader: { decimals: PlainYaml['decimals']; positions: Positions | undefined }, read: () => { value: unknown } | undefined): PlainYaml | undefined {
  let result: { value: unknown } | undefined;
  try {
    result = read();
  } catch (err) {
    if (err === NOT_PLAIN) return undefined;
    throw err;
  }
  if (result === undefined) return undefined;
  const { value } = result;
  return reader.positions === undefined ? { value, decimals: reader.decimals } : { value, decimals: reader.decimals, positions: reader.positions };
}

/** Set a map's entry as yaml does: a key naming a property of Object.prototype becomes the map's own. */
export function define(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key in map) Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}

/** A key a fast reader takes: neither `<<` (a merge key under other options) nor `__proto__` (defined specially). */
export function checkedKey(key: string): string {
  if (key === '<<' || key === '__proto__') throw NOT_PLAIN;
  return key;
}
