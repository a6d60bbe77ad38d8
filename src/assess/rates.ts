// Growth so far, growth required and the projection to the target year, by rate
// method: compound growth rates (level, count, multiple), points per year
// (percentage, ratio, rank) or mean yearly flows (cumulative).

import { component, known, NOT_FINITE, unknown, type Maybe } from './numbers.js';
import type { Reason } from './reasons.js';
import type { Component, ProjectionMethod, RateMethod } from './types.js';

/** What the rates are computed from (notation of docs/architecture.md, "Assessment"). */
export interface RateInputs {
  method: RateMethod;
  /** Report year. */
  t: number;
  /** Base year. */
  t0: number;
  /** First year of the period (cumulative flows start here). */
  start: number;
  /** Target year; null without a target. */
  T: number | null;
  /** Year of the value used; null without one. */
  tv: number | null;
  /** Baseline. */
  v0: Maybe;
  /** Value used (cumulative: the total achieved). */
  current: Maybe;
  /** Target value. */
  V: Maybe;
}

/** The three rates with their components. */
export interface Rates {
  soFar: Maybe;
  required: Maybe;
  fromBase: Maybe;
  components: { growth_so_far: Component; growth_required: Component; growth_required_from_base: Component };
}

/** Which non-positive value left a compound growth rate undefined. */
export type NonPositive = 'baseline' | 'value' | 'target';

/**
 * Measure growth so far (t0 → tv), required (tv → T, none once t ≥ T) and required
 * from the base (t0 → T). `onNonPositive` hears of each zero or negative value that
 * leaves a compound rate undefined.
 */
export function measureRates(x: RateInputs, onNonPositive: (which: NonPositive) => void): Rates {
  return x.method === 'flow' ? flowRates(x) : levelRates(x, onNonPositive);
}

/** Cumulative kind: mean yearly flow so far, needed from now, and needed over the period. */
function flowRates(x: RateInputs): Rates {
  const { t, T, tv, start } = x;
  const achieved = x.current.value;
  const V = x.V.value;
  const n = tv === null ? null : tv - start + 1;
  const soFarC = component('achieved / (tv - start + 1)', { achieved, tv, start },
    achieved === null || n === null || n <= 0 ? null : achieved / n);
  const soFar = known(soFarC.result, achieved === null ? x.current.reason ?? NOT_FINITE : { code: 'period-not-started', start });

  const left = T === null || tv === null ? null : T - tv;
  const passed = T !== null && t >= T;
  const requiredC = component('(V - achieved) / (T - tv)', { V, achieved, T, tv },
    passed || V === null || achieved === null || left === null || left <= 0 ? null : (V - achieved) / left);
  const required = known(requiredC.result, T === null ? { code: 'no-target' }
    : passed ? { code: 'target-year-reached', year: T }
    : V === null ? x.V.reason ?? NOT_FINITE
    : x.current.reason ?? NOT_FINITE);

  const span = T === null ? null : T - start + 1;
  const fromBaseC = component('V / (T - start + 1)', { V, T, start }, V === null || span === null || span <= 0 ? null : V / span);
  const fromBase = known(fromBaseC.result, T === null ? { code: 'no-target' }
    : V === null ? x.V.reason ?? NOT_FINITE : { code: 'pace-undefined' });

  return { soFar, required, fromBase,
    components: { growth_so_far: soFarC, growth_required: requiredC, growth_required_from_base: fromBaseC } };
}

