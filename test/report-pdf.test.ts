// `cixi-plan report --format pdf` read back as a reader would: pdf.js for the text, outline,
// fonts and metadata; pdftoppm for how the pages look. Also: reproducible bytes, and a
// failed run keeps the previous report.pdf (interrupted runs: report-interrupt.test.ts).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE_PLAN, run, tempDir } from './support/cli.js';
import { openPdf, outline, pageTexts, squash, type OutlineNode } from './support/read-pdf.js';
import { goldenImage, HAVE_PDFTOPPM, inked, meanDifference, rasterise, rasterisePage } from './support/raster.js';

const EPOCH = '1740787200'; // 2025-03-01T00:00:00Z
const SLOW = 120_000;
/** Golden images of pages of the base fixture's report: refresh with PDF_GOLDEN_UPDATE=1 (never under CI=true). */
const GOLDEN_PAGES = [
  { page: 1, what: 'the cover', golden: new URL('./__golden__/report-base-plan-2024-cover.pgm', import.meta.url) },
  { page: 3, what: 'the overview', golden: new URL('./__golden__/report-base-plan-2024-overview.pgm', import.meta.url) },
  { page: 4, what: 'the status table', golden: new URL('./__golden__/report-base-plan-2024-status-table.pgm', import.meta.url) },
];

