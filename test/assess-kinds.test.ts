// Hand-computed assessments, one or more per indicator kind. The expected numbers
// are worked out in the comments from docs/architecture.md, "Assessment"'s formulas.

import { describe, expect, it } from 'vitest';

import { assess, type IndicatorAssessment } from '../src/assess/index.js';
import { messages } from '../src/present/index.js';

const INDICATOR_STATUS_LABELS_ZH = messages('zh-CN').indicatorStatus;
import type { Indicator } from '../src/model.js';
import { buildData, gdp, indicator, type Entry } from './support/assess-builder.js';

/** Assess a plan with one indicator and its series, and return that indicator's assessment. */
function assessOne(ind: Indicator, series: Record<number, Entry>, year = 2024): IndicatorAssessment {
  const { assessment } = assess(buildData({ indicators: [ind], values: { [ind.id]: series } }), year);
  const a = assessment.indicators[0];
  if (a === undefined) throw new Error('no indicator assessed');
  return a;
}

describe('level: GDP 2379.2 (2021) → 2929 (2024), target 3200 (2026)', () => {
  const a = assessOne(gdp(), { 2021: 2379.2, 2024: 2929 });

  it('uses the 2024 value and the 2021 baseline', () => {
    expect(a).toMatchObject({
      value: 2929, value_year: 2024, stale: false, baseline: 2379.2, baseline_year: 2021,
      target: 3200, target_year: 2026, comparator: '>=',
    });
  });

  it('measures completion 67.0% against time pace 60.0%', () => {
    // c = (2929 − 2379.2) / (3200 − 2379.2) = 549.8 / 820.8 = 0.66983
    expect(a.completion).toBeCloseTo(0.670, 3);
    // p = (2024 − 2021) / (2026 − 2021) = 3/5
    expect(a.time_pace).toBeCloseTo(0.6, 12);
    expect(a.pace_at_value_year).toBeCloseTo(0.6, 12);
  });

  it('measures growth so far 7.18%/yr against 4.52%/yr required', () => {
    expect(a.rate_method).toBe('compound');
    // g = (2929 / 2379.2)^(1/3) − 1
    expect(a.growth_so_far).toBeCloseTo(0.0718, 4);
    // r = (3200 / 2929)^(1/2) − 1
    expect(a.growth_required).toBeCloseTo(0.0452, 4);
    // (3200 / 2379.2)^(1/5) − 1
    expect(a.growth_required_from_base).toBeCloseTo(0.06107, 5);
    expect(a.annual_growth_target).toBeCloseTo(0.06, 12);
  });

  it('is ahead of pace (快于序时)', () => {
    expect(a.status).toBe('ahead');
    expect(INDICATOR_STATUS_LABELS_ZH[a.status]).toBe('快于序时');
  });

  it('gives gap, attainment, projection and the Eurostat ratio', () => {
    expect(a.gap).toBeCloseTo(271, 9);
    expect(a.gap_direction).toBe('short_of_target');
    expect(a.attainment).toBeCloseTo(2929 / 3200, 12);
    // 2929 × 1.071757² = 3364.43
    expect(a.projection).toBeCloseTo(3364.43, 2);
    expect(a.projection_method).toBe('compound');
    expect(a.projection_meets_target).toBe(true);
    expect(a.projection_share).toBeCloseTo(1.2003, 4);
    // R = 0.071757 / 0.061069 = 1.175
    expect(a.progress_ratio).toBeCloseTo(1.175, 3);
    expect(a.progress_category).toBe('significant');
    expect(a.warning).toBe(false);
    expect(a.warning_reason).toBeNull();
  });

  it('lists the components that re-derive completion and growth', () => {
    expect(a.components.completion).toEqual({
      formula: '(vt - v0) / (V - v0)',
      inputs: { vt: 2929, v0: 2379.2, V: 3200 },
      result: a.completion,
    });
    expect(a.components.growth_so_far.inputs).toEqual({ vt: 2929, v0: 2379.2, tv: 2024, t0: 2021 });
    expect(a.components.growth_required.inputs).toEqual({ V: 3200, vt: 2929, T: 2026, tv: 2024 });
    expect(a.components.time_pace.inputs).toEqual({ y: 2024, t0: 2021, T: 2026 });
    expect(a.components.achieved).toBeNull();
  });
});

