// Generate valid plan folders that draw many warnings, or warnings on very long lines,
// for the tests of printing diagnostics and for measuring it by hand:
//   npx tsc --outDir /tmp/gen --module nodenext --target es2022 test/support/warning-plans.ts
//   node -e "import('/tmp/gen/warning-plans.js').then(m => m.writeWarningPlan('/tmp/p', {indicators: 1000, layout: 'json'}))"
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WarningPlanOptions {
  /** Indicators in the plan; each has a preliminary value in the report year: one warning each. */
  indicators: number;
  /**
   * How the report year's file is written: `block` YAML (one value per line), or `json`,
   * the whole file on one line (YAML flow style is JSON).
   */
  layout?: 'block' | 'json';
  /**
   * How many indicators (the last ones) have a preliminary value; the others are final.
   * Default: all of them.
   */
  warnings?: number;
  /** Text put into every indicator's name (e.g. control characters). */
  nameSuffix?: string;
}

/** The report year of a generated plan. */
export const WARNING_PLAN_YEAR = 2024;

/**
 * Write a valid plan folder to `dir`: `indicators` level indicators in one pillar, a
 * base year file with final values and a 2024 file with preliminary ones, so that
 * `validate` reports one `preliminary-value` warning per preliminary value and nothing
 * else. Returns the number of warnings. In the `json` layout each observation takes
 * about 80 characters of the one line: 2,500 indicators make a 200,000-character line.
 */
export function writeWarningPlan(dir: string, options: WarningPlanOptions): number {
  const n = options.indicators;
  const ids = Array.from({ length: n }, (_, i) => `ind-${i}`);
  const plan = [
    'plan:',
    '  id: warnings',
    '  title: 警告测试规划',
    '  region: 测试市',
    '  period: {start: 2022, end: 2026}',
    '  base_year: 2021',
    '  language: zh-CN',
    'scopes:',
    '  - {id: 全市, name: 全市}',
    'sources:',
    '  - {id: src, title: 合成数据}',
    'pillars:',
    '  - {id: p1, name: 支柱}',
    'actions:',
    '  - {id: a1, name: 行动, pillar: p1, measures: [措施]}',
    'indicators:',
    ...ids.map(
      (id, i) =>
        `  - {id: ${id}, name: ${JSON.stringify(`指标${i}${options.nameSuffix ?? ''}`)}, unit: 亿元, kind: level, direction: higher, ` +
        'attribute: expected, pillar: p1, actions: [a1], scope: 全市, target: {year: 2026, value: 200, comparator: ">="}, source: src}',
    ),
    'milestones: []',
  ];
  const observation = (status: string, value: number) => ({ value, unit: '亿元', scope: '全市', status, source: 'src' });
  const base = { year: 2021, observations: Object.fromEntries(ids.map((id) => [id, observation('final', 100)])) };
  const report = {
    year: WARNING_PLAN_YEAR,
    observations: Object.fromEntries(
      ids.map((id, i) => [id, observation(i >= n - (options.warnings ?? n) ? 'preliminary' : 'final', 130)]),
    ),
  };
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'plan.yaml'), plan.join('\n') + '\n');
  writeFileSync(join(dir, 'data', '2021.yaml'), JSON.stringify(base) + '\n');
  writeFileSync(join(dir, 'data', `${WARNING_PLAN_YEAR}.yaml`), (options.layout === 'json' ? JSON.stringify(report) : blockYear(report)) + '\n');
  return Math.min(n, options.warnings ?? n);
}

// One value per line, as people write year files.
function blockYear(year: { year: number; observations: Record<string, Record<string, unknown>> }): string {
  const lines = [`year: ${year.year}`, 'observations:'];
  for (const [id, o] of Object.entries(year.observations)) {
    lines.push(`  ${id}:`, ...Object.entries(o).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`));
  }
  return lines.join('\n');
}