async function reportPdf(plan: string, out: string, env: Record<string, string> = { SOURCE_DATE_EPOCH: EPOCH }, extra: string[] = []): Promise<Buffer> {
  const r = await run(['report', '2024', '--plan', plan, '--out', out, '--format', 'pdf', '--quiet', ...extra], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return readFileSync(join(out, '2024', 'report.pdf'));
}

// The base fixture's report.pdf at EPOCH, written once for the file and read by every test
// that needs a report of it but not a run of its own.
let basePdf: Promise<Buffer> | undefined;
const theBasePdf = (): Promise<Buffer> => (basePdf ??= reportPdf(BASE_PLAN, tempDir()));

const flatten = (nodes: OutlineNode[]): string[] => nodes.flatMap((n) => [n.title, ...flatten(n.items)]);

describe('the PDF report of the base fixture', () => {
  let pdf: Buffer;
  let texts: string[];
  let assessment: { indicators: Array<{ name: string; status: string }>; milestones: Array<{ name: string }> };

  beforeAll(async () => {
    pdf = await theBasePdf();
    texts = await pageTexts(await openPdf(pdf));
    const json = await run(['gaps', '2024', '--plan', BASE_PLAN, '--json']);
    assessment = JSON.parse(json.stdout);
  }, SLOW);

  it('is an A4 document of several pages with 第 X 页 / 共 Y 页 on every page after the cover', async () => {
    const doc = await openPdf(pdf);
    expect(doc.numPages).toBeGreaterThanOrEqual(8);
    const [x0, y0, x1, y1] = (await doc.getPage(1)).view;
    expect([Math.round(x1! - x0!), Math.round(y1! - y0!)]).toEqual([595, 842]);
    texts.slice(1).forEach((t, i) => expect(t).toContain(`第${i + 2}页/共${doc.numPages}页`));
  });

  it('holds every indicator name and its status label as extractable text', () => {
    const all = texts.join('');
    const labels: Record<string, string> = { met: '已完成', ahead: '快于序时', on_track: '基本符合序时', behind: '滞后', far_behind: '严重滞后', no_data: '无数据', no_target: '无目标' };
    for (const ind of assessment.indicators) {
      expect(all).toContain(squash(ind.name));
      // The status table shows each indicator's row with its status on the same page.
      const page = texts.find((t) => t.includes('主要指标完成情况') && t.includes(squash(ind.name)));
      expect(page, ind.name).toBeDefined();
      expect(page).toContain(labels[ind.status]);
    }
    for (const m of assessment.milestones) expect(all).toContain(squash(m.name));
  });

  it('puts the plan title, year and date on the cover', () => {
    for (const s of ['示例市五年规划', '2024年度实施进展报告', '2025年3月1日']) expect(texts[0]).toContain(squash(s));
  });

  it('embeds its own TrueType font and never a standard PDF font', () => {
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(raw).not.toMatch(/\/BaseFont\s*\/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);
  });

  it('has bookmarks for every section, with the pillars and actions beneath them', async () => {
    const tree = await outline(await openPdf(pdf));
    const titles = flatten(tree);
    for (const s of ['一、总体评估', '二、主要指标完成情况表', '三、分领域指标', '四、十大行动', '五、重大项目与里程碑', '六、数据说明']) {
      expect(tree.map((n) => n.title)).toContain(s);
    }
    const pillars = tree.find((n) => n.title === '三、分领域指标')!.items;
    expect(pillars.map((n) => n.title)).toEqual(['硬核实力', '品质魅力']);
    // Each indicator's detail is a bookmark under its pillar.
    expect(pillars[0]!.items.map((n) => n.title)).toContain('地区生产总值 GDP');
    expect(titles).toContain('目录');
  });

  it('carries title, author, subject and language zh-CN in its metadata', async () => {
    const meta = await (await openPdf(pdf)).getMetadata();
    const info = meta.info as Record<string, string>;
    expect(info.Title).toBe('示例市五年规划2024年度实施进展报告');
    expect(info.Author).toBe('示例市发展和改革局');
    expect(info.Subject).toBeTruthy();
    expect(info.Language).toBe('zh-CN');
    expect(info.Creator).toBe('cixi-plan');
  });
});

describe('reproducible PDF bytes', () => {
  it('gives byte-identical files for the same SOURCE_DATE_EPOCH, and different ones for another', async () => {
    const a = await theBasePdf();
    const b = await reportPdf(BASE_PLAN, tempDir());
    const c = await reportPdf(BASE_PLAN, tempDir(), { SOURCE_DATE_EPOCH: String(Number(EPOCH) + 86_400) });
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  }, SLOW);

  it('refuses a malformed SOURCE_DATE_EPOCH with exit 2 and writes nothing', async () => {
    const out = tempDir();
    const r = await run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--format', 'pdf', '--lang', 'en'], { env: { SOURCE_DATE_EPOCH: '1.5e9' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not `1.5e9`\n');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('a failed run keeps the previous PDF', () => {
  it('a broken PDF template leaves the previous report.pdf byte for byte', async () => {
    const out = tempDir();
    const before = await theBasePdf();
    mkdirSync(join(out, '2024'));
    writeFileSync(join(out, '2024', 'report.pdf'), before);
    const templates = tempDir();
    mkdirSync(join(templates, 'partials/pdf'), { recursive: true });
    writeFileSync(join(templates, 'partials/pdf/indicator.hbs'), '#### {{md row.nmae}}\n');
    const r = await run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--format', 'pdf', '--templates', templates], { env: { SOURCE_DATE_EPOCH: '1800000000' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('partials/pdf/indicator.hbs:1:');
    expect(readFileSync(join(out, '2024', 'report.pdf')).equals(before)).toBe(true);
  }, SLOW);
});

describe.runIf(HAVE_PDFTOPPM)('the PDF report, rasterised', () => {
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await theBasePdf();
  }, SLOW);

  it('has no blank page and draws the title region of the cover', () => {
    const pages = rasterise(pdf, 30, tempDir());
    const px = (pt: number): number => Math.round((pt * 30) / 72);
    // A page whose text area (between the running header and the footer) holds no ink is blank.
    pages.forEach((p, i) => expect(inked(p, px(70), p.height - px(66)), `page ${i + 1}`).toBeGreaterThan(0.001));
    // The title block of the cover (about a third of the way down) holds ink.
    expect(inked(pages[0]!, px(240), px(360))).toBeGreaterThan(0.03);
  }, SLOW);

  it.each(GOLDEN_PAGES)('matches the golden image of page $page ($what)', ({ page, golden }) => {
    const { image, bytes } = rasterisePage(pdf, 20, tempDir(), page);
    const expected = goldenImage(bytes, golden);
    expect([image.width, image.height]).toEqual([expected.width, expected.height]);
    expect(meanDifference(image, expected)).toBeLessThan(3);
  }, SLOW);
});
