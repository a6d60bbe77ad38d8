// Assess one indicator in the report year: the value used, baseline, target, gap,
// completion against time pace, growth so far and required, projection, status,
// 预警 and the Eurostat ratio, each with its formula components.
//
// Notation (docs/architecture.md, "Assessment"): t report year, t0 base year, T target year,
// tv the year of the value used (tv < t when the value is stale), v0 baseline,
// vt value used, V target, d = +1 when higher is better and −1 when lower is.

import { pointer } from '../diagnostic.js';
import type { Comparator, Indicator, IndicatorKind } from '../model.js';
import { clamp, component, finite, known, nearlyEqual, satisfies, sign, unknown, type Maybe } from './numbers.js';
import {
  figureIn,
  label,
  latestFigure,
  report,
  whyNoFigure,
  type Context,
  type Figure,
} from './observations.js';
import type {
  Component,
  GapDirection,
  IndicatorAssessment,
  IndicatorStatus,
  ProgressCategory,
  RateMethod,
} from './types.js';
import { measureRates, project, type RateInputs } from './rates.js';

/**
 * Slack on the pace thresholds, so that c = p ± tol lands on the documented side
 * despite binary floating point (0.65 − 0.6 is 0.05000000000000004).
 */
const PACE_EPSILON = 1e-12;

