// The only module that navigates YAML nodes to read them: parse texts into Documents
// that keep their positions, turn yaml's errors into Diagnostics, and map JSON
// pointers back to line and column. (sheet/year-document.ts is the one that changes
// a year file's nodes, for `import`.) A file in plain YAML is read by plain-yaml.ts
// instead, which places most diagnostics too; its Document is built only for the others.

import {
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  visit,
  type Node as YamlNode,
  type Pair,
  type ParsedNode,
  type YAMLMap,
  type YAMLError,
} from 'yaml';
import { splitPointer, withText, type Code, type Diagnostic, type Text } from '../diagnostic.js';
import type { SourceText } from '../load/source-text.js';
import { rangeInPlain, readPlainYaml, type PlainYaml } from './plain-yaml.js';
import { deepFlow } from './flow-depth.js';

export type { SourceText } from '../load/source-text.js';

/**
 * A parsed YAML file that keeps its text and positions for diagnostics. For a file the
 * fast reader took, `doc` and `lineCounter` are built by yaml on first use.
 */
export interface Source extends SourceText {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The plain value, when the file parsed without errors; undefined otherwise. */
  value: unknown;
  /** True when the file had YAML-level errors (its shape is not checked further). */
  broken: boolean;
  /** How the fast reader found numbers written, when it read the file (see writtenDecimalsByKey). */
  readonly decimals?: WeakMap<object, Record<string, number>>;
  /** For a file the fast reader took: the file read again with where each entry is. */
  readonly positions?: () => PlainYaml;
}

/** Aliases expanded beyond this count are treated as a resource-exhaustion attack. */
const MAX_ALIAS_COUNT = 200;

/** Levels of nested maps and lists a file may have (plan files need four or five). */
export const MAX_DEPTH = 64;

const TOO_DEEP = { en: `nesting is deeper than ${MAX_DEPTH} levels: plan files need a few`, zh: `嵌套超过${MAX_DEPTH}层：规划文件只需几层` };
const DUPLICATE_KEY = { en: 'this key appears twice in the same map; keep one', zh: '同一映射中这个键出现了两次；请只保留一个' };

/** yaml's error codes that have a code of their own; every other one is `yaml-syntax`. */
const YAML_CODES: Readonly<Record<string, Code>> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab-indent',
  BAD_INDENT: 'yaml-bad-indent',
  BLOCK_AS_IMPLICIT_KEY: 'yaml-bad-indent',
  MULTILINE_IMPLICIT_KEY: 'yaml-bad-indent',
  TAG_RESOLVE_FAILED: 'yaml-unknown-tag',
  RESOURCE_EXHAUSTION: 'yaml-too-deep',
  MULTIPLE_DOCS: 'yaml-multiple-documents',
};

const INDENT_HINT = {
  en: 'check the indentation here and on the line below: keys of one map must start in the same column, values go after `key: ` on the same line or indented below it',
  zh: '请检查这一行和下一行的缩进：同一映射的键须从同一列开始，值写在 `键: ` 之后的同一行，或在下一行缩进书写',
};
const YAML_HINTS: Record<string, Text> = {
  BLOCK_AS_IMPLICIT_KEY: INDENT_HINT,
  MULTILINE_IMPLICIT_KEY: INDENT_HINT,
  BAD_INDENT: INDENT_HINT,
  MISSING_CHAR: { en: 'a bracket or quote is not closed', zh: '有括号或引号没有闭合' },
  TAB_AS_INDENT: { en: 'replace the tab with spaces (2 per level)', zh: '请把制表符换成空格（每级2个）' },
};

// Errors that stand on their own rather than follow from an earlier syntax error.
const STANDALONE = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED', 'KEY_OVER_1024_CHARS']);
const FOLLOW_ON_LINES = 5;

/** Parse one file. Never throws: every problem becomes a diagnostic. */
export function parseSource(input: SourceText): { source: Source; diagnostics: Diagnostic[] } {
  const plain = readPlainYaml(input.text);
  return plain === undefined ? parseWithYaml(input) : { source: plainSource(input, plain.value, plain.decimals), diagnostics: [] };
}