describe('count', () => {
  it('is met early when the value already satisfies the target', () => {
    const a = assessOne(indicator({ id: 'chains', unit: '条', kind: 'count', target: { year: 2026, value: 6, comparator: '>=' } }),
      { 2021: 3, 2024: 7 });
    expect(a.status).toBe('met');
    expect(a.gap).toBe(-1);
    expect(a.gap_direction).toBe('beyond_target');
    expect(a.attainment).toBeCloseTo(7 / 6, 12);
    // c = (7 − 3)/(6 − 3) = 1.333: completion beyond 100% is reported as is.
    expect(a.completion).toBeCloseTo(4 / 3, 12);
  });

  it('counts a target exactly reached as met', () => {
    const a = assessOne(indicator({ id: 'chains', unit: '条', kind: 'count', target: { year: 2026, value: 6, comparator: '>=' } }),
      { 2021: 3, 2024: 6 });
    expect(a.status).toBe('met');
    expect(a.completion).toBe(1);
    expect(a.gap_direction).toBe('at_target');
  });

  it('is not met at the target value when the comparator is strict (超)', () => {
    const a = assessOne(indicator({ id: 'chains', unit: '条', kind: 'count', target: { year: 2026, value: 6, comparator: '>' } }),
      { 2021: 3, 2024: 6 });
    expect(a.status).toBe('ahead'); // c = 1 ≥ 0.6 + 0.05
  });
});

describe('lower is better', () => {
  // Energy use per unit of GDP: 0.5 (2021) → 0.45 (2024), target ≤ 0.4 (2026), binding.
  const a = assessOne(indicator({
    id: 'energy', unit: '吨标煤/万元', direction: 'lower', attribute: 'binding',
    target: { year: 2026, value: 0.4, comparator: '<=' },
  }), { 2021: 0.5, 2024: 0.45 });

  it('measures completion with the same formula', () => {
    // c = (0.45 − 0.5)/(0.4 − 0.5) = 0.5 ≤ 0.6 − 0.05
    expect(a.completion).toBeCloseTo(0.5, 12);
    expect(a.status).toBe('behind');
    expect(a.gap).toBeCloseTo(-0.05, 12);
    expect(a.gap_direction).toBe('short_of_target');
  });

  it('has negative growth rates and a sign-adjusted Eurostat ratio', () => {
    expect(a.growth_so_far).toBeCloseTo(-0.034511, 6); // 0.9^(1/3) − 1
    expect(a.growth_required).toBeCloseTo(-0.057191, 6); // (0.4/0.45)^(1/2) − 1
    // R = −1 × −0.034511 / |0.8^(1/5) − 1| = 0.7907
    expect(a.progress_ratio).toBeCloseTo(0.7907, 4);
    expect(a.progress_category).toBe('moderate');
  });

  it('raises 预警 for a binding target the projection misses', () => {
    // 0.45 × 0.965489² = 0.41948 > 0.4
    expect(a.projection).toBeCloseTo(0.41948, 5);
    expect(a.projection_meets_target).toBe(false);
    expect(a.warning).toBe(true);
    expect(a.warning_reason).toEqual({ code: 'projection-misses' });
  });
});

describe('percentage: progress in percentage points', () => {
  // R&D share 3.2% (2021) → 3.6% (2024), target 4% (2026).
  const a = assessOne(indicator({ id: 'rd', unit: '%', kind: 'percentage', target: { year: 2026, value: 4, comparator: '>=' } }),
    { 2021: 3.2, 2024: 3.6 });

  it('uses points per year, linear projection', () => {
    expect(a.rate_method).toBe('linear');
    expect(a.growth_so_far).toBeCloseTo(0.4 / 3, 12); // points per year
    expect(a.growth_required).toBeCloseTo(0.2, 12); // (4 − 3.6)/2
    expect(a.growth_required_from_base).toBeCloseTo(0.16, 12); // (4 − 3.2)/5
    expect(a.projection).toBeCloseTo(3.6 + (0.4 / 3) * 2, 12);
    expect(a.projection_method).toBe('linear');
    expect(a.projection_meets_target).toBe(false);
    expect(a.components.growth_so_far.formula).toBe('(vt - v0) / (tv - t0)');
  });

  it('is behind at c = 0.5 and reports the ratio in points', () => {
    expect(a.completion).toBeCloseTo(0.5, 12);
    expect(a.status).toBe('behind');
    expect(a.progress_ratio).toBeCloseTo((0.4 / 3) / 0.16, 12);
  });

  // Air quality 85% → target 90% (2026): c = (v − 85)/5 against p = 0.6, tol 0.05.
  const air = (v: number) => assessOne(
    indicator({ id: 'air', unit: '%', kind: 'percentage', target: { year: 2026, value: 90, comparator: '>=' } }),
    { 2021: 85, 2024: v });

  it.each([
    [88.5, 0.7, 'ahead'],
    [88.25, 0.65, 'ahead'], // c = p + tol exactly
    [88.0, 0.6, 'on_track'],
    [87.8, 0.56, 'on_track'],
    [87.75, 0.55, 'behind'], // c = p − tol exactly
    [86, 0.2, 'far_behind'], // projection 86 + 1/3·2 = 86.67 reaches 0.33 < 0.5 of the change
    [84, -0.2, 'far_behind'], // moving away
    [90, 1, 'met'],
  ])('value %f gives completion %f and status %s', (v, c, status) => {
    const a2 = air(v);
    expect(a2.completion).toBeCloseTo(c, 12);
    expect(a2.status).toBe(status);
  });
});

