// The PDF typesetter: Markdown (with block directives) and directive payloads in, the bytes of
// an A4 PDF out. Pure apart from reading the font files once per process.

import { deflate } from 'node:zlib';
import type { Token } from 'marked';
import PDFDocument from 'pdfkit';
import { directivesIn, resolveDirective } from './directives.js';
import { FONT } from './draw.js';
import { MissingGlyphLog, type MissingGlyphs, missingGlyphLogs } from './glyphs.js';
import { type LexedMarkdown, lexedFrom } from './lex.js';
import { type Flow, TEXT_FRAME } from './flow.js';
import { loadFonts, type PdfFonts } from './fonts.js';
import { type MarkdownEnv, renderDocument } from './markdown.js';
import { drawCover, drawPageFurniture } from './pages.js';
import { drawToc } from './toc.js';
import { paginate } from './paginate.js';
import { labels, MARGIN, PAGE } from './theme.js';
import type { PdfBlocks, PdfCoverBlock, PdfOptions } from './types.js';

/**
 * Typeset Markdown into a PDF. The first page is always the cover: the payload of the first
 * valid `<!-- pdf:cover ID -->` wherever it stands, else one made from `options`. Directive
 * problems (unknown name, missing or mistyped payload) become visible notes in the document;
 * odd Markdown never throws. Rejects only when the font files cannot be read.
 */
export async function typesetPdf(markdown: string | LexedMarkdown, blocks: PdfBlocks, options: PdfOptions): Promise<Buffer> {
  return (await typesetPdfReport(markdown, blocks, options)).pdf;
}

/** A typeset PDF and what could not be set as written. */
export interface TypesetResult {
  pdf: Buffer;
  /** Characters the font lacks, drawn as boxed code points: each once, where first met. */
  missingGlyphs: MissingGlyphs[];
}

/**
 * typesetPdf, also saying which characters the font lacks and where they are. Takes the
 * Markdown as text or as lexPdfMarkdown gave it (the renderer lexes once for the check too),
 * and then uses up its tokens (LexedMarkdown).
 */
export async function typesetPdfReport(markdown: string | LexedMarkdown, blocks: PdfBlocks, options: PdfOptions): Promise<TypesetResult> {
  const { tokens } = lexedFrom(markdown);
  // Set from the first token on, so a used-up array starts with null.
  if (tokens[0] === null) throw new Error('typesetPdfReport: these tokens were used up by an earlier typesetting; lex again');
  const fonts = await loadFonts();
  return typesetWithFonts(tokens, blocks ?? {}, options, fonts);
}

