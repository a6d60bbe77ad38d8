// A fast reader for the plain YAML that plan files are written in: block maps and lists,
// one-line plain and quoted scalars, lists and maps in brackets on one line (nested, and as
// list items: `- {id: gdp, target: {value: 3200}}`), comments. It reads
// a 10,000-indicator plan about twenty times faster than `yaml` builds its Document, because
// it builds no nodes and never recovers from an error.
//
// A file that is one JSON value is read by json-yaml.ts instead.
//
// It answers only when it is sure: any text it does not fully understand (anchors, tags,
// block scalars, multi-line scalars, brackets over several lines, tabs, control characters, repeated
// keys, odd indentation, a key that is not plain text or a whole number…) gives `undefined`,
// and the caller parses the file with `yaml` as before. Where it answers, the value is the
// one `yaml` gives with the options of yaml-source.ts (YAML 1.2 core schema), and the file
// has no YAML error or warning. Asked again with positions, it gives the spans yaml's nodes
// would have for keys, one-line values and most blocks, so that a diagnostic is placed
// without yaml; the rest is left to yaml's Document (yaml-source.ts `rangeOf`).
// test/plain-yaml.test.ts holds all of this to `yaml` on generated and mutated texts.

import { answer, checkedKey, define, MAX_KEY_LENGTH, MAX_PLAIN_DEPTH, NOT_PLAIN, place, recordDecimals, resolvePlain, hasUnsupportedCharacter, type PlainYaml, type Positions, type Span } from './plain-scalars.js';
import { readJsonYaml } from './json-yaml.js';

export type { PlainYaml, Positions, Span } from './plain-scalars.js';

/** A key the reader takes: text, or a whole number written as its own string form. */
const WHOLE_NUMBER_KEY = /^(?:0|[1-9][0-9]{0,14})$/;

interface Line {
  /** Spaces before the content. */
  indent: number;
  /** Offset of the content's first character in the text. */
  offset: number;
  /** Offset just past the line's line break (the text's end on a last line without one). */
  end: number;
  /**
   * The deepest indent of the comment lines between this line and the next line of content,
   * if any: yaml's range of a block ending on this line takes in some comments indented
   * deeper than the block, and of the blank lines between, by rules of its parser's own.
   */
  commentIndent?: number;
  /** The line from its first non-space character, without the line break. */
  text: string;
}

/**
 * Read a file the fast way, or return undefined when it is not plain enough to be sure.
 * With `positions`, also record where each entry is (for diagnostics; a little slower).
 */
export function readPlainYaml(source: string, positions = false): PlainYaml | undefined {
  if (hasUnsupportedCharacter(source)) return undefined;
  // A file that is one JSON object or array (as programs write year files): json-yaml.ts.
  const opening = /[^ \r\n]/.exec(source);
  if (opening !== null && (opening[0] === '{' || opening[0] === '[')) return readJsonYaml(source, positions);
  const lines: Line[] = [];
  let start = 0;
  let first = true;
  let previous: Line | undefined;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    // The line without its CR LF, read in place: one string per line, its text after the indent.
    const lineEnd = source.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const lineStart = start;
    start = end + 1;
    let indent = 0;
    while (lineStart + indent < lineEnd && source.charCodeAt(lineStart + indent) === 32) indent++;
    if (lineStart + indent >= lineEnd) continue;
    if (source.charCodeAt(lineStart + indent) === 35 /* # */) {
      if (previous !== undefined) previous.commentIndent = Math.max(previous.commentIndent ?? 0, indent);
      continue;
    }
    const text = source.slice(lineStart + indent, lineEnd);
    // Directives, document markers and anything else at column 0 that is not data: yaml's.
    // A first line `---` (with nothing but a comment after it) starts the one document.
    if (indent === 0 && (text.startsWith('---') || text.startsWith('...') || text.startsWith('%'))) {
      if (first && /^---(?: +#.*| *)$/.test(text)) {
        first = false;
        continue;
      }
      return undefined;
    }
    first = false;
    previous = { indent, offset: lineStart + indent, end: Math.min(end + 1, source.length), text };
    lines.push(previous);
  }
  const reader = new Reader(lines, positions);
  return answer(reader, () => {
    if (lines.length === 0) return { value: null };
    const value = reader.block(0, lines[0]!.indent, 0);
    return reader.at !== lines.length || value === null || typeof value !== 'object' ? undefined : { value };
  });
}

