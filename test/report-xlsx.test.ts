// report.xlsx: the status table as numbers with number formats, statuses on fills that
// differ in grey, a frozen and filtered header, A4 landscape print setup; the same bytes
// twice; and a real consumer, LibreOffice, converting it to CSV and PDF. The LibreOffice
// part is skipped only where soffice is missing, and never in CI.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { numberFormat, TONE_FILLS } from '../src/render/xlsx.js';
import { FIXTURES, run, tempDir } from './support/cli.js';
import { openPdf, pageTexts, squash } from './support/read-pdf.js';
import { buildModel } from './support/report.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1740787200' };
const SOFFICE = '/usr/bin/soffice';
const hasSoffice = existsSync(SOFFICE);
if (!hasSoffice) {
  if (process.env.CI === 'true') throw new Error(`${SOFFICE} is missing: CI must install Debian's libreoffice-calc-nogui to test report.xlsx`);
  console.warn(`report-xlsx: LibreOffice checks skipped, ${SOFFICE} is not installed (apt-get install libreoffice-calc-nogui)`);
}

/** Write a plan's 2024 report.xlsx and return its path. */
async function xlsxReport(plan: string, env: Record<string, string> = EPOCH): Promise<string> {
  const out = tempDir();
  const r = await run(['report', '2024', '--plan', plan, '--out', out, '--format', 'xlsx', '--quiet'], { env });
  if (r.code !== 0) throw new Error(r.stderr);
  return join(out, '2024', 'report.xlsx');
}

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

