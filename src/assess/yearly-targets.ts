// Targets judged year by year rather than by a level at the end: a ceiling or floor
// held in every year (控制在5.5%以内), a comparison with another indicator's value of
// the same year (高于GDP增长, 与经济增长基本同步), and qualitative targets
// (保持在合理区间), which are monitored and never given a computed status.

import type { Comparator, Indicator } from '../model.js';
import { figureIn, gapOf, latestFigure, observationOf, type Context, type Figure } from './figures.js';
import { component, finite, nearlyEqual, NOT_FINITE, satisfies } from './numbers.js';
import type { FigureGap, Reason, StatusRule, WarningRule } from './reasons.js';
import type { GapDirection, IndicatorAssessment, IndicatorStatus, TargetSpec, YearCheck } from './types.js';

/** Whether `value` satisfies `comparator` against `bound`, allowing `tolerance` in the value's favour. */
export function holdsWithin(value: number, comparator: Comparator, bound: number, tolerance: number): boolean {
  if (tolerance <= 0) return satisfies(value, comparator, bound);
  switch (comparator) {
    case '=':
      return Math.abs(value - bound) <= tolerance || nearlyEqual(Math.abs(value - bound), tolerance);
    case '>=':
    case '>':
      return satisfies(value, comparator, bound - tolerance);
    case '<=':
    case '<':
      return satisfies(value, comparator, bound + tolerance);
  }
}

/** The value of the report year, else the latest earlier one after the base year, for display. */
function latestValue(ctx: Context, ind: Indicator): Figure | null {
  if (ctx.year < ctx.baseYear) return null;
  return latestFigure(ctx, ind, ctx.year === ctx.baseYear ? ctx.baseYear : ctx.baseYear + 1, ctx.year);
}

/** Fill the value and baseline fields of `a` with the latest and the base year's figures. */
function fillLevels(ctx: Context, ind: Indicator, a: IndicatorAssessment, latest: Figure | null): void {
  const t = ctx.year;
  const base = t < ctx.baseYear ? null : figureIn(ctx, ind, ctx.baseYear);
  const gap = (y: number): FigureGap => gapOf(ctx, ind, y) ?? { code: 'entry-without-value', year: y };
  Object.assign(a, {
    baseline_year: ctx.baseYear,
    baseline: base?.value ?? null,
    baseline_decimals: base !== null && base.converted === null ? base.observation.decimals ?? null : null,
    baseline_status: base?.observation.status ?? null,
    baseline_source: base?.observation.source ?? null,
    baseline_bound: base?.observation.bound ?? null,
    baseline_reason: base === null ? t < ctx.baseYear ? { code: 'before-base', year: t, base_year: ctx.baseYear } : { code: 'no-baseline', year: ctx.baseYear, gap: gap(ctx.baseYear) } : null,
    value: finite(latest?.value ?? null),
    value_decimals: latest !== null && latest.converted === null ? latest.observation.decimals ?? null : null,
    value_year: latest?.year ?? null,
    stale: latest !== null && latest.year < t,
    value_is_bound: latest !== null && latest.observation.bound !== undefined,
    bound: latest?.observation.bound ?? null,
    value_status: latest?.observation.status ?? null,
    value_source: latest?.observation.source ?? null,
    value_reason: t < ctx.baseYear ? { code: 'before-base', year: t, base_year: ctx.baseYear }
      : latest === null ? { code: 'no-value-in-range', from: Math.min(ctx.baseYear + 1, t), to: t, gap: gap(t) }
      : latest.year < t ? { code: 'stale', used_year: latest.year, gap: gap(t) } : null,
  } satisfies Partial<IndicatorAssessment>);
}

