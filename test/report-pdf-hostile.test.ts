// The PDF report of plans whose text the typesetter finds hard, read back with pdf.js as a
// reader would: characters the font lacks, very long words, very many indicators.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planWith, run, tempDir } from './support/cli.js';
import { openPdf, pageTexts } from './support/read-pdf.js';

const SLOW = 240_000;
const EPOCH = { SOURCE_DATE_EPOCH: '1740787200' };

// The base plan with indicator `id` renamed to `name`.
function planNaming(id: string, name: string): string {
  const dir = planWith();
  const file = join(dir, 'plan.yaml');
  const text = readFileSync(file, 'utf8');
  const renamed = text.replace(new RegExp(`(- id: ${id}\\n\\s+name: ).*`), `$1${JSON.stringify(name)}`);
  expect(renamed).not.toBe(text);
  writeFileSync(file, renamed);
  return dir;
}

async function reportPdf(plan: string, extra: string[] = []) {
  const out = tempDir();
  const r = await run(['report', '2024', '--plan', plan, '--out', out, '--format', 'pdf', ...extra], { env: EPOCH });
  const pdf = r.code === 0 ? readFileSync(join(out, '2024', 'report.pdf')) : undefined;
  return { ...r, pdf };
}

describe('characters the PDF font lacks', () => {
  it('are boxed as code points in the text layer and named in a warning, with where they are', async () => {
    const plan = planNaming('gdp', '地区生产总值😀한');
    const r = await reportPdf(plan);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'report.pdf warning pdf-missing-glyph the PDF font (Noto Sans SC) has no glyph for U+1F600 😀, U+D55C 한: they are set as boxed code points; first in section “要点”: “快于序时（3项）：地区生产总值😀한',
    );
    const texts = await pageTexts(await openPdf(r.pdf!));
    // The status table's row and the indicator's own section hold the name with its code points.
    expect(texts.filter((t) => t.includes('地区生产总值U+1F600U+D55C')).length).toBeGreaterThanOrEqual(3);

    const quiet = await reportPdf(plan, ['--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  }, SLOW);
});
