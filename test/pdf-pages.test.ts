// Page breaks as a reader of the printed report sees them, read back with pdf.js: on every page
// but the last, at least four lines of text; never a heading (nor a line introducing what
// follows, "指标完成情况：") as a page's last line; every table row whole on one page of its
// table; and no word of the other language from the tool (the same scan of the Markdown and
// HTML is in report-target-kinds.test.ts). For the shipped plan, the three fixture plans and a
// generated plan of 60 indicators with an empty pillar, in Chinese and in English.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePlan } from './bench/generate-plan.mjs';
import type { ReportModel } from '../src/present/index.js';
import { FIXTURES, ROOT, tempDir } from './support/cli.js';
import { chineseIn, englishIn, planStrings, withoutPlanText } from './support/language.js';
import { pageLayouts, type PageLayout } from './support/page-layout.js';
import { openPdf, squash } from './support/read-pdf.js';
import { renderPdf } from './support/render-pdf.js';
import { buildModel } from './support/report.js';

const SLOW = 180_000;

/** A plan of 60 generated indicators, and a fourth pillar without any. */
function generatedPlan(): string {
  const dir = join(tempDir('cixi-plan-pages-'), 'plan');
  generatePlan(dir, 60);
  const file = join(dir, 'plan.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('\nactions:\n', '\n  - id: p4\n    name: 支柱4\nactions:\n'));
  return dir;
}

const PLANS: Array<{ name: string; dir: () => string }> = [
  { name: 'the shipped plan', dir: () => join(ROOT, 'plan') },
  { name: 'base-plan', dir: () => join(FIXTURES, 'base-plan') },
  { name: 'national-plan', dir: () => join(FIXTURES, 'national-plan') },
  { name: 'target-kinds', dir: () => join(FIXTURES, 'target-kinds') },
  { name: '60 generated indicators and an empty pillar', dir: generatedPlan },
];

/** A heading is set at 12 points or more (h1 16, h2 14, h3–h6 12); body text at 10.5 or less. */
const HEADING_SIZE = 11.9;

/**
 * The tables of the report, each with its header (as the PDF repeats it on every page of the
 * table; a column of notes, last, shows note numbers under another label) and its rows as the
 * PDF prints their cells.
 */
function tables(model: ReportModel): Array<{ header: string; rows: string[][] }> {
  const labels = (columns: Array<{ label: string }>): string => columns.map((c) => c.label).join('');
  const out = [
    {
      header: labels(model.statusTable.columns),
      // The category is set once per group, not in each row.
      rows: model.statusTable.rows.map((r) => [r.name, r.unit, r.attribute, r.baseline.text, r.value.text, r.target.text, r.completion.text, r.pace.text, r.status.label]),
    },
    {
      header: labels(model.dataNotes.figures.columns.slice(0, -1)),
      rows: model.dataNotes.figures.groups.flatMap((g) => g.rows.map((r) => [r.figure, r.year, r.value, r.status, r.source, r.note])),
    },
  ];
  if (model.milestones.rows.length > 0) {
    out.push({
      header: labels(model.milestones.columns.slice(0, -1)),
      rows: model.milestones.rows.map((r) => [r.name, r.action, r.due, r.doneWhen, r.state, r.expected, r.status.label, r.note]),
    });
  }
  return out;
}

describe.each(['zh-CN', 'en'] as const)('the %s PDF', (lang) => {
  describe.each(PLANS)('of $name', ({ dir }) => {
    let folder: string;
    let model: ReportModel;
    let pages: PageLayout[];

    beforeAll(async () => {
      folder = dir();
      model = (await buildModel(folder, 2024, lang)).model;
      pages = await pageLayouts(await openPdf(await renderPdf(model)));
    }, SLOW);

    it(lang === 'en' ? 'holds no Chinese word of the tool' : 'holds no English sentence of the tool', () => {
      const text = withoutPlanText(pages.map((p) => p.text).join(''), planStrings(folder));
      expect(lang === 'en' ? chineseIn(text) : englishIn(text)).toEqual([]);
    });

    it('has at least four lines of text on every page but the last', () => {
      const short = pages.slice(0, -1).filter((p) => p.lines.length < 4).map((p) => `page ${p.page}: ${p.lines.map((l) => l.text).join(' / ')}`);
      expect(short).toEqual([]);
    });

    it('never ends a page with a heading or a line that introduces what follows', () => {
      // The cover is not in the flow: its date, at the foot, is set large.
      const endings = pages.slice(1, -1).flatMap((p) => {
        const last = p.lines[p.lines.length - 1];
        return last !== undefined && (last.size >= HEADING_SIZE || /[：:]$/.test(last.text.trim())) ? [`page ${p.page}: ${last.text}`] : [];
      });
      expect(endings).toEqual([]);
    });

    it('keeps every table row whole on one page of its table', () => {
      const split: string[] = [];
      for (const table of tables(model)) {
        const header = squash(table.header);
        const onTable = pages.filter((p) => p.text.includes(header));
        expect(onTable.length, table.header).toBeGreaterThan(0);
        for (const row of table.rows) {
          const cells = row.map(squash).filter((c) => c !== '');
          if (!onTable.some((p) => cells.every((c) => p.text.includes(c)))) split.push(`${table.header}: ${row.join(' | ')}`);
        }
      }
      expect(split).toEqual([]);
    });
  });
});
