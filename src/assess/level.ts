// Targets stated as a level by the target year — a value with a comparator, a multiple
// of the baseline (翻番), a range, a change from a base (提高1岁, 下降10%), or for the
// cumulative kind a total of yearly flows — and indicators the plan only monitors:
// the value used, baseline, target, gap, completion against time pace, growth so far
// and required, projection, status, 预警 and the Eurostat ratio.
//
// Notation (docs/architecture.md, "Assessment"): t report year, t0 base year, T target
// year, tv the year of the value used, v0 baseline, vt value used, V target,
// d = +1 when higher is better and −1 when lower is.

import { pointer } from '../diagnostic.js';
import type { Comparator, Indicator } from '../model.js';
import { figureIn, gapOf, label, latestFigure, report, type Context, type Figure } from './figures.js';
import { clamp, component, finite, known, nearlyEqual, NOT_FINITE, satisfies, sign, unknown, type Maybe } from './numbers.js';
import { measureRates, project, type RateInputs } from './rates.js';
import type { FigureGap, Reason } from './reasons.js';
import { decideLevelStatus, levelWarning, progressRatio, verdictFields } from './status.js';
import type { Component, GapDirection, IndicatorAssessment, RateMethod, TargetSpec } from './types.js';

/** The rate method of a kind: growth rates, points per year, or yearly flows. */
export function rateMethod(kind: Indicator['kind']): RateMethod {
  switch (kind) {
    case 'level':
    case 'count':
    case 'multiple':
      return 'compound';
    case 'percentage':
    case 'ratio':
    case 'rank':
    case 'rate':
      return 'linear';
    case 'cumulative':
      return 'flow';
  }
}

/** The value used and the cumulative total, as found in the year files. */
interface Current {
  /** The figure of the value used (cumulative: the latest flow). */
  figure: Figure | null;
  /** vt for levels, the achieved total for cumulative; null when unknown. */
  current: Maybe;
  /** The year `current` refers to (tv); null when unknown. */
  year: number | null;
  /** Cumulative only: the flows summed, by year. */
  flows: Record<string, number | null> | null;
  valueReason: Reason | null;
  stale: boolean;
}

/** Find vt: year t's comparable value, else the latest one after t0 (stale). */
function findLevelValue(ctx: Context, ind: Indicator, t0: number): Current {
  const t = ctx.year;
  const base = { flows: null };
  if (t < ctx.baseYear) {
    const reason: Reason = { code: 'before-base', year: t, base_year: ctx.baseYear };
    return { ...base, figure: null, current: unknown(reason), year: null, valueReason: reason, stale: false };
  }
  // After the base year only later figures count: the baseline itself is no progress report.
  const from = t === ctx.baseYear ? ctx.baseYear : Math.max(t0, ctx.baseYear) + 1;
  const figure = latestFigure(ctx, ind, from, t);
  if (figure === null) {
    const gap = gapOf(ctx, ind, t) ?? { code: 'entry-without-value', year: t } satisfies FigureGap;
    const reason: Reason = t === ctx.baseYear
      ? { code: 'no-baseline', year: t, gap }
      : { code: 'no-value-in-range', from: Math.min(from, t), to: t, gap };
    return { ...base, figure: null, current: unknown(reason), year: null, valueReason: reason, stale: false };
  }
  const stale = figure.year < t;
  const valueReason: Reason | null = stale
    ? { code: 'stale', used_year: figure.year, gap: gapOf(ctx, ind, t) ?? { code: 'entry-without-value', year: t } }
    : null;
  return { ...base, figure, current: known(figure.value, NOT_FINITE), year: figure.year, valueReason, stale };
}

/**
 * Find the cumulative total: the flows of period.start … tv, where tv is the latest
 * year ≤ min(t, T) with a comparable flow. Every year up to tv must have one.
 */
