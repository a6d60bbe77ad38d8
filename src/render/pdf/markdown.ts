// Markdown blocks onto pages: headings (registered for the outline and the contents page),
// paragraphs, lists, block quotes, code, rules, GFM tables and the block directives.

import type { MarkedToken, Token, Tokens } from 'marked';
import { progressBar, progressBarHeight, trendChart, trendChartHeight } from './charts.js';
import { directivesIn, onlyComments, resolveDirective } from './directives.js';
import { isTooDeep, MAX_NESTING } from './lex.js';
import { drawLine, measurer, type Setting } from './draw.js';
import {
  BOTTOM,
  breakPage,
  type Flow,
  type Frame,
  linesFor,
  type PendingMarker,
  pageIndex,
  paragraph,
  reserve,
  space,
} from './flow.js';
import { table, tableFromBlock, type TableSpec, tableStartHeight } from './table.js';
import { breakLines, plainText, type Run, softBreaks, type TextStyle } from './text.js';
import { BLOCK_GAP, COLOR, HEADING_SPACE, LEADING, MARGIN, PAGE, SIZE } from './theme.js';
import { type TocEntry, tocPageCount } from './toc.js';
import type { PdfBlocks, PdfCoverBlock } from './types.js';

/** What the block renderer shares across the document. */
export interface MarkdownEnv {
  flow: Flow;
  blocks: PdfBlocks;
  /** The payload drawn on the cover page; its first directive is then skipped. */
  cover: PdfCoverBlock | null;
  coverSkipped: boolean;
  /** Top-level tokens and the index of the one being set (the contents page lists what follows). */
  top: Token[];
  topIndex: number;
  /** Set once the contents page is reserved: its entries and where its headings start in flow.headings. */
  toc: { entries: TocEntry[]; firstHeading: number } | null;
  /** Outline item of the latest h1, parent of the h2 items. */
  /** The open bookmarks, outermost first: where the next heading's bookmark nests. */
  outline: Array<{ depth: number; item: PDFKit.PDFOutline }>;
}


/** Text colour of the context a block sits in (muted inside block quotes). */
interface Context {
  color: string;
  /** Chinese body paragraphs get a 2em first-line indent; lists, quotes and cells do not. */
  indent: boolean;
  topLevel: boolean;
}

const BODY = (color: string): Setting => ({ size: SIZE.body, pitch: SIZE.body * LEADING.body, color });
const HEADING_SIZE = { 1: SIZE.h1, 2: SIZE.h2, 3: SIZE.h3 } as const;
const BULLETS = ['disc', 'circle', 'square'] as const;

/** Set the top-level tokens of a document. */
export function renderDocument(env: MarkdownEnv, frame: Frame): void {
  const ctx: Context = { color: COLOR.text, indent: env.flow.lang !== 'en', topLevel: true };
  for (env.topIndex = 0; env.topIndex < env.top.length; env.topIndex++) {
    renderBlock(env, env.top[env.topIndex]!, nextBlock(env.top, env.topIndex), frame, ctx);
  }
}

function renderBlocks(env: MarkdownEnv, tokens: Token[], frame: Frame, ctx: Context): void {
  tokens.forEach((t, i) => renderBlock(env, t, nextBlock(tokens, i), frame, ctx));
}

// The block after index i, skipping blank space and plain comments.
function nextBlock(tokens: Token[], i: number): Token | undefined {
  for (let k = i + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.type === 'space' || t.type === 'def') continue;
    if (t.type === 'html' && directivesIn(String(t.raw)).length === 0 && onlyComments(String(t.raw))) continue;
    return t;
  }
  return undefined;
}

