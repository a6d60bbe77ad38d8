// Hand-computed assessments of every target kind a five-year plan writes beyond a level
// by the target year: a change from a base, average annual growth, a change over the
// period compounded from yearly changes, a bound held every year, a comparison with
// another indicator, a qualitative target; plus ranges, unit conversions and 无法判断.

import { describe, expect, it } from 'vitest';
import { assess, type IndicatorAssessment } from '../src/assess/index.js';
import type { Indicator, Observation } from '../src/model.js';
import { buildData, indicator, type Entry } from './support/assess-builder.js';

/** An observation of the `stats` source, with the fields given. */
function obs(fields: Partial<Observation>): Observation {
  return { unit: '%', scope: 'city', status: 'final', source: 'stats', ...fields };
}

/** Assess a plan with these indicators and series; return the indicators' assessments by id. */
function run(indicators: Indicator[], values: Record<string, Record<number, Entry>>, year = 2024) {
  const { assessment, diagnostics } = assess(buildData({ indicators, values }), year);
  const byId = new Map(assessment.indicators.map((a) => [a.id, a]));
  return { get: (id: string): IndicatorAssessment => byId.get(id)!, assessment, diagnostics };
}

describe('change from a base: 人均预期寿命提高1岁, from a 2019 figure in a 2021-based plan', () => {
  const life = indicator({
    id: 'life', unit: '岁', kind: 'level', direction: 'higher',
    target: { type: 'change', year: 2026, by: 1, base: { year: 2019, value: 77.3, source: 'plan-doc' } },
  });
  const a = run([life], { life: { 2021: 78.2, 2024: 77.9 } }).get('life');

  it('takes V = base + change and the base as the baseline, at its own year', () => {
    expect(a.target_spec).toMatchObject({ type: 'change', by: 1, base_year: 2019, comparator: '>=' });
    expect(a.baseline).toBe(77.3);
    expect(a.baseline_year).toBe(2019);
    expect(a.target).toBeCloseTo(78.3, 12);
    expect(a.components.target).toMatchObject({ formula: 'v0 + change', inputs: { v0: 77.3, change: 1 } });
  });

  it('measures completion and pace from the base year 2019', () => {
    // c = (77.9 − 77.3) / (78.3 − 77.3) = 0.6; p = (2024 − 2019) / (2026 − 2019) = 5/7
    expect(a.completion).toBeCloseTo(0.6, 12);
    expect(a.pace_at_value_year).toBeCloseTo(5 / 7, 12);
    expect(a.status).toBe('behind'); // 0.6 ≤ 0.714 − 0.05
  });

  it('reads a relative change (下降10%) as V = v0 × 0.9', () => {
    const water = indicator({ id: 'water', unit: '立方米', direction: 'lower', target: { type: 'change', year: 2026, percent: -10 } });
    const w = run([water], { water: { 2021: 50, 2024: 46 } }).get('water');
    expect(w.target).toBeCloseTo(45, 12);
    expect(w.comparator).toBe('<=');
    expect(w.completion).toBeCloseTo(0.8, 12); // (46 − 50)/(45 − 50)
    expect(w.status).toBe('ahead');
  });
});

