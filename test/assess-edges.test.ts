// Edge cases of the indicator assessment: stale, missing and non-comparable data,
// zero baselines, report years at or before the base year, targets equal to the
// baseline. Nothing here may throw or invent a number.

import { describe, expect, it } from 'vitest';

import { assess, type IndicatorAssessment } from '../src/assess/index.js';
import type { Diagnostic } from '../src/diagnostic.js';
import type { Indicator } from '../src/model.js';
import { PLAN_FILE, buildData, gdp, indicator, yearFile, type Entry, type PlanSpec } from './support/assess-builder.js';

/** Assess a spec and return its first indicator with the diagnostics. */
function run(spec: PlanSpec, year = 2024): { a: IndicatorAssessment; diagnostics: Diagnostic[] } {
  const { assessment, diagnostics } = assess(buildData(spec), year);
  const a = assessment.indicators[0];
  if (a === undefined) throw new Error('no indicator assessed');
  return { a, diagnostics };
}

function one(ind: Indicator, series: Record<number, Entry>, year = 2024) {
  return run({ indicators: [ind], values: { [ind.id]: series } }, year);
}

const where = (d: Diagnostic) => ({ code: d.code, severity: d.severity, file: d.file, pointer: d.pointer });

describe('stale data', () => {
  it('uses the latest earlier comparable value, says so, and compares it with the pace of its year', () => {
    const { a, diagnostics } = one(gdp(), { 2021: 2379.2, 2022: 2521.58, 2024: { missing: '尚未公布' } });
    expect(a).toMatchObject({ value: 2521.58, value_year: 2022, stale: true });
    expect(a.value_reason).toEqual({ code: 'stale', used_year: 2022, gap: { code: 'marked-missing', year: 2024, text: '尚未公布' } });
    // c = 142.38 / 820.8 = 0.1735 against the 2022 pace 0.2 (the report year's is 0.6)
    expect(a.completion).toBeCloseTo(0.17346, 5);
    expect(a.time_pace).toBeCloseTo(0.6, 12);
    expect(a.pace_at_value_year).toBeCloseTo(0.2, 12);
    expect(a.status).toBe('on_track');
    // growth over the one year 2021 → 2022, required over 2022 → 2026
    expect(a.growth_so_far).toBeCloseTo(2521.58 / 2379.2 - 1, 12);
    expect(a.growth_required).toBeCloseTo((3200 / 2521.58) ** (1 / 4) - 1, 12);
    expect(diagnostics.map(where)).toContainEqual(
      { code: 'stale-value', severity: 'info', file: yearFile(2024), pointer: '/observations/gdp' });
  });

  it('points at the plan when the report year has no file at all', () => {
    const { a, diagnostics } = one(gdp(), { 2021: 2379.2, 2023: 2700 });
    expect(a.value_reason).toMatchObject({ code: 'stale', gap: { code: 'no-year-file', year: 2024 } });
    expect(diagnostics.map(where)).toContainEqual(
      { code: 'stale-value', severity: 'info', file: PLAN_FILE, pointer: '/indicators/0' });
  });

  it('never uses a year after the report year', () => {
    const { a } = one(gdp(), { 2021: 2379.2, 2022: 2521.58, 2024: 2929 }, 2023);
    expect(a.value).toBe(2521.58);
    expect(a.value_year).toBe(2022);
  });
});

describe('values that are not comparable', () => {
  it('skips a value in another scope (市级), with a warning, and falls back to an earlier one', () => {
    const { a, diagnostics } = one(gdp(), {
      2021: 2379.2,
      2022: 2521.58,
      2024: { value: 1900, unit: '亿元', scope: 'city-proper', status: 'final', source: 'stats' },
    });
    expect(a.value).toBe(2521.58);
    expect(a.stale).toBe(true);
    expect(a.value_reason).toMatchObject({ code: 'stale', gap: { code: 'not-comparable', field: 'scope', found: 'city-proper', wanted: 'city' } });
    expect(diagnostics.map(where)).toContainEqual(
      { code: 'not-comparable', severity: 'warning', file: yearFile(2024), pointer: '/observations/gdp/scope' });
  });

  it('skips a value in another unit (亿美元), baseline included', () => {
    const usd = { value: 98, unit: '亿美元', scope: 'city', status: 'final', source: 'stats' } as const;
    const { a, diagnostics } = one(gdp(), { 2021: usd, 2024: 2929 });
    expect(a.baseline).toBeNull();
    expect(a.baseline_reason).toEqual({ code: 'no-baseline', year: 2021, gap: { code: 'not-comparable', year: 2021, field: 'unit', found: '亿美元', wanted: '亿元' } });
    expect(a.completion).toBeNull();
    expect(a.status).toBe('no_data');
    expect(diagnostics.map(where)).toContainEqual(
      { code: 'not-comparable', severity: 'warning', file: yearFile(2021), pointer: '/observations/gdp/unit' });
  });

  it('reports each skipped observation once', () => {
    const { diagnostics } = one(gdp(), {
      2021: { value: 1328.3, unit: '亿元', scope: 'city-proper', status: 'final', source: 'stats' },
      2024: 2929,
    });
    expect(diagnostics.filter((d) => d.code === 'not-comparable')).toHaveLength(1);
  });
});

