// The PDF typesetter's public face: what phase 2 (the renderer registry) and the CLI use.

import { checkDirectives, type DirectiveProblem } from './directives.js';
import { type LexedMarkdown, lexedFrom } from './lex.js';
import { labels } from './theme.js';
import type { PdfBlocks, PdfLang } from './types.js';

export { loadFonts, type PdfFonts } from './fonts.js';
export { type LexedMarkdown, lexPdfMarkdown, MAX_NESTING } from './lex.js';
export { codePointName, type MissingGlyphs } from './glyphs.js';
export { typesetPdf, typesetPdfReport, type TypesetResult } from './typeset.js';
export type * from './types.js';
export type { DirectiveProblem };

/**
 * The directives of a Markdown text that cannot be typeset (unknown name, missing or mistyped
 * payload, a second cover or contents page) and Markdown nested deeper than MAX_NESTING, with
 * 1-based lines: what `typesetPdf` would show as notes in the document. Takes the Markdown as
 * text or as lexPdfMarkdown gave it.
 */
export function checkPdfDirectives(markdown: string | LexedMarkdown, blocks: PdfBlocks, lang: PdfLang = 'zh-CN'): DirectiveProblem[] {
  return checkDirectives(lexedFrom(markdown), blocks, labels(lang));
}
