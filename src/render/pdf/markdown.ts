// Markdown blocks onto pages: headings (registered for the outline and the contents page),
// paragraphs, lists, block quotes, code, rules, GFM tables and the block directives.

import type { MarkedToken, Token, Tokens } from 'marked';
import { progressBar, trendChart } from './charts.js';
import { directivesIn, onlyComments, resolveDirective, type TableOptions } from './directives.js';
import { isTooDeep, MAX_NESTING } from './lex.js';
import { drawLine, measurer, type Setting } from './draw.js';
import {
  BOTTOM,
  boxesSince,
  breakPage,
  capacityOf,
  type Flow,
  type Frame,
  heightOf,
  keepWithNext,
  lineShrink,
  linesFor,
  lineTop,
  mark,
  PENALTY,
  type PendingMarker,
  PORTRAIT,
  paragraph,
  push,
  space,
} from './flow.js';
import { statusBar } from './status-bar.js';
import { cellRuns, table, tableFromBlock, type TableSpec } from './table.js';
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
  /**
   * Top-level tokens and the index of the one being set (the contents page lists what follows).
   * A token is let go (null) once set: a large report's tokens are a good part of its memory.
   */
  top: Array<Token | null>;
  topIndex: number;
  /** Set once the contents page is reserved: its entries and where its headings start in flow.headings. */
  toc: { entries: TocEntry[]; firstHeading: number } | null;
  /** Outline item of the latest h1, parent of the h2 items. */
  /** The open bookmarks, outermost first: where the next heading's bookmark nests. */
  outline: Array<{ depth: number; item: PDFKit.PDFOutline }>;
  /** Options of a `pdf:table` directive, for the table that follows it. */
  tableOptions: TableOptions | null;
  /** Lays out the boxes waiting (between top-level blocks). */
  paginate: () => void;
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

/** Set the top-level tokens of a document, laying out pages between blocks. */
export function renderDocument(env: MarkdownEnv, frame: Frame): void {
  const ctx: Context = { color: COLOR.text, indent: env.flow.lang !== 'en', topLevel: true };
  for (env.topIndex = 0; env.topIndex < env.top.length; env.topIndex++) {
    renderBlock(env, env.top[env.topIndex]!, frame, ctx);
    env.top[env.topIndex] = null;
    env.paginate();
  }
  if (env.tableOptions !== null) note(env.flow, env.flow.labels.strayTable, frame);
}

function renderBlocks(env: MarkdownEnv, tokens: Token[], frame: Frame, ctx: Context): void {
  tokens.forEach((t) => renderBlock(env, t, frame, ctx));
}

// Whether a token sets nothing (blank space, a plain comment).
function isBlank(t: Token): boolean {
  if (t.type === 'space' || t.type === 'def') return true;
  return t.type === 'html' && directivesIn(String(t.raw)).length === 0 && onlyComments(String(t.raw));
}