describe('bounds', () => {
  it('uses a lower bound but flags it', () => {
    const { a } = one(gdp(), {
      2021: 2379.2,
      2024: { value: 2900, bound: 'at-least', unit: '亿元', scope: 'city', status: 'final', source: 'stats' },
    });
    expect(a.value).toBe(2900);
    expect(a.value_is_bound).toBe(true);
    expect(a.bound).toBe('at-least');
  });
});

describe('missing data', () => {
  it('has no status when nothing was observed after the base year', () => {
    const { a, diagnostics } = one(gdp(), { 2021: 2379.2 }, 2022);
    expect(a.value).toBeNull();
    expect(a.baseline).toBe(2379.2);
    expect(a.status).toBe('no_data');
    expect(a.completion).toBeNull();
    expect(a.growth_so_far).toBeNull();
    expect(a.projection).toBeNull();
    expect(diagnostics.map((d) => d.code)).toContain('no-value');
  });

  it('has no status when neither value nor baseline exist', () => {
    const { a } = run({ indicators: [gdp()], files: [2021, 2024] });
    expect(a.status).toBe('no_data');
    expect(a.status_reason).toMatchObject({ code: 'no-data', cause: { code: 'no-value-in-range', gap: { code: 'no-entry', year: 2024 } } });
  });

  it('still says met when the value meets the target without a baseline', () => {
    const { a } = one(gdp(), { 2024: 3300 });
    expect(a.baseline).toBeNull();
    expect(a.status).toBe('met');
  });
});

describe('report year and base year', () => {
  it('at the base year: one data point, no growth so far, on pace at 0', () => {
    const { a } = one(gdp(), { 2021: 2379.2, 2022: 2521.58 }, 2021);
    expect(a).toMatchObject({ value: 2379.2, value_year: 2021, stale: false, baseline: 2379.2 });
    expect(a.completion).toBe(0);
    expect(a.time_pace).toBe(0);
    expect(a.growth_so_far).toBeNull();
    expect(a.growth_so_far_reason).toEqual({ code: 'single-point', year: 2021 });
    expect(a.growth_required).toBeCloseTo((3200 / 2379.2) ** (1 / 5) - 1, 12);
    expect(a.projection).toBeNull();
    expect(a.progress_ratio).toBeNull();
    expect(a.status).toBe('on_track');
  });

  it('before the base year: nothing assessed, one warning', () => {
    const { assessment, diagnostics } = assess(buildData({ indicators: [gdp()], values: { gdp: { 2020: 2008.3, 2021: 2379.2 } } }), 2020);
    const a = assessment.indicators[0]!;
    expect(a.status).toBe('no_data');
    expect(a.value).toBeNull();
    expect(a.baseline).toBeNull();
    expect(assessment.time_pace).toBe(0);
    expect(diagnostics.map(where)).toEqual([
      { code: 'report-year-before-base', severity: 'warning', file: PLAN_FILE, pointer: '/plan/base_year' },
    ]);
  });

  it('after the target year: no growth required, projection is the observation', () => {
    const { a } = one(gdp({ target: { year: 2025, value: 3200, comparator: '>=' } }), { 2021: 2379.2, 2025: 3000 }, 2025);
    expect(a.growth_required).toBeNull();
    expect(a.growth_required_reason).toEqual({ code: 'target-year-reached', year: 2025 });
    expect(a.projection_method).toBe('observed');
    expect(a.projection).toBe(3000);
    expect(a.status).toBe('behind'); // c = 0.755 against pace 1
  });
});