describe('ratio', () => {
  it('uses points per year like percentages', () => {
    // 城乡收入倍差 1.6 → 1.55 (lower is better) in 3 years, target ≤ 1.5.
    const a = assessOne(indicator({
      id: 'income-ratio', unit: '倍', kind: 'ratio', direction: 'lower',
      target: { year: 2026, value: 1.5, comparator: '<=' },
    }), { 2021: 1.6, 2024: 1.55 });
    expect(a.rate_method).toBe('linear');
    expect(a.growth_so_far).toBeCloseTo(-0.05 / 3, 12);
    expect(a.growth_required).toBeCloseTo(-0.025, 12);
    expect(a.completion).toBeCloseTo(0.5, 9);
    expect(a.status).toBe('behind');
  });
});

describe('multiple of the baseline (翻番)', () => {
  const giants = indicator({ id: 'giants', unit: '家', kind: 'multiple', target: { year: 2026, multiple: 2, comparator: '>=' } });

  it('sets V = 2 × v0 and measures completion against it', () => {
    const a = assessOne(giants, { 2021: 30, 2024: 48 });
    expect(a.target).toBe(60);
    expect(a.target_multiple).toBe(2);
    expect(a.components.target).toEqual({ formula: 'k * v0', inputs: { k: 2, v0: 30 }, result: 60 });
    expect(a.completion).toBeCloseTo(0.6, 12); // (48 − 30)/(60 − 30)
    expect(a.status).toBe('on_track');
    expect(a.growth_so_far).toBeCloseTo(0.169607, 6); // 1.6^(1/3) − 1
    expect(a.growth_required).toBeCloseTo(0.118034, 6); // 1.25^(1/2) − 1
    expect(a.progress_ratio).toBeCloseTo(0.169607 / (2 ** 0.2 - 1), 5);
  });

  it('has no target and no status without a baseline', () => {
    const data = buildData({ indicators: [giants], values: { giants: { 2021: { missing: '未公布' }, 2024: 48 } } });
    const { assessment } = assess(data, 2024);
    const a = assessment.indicators[0]!;
    expect(a.target).toBeNull();
    expect(a.target_reason).toEqual({ code: 'multiple-needs-baseline', multiple: 2 });
    expect(a.completion).toBeNull();
    expect(a.status).toBe('no_data');
    expect(a.value).toBe(48);
  });
});

