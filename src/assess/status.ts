// How a status, a 预警 and the Eurostat category are decided for targets stated as a
// level by the target year. Each rule depends monotonically on the value, so moving
// the value away from the target never improves the status.

import type { Comparator, Indicator } from '../model.js';
import { known, nearlyEqual, NOT_FINITE, sign, unknown, type Maybe } from './numbers.js';
import type { Reason, StatusRule, WarningRule } from './reasons.js';
import type { IndicatorStatus, ProgressCategory, TargetSpec } from './types.js';

/**
 * Slack on the pace thresholds, so that c = p ± tol lands on the documented side
 * despite binary floating point (0.65 − 0.6 is 0.05000000000000004).
 */
export const PACE_EPSILON = 1e-12;

/** Inputs of the status decision of a level target. */
export interface LevelStatusInputs {
  ind: Indicator;
  spec: TargetSpec | null;
  comparator: Comparator | null;
  beforeBase: boolean;
  current: Maybe;
  V: Maybe;
  v0: number | null;
  /** Whether a value satisfies the target (a comparator, or a range). */
  holds: (x: number) => boolean;
  completion: Maybe;
  pace: number | null;
  share: number | null;
  /** Cumulative: the flows up to T are all in (no more can be added). */
  periodComplete: boolean;
  tolerance: number;
  severeShortfall: number;
}

/** A status and the rule that decided it. */
export interface Decision {
  status: IndicatorStatus;
  rule: StatusRule;
}

/** Why there is no judgement. */
function noData(cause: Reason | null): Decision {
  return { status: 'no_data', rule: { code: 'no-data', cause: cause ?? NOT_FINITE } };
}

/**
 * Decide the status of a level target. Precedence, first match wins:
 *  1. no_target  — the plan sets no target;
 *  2. no_data    — report year before the base year, no value used, or V unknown
 *                  (a range whose baseline lay inside it and whose value left it is far_behind);
 *  3. met        — the value (cumulative: the total) already satisfies the target; for a
 *                  cumulative target other than ≥/> only once its period is complete;
 *  4. cumulative cap (lower is better): far_behind if the total already breaks it,
 *     behind if the share of the cap used runs ahead of time by tol or more, else on_track;
 *  5. completion undefined: no_data without a baseline; when the target asks for no
 *     improvement on v0 (d·(V − v0) ≤ 0), far_behind if the value moved the worse way,
 *     else on_track while the pace is below tol and behind after;
 *  6. far_behind — c < 0 (moving away), or the projection reaches less than
 *                  severe_shortfall of the required change;
 *  7. by pace at the value's year p: ahead if c ≥ p + tol, behind if c ≤ p − tol,
 *     else on_track (|c − p| < tol).
 */
export function decideLevelStatus(x: LevelStatusInputs): Decision {
  const { ind, spec, current, V, v0, completion: c, pace: p, tolerance: tol } = x;
  if (spec === null) return { status: 'no_target', rule: { code: 'no-target' } };
  if (x.beforeBase) return noData(current.reason);
  if (current.value === null) return noData(current.reason);
  const isRange = spec.min !== null || spec.max !== null;
  const cumulative = ind.kind === 'cumulative';
  const d = sign(ind.direction);
  const holds = x.holds(current.value);
  const finalNow = !cumulative || x.periodComplete || x.comparator === '>=' || x.comparator === '>';
  if (holds && finalNow) return { status: 'met', rule: { code: 'met' } };
  if (V.value === null) {
    if (isRange && v0 !== null) return { status: 'far_behind', rule: { code: 'out-of-range' } };
    return noData(V.reason);
  }
  if (cumulative && d < 0) {
    if (!holds) return { status: 'far_behind', rule: { code: 'cap-broken' } };
    if (c.value !== null && p !== null && c.value - p >= tol - PACE_EPSILON) return { status: 'behind', rule: { code: 'cap-ahead' } };
    return { status: 'on_track', rule: { code: 'cap-within' } };
  }
  if (c.value === null) {
    if (v0 === null && !cumulative) return noData(c.reason);
    if (v0 !== null && !cumulative && (nearlyEqual(V.value, v0) || d * (V.value - v0) < 0)) {
      if (d * (current.value - v0) < 0 && !nearlyEqual(current.value, v0)) {
        return { status: 'far_behind', rule: { code: 'no-improvement-moved-worse' } };
      }
      if (p !== null && p < tol) return { status: 'on_track', rule: { code: 'no-improvement-early' } };
      return { status: 'behind', rule: { code: 'no-improvement-late' } };
    }
    return noData(c.reason);
  }
  if (p === null) return noData({ code: 'pace-undefined' });
  return byPace(c.value, p, x.share, x.severeShortfall, tol);
}