function findCumulative(ctx: Context, ind: Indicator, index: number, T: number | null): Current {
  const t = ctx.year;
  const start = ctx.data.plan.plan.period.start;
  const end = Math.min(t, T ?? ctx.data.plan.plan.period.end);
  if (t < ctx.baseYear) {
    const reason: Reason = { code: 'before-base', year: t, base_year: ctx.baseYear };
    return { figure: null, current: unknown(reason), year: null, flows: null, valueReason: reason, stale: false };
  }
  if (end < start) {
    // Nothing of the period has passed: nothing accumulated yet, and nothing due.
    return { figure: null, current: { value: 0, reason: null }, year: start - 1, flows: {},
      valueReason: { code: 'period-not-started', start }, stale: false };
  }
  const last = latestFigure(ctx, ind, start, end);
  if (last === null) {
    const reason: Reason = { code: 'no-value-in-range', from: start, to: end, gap: gapOf(ctx, ind, end) ?? { code: 'entry-without-value', year: end } };
    return { figure: null, current: unknown(reason), year: null, flows: null, valueReason: reason, stale: false };
  }
  const flows: Record<string, number | null> = {};
  const missing: FigureGap[] = [];
  let sum = 0;
  for (let y = start; y <= last.year; y++) {
    const f = y === last.year ? last : figureIn(ctx, ind, y);
    flows[String(y)] = f === null ? null : f.value;
    if (f === null) missing.push(gapOf(ctx, ind, y) ?? { code: 'entry-without-value', year: y });
    else sum += f.value;
  }
  const stale = last.year < end;
  const valueReason: Reason | null = stale
    ? { code: 'stale', used_year: last.year, gap: gapOf(ctx, ind, end) ?? { code: 'entry-without-value', year: end } }
    : null;
  let achieved: Maybe;
  if (missing.length > 0) {
    achieved = unknown({ code: 'cumulative-incomplete', gaps: missing });
    const file = ctx.yearFiles.get(last.year)?.file ?? ctx.data.file;
    report(ctx, 'cumulative-incomplete', file, pointer('observations', ind.id), { indicator: ind.id, year: last.year },
      { en: `total of ${label(ind)} through ${last.year} is unknown: no usable flow for ${missing.map((g) => g.year).join(', ')}`,
        zh: `${label(ind, 'zh')}截至${last.year}年的累计未知：${missing.map((g) => g.year).join('、')}年没有可用的年度数` },
      { en: 'add the missing yearly flows (or their reason) to the year files', zh: '请在年度文件中补上缺少的年度数（或缺失原因）' });
  } else {
    achieved = known(sum, NOT_FINITE);
  }
  void index;
  return { figure: last, current: achieved, year: last.year, flows, valueReason, stale };
}

/** The level the target asks for: V with its comparator, or a range (comparator null). */
interface Goal {
  V: Maybe;
  comparator: Comparator | null;
  multiple: number | null;
  component: Component;
  /** Whether a value satisfies the target. */
  holds: (x: number) => boolean;
}

/** Work out V: the target value, k × v0, v0 + change, or the bound of a range nearest v0. */
function findGoal(spec: TargetSpec | null, v0: number | null, baselineReason: Reason | null): Goal {
  const never = () => false;
  if (spec === null) {
    return { V: unknown({ code: 'no-target' }), comparator: null, multiple: null, component: component('V (none)', {}, null), holds: never };
  }
  const cmp = spec.comparator;
  const holdsAgainst = (V: number | null) => (x: number) => V !== null && cmp !== null && satisfies(x, cmp, V);
  if (spec.multiple !== null) {
    const k = spec.multiple;
    const V = v0 === null ? null : k * v0;
    const c = component('k * v0', { k, v0 }, V);
    const m = v0 === null ? unknown({ code: 'multiple-needs-baseline', multiple: k }) : known(V, NOT_FINITE);
    return { V: m, comparator: cmp, multiple: k, component: c, holds: holdsAgainst(m.value) };
  }
  if (spec.type === 'change') {
    const by = spec.by;
    const pct = spec.percent;
    const V = v0 === null ? null : by !== null ? v0 + by : pct !== null ? v0 * (1 + pct / 100) : null;
    const c = by !== null
      ? component('v0 + change', { v0, change: by }, V)
      : component('v0 * (1 + percent / 100)', { v0, percent: pct }, V);
    const m = v0 === null ? unknown(baselineReason ?? NOT_FINITE) : known(V, NOT_FINITE);
    return { V: m, comparator: cmp, multiple: null, component: c, holds: holdsAgainst(m.value) };
  }
  if (spec.min !== null || spec.max !== null) {
    const lo = spec.min ?? -Infinity;
    const hi = spec.max ?? Infinity;
    const V = v0 === null ? null : v0 < lo ? lo : v0 > hi ? hi : null;
    const c = component('the bound of min..max nearest v0', { min: spec.min, max: spec.max, v0 }, V);
    const reason: Reason = v0 === null ? baselineReason ?? NOT_FINITE : { code: 'range-target' };
    return { V: known(V, reason), comparator: null, multiple: null, component: c,
      holds: (x) => (x >= lo || nearlyEqual(x, lo)) && (x <= hi || nearlyEqual(x, hi)) };
  }
  const m = spec.value === null ? unknown(NOT_FINITE) : known(spec.value, NOT_FINITE);
  return { V: m, comparator: cmp, multiple: null, component: component('V', { V: spec.value }, spec.value), holds: holdsAgainst(m.value) };
}