class Reader {
  at = 0;
  readonly decimals = new WeakMap<object, Record<string, number>>();
  readonly positions: Positions | undefined;
  /** The span of the value scalarLine read last (kept only when positions are asked for). */
  private span: Span = [0, 0];
  /** A span, or NO_SPAN without positions: an array made for nothing is garbage to collect. */
  private spanOf(from: number, to: number): Span {
    return this.positions === undefined ? NO_SPAN : [from, to];
  }
  constructor(private readonly lines: Line[], positions: boolean) {
    if (positions) this.positions = new WeakMap();
  }


  /** The block map or list whose first line is `at`, all of whose lines start at `indent`. */
  block(at: number, indent: number, depth: number): unknown {
    if (depth > MAX_PLAIN_DEPTH) throw NOT_PLAIN;
    const line = this.lines[at]!;
    if (isItem(line.text)) return this.list(at, indent, depth);
    return this.map(at, indent, depth);
  }

  private list(at: number, indent: number, depth: number): unknown[] {
    const items: unknown[] = [];
    const start = this.lines[at]!.offset;
    this.at = at;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent) throw NOT_PLAIN;
      if (!isItem(line.text)) break;
      let rest = 1;
      while (line.text.charCodeAt(rest) === 32) rest++;
      const index = this.positions === undefined ? '' : String(items.length);
      if (rest === line.text.length || line.text.charCodeAt(rest) === 35) {
        // `-` alone: the item is the block below, or empty.
        this.at++;
        this.span = NO_SPAN;
        items.push(this.nested(indent, depth, null, ''));
        place(this.positions, items, index, undefined, this.span === NO_SPAN ? undefined : this.span);
        continue;
      }
      // `- key: value` or `- - x`: the item is a block starting on this line, further in.
      // (`- {…}` and `- […]` are one-line values, whatever colons their brackets hold.)
      const inner: Line = { ...line, indent: line.indent + rest, offset: line.offset + rest, text: line.text.slice(rest) };
      const bracket = inner.text.charCodeAt(0) === 123 || inner.text.charCodeAt(0) === 91;
      if (!bracket && (isItem(inner.text) || entryColon(inner.text) >= 0)) {
        this.lines[this.at] = inner;
        items.push(this.block(this.at, inner.indent, depth + 1));
        place(this.positions, items, index, undefined, this.span === NO_SPAN ? undefined : this.span);
        continue;
      }
      this.at++;
      items.push(this.scalarLine(inner.text, inner.offset, indent, null, '', depth + 1));
      place(this.positions, items, index, undefined, this.span);
    }
    this.blockSpan(start, indent);
    return items;
  }

  /**
   * The span of the block at `indent` starting at offset `start` whose last line is the one
   * before `at`, as yaml's range: from its first entry to past its last line's line break
   * (blank lines after it are not in it, nor comments less indented than the block before
   * more content: a section comment between entries of an outer map). Left to yaml (NO_SPAN)
   * when another comment follows (yaml takes some in, by rules of its parser's own: a hanging
   * list takes in comments at its map's indent), or the last entry is empty.
   */
  private blockSpan(start: number, indent: number): void {
    const last = this.lines[this.at - 1]!;
    const comments = last.commentIndent;
    const plain = comments === undefined || (comments < indent && this.at < this.lines.length);
    this.span = plain && !endsEmpty(last.text) ? this.spanOf(start, last.end) : NO_SPAN;
  }

  private map(at: number, indent: number, depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const start = this.lines[at]!.offset;
    this.at = at;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent || isItem(line.text)) {
        // A list may hang at its key's own indent (`key:` then `- a`), taken below;
        // anywhere else a list item or a deeper line in a map is not plain YAML.
        throw NOT_PLAIN;
      }
      const colon = entryColon(line.text);
      if (colon < 0) throw NOT_PLAIN;
      const key = readKey(line.text.slice(0, colon));
      if (Object.hasOwn(map, key)) throw NOT_PLAIN;
      let rest = colon + 1;
      while (line.text.charCodeAt(rest) === 32) rest++;
      let value: unknown;
      this.at++;
      let valueSpan: Span | undefined;
      if (rest === line.text.length || line.text.charCodeAt(rest) === 35) {
        this.span = NO_SPAN;
        value = this.nested(indent, depth, map, key);
        if (this.span !== NO_SPAN) valueSpan = this.span;
      } else {
        value = this.scalarLine(line.text.slice(rest), line.offset + rest, indent, map, key, depth + 1);
        valueSpan = this.span;
      }
      if (this.positions !== undefined) place(this.positions, map, key, [line.offset, line.offset + colon], valueSpan);
      define(map, key, value);
    }
    this.blockSpan(start, indent);
    return map;
  }

  /** The value of an entry or item with nothing after its `:` or `-`: the block below it, or null. */
  private nested(indent: number, depth: number, map: Record<string, unknown> | null, key: string): unknown {
    const next = this.lines[this.at];
    if (next === undefined || next.indent < indent) return null;
    if (next.indent === indent) return map !== null && isItem(next.text) ? this.list(this.at, indent, depth + 1) : null;
    if (isItem(next.text) || entryColon(next.text) >= 0) return this.block(this.at, next.indent, depth + 1);
    // A scalar on a line of its own below its key: one line only.
    this.at++;
    return this.scalarLine(next.text, next.offset, indent, map, key, depth + 1);
  }

  /**
   * A one-line value: plain, quoted, or a list or map in brackets. The line after it must not
   * be deeper than `indent` (that would continue a multi-line scalar, or be an error).
   */
  private scalarLine(text: string, offset: number, indent: number, map: Record<string, unknown> | null, key: string, depth: number): unknown {
    const following = this.lines[this.at];
    if (following !== undefined && following.indent > indent) throw NOT_PLAIN;
    const c = text.charCodeAt(0);
    if (c === 34 || c === 39) {
      const { value, end } = readQuoted(text, 0);
      if (!isComment(text, end)) throw NOT_PLAIN;
      this.span = this.spanOf(offset, offset + end);
      return value;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const { value, end } = this.flowCollection(text, offset, 0, depth);
      if (!isComment(text, end)) throw NOT_PLAIN;
      this.span = this.spanOf(offset, offset + end);
      return value;
    }
    const plain = plainScalar(text, false);
    this.span = this.spanOf(offset, offset + plain.length);
    return this.plainValue(plain, map, key);
  }

  /** A plain scalar's value, its decimals recorded when it is a number in a map. */
  private plainValue(plain: string, map: Record<string, unknown> | null, key: string): unknown {
    const value = resolvePlain(plain);
    if (typeof value === 'number' && map !== null) recordDecimals(this.decimals, map, key, plain);
    return value;
  }

  /**
   * The list or map in brackets that starts at `from` in `text` (a line, which starts at
   * `offset` in the file), its entries scalars or lists and maps in brackets on the same line:
   * its value, and where it ends (after its closing bracket).
   */
  private flowCollection(text: string, offset: number, from: number, depth: number): { value: unknown; end: number } {
    if (depth > MAX_PLAIN_DEPTH) throw NOT_PLAIN;
    return text[from] === '{' ? this.flowMap(text, offset, from, depth) : this.flowList(text, offset, from, depth);
  }

  /**
   * The entries of the `{…}` or `[…]` at `from`, each read by `entry` from offset `i` (it
   * returns where the entry ends): no empty entry. Returns where the closing bracket ends.
   */
  private flow(text: string, from: number, close: string, entry: (i: number) => number): number {
    let i = from + 1;
    const skip = (): void => {
      while (text.charCodeAt(i) === 32) i++;
    };
    skip();
    if (text[i] !== close) {
      for (;;) {
        skip();
        i = entry(i);
        skip();
        if (text[i] !== ',') break;
        i++;
      }
    }
    if (text[i] !== close) throw NOT_PLAIN;
    return i + 1;
  }

  /** A value in brackets: a scalar, or a nested list or map (where it ends, and its span). */
  private flowValue(text: string, offset: number, i: number, stops: string, depth: number, map: Record<string, unknown> | null, key: string): { value: unknown; span: Span; next: number } {
    if (text[i] === '{' || text[i] === '[') {
      const { value, end } = this.flowCollection(text, offset, i, depth + 1);
      return { value, span: this.spanOf(offset + i, offset + end), next: end };
    }
    const v = flowScalar(text, i, stops);
    const value = v.quoted ? v.text : map === null ? resolvePlain(v.text) : this.plainValue(v.text, map, key);
    return { value, span: this.spanOf(offset + i, offset + v.end), next: v.next };
  }

  /** `{key: value, key: "value", key: [a, b]}` on one line, each key followed by `: `. */
  private flowMap(text: string, offset: number, from: number, depth: number): { value: Record<string, unknown>; end: number } {
    const map: Record<string, unknown> = {};
    const end = this.flow(text, from, '}', (i) => {
      const k = flowScalar(text, i, ':');
      // A plain key is taken with no space before its colon; no key as long as yaml refuses.
      if ((!k.quoted && k.end !== k.next) || k.end - i > MAX_KEY_LENGTH) throw NOT_PLAIN;
      const key = checkedKey(k.quoted ? k.text : plainKey(k.text));
      if (text[k.next] !== ':' || text[k.next + 1] !== ' ' || Object.hasOwn(map, key)) throw NOT_PLAIN;
      let j = k.next + 2;
      while (text.charCodeAt(j) === 32) j++;
      const v = this.flowValue(text, offset, j, ',}', depth, map, key);
      if (this.positions !== undefined) place(this.positions, map, key, [offset + i, offset + k.end], v.span);
      define(map, key, v.value);
      return v.next;
    });
    return { value: map, end };
  }

  /** `[a, 2, "c", [d]]` on one line. */
  private flowList(text: string, offset: number, from: number, depth: number): { value: unknown[]; end: number } {
    const items: unknown[] = [];
    const end = this.flow(text, from, ']', (i) => {
      const item = this.flowValue(text, offset, i, ',]', depth, null, '');
      items.push(item.value);
      if (this.positions !== undefined) place(this.positions, items, String(items.length - 1), undefined, item.span);
      return item.next;
    });
    return { value: items, end };
  }
}

