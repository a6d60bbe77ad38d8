// Block directives: what Markdown cannot say, written as an HTML comment on a line of its own,
//
//   <!-- pdf:NAME -->        for toc and pagebreak
//   <!-- pdf:NAME ID -->     for cover, status-table, trend-chart, progress-bar and
//                            status-bar, whose payload is blocks[ID]
//   <!-- pdf:table OPTIONS --> how the Markdown table after it is set: span=N (its Nth column
//                            spans groups of equal cells), notes=N (long cells of its Nth column
//                            become numbered notes), landscape (it may turn when too wide)
//
// Any other HTML comment is an ordinary comment and is not printed.

import type { MarkedToken, Token } from 'marked';
import { isProgressGeometry, isStackedBarGeometry, isTrendGeometry } from './charts.js';
import { firstTooDeep, type LexedMarkdown, MAX_NESTING } from './lex.js';
import type { Labels } from './theme.js';
import type {
  PdfBlock,
  PdfBlocks,
  PdfCoverBlock,
  PdfProgressBarBlock,
  PdfStatusBarBlock,
  PdfTableBlock,
  PdfTrendChartBlock,
} from './types.js';

/** A directive as written: its name and the id it names (empty when none). */
export interface RawDirective {
  name: string;
  id: string;
}

/** How a Markdown table is set (columns 1-based), from `<!-- pdf:table … -->` before it. */
export interface TableOptions {
  span?: number;
  notes?: number;
  landscape?: boolean;
}

/** A directive with its payload looked up and checked. */
export type Directive =
  | { name: 'toc' }
  | { name: 'pagebreak' }
  | { name: 'table'; options: TableOptions }
  | { name: 'status-bar'; block: PdfStatusBarBlock }
  | { name: 'cover'; block: PdfCoverBlock }
  | { name: 'status-table'; block: PdfTableBlock }
  | { name: 'trend-chart'; block: PdfTrendChartBlock }
  | { name: 'progress-bar'; block: PdfProgressBarBlock };

export type DirectiveName = Directive['name'];

/** The payload kind each directive that takes an id expects. */
const BLOCK_KIND: Record<DirectiveName, PdfBlock['kind'] | null> = {
  toc: null,
  pagebreak: null,
  table: null,
  'status-bar': 'status-bar',
  cover: 'cover',
  'status-table': 'status-table',
  'trend-chart': 'trend-chart',
  'progress-bar': 'progress-bar',
};

const COMMENT = /<!--([\s\S]*?)-->/g;
const DIRECTIVE = /^\s*pdf:(\S*)\s*([\s\S]*?)\s*$/;

/** The directives in an HTML block, in order; comments that are not `pdf:` directives are skipped. */
export function directivesIn(html: string): RawDirective[] {
  const out: RawDirective[] = [];
  for (const m of html.matchAll(COMMENT)) {
    const d = DIRECTIVE.exec(m[1] ?? '');
    if (d !== null) out.push({ name: d[1] ?? '', id: d[2] ?? '' });
  }
  return out;
}

/** Whether an HTML block holds nothing but comments (and whitespace). */
export function onlyComments(html: string): boolean {
  return html.replace(COMMENT, '').trim() === '';
}

/** Look a directive's payload up; a problem is a message to show in its place. */
export function resolveDirective(
  raw: RawDirective,
  blocks: PdfBlocks,
  labels: Labels,
): { ok: true; directive: Directive } | { ok: false; message: string } {
  const name = raw.name as DirectiveName;
  if (!Object.hasOwn(BLOCK_KIND, raw.name)) return { ok: false, message: labels.unknownDirective(raw.name) };
  const kind = BLOCK_KIND[name];
  if (kind === null) {
    if (name === 'table') return tableOptions(raw.id, labels);
    return name === 'toc' || name === 'pagebreak' ? { ok: true, directive: { name } } : { ok: false, message: labels.unknownDirective(name) };
  }
  const block: unknown = Object.hasOwn(blocks, raw.id) ? blocks[raw.id] : undefined;
  if (block === undefined || block === null || typeof block !== 'object') {
    return { ok: false, message: labels.missingBlock(name, raw.id) };
  }
  const actual = (block as { kind?: unknown }).kind;
  if (actual !== kind) return { ok: false, message: labels.wrongBlock(name, raw.id, String(actual)) };
  const geometry = (block as { geometry?: unknown }).geometry;
  if (
    (kind === 'trend-chart' && !isTrendGeometry(geometry)) ||
    (kind === 'progress-bar' && !isProgressGeometry(geometry)) ||
    (kind === 'status-bar' && !isStackedBarGeometry(geometry))
  ) {
    return { ok: false, message: labels.badGeometry(name, raw.id) };
  }
  return { ok: true, directive: { name, block } as Directive };
}