/** yaml's Document of a text, with the options every file is read with. */
function yamlDocument(text: string, lineCounter: LineCounter): Document.Parsed {
  return parseDocument(text, {
    // YAML 1.2 core schema, whatever a %YAML directive says: `No` stays a
    // string, dates stay strings, and no 1.1-only tag is resolved.
    schema: 'core',
    resolveKnownTags: false,
    // yaml's own duplicate-key check compares every key with every other (quadratic
    // in a map's size: minutes for a 10,000-indicator year file); inspectNodes
    // does the same job in one pass.
    uniqueKeys: false,
    strict: true,
    prettyErrors: false,
    lineCounter,
  });
}

// A file the fast reader took: no diagnostics; its lines, the places of its entries and
// yaml's Document are found only when asked for.
function plainSource(input: SourceText, value: unknown, decimals: WeakMap<object, Record<string, number>>): Source {
  const { text } = input;
  let doc: Document.Parsed | undefined;
  let lineCounter: LineCounter | undefined;
  let positions: PlainYaml | undefined;
  const source = { file: input.file, text, value, broken: false, decimals } as Source;
  if (input.path !== undefined) source.path = input.path;
  Object.defineProperties(source, {
    doc: { get: () => (doc ??= yamlDocument(text, new LineCounter())), enumerable: true },
    // The line starts yaml's parser records: the text's start and after every LF (a plain file has no lone CR).
    lineCounter: {
      get: () => {
        if (lineCounter === undefined) {
          lineCounter = new LineCounter();
          lineCounter.addNewLine(0);
          for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
        }
        return lineCounter;
      },
      enumerable: true,
    },
    // Not enumerable: a function, which a copy or a structured clone of the source cannot take.
    positions: { value: () => (positions ??= readPlainYaml(text, true)!), enumerable: false },
  });
  return source;
}

/**
 * Parse one file with yaml, as every file not in plain YAML is: every YAML error and
 * warning becomes a diagnostic. Exported for the tests that hold the fast reader to it.
 */
export function parseWithYaml(input: SourceText): { source: Source; diagnostics: Diagnostic[] } {
  const { file, text } = input;
  let lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  // Flow collections nested past FLOW_CUT levels: yaml reads the text before the bracket that
  // opens that level (read whole, it has crashed the process; see flow-depth.ts).
  const deep = deepFlow(text);
  let doc = yamlDocument(deep === undefined ? text : text.slice(0, deep.cut), lineCounter);
  const source: Source = { file, text, doc, lineCounter, value: undefined, broken: false };
  if (input.path !== undefined) source.path = input.path;
  // yaml reads a lone CR as text, so an old-Mac file is one long line (a comment, often:
  // an "empty" file). Say what it is rather than what it looks like to the parser.
  const loneCR = text.search(/\r(?!\n)/);
  if (loneCR >= 0) {
    source.broken = true;
    return {
      source,
      diagnostics: [
        spanDiagnostic(source, loneCR, loneCR + 1, 'error', 'yaml-line-endings',
          { en: 'lines end with a lone carriage return (CR, old Mac line endings), which are not read as line breaks',
            zh: '行尾是单独的回车符（CR，旧式 Mac 换行），不会被读作换行' },
          { en: 'save the file with LF (Unix) or CRLF (Windows) line endings', zh: '请以 LF（Unix）或 CRLF（Windows）换行保存文件' }),
      ],
    };
  }
  let nodes = inspectNodes(source);
  if (deep !== undefined && nodes.tooDeep === null) {
    // Brackets counted that open no collection (in a block scalar): the text is read whole.
    lineCounter = new LineCounter();
    doc = yamlDocument(text, lineCounter);
    Object.assign(source, { doc, lineCounter });
    nodes = inspectNodes(source);
  } else if (deep !== undefined) {
    // What yaml says from the deep collection on is about the cut (brackets left open).
    const before = (e: YAMLError) => e.pos[0] < deep.start;
    doc.errors = doc.errors.filter(before);
    doc.warnings = doc.warnings.filter(before);
  }
  const fromYaml = (e: YAMLError, severity: 'error' | 'warning'): Diagnostic =>
    spanDiagnostic(source, e.pos[0], tokenEnd(text, e.pos[0], e.pos[1]), severity, (Object.hasOwn(YAML_CODES, e.code) ? YAML_CODES[e.code]! : 'yaml-syntax'), yamlMessage(e), YAML_HINTS[e.code]);
  // After a syntax error the parser's recovery reports follow-on errors on the
  // next few lines; the first one is the one to fix.
  let lastSyntaxLine = -Infinity;
  for (const e of doc.errors) {
    // yaml caught a stack overflow: the depth check below says where and why.
    if (e.code === 'RESOURCE_EXHAUSTION' && nodes.tooDeep !== null) continue;
    const d = fromYaml(e, 'error');
    if (STANDALONE.has(e.code)) {
      diagnostics.push(d);
      continue;
    }
    if (d.line - lastSyntaxLine <= FOLLOW_ON_LINES) continue;
    lastSyntaxLine = d.line;
    diagnostics.push(d);
  }
  // Unresolved tags are warnings in yaml; an unknown tag is never acceptable in plan data.
  // A scalar's !!int, !!float, !!bool or !!null was judged by inspectNodes.
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED' && nodes.judgedTags.has(w.pos[0])) continue;
    diagnostics.push(fromYaml(w, w.code === 'TAG_RESOLVE_FAILED' ? 'error' : 'warning'));
  }
  if (nodes.tooDeep !== null) {
    // Walking the nodes further (duplicate keys, toJS) would recurse as deep.
    diagnostics.push(spanDiagnostic(source, nodes.tooDeep, nodes.tooDeep + 1, 'error', 'yaml-too-deep', TOO_DEEP));
    source.broken = true;
    return { source, diagnostics };
  }
  for (const d of nodes.diagnostics) diagnostics.push(d);

  for (const range of nodes.duplicateKeys) {
    diagnostics.push(spanDiagnostic(source, range[0], range[1], 'error', 'yaml-duplicate-key', DUPLICATE_KEY));
  }
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    diagnostics.push(
      spanDiagnostic(source, 0, Math.max(1, text.indexOf('\n')), 'warning', 'yaml-version-ignored',
        { en: `%YAML ${doc.directives.yaml.version} directive ignored: files are read as YAML 1.2 (core schema), so \`No\` stays text`,
          zh: `已忽略 %YAML ${doc.directives.yaml.version} 指令：文件一律按 YAML 1.2 核心模式读取，\`No\` 仍是文本` }),
    );
  }

  if (diagnostics.some((d) => d.severity === 'error')) {
    source.broken = true;
    return { source, diagnostics };
  }
  try {
    source.value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml throws a plain ReferenceError for an alias bomb (billion laughs).
    source.broken = true;
    const reason = err instanceof Error ? err.message : String(err);
    const firstAlias = findFirstAlias(doc);
    const range = firstAlias ?? [0, 1];
    diagnostics.push(
      spanDiagnostic(source, range[0], range[1], 'error', 'yaml-alias-bomb',
        { en: `aliases expand too far (${reason}); write the values out instead of repeating anchors`,
          zh: '别名展开过多；请直接写出各值，不要反复引用锚点' }),
    );
  }
  return { source, diagnostics };
}

