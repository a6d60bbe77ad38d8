// The only module that navigates YAML nodes: parse texts into Documents that
// keep their positions, turn yaml's errors into Diagnostics, and map JSON
// pointers back to line and column.

import {
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Node as YamlNode,
  type Pair,
  type ParsedNode,
  type Scalar,
  type YAMLMap,
  type YAMLError,
} from 'yaml';
import { splitPointer, type Diagnostic } from '../diagnostic.js';
import type { SourceText } from '../load/source-text.js';

export type { SourceText } from '../load/source-text.js';

/** A parsed YAML file that keeps its text and positions for diagnostics. */
export interface Source extends SourceText {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain value, when the file parsed without errors; undefined otherwise. */
  value: unknown;
  /** True when the file had YAML-level errors (its shape is not checked further). */
  broken: boolean;
}

/** Aliases expanded beyond this count are treated as a resource-exhaustion attack. */
const MAX_ALIAS_COUNT = 200;

const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab-indent',
  BAD_INDENT: 'yaml-bad-indent',
  TAG_RESOLVE_FAILED: 'yaml-unknown-tag',
  RESOURCE_EXHAUSTION: 'yaml-too-deep',
};

const INDENT_HINT = 'check the indentation here and on the line below: keys of one map must start in the same column, values go after `key: ` on the same line or indented below it';
const YAML_HINTS: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: INDENT_HINT,
  MULTILINE_IMPLICIT_KEY: INDENT_HINT,
  BAD_INDENT: INDENT_HINT,
  MISSING_CHAR: 'a bracket or quote is not closed',
  TAB_AS_INDENT: 'replace the tab with spaces (2 per level)',
};

// Errors that stand on their own rather than follow from an earlier syntax error.
const STANDALONE = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED', 'KEY_OVER_1024_CHARS']);
const FOLLOW_ON_LINES = 5;

/** Parse one file. Never throws: every problem becomes a diagnostic. */
export function parseSource(input: SourceText): { source: Source; diagnostics: Diagnostic[] } {
  const { file, text } = input;
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const doc = parseDocument(text, {
    // YAML 1.2 core schema, whatever a %YAML directive says: `No` stays a
    // string, dates stay strings, and no 1.1-only tag is resolved.
    schema: 'core',
    resolveKnownTags: false,
    // yaml's own duplicate-key check compares every key with every other (quadratic
    // in a map's size: minutes for a 10,000-indicator year file); findDuplicateKeys
    // does the same job in one pass.
    uniqueKeys: false,
    strict: true,
    prettyErrors: false,
    lineCounter,
  });
  const source: Source = { file, text, doc, lineCounter, value: undefined, broken: false };
  const fromYaml = (e: YAMLError, severity: 'error' | 'warning'): Diagnostic =>
    spanDiagnostic(source, e.pos[0], tokenEnd(text, e.pos[0], e.pos[1]), severity, YAML_CODES[e.code] ?? `yaml-${e.code.toLowerCase().replace(/_/g, '-')}`, yamlMessage(e), YAML_HINTS[e.code]);
  // After a syntax error the parser's recovery reports follow-on errors on the
  // next few lines; the first one is the one to fix.
  let lastSyntaxLine = -Infinity;
  for (const e of doc.errors) {
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
  for (const w of doc.warnings) diagnostics.push(fromYaml(w, w.code === 'TAG_RESOLVE_FAILED' ? 'error' : 'warning'));

  for (const range of findDuplicateKeys(doc)) {
    diagnostics.push(spanDiagnostic(source, range[0], range[1], 'error', 'yaml-duplicate-key', 'this key appears twice in the same map; keep one'));
  }
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    diagnostics.push(
      spanDiagnostic(source, 0, Math.max(1, text.indexOf('\n')), 'warning', 'yaml-version-ignored',
        `%YAML ${doc.directives.yaml.version} directive ignored: files are read as YAML 1.2 (core schema), so \`No\` stays text`),
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
        `aliases expand too far (${reason}); write the values out instead of repeating anchors`),
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
function yamlMessage(e: YAMLError): string {
  const first = (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
  switch (e.code) {
    case 'TAG_RESOLVE_FAILED': {
      const tag = /Unresolved tag: (\S+)/.exec(first)?.[1]?.replace('tag:yaml.org,2002:', '!!') ?? 'this tag';
      return `tag \`${tag}\` is not allowed: plan files hold plain text, numbers, lists and maps`;
    }
    case 'DUPLICATE_KEY':
      return 'this key appears twice in the same map; keep one';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed for indentation; indent with spaces';
    default:
      return first;
  }
}

// The ranges of every key that repeats an earlier key of the same map.
function findDuplicateKeys(doc: Document.Parsed): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = pair.key.value;
        if (seen.has(key) && pair.key.range) found.push([pair.key.range[0], pair.key.range[1]]);
        seen.add(key);
      }
    },
  });
  return found;
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
  code: string,
  message: string,
  hint?: string,
): Diagnostic {
  const from = source.lineCounter.linePos(Math.min(start, source.text.length));
  const to = source.lineCounter.linePos(Math.min(Math.max(end, start + 1), source.text.length));
  const d: Diagnostic = {
    severity, code, message, file: source.file,
    line: from.line, col: from.col, endLine: to.line, endCol: to.col,
  };
  if (hint !== undefined) d.hint = hint;
  return d;
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
 * Fill in line and column for diagnostics that only carry a JSON pointer.
 * Diagnostics for files not among the sources are returned unchanged.
 */
export function locate(diagnostics: readonly Diagnostic[], sources: readonly Source[]): Diagnostic[] {
  const byFile = new Map(sources.map((s) => [s.file, s]));
  return diagnostics.map((d) => {
    if (d.line > 0 || d.pointer === undefined) return d;
    const source = byFile.get(d.file);
    if (!source || source.broken) return d;
    const { range } = rangeOfPointer(source.doc, d.pointer);
    const located = spanDiagnostic(source, range[0], range[1], d.severity, d.code, d.message, d.hint);
    return { ...d, line: located.line, col: located.col, endLine: located.endLine, endCol: located.endCol };
  });
}