function renderBlock(env: MarkdownEnv, token: Token, next: Token | undefined, frame: Frame, ctx: Context): void {
  const flow = env.flow;
  const t = token as MarkedToken;
  if (isTooDeep(token)) note(flow, flow.labels.tooDeep(MAX_NESTING), frame);
  switch (t.type) {
    case 'heading':
      heading(env, t, next, frame, ctx);
      break;
    case 'paragraph':
    case 'text': {
      const runs = inline(t.type === 'text' && t.tokens === undefined ? [t] : (t.tokens ?? []), { color: ctx.color });
      space(flow, BLOCK_GAP);
      paragraph(flow, runs, frame, { set: BODY(ctx.color), align: 'justify', indent: ctx.indent ? 2 * SIZE.body : 0, after: BLOCK_GAP });
      break;
    }
    case 'list':
      list(env, t, frame, ctx, 0);
      break;
    case 'blockquote':
      blockquote(env, t, frame);
      break;
    case 'code':
      code(flow, t, frame);
      break;
    case 'hr': {
      space(flow, BLOCK_GAP);
      const top = reserve(flow, 14);
      flow.doc.save().lineWidth(0.5).strokeColor(COLOR.hairline).moveTo(frame.x, top + 7).lineTo(frame.x + frame.width, top + 7).stroke().restore();
      space(flow, BLOCK_GAP);
      break;
    }
    case 'table':
      table(flow, gfmTable(flow, t, frame), frame);
      break;
    case 'html':
      html(env, t, frame);
      break;
    case 'space':
    case 'def':
    case 'checkbox':
      break;
    default: {
      // Anything else a lexer extension might produce: its text, so nothing silently vanishes.
      const text = (token as { text?: unknown }).text;
      if (typeof text === 'string' && text.trim() !== '') {
        paragraph(flow, [{ text, style: { color: ctx.color } }], frame, { set: BODY(ctx.color), align: 'left', after: BLOCK_GAP });
      }
    }
  }
}

// A heading: kept with the start of what follows it; at top level it becomes a bookmark, and
// h1/h2 also go to the contents page.
function heading(env: MarkdownEnv, t: Tokens.Heading, next: Token | undefined, frame: Frame, ctx: Context): void {
  const flow = env.flow;
  const level = Math.min(Math.max(t.depth, 1), 3) as 1 | 2 | 3;
  const size = HEADING_SIZE[level];
  const set: Setting = { size, pitch: size * LEADING.heading, color: COLOR.heading };
  const runs = inline(t.tokens, { bold: true });
  flow.glyphs.where = `section “${plainText(runs)}”`;
  const lines = linesFor(flow, runs, frame, { set, align: 'left' });
  const rule = level === 1 ? 7 : 0;
  const height = lines.length * set.pitch + rule;
  const gap = HEADING_SPACE[level];
  space(flow, gap.before);
  const top = reserve(flow, height, height + gap.after + startHeight(env, next, frame));
  lines.forEach((l, i) => drawLine(flow.doc, l, frame.x, top + i * set.pitch, frame.width, 'left', set));
  if (level === 1) {
    const y = top + height - 2;
    const doc = flow.doc;
    doc.save().lineWidth(0.5).strokeColor(COLOR.hairline).moveTo(frame.x, y).lineTo(frame.x + frame.width, y).stroke().restore();
    doc.save().lineWidth(2).strokeColor(COLOR.accent).moveTo(frame.x, y).lineTo(frame.x + 2.5 * size, y).stroke().restore();
  }
  if (ctx.topLevel) {
    const text = plainText(runs);
    const options = { top: Math.max(top - 6, 0), left: PAGE.width };
    // Every top-level heading is a bookmark, nested under the nearest earlier heading of a
    // higher level; h1/h2 also go to the contents page and the running head.
    // Nesting follows the Markdown depth (h4 under h3), though h4–h6 are set like h3.
    while (env.outline.length > 0 && env.outline[env.outline.length - 1]!.depth >= t.depth) env.outline.pop();
    const parent = env.outline[env.outline.length - 1]?.item ?? flow.doc.outline;
    env.outline.push({ depth: t.depth, item: parent.addItem(text, options) });
    if (level <= 2) {
      const dest = `section-${flow.headings.length + 1}`;
      flow.doc.addNamedDestination(dest, 'XYZ', null, Math.max(top - 6, 0), null);
      flow.headings.push({ level, text, page: pageIndex(flow), top, dest });
    }
  }
  space(flow, gap.after);
}