// yaml marks some errors with a one-character span: widen it to the token there.
function tokenEnd(text: string, start: number, end: number): number {
  if (end - start > 1) return end;
  const m = /^[^\s:,[\]{}]+/.exec(text.slice(start, start + 200));
  return m ? start + m[0].length : end;
}

// Word yaml's errors for people who edit plan files; keep yaml's own text otherwise.
function yamlMessage(e: YAMLError): Text {
  const first = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
  switch (e.code) {
    case 'TAG_RESOLVE_FAILED': {
      const tag = /Unresolved tag: (\S+)/.exec(first)?.[1]?.replace('tag:yaml.org,2002:', '!!') ?? 'this tag';
      return { en: `tag \`${tag}\` is not allowed: plan files hold plain text, numbers, lists and maps`,
        zh: `不允许使用标签 \`${tag}\`：规划文件只含文本、数字、列表和映射` };
    }
    case 'DUPLICATE_KEY':
      return DUPLICATE_KEY;
    case 'TAB_AS_INDENT':
      return { en: 'tabs are not allowed for indentation; indent with spaces', zh: '不能用制表符缩进；请用空格' };
    case 'RESOURCE_EXHAUSTION':
      return TOO_DEEP;
    case 'MULTIPLE_DOCS':
      // yaml's own text names its API (`use YAML.parseAllDocuments()`), nothing a user can do.
      return { en: 'a second YAML document starts here (after `---`): a plan file holds one document; remove the `---` line and what follows it, or move that to a file of its own',
        zh: '这里开始了第二个 YAML 文档（`---` 之后）：规划文件只能有一个文档；请删去 `---` 这一行及其后的内容，或把它移到单独的文件' };
    default:
      return first;
  }
}

