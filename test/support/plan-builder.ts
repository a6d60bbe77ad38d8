// A small, valid plan with three year files, built fresh for each test to mutate.

import type { Indicator, Observation, PlanData, YearData } from '../../src/model.js';

/** Plan file path used in diagnostics of the built plan. */
export const PLAN_FILE = 'plan/plan.yaml';

/** Path of the built year file for `year`. */
export function yearFile(year: number): string {
  return `plan/data/${year}.yaml`;
}

function observation(value: number, unit: string, extra: Partial<Observation> = {}): Observation {
  return { value, unit, scope: 'city', status: 'final', source: 'stats', ...extra };
}

/**
 * Build a valid plan (period 2022–2026, base year 2021): 2 pillars, 3 actions, 5 indicators
 * (level, percentage, multiple, count, cumulative), 2 milestones, and year files for 2021–2023
 * with an observation for every indicator. checkRules reports nothing on it.
 */
export function buildPlan(): PlanData {
  const indicators: Indicator[] = [
    {
      id: 'gdp', name: '地区生产总值', unit: '亿元', kind: 'level', direction: 'higher',
      attribute: 'expected', pillar: 'hard-power', actions: ['industry'], scope: 'city',
      target: { year: 2026, value: 3200, comparator: '>=' }, annual_growth: 6, source: 'plan-doc',
    },
    {
      id: 'rd-share', name: 'R&D经费支出占GDP比重', unit: '%', kind: 'percentage', direction: 'higher',
      attribute: 'expected', pillar: 'hard-power', actions: ['talent'], scope: 'city',
      target: { year: 2026, value: 4, comparator: '>=' }, source: 'plan-doc',
    },
    {
      id: 'little-giants', name: '国家级专精特新小巨人企业', aliases: ['专精特新小巨人企业'], unit: '家',
      kind: 'multiple', direction: 'higher', attribute: 'expected', pillar: 'hard-power',
      actions: ['talent', 'industry'], scope: 'city',
      target: { year: 2026, multiple: 2, comparator: '>=' }, source: 'plan-doc',
    },
    {
      id: 'industry-chains', name: '高质量标志性产业链', unit: '条', kind: 'count', direction: 'higher',
      attribute: 'expected', pillar: 'hard-power', actions: ['industry'], scope: 'city',
      target: { year: 2026, value: 6, comparator: '>=' }, source: 'plan-doc',
    },
    {
      id: 'green-investment', name: '生态环境投资', unit: '亿元', kind: 'cumulative', direction: 'higher',
      attribute: 'binding', pillar: 'quality-life', actions: ['ecology'], scope: 'city',
      target: { year: 2026, value: 100, comparator: '>=' }, source: 'plan-doc',
    },
  ];
  const years: YearData[] = [
    {
      file: yearFile(2021), year: 2021,
      observations: {
        gdp: observation(2379.2, '亿元'),
        'rd-share': observation(3.2, '%'),
        'little-giants': observation(30, '家'),
        'industry-chains': observation(3, '条'),
        'green-investment': observation(15, '亿元'),
      },
    },
    {
      file: yearFile(2022), year: 2022,
      observations: {
        gdp: observation(2521.58, '亿元'),
        'rd-share': observation(3.3, '%'),
        'little-giants': observation(36, '家'),
        'industry-chains': observation(4, '条'),
        'green-investment': observation(18, '亿元'),
      },
      milestones: { 'rail-station': { state: 'in-progress', date: '2022-12', source: 'stats' } },
    },
    {
      file: yearFile(2023), year: 2023,
      observations: {
        gdp: observation(2700, '亿元'),
        'rd-share': observation(3.5, '%'),
        'little-giants': observation(42, '家'),
        'industry-chains': observation(5, '条'),
        'green-investment': { missing: '未公布' },
      },
      milestones: {
        'rail-station': { state: 'in-progress', source: 'stats' },
        'eco-city': { state: 'done', date: '2023-11', source: 'stats' },
      },
    },
  ];
  return {
    file: PLAN_FILE,
    plan: {
      plan: {
        id: 'test-plan', title: '测试市五年规划', region: '测试市',
        period: { start: 2022, end: 2026 }, base_year: 2021, language: 'zh-CN', source: 'plan-doc',
      },
      scopes: [
        { id: 'city', name: '全市' },
        { id: 'city-proper', name: '市级' },
      ],
      sources: [
        { id: 'plan-doc', title: '五年规划' },
        { id: 'stats', title: '统计公报' },
      ],
      pillars: [
        { id: 'hard-power', name: '硬核实力' },
        { id: 'quality-life', name: '品质魅力' },
      ],
      actions: [
        { id: 'talent', name: '人才科创提级行动', pillar: 'hard-power', measures: [] },
        { id: 'industry', name: '产业升级提速行动', pillar: 'hard-power', measures: [] },
        { id: 'ecology', name: '生态环境提标行动', pillar: 'quality-life', measures: [] },
      ],
      indicators,
      milestones: [
        { id: 'rail-station', name: '高铁站建成', action: 'industry', due: 2026, done_when: '通车' },
        { id: 'eco-city', name: '创成生态文明示范市', action: 'ecology', due: 2025, done_when: '命名', source: 'plan-doc' },
      ],
    },
    years,
  };
}

/** The year file of `year` in `data` (throws in tests when absent). */
export function yearOf(data: PlanData, year: number): YearData {
  const y = data.years.find((f) => f.year === year);
  if (y === undefined) throw new Error(`no year file for ${year}`);
  return y;
}

/** The observation of `indicator` in `year` (throws in tests when absent). */
export function obsOf(data: PlanData, year: number, indicator: string): Observation {
  const o = yearOf(data, year).observations[indicator];
  if (o === undefined) throw new Error(`no observation of ${indicator} in ${year}`);
  return o;
}

/** The indicator with `id` (throws in tests when absent). */
export function indicatorOf(data: PlanData, id: string): Indicator {
  const ind = data.plan.indicators.find((i) => i.id === id);
  if (ind === undefined) throw new Error(`no indicator ${id}`);
  return ind;
}