// Height the block after a heading needs on the same page (its first lines, or all of a chart).
function startHeight(env: MarkdownEnv, next: Token | undefined, frame: Frame): number {
  const flow = env.flow;
  const twoLines = 2 * SIZE.body * LEADING.body + BLOCK_GAP;
  if (next === undefined) return 0;
  if (next.type === 'table') return tableStartHeight(flow, gfmTable(flow, next as Tokens.Table, frame), frame) + BLOCK_GAP;
  if (next.type === 'heading') return SIZE.h2 * LEADING.heading + HEADING_SPACE[2].after + twoLines;
  if (next.type !== 'html') return twoLines;
  const raw = directivesIn(String(next.raw))[0];
  if (raw === undefined) return twoLines;
  const r = resolveDirective(raw, env.blocks, flow.labels);
  if (!r.ok) return twoLines;
  const d = r.directive;
  switch (d.name) {
    case 'status-table':
      return tableStartHeight(flow, tableFromBlock(d.block, flow.labels.status), frame) + BLOCK_GAP;
    case 'trend-chart':
      return trendChartHeight(flow, d.block, frame) + BLOCK_GAP;
    case 'progress-bar':
      return progressBarHeight(flow, d.block, frame) + 3;
    default:
      return 0;
  }
}

function list(env: MarkdownEnv, t: Tokens.List, frame: Frame, ctx: Context, depth: number): void {
  const flow = env.flow;
  const em = SIZE.body;
  const start = typeof t.start === 'number' && Number.isFinite(t.start) ? t.start : 1;
  const indent = t.ordered ? 2.2 * em : 1.6 * em;
  const inner: Frame = { x: frame.x + indent, width: Math.max(frame.width - indent, 2 * em) };
  space(flow, BLOCK_GAP);
  t.items.forEach((item, i) => {
    const mark: PendingMarker['mark'] = item.task
      ? { shape: item.checked === true ? 'checked' : 'box' }
      : t.ordered
        ? { text: `${start + i}.` }
        : { shape: BULLETS[depth % BULLETS.length]! };
    flow.marker = { mark, right: inner.x - 0.5 * em };
    space(flow, t.loose ? BLOCK_GAP : 2);
    item.tokens.forEach((child, k) => {
      const c = child as MarkedToken;
      if (c.type === 'list') list(env, c, inner, ctx, depth + 1);
      else if ((c.type === 'text' || c.type === 'paragraph') && !isTooDeep(c)) {
        const runs = inline(c.type === 'text' && c.tokens === undefined ? [c] : (c.tokens ?? []), { color: ctx.color });
        paragraph(flow, runs, inner, { set: BODY(ctx.color), align: 'justify', after: t.loose ? BLOCK_GAP : 2 });
      } else renderBlock(env, child, nextBlock(item.tokens, k), inner, { ...ctx, indent: false, topLevel: false });
    });
    flow.marker = null;
  });
  space(flow, BLOCK_GAP);
}

// A block quote: inset, muted text, a grey bar down its left side on every page it covers.
function blockquote(env: MarkdownEnv, t: Tokens.Blockquote, frame: Frame): void {
  const flow = env.flow;
  const inset = 14;
  space(flow, BLOCK_GAP);
  const top = reserve(flow, 0, 2 * SIZE.body * LEADING.body);
  const firstPage = pageIndex(flow);
  const inner: Frame = { x: frame.x + inset, width: Math.max(frame.width - inset, 2 * SIZE.body) };
  renderBlocks(env, t.tokens, inner, { color: COLOR.muted, indent: false, topLevel: false });
  const lastPage = pageIndex(flow);
  const end = flow.y;
  for (let p = firstPage; p <= lastPage; p++) {
    flow.doc.switchToPage(p);
    const from = p === firstPage ? top + 3 : MARGIN.top;
    const to = p === lastPage ? end - 3 : BOTTOM;
    if (to > from) flow.doc.save().lineWidth(2.5).strokeColor(COLOR.quoteBar).moveTo(frame.x + 3, from).lineTo(frame.x + 3, to).stroke().restore();
  }
  flow.doc.switchToPage(lastPage);
  space(flow, BLOCK_GAP);
}