/** The rate method of a kind: growth rates, points per year, or yearly flows. */
export function rateMethod(kind: IndicatorKind): RateMethod {
  switch (kind) {
    case 'level':
    case 'count':
    case 'multiple':
      return 'compound';
    case 'percentage':
    case 'ratio':
    case 'rank':
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
  valueReason: string | null;
  stale: boolean;
}

/** Find vt: year t's comparable value, else the latest one after t0 (stale). */
function findLevelValue(ctx: Context, ind: Indicator): Current {
  const t = ctx.year;
  const t0 = ctx.baseYear;
  const base = { flows: null };
  if (t < t0) {
    const reason = `the report year ${t} precedes the base year ${t0}`;
    return { ...base, figure: null, current: unknown(reason), year: null, valueReason: reason, stale: false };
  }
  // After the base year only later figures count: the baseline itself is no progress report.
  const figure = latestFigure(ctx, ind, t === t0 ? t0 : t0 + 1, t);
  if (figure === null) {
    const reason = t === t0
      ? `no comparable value for the base year: ${whyNoFigure(ctx, ind, t)}`
      : `no comparable value in ${t0 + 1}–${t}; ${whyNoFigure(ctx, ind, t)}`;
    return { ...base, figure: null, current: unknown(reason), year: null, valueReason: reason, stale: false };
  }
  const stale = figure.year < t;
  const valueReason = stale
    ? `no comparable value for ${t} (${whyNoFigure(ctx, ind, t)}); using ${figure.year}'s`
    : null;
  return { ...base, figure, current: known(figure.value, 'not finite'), year: figure.year, valueReason, stale };
}

/**
 * Find the cumulative total: the flows of period.start … tv, where tv is the latest
 * year ≤ min(t, T) with a comparable flow. Every year up to tv must have one.
 */
function findCumulative(ctx: Context, ind: Indicator): Current {
  const t = ctx.year;
  const start = ctx.data.plan.plan.period.start;
  const end = Math.min(t, ind.target?.year ?? ctx.data.plan.plan.period.end);
  if (t < ctx.baseYear) {
    const reason = `the report year ${t} precedes the base year ${ctx.baseYear}`;
    return { figure: null, current: unknown(reason), year: null, flows: null, valueReason: reason, stale: false };
  }
  if (end < start) {
    // Nothing of the period has passed: nothing accumulated yet, and nothing due.
    return { figure: null, current: { value: 0, reason: null }, year: start - 1, flows: {},
      valueReason: `the period starts in ${start}: no flow yet`, stale: false };
  }
  const last = latestFigure(ctx, ind, start, end);
  if (last === null) {
    const reason = `no comparable yearly flow in ${start}–${end}; ${whyNoFigure(ctx, ind, end)}`;
    return { figure: null, current: unknown(reason), year: null, flows: null, valueReason: reason, stale: false };
  }
  const flows: Record<string, number | null> = {};
  const missing: string[] = [];
  let sum = 0;
  for (let y = start; y <= last.year; y++) {
    const f = y === last.year ? last : figureIn(ctx, ind, y);
    flows[String(y)] = f === null ? null : f.value;
    if (f === null) missing.push(whyNoFigure(ctx, ind, y));
    else sum += f.value;
  }
  const stale = last.year < end;
  const valueReason = stale
    ? `no comparable flow for ${end} (${whyNoFigure(ctx, ind, end)}); total through ${last.year}`
    : null;
  let achieved: Maybe;
  if (missing.length > 0) {
    achieved = unknown(`the total needs every year's flow from ${start}: ${missing.join('; ')}`);
    const file = ctx.yearFiles.get(last.year)?.file ?? ctx.data.file;
    report(ctx, 'cumulative-incomplete', file, pointer('observations', ind.id),
      `total of ${label(ind)} through ${last.year} is unknown: ${missing.join('; ')}`,
      'add the missing yearly flows (or their reason) to the year files');
  } else {
    achieved = known(sum, 'the sum of the flows is not finite');
  }
  return { figure: last, current: achieved, year: last.year, flows, valueReason, stale };
}

/** Work out V: the target value, or multiple × v0. */
function findTarget(ind: Indicator, v0: number | null): Maybe & { multiple: number | null; component: Component } {
  const target = ind.target;
  if (target === undefined) {
    return { ...unknown('no target: the plan only monitors this indicator'), multiple: null,
      component: component('V (none)', {}, null) };
  }
  if (target.multiple !== undefined) {
    const k = target.multiple;
    const c = component('k * v0', { k, v0 }, v0 === null ? null : k * v0);
    if (v0 === null) {
      return { ...unknown(`the target is ${k} × the baseline, and there is no comparable baseline`), multiple: k, component: c };
    }
    return { ...known(k * v0, 'the target is not finite'), multiple: k, component: c };
  }
  if (target.value !== undefined) {
    return { ...known(target.value, 'the target is not finite'), multiple: null,
      component: component('V', { V: target.value }, target.value) };
  }
  return { ...unknown('the target has neither a value nor a multiple'), multiple: null,
    component: component('V', { V: null }, null) };
}

/** Inputs of the status decision. */
interface StatusInputs {
  ind: Indicator;
  comparator: Comparator | null;
  beforeBase: boolean;
  current: Maybe;
  V: Maybe;
  v0: number | null;
  completion: Maybe;
  pace: number | null;
  share: number | null;
  /** Cumulative: the flows up to T are all in (no more can be added). */
  periodComplete: boolean;
  tolerance: number;
  severeShortfall: number;
}

/**
 * Decide the status. Precedence, first match wins:
 *  1. no_target  — the plan sets no target;
 *  2. no_data    — report year before the base year, no value used, or V unknown;
 *  3. met        — the value (cumulative: the total) already satisfies the comparator
 *                  against V; for a cumulative target other than ≥/> only once its
 *                  period is complete, since later flows can still break it;
 *  4. cumulative cap (lower is better): far_behind if the total already breaks it,
 *     behind if the share of the cap used runs ahead of time by tol or more, else on_track;
 *  5. completion undefined: no_data without a baseline; when the target asks for no
 *     improvement on v0 (d·(V − v0) ≤ 0), far_behind if the value moved the worse way,
 *     else on_track while the pace is below tol and behind after;
 *  6. far_behind — c < 0 (moving away), or the projection reaches less than
 *                  severe_shortfall of the required change;
 *  7. by pace at the value's year p: ahead if c ≥ p + tol, behind if c ≤ p − tol,
 *     else on_track (|c − p| < tol).
 * Each rule depends monotonically on the value, so moving the value away from the
 * target never improves the status.
 */
function decideStatus(x: StatusInputs): { status: IndicatorStatus; reason: string } {
  const { ind, comparator, current, V, v0, completion: c, pace: p, tolerance: tol } = x;
  if (ind.target === undefined || comparator === null) {
    return { status: 'no_target', reason: 'no target: the plan only monitors this indicator' };
  }
  if (x.beforeBase) return { status: 'no_data', reason: current.reason ?? 'the report year precedes the base year' };
  if (current.value === null) return { status: 'no_data', reason: current.reason ?? 'no value' };
  if (V.value === null) return { status: 'no_data', reason: V.reason ?? 'no target value' };
  const cumulative = ind.kind === 'cumulative';
  const d = sign(ind.direction);
  const holds = satisfies(current.value, comparator, V.value);
  const finalNow = !cumulative || x.periodComplete || comparator === '>=' || comparator === '>';
  if (holds && finalNow) {
    return { status: 'met', reason: `${cumulative ? 'achieved' : 'vt'} ${comparator} V: the target is already met` };
  }
  if (cumulative && d < 0) {
    if (!holds) {
      return { status: 'far_behind', reason: `the total already breaks the cap (achieved ${comparator} V fails)` };
    }
    if (c.value !== null && p !== null && c.value - p >= tol - PACE_EPSILON) {
      return { status: 'behind', reason: 'the share of the cap used runs ahead of the pace: c ≥ p + tol' };
    }
    return { status: 'on_track', reason: 'the total stays within the cap at or below the pace' };
  }
  if (c.value === null) {
    if (v0 === null && !cumulative) return { status: 'no_data', reason: c.reason ?? 'no baseline' };
    if (v0 !== null && !cumulative && (nearlyEqual(V.value, v0) || d * (V.value - v0) < 0)) {
      if (d * (current.value - v0) < 0 && !nearlyEqual(current.value, v0)) {
        return { status: 'far_behind', reason: 'the target asks for no improvement on the baseline, and the value has moved the worse way past it' };
      }
      if (p !== null && p < tol) {
        return { status: 'on_track', reason: 'the target asks for no improvement on the baseline and little time has passed' };
      }
      return { status: 'behind', reason: 'the target asks for a change the value has not made yet' };
    }
    return { status: 'no_data', reason: c.reason ?? 'completion cannot be computed' };
  }
  if (p === null) return { status: 'no_data', reason: 'the time pace is undefined: the target year is not after the base year' };
  if (c.value < 0) {
    return { status: 'far_behind', reason: 'c < 0: moving away from the target' };
  }
  if (x.share !== null && x.share < x.severeShortfall) {
    return { status: 'far_behind', reason: 'the projection reaches less than severe_shortfall of the required change' };
  }
  const gap = c.value - p;
  if (gap >= tol - PACE_EPSILON) return { status: 'ahead', reason: 'c ≥ p + tol' };
  if (gap <= -tol + PACE_EPSILON) return { status: 'behind', reason: 'c ≤ p − tol' };
  return { status: 'on_track', reason: '|c − p| < tol' };
}

/** 预警: a binding indicator whose projection misses its target; `why` explains a missing projection. */
function earlyWarning(ind: Indicator, meets: boolean | null, why: string | null): { warning: boolean; reason: string | null } {
  if (ind.attribute !== 'binding') return { warning: false, reason: null };
  if (ind.target === undefined) return { warning: false, reason: 'no target' };
  const comparator = ind.target.comparator;
  if (meets === null) return { warning: false, reason: `no projection to judge: ${why ?? 'unknown'}` };
  if (meets) return { warning: false, reason: `the projection meets the target (projection ${comparator} V)` };
  return { warning: true, reason: `the projection misses the target (projection ${comparator} V fails)` };
}

/** The Eurostat / StatCan ratio R = d · g / |required growth from base|. */
function progressRatio(ind: Indicator, soFar: Maybe, fromBase: Maybe): Maybe {
  if (ind.target === undefined) return unknown('no target');
  if (ind.kind === 'cumulative' && ind.direction === 'lower') return unknown('not defined for a cumulative cap (lower is better)');
  if (soFar.value === null) return unknown(soFar.reason ?? 'no growth so far');
  if (fromBase.value === null) return unknown(fromBase.reason ?? 'no required growth');
  if (fromBase.value === 0) return unknown('the target requires no growth from the baseline');
  return known((sign(ind.direction) * soFar.value) / Math.abs(fromBase.value), 'the ratio is not finite');
}

/** Categorise the Eurostat / StatCan ratio. */
function categorise(r: number): ProgressCategory {
  if (r >= 0.95) return 'significant';
  if (r >= 0.6) return 'moderate';
  if (r >= 0) return 'insufficient';
  return 'moving_away';
}

/** Assess one indicator (the `index`-th of the plan) in the context's report year. */
export function assessIndicator(ctx: Context, ind: Indicator, index: number): IndicatorAssessment {
  const t = ctx.year;
  const t0 = ctx.baseYear;
  const period = ctx.data.plan.plan.period;
  const cumulative = ind.kind === 'cumulative';
  const method = rateMethod(ind.kind);
  const d = sign(ind.direction);
  const beforeBase = t < t0;
  const T = ind.target?.year ?? null;
  const comparator = ind.target?.comparator ?? null;
  const indPtr = pointer('indicators', index);

  // Baseline v0: the base year's comparable figure (never used before the base year).
  const baseFigure = beforeBase ? null : figureIn(ctx, ind, t0);
  const v0 = baseFigure?.value ?? null;
  const baselineReason = baseFigure !== null ? null
    : beforeBase ? `the report year ${t} precedes the base year ${t0}`
    : `no comparable baseline: ${whyNoFigure(ctx, ind, t0)}`;

  const found = cumulative ? findCumulative(ctx, ind) : findLevelValue(ctx, ind);
  const cur = found.current;
  const tv = found.year;
  const vt = found.figure?.value ?? null;

  if (found.stale && found.figure !== null) {
    const file = ctx.yearFiles.get(t);
    report(ctx, 'stale-value', file?.file ?? ctx.data.file,
      file !== undefined ? pointer('observations', ind.id) : indPtr,
      `${label(ind)}: ${found.valueReason ?? 'stale value'}`);
  } else if (cur.value === null && !beforeBase && ind.target !== undefined) {
    const file = ctx.yearFiles.get(t);
    report(ctx, 'no-value', file?.file ?? ctx.data.file,
      file !== undefined ? pointer('observations', ind.id) : indPtr,
      `${label(ind)} has no value for ${t}: ${cur.reason ?? 'no value'}`);
  }

  const target = findTarget(ind, v0);
  const V = target.value;

  // Time pace: from the base year (cumulative: from the year before the period) to T.
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
  if (cumulative) {
    completionC = component('achieved / V', { achieved: c0, V }, c0 === null || V === null || V === 0 ? null : c0 / V);
    completion = known(completionC.result,
      c0 === null ? cur.reason ?? 'no total' : V === null ? target.reason ?? 'no target' : 'the target total is 0');
  } else {
    // A target that asks for no improvement on v0 (V = v0, or V on the worse side) has no completion.
    const noImprovement = V !== null && v0 !== null && (nearlyEqual(V, v0) || d * (V - v0) < 0);
    const result = c0 === null || V === null || v0 === null || noImprovement ? null : (c0 - v0) / (V - v0);
    completionC = component('(vt - v0) / (V - v0)', { vt: c0, v0, V }, result);
    let reason: string;
    if (T === null) reason = 'no target';
    else if (c0 === null) reason = cur.reason ?? 'no value';
    else if (V === null) reason = target.reason ?? 'no target value';
    else if (v0 === null) reason = baselineReason ?? 'no baseline';
    else reason = `the target ${comparator} ${V} asks for no improvement on the baseline ${v0}: completion is undefined`;
    completion = known(completionC.result, reason);
    if (noImprovement && c0 !== null) {
      report(ctx, 'completion-undefined', ctx.data.file, pointer('indicators', index, 'target'),
        `${label(ind)}: the target ${comparator} ${V} asks for no improvement on the baseline ${v0}, so completion (vt − v0)/(V − v0) is undefined`);
    }
  }

  // Growth so far, required from tv, required from t0; projection to T.
  const rateInputs: RateInputs = {
    method, t, t0, start: period.start, T, tv,
    v0: { value: v0, reason: baselineReason }, current: cur, V: { value: V, reason: target.reason },
  };
  const rates = measureRates(rateInputs, (which) => {
    const [what, file, ptr] = which === 'baseline'
      ? [`the baseline ${v0} (${t0})`, ctx.yearFiles.get(t0)?.file ?? ctx.data.file, pointer('observations', ind.id, 'value')]
      : which === 'value'
      ? [`the value ${c0} (${tv})`, (tv === null ? undefined : ctx.yearFiles.get(tv)?.file) ?? ctx.data.file, pointer('observations', ind.id, 'value')]
      : [`the target ${V}`, ctx.data.file, pointer('indicators', index, 'target', ind.target?.multiple !== undefined ? 'multiple' : 'value')];
    report(ctx, 'growth-undefined', file, ptr,
      `${label(ind)}: ${what} is zero or negative, so a growth rate (a ratio of values) is undefined`,
      'the assessment reports no growth rate rather than a made-up one');
  });
  const { soFar, required, fromBase } = rates;
  const g = soFar.value;
  const { projection, method: projectionMethod, component: projectionC } = project(rateInputs, soFar);
  const proj = projection.value;
  const meets = proj === null || V === null || comparator === null ? null : satisfies(proj, comparator, V);
  let shareC: Component;
  if (cumulative) {
    shareC = component('projection / V', { projection: proj, V }, proj === null || V === null || V === 0 ? null : proj / V);
  } else {
    const ok = proj !== null && V !== null && v0 !== null && d * (V - v0) > 0 && !nearlyEqual(V, v0);
    shareC = component('(projection - v0) / (V - v0)', { projection: proj, v0, V },
      ok ? (proj - v0) / (V - v0) : null);
  }

  // Status.
  const pace = valuePaceC.result;
  const periodComplete = cumulative && T !== null && tv !== null && tv >= T;
  const { status, reason: statusReason } = decideStatus({
    ind, comparator, beforeBase, current: cur, V: { value: V, reason: target.reason }, v0,
    completion, pace, share: shareC.result, periodComplete,
    tolerance: ctx.tolerance, severeShortfall: ctx.severeShortfall,
  });

  const { warning, reason: warningReason } = earlyWarning(ind, meets, projection.reason ?? target.reason);
  const ratio = progressRatio(ind, soFar, fromBase);
  const ratioC = component('d * g / |g_required_from_base|', { d, g, g_required_from_base: fromBase.value }, ratio.value);

  const achievedC = cumulative
    ? component('sum of yearly flows, start..tv', found.flows ?? {}, cur.value)
    : null;

  return {
    id: ind.id,
    name: ind.name,
    unit: ind.unit,
    kind: ind.kind,
    direction: ind.direction,
    attribute: ind.attribute,
    pillar: ind.pillar,
    actions: [...ind.actions],
    scope: ind.scope,
    has_target: ind.target !== undefined,
    target_year: T,
    comparator,
    target: V,
    target_multiple: target.multiple,
    target_reason: target.reason,
    baseline_year: t0,
    baseline: v0,
    baseline_status: baseFigure?.observation.status ?? null,
    baseline_source: baseFigure?.observation.source ?? null,
    baseline_bound: baseFigure?.observation.bound ?? null,
    baseline_reason: baselineReason,
    value: finite(vt),
    value_year: found.figure?.year ?? null,
    stale: found.stale,
    value_is_bound: found.figure?.observation.bound !== undefined,
    bound: found.figure?.observation.bound ?? null,
    value_status: found.figure?.observation.status ?? null,
    value_source: found.figure?.observation.source ?? null,
    value_reason: found.figure === null || found.stale ? found.valueReason ?? cur.reason : null,
    achieved: cumulative ? cur.value : null,
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
    annual_growth_target: ind.annual_growth === undefined ? null : finite(ind.annual_growth / 100),
    projection: proj,
    projection_method: projectionMethod,
    projection_meets_target: meets,
    projection_share: shareC.result,
    projection_reason: projection.reason,
    status,
    status_reason: statusReason,
    warning,
    warning_reason: warningReason,
    progress_ratio: ratio.value,
    progress_category: ratio.value === null ? null : categorise(ratio.value),
    progress_ratio_reason: ratio.reason,
    components: {
      target: target.component,
      time_pace: timePaceC,
      pace_at_value_year: valuePaceC,
      achieved: achievedC,
      gap: gapC,
      attainment: attainmentC,
      completion: completionC,
      ...rates.components,
      projection: projectionC,
      projection_share: shareC,
      progress_ratio: ratioC,
    },
  };
}
