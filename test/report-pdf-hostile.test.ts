// The PDF report of plans whose text the typesetter finds hard, read back with pdf.js as a
// reader would: characters the font lacks, very long words, very many indicators.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../src/load/templates.js';
import { rendererFor } from '../src/render/index.js';
import { generatePlan } from './bench/generate-plan.mjs';
import { BASE_PLAN, FIXTURES, planWith, ROOT, run, tempDir } from './support/cli.js';
import type { PDFDocumentProxy } from './support/pdfjs.js';
import { openPdf, pageTexts } from './support/read-pdf.js';
import { buildModel } from './support/report.js';

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
    expect(r.stderr).toMatch(/report\.pdf 警告 pdf-missing-glyph [^\n]*：/);
    expect(r.stderr).toContain(
      'the PDF font (Noto Sans SC) has no glyph for U+1F600 😀, U+D55C 한: they are set as boxed code points; first in section “要点”: “快于序时（3项）：地区生产总值😀한',
    );
    const texts = await pageTexts(await openPdf(r.pdf!));
    // The status table's row and the indicator's own section hold the name with its code points.
    expect(texts.filter((t) => t.includes('地区生产总值U+1F600U+D55C')).length).toBeGreaterThanOrEqual(3);

    const quiet = await reportPdf(plan, ['--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  }, SLOW);
});

// Every text item of the pages holding `marker`, whitespace removed.
async function itemsOnPagesWith(doc: PDFDocumentProxy, marker: string): Promise<string[]> {
  const items: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const strs = content.items.map((item) => ('str' in item ? item.str.replace(/\s+/g, '') : ''));
    if (strs.join('').includes(marker)) items.push(...strs.filter((s) => s !== ''));
  }
  return items;
}

describe('a long unbroken word in an indicator name', () => {
  it('is broken across lines in the status table, and every number stays on one line', async () => {
    const word = 'Gross'.repeat(40);
    const r = await reportPdf(planNaming('gdp', `地区生产总值${word}`));
    expect(r.code).toBe(0);
    const doc = await openPdf(r.pdf!);
    const texts = await pageTexts(doc);
    const table = texts.find((t) => t.includes('2024年主要指标完成情况'))!;
    expect(table).toContain(`地区生产总值${word}`);
    // The numbers of the base plan's status table, each as many times as it is shown there.
    const numbers = ['2,379.2', '2,929', '≥3,200', '67.0%', '60.0%', '≥5,000', '1,000', '50.0%', '25.0%', '66.7%', '20.0%'];
    const items = await itemsOnPagesWith(doc, '2024年主要指标完成情况');
    const shown = (n: string) => items.reduce((count, item) => count + item.split(n).length - 1, 0);
    const expected = (n: string) => table.split(n).length - 1;
    for (const n of numbers) {
      expect(expected(n), n).toBeGreaterThan(0);
      // A number cut across lines would be two or three items, none holding it whole.
      expect(shown(n), n).toBe(expected(n));
    }
  }, SLOW);
});

describe('large and hostile plans', () => {
  it('typesets a 200,000-character indicator name (past the schema’s limit, given to the renderer directly)', async () => {
    const { model } = await buildModel(BASE_PLAN, 2024);
    const name = `地区生产总值${'G'.repeat(200_000)}`;
    // Every place the model shows the name (table, lists, the indicator's section and outline).
    const rename = (node: Record<string, unknown>): void => {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string') node[key] = value.replaceAll('地区生产总值', name);
        else if (value !== null && typeof value === 'object') rename(value as Record<string, unknown>);
      }
    };
    rename(model as unknown as Record<string, unknown>);
    const renderer = rendererFor('pdf');
    const loaded = await loadTemplates(renderer.format, null, ROOT);
    if (!loaded.ok) throw new Error(loaded.message.en);
    const r = await renderer.render({ model, templates: loaded.templates, createdAt: new Date(0) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const doc = await openPdf(r.content as Uint8Array);
    expect(doc.numPages).toBeGreaterThan(100);
    const first = (await pageTexts(doc, 12)).join('');
    expect(first).toContain(`地区生产总值${'G'.repeat(50)}`);
  }, SLOW);

  // Over a thousand pages, so that the last footer counts them in four digits.
  it('makes the PDF of a plan of 1,000 indicators', async () => {
    const plan = join(tempDir(), 'plan');
    generatePlan(plan, 1000);
    const r = await reportPdf(plan, ['--quiet']);
    expect(r.code).toBe(0);
    const doc = await openPdf(r.pdf!);
    expect(doc.numPages).toBeGreaterThan(1000);
    const last = await (await doc.getPage(doc.numPages)).getTextContent();
    expect(last.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/\s+/g, '')).toContain(`第${doc.numPages}页/共${doc.numPages}页`);
  }, SLOW);

  it('keeps the hostile fixture’s markup, pipes and moustaches as literal text in the PDF', async () => {
    const r = await reportPdf(join(FIXTURES, 'report-hostile-text'), ['--quiet']);
    expect(r.code).toBe(0);
    const all = (await pageTexts(await openPdf(r.pdf!))).join('');
    for (const s of ['地区生产总值{{moustaches}}|pipes|', '*stars*_under_<b>bold</b>[link](https://example.invalid)', '硬核|实力</table>', '`backticks`&&amp;entity~~strike~~']) {
      expect(all).toContain(s);
    }
  }, SLOW);
});