// A code block: monospace is not needed for plan text, so the body font on a grey panel.
function code(flow: Flow, t: Tokens.Code, frame: Frame): void {
  const set: Setting = { size: SIZE.table, pitch: SIZE.table * 1.55, color: COLOR.text };
  const pad = 8;
  const measure = measurer(flow.fonts, set.size);
  const lines = t.text.split('\n').flatMap((text) => {
    const kept = text.replace(/^ +/, (s) => '\u00a0'.repeat(s.length));
    return breakLines([{ text: kept, style: {} }], measure, frame.width - 2 * pad);
  });
  const panel = (top: number, h: number): void => {
    flow.doc.save().rect(frame.x, top, frame.width, h).fill(COLOR.codeBg).restore();
  };
  space(flow, BLOCK_GAP);
  panel(reserve(flow, 4, 4 + 2 * set.pitch), 4);
  for (const line of lines) {
    const top = reserve(flow, set.pitch, set.pitch + 4);
    panel(top, set.pitch);
    drawLine(flow.doc, line, frame.x + pad, top, frame.width - 2 * pad, 'left', set);
  }
  panel(reserve(flow, 4), 4);
  space(flow, BLOCK_GAP);
}

// A GFM table: header cells bold, column weights from the cells' natural widths, columns of
// numbers right-aligned unless the Markdown says otherwise.
function gfmTable(flow: Flow, t: Tokens.Table, frame: Frame): TableSpec {
  const measure = measurer(flow.fonts, SIZE.table);
  const columns = t.header.map((cell, i) => {
    const cells = t.rows.map((r) => r[i]);
    const natural = cells.reduce((most, c) => Math.max(most, c === undefined ? 0 : measure(plainText(inline(c.tokens, {})), false)), measure(cell.text, true));
    const numeric = cells.length > 0 && cells.every((c) => c === undefined || /^[-+−]?[\d,.]+\s*[%‰]?$|^[—–-]?$/.test(c.text.trim()));
    const align = t.align[i] ?? (numeric ? 'right' : 'left');
    return {
      label: inline(cell.tokens, { bold: true }),
      align,
      weight: Math.min(Math.max(natural + 10, 3 * SIZE.table), frame.width * 0.45),
    };
  });
  return { columns, rows: t.rows.map((r) => ({ cells: columns.map((_, i) => inline(r[i]?.tokens ?? [], {})) })) };
}

function html(env: MarkdownEnv, t: Tokens.HTML | Tokens.Tag, frame: Frame): void {
  const flow = env.flow;
  const raws = directivesIn(t.text);
  if (raws.length === 0) {
    if (onlyComments(t.text)) return;
    space(flow, BLOCK_GAP);
    paragraph(flow, [{ text: t.text.trim(), style: { color: COLOR.muted } }], frame, { set: BODY(COLOR.muted), align: 'left', after: BLOCK_GAP });
    return;
  }
  for (const raw of raws) {
    const r = resolveDirective(raw, env.blocks, flow.labels);
    if (!r.ok) {
      note(flow, r.message, frame);
      continue;
    }
    const d = r.directive;
    switch (d.name) {
      case 'pagebreak':
        breakPage(flow);
        break;
      case 'toc':
        if (env.toc !== null) note(flow, flow.labels.misplaced('toc'), frame);
        else reserveToc(env);
        break;
      case 'cover':
        if (d.block === env.cover && !env.coverSkipped) env.coverSkipped = true;
        else note(flow, flow.labels.misplaced('cover'), frame);
        break;
      case 'status-table':
        table(flow, tableFromBlock(d.block, flow.labels.status), frame);
        break;
      case 'trend-chart':
        trendChart(flow, d.block, frame);
        break;
      case 'progress-bar':
        progressBar(flow, d.block, frame);
        break;
    }
  }
}