/** The tags a scalar may carry when they restate what the plain value already is. */
const PLAIN_NUMBER = { en: 'write the number as a plain number, without quotes and without the tag', zh: '请直接写数字，不加引号，也不加标签' };
const RESTATING_TAGS: Record<string, { accepts: (v: unknown) => boolean; not: { en: string; zh: string }; hint: { en: string; zh: string } }> = {
  'tag:yaml.org,2002:int': {
    accepts: (v) => typeof v === 'number' && Number.isInteger(v),
    not: { en: 'a whole number', zh: '整数' },
    hint: PLAIN_NUMBER,
  },
  'tag:yaml.org,2002:float': {
    accepts: (v) => typeof v === 'number',
    not: { en: 'a number', zh: '数字' },
    hint: PLAIN_NUMBER,
  },
  'tag:yaml.org,2002:bool': {
    accepts: (v) => typeof v === 'boolean',
    not: { en: 'true or false', zh: 'true 或 false' },
    hint: { en: 'write true or false, without quotes and without the tag', zh: '请写 true 或 false，不加引号，也不加标签' },
  },
  'tag:yaml.org,2002:null': {
    accepts: (v) => v === null,
    not: { en: 'empty', zh: '空值' },
    hint: { en: 'leave the value out, without the tag', zh: '请留空，也不加标签' },
  },
};

/** What inspectNodes found. */
interface NodeFindings {
  /** Offset of the first map or list nested deeper than MAX_DEPTH; the walk stopped there. */
  tooDeep: number | null;
  /** Undefined aliases and tags that would convert a value. */
  diagnostics: Diagnostic[];
  /** Offsets of the restating tags judged here (yaml's own warnings about them are dropped). */
  judgedTags: Set<number>;
  /** Ranges of keys that repeat an earlier key of the same map, in document order. */
  duplicateKeys: Array<[number, number]>;
}

// Walk the nodes in document order without recursion (a file may nest thousands deep):
// stop at the first map or list deeper than MAX_DEPTH, report aliases that name no
// earlier anchor, judge scalars tagged !!int, !!float, !!bool or !!null, and find keys
// repeated in a map (yaml's own check compares every key with every other: quadratic in a
// map's size, minutes for a 10,000-indicator year file).
function inspectNodes(source: Source): NodeFindings {
  const found: NodeFindings = { tooDeep: null, diagnostics: [], judgedTags: new Set(), duplicateKeys: [] };
  const anchors = new Set<string>();
  const maps: YAMLMap[] = [];
  const stack: Array<[unknown, number]> = [[source.doc.contents, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isPair(node)) {
      stack.push([node.value, depth], [node.key, depth]);
      continue;
    }
    if (isAlias(node)) {
      if (!anchors.has(node.source) && node.range) {
        const name = short(node.source);
        found.diagnostics.push(spanDiagnostic(source, node.range[0], node.range[1], 'error', 'yaml-undefined-alias',
          { en: `alias \`*${name}\` refers to no anchor \`&${name}\` before it`, zh: `别名 \`*${name}\` 之前没有对应的锚点 \`&${name}\`` },
          { en: `put \`&${name}\` on an earlier value, or write the value out`, zh: `请在前面的值上写 \`&${name}\`，或直接写出该值` }));
      }
      continue;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
    if (node.anchor) anchors.add(node.anchor);
    if (isScalar(node)) {
      const d = judgeTag(source, node);
      if (d) found.diagnostics.push(d);
      if (d !== undefined && node.range) found.judgedTags.add(tagStart(source.text, node.range[0]));
      continue;
    }
    if (depth + 1 > MAX_DEPTH) {
      found.tooDeep = node.range?.[0] ?? 0;
      return found;
    }
    if (isMap(node)) maps.push(node);
    for (let i = node.items.length - 1; i >= 0; i--) stack.push([node.items[i], depth + 1]);
  }
  // After the walk: judging a tag can change a key's value.
  for (const map of maps) {
    const seen = new Set<unknown>();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const key = pair.key.value;
      if (seen.has(key) && pair.key.range) found.duplicateKeys.push([pair.key.range[0], pair.key.range[1]]);
      seen.add(key);
    }
  }
  return found;
}

// Where the tag before a value starts (yaml's nodes keep only the value's range).
function tagStart(text: string, valueStart: number): number {
  const before = text.slice(Math.max(0, valueStart - 1024), valueStart);
  const m = /(![^\s]*)(?:\s+&[^\s]+)?\s*$/.exec(before);
  return m ? valueStart - before.length + m.index : valueStart;
}

