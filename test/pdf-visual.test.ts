// A visual check of the sample PDF, rasterised by poppler's pdftoppm (Debian: poppler-utils):
// no page is blank, the cover has its title drawn, and one page matches a low-resolution
// golden image within a tolerance. Without pdftoppm the tests are skipped with a reason,
// except under CI=true, where that is a failure.
//
// Refresh the golden after an intended change of the layout:
//   PDF_GOLDEN_UPDATE=1 npx vitest run test/pdf-visual.test.ts

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typesetPdf } from '../src/pdf/index.js';
import { sampleBlocks, sampleOptions } from './fixtures/pdf/sample-blocks.js';

const HAVE_PDFTOPPM = spawnSync('pdftoppm', ['-v']).error === undefined;
const IN_CI = process.env.CI === 'true';
const GOLDEN = new URL('./__golden__/pdf-sample-page4.pgm', import.meta.url);
const GOLDEN_PAGE = 4;
/** Mean absolute difference allowed against the golden, in grey levels (0–255). */
const TOLERANCE = 4;

/** A greyscale image: width × height bytes, 0 black … 255 white. */
interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Parse a binary PGM (P5, maxval ≤ 255), the format `pdftoppm -gray` writes. */
function parsePgm(bytes: Buffer): Gray {
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at]!))) at++;
    if (bytes[at] === 0x23) {
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
      continue;
    }
    const start = at;
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at]!))) at++;
    fields.push(bytes.subarray(start, at).toString('latin1'));
  }
  const [magic, w, h, max] = fields;
  if (magic !== 'P5' || Number(max) > 255) throw new Error(`not an 8-bit binary PGM: ${fields.join(' ')}`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, pixels: bytes.subarray(at + 1, at + 1 + width * height) };
}

/** Rasterise every page at `dpi` to greyscale PGM images. */
function rasterise(pdf: Buffer, dpi: number, dir: string, pages?: number): Gray[] {
  const file = join(dir, `doc-${dpi}.pdf`);
  writeFileSync(file, pdf);
  const range = pages === undefined ? [] : ['-f', String(pages), '-l', String(pages)];
  const run = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', ...range, file, join(dir, `r${dpi}`)]);
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr.toString()}`);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`r${dpi}-`) && f.endsWith('.pgm'))
    .sort((a, b) => Number(/-(\d+)\.pgm$/.exec(a)![1]) - Number(/-(\d+)\.pgm$/.exec(b)![1]))
    .map((f) => parsePgm(readFileSync(join(dir, f))));
}

/** Points to pixel rows at 30 dpi. */
const px = (pt: number): number => Math.round((pt * 30) / 72);

/** Share of pixels darker than `level` in rows [top, bottom) of an image. */
function inked(img: Gray, top = 0, bottom = img.height, level = 200): number {
  let dark = 0;
  for (let y = top; y < bottom; y++) for (let x = 0; x < img.width; x++) if (img.pixels[y * img.width + x]! < level) dark++;
  return dark / (img.width * (bottom - top));
}

describe('pdftoppm is available', () => {
  it.runIf(!HAVE_PDFTOPPM)('is required under CI, optional elsewhere', () => {
    if (IN_CI) expect.fail('pdftoppm not found: install poppler-utils (apt-get install -y poppler-utils)');
    console.warn('skipping the PDF visual checks: pdftoppm not found (apt-get install -y poppler-utils)');
  });
});

describe.runIf(HAVE_PDFTOPPM)('the sample PDF, rasterised', () => {
  let dir: string;
  let pdf: Buffer;
  let pages: Gray[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cixi-pdf-'));
    pdf = await typesetPdf(readFileSync(new URL('./fixtures/pdf/sample.md', import.meta.url), 'utf8'), sampleBlocks, sampleOptions);
    pages = rasterise(pdf, 30, dir);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has no blank page: every text area holds ink, not just the running header and footer', () => {
    expect(pages).toHaveLength(9);
    // The text area lies between the 70 pt top and 66 pt bottom margins.
    pages.forEach((p, i) => expect(inked(p, px(70), px(842 - 66)), `page ${i + 1}`).toBeGreaterThan(0.005));
  });

  it('draws the title region of the cover', () => {
    const cover = pages[0]!;
    const pt = px;
    // The title sits at 262–340 pt from the top; the band above it, under the red rules, is empty.
    expect(inked(cover, pt(262), pt(340))).toBeGreaterThan(0.05);
    expect(inked(cover, pt(190), pt(250))).toBeLessThan(0.001);
    // The organisation's name and the red rules above it.
    expect(inked(cover, pt(120), pt(186))).toBeGreaterThan(0.02);
  });

  it(`matches the golden image of page ${GOLDEN_PAGE} (the status table) within ${TOLERANCE} grey levels`, () => {
    const [page] = rasterise(pdf, 20, dir, GOLDEN_PAGE);
    const bytes = Buffer.from(readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith('r20-'))!)));
    if (process.env.PDF_GOLDEN_UPDATE === '1' || (!existsSync(GOLDEN) && !IN_CI)) {
      writeFileSync(GOLDEN, bytes);
      console.warn(`wrote ${GOLDEN.pathname}`);
    }
    const golden = parsePgm(readFileSync(GOLDEN));
    expect([page!.width, page!.height]).toEqual([golden.width, golden.height]);
    let diff = 0;
    for (let i = 0; i < golden.pixels.length; i++) diff += Math.abs(page!.pixels[i]! - golden.pixels[i]!);
    expect(diff / golden.pixels.length).toBeLessThan(TOLERANCE);
  }, 60_000);
});
