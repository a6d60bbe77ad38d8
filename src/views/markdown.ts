// Terminal text for a Markdown page (a GitHub job summary): in a fenced code block
// that nothing in the text can close, so plan text stays literal text.

/**
 * Put `text` in a fenced code block whose fence is longer than any run of backticks in
 * the text (at least three): no line of it can close the block, and Markdown or HTML in
 * it is shown as typed. Control characters must already be escaped (terminal.ts).
 */
export function codeBlock(text: string, info = 'text'): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}${text.endsWith('\n') ? '' : '\n'}${fence}\n`;
}