/** The baseline: a change target's own base figure, else the base year's usable figure. */
function findBaseline(ctx: Context, ind: Indicator, spec: TargetSpec | null): {
  year: number;
  figure: { value: number; decimals: number | null; status: IndicatorAssessment['baseline_status']; source: string | null; bound: IndicatorAssessment['baseline_bound'] } | null;
  reason: Reason | null;
} {
  const t0 = ctx.baseYear;
  const base = spec?.type === 'change' && ind.target?.type === 'change' ? ind.target.base : undefined;
  if (base !== undefined) {
    return { year: base.year, figure: { value: base.value === 0 ? 0 : base.value, decimals: null, status: null, source: base.source ?? null, bound: null }, reason: null };
  }
  if (ctx.year < t0) return { year: t0, figure: null, reason: { code: 'before-base', year: ctx.year, base_year: t0 } };
  const f = figureIn(ctx, ind, t0);
  if (f === null) return { year: t0, figure: null, reason: { code: 'no-baseline', year: t0, gap: gapOf(ctx, ind, t0) ?? { code: 'entry-without-value', year: t0 } } };
  const o = f.observation;
  return {
    year: t0,
    figure: { value: f.value, decimals: f.converted === null ? o.decimals ?? null : null, status: o.status ?? null, source: o.source ?? null, bound: o.bound ?? null },
    reason: null,
  };
}