function renderBlock(env: MarkdownEnv, token: Token, frame: Frame, ctx: Context): void {
  const flow = env.flow;
  const t = token as MarkedToken;
  if (env.tableOptions !== null && t.type !== 'table' && !isBlank(token)) {
    env.tableOptions = null;
    note(flow, flow.labels.strayTable, frame);
  }
  if (isTooDeep(token)) note(flow, flow.labels.tooDeep(MAX_NESTING), frame);
  switch (t.type) {
    case 'heading':
      heading(env, t, frame, ctx);
      break;
    case 'paragraph':
    case 'text': {
      const runs = inline(t.type === 'text' && t.tokens === undefined ? [t] : (t.tokens ?? []), { color: ctx.color });
      space(flow, BLOCK_GAP);
      paragraph(flow, runs, frame, { set: BODY(ctx.color), align: 'justify', indent: ctx.indent ? 2 * SIZE.body : 0, after: BLOCK_GAP });
      // A line that introduces what follows ("指标完成情况：") stays with it.
      if (/[：:]\s*$/.test(plainText(runs))) keepWithNext(flow);
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
      push(flow, {
        height: 14,
        draw: (at) => {
          const y = at.top + at.height / 2;
          flow.doc.save().lineWidth(0.5).strokeColor(COLOR.hairline).moveTo(frame.x, y).lineTo(frame.x + frame.width, y).stroke().restore();
        },
      });
      space(flow, BLOCK_GAP);
      break;
    }
    case 'table': {
      const options = env.tableOptions;
      env.tableOptions = null;
      table(flow, gfmTable(flow, t, frame, options), frame);
      break;
    }
    case 'html':
      html(env, t, frame, ctx);
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
function heading(env: MarkdownEnv, t: Tokens.Heading, frame: Frame, ctx: Context): void {
  const flow = env.flow;
  const level = Math.min(Math.max(t.depth, 1), 3) as 1 | 2 | 3;
  const size = HEADING_SIZE[level];
  const set: Setting = { size, pitch: size * LEADING.heading, color: COLOR.heading };
  const runs = inline(t.tokens, { bold: true });
  const text = plainText(runs);
  const lines = linesFor(flow, runs, frame, { set, align: 'left' });
  const rule = level === 1 ? 7 : 0;
  const gap = HEADING_SPACE[level];
  space(flow, gap.before);
  lines.forEach((l, i) => {
    const last = i === lines.length - 1;
    push(flow, {
      height: set.pitch + (last ? rule : 0),
      shrink: 0.1 * size,
      penalty: i > 0 ? PENALTY.keep : PENALTY.free,
      draw: (at) => {
        const top = at.top + (at.height - set.pitch - (last ? rule : 0)) / 2;
        if (i === 0) placed(env, t.depth, level, text, top, at.page, ctx);
        drawLine(flow.doc, l, frame.x, top, frame.width, 'left', set);
        if (last && level === 1) {
          const y = top + set.pitch + rule - 2;
          const doc = flow.doc;
          doc.save().lineWidth(0.5).strokeColor(COLOR.hairline).moveTo(frame.x, y).lineTo(frame.x + frame.width, y).stroke().restore();
          doc.save().lineWidth(2).strokeColor(COLOR.accent).moveTo(frame.x, y).lineTo(frame.x + 2.5 * size, y).stroke().restore();
        }
      },
    });
  });
  space(flow, gap.after);
  keepWithNext(flow);
}

// A heading has landed on a page: name where drawing is (for missing glyphs), and at top level
// add its bookmark and, for h1/h2, its destination for the contents page and running head.
function placed(env: MarkdownEnv, depth: number, level: number, text: string, top: number, page: number, ctx: Context): void {
  const flow = env.flow;
  flow.glyphs.where = `section “${text}”`;
  if (!ctx.topLevel) return;
  const options = { top: Math.max(top - 6, 0), left: PAGE.width };
  // Every top-level heading is a bookmark, nested under the nearest earlier heading of a
  // higher level; h1/h2 also go to the contents page and the running head.
  // Nesting follows the Markdown depth (h4 under h3), though h4–h6 are set like h3.
  while (env.outline.length > 0 && env.outline[env.outline.length - 1]!.depth >= depth) env.outline.pop();
  const parent = env.outline[env.outline.length - 1]?.item ?? flow.doc.outline;
  env.outline.push({ depth, item: parent.addItem(text, options) });
  if (level <= 2) {
    const dest = `section-${flow.headings.length + 1}`;
    flow.doc.addNamedDestination(dest, 'XYZ', null, Math.max(top - 6, 0), null);
    flow.headings.push({ level, text, page, top, dest });
  }
}

function list(env: MarkdownEnv, t: Tokens.List, frame: Frame, ctx: Context, depth: number): void {
  const flow = env.flow;
  const em = SIZE.body;
  const start = typeof t.start === 'number' && Number.isFinite(t.start) ? t.start : 1;
  const indent = t.ordered ? 2.2 * em : 1.6 * em;
  const inner: Frame = { x: frame.x + indent, width: Math.max(frame.width - indent, 2 * em) };
  const capacity = capacityOf(PORTRAIT);
  space(flow, BLOCK_GAP);
  t.items.forEach((item, i) => {
    const mark_: PendingMarker['mark'] = item.task
      ? { shape: item.checked === true ? 'checked' : 'box' }
      : t.ordered
        ? { text: `${start + i}.` }
        : { shape: BULLETS[depth % BULLETS.length]! };
    flow.marker = { mark: mark_, right: inner.x - 0.5 * em };
    space(flow, t.loose ? BLOCK_GAP : 2);
    const first = mark(flow);
    item.tokens.forEach((child) => {
      const c = child as MarkedToken;
      if (c.type === 'list') list(env, c, inner, ctx, depth + 1);
      else if ((c.type === 'text' || c.type === 'paragraph') && !isTooDeep(c)) {
        const runs = inline(c.type === 'text' && c.tokens === undefined ? [c] : (c.tokens ?? []), { color: ctx.color });
        paragraph(flow, runs, inner, { set: BODY(ctx.color), align: 'justify', after: t.loose ? BLOCK_GAP : 2 });
      } else renderBlock(env, child, inner, { ...ctx, indent: false, topLevel: false });
    });
    flow.marker = null;
    // An item that fits on a page moves whole rather than break.
    const boxes = boxesSince(flow, first);
    if (heightOf(boxes) <= capacity) for (const b of boxes.slice(1)) b.penalty = Math.max(b.penalty, PENALTY.item);
  });
  space(flow, BLOCK_GAP);
}

// A block quote: inset, muted text, a grey bar down its left side on every page it covers.
function blockquote(env: MarkdownEnv, t: Tokens.Blockquote, frame: Frame): void {
  const flow = env.flow;
  const inset = 14;
  space(flow, BLOCK_GAP);
  const inner: Frame = { x: frame.x + inset, width: Math.max(frame.width - inset, 2 * SIZE.body) };
  const from = mark(flow);
  renderBlocks(env, t.tokens, inner, { color: COLOR.muted, indent: false, topLevel: false });
  const boxes = boxesSince(flow, from);
  const first = boxes[0];
  const last = boxes[boxes.length - 1];
  if (first !== undefined && last !== undefined) {
    let start = { page: 0, top: 0 };
    const drawFirst = first.draw;
    first.draw = (at) => {
      start = { page: at.page, top: at.top };
      drawFirst(at);
    };
    const drawLast = last.draw;
    last.draw = (at) => {
      drawLast(at);
      const end = at.top + at.height;
      for (let p = start.page; p <= at.page; p++) {
        flow.doc.switchToPage(p);
        const bottom = p === at.page ? end - 3 : flow.doc.page.height - MARGIN.bottom;
        const top = p === start.page ? start.top + 3 : MARGIN.top;
        if (bottom > top) flow.doc.save().lineWidth(2.5).strokeColor(COLOR.quoteBar).moveTo(frame.x + 3, top).lineTo(frame.x + 3, bottom).stroke().restore();
      }
      flow.doc.switchToPage(at.page);
    };
  }
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
  push(flow, { height: 4, draw: (at) => panel(at.top, at.height) });
  const n = lines.length;
  lines.forEach((line, i) => {
    push(flow, {
      height: set.pitch,
      shrink: lineShrink(set),
      penalty: i === 0 ? PENALTY.keep : i === 1 || i === n - 1 ? PENALTY.widow : PENALTY.free,
      draw: (at) => {
        panel(at.top, at.height);
        drawLine(flow.doc, line, frame.x + pad, lineTop(at, set.pitch), frame.width - 2 * pad, 'left', set);
      },
    });
  });
  push(flow, { height: 4, penalty: PENALTY.keep, draw: (at) => panel(at.top, at.height) });
  space(flow, BLOCK_GAP);
}

// A GFM table: header cells bold, column weights from the cells' natural widths, columns of
// numbers right-aligned unless the Markdown says otherwise; a `pdf:table` directive before it
// may name a spanning column, a notes column and allow landscape pages.
function gfmTable(flow: Flow, t: Tokens.Table, frame: Frame, options: TableOptions | null): TableSpec {
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
      ...(options?.span === i + 1 ? { span: true } : {}),
      ...(options?.notes === i + 1 ? { notes: true } : {}),
    };
  });
  const spec: TableSpec = { columns, rows: t.rows.map((r) => ({ cells: columns.map((_, i) => cellRuns(inline(r[i]?.tokens ?? [], {}))) })) };
  if (options?.landscape === true) spec.landscape = true;
  return spec;
}