describe('average annual growth at constant prices: 年均增长7%以上', () => {
  const gdp = indicator({ id: 'gdp', unit: '亿元', target: { type: 'growth', rate: 7, comparator: '>', prices: 'constant' } });
  const series: Record<number, Entry> = {
    2021: obs({ value: 1000, unit: '亿元' }),
    2022: obs({ value: 1100, unit: '亿元', growth: 5, prices: 'constant' }),
    2023: obs({ value: 1200, unit: '亿元', growth: 6, prices: 'constant' }),
    2024: obs({ growth: 8, prices: 'constant', unit: '亿元' }),
  };
  const a = run([gdp], { gdp: series }).get('gdp');

  it('compounds the published constant-price rates, never the nominal levels', () => {
    // I = 1.05 × 1.06 × 1.08 = 1.20204; g = I^(1/3) − 1 = 6.32%
    expect(a.target_measure).toBe('rate');
    expect(a.achieved_source).toBe('published-growth');
    expect(a.achieved_years).toEqual([2022, 2023, 2024]);
    expect(a.components.achieved?.result).toBeCloseTo(1.20204, 5);
    expect(a.growth_so_far).toBeCloseTo(1.20204 ** (1 / 3) - 1, 10);
    expect(a.target).toBe(0.07);
  });

  it('compares growth so far with the target rate through completion against pace', () => {
    // c = ln 1.20204 / ln 1.07^5 = 0.18402 / 0.33830 = 0.5440 against p = 0.6: behind (c ≤ p − 0.05)
    expect(a.completion).toBeCloseTo(Math.log(1.20204) / (5 * Math.log(1.07)), 5);
    expect(a.time_pace).toBeCloseTo(0.6, 12);
    expect(a.status).toBe('behind');
    // Required from 2025: (1.07^5 / 1.20204)^(1/2) − 1 = 8.04%
    expect(a.growth_required).toBeCloseTo(Math.sqrt(1.07 ** 5 / 1.20204) - 1, 10);
    expect(a.projection).toBeCloseTo(a.growth_so_far!, 12);
    expect(a.projection_meets_target).toBe(false);
  });

  it('stops the span before a year without a constant-price rate, and says which', () => {
    const gap = run([gdp], { gdp: { ...series, 2023: obs({ value: 1200, unit: '亿元' }) } });
    const g = gap.get('gdp');
    expect(g.value_year).toBe(2022);
    expect(g.stale).toBe(true);
    expect(g.value_reason).toEqual({ code: 'growth-figures-missing', years: [2023], prices: 'constant' });
    expect(gap.diagnostics.map((d) => d.code)).toContain('growth-figures-missing');
  });

  it('has no judgement when no year of the span has a constant-price rate', () => {
    const none = run([gdp], { gdp: { 2021: obs({ value: 1000, unit: '亿元' }), 2024: obs({ value: 1300, unit: '亿元' }) } }).get('gdp');
    expect(none.status).toBe('no_data');
    expect(none.achieved_reason).toEqual({ code: 'growth-figures-missing', years: [2022, 2023, 2024], prices: 'constant' });
  });

  it('does not take a current-price rate for a constant-price target', () => {
    const nominal = run([gdp], { gdp: { ...series, 2024: obs({ growth: 9, prices: 'current', unit: '亿元' }) } }).get('gdp');
    // 2024 has no constant-price rate: the span stops at 2023 (stale), I = 1.05 × 1.06.
    expect(nominal.value_year).toBe(2023);
    expect(nominal.components.achieved?.result).toBeCloseTo(1.113, 12);
  });

  it('measures a current-price target from the levels', () => {
    const current = indicator({ id: 'gdp', unit: '亿元', target: { type: 'growth', rate: 7, comparator: '>=', prices: 'current' } });
    const c = run([current], { gdp: { 2021: 1000, 2024: 1225.043 } }).get('gdp');
    expect(c.achieved_source).toBe('levels');
    expect(c.growth_so_far).toBeCloseTo(0.07, 6); // 1.225043^(1/3) = 1.07
    expect(c.status).toBe('on_track');
  });
});

describe('cumulative over the period, compounded: 〔13.5〕 reduction of an intensity', () => {
  const energy = indicator({
    id: 'energy', unit: '吨标准煤/万元', direction: 'lower', attribute: 'binding',
    target: { type: 'cumulative', percent: -13.5, comparator: '<=' },
  });
  const yearly = (r: number) => obs({ growth: r, prices: 'constant', unit: '吨标准煤/万元' });

  it('compounds four yearly reductions of 3% to 11.47%, not 12%', () => {
    const a = run([energy], { energy: { 2022: yearly(-3), 2023: yearly(-3), 2024: yearly(-3) } }, 2024).get('energy');
    // Three years here (2022–2024): 1 − 0.97³ = 8.73%
    expect(a.achieved).toBeCloseTo(0.97 ** 3 - 1, 12);
    const four = assess(buildData({
      indicators: [energy], period: { start: 2021, end: 2025 }, baseYear: 2020,
      values: { energy: { 2021: yearly(-3), 2022: yearly(-3), 2023: yearly(-3), 2024: yearly(-3) } },
    }), 2024).assessment.indicators[0]!;
    expect(four.achieved).toBeCloseTo(-0.11470719, 8);
    expect(Math.abs(four.achieved! * 100).toFixed(2)).toBe('11.47');
  });

  it('measures pace with the same compounding', () => {
    const four = assess(buildData({
      indicators: [energy], period: { start: 2021, end: 2025 }, baseYear: 2020,
      values: { energy: { 2021: yearly(-3), 2022: yearly(-3), 2023: yearly(-3), 2024: yearly(-3) } },
    }), 2024).assessment.indicators[0]!;
    // c = ln(0.97⁴) / ln(0.865) = 0.83897; p = 4/5: on pace (|c − p| < 0.05)
    expect(four.completion).toBeCloseTo((4 * Math.log(0.97)) / Math.log(0.865), 10);
    expect(four.time_pace).toBeCloseTo(0.8, 12);
    expect(four.status).toBe('on_track');
    // Projection: 0.97⁵ − 1 = −14.13% ≤ −13.5%: no 预警
    expect(four.projection).toBeCloseTo(0.97 ** 5 - 1, 12);
    expect(four.warning).toBe(false);
  });

  it('prefers a published cumulative figure to the compounded yearly ones', () => {
    const a = run([energy], {
      energy: { 2022: yearly(-3), 2023: yearly(-3), 2024: obs({ growth: -3, prices: 'constant', unit: '吨标准煤/万元', cumulative: { from: 2022, change: -9.5 } }) },
    }).get('energy');
    expect(a.achieved_source).toBe('published-cumulative');
    expect(a.achieved).toBeCloseTo(-0.095, 12);
  });

  it('raises 预警 for a binding reduction that falls short', () => {
    const a = run([energy], { energy: { 2022: yearly(-1), 2023: yearly(-1), 2024: yearly(-1) } }).get('energy');
    expect(a.status).toBe('far_behind'); // 1 − 0.99³ = 2.97% of 13.5%: the projection reaches < half
    expect(a.warning).toBe(true);
    expect(a.warning_reason).toEqual({ code: 'projection-misses' });
  });
});