// The options of a pdf:table directive: span=N, notes=N (N a column from 1), landscape.
function tableOptions(text: string, labels: Labels): { ok: true; directive: Directive } | { ok: false; message: string } {
  const options: TableOptions = {};
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const m = /^(span|notes)=([1-9]\d{0,2})$/.exec(word);
    if (m !== null) options[m[1] as 'span' | 'notes'] = Number(m[2]);
    else if (word === 'landscape') options.landscape = true;
    else return { ok: false, message: labels.badTableOption(word) };
  }
  return { ok: true, directive: { name: 'table', options } };
}

/**
 * Something the typesetter would show as a note instead of typesetting it, with its 1-based
 * line in the Markdown: a directive it cannot honour (`pdf-directive`), or Markdown nested
 * deeper than MAX_NESTING (`pdf-nesting`).
 */
export interface DirectiveProblem {
  code: 'pdf-directive' | 'pdf-nesting';
  line: number;
  message: string;
}

/**
 * Check every directive of a Markdown text against the blocks without typesetting: unknown
 * names, missing or mistyped payloads, a second cover or toc; and nesting too deep to typeset.
 * The typesetter shows the same problems as notes in the document; a caller can fail earlier
 * with these.
 */
export function checkDirectives(lexed: LexedMarkdown, blocks: PdfBlocks, labels: Labels): DirectiveProblem[] {
  const { markdown, tokens } = lexed;
  const problems: DirectiveProblem[] = [];
  const seen = new Set<string>();
  // Lines are counted from the previous token on, not from the start each time (linear, not quadratic).
  let from = 0;
  let line = 1;
  const lineOf = (raw: string): number => {
    const at = markdown.indexOf(raw, from);
    if (at >= 0) {
      for (let i = from; i < at; i++) if (markdown.charCodeAt(i) === 10) line++;
      from = at;
    }
    return line;
  };
  // A pdf:table directive waiting for its table: its line.
  let stray: number | null = null;
  for (const top of tokens) {
    if (top === null) throw new Error('checkPdfDirectives: the tokens were used up by typesetting; check first');
    if (stray !== null && top.type !== 'space' && !(top.type === 'html' && directivesIn(String(top.raw)).length === 0)) {
      if (top.type !== 'table') problems.push({ code: 'pdf-directive', line: stray, message: labels.strayTable });
      stray = null;
    }
    for (const token of htmlTokens([top])) {
      const at = lineOf(token.raw);
      for (const raw of directivesIn(token.raw)) {
        const r = resolveDirective(raw, blocks, labels);
        if (r.ok && r.directive.name === 'table') {
          if (stray !== null) problems.push({ code: 'pdf-directive', line: stray, message: labels.strayTable });
          stray = token === top ? at : null;
          if (token !== top) problems.push({ code: 'pdf-directive', line: at, message: labels.strayTable });
        }
        if (!r.ok) problems.push({ code: 'pdf-directive', line: at, message: r.message });
        else if ((raw.name === 'cover' || raw.name === 'toc') && seen.has(raw.name)) {
          problems.push({ code: 'pdf-directive', line: at, message: labels.misplaced(raw.name) });
        }
        seen.add(raw.name);
      }
    }
    const deep = firstTooDeep(top);
    if (deep !== undefined) {
      // The cut text is the block's own text with the outer markers stripped: its first line is
      // found in the Markdown after the block's start.
      lineOf(top.raw);
      const firstLine = deep.text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
      problems.push({ code: 'pdf-nesting', line: firstLine === '' ? line : lineOf(firstLine), message: labels.tooDeep(MAX_NESTING) });
    }
  }
  if (stray !== null) problems.push({ code: 'pdf-directive', line: stray, message: labels.strayTable });
  return problems;
}

// Every block-level HTML token, nested ones included, in document order.
function htmlTokens(tokens: Token[]): Array<Token & { raw: string }> {
  const out: Array<Token & { raw: string }> = [];
  const walk = (list: Token[]): void => {
    for (const t of list) {
      if (t.type === 'html' && (t as { block?: boolean }).block === true) out.push(t);
      const m = t as MarkedToken;
      if (m.type === 'list') for (const item of m.items) walk(item.tokens);
      else if (m.type === 'blockquote') walk(m.tokens);
    }
  };
  walk(tokens);
  return out;
}
