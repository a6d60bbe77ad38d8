// Assess one indicator in the report year: the parts every target type shares (identity,
// the target as stated, the series of its data, 无法判断 for binding indicators), then
// the type's own assessment: level.ts (a level by the target year, a change from a
// base, or none), rate-targets.ts (average growth, a compounded change over the period)
// and yearly-targets.ts (held every year, relative to another indicator, qualitative).

import type { Indicator } from '../model.js';
import { seriesOf, type Context } from './figures.js';
import { assessLevel, rateMethod } from './level.js';
import { NOT_FINITE } from './numbers.js';
import { assessRateTarget } from './rate-targets.js';
import { targetSpec } from './target-spec.js';
import { UNJUDGED_STATUSES, type Component, type IndicatorAssessment } from './types.js';
import { assessHeld, assessQualitative, assessRelative } from './yearly-targets.js';

export { rateMethod } from './level.js';

const NONE: Component = { formula: '(none)', inputs: {}, result: null };

/** An assessment with every number unknown, for the target types to fill in. */
function blank(ctx: Context, ind: Indicator): IndicatorAssessment {
  const spec = targetSpec(ind, ctx.data.plan.plan);
  const t0 = ctx.baseYear;
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
    has_target: spec !== null,
    target_spec: spec,
    target_measure: null,
    target_year: spec?.year ?? null,
    comparator: spec?.comparator ?? null,
    target: null,
    target_multiple: null,
    target_reason: null,
    baseline_year: t0,
    baseline: null,
    baseline_decimals: null,
    baseline_status: null,
    baseline_source: null,
    baseline_bound: null,
    baseline_reason: null,
    value: null,
    value_decimals: null,
    value_year: null,
    stale: false,
    value_is_bound: false,
    bound: null,
    value_status: null,
    value_source: null,
    value_reason: null,
    achieved: null,
    achieved_years: [],
    achieved_source: null,
    achieved_reason: null,
    gap: null,
    gap_direction: null,
    attainment: null,
    time_pace: null,
    pace_at_value_year: null,
    completion: null,
    completion_reason: null,
    rate_method: rateMethod(ind.kind),
    growth_so_far: null,
    growth_so_far_reason: null,
    growth_required: null,
    growth_required_reason: null,
    growth_required_from_base: null,
    growth_required_from_base_reason: null,
    annual_growth_target: ind.annual_growth === undefined || !Number.isFinite(ind.annual_growth) ? null : ind.annual_growth / 100,
    projection: null,
    projection_method: rateMethod(ind.kind),
    projection_meets_target: null,
    projection_share: null,
    projection_reason: null,
    checks: [],
    judgement: null,
    status: 'no_data',
    status_reason: { code: 'no-data', cause: NOT_FINITE },
    warning: false,
    warning_reason: null,
    undetermined: false,
    progress_ratio: null,
    progress_category: null,
    progress_ratio_reason: null,
    series: ctx.year < t0 ? [] : seriesOf(ctx, ind, Math.min(t0, ctx.year), ctx.year),
    components: {
      target: NONE, time_pace: NONE, pace_at_value_year: NONE, achieved: null, gap: NONE, attainment: NONE,
      completion: NONE, growth_so_far: NONE, growth_required: NONE, growth_required_from_base: NONE,
      projection: NONE, projection_share: NONE, progress_ratio: NONE,
    },
  };
}

/** Assess one indicator (the `index`-th of the plan) in the context's report year. */
export function assessIndicator(ctx: Context, ind: Indicator, index: number): IndicatorAssessment {
  const a = blank(ctx, ind);
  const spec = a.target_spec;
  switch (spec?.type) {
    case undefined:
    case 'level':
    case 'change':
      assessLevel(ctx, ind, index, spec ?? null, a);
      break;
    case 'growth':
    case 'cumulative':
      assessRateTarget(ctx, ind, index, spec, a);
      break;
    case 'held':
      assessHeld(ctx, ind, spec, a);
      break;
    case 'relative':
      assessRelative(ctx, ind, spec, a);
      break;
    case 'qualitative':
      assessQualitative(ctx, ind, spec, a);
      break;
  }
  a.undetermined = ind.attribute === 'binding' && UNJUDGED_STATUSES.has(a.status);
  return a;
}
