// A fast reader for a file that is one JSON object or array, as programs write year files
// (YAML's flow style takes JSON as it is). yaml builds a node for every token of such a file
// and compares every key of a map with every other; this reads it in one pass, with the
// value, the written decimals and (when asked) the spans yaml's nodes would have, so that a
// diagnostic is placed without yaml.
//
// Like plain-yaml.ts it answers only when sure: anything but strict JSON (comments, trailing
// commas, plain scalars, single quotes, a key and its colon on different lines, a line break
// inside a string, repeated keys, keys yaml treats specially or refuses as too long, nesting
// deeper than MAX_PLAIN_DEPTH) gives undefined, and the caller asks yaml. Numbers, true, false
// and null resolve as yaml resolves them (`-0` is 0); strings with escapes decode as
// JSON.parse decodes them, which is how yaml decodes JSON's escapes. test/plain-yaml.test.ts
// holds it to yaml on JSON texts written in every layout and mutated.

import { answer, checkedKey, define, MAX_KEY_LENGTH, MAX_PLAIN_DEPTH, NOT_PLAIN, place, recordDecimals, resolvePlain, type PlainYaml, type Positions } from './plain-scalars.js';

/** JSON's number, at a position (sticky). */
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;

/**
 * Read `text`, whose first character but spaces and line breaks is `{` or `[`, or return
 * undefined when it is not strict JSON (see above). `text` holds none of the characters
 * plain-scalars.ts `hasUnsupportedCharacter` finds (the caller has checked).
 */
export function readJsonYaml(text: string, positions: boolean): PlainYaml | undefined {
  const reader = new JsonReader(text, positions);
  return answer(reader, () => {
    reader.space();
    const value = reader.value(0, null, '');
    reader.space();
    return reader.at !== text.length || value === null || typeof value !== 'object' ? undefined : { value };
  });
}

class JsonReader {
  at = 0;
  readonly decimals = new WeakMap<object, Record<string, number>>();
  readonly positions: Positions | undefined;
  constructor(private readonly text: string, positions: boolean) {
    if (positions) this.positions = new WeakMap();
  }

  /** Skip spaces and line breaks (a CR only comes before an LF here). */
  space(): void {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(this.at);
      if (c !== 32 && c !== 10 && c !== 13) return;
      this.at++;
    }
  }

  /** The value at `at`; `map` and `key` say where it goes, for the decimals of a number. */
  value(depth: number, map: Record<string, unknown> | null, key: string): unknown {
    const { text } = this;
    const c = text.charCodeAt(this.at);
    if (c === 123 /* { */) return this.object(depth + 1);
    if (c === 91 /* [ */) return this.array(depth + 1);
    if (c === 34 /* " */) return this.string();
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) return this.number(map, key);
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    throw NOT_PLAIN;
  }

  private object(depth: number): Record<string, unknown> {
    if (depth > MAX_PLAIN_DEPTH) throw NOT_PLAIN;
    const { text } = this;
    const map: Record<string, unknown> = {};
    this.at++;
    this.space();
    if (text.charCodeAt(this.at) === 125 /* } */) {
      this.at++;
      return map;
    }
    for (;;) {
      if (text.charCodeAt(this.at) !== 34) throw NOT_PLAIN;
      const keyStart = this.at;
      const key = checkedKey(this.string());
      const keyEnd = this.at;
      if (keyEnd - keyStart > MAX_KEY_LENGTH || Object.hasOwn(map, key)) throw NOT_PLAIN;
      // The colon on the key's line, as JSON writers put it (yaml's rules for a colon on the
      // next line are left to yaml).
      while (text.charCodeAt(this.at) === 32) this.at++;
      if (text.charCodeAt(this.at) !== 58 /* : */) throw NOT_PLAIN;
      this.at++;
      this.space();
      const valueStart = this.at;
      const value = this.value(depth, map, key);
      place(this.positions, map, key, [keyStart, keyEnd], [valueStart, this.at]);
      define(map, key, value);
      if (this.next(125 /* } */)) return map;
    }
  }

  private array(depth: number): unknown[] {
    if (depth > MAX_PLAIN_DEPTH) throw NOT_PLAIN;
    const items: unknown[] = [];
    this.at++;
    this.space();
    if (this.text.charCodeAt(this.at) === 93 /* ] */) {
      this.at++;
      return items;
    }
    for (;;) {
      const start = this.at;
      items.push(this.value(depth, null, ''));
      place(this.positions, items, String(items.length - 1), undefined, [start, this.at]);
      if (this.next(93 /* ] */)) return items;
    }
  }

  /** After an entry: true past the closing bracket, false past a comma (and spaces). */
  private next(close: number): boolean {
    this.space();
    const c = this.text.charCodeAt(this.at++);
    if (c === close) return true;
    if (c !== 44 /* , */) throw NOT_PLAIN;
    this.space();
    return false;
  }

  /** The string whose opening quote is at `at`, on one line. */
  private string(): string {
    const { text } = this;
    const start = this.at;
    let close = start;
    for (;;) {
      close = text.indexOf('"', close + 1);
      if (close < 0) throw NOT_PLAIN;
      // A quote is escaped by an odd number of backslashes before it.
      let slash = close - 1;
      while (text.charCodeAt(slash) === 92) slash--;
      if ((close - 1 - slash) % 2 === 0) break;
    }
    this.at = close + 1;
    const inner = text.slice(start + 1, close);
    if (inner.includes('\n') || inner.includes('\r')) throw NOT_PLAIN;
    if (!inner.includes('\\')) return inner;
    try {
      return JSON.parse(text.slice(start, close + 1)) as string;
    } catch {
      throw NOT_PLAIN;
    }
  }

  private number(map: Record<string, unknown> | null, key: string): number {
    NUMBER.lastIndex = this.at;
    const m = NUMBER.exec(this.text);
    if (m === null) throw NOT_PLAIN;
    const plain = m[0];
    this.at += plain.length;
    const value = resolvePlain(plain);
    if (typeof value !== 'number') throw NOT_PLAIN;
    if (map !== null) recordDecimals(this.decimals, map, key, plain);
    return value;
  }
}

const LITERALS: ReadonlyArray<readonly [string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