describe('held every year: 城镇调查失业率控制在5.5%以内', () => {
  const jobless = indicator({ id: 'jobless', unit: '%', kind: 'percentage', direction: 'lower', attribute: 'binding',
    target: { type: 'held', value: 5.5, comparator: '<=' } });

  it('holds when every year with data is within the bound, and names the years without', () => {
    const a = run([jobless], { jobless: { 2021: 5.2, 2022: 5.4, 2024: 5.1 } }).get('jobless');
    expect(a.status).toBe('held');
    expect(a.status_reason).toEqual({ code: 'held', years: [2022, 2024], unknown_years: [2023] });
    expect(a.checks.map((c) => c.holds)).toEqual([true, null, true]);
    expect(a.warning).toBe(false);
    expect(a.completion).toBeNull();
  });

  it('is breached by an earlier year even when the latest holds, a 预警 when binding', () => {
    const a = run([jobless], { jobless: { 2021: 5.2, 2022: 5.6, 2023: 5.3, 2024: 5.0 } }).get('jobless');
    expect(a.status).toBe('breached');
    expect(a.status_reason).toEqual({ code: 'breached', years: [2022] });
    expect(a.warning).toBe(true);
    expect(a.value).toBe(5.0);
  });

  it('has no judgement without any data in the period, and counts as 无法判断', () => {
    const { get, assessment } = run([jobless], { jobless: { 2021: 5.2 } });
    expect(get('jobless').status).toBe('no_data');
    expect(get('jobless').undetermined).toBe(true);
    expect(assessment.summary.undetermined_ids).toEqual(['jobless']);
  });
});

describe('relative to another indicator: 居民收入增长与经济增长基本同步', () => {
  const gdpGrowth = indicator({ id: 'gdp-growth', unit: '%', kind: 'rate', target: { type: 'qualitative', text: '保持在合理区间' } });
  const income = indicator({ id: 'income-growth', unit: '%', kind: 'rate', attribute: 'binding',
    target: { type: 'relative', indicator: 'gdp-growth', comparator: '=', tolerance: 0.5 } });

  it('compares with the partner’s value of the same year, within the tolerance', () => {
    const a = run([gdpGrowth, income], { 'gdp-growth': { 2024: 5.0 }, 'income-growth': { 2024: 5.3 } }).get('income-growth');
    expect(a.status).toBe('held');
    expect(a.target).toBe(5.0);
    expect(a.status_reason).toEqual({ code: 'relative-holds', year: 2024, partner: 'gdp-growth' });
  });

  it('fails outside the tolerance', () => {
    const a = run([gdpGrowth, income], { 'gdp-growth': { 2024: 5.0 }, 'income-growth': { 2024: 4.2 } }).get('income-growth');
    expect(a.status).toBe('breached');
    expect(a.warning).toBe(true);
  });

  it('gives no judgement when the partner has no value that year, and says so', () => {
    const a = run([gdpGrowth, income], { 'gdp-growth': { 2023: 5.2 }, 'income-growth': { 2024: 5.3 } }).get('income-growth');
    expect(a.status).toBe('no_data');
    expect(a.target_reason).toEqual({ code: 'partner-missing', indicator: 'gdp-growth', year: 2024, gap: { code: 'no-entry', year: 2024 } });
    expect(a.undetermined).toBe(true);
    expect(a.warning).toBe(false);
  });

  it('reads 高于 as a strict comparison', () => {
    const productivity = indicator({ id: 'productivity', unit: '%', kind: 'rate', target: { type: 'relative', indicator: 'gdp-growth', comparator: '>' } });
    const r = run([gdpGrowth, productivity], { 'gdp-growth': { 2024: 5.0 }, productivity: { 2024: 5.0 } });
    expect(r.get('productivity').status).toBe('breached');
  });
});

