// The embedded font: Noto Sans SC (OFL), static TrueType (glyf) builds from npm, read and
// parsed once per process, and only when a PDF is asked for. pdfkit subsets what is used.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

const require = createRequire(import.meta.url);

/** Where the two weights live in node_modules. */
export const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

/** Parsed fonts, handed to pdfkit as they are (pdfkit accepts a fontkit font). */
export interface PdfFonts {
  regular: Font;
  bold: Font;
}

let loading: Promise<PdfFonts> | undefined;

/** Read and parse the two weights; the first call does the work, later calls share it. */
export function loadFonts(): Promise<PdfFonts> {
  loading ??= Promise.all([parse(FONT_FILES.regular), parse(FONT_FILES.bold)]).then(
    ([regular, bold]) => {
      copyGlyphsWithoutDecoding(regular);
      return { regular, bold };
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

// What a TrueType subset of fontkit's uses of its font and its own state.
interface TrueTypeSubset {
  font: {
    _variationProcessor?: unknown;
    loca: { offsets: number[] };
    hmtx: {
      metrics: { length: number; get(i: number): { advance: number; bearing: number } | undefined };
      bearings: { get(i: number): number | undefined };
    };
    _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: Array<{ advance: number; bearing: number }> };
  offset: number;
  _addGlyph(gid: number): number;
}

// The subset prototype patched, with fontkit's own _addGlyph.
const patched = new WeakMap<object, (gid: number) => number>();

const subsetPrototypeOf = (font: Font): TrueTypeSubset => Object.getPrototypeOf((font as unknown as { createSubset(): object }).createSubset()) as TrueTypeSubset;

/**
 * fontkit's TrueType subset decodes every glyph's outline (points, flags) only to learn
 * whether it is made of other glyphs, then copies the glyph's bytes as they are: 50 ms of
 * the shipped report's PDF (0.8 s). A glyph that is not composite (numberOfContours, its first
 * two bytes, not negative) is copied here without decoding, with the same bytes and the
 * same metrics (hmtx's, which is what the glyph's advanceWidth and leftBearing read in a font
 * without variations); a composite glyph, and any font with variations, are left to fontkit.
 * The subset is the same byte for byte (test/pdf-font-subset.test.ts compares them).
 */
function copyGlyphsWithoutDecoding(font: Font): void {
  const proto = subsetPrototypeOf(font);
  if (patched.has(proto) || typeof proto._addGlyph !== 'function') return;
  const decodeAndCopy = proto._addGlyph;
  patched.set(proto, decodeAndCopy);
  proto._addGlyph = function addGlyph(this: TrueTypeSubset, gid: number): number {
    const f = this.font;
    if (f._variationProcessor) return decodeAndCopy.call(this, gid);
    const start = f.loca.offsets[gid];
    const end = f.loca.offsets[gid + 1];
    if (start === undefined || end === undefined) return decodeAndCopy.call(this, gid);
    const stream = f._getTableStream('glyf');
    stream.pos += start;
    const buffer = stream.readBuffer(end - start);
    if (buffer.length >= 2 && (buffer[0]! & 0x80) !== 0) return decodeAndCopy.call(this, gid);
    // hmtx's advance and bearing, as fontkit's Glyph._getTableMetrics reads them (without
    // making the glyph object, which fontkit keeps with the characters it was first asked for).
    const hmtx = f.hmtx;
    const long = gid < hmtx.metrics.length ? hmtx.metrics.get(gid) : undefined;
    const last = long === undefined ? hmtx.metrics.get(hmtx.metrics.length - 1) : undefined;
    const metrics = long ?? { advance: last ? last.advance : 0, bearing: hmtx.bearings.get(gid - hmtx.metrics.length) || 0 };
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: metrics.advance, bearing: metrics.bearing });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
}

/**
 * Run `fn` with fontkit's own glyph copy in the subsets of `font` (for the test that holds
 * the copy above to it).
 */
export function withFontkitGlyphCopy<T>(font: Font, fn: () => T): T {
  const proto = subsetPrototypeOf(font);
  const own = patched.get(proto);
  if (own === undefined) return fn();
  const ours = proto._addGlyph;
  proto._addGlyph = own;
  try {
    return fn();
  } finally {
    proto._addGlyph = ours;
  }
}

// Parse one font file; a collection or an unreadable file is an error (a broken install).
async function parse(specifier: string): Promise<Font> {
  const path = require.resolve(specifier);
  const parsed = create(await readFile(path));
  if (!('layout' in parsed)) throw new Error(`${path} is a font collection, expected a single TrueType font`);
  return parsed;
}