describe('cumulative: yearly flows summed over the period', () => {
  // Green investment, target ≥ 100亿元 over 2022–2026: 18 + 22 + 20 by 2024.
  const green = indicator({ id: 'green', kind: 'cumulative', attribute: 'binding', actions: ['ecology'], pillar: 'quality' });

  it('sums the flows and compares the total with the target', () => {
    const a = assessOne(green, { 2021: 15, 2022: 18, 2023: 22, 2024: 20 });
    expect(a.achieved).toBe(60);
    expect(a.components.achieved).toEqual({
      formula: 'sum of yearly flows, start..tv', inputs: { 2022: 18, 2023: 22, 2024: 20 }, result: 60,
    });
    expect(a.value).toBe(20);
    expect(a.baseline).toBe(15);
    expect(a.completion).toBeCloseTo(0.6, 12);
    expect(a.time_pace).toBeCloseTo(0.6, 12);
    expect(a.status).toBe('on_track');
    expect(a.gap).toBe(40);
    expect(a.attainment).toBeCloseTo(0.6, 12);
  });

  it('projects the total at the mean yearly flow', () => {
    const a = assessOne(green, { 2021: 15, 2022: 18, 2023: 22, 2024: 20 });
    expect(a.rate_method).toBe('flow');
    expect(a.growth_so_far).toBe(20); // 60 / 3 years
    expect(a.growth_required).toBe(20); // (100 − 60) / 2
    expect(a.projection).toBe(100); // 60 + 20 × 2
    expect(a.projection_meets_target).toBe(true);
    expect(a.warning).toBe(false);
    expect(a.progress_ratio).toBe(1); // 20 / (100 / 5)
  });

  it('raises 预警 when the mean flow falls short', () => {
    const a = assessOne(green, { 2022: 10, 2023: 10, 2024: 10 });
    expect(a.projection).toBe(50);
    expect(a.status).toBe('behind'); // c 0.3 ≤ 0.55; projection share 0.5 is not < 0.5
    expect(a.warning).toBe(true);
  });

  it('is met once the total reaches a ≥ target, before the target year', () => {
    const a = assessOne(green, { 2022: 50, 2023: 30, 2024: 25 });
    expect(a.achieved).toBe(105);
    expect(a.status).toBe('met');
  });

  it('leaves the total unknown when a year of the period has no flow', () => {
    const data = buildData({ indicators: [green], values: { green: { 2022: 18, 2023: { missing: '未公布' }, 2024: 20 } } });
    const { assessment, diagnostics } = assess(data, 2024);
    const a = assessment.indicators[0]!;
    expect(a.achieved).toBeNull();
    expect(a.achieved_reason).toEqual({ code: 'cumulative-incomplete', gaps: [{ code: 'marked-missing', year: 2023, text: '未公布' }] });
    expect(a.components.achieved?.inputs).toEqual({ 2022: 18, 2023: null, 2024: 20 });
    expect(a.completion).toBeNull();
    expect(a.status).toBe('no_data');
    expect(diagnostics.map((d) => d.code)).toContain('cumulative-incomplete');
  });

  it('treats a cap (lower is better) as broken once the total exceeds it', () => {
    const cap = indicator({ id: 'land', kind: 'cumulative', direction: 'lower', target: { year: 2026, value: 50, comparator: '<=' } });
    expect(assessOne(cap, { 2022: 10, 2023: 10, 2024: 10 }).status).toBe('on_track'); // 30 of 50 used at pace 0.6
    expect(assessOne(cap, { 2022: 15, 2023: 15, 2024: 15 }).status).toBe('behind'); // 0.9 of the cap used at 0.6
    const broken = assessOne(cap, { 2022: 20, 2023: 20, 2024: 20 });
    expect(broken.status).toBe('far_behind');
    expect(broken.progress_ratio).toBeNull();
    expect(broken.progress_ratio_reason).toEqual({ code: 'ratio-cap' });
  });
});

describe('rank: positions per year', () => {
  // National county ranking 10th (2021) → 7th (2024), target top 5 by 2026.
  const a = assessOne(indicator({
    id: 'rank', unit: '位', kind: 'rank', direction: 'lower', target: { year: 2026, value: 5, comparator: '<=' },
  }), { 2021: 10, 2024: 7 });

  it('measures linear progress in positions', () => {
    expect(a.completion).toBeCloseTo(0.6, 12); // (7 − 10)/(5 − 10)
    expect(a.status).toBe('on_track');
    expect(a.growth_so_far).toBe(-1); // (7 − 10)/3
    expect(a.growth_required).toBe(-1); // (5 − 7)/2
    expect(a.projection).toBe(5);
    expect(a.projection_meets_target).toBe(true);
    expect(a.progress_ratio).toBe(1); // −1 × −1 / |−1|
  });
});

describe('monitoring indicator without a target', () => {
  const a = assessOne(indicator({ id: 'pop', unit: '万人', target: undefined }), { 2021: 100, 2024: 103 });
  it('reports value and growth but no target', () => {
    expect(a.has_target).toBe(false);
    expect(a.status).toBe('no_target');
    expect(INDICATOR_STATUS_LABELS_ZH[a.status]).toBe('无目标');
    expect(a.target).toBeNull();
    expect(a.time_pace).toBeNull();
    expect(a.growth_so_far).toBeCloseTo(1.03 ** (1 / 3) - 1, 12);
    expect(a.growth_required).toBeNull();
    expect(a.completion).toBeNull();
    expect(a.progress_ratio).toBeNull();
  });
});