/** A visible typesetting note where a directive could not be honoured. */
export function note(flow: Flow, message: string, frame: Frame): void {
  const set: Setting = { size: SIZE.small, pitch: SIZE.small * LEADING.small, color: COLOR.accent };
  const pad = 6;
  const inner: Frame = { x: frame.x + pad, width: frame.width - 2 * pad };
  const lines = linesFor(flow, [{ text: `${flow.labels.directiveNote}：`, style: { bold: true } }, { text: message, style: {} }], inner, { set, align: 'left' });
  const h = lines.length * set.pitch + 2 * 4;
  space(flow, BLOCK_GAP);
  const top = reserve(flow, h);
  flow.doc.save().lineWidth(0.6).rect(frame.x, top, frame.width, h).fillAndStroke(COLOR.noteBg, COLOR.noteBorder).restore();
  lines.forEach((l, i) => drawLine(flow.doc, l, inner.x, top + 4 + i * set.pitch, inner.width, 'left', set));
  space(flow, BLOCK_GAP);
}

// Give the contents page its pages now (it is drawn at the end, when page numbers are known).
function reserveToc(env: MarkdownEnv): void {
  const flow = env.flow;
  const entries: TocEntry[] = [];
  for (const t of env.top.slice(env.topIndex + 1)) {
    if (t.type === 'heading' && (t as Tokens.Heading).depth <= 2) {
      entries.push({ level: (t as Tokens.Heading).depth, text: plainText(inline((t as Tokens.Heading).tokens, {})) });
    }
  }
  const pages = tocPageCount(flow, entries);
  breakPage(flow);
  for (let i = 0; i < pages; i++) {
    flow.pageOpen = false;
    reserve(flow, 0);
    flow.tocPages.push(pageIndex(flow));
    if (i === 0) flow.doc.outline.addItem(flow.labels.toc.replace(/\s+/g, ''), { top: MARGIN.top, left: PAGE.width });
  }
  flow.pageOpen = false;
  env.toc = { entries, firstHeading: flow.headings.length };
}

/** Runs of inline Markdown tokens. Emphasis has no CJK italic, so it is set as plain text. */
export function inline(tokens: Token[] | undefined, style: TextStyle): Run[] {
  const runs: Run[] = [];
  const walk = (list: Token[], s: TextStyle): void => {
    for (const token of list) {
      const t = token as MarkedToken;
      switch (t.type) {
        case 'text':
          if (t.tokens !== undefined && t.tokens.length > 0) walk(t.tokens, s);
          else runs.push({ text: softBreaks(decodeEntities(t.text)), style: s });
          break;
        case 'escape':
          runs.push({ text: t.text, style: s });
          break;
        case 'strong':
          walk(t.tokens, { ...s, bold: true });
          break;
        case 'em':
          walk(t.tokens, s);
          break;
        case 'del':
          walk(t.tokens, { ...s, strike: true });
          break;
        case 'codespan':
          runs.push({ text: decodeEntities(t.text).replace(/\n/g, ' '), style: { ...s, code: true } });
          break;
        case 'link':
          walk(t.tokens, { ...s, color: COLOR.link, link: t.href });
          break;
        case 'image':
          runs.push({ text: `[${t.text}]`, style: { ...s, color: COLOR.muted } });
          break;
        case 'br':
          runs.push({ text: '\n', style: s });
          break;
        case 'html':
          if (/^<br\s*\/?>$/i.test(t.text.trim())) runs.push({ text: '\n', style: s });
          else if (!/^<!--[\s\S]*-->$/.test(t.text.trim())) runs.push({ text: t.text, style: s });
          break;
        case 'checkbox':
          break;
        default: {
          const text = (token as { text?: unknown }).text;
          if (typeof text === 'string') runs.push({ text: softBreaks(text), style: s });
        }
      }
    }
  };
  walk(tokens ?? [], style);
  return runs;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

// The lexer leaves named entities in text; decode the few that Markdown authors use.
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