// WCAG relative luminance of an ARGB colour.
function luminance(argb: string): number {
  const [r, g, b] = [2, 4, 6].map((i) => parseInt(argb.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('report.xlsx', () => {
  it('holds the status table as numbers with the formats the report prints', async () => {
    const plan = join(FIXTURES, 'target-kinds');
    const { model } = await buildModel(plan, 2024);
    const wb = await open(await xlsxReport(plan));
    expect(wb.worksheets.map((w) => w.name)).toEqual([model.statusTable.title, model.milestones.title, model.dataNotes.title]);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...model.statusTable.columns.map((c) => c.label)]);
    const keys = model.statusTable.columns.map((c) => c.key);
    let numbers = 0;
    model.statusTable.rows.forEach((row, i) => {
      for (const key of ['baseline', 'value', 'target', 'completion', 'pace'] as const) {
        const cell = ws.getCell(i + 2, keys.indexOf(key) + 1);
        const n = row[key];
        if (n.cell !== undefined) {
          numbers++;
          expect(cell.type, `${row.id} ${key}`).toBe(ExcelJS.ValueType.Number);
          expect(cell.value).toBe(n.cell.value);
          expect(cell.numFmt).toBe(numberFormat(n.cell));
        } else {
          // A rule or an unknown number stays text, and never a number written as text.
          expect(cell.value).toBe(n.text);
          expect(Number.isNaN(Number(String(cell.value).replace(/,/g, '')))).toBe(true);
        }
      }
      expect(ws.getCell(i + 2, keys.indexOf('status') + 1).value).toBe(row.warning ? `${row.status.label} ${model.statusTable.warningMark}` : row.status.label);
    });
    expect(numbers).toBe(30);
    // Figures keep their published decimals (600.00), percentages are fractions shown as %.
    const output = 2;
    expect(ws.getCell(output, keys.indexOf('value') + 1).value).toBe(600);
    expect(ws.getCell(output, keys.indexOf('value') + 1).numFmt).toBe('#,##0.00');
    expect(ws.getCell(output, keys.indexOf('completion') + 1).numFmt).toBe('0.0%');
    expect(ws.getCell(output, keys.indexOf('target') + 1).numFmt).toBe('"≥"#,##0');
    expect(numberFormat({ value: 0.05, decimals: 1, percent: true, signed: true, prefix: '', suffix: '' })).toBe('+0.0%;-0.0%;0.0%');
    expect(numberFormat({ value: 190, decimals: 0, percent: false, signed: false, prefix: '', suffix: '（2023年）' })).toBe('#,##0"（2023年）"');
  });

  it('colours each status by tone, freezes and filters the header, prints A4 landscape with the header repeated', async () => {
    const { model } = await buildModel(join(FIXTURES, 'target-kinds'), 2024);
    const wb = await open(await xlsxReport(join(FIXTURES, 'target-kinds')));
    const ws = wb.worksheets[0]!;
    const col = model.statusTable.columns.findIndex((c) => c.key === 'status') + 1;
    model.statusTable.rows.forEach((row, i) => {
      const fill = ws.getCell(i + 2, col).fill as { fgColor?: { argb?: string } } | undefined;
      expect(fill?.fgColor?.argb ?? null, row.status.code).toBe(TONE_FILLS[row.status.tone].argb);
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' });
    // Tones stay apart in grey: luminances differ by at least 0.1 (white for no fill).
    const grey = Object.values(TONE_FILLS).map((f) => (f.argb === null ? 1 : luminance(f.argb))).sort((a, b) => a - b);
    for (let i = 1; i < grey.length; i++) expect(grey[i]! - grey[i - 1]!).toBeGreaterThanOrEqual(0.1);
    const milestones = wb.worksheets[1]!;
    expect(milestones.getCell('A2').value).toBe(model.milestones.rows[0]!.name);
    const notes = wb.worksheets[2]!;
    expect(notes.getCell('A1').value).toBe(model.dataNotes.figures.columns[0]!.label);
  });

  it('is byte for byte the same twice under SOURCE_DATE_EPOCH, and dated by it', async () => {
    const a = readFileSync(await xlsxReport(join(FIXTURES, 'base-plan')));
    const b = readFileSync(await xlsxReport(join(FIXTURES, 'base-plan')));
    expect(a.equals(b)).toBe(true);
    const c = readFileSync(await xlsxReport(join(FIXTURES, 'base-plan'), { SOURCE_DATE_EPOCH: '1750000000' }));
    expect(c.equals(a)).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a as unknown as ArrayBuffer);
    expect(wb.created?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });
});

const execFileAsync = promisify(execFile);

/** LibreOffice's CSV export: UTF-8 (76), cells as shown (the number formats applied). */
const CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true';

// LibreOffice's profile folder, this file's own (parallel runs do not share one), made at the
// first start and taken up by the later ones (a fifth of a conversion's CPU the first time).
let profileDir: string | undefined;

/** Convert files (of different names) with one start of LibreOffice; the converted files, in the order given. */
async function soffice(files: string[], to: string): Promise<string[]> {
  const dir = tempDir('cixi-plan-soffice-');
  profileDir ??= tempDir('cixi-plan-soffice-profile-');
  const profile = pathToFileURL(join(profileDir, 'profile')).href;
  await execFileAsync(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', to, '--outdir', join(dir, 'out'), ...files], { timeout: 120_000 });
  expect(readdirSync(join(dir, 'out'))).toHaveLength(files.length);
  const ext = to.split(':')[0]!;
  return files.map((f) => join(dir, 'out', `${basename(f, extname(f))}.${ext}`));
}

describe.skipIf(!hasSoffice)('report.xlsx in LibreOffice', () => {
  const plan = join(FIXTURES, 'target-kinds');
  let xlsx: string;
  let sheetDir: string;
  let csv: { report: string; sheet: string };

  // Each start of LibreOffice takes a second or two: both workbooks go to CSV in one.
  beforeAll(async () => {
    xlsx = await xlsxReport(plan);
    sheetDir = tempDir();
    cpSync(plan, join(sheetDir, 'plan'), { recursive: true });
    expect((await run(['sheet', '2024', '--out', 'w.xlsx'], { cwd: sheetDir, env: EPOCH })).code).toBe(0);
    const [report, sheet] = await soffice([xlsx, join(sheetDir, 'w.xlsx')], CSV);
    csv = { report: report!, sheet: sheet! };
  }, 240_000);

  it('converts to CSV holding every indicator as the report shows it, and to PDF', async () => {
    const { model } = await buildModel(plan, 2024);
    const lines = readFileSync(csv.report, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(model.statusTable.columns.map((c) => c.label).join(','));
    expect(lines).toHaveLength(model.statusTable.rows.length + 1);
    model.statusTable.rows.forEach((row, i) => {
      const shown = lines[i + 1]!.split(',');
      expect(shown[1]).toBe(row.name);
      // Each number reads as the report prints it: 600.00, 76.7%, ≥600, 190（2023年）.
      expect(shown.slice(4, 9)).toEqual([row.baseline, row.value, row.target, row.completion, row.pace].map((n) => n.text));
    });
    // Printed as its page setup asks: the status table on A4 landscape pages under its header
    // row, every indicator in order (read back with pdf.js).
    const [pdf] = await soffice([xlsx], 'pdf');
    const doc = await openPdf(readFileSync(pdf!));
    const texts = await pageTexts(doc);
    const header = squash(model.statusTable.columns.map((c) => c.label).join(''));
    const pages = texts.flatMap((t, i) => (t.includes(header) ? [i + 1] : []));
    expect(pages.length).toBeGreaterThan(0);
    for (const n of pages) {
      const [, , width, height] = (await doc.getPage(n)).view;
      expect([Math.round(width!), Math.round(height!)], `page ${n}`).toEqual([842, 595]);
    }
    let printed = pages.map((n) => texts[n - 1]).join('');
    for (const row of model.statusTable.rows) {
      const name = squash(row.name);
      expect(printed, row.name).toContain(name);
      printed = printed.slice(printed.indexOf(name) + name.length);
    }
    await doc.destroy();
  }, 240_000);

  it('saves the fill-in workbook again as .xlsx and as CSV, and both import as no change', async () => {
    const [resaved] = await soffice([join(sheetDir, 'w.xlsx')], 'xlsx:Calc MS Excel 2007 XML');
    for (const [to, saved] of [['xlsx', resaved!], ['csv', csv.sheet]] as const) {
      const r = await run(['import', '2024', saved], { cwd: sheetDir });
      expect(r.stderr, to).toBe('');
      expect(r.stdout, to).toContain('无需改动');
    }
  }, 240_000);
});