/**
 * A quoted or plain scalar in brackets at `i`, a plain one ending before the first of `stops`:
 * its text (a plain one as written, trailing spaces dropped; a quoted one's value), where
 * that ends, and where the scalar's room ends (`next`).
 */
function flowScalar(text: string, i: number, stops: string): { quoted: boolean; text: string; end: number; next: number } {
  if (text[i] === '"' || text[i] === "'") {
    const { value, end } = readQuoted(text, i);
    return { quoted: true, text: value, end, next: end };
  }
  let stop = i;
  while (stop < text.length && !stops.includes(text[stop]!)) stop++;
  const raw = text.slice(i, stop);
  if (raw.trim() === '' || raw.includes(' #')) throw NOT_PLAIN;
  const plain = plainScalar(raw, true);
  return { quoted: false, text: plain, end: i + plain.length, next: stop };
}

/** Marks "no one-line value read" (a block or empty value). */
const NO_SPAN: Span = [-1, -1];

/** Whether a line ends in an empty value: `-` or `key:` with nothing (but a comment) after. */
function endsEmpty(text: string): boolean {
  let i: number;
  if (isItem(text)) i = 1;
  else {
    const colon = entryColon(text);
    if (colon < 0) return false;
    i = colon + 1;
  }
  while (text.charCodeAt(i) === 32) i++;
  return i === text.length || text.charCodeAt(i) === 35;
}

