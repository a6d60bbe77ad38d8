// Rasterise PDFs with poppler's pdftoppm (Debian: poppler-utils) into greyscale images
// a test can measure: how much ink a band of a page holds, or how far it is from a golden.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether pdftoppm is installed. */
export const HAVE_PDFTOPPM = spawnSync('pdftoppm', ['-v']).error === undefined;

/** A greyscale image: width × height bytes, 0 black … 255 white. */
export interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Parse a binary PGM (P5, maxval ≤ 255), the format `pdftoppm -gray` writes. */
export function parsePgm(bytes: Buffer): Gray {
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
export function rasterise(pdf: Buffer, dpi: number, dir: string, pages?: number): Gray[] {
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

/** Share of pixels darker than `level` in rows [top, bottom) of an image. */
export function inked(img: Gray, top = 0, bottom = img.height, level = 200): number {
  let dark = 0;
  for (let y = top; y < bottom; y++) for (let x = 0; x < img.width; x++) if (img.pixels[y * img.width + x]! < level) dark++;
  return dark / (img.width * (bottom - top));
}


/** Mean absolute difference of two images of the same size, in grey levels (0–255). */
export function meanDifference(a: Gray, b: Gray): number {
  let diff = 0;
  for (let i = 0; i < b.pixels.length; i++) diff += Math.abs(a.pixels[i]! - b.pixels[i]!);
  return diff / b.pixels.length;
}

/**
 * The golden image a page is compared with. PDF_GOLDEN_UPDATE=1 rewrites it from `bytes` (the
 * page's PGM), and a missing golden is written from them, as vitest writes a missing snapshot;
 * under CI=true a golden is never written: a missing one is a failure.
 */
export function goldenImage(bytes: Buffer, golden: URL, env: NodeJS.ProcessEnv = process.env): Gray {
  const update = env.PDF_GOLDEN_UPDATE === '1';
  const missing = !existsSync(golden);
  if (env.CI === 'true' && (update || missing)) {
    throw new Error(
      update
        ? `PDF_GOLDEN_UPDATE=1 under CI=true: goldens are not written in CI (${golden.pathname})`
        : `golden image ${golden.pathname} is missing: make it with PDF_GOLDEN_UPDATE=1 outside CI, look at it, and commit it`,
    );
  }
  if (update || missing) {
    writeFileSync(golden, bytes);
    console.warn(`wrote ${golden.pathname}: look at it before committing it`);
  }
  return parsePgm(readFileSync(golden));
}

/** Rasterise page `page` (1-based) at `dpi`: the image and its PGM bytes, for goldens. */
export function rasterisePage(pdf: Buffer, dpi: number, dir: string, page: number): { image: Gray; bytes: Buffer } {
  const file = join(dir, `page-${page}-${dpi}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, `p${page}-${dpi}`)]);
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr.toString()}`);
  const bytes = readFileSync(join(dir, `p${page}-${dpi}.pgm`));
  return { image: parsePgm(bytes), bytes };
}