/** What the yearly targets share: no completion, rates, projection or time pace. */
function noProgress(a: IndicatorAssessment, type: 'held' | 'relative' | 'qualitative'): void {
  const why: Reason = { code: 'no-completion', type };
  Object.assign(a, {
    completion: null, completion_reason: why,
    growth_so_far: null, growth_so_far_reason: why,
    growth_required: null, growth_required_reason: why,
    growth_required_from_base: null, growth_required_from_base_reason: why,
    projection: null, projection_method: 'observed', projection_meets_target: null, projection_share: null, projection_reason: why,
    progress_ratio: null, progress_category: null, progress_ratio_reason: why,
    attainment: null,
    time_pace: null,
    pace_at_value_year: null,
  } satisfies Partial<IndicatorAssessment>);
}

/** 预警 of a yearly target: breached is a warning, holding is none, anything else no judgement. */
function yearlyWarning(ind: Indicator, status: IndicatorStatus, rule: StatusRule): { warning: boolean; warning_reason: WarningRule | null } {
  if (ind.attribute !== 'binding') return { warning: false, warning_reason: null };
  if (status === 'breached') return { warning: true, warning_reason: { code: 'breached' } };
  if (status === 'held') return { warning: false, warning_reason: { code: 'holding' } };
  const cause: Reason = rule.code === 'no-data' ? rule.cause : rule.code === 'qualitative' ? { code: 'qualitative-target' } : { code: 'no-target' };
  return { warning: false, warning_reason: { code: 'no-judgement', cause } };
}

/** A bound held in every year from `from` to T: held so far, or breached in the years it broke. */
export function assessHeld(ctx: Context, ind: Indicator, spec: TargetSpec, a: IndicatorAssessment): void {
  const bound = spec.value ?? 0;
  const cmp = spec.comparator ?? '<=';
  const from = spec.from ?? ctx.data.plan.plan.period.start;
  const last = Math.min(ctx.year, spec.year);
  const checks: YearCheck[] = [];
  for (let y = from; y <= last; y++) {
    const f = figureIn(ctx, ind, y);
    checks.push({ year: y, value: f?.value ?? null, bound, holds: f === null ? null : satisfies(f.value, cmp, bound), gap: f === null ? gapOf(ctx, ind, y) : null });
  }
  const latest = latestValue(ctx, ind);
  fillLevels(ctx, ind, a, latest);
  noProgress(a, 'held');
  const known = checks.filter((c) => c.holds !== null);
  const broken = checks.filter((c) => c.holds === false).map((c) => c.year);
  let status: IndicatorStatus;
  let rule: StatusRule;
  if (known.length === 0) {
    status = 'no_data';
    rule = { code: 'no-data', cause: last < from ? { code: 'period-not-started', start: from }
      : a.value_reason ?? { code: 'no-value-in-range', from, to: last, gap: gapOf(ctx, ind, last) ?? { code: 'entry-without-value', year: last } } };
  } else if (broken.length > 0) {
    status = 'breached';
    rule = { code: 'breached', years: broken };
  } else {
    status = 'held';
    rule = { code: 'held', years: known.map((c) => c.year), unknown_years: checks.filter((c) => c.holds === null).map((c) => c.year) };
  }
  const vt = a.value;
  Object.assign(a, {
    target_measure: 'level',
    target_year: spec.year,
    comparator: cmp,
    target: bound,
    target_reason: null,
    gap: vt === null ? null : bound - vt,
    gap_direction: vt === null ? null : gapDirectionOf(vt, cmp, bound),
    checks,
    status,
    status_reason: rule,
    ...yearlyWarning(ind, status, rule),
    components: {
      ...a.components,
      target: component('V', { V: bound }, bound),
      gap: component('V - vt', { V: bound, vt }, vt === null ? null : bound - vt),
    },
  } satisfies Partial<IndicatorAssessment>);
}

/** Where a value stands against a bound under a comparator. */
function gapDirectionOf(value: number, cmp: Comparator, bound: number): GapDirection {
  if (nearlyEqual(value, bound)) return 'at_target';
  return satisfies(value, cmp, bound) ? 'beyond_target' : 'short_of_target';
}