function isItem(text: string): boolean {
  return text.charCodeAt(0) === 45 /* - */ && (text.length === 1 || text.charCodeAt(1) === 32);
}

/** Whether `text` from `end` on is only spaces and maybe a comment. */
function isComment(text: string, end: number): boolean {
  let i = end;
  while (text.charCodeAt(i) === 32) i++;
  return i === text.length || (i > end && text.charCodeAt(i) === 35);
}

/** Where the `:` that ends a map entry's key is (followed by a space or the line's end), or -1. */
function entryColon(text: string): number {
  const c = text.charCodeAt(0);
  if (c === 34 || c === 39) {
    const { end } = readQuoted(text, 0);
    return text.charCodeAt(end) === 58 && (end + 1 === text.length || text.charCodeAt(end + 1) === 32) ? end : -1;
  }
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    if (i + 1 === text.length || text.charCodeAt(i + 1) === 32) return i;
  }
  return -1;
}

/** A map key: plain text or a quoted string, taken only when it is text or a whole number. */
function readKey(text: string): string {
  if (text.length === 0 || text.length > MAX_KEY_LENGTH) throw NOT_PLAIN;
  const c = text.charCodeAt(0);
  if (c === 34 || c === 39) {
    const { value, end } = readQuoted(text, 0);
    if (end !== text.length) throw NOT_PLAIN;
    return checkedKey(value);
  }
  // No space before the colon, no comment inside.
  if (text.charCodeAt(text.length - 1) === 32 || text.includes(' #')) throw NOT_PLAIN;
  return checkedKey(plainKey(plainScalar(text, false)));
}