function html(env: MarkdownEnv, t: Tokens.HTML | Tokens.Tag, frame: Frame, ctx: Context): void {
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
      case 'table':
        if (env.tableOptions !== null || !ctx.topLevel) note(flow, flow.labels.strayTable, frame);
        env.tableOptions = ctx.topLevel ? d.options : null;
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
      case 'status-bar':
        statusBar(flow, d.block, frame);
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
  push(flow, {
    height: h,
    draw: (at) => {
      flow.doc.save().lineWidth(0.6).rect(frame.x, at.top, frame.width, h).fillAndStroke(COLOR.noteBg, COLOR.noteBorder).restore();
      lines.forEach((l, i) => drawLine(flow.doc, l, inner.x, at.top + 4 + i * set.pitch, inner.width, 'left', set));
    },
  });
  space(flow, BLOCK_GAP);
}

// Give the contents page its pages now (it is drawn at the end, when page numbers are known).
function reserveToc(env: MarkdownEnv): void {
  const flow = env.flow;
  const entries: TocEntry[] = [];
  for (const t of env.top.slice(env.topIndex + 1)) {
    if (t !== null && t.type === 'heading' && (t as Tokens.Heading).depth <= 2) {
      entries.push({ level: (t as Tokens.Heading).depth, text: plainText(inline((t as Tokens.Heading).tokens, {})) });
    }
  }
  const pages = tocPageCount(flow, entries);
  const toc = { entries, firstHeading: 0 };
  env.toc = toc;
  for (let i = 0; i < pages; i++) {
    breakPage(flow);
    push(flow, {
      height: BOTTOM - MARGIN.top,
      draw: (at) => {
        flow.tocPages.push(at.page);
        if (i > 0) return;
        // The headings after the contents start here.
        toc.firstHeading = flow.headings.length;
        flow.doc.outline.addItem(flow.labels.toc.replace(/\s+/g, ''), { top: MARGIN.top, left: PAGE.width });
      },
    });
  }
  breakPage(flow);
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