describe('growth rates that are undefined', () => {
  const chains = indicator({ id: 'chains', unit: '条', kind: 'count', attribute: 'binding', target: { year: 2026, value: 5, comparator: '>=' } });

  it('gives no growth from a zero baseline, with the reason, and keeps completion', () => {
    const { a, diagnostics } = one(chains, { 2021: 0, 2024: 3 });
    expect(a.completion).toBeCloseTo(0.6, 12); // (3 − 0)/(5 − 0)
    expect(a.growth_so_far).toBeNull();
    expect(a.growth_so_far_reason).toEqual({ code: 'non-positive', which: 'baseline', value: 0 });
    expect(a.growth_required).toBeCloseTo((5 / 3) ** 0.5 - 1, 12);
    expect(a.growth_required_from_base).toBeNull();
    expect(a.projection).toBeNull();
    expect(a.projection_reason).toEqual({ code: 'non-positive', which: 'baseline', value: 0 });
    expect(a.progress_ratio).toBeNull();
    expect(a.status).toBe('on_track');
    // binding with no projection: no 预警, but it says why
    expect(a.warning).toBe(false);
    expect(a.warning_reason).toEqual({ code: 'no-judgement', cause: { code: 'non-positive', which: 'baseline', value: 0 } });
    expect(diagnostics.map(where)).toContainEqual(
      { code: 'growth-undefined', severity: 'warning', file: yearFile(2021), pointer: '/observations/chains/value' });
  });

  it('gives no growth from a negative value', () => {
    const { a, diagnostics } = one(indicator({ id: 'profit' }), { 2021: 10, 2024: -5 });
    expect(a.growth_so_far).toBeNull();
    expect(a.growth_required).toBeNull();
    expect(a.status).toBe('far_behind');
    expect(diagnostics.filter((d) => d.code === 'growth-undefined').map(where)).toEqual([
      { code: 'growth-undefined', severity: 'warning', file: yearFile(2024), pointer: '/observations/profit/value' },
    ]);
  });
});

describe('targets that ask for no improvement', () => {
  // 养老保险参保率 stays ≥ 98.5%, its baseline.
  const insurance = indicator({ id: 'pension', unit: '%', kind: 'percentage', target: { year: 2026, value: 98.5, comparator: '>=' } });

  it('is met while held', () => {
    const { a } = one(insurance, { 2021: 98.5, 2024: 98.7 });
    expect(a.status).toBe('met');
    expect(a.completion).toBeNull();
  });

  it('is far behind once it slips below, and completion stays undefined', () => {
    const { a, diagnostics } = one(insurance, { 2021: 98.5, 2024: 98.2 });
    expect(a.status).toBe('far_behind');
    expect(a.completion).toBeNull();
    expect(a.completion_reason).toMatchObject({ code: 'no-improvement-asked' });
    expect(diagnostics.map((d) => d.code)).toContain('completion-undefined');
  });
});

describe('moving away from the target', () => {
  const { a } = one(indicator({ id: 'exports', attribute: 'binding', target: { year: 2026, value: 150, comparator: '>=' } }),
    { 2021: 100, 2024: 90 });

  it('is far behind with negative completion and a moving-away ratio', () => {
    expect(a.completion).toBeCloseTo(-0.2, 12);
    expect(a.status).toBe('far_behind');
    expect(a.growth_so_far).toBeCloseTo(0.9 ** (1 / 3) - 1, 12);
    expect(a.progress_category).toBe('moving_away');
    expect(a.projection).toBeCloseTo(83.895, 3);
    expect(a.warning).toBe(true);
  });
});

describe('settings from the plan', () => {
  it('uses the plan tolerance (points) and severe shortfall', () => {
    const spec = { indicators: [gdp()], values: { gdp: { 2021: 2379.2, 2024: 2929 } } };
    // c − p = 0.0698: ahead at 5 points, on pace at 10.
    expect(assess(buildData(spec), 2024).assessment.indicators[0]!.status).toBe('ahead');
    const wide = assess(buildData({ ...spec, assessment: { tolerance: 10 } }), 2024).assessment;
    expect(wide.tolerance).toBeCloseTo(0.1, 12);
    expect(wide.indicators[0]!.status).toBe('on_track');
  });
});
