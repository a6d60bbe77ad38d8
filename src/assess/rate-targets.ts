// Targets stated as a rate: average annual growth from the base year (年均增长7%以上,
// at current or constant prices) and a change over the whole period compounded from
// the yearly changes (〔13.5〕, a five-year reduction of an intensity). Both measure the
// data as one index I over the years so far and the target as an index I* over the
// target's span, in log terms, so that completion c = ln I / ln I* compares with the
// time pace exactly as growth so far compares with the target rate.

import { pointer } from '../diagnostic.js';
import type { Indicator } from '../model.js';
import { figureIn, label, report, type Context } from './figures.js';
import { byPace, verdictFields, type Decision } from './status.js';
import { clamp, component, finite, known, nearlyEqual, NOT_FINITE, satisfies, sign, unknown, type Maybe } from './numbers.js';
import { spanIndex, yearlyChange } from './rates-index.js';
import type { Reason, WarningRule } from './reasons.js';
import type { GapDirection, IndicatorAssessment, TargetSpec } from './types.js';

/** Assess a growth (`rate`) or cumulative-change (`change`) target into `a`. */
export function assessRateTarget(ctx: Context, ind: Indicator, index: number, spec: TargetSpec, a: IndicatorAssessment): void {
  const growth = spec.type === 'growth';
  const t = ctx.year;
  const period = ctx.data.plan.plan.period;
  // A growth rate runs from the base year; a change over the period from the year before it.
  const t0 = growth ? ctx.baseYear : period.start - 1;
  const T = spec.year;
  const from = t0 + 1;
  const to = Math.min(t, T);
  const cmp = spec.comparator ?? '>=';
  const pct = spec.percent ?? 0;
  const d = sign(ind.direction);

  // The target as an index over t0..T: (1 + r*)^(T − t0) for a rate, 1 + P* for a change.
  const N = T - t0;
  const targetIndex = growth ? Math.pow(1 + pct / 100, N) : 1 + pct / 100;
  const targetValue = pct / 100;

  const span = to < from
    ? { index: null, tv: null, years: [], source: null, reason: { code: 'period-not-started', start: from } as Reason,
        component: component('(no span yet)', { from, to }, null) }
    : spanIndex(ctx, ind, from, to, growth ? spec.prices : null, !growth || spec.prices === 'current');
  const I = span.index;
  const tv = span.tv;
  // A span that stops before the report year for want of figures says which years lack them.
  const lacking: number[] = [];
  if (I !== null && tv !== null && tv < to) {
    for (let y = tv + 1; y <= to; y++) if (yearlyChange(ctx, ind, y, growth ? spec.prices : null) === null) lacking.push(y);
  }
  const staleReason: Reason | null = tv !== null && tv < to
    ? growth ? { code: 'growth-figures-missing', years: lacking, prices: spec.prices } : { code: 'change-figures-missing', years: lacking }
    : null;
  if (staleReason !== null && lacking.length > 0) {
    report(ctx, 'growth-figures-missing', ctx.yearFiles.get(t)?.file ?? ctx.data.file,
      ctx.yearFiles.has(t) ? pointer('observations', ind.id) : pointer('indicators', index, 'target'), { indicator: ind.id, year: t },
      { en: `${label(ind)}: measured through ${tv} only: no usable figure for ${lacking.join(', ')}`,
        zh: `${label(ind, 'zh')}：只能测算到${tv}年，${lacking.join('、')}年没有可用的数字` });
  }
  const n = tv === null ? null : tv - t0;
  if (I === null && to >= from && t >= ctx.baseYear) {
    report(ctx, 'growth-figures-missing', ctx.yearFiles.get(t)?.file ?? ctx.data.file,
      ctx.yearFiles.has(t) ? pointer('observations', ind.id) : pointer('indicators', index, 'target'),
      { indicator: ind.id, year: t },
      growth
        ? { en: `${label(ind)}: the ${spec.prices === 'constant' ? 'constant-price ' : ''}growth since ${t0} cannot be measured: ${describeMissing(span.reason)}`,
            zh: `${label(ind, 'zh')}：无法测算${t0}年以来${spec.prices === 'constant' ? '按可比价计算的' : ''}增长：${describeMissing(span.reason, 'zh')}` }
        : { en: `${label(ind)}: the change since ${t0} cannot be measured: ${describeMissing(span.reason)}`,
            zh: `${label(ind, 'zh')}：无法测算${t0}年以来的变化：${describeMissing(span.reason, 'zh')}` },
      growth && spec.prices === 'constant'
        ? { en: 'enter the published growth rate of each year as `growth:` with `prices: constant`, or a published change since the base year as `cumulative:`',
            zh: '请把每年公布的增速写为 `growth:` 并注明 `prices: constant`，或把公布的基期以来变化写为 `cumulative:`' }
        : { en: 'enter each year\'s published change as `growth:`, or a published change since the base year as `cumulative:`',
            zh: '请把每年公布的变化写为 `growth:`，或把公布的基期以来变化写为 `cumulative:`' });
  }

  // Achieved so far: the average yearly growth (rate) or the change (change), as fractions.
  const avg = I === null || n === null || n <= 0 || I <= 0 ? null : Math.pow(I, 1 / n) - 1;
  const achieved: Maybe = growth ? known(avg, span.reason ?? NOT_FINITE) : known(I === null ? null : I - 1, span.reason ?? NOT_FINITE);

  const paceAt = (y: number | null) => {
    const raw = y === null || T <= t0 ? null : (y - t0) / (T - t0);
    return component('clamp((y - t0) / (T - t0), 0, 1)', { y, t0, T }, raw === null ? null : clamp(raw, 0, 1));
  };
  const timePaceC = paceAt(t);
  const valuePaceC = paceAt(tv);

  // c = ln I / ln I*: the share of the required (log) growth achieved.
  const completionC = component('ln(I) / ln(I*)', { I, I_target: targetIndex },
    I === null || I <= 0 || targetIndex <= 0 || nearlyEqual(targetIndex, 1) ? null : Math.log(I) / Math.log(targetIndex));
  const completion = known(completionC.result, I === null ? span.reason ?? NOT_FINITE : { code: 'no-growth-required' });

  // Growth required from tv to reach I* at T, and from the base.
  const left = tv === null ? null : T - tv;
  const requiredC = component('(I* / I) ^ (1 / (T - tv)) - 1', { I_target: targetIndex, I, T, tv },
    I === null || I <= 0 || left === null || left <= 0 || t >= T ? null : Math.pow(targetIndex / I, 1 / left) - 1);
  const required = known(requiredC.result, t >= T ? { code: 'target-year-reached', year: T }
    : I === null ? span.reason ?? NOT_FINITE : { code: 'value-at-target-year', year: tv ?? T });
  const fromBaseC = component('(I*) ^ (1 / (T - t0)) - 1', { I_target: targetIndex, T, t0 },
    N <= 0 || targetIndex <= 0 ? null : Math.pow(targetIndex, 1 / N) - 1);
  const fromBase = known(fromBaseC.result, { code: 'pace-undefined' });

  // Projection to T at the average so far: a rate stays the average; a change compounds on.
  let proj: number | null = null;
  if (avg !== null && I !== null && tv !== null) {
    proj = tv >= T ? (growth ? avg : I - 1) : growth ? avg : Math.pow(1 + avg, N) - 1;
  }
  const projectionC = component(growth ? 'g (the average so far, carried to T)' : '(1 + g) ^ (T - t0) - 1',
    { g: avg, T, t0 }, proj);
  const projection = known(proj, achieved.reason ?? NOT_FINITE);
  const meets = proj === null ? null : satisfies(proj, cmp, targetValue);
  const shareC = component('ln(1 + g) * (T - t0) / ln(I*)', { g: avg, T, t0, I_target: targetIndex },
    avg === null || nearlyEqual(targetIndex, 1) || targetIndex <= 0 ? null : (Math.log(1 + avg) * N) / Math.log(targetIndex));

  // Gap: the target rate or change minus what is achieved.
  const got = achieved.value;
  const gapC = component(growth ? 'r* - g' : 'P* - achieved', { target: targetValue, achieved: got }, got === null ? null : targetValue - got);
  let gapDirection: GapDirection | null = null;
  if (got !== null) gapDirection = nearlyEqual(got, targetValue) ? 'at_target' : satisfies(got, cmp, targetValue) ? 'beyond_target' : 'short_of_target';

  // Status.
  let decision: Decision;
  if (t < ctx.baseYear) decision = { status: 'no_data', rule: { code: 'no-data', cause: { code: 'before-base', year: t, base_year: ctx.baseYear } } };
  else if (got === null || I === null || tv === null) decision = { status: 'no_data', rule: { code: 'no-data', cause: achieved.reason ?? NOT_FINITE } };
  else if (!growth && satisfies(got, cmp, targetValue)) decision = { status: 'met', rule: { code: 'met' } };
  else if (tv >= T) {
    decision = satisfies(got, cmp, targetValue)
      ? { status: 'met', rule: { code: 'met-at-end' } }
      : { status: 'far_behind', rule: { code: 'missed-at-end' } };
  } else if (completion.value === null || valuePaceC.result === null) {
    decision = satisfies(got, cmp, targetValue) ? { status: 'on_track', rule: { code: 'on-pace' } } : { status: 'behind', rule: { code: 'behind' } };
  } else {
    decision = byPace(completion.value, valuePaceC.result, shareC.result, ctx.severeShortfall, ctx.tolerance);
  }

  let warning: { warning: boolean; rule: WarningRule | null } = { warning: false, rule: null };
  if (ind.attribute === 'binding') {
    warning = meets === null ? { warning: false, rule: { code: 'no-judgement', cause: projection.reason ?? NOT_FINITE } }
      : meets ? { warning: false, rule: { code: 'projection-meets' } } : { warning: true, rule: { code: 'projection-misses' } };
  }
  const ratio = avg === null || fromBase.value === null || fromBase.value === 0 ? unknown(avg === null ? achieved.reason ?? NOT_FINITE : { code: 'no-growth-required' })
    : known((d * avg) / Math.abs(fromBase.value), NOT_FINITE);

  // The levels, for the tables: the base year's and the latest usable figure.
  const baseFigure = t < ctx.baseYear ? null : figureIn(ctx, ind, ctx.baseYear);
  const latest = tv === null ? null : figureIn(ctx, ind, tv);

  Object.assign(a, {
    target_measure: growth ? 'rate' : 'change',
    target_year: T,
    comparator: cmp,
    target: targetValue,
    target_reason: null,
    baseline_year: ctx.baseYear,
    baseline: baseFigure?.value ?? null,
    baseline_decimals: baseFigure?.converted === null ? baseFigure.observation.decimals ?? null : null,
    baseline_status: baseFigure?.observation.status ?? null,
    baseline_source: baseFigure?.observation.source ?? null,
    baseline_bound: baseFigure?.observation.bound ?? null,
    baseline_reason: null,
    value: finite(latest?.value ?? null),
    value_decimals: latest?.converted === null ? latest.observation.decimals ?? null : null,
    value_year: tv,
    stale: tv !== null && tv < to,
    value_is_bound: latest?.observation.bound !== undefined && latest !== null,
    bound: latest?.observation.bound ?? null,
    value_status: latest?.observation.status ?? null,
    value_source: latest?.observation.source ?? null,
    value_reason: tv === null ? achieved.reason : staleReason,
    achieved: got,
    achieved_years: span.years,
    achieved_source: span.source,
    achieved_reason: achieved.reason,
    gap: gapC.result,
    gap_direction: gapDirection,
    attainment: null,
    time_pace: timePaceC.result,
    pace_at_value_year: valuePaceC.result,
    completion: completion.value,
    completion_reason: completion.reason,
    rate_method: 'compound',
    growth_so_far: avg,
    growth_so_far_reason: avg === null ? achieved.reason ?? NOT_FINITE : null,
    growth_required: required.value,
    growth_required_reason: required.reason,
    growth_required_from_base: fromBase.value,
    growth_required_from_base_reason: fromBase.reason,
    projection: finite(proj),
    projection_method: tv !== null && tv >= T ? 'observed' : 'compound',
    projection_meets_target: meets,
    projection_share: shareC.result,
    projection_reason: projection.reason,
    ...verdictFields(decision, warning, ratio),
    components: {
      target: component(growth ? '(1 + r*) ^ (T - t0)' : '1 + P*', { target: targetValue, T, t0 }, targetIndex),
      time_pace: timePaceC,
      pace_at_value_year: valuePaceC,
      achieved: span.component,
      gap: gapC,
      attainment: component('(none)', {}, null),
      completion: completionC,
      growth_so_far: component('I ^ (1 / (tv - t0)) - 1', { I, tv, t0 }, avg),
      growth_required: requiredC,
      growth_required_from_base: fromBaseC,
      projection: projectionC,
      projection_share: shareC,
      progress_ratio: component('d * g / |g_required_from_base|', { d, g: avg, g_required_from_base: fromBase.value }, ratio.value),
    },
  } satisfies Partial<IndicatorAssessment>);
}

/** The years a span lacks, for a diagnostic's message. */
function describeMissing(reason: Reason | null, lang: 'en' | 'zh' = 'en'): string {
  const en = lang === 'en';
  if (reason?.code === 'growth-figures-missing' || reason?.code === 'change-figures-missing') {
    if (reason.years.length === 0) return en ? 'no figure yet' : '尚无数字';
    return en ? `no usable figure for ${reason.years.join(', ')}` : `${reason.years.join('、')}年没有可用的数字`;
  }
  if (reason?.code === 'period-not-started') return en ? 'the period has not started' : '规划期尚未开始';
  return en ? 'no usable figure' : '没有可用的数字';
}
