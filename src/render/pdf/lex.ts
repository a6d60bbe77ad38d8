// Markdown lexed by marked with its nesting bounded. marked recurses once per nested block
// quote, list item or emphasis, so a few thousand `>` or `*` overflow the stack. Past
// MAX_NESTING levels the rest of a block (or of an inline span) is kept as literal text and
// the token is marked, so the typesetter shows it and the checker can name its line.

import { Lexer, type Token, type TokensList } from 'marked';

/** Block quotes and lists (together), and inline spans (emphasis, links), nest at most this deep. */
export const MAX_NESTING = 16;

/** A token standing for Markdown nested deeper than MAX_NESTING, kept as literal text. */
export interface TooDeepToken {
  type: 'paragraph' | 'text';
  raw: string;
  text: string;
  tokens?: Token[];
  tooDeep: true;
}

/** Whether a token stands for Markdown nested too deep. */
export function isTooDeep(token: unknown): token is TooDeepToken {
  return typeof token === 'object' && token !== null && (token as { tooDeep?: unknown }).tooDeep === true;
}

class BoundedLexer extends Lexer {
  private blockDepth = 0;
  private inlineDepth = 0;

  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[];
  override blockTokens(src: string, tokens?: TokensList, lastParagraphClipped?: boolean): TokensList;
  override blockTokens(src: string, tokens: Token[] = [], lastParagraphClipped?: boolean): Token[] {
    if (this.blockDepth > MAX_NESTING) {
      // Shown as a paragraph of its own, its text as written (no inline lexing).
      const text: TooDeepToken = { type: 'text', raw: src, text: src, tooDeep: true };
      tokens.push({ type: 'paragraph', raw: src, text: src, tokens: [text as Token], tooDeep: true } as TooDeepToken as Token);
      return tokens;
    }
    this.blockDepth++;
    try {
      return super.blockTokens(src, tokens as TokensList, lastParagraphClipped);
    } finally {
      this.blockDepth--;
    }
  }

  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    if (this.inlineDepth > MAX_NESTING) {
      tokens.push({ type: 'text', raw: src, text: src, tooDeep: true } as TooDeepToken as Token);
      return tokens;
    }
    this.inlineDepth++;
    try {
      return super.inlineTokens(src, tokens);
    } finally {
      this.inlineDepth--;
    }
  }
}

/** Lex GitHub-flavoured Markdown into marked's tokens, nesting bounded by MAX_NESTING. */
export function lexMarkdown(markdown: string): Token[] {
  return new BoundedLexer({ gfm: true }).lex(markdown);
}

/**
 * Markdown and its tokens, lexed once for both the directive check and the typesetter (a
 * large report's Markdown takes a tenth of the PDF's time to lex). The check leaves the tokens
 * as they are; the typesetter uses them up: it empties the array as it sets each top-level
 * token, so that a large report's tokens (140 MB of 10,000 indicators) do not outlive their
 * pages. Check first, then typeset.
 */
export interface LexedMarkdown {
  readonly markdown: string;
  readonly tokens: Array<Token | null>;
}

/** Lex Markdown for checkPdfDirectives and typesetPdfReport. */
export function lexPdfMarkdown(markdown: string): LexedMarkdown {
  const text = String(markdown ?? '');
  return { markdown: text, tokens: lexMarkdown(text) };
}

/** Markdown as given: already lexed, or text to lex now. */
export function lexedFrom(markdown: string | LexedMarkdown): LexedMarkdown {
  if (typeof markdown === 'object' && markdown !== null && typeof markdown.markdown === 'string' && Array.isArray(markdown.tokens)) return markdown;
  return lexPdfMarkdown(markdown as string);
}

/** The first token, in document order, cut at MAX_NESTING in a token's tree, if any. */
export function firstTooDeep(token: Token): TooDeepToken | undefined {
  const stack: unknown[] = [token];
  while (stack.length > 0) {
    const t = stack.pop() as { tokens?: unknown[]; items?: unknown[]; header?: unknown[]; rows?: unknown[][] } | null;
    if (t === null || typeof t !== 'object') continue;
    if (isTooDeep(t)) return t;
    // Children pushed last first, so they pop in document order. No spread: a paragraph may
    // hold more tokens than a call may take arguments.
    const lists = [t.tokens, t.items, t.header].concat(Array.isArray(t.rows) ? t.rows : []);
    for (let l = lists.length - 1; l >= 0; l--) {
      const list = lists[l];
      if (Array.isArray(list)) for (let k = list.length - 1; k >= 0; k--) stack.push(list[k]);
    }
  }
  return undefined;
}