/** Rules 6 and 7: moving away, a severe shortfall, then completion against pace. */
export function byPace(c: number, p: number, share: number | null, severe: number, tol: number): Decision {
  if (c < 0) return { status: 'far_behind', rule: { code: 'moving-away' } };
  if (share !== null && share < severe) {
    return { status: 'far_behind', rule: { code: 'severe-shortfall', share, threshold: severe } };
  }
  const gap = c - p;
  if (gap >= tol - PACE_EPSILON) return { status: 'ahead', rule: { code: 'ahead' } };
  if (gap <= -tol + PACE_EPSILON) return { status: 'behind', rule: { code: 'behind' } };
  return { status: 'on_track', rule: { code: 'on-pace' } };
}

/** 预警 of a projected target: a binding indicator whose projection misses; `why` explains a missing projection. */
export function levelWarning(ind: Indicator, spec: TargetSpec | null, meets: boolean | null, why: Reason | null): { warning: boolean; rule: WarningRule | null } {
  if (ind.attribute !== 'binding') return { warning: false, rule: null };
  if (spec === null) return { warning: false, rule: { code: 'no-judgement', cause: { code: 'no-target' } } };
  if (meets === null) return { warning: false, rule: { code: 'no-judgement', cause: why ?? NOT_FINITE } };
  if (meets) return { warning: false, rule: { code: 'projection-meets' } };
  return { warning: true, rule: { code: 'projection-misses' } };
}

/**
 * The Eurostat / StatCan ratio R = d · g / |required growth from base|. Undefined for a
 * cumulative cap, and when the target asks for no improvement on the baseline (a ceiling
 * the baseline is already under is no progress to measure).
 */
export function progressRatio(ind: Indicator, spec: TargetSpec | null, soFar: Maybe, fromBase: Maybe, noImprovement: boolean): Maybe {
  if (spec === null) return unknown({ code: 'no-target' });
  if (ind.kind === 'cumulative' && ind.direction === 'lower') return unknown({ code: 'ratio-cap' });
  if (noImprovement) return unknown({ code: 'no-growth-required' });
  if (soFar.value === null) return unknown(soFar.reason ?? NOT_FINITE);
  if (fromBase.value === null) return unknown(fromBase.reason ?? NOT_FINITE);
  if (fromBase.value === 0) return unknown({ code: 'no-growth-required' });
  return known((sign(ind.direction) * soFar.value) / Math.abs(fromBase.value), NOT_FINITE);
}

/** Categorise the Eurostat / StatCan ratio. */
export function categorise(r: number): ProgressCategory {
  if (r >= 0.95) return 'significant';
  if (r >= 0.6) return 'moderate';
  if (r >= 0) return 'insufficient';
  return 'moving_away';
}

/**
 * The verdict fields of an assessment, in their order in assessment.json: the status, the
 * early warning and the progress ratio with its category, each with its reason.
 */
export function verdictFields(decision: Decision, warning: { warning: boolean; rule: WarningRule | null }, ratio: Maybe) {
  return {
    status: decision.status,
    status_reason: decision.rule,
    warning: warning.warning,
    warning_reason: warning.rule,
    progress_ratio: ratio.value,
    progress_category: ratio.value === null ? null : categorise(ratio.value),
    progress_ratio_reason: ratio.reason,
  };
}