// A restating tag on a scalar: undefined when the scalar has none, null when the value
// already is what the tag says (it is then read as that), else the error. yaml would
// convert `!!int "1180"` to 1180; plan data never converts a value.
function judgeTag(source: Source, node: Scalar): Diagnostic | null | undefined {
  const rule = node.tag === undefined ? undefined : RESTATING_TAGS[node.tag];
  if (rule === undefined || !node.range) return undefined;
  const raw = source.text.slice(node.range[0], node.range[1]);
  const untagged = plainValue(raw);
  if (untagged.ok && rule.accepts(untagged.value)) {
    node.value = untagged.value;
    return null;
  }
  const tag = `!!${node.tag!.slice('tag:yaml.org,2002:'.length)}`;
  const quoted = JSON.stringify(short(String(untagged.ok ? untagged.value : raw)));
  const what =
    node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE
      ? { en: `the quoted text ${quoted}`, zh: `带引号的文本 ${quoted} 上` }
      : node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED
        ? { en: 'block text', zh: '块文本上' }
        : { en: `${short(raw)}, which is not ${rule.not.en}`, zh: `${short(raw)}（不是${rule.not.zh}）上` };
  return spanDiagnostic(source, tagStart(source.text, node.range[0]), node.range[1], 'error', 'yaml-tag-coercion',
    { en: `\`${tag}\` on ${what.en}: a tag never turns a value into another type`, zh: `\`${tag}\` 标在${what.zh}：标签不会把值转换成另一种类型` }, rule.hint);
}

// Text from the file quoted in a message: at most 40 characters.
function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

// What a scalar's source text means without a tag (YAML 1.2 core schema).
function plainValue(raw: string): { ok: true; value: unknown } | { ok: false } {
  const doc = parseDocument(raw, { schema: 'core', resolveKnownTags: false, prettyErrors: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return { ok: false };
  return { ok: true, value: isScalar(doc.contents) ? doc.contents.value : undefined };
}

function findFirstAlias(doc: Document.Parsed): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) found = [node.range[0], node.range[1]];
      return visit.BREAK;
    },
  });
  return found;
}

/** Make a diagnostic for the span [start, end) of a source (offsets in UTF-16 units). */
export function spanDiagnostic(
  source: Pick<Source, 'file' | 'text' | 'lineCounter'>,
  start: number,
  end: number,
  severity: Diagnostic['severity'],
  code: Code,
  message: Text,
  hint?: Text,
): Diagnostic {
  const from = source.lineCounter.linePos(Math.min(start, source.text.length));
  const to = source.lineCounter.linePos(Math.min(Math.max(end, start + 1), source.text.length));
  return withText({ severity, code, file: source.file, line: from.line, col: from.col, endLine: to.line, endCol: to.col }, message, hint);
}

/** What part of a node a diagnostic should point at. */
export type Anchor = 'value' | 'key';

// The entries of large maps by key, built on the first lookup, so that thousands of
// diagnostics pointing into one map (a year file's observations) cost linear time, not
// a search of the map each. Rebuilt if the map's size changed.
const entriesByKey = new WeakMap<YAMLMap, { size: number; byKey: Map<string, Pair> }>();

// The first entry of a map whose scalar key reads `key`.
function entryOf(map: YAMLMap, key: string): Pair | undefined {
  const isEntry = (p: unknown): p is Pair => isPair(p) && isScalar(p.key);
  if (map.items.length <= 16) return map.items.find((p) => isEntry(p) && String((p.key as Scalar).value) === key);
  let index = entriesByKey.get(map);
  if (index?.size !== map.items.length) {
    const byKey = new Map<string, Pair>();
    for (const p of map.items) {
      const k = isEntry(p) ? String((p.key as Scalar).value) : undefined;
      if (k !== undefined && !byKey.has(k)) byKey.set(k, p);
    }
    index = { size: map.items.length, byKey };
    entriesByKey.set(map, index);
  }
  return index.byKey.get(key);
}

/**
 * The range a JSON pointer names in a source (see rangeOfPointer): from the fast reader's
 * record of a file it read, where that can say, else from yaml's Document.
 */
export function rangeOf(source: Source, ptr: string, anchor: Anchor = 'value'): { range: [number, number]; exact: boolean } {
  if (source.positions !== undefined) {
    const found = rangeInPlain(source.positions(), splitPointer(ptr), anchor);
    if (found !== undefined) return found;
  }
  return rangeOfPointer(source.doc, ptr, anchor);
}

