// The PDF typesetter lays most text out from cached characters instead of shaping each word
// (src/render/pdf/README.md, "Speed and memory"). With verification on, every shortcut is shaped
// whole as well; a difference would mean a glyph or a width unlike what pdfkit would draw.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyShaping } from '../src/render/pdf/draw.js';
import { typesetPdf } from '../src/render/pdf/index.js';
import { BASE_PLAN, run, tempDir } from './support/cli.js';
import { sampleBlocks, sampleOptions } from './fixtures/pdf/sample-blocks.js';

afterEach(() => verifyShaping(null));

describe('shaping shortcuts', () => {
  it('give the glyphs and widths of whole-word shaping on the sample and on real reports', async () => {
    const differences: string[] = [];
    verifyShaping((d) => differences.push(d));
    await typesetPdf(readFileSync(new URL('./fixtures/pdf/sample.md', import.meta.url), 'utf8'), sampleBlocks, sampleOptions);
    for (const [plan, lang] of [[BASE_PLAN, 'zh-CN'], ['plan', 'zh-CN'], ['plan', 'en']] as const) {
      const r = await run(['report', '2024', '--plan', plan, '--out', tempDir(), '--format', 'pdf', '--lang', lang, '--quiet'], {
        env: { SOURCE_DATE_EPOCH: '1740787200' },
      });
      expect(r.code).toBe(0);
    }
    expect(differences).toEqual([]);
  }, 120_000);

});
