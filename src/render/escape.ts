// Escaping of plan text for each output format. Plan text is data: names, notes and
// quotes may hold anything (`|`, `*`, `<script>`, `{{…}}`, newlines), and must show
// as literal text without breaking the document around it.

/**
 * Collapse every run of spaces, tabs and line breaks to one space and trim them from
 * the ends. Other spaces (the ideographic space U+3000 of Chinese text) are kept.
 */
export function oneLine(text: string): string {
  // Most text has no line break, no run of spaces and no space at an end: it is kept as it is.
  if (!NOT_ONE_LINE.test(text)) return text;
  return text.replace(/[ \t\n\r\f\v\u0085\u2028\u2029]+/g, ' ').replace(/^ | $/g, '');
}

/** What oneLine changes: a line break or other collapsed space, two spaces, a space at an end. */
const NOT_ONE_LINE = /[\t\n\r\f\v\u0085\u2028\u2029]| {2}|^ | $/;

/**
 * Where escapeMarkdown's rules can change a line, each rule's own condition: a character always
 * escaped, `&` before an entity name, the `:` of a scheme before `//`, `www.`, `@`, or a start
 * that would begin a block. A decimal number (`67.0%`) or a plain name matches none.
 */
const NEEDS_MARKDOWN_ESCAPE = /[\\`*_[\]<|~@]|&(?=#?[0-9A-Za-z]+;)|:(?=\/\/)|\bwww\./i;
const NEEDS_BLOCK_ESCAPE = /^(?:[#>]|[-+](?= |$)|=+$|\d+[.)](?= |$))/;

/**
 * Escape text for inline GitHub-flavoured Markdown, table cells included: one line;
 * every character that can start inline markup backslash-escaped (`\ ` * _ [ ] < | ~`);
 * `&` before an entity name; what would start a block at the beginning of a line
 * (`#`, `>`, `- `, `+ `, `1. `, a line of `=`); and what GitHub would turn into a
 * link by itself (`https://`, `www.`, `@` of an address), so plan text stays text.
 */
export function escapeMarkdown(text: string): string {
  const line = oneLine(text);
  // Most plan text (Chinese names, numbers with units) holds nothing any rule acts on.
  if (!NEEDS_MARKDOWN_ESCAPE.test(line) && !NEEDS_BLOCK_ESCAPE.test(line)) return line;
  return markdownRules(line);
}

/** escapeMarkdown's rules, every one applied to a line (exported for the test of the quick checks). */
export function markdownRules(line: string): string {
  return line
    .replace(/[\\`*_[\]<|~]/g, '\\$&')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
    .replace(/\b([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, '$1\\:')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
    .replace(/@/g, '\\@')
    .replace(/^([#>]|[-+](?= |$)|=+$)/, '\\$1')
    .replace(/^(\d+)([.)])(?= |$)/, '$1\\$2');
}

/** Wrap text in a Markdown code span whose fence is longer than any backtick run inside. */
export function markdownCode(text: string): string {
  const line = oneLine(text);
  const longest = (line.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML or XML text and attribute values (what Handlebars' {{ }} does). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