/**
 * Find the node a JSON pointer names, or the deepest existing ancestor.
 * Returns the node's [start, end) range, preferring the key of a map entry
 * when `anchor` is `key` (used for unknown keys and for missing properties).
 */
export function rangeOfPointer(
  doc: Document.Parsed,
  ptr: string,
  anchor: Anchor = 'value',
): { range: [number, number]; exact: boolean } {
  const segments = splitPointer(ptr);
  let node: unknown = doc.contents;
  let keyNode: YamlNode | null = null;
  let exact = true;
  for (const seg of segments) {
    let next: unknown;
    let nextKey: YamlNode | null = null;
    if (isMap(node)) {
      const pair = entryOf(node, seg);
      if (pair) {
        next = pair.value;
        nextKey = isScalar(pair.key) ? (pair.key as YamlNode) : null;
        // `key:` with nothing after it: point at the key.
        if (next === null) {
          node = null;
          keyNode = nextKey;
          break;
        }
      }
    } else if (isSeq(node) && /^(0|[1-9][0-9]*)$/.test(seg)) {
      next = node.items[Number(seg)];
    }
    if (next === undefined) {
      exact = false;
      break;
    }
    node = isAlias(next) ? next.resolve(doc) ?? next : next;
    keyNode = nextKey;
  }
  const target = anchor === 'key' && keyNode ? keyNode : (node as ParsedNode | null) ?? keyNode;
  const range = (target as ParsedNode | null)?.range;
  if (range) return { range: [range[0], range[1]], exact };
  // spanDiagnostic clamps the span to the text, so an empty document is fine too.
  return { range: [0, 1], exact: false };
}

/**
 * For each entry of the map at a JSON pointer, the decimals its `field` is written with
 * (`67.00` → 2, `5` → 0), by key; entries without a plain decimal number there (`1.5e3`,
 * hex, text) are left out. One pass over the map: a year file has thousands of entries.
 */
export function writtenDecimalsByKey(source: Source, ptr: string, field: string): Map<string, number> {
  const found = new Map<string, number>();
  if (source.decimals !== undefined) {
    // Read by the fast reader: the same answer from its record, without yaml's Document.
    let value: unknown = source.value;
    for (const seg of splitPointer(ptr)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, seg)) return found;
      value = (value as Record<string, unknown>)[seg];
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return found;
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
      const decimals = source.decimals.get(entry)?.[field];
      if (decimals !== undefined) found.set(key, decimals);
    }
    return found;
  }
  let node: unknown = source.doc.contents;
  for (const seg of splitPointer(ptr)) {
    if (!isMap(node)) return found;
    const pair = entryOf(node, seg);
    if (pair === undefined) return found;
    node = pair.value;
  }
  if (!isMap(node)) return found;
  const seen = new Set<string>();
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    // The first entry of a key is the one a pointer names.
    if (seen.has(key)) continue;
    seen.add(key);
    if (!isMap(pair.value)) continue;
    const value = entryOf(pair.value, field)?.value;
    const decimals = decimalsOf(value);
    if (decimals !== undefined) found.set(key, decimals);
  }
  return found;
}

// The decimals of a plain decimal number as written (`67.00` → 2, `5` → 0), else undefined.
function decimalsOf(node: unknown): number | undefined {
  if (!isScalar(node) || typeof node.value !== 'number' || typeof node.source !== 'string') return undefined;
  const m = /^[-+]?[0-9]+(?:\.([0-9]*))?$/.exec(node.source.trim());
  return m === null ? undefined : (m[1] ?? '').length;
}

/**
 * Fill in line and column for diagnostics that only carry a JSON pointer.
 * Diagnostics for files not among the sources are returned unchanged.
 */
export function locate(diagnostics: readonly Diagnostic[], sources: readonly Source[]): Diagnostic[] {
  const byFile = new Map(sources.map((s) => [s.file, s]));
  return diagnostics.map((d) => {
    if (d.line > 0 || d.pointer === undefined) return d;
    const source = byFile.get(d.file);
    if (!source || source.broken) return d;
    const { range } = rangeOf(source, d.pointer);
    const located = spanDiagnostic(source, range[0], range[1], d.severity, d.code, d.message, d.hint);
    return { ...d, line: located.line, col: located.col, endLine: located.endLine, endCol: located.endCol };
  });
}
