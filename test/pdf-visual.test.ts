// A visual check of the sample PDF, rasterised by poppler's pdftoppm (Debian: poppler-utils):
// no page is blank, the cover has its title drawn, and one page matches a low-resolution
// golden image within a tolerance. Without pdftoppm the tests are skipped with a reason,
// except under CI=true, where that is a failure.
//
// Refresh the golden after an intended change of the layout (never under CI=true, where a
// missing golden fails):
//   PDF_GOLDEN_UPDATE=1 npx vitest run test/pdf-visual.test.ts

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typesetPdf } from '../src/render/pdf/index.js';
import { sampleBlocks, sampleOptions } from './fixtures/pdf/sample-blocks.js';
import { goldenImage, HAVE_PDFTOPPM, inked, meanDifference, rasterise, rasterisePage, type Gray } from './support/raster.js';

const IN_CI = process.env.CI === 'true';
const GOLDEN = new URL('./__golden__/pdf-sample-page4.pgm', import.meta.url);
const GOLDEN_PAGE = 4;
/** Mean absolute difference allowed against the golden, in grey levels (0–255). */
const TOLERANCE = 4;

/** Points to pixel rows at 30 dpi. */
const px = (pt: number): number => Math.round((pt * 30) / 72);

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
    const { image: page, bytes } = rasterisePage(pdf, 20, dir, GOLDEN_PAGE);
    const golden = goldenImage(bytes, GOLDEN);
    expect([page.width, page.height]).toEqual([golden.width, golden.height]);
    expect(meanDifference(page, golden)).toBeLessThan(TOLERANCE);
  }, 60_000);
});

describe('a missing golden image', () => {
  const missing = new URL('./__golden__/no-such-golden.pgm', import.meta.url);
  const bytes = Buffer.from('P5\n1 1\n255\n\0', 'latin1');

  it('fails under CI=true and writes nothing', () => {
    expect(() => goldenImage(bytes, missing, { CI: 'true' })).toThrow(/is missing/);
    expect(() => goldenImage(bytes, missing, { CI: 'true', PDF_GOLDEN_UPDATE: '1' })).toThrow(/not written in CI/);
    expect(() => readFileSync(missing)).toThrow(/ENOENT/);
  });
});
