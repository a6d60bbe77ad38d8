// Generate a synthetic, valid plan folder with N indicators for benchmarks.
// Numbers are invented and deterministic (a fixed pseudo-random sequence).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KINDS = ['level', 'percentage', 'ratio', 'count', 'cumulative', 'multiple', 'rank'];
const YEARS = [2021, 2022, 2023, 2024, 2025];

/**
 * Write a plan folder with `n` indicators to `dir`. With `misspelt`, every observation key
 * of the year files names no indicator (`ind-7x` for `ind-7`): a plan with n × 5 errors.
 */
export function generatePlan(dir, n, { misspelt = false } = {}) {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pillars = ['p1', 'p2', 'p3'];
  const actions = Array.from({ length: 10 }, (_, i) => `a${i + 1}`);
  const plan = [
    '# yaml-language-server: $schema=../../../src/schema/plan.schema.json',
    'plan:',
    `  id: bench-${n}`,
    `  title: 基准测试规划（${n}项指标）`,
    '  region: 测试市',
    '  period:',
    '    start: 2022',
    '    end: 2026',
    '  base_year: 2021',
    '  language: zh-CN',
    'scopes:',
    '  - id: 全市',
    '    name: 全市',
    'sources:',
    '  - id: src',
    '    title: 合成数据',
    'pillars:',
    ...pillars.flatMap((p, i) => [`  - id: ${p}`, `    name: 支柱${i + 1}`]),
    'actions:',
    ...actions.flatMap((a, i) => [`  - id: ${a}`, `    name: 行动${i + 1}`, `    pillar: ${pillars[i % 3]}`, '    measures:', '      - 措施']),
    'indicators:',
  ];
  const series = [];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length];
    const action = actions[i % actions.length];
    const pillar = pillars[actions.indexOf(action) % 3];
    const lower = kind === 'rank';
    const base = kind === 'percentage' ? 60 + rand() * 20 : kind === 'ratio' ? 1 + rand() : kind === 'rank' ? 20 + Math.floor(rand() * 30) : kind === 'cumulative' ? 50 + rand() * 50 : 100 + Math.floor(rand() * 900);
    const step = (kind === 'rank' ? -1 : 1) * (kind === 'percentage' ? 1 + rand() * 2 : kind === 'ratio' ? 0.02 : kind === 'rank' ? 1 : base * (0.02 + rand() * 0.08));
    const values = YEARS.map((_, k) => {
      const v = kind === 'cumulative' ? base * (0.9 + rand() * 0.2) : base + step * k * (0.6 + rand() * 0.8);
      return kind === 'count' || kind === 'rank' || kind === 'multiple' ? Math.max(1, Math.round(v)) : Math.round(v * 100) / 100;
    });
    series.push({ id: `ind-${i}`, kind, values });
    const target = kind === 'multiple'
      ? ['    target:', '      year: 2026', '      multiple: 2', '      comparator: ">="']
      : ['    target:', '      year: 2026', `      value: ${kind === 'cumulative' ? Math.round(base * 5) : Math.round((values[0] + step * 5) * 100) / 100}`, `      comparator: "${lower ? '<=' : '>='}"`];
    plan.push(
      `  - id: ind-${i}`,
      `    name: 指标${i}（${kind}）`,
      `    unit: ${kind === 'percentage' ? '"%"' : kind === 'rank' ? '位' : '亿元'}`,
      `    kind: ${kind}`,
      `    direction: ${lower ? 'lower' : 'higher'}`,
      `    attribute: ${i % 5 === 0 ? 'binding' : 'expected'}`,
      `    pillar: ${pillar}`,
      `    actions: [${action}]`,
      '    scope: 全市',
      ...target,
      '    source: src',
    );
  }
  plan.push('milestones:', '  - id: m1', '    name: 里程碑', '    action: a1', '    due: 2026', '    done_when: 建成');
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'plan.yaml'), plan.join('\n') + '\n');
  YEARS.forEach((year, k) => {
    const lines = ['# yaml-language-server: $schema=../../../../src/schema/year.schema.json', `year: ${year}`, 'observations:'];
    for (const s of series) {
      const unit = s.kind === 'percentage' ? '"%"' : s.kind === 'rank' ? '位' : '亿元';
      lines.push(`  ${s.id}${misspelt ? 'x' : ''}:`, `    value: ${s.values[k]}`, `    unit: ${unit}`, '    scope: 全市', '    status: final', '    source: src');
    }
    writeFileSync(join(dir, 'data', `${year}.yaml`), lines.join('\n') + '\n');
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [dir, n] = process.argv.slice(2);
  generatePlan(dir, Number(n));
}