/** Levels: compound growth rates, or points per year for linear kinds. */
function levelRates(x: RateInputs, onNonPositive: (which: NonPositive) => void): Rates {
  const { t, t0, T, tv } = x;
  const v0 = x.v0.value;
  const vt = x.current.value;
  const V = x.V.value;
  const compound = x.method === 'compound';
  const rate = (from: number, to: number, years: number): number =>
    compound ? Math.pow(to / from, 1 / years) - 1 : (to - from) / years;
  // A compound rate is a ratio of values: only defined when both are positive.
  const positive = (pairs: Array<[NonPositive, number]>): Reason | null => {
    const bad = pairs.find(([, v]) => v <= 0);
    if (!compound || bad === undefined) return null;
    onNonPositive(bad[0]);
    return { code: 'non-positive', which: bad[0], value: bad[1] };
  };

  // So far: t0 → tv.
  let soFar: Maybe;
  const span = tv === null ? null : tv - t0;
  if (vt === null) soFar = unknown(x.current.reason ?? NOT_FINITE);
  else if (v0 === null) soFar = unknown(x.v0.reason ?? NOT_FINITE);
  else if (span === null || span <= 0) soFar = unknown({ code: 'single-point', year: t0 });
  else {
    const bad = positive([['baseline', v0], ['value', vt]]);
    soFar = bad !== null ? unknown(bad) : known(rate(v0, vt, span), NOT_FINITE);
  }

  // Required: tv → T, only while the target year lies ahead.
  let required: Maybe;
  const left = T === null || tv === null ? null : T - tv;
  if (T === null) required = unknown({ code: 'no-target' });
  else if (t >= T) required = unknown({ code: 'target-year-reached', year: T });
  else if (V === null) required = unknown(x.V.reason ?? NOT_FINITE);
  else if (vt === null || left === null) required = unknown(x.current.reason ?? NOT_FINITE);
  else if (left <= 0) required = unknown({ code: 'value-at-target-year', year: tv ?? T });
  else {
    const bad = positive([['value', vt], ['target', V]]);
    required = bad !== null ? unknown(bad) : known(rate(vt, V, left), NOT_FINITE);
  }

  // Required from the base year (the Eurostat ratio's denominator).
  let fromBase: Maybe;
  if (T === null) fromBase = unknown({ code: 'no-target' });
  else if (V === null) fromBase = unknown(x.V.reason ?? NOT_FINITE);
  else if (v0 === null) fromBase = unknown(x.v0.reason ?? NOT_FINITE);
  else if (T <= t0) fromBase = unknown({ code: 'pace-undefined' });
  else {
    const bad = positive([['baseline', v0], ['target', V]]);
    fromBase = bad !== null ? unknown(bad) : known(rate(v0, V, T - t0), NOT_FINITE);
  }

  return {
    soFar, required, fromBase,
    components: {
      growth_so_far: component(compound ? '(vt / v0) ^ (1 / (tv - t0)) - 1' : '(vt - v0) / (tv - t0)',
        { vt, v0, tv, t0 }, soFar.value),
      growth_required: component(compound ? '(V / vt) ^ (1 / (T - tv)) - 1' : '(V - vt) / (T - tv)',
        { V, vt, T, tv }, required.value),
      growth_required_from_base: component(compound ? '(V / v0) ^ (1 / (T - t0)) - 1' : '(V - v0) / (T - t0)',
        { V, v0, T, t0 }, fromBase.value),
    },
  };
}

/**
 * Project the value (cumulative: the total) to T at the growth seen so far: compound
 * vt·(1 + g)^(T − tv), linear vt + g·(T − tv), flows achieved + g·(T − tv). When the
 * value used is already from T or later, the projection is that observation.
 */
export function project(x: RateInputs, g: Maybe): { projection: Maybe; method: ProjectionMethod; component: Component } {
  const { T, tv, method } = x;
  const c0 = x.current.value;
  const name = method === 'flow' ? 'achieved' : 'vt';
  if (T === null) {
    return { projection: unknown({ code: 'no-target' }), method, component: component('(none)', {}, null) };
  }
  if (tv !== null && c0 !== null && tv >= T) {
    return { projection: known(c0, NOT_FINITE), method: 'observed', component: component(name, { [name]: c0, tv }, c0) };
  }
  const left = tv === null ? null : T - tv;
  let result: number | null = null;
  if (g.value !== null && c0 !== null && left !== null) {
    result = method === 'compound' ? c0 * Math.pow(1 + g.value, left) : c0 + g.value * left;
  }
  const formula = method === 'compound' ? 'vt * (1 + g) ^ (T - tv)' : `${name} + g * (T - tv)`;
  const c = component(formula, { [name]: c0, g: g.value, T, tv }, result);
  const reason = c0 === null ? x.current.reason ?? NOT_FINITE : g.reason ?? NOT_FINITE;
  return { projection: known(c.result, reason), method, component: c };
}