/** Assess a level target (or none) into `a`, whose identity and series are already set. */
export function assessLevel(ctx: Context, ind: Indicator, index: number, spec: TargetSpec | null, a: IndicatorAssessment): void {
  const t = ctx.year;
  const period = ctx.data.plan.plan.period;
  const cumulative = ind.kind === 'cumulative';
  const method = rateMethod(ind.kind);
  const d = sign(ind.direction);
  const beforeBase = t < ctx.baseYear;
  const T = spec?.year ?? null;
  const indPtr = pointer('indicators', index);

  const baseline = findBaseline(ctx, ind, spec);
  const t0 = baseline.year;
  const v0 = baseline.figure?.value ?? null;

  const found = cumulative ? findCumulative(ctx, ind, index, T) : findLevelValue(ctx, ind, t0);
  const cur = found.current;
  const tv = found.year;
  const vt = found.figure?.value ?? null;

  if (found.stale && found.figure !== null) {
    const file = ctx.yearFiles.get(t);
    report(ctx, 'stale-value', file?.file ?? ctx.data.file, file !== undefined ? pointer('observations', ind.id) : indPtr,
      { indicator: ind.id, year: t },
      { en: `${label(ind)}: no comparable value for ${t}; using ${found.figure.year}'s`,
        zh: `${label(ind, 'zh')}：${t}年没有可比的值，采用${found.figure.year}年的值` });
  } else if (cur.value === null && !beforeBase && spec !== null) {
    const file = ctx.yearFiles.get(t);
    report(ctx, 'no-value', file?.file ?? ctx.data.file, file !== undefined ? pointer('observations', ind.id) : indPtr,
      { indicator: ind.id, year: t },
      { en: `${label(ind)} has no usable value for ${t}`, zh: `${label(ind, 'zh')}${t}年没有可用的值` });
  }

  const goal = findGoal(spec, v0, baseline.reason);
  const V = goal.V.value;
  const comparator = goal.comparator;

  // Time pace: from the base (cumulative: from the year before the period) to T.
  const origin = cumulative ? period.start - 1 : t0;
  const paceAt = (y: number | null): Component => {
    const raw = T === null || y === null || T <= origin ? null : (y - origin) / (T - origin);
    return component('clamp((y - t0) / (T - t0), 0, 1)', { y, t0: origin, T }, raw === null ? null : clamp(raw, 0, 1));
  };
  const timePaceC = paceAt(T === null ? null : t);
  const valuePaceC = paceAt(T === null ? null : tv);

  // Gap and attainment, against the value (cumulative: the total).
  const c0 = cur.value;
  const gapC = component(cumulative ? 'V - achieved' : 'V - vt', cumulative ? { V, achieved: c0 } : { V, vt: c0 },
    V === null || c0 === null ? null : V - c0);
  let gapDirection: GapDirection | null = null;
  if (V !== null && c0 !== null) {
    gapDirection = nearlyEqual(c0, V) ? 'at_target' : d * (V - c0) > 0 ? 'short_of_target' : 'beyond_target';
  }
  const attainmentC = component(cumulative ? 'achieved / V' : 'vt / V', cumulative ? { achieved: c0, V } : { vt: c0, V },
    V === null || c0 === null || V === 0 ? null : c0 / V);

  // Completion c.
  let completion: Maybe;
  let completionC: Component;
  let noImprovement = false;
  if (cumulative) {
    completionC = component('achieved / V', { achieved: c0, V }, c0 === null || V === null || V === 0 ? null : c0 / V);
    completion = known(completionC.result, c0 === null ? cur.reason ?? NOT_FINITE : V === null ? goal.V.reason ?? NOT_FINITE : NOT_FINITE);
  } else {
    // A target that asks for no improvement on v0 (V = v0, or V on the worse side) has no completion.
    noImprovement = V !== null && v0 !== null && (nearlyEqual(V, v0) || d * (V - v0) < 0);
    const result = c0 === null || V === null || v0 === null || noImprovement ? null : (c0 - v0) / (V - v0);
    completionC = component('(vt - v0) / (V - v0)', { vt: c0, v0, V }, result);
    let reason: Reason;
    if (T === null) reason = { code: 'no-target' };
    else if (c0 === null) reason = cur.reason ?? NOT_FINITE;
    else if (V === null) reason = goal.V.reason ?? NOT_FINITE;
    else if (v0 === null) reason = baseline.reason ?? NOT_FINITE;
    else reason = { code: 'no-improvement-asked', comparator: comparator ?? '=', target: V, baseline: v0 };
    completion = known(completionC.result, reason);
    if (noImprovement && c0 !== null) {
      report(ctx, 'completion-undefined', ctx.data.file, pointer('indicators', index, 'target'), { indicator: ind.id },
        { en: `${label(ind)}: the target ${comparator ?? ''} ${V} asks for no improvement on the baseline ${v0}, so completion (vt − v0)/(V − v0) is undefined`,
          zh: `${label(ind, 'zh')}：目标${comparator ?? ''} ${V}相对基期值${v0}不要求改善，完成度 (vt − v0)/(V − v0) 无定义` });
    }
  }

  // Growth so far, required from tv, required from t0; projection to T.
  const rateInputs: RateInputs = {
    method, t, t0, start: period.start, T, tv,
    v0: { value: v0, reason: baseline.reason }, current: cur, V: goal.V,
  };
  const rates = measureRates(rateInputs, (which) => {
    const [what, whatZh, file, ptr] = which === 'baseline'
      ? [`the baseline ${v0} (${t0})`, `基期值${v0}（${t0}年）`, ctx.yearFiles.get(t0)?.file ?? ctx.data.file, pointer('observations', ind.id, 'value')]
      : which === 'value'
      ? [`the value ${c0} (${tv})`, `当前值${c0}（${tv}年）`, (tv === null ? undefined : ctx.yearFiles.get(tv)?.file) ?? ctx.data.file, pointer('observations', ind.id, 'value')]
      : [`the target ${V}`, `目标值${V}`, ctx.data.file, pointer('indicators', index, 'target', goal.multiple !== null ? 'multiple' : 'value')];
    report(ctx, 'growth-undefined', file, ptr, { indicator: ind.id },
      { en: `${label(ind)}: ${what} is zero or negative, so a growth rate (a ratio of values) is undefined`,
        zh: `${label(ind, 'zh')}：${whatZh}为零或负数，增速（两值之比）无定义` },
      { en: 'the assessment reports no growth rate rather than a made-up one', zh: '评估不给出增速，而不是编造一个' });
  });
  const { soFar, required, fromBase } = rates;
  const { projection, method: projectionMethod, component: projectionC } = project(rateInputs, soFar);
  const proj = projection.value;
  const isRange = spec !== null && (spec.min !== null || spec.max !== null);
  let meets: boolean | null = null;
  if (proj !== null && isRange) meets = goal.holds(proj);
  else if (proj !== null && V !== null && comparator !== null) meets = satisfies(proj, comparator, V);
  let shareC: Component;
  if (cumulative) {
    shareC = component('projection / V', { projection: proj, V }, proj === null || V === null || V === 0 ? null : proj / V);
  } else {
    const ok = proj !== null && V !== null && v0 !== null && d * (V - v0) > 0 && !nearlyEqual(V, v0);
    shareC = component('(projection - v0) / (V - v0)', { projection: proj, v0, V }, ok ? (proj - v0) / (V - v0) : null);
  }

  // Status.
  const pace = valuePaceC.result;
  const periodComplete = cumulative && T !== null && tv !== null && tv >= T;
  const decision = decideLevelStatus({
    ind, spec, comparator, beforeBase, current: cur, V: goal.V, v0, holds: goal.holds,
    completion, pace, share: shareC.result, periodComplete,
    tolerance: ctx.tolerance, severeShortfall: ctx.severeShortfall,
  });

  const warning = levelWarning(ind, spec, meets, projection.reason ?? goal.V.reason);
  const ratio = progressRatio(ind, spec, soFar, fromBase, noImprovement);
  const ratioC = component('d * g / |g_required_from_base|', { d, g: soFar.value, g_required_from_base: fromBase.value }, ratio.value);

  Object.assign(a, {
    target_measure: spec === null ? null : 'level',
    target_year: T,
    comparator,
    target: V,
    target_multiple: goal.multiple,
    target_reason: spec === null ? null : goal.V.reason,
    baseline_year: t0,
    baseline: v0,
    baseline_decimals: baseline.figure?.decimals ?? null,
    baseline_status: baseline.figure?.status ?? null,
    baseline_source: baseline.figure?.source ?? null,
    baseline_bound: baseline.figure?.bound ?? null,
    baseline_reason: baseline.reason,
    value: finite(vt),
    value_decimals: found.figure === null || found.figure.converted !== null ? null : found.figure.observation.decimals ?? null,
    value_year: found.figure?.year ?? null,
    stale: found.stale,
    value_is_bound: found.figure?.observation.bound !== undefined,
    bound: found.figure?.observation.bound ?? null,
    value_status: found.figure?.observation.status ?? null,
    value_source: found.figure?.observation.source ?? null,
    value_reason: found.figure === null || found.stale ? found.valueReason ?? cur.reason : null,
    achieved: cumulative ? cur.value : null,
    achieved_years: cumulative && found.flows !== null ? Object.keys(found.flows).map(Number) : [],
    achieved_source: cumulative ? 'flows' : null,
    achieved_reason: cumulative ? cur.reason : null,
    gap: gapC.result,
    gap_direction: gapDirection,
    attainment: attainmentC.result,
    time_pace: timePaceC.result,
    pace_at_value_year: pace,
    completion: completion.value,
    completion_reason: completion.reason,
    rate_method: method,
    growth_so_far: soFar.value,
    growth_so_far_reason: soFar.reason,
    growth_required: required.value,
    growth_required_reason: required.reason,
    growth_required_from_base: fromBase.value,
    growth_required_from_base_reason: fromBase.reason,
    projection: proj,
    projection_method: projectionMethod,
    projection_meets_target: meets,
    projection_share: shareC.result,
    projection_reason: projection.reason,
    ...verdictFields(decision, warning, ratio),
    components: {
      target: goal.component,
      time_pace: timePaceC,
      pace_at_value_year: valuePaceC,
      achieved: cumulative ? component('sum of yearly flows, start..tv', found.flows ?? {}, cur.value) : null,
      gap: gapC,
      attainment: attainmentC,
      completion: completionC,
      ...rates.components,
      projection: projectionC,
      projection_share: shareC,
      progress_ratio: ratioC,
    },
  } satisfies Partial<IndicatorAssessment>);
}