// Typeset with the fonts loaded, using up the tokens.
async function typesetWithFonts(tokens: Array<Token | null>, blocks: PdfBlocks, options: PdfOptions, fonts: PdfFonts): Promise<TypesetResult> {
  const lang = options.lang === 'en' ? 'en' : 'zh-CN';
  const date = options.creationDate instanceof Date && Number.isFinite(options.creationDate.getTime()) ? options.creationDate : new Date(0);
  const title = String(options.title ?? '');
  const info: PDFKit.DocumentInfo = {
    Title: title,
    Creator: 'cixi-plan',
    Producer: options.producer ?? 'cixi-plan (PDFKit)',
    CreationDate: date,
    ModDate: date,
  };
  if (options.author) info.Author = options.author;
  if (options.subject) info.Subject = options.subject;
  if (options.keywords && options.keywords.length > 0) info.Keywords = options.keywords.join('; ');

  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: MARGIN,
    bufferPages: true,
    pdfVersion: '1.7',
    lang,
    displayTitle: true,
    info,
    // No default font: pdfkit would otherwise load Helvetica. The embedded font is set below,
    // before anything is written.
    font: null,
  } as unknown as PDFKit.PDFDocumentOptions);
  doc.registerFont(FONT.regular, fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(FONT.bold, fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
  doc.font(FONT.regular);
  const flushContent = batchContent(doc);
  cacheColors(doc);
  orderDestinationsWithoutIcu(doc);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const flow: Flow = {
    doc,
    fonts,
    lang,
    labels: labels(lang),
    pending: 0,
    forceNext: false,
    keepNext: 0,
    marker: null,
    pager: { boxes: [], cursor: 0, pages: [] },
    pageCount: 1,
    headings: [],
    tocPages: [],
    glyphs: new MissingGlyphLog(),
  };
  missingGlyphLogs.set(doc, flow.glyphs);
  const cover = findCover(tokens, blocks, flow) ?? { kind: 'cover', title, ...(options.author ? { organization: options.author } : {}) };
  drawCover(flow, cover);
  flow.glyphs.where = 'the text before the first heading';

  const env: MarkdownEnv = {
    flow,
    blocks,
    cover,
    coverSkipped: false,
    // Used up token by token as it is set (LexedMarkdown).
    top: tokens,
    topIndex: 0,
    toc: null,
    outline: [],
    tableOptions: null,
    paginate: () => paginate(flow, false),
  };
  renderDocument(env, TEXT_FRAME);
  paginate(flow, true);
  flow.glyphs.where = 'the contents or the running header';
  if (env.toc !== null) drawToc(flow, env.toc.entries, env.toc.firstHeading);
  drawPageFurniture(flow, options.headerText ?? title);
  flushContent();
  await compressPages(doc);
  doc.end();
  return { pdf: await done, missingGlyphs: flow.glyphs.found() };
}

// The payload of the first valid cover directive at the top level, if any.
function findCover(tokens: ReadonlyArray<Token | null>, blocks: PdfBlocks, flow: Flow): PdfCoverBlock | undefined {
  for (const t of tokens) {
    if (t === null || t.type !== 'html') continue;
    for (const raw of directivesIn(String(t.raw))) {
      if (raw.name !== 'cover') continue;
      const r = resolveDirective(raw, blocks, flow.labels);
      if (r.ok && r.directive.name === 'cover') return r.directive.block;
    }
  }
  return undefined;
}

// pdfkit turns every content operator into a Uint8Array of its own the moment it is written,
// and keeps them all (bufferPages) until the end: tens of thousands of tiny arrays per page.
// Collect a page's operators as strings and hand them to the page in large chunks instead; the
// page's content stream receives exactly the same bytes. Flushed when another page is written
// to, when the batch grows large, and before pdfkit ends the pages.
interface BatchedDoc {
  page: { write(chunk: Uint8Array): unknown };
  addContent(data: string): unknown;
  flushPages(): void;
}

function batchContent(doc: PDFKit.PDFDocument): () => void {
  const d = doc as unknown as BatchedDoc;
  let page: BatchedDoc['page'] | null = null;
  let pending: string[] = [];
  let size = 0;
  const flush = (): void => {
    // What pdfkit's write(string) does (one byte per char, a newline after), done natively.
    if (page !== null && pending.length > 0) page.write(Buffer.from(`${pending.join('\n')}\n`, 'latin1'));
    pending = [];
    size = 0;
  };
  d.addContent = function addContent(this: BatchedDoc, data: string): unknown {
    if (this.page !== page) {
      flush();
      page = this.page;
    }
    pending.push(data);
    size += data.length;
    if (size > 1 << 16) flush();
    return this;
  };
  const flushPages = d.flushPages;
  d.flushPages = function flushPagesBatched(this: BatchedDoc): void {
    flush();
    flushPages.call(this);
  };
  return flush;
}

// pdfkit writes a colour's operators anew at every fill and stroke: it parses '#rrggbb',
// divides each part by 255 and writes the fractions out as text, most of the cost. The
// operators of a '#rrggbb' colour are the same every time: made once per colour and kind (the
// two lines written as one, which the page receives the same).
interface ColoredDoc {
  _setColorCore(color: unknown, stroke: boolean): boolean;
  addContent(data: string): unknown;
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

export function cacheColors(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as ColoredDoc;
  const setColorCore = d._setColorCore;
  const made = new Map<string, string>();
  d._setColorCore = function setColorCoreCached(this: ColoredDoc, color: unknown, stroke: boolean): boolean {
    if (typeof color !== 'string') return setColorCore.call(this, color, stroke);
    const key = stroke ? `S${color}` : color;
    let ops = made.get(key);
    if (ops === undefined) {
      if (!HEX_COLOR.test(color)) return setColorCore.call(this, color, stroke);
      const hex = parseInt(color.slice(1), 16);
      const parts = [hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((part) => part / 255).join(' ');
      made.set(key, (ops = stroke ? `/DeviceRGB CS\n${parts} SCN` : `/DeviceRGB cs\n${parts} scn`));
    }
    this.addContent(ops);
    return true;
  };
}

// pdfkit sorts the named destinations (the contents page's links) with localeCompare when the
// document ends, and the first call loads ICU's collation: 7 ms of every PDF run. Ours are
// `section-N` (markdown.ts), which that collation orders as it orders their code units: the
// same prefix, then digits, by the first digit that differs, else the shorter first. Compare
// those without ICU, and any other name as pdfkit does.
interface NameTree {
  _compareKeys(a: string, b: string): number;
}

const SECTION = /^section-[0-9]+$/;

/** The comparison of destination names that orderDestinationsWithoutIcu gives pdfkit. */
export function destinationOrder(localeOrder: (a: string, b: string) => number): (a: string, b: string) => number {
  return (a, b) => (SECTION.test(a) && SECTION.test(b) ? (a < b ? -1 : a > b ? 1 : 0) : localeOrder(a, b));
}

export function orderDestinationsWithoutIcu(doc: PDFKit.PDFDocument): void {
  const dests = (doc as unknown as { _root: { data: { Names: { data: { Dests: NameTree } } } } })._root.data.Names.data.Dests;
  dests._compareKeys = destinationOrder(dests._compareKeys.bind(dests));
}

// A page's content stream as pdfkit keeps it until the document ends.
interface ContentStream {
  compress: boolean;
  buffer: Uint8Array[];
}

interface BufferedPages {
  _pageBuffer: Array<{ content: ContentStream; markings?: unknown[] }>;
}

/** Pages compressed at once on zlib's own threads: two or three keep both cores busy. */
const COMPRESSING = 3;

// pdfkit compresses each page's content when the document ends, one page after another on
// the main thread: a tenth of a large report's time. Once the last page is drawn, compress
// them on zlib's thread pool instead, a few at a time (each zlib stream holds a quarter of a
// megabyte), and hand pdfkit the result. zlib's output depends only on the bytes and the
// options, so the PDF is byte for byte the one pdfkit writes; the uncompressed pages are
// garbage before the file is assembled. A page with marked content open is left to pdfkit,
// which closes it (writing to the page) first.
async function compressPages(doc: PDFKit.PDFDocument): Promise<void> {
  const streams = (doc as unknown as BufferedPages)._pageBuffer
    .filter((page) => (page.markings ?? []).length === 0 && page.content.compress && page.content.buffer.length > 0)
    .map((page) => page.content);
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < streams.length) {
      const stream = streams[next++]!;
      const compressed = await new Promise<Buffer>((resolve, reject) => {
        deflate(Buffer.concat(stream.buffer), (err, out) => (err ? reject(err) : resolve(out)));
      });
      // What PDFReference.finalize would have done: the Filter is set already, by write().
      // A copy: zlib's result is a view into its 16 KiB output chunk, and a page of 3 KiB kept
      // the chunk alive (160 MiB of 10,000 pages, held until the file is written).
      stream.buffer = [Buffer.copyBytesFrom(compressed)];
      stream.compress = false;
    }
  };
  await Promise.all(Array.from({ length: COMPRESSING }, work));
}