/** A plain key's text as the key it is: text, or a whole number in its own string form. */
function plainKey(plain: string): string {
  const value = resolvePlain(plain);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && WHOLE_NUMBER_KEY.test(plain)) return plain;
  throw NOT_PLAIN;
}

// Characters that cannot begin a plain scalar (`-`, `?` and `:` can, when followed by a
// non-space character: `-1.5`).
const INDICATORS = new Set([...',[]{}#&*!|>\'"%@`']);
const FLOW_INDICATORS = new Set([...',[]{}']);

/**
 * A one-line plain scalar's text (trailing spaces and a comment dropped). In a flow list
 * it may not hold `,[]{}`. Throws NOT_PLAIN when the text is not one plain scalar.
 */
function plainScalar(text: string, flow: boolean): string {
  const first = text[0]!;
  if (INDICATORS.has(first)) throw NOT_PLAIN;
  if (first === '-' || first === '?' || first === ':') {
    const second = text[1];
    if (second === undefined || second === ' ' || (flow && FLOW_INDICATORS.has(second))) throw NOT_PLAIN;
  }
  let end = text.length;
  const comment = text.indexOf(' #');
  if (comment >= 0) end = comment;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  const plain = end === text.length ? text : text.slice(0, end);
  // `: ` inside or a `:` at the end would start a mapping: not one scalar.
  if (plain.includes(': ') || plain.endsWith(':')) throw NOT_PLAIN;
  if (flow) {
    for (const ch of FLOW_INDICATORS) if (plain.includes(ch)) throw NOT_PLAIN;
    if (plain.includes(':')) throw NOT_PLAIN;
  }
  return plain;
}

/**
 * A quoted scalar on one line starting at `from`: single quotes with `''` for a quote,
 * double quotes without escapes. Throws NOT_PLAIN otherwise.
 */
function readQuoted(text: string, from: number): { value: string; end: number } {
  const quote = text[from]!;
  if (quote === '"') {
    const close = text.indexOf('"', from + 1);
    if (close < 0) throw NOT_PLAIN;
    const value = text.slice(from + 1, close);
    if (value.includes('\\')) throw NOT_PLAIN;
    return { value, end: close + 1 };
  }
  let value = '';
  let i = from + 1;
  for (;;) {
    const close = text.indexOf("'", i);
    if (close < 0) throw NOT_PLAIN;
    value += text.slice(i, close);
    if (text[close + 1] !== "'") return { value, end: close + 1 };
    value += "'";
    i = close + 2;
  }
}

/**
 * The span a JSON pointer's segments name, as yaml-source.ts `rangeOfPointer` finds it in
 * yaml's Document: the deepest entry that exists (`exact` false when the pointer goes
 * further), its key's span when `anchor` is `key` and it has one, else its value's.
 * Undefined when that is a block value, an empty one or the whole file: yaml's ranges of
 * those take in comments and line ends, and are left to yaml.
 */
export function rangeInPlain(read: PlainYaml, segments: readonly string[], anchor: 'value' | 'key'): { range: [number, number]; exact: boolean } | undefined {
  const positions = read.positions;
  if (positions === undefined) return undefined;
  let node: unknown = read.value;
  let at: { key?: Span; value?: Span } | undefined;
  let exact = true;
  for (const seg of segments) {
    let next: unknown;
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(seg) || Number(seg) >= node.length) {
        exact = false;
        break;
      }
      next = node[Number(seg)];
    } else if (typeof node === 'object' && node !== null && Object.hasOwn(node, seg)) {
      next = (node as Record<string, unknown>)[seg];
    } else {
      exact = false;
      break;
    }
    at = positions.get(node as object)?.get(seg);
    node = next;
  }
  const span = anchor === 'key' && at?.key !== undefined ? at.key : at?.value;
  return span === undefined ? undefined : { range: [span[0], span[1]], exact };
}