describe('qualitative: 保持在合理区间', () => {
  const growth = indicator({ id: 'growth', unit: '%', kind: 'rate', attribute: 'binding', target: { type: 'qualitative', text: '保持在合理区间、各年度视情提出' } });

  it('is monitored with the latest recorded judgement and its source, never a computed status', () => {
    const a = run([growth], { growth: { 2023: obs({ value: 5.2, judgement: '经济运行保持在合理区间' }), 2024: 5.0 } }).get('growth');
    expect(a.status).toBe('qualitative');
    expect(a.judgement).toEqual({ text: '经济运行保持在合理区间', year: 2023, source: 'stats' });
    expect(a.value).toBe(5.0);
    expect(a.completion).toBeNull();
    expect(a.warning).toBe(false);
    expect(a.undetermined).toBe(true);
  });
});

describe('levels: ranges, published precision, conversions, ceilings', () => {
  it('meets a range target while the value lies in it', () => {
    const pop = indicator({ id: 'pop', unit: '‰', kind: 'ratio', target: { year: 2026, min: 3, max: 5 } });
    expect(run([pop], { pop: { 2021: 2, 2024: 4 } }).get('pop').status).toBe('met');
    expect(run([pop], { pop: { 2021: 4, 2024: 6 } }).get('pop').status).toBe('far_behind');
  });

  it('converts a value in a declared unit (亿斤 → 亿吨) and reports the conversion', () => {
    const grain = indicator({ id: 'grain', unit: '亿吨', conversions: { 亿斤: 0.0005 }, target: { type: 'held', value: 6.5, comparator: '>=' } });
    const r = run([grain], { grain: { 2024: obs({ value: 13908, unit: '亿斤' }) } });
    const a = r.get('grain');
    expect(a.value).toBeCloseTo(6.954, 12);
    expect(a.series.find((p) => p.year === 2024)?.converted).toEqual({ unit: '亿斤', value: 13908, factor: 0.0005 });
    expect(a.status).toBe('held');
    expect(r.diagnostics.map((d) => d.code)).toContain('unit-converted');
  });

  it('keeps a value in an undeclared unit not comparable', () => {
    const grain = indicator({ id: 'grain', unit: '亿吨', conversions: { 亿斤: 0.0005 }, target: { type: 'held', value: 6.5, comparator: '>=' } });
    const r = run([grain], { grain: { 2024: obs({ value: 69540, unit: '万吨' }) } });
    expect(r.get('grain').value).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toContain('not-comparable');
  });

  it('gives no progress category to a ceiling the baseline is already under', () => {
    const pm = indicator({ id: 'pm', unit: '微克/立方米', direction: 'lower', target: { year: 2026, value: 35, comparator: '<=' } });
    const a = run([pm], { pm: { 2021: 30, 2024: 28 } }).get('pm');
    expect(a.status).toBe('met');
    expect(a.progress_category).toBeNull();
    expect(a.progress_ratio_reason).toEqual({ code: 'no-growth-required' });
  });
});

describe('binding indicators that cannot be judged (无法判断)', () => {
  it('are counted by name in every roll-up, whatever the reason', () => {
    const noData = indicator({ id: 'no-data', attribute: 'binding' });
    const noTarget = indicator({ id: 'no-target', attribute: 'binding', target: undefined });
    const assessed = indicator({ id: 'assessed', attribute: 'binding' });
    const expected = indicator({ id: 'expected' });
    const { assessment } = run([noData, noTarget, assessed, expected], { assessed: { 2021: 50, 2024: 80 } });
    expect(assessment.summary.binding).toBe(3);
    expect(assessment.summary.undetermined_ids).toEqual(['no-data', 'no-target']);
    expect(assessment.pillars[0]!.undetermined).toBe(2);
  });
});