/** The value compared with another indicator's value of the same year, judged in the latest year. */
export function assessRelative(ctx: Context, ind: Indicator, spec: TargetSpec, a: IndicatorAssessment): void {
  const partnerId = spec.partner ?? '';
  const partner = ctx.indicators.get(partnerId);
  const cmp = spec.comparator ?? '>=';
  const tolerance = spec.tolerance ?? 0;
  const start = ctx.data.plan.plan.period.start;
  const last = Math.min(ctx.year, spec.year);
  const checks: YearCheck[] = [];
  if (partner !== undefined) {
    for (let y = start; y <= last; y++) {
      const mine = figureIn(ctx, ind, y);
      const theirs = figureIn(ctx, partner, y);
      checks.push({
        year: y,
        value: mine?.value ?? null,
        bound: theirs?.value ?? null,
        holds: mine === null || theirs === null ? null : holdsWithin(mine.value, cmp, theirs.value, tolerance),
        gap: mine === null ? gapOf(ctx, ind, y) : theirs === null ? gapOf(ctx, partner, y) : null,
      });
    }
  }
  const latest = latestValue(ctx, ind);
  fillLevels(ctx, ind, a, latest);
  noProgress(a, 'relative');
  let status: IndicatorStatus;
  let rule: StatusRule;
  let bound: number | null = null;
  let targetReason: Reason | null = null;
  if (partner === undefined) {
    targetReason = { code: 'partner-unknown', indicator: partnerId };
    status = 'no_data';
    rule = { code: 'no-data', cause: targetReason };
  } else if (latest === null) {
    status = 'no_data';
    rule = { code: 'no-data', cause: a.value_reason ?? NOT_FINITE };
    targetReason = a.value_reason;
  } else {
    const theirs = figureIn(ctx, partner, latest.year);
    if (theirs === null) {
      targetReason = { code: 'partner-missing', indicator: partner.id, year: latest.year, gap: gapOf(ctx, partner, latest.year) };
      status = 'no_data';
      rule = { code: 'no-data', cause: targetReason };
    } else {
      bound = theirs.value;
      const ok = holdsWithin(latest.value, cmp, theirs.value, tolerance);
      status = ok ? 'held' : 'breached';
      rule = ok ? { code: 'relative-holds', year: latest.year, partner: partner.id } : { code: 'relative-fails', year: latest.year, partner: partner.id };
    }
  }
  const vt = a.value;
  Object.assign(a, {
    target_measure: 'level',
    target_year: spec.year,
    comparator: cmp,
    target: bound,
    target_reason: targetReason,
    gap: vt === null || bound === null ? null : bound - vt,
    gap_direction: vt === null || bound === null ? null : gapDirectionOf(vt, cmp, bound),
    checks,
    status,
    status_reason: rule,
    ...yearlyWarning(ind, status, rule),
    components: {
      ...a.components,
      target: component('the other indicator\'s value in tv', { tv: latest?.year ?? null, V: bound, tolerance }, bound),
      gap: component('V - vt', { V: bound, vt }, vt === null || bound === null ? null : bound - vt),
    },
  } satisfies Partial<IndicatorAssessment>);
}

/** A qualitative target: the latest recorded judgement, never a computed status. */
export function assessQualitative(ctx: Context, ind: Indicator, spec: TargetSpec, a: IndicatorAssessment): void {
  let judgement: IndicatorAssessment['judgement'] = null;
  for (let y = Math.min(ctx.year, spec.year); y >= ctx.baseYear && judgement === null; y--) {
    const obs = observationOf(ctx, ind.id, y);
    if (obs?.judgement !== undefined && obs.missing === undefined) judgement = { text: obs.judgement, year: y, source: obs.source ?? null };
  }
  fillLevels(ctx, ind, a, latestValue(ctx, ind));
  noProgress(a, 'qualitative');
  const rule: StatusRule = { code: 'qualitative', judgement: judgement?.text ?? null, year: judgement?.year ?? null };
  Object.assign(a, {
    target_measure: null,
    target_year: spec.year,
    comparator: null,
    target: null,
    target_reason: { code: 'qualitative-target' },
    judgement,
    status: 'qualitative',
    status_reason: rule,
    ...yearlyWarning(ind, 'qualitative', rule),
  } satisfies Partial<IndicatorAssessment>);
}
