// The growth of an indicator over a span of years as one index, for targets stated as
// average annual growth (年均增长) or as a change over the period (〔13.5〕): a published
// change for the whole span, else the yearly published changes compounded, else (when
// allowed) the ratio of two levels. Yearly changes compound, 1 − Π(1 − rᵢ), never a sum.

import type { Indicator, Prices } from '../model.js';
import { figureIn, observationOf, type Context } from './figures.js';
import type { Reason } from './reasons.js';
import type { Component } from './types.js';
import { component } from './numbers.js';

/** The index of the span from the year before `from` to `tv` (1.25 = +25%), and what it rests on. */
export interface SpanIndex {
  /** Index value; null when unknown. */
  index: number | null;
  /** The last year of the span; null when unknown. */
  tv: number | null;
  /** Years whose figures the index uses. */
  years: number[];
  source: 'levels' | 'published-growth' | 'published-cumulative' | null;
  reason: Reason | null;
  component: Component;
}

/** The yearly change of `ind` in `year`, a fraction, usable at `prices` (null: any); null when none. */
export function yearlyChange(ctx: Context, ind: Indicator, year: number, prices: Prices | null): number | null {
  const obs = observationOf(ctx, ind.id, year);
  if (obs === undefined || obs.missing !== undefined) return null;
  if (typeof obs.growth === 'number') {
    if (prices !== null && obs.prices !== prices) return null;
    return obs.growth / 100;
  }
  // An indicator that is itself a growth rate publishes the rate as its value.
  if (ind.kind === 'rate' && typeof obs.value === 'number' && obs.unit === ind.unit && obs.scope === ind.scope) {
    if (prices !== null && obs.prices !== undefined && obs.prices !== prices) return null;
    return obs.value / 100;
  }
  return null;
}

/** A published change over `from`..`year` (percent → fraction), or null. */
function publishedSpan(ctx: Context, ind: Indicator, from: number, year: number, prices: Prices | null): number | null {
  const obs = observationOf(ctx, ind.id, year);
  if (obs === undefined || obs.missing !== undefined || obs.cumulative === undefined) return null;
  if (obs.cumulative.from !== from) return null;
  if (prices !== null && obs.prices !== undefined && obs.prices !== prices) return null;
  return obs.cumulative.change / 100;
}

/**
 * Find the longest span `from`..tv (tv ≤ `to`) the data measures, preferring a published
 * change for the span (the latest one, continued by the yearly changes after it), then the
 * yearly changes compounded from `from`, then (when `levels`) two levels.
 */
export function spanIndex(ctx: Context, ind: Indicator, from: number, to: number, prices: Prices | null, levels: boolean): SpanIndex {
  for (let tv = to; tv >= from; tv--) {
    // The latest published change of the span up to tv, then each later year's change.
    for (let y = tv; y >= from; y--) {
      const published = publishedSpan(ctx, ind, from, y, prices);
      if (published === null) continue;
      const inputs: Record<string, number | null> = { [`cumulative ${from}..${y}`]: published };
      let index = 1 + published;
      for (let k = y + 1; k <= tv && index !== null; k++) {
        const r = yearlyChange(ctx, ind, k, prices);
        inputs[String(k)] = r;
        index = r === null ? NaN : index * (1 + r);
      }
      if (Number.isNaN(index)) break;
      const years = [y];
      for (let k = y + 1; k <= tv; k++) years.push(k);
      return { index, tv, years, source: 'published-cumulative', reason: null,
        component: component('(1 + published change from..y) × product of (1 + r_k), y < k ≤ tv', inputs, index) };
    }
    const yearly: Record<string, number | null> = {};
    let product = 1;
    let complete = true;
    for (let y = from; y <= tv; y++) {
      const r = yearlyChange(ctx, ind, y, prices);
      yearly[String(y)] = r;
      if (r === null) complete = false;
      else product *= 1 + r;
    }
    if (complete) {
      return { index: product, tv, years: Object.keys(yearly).map(Number), source: 'published-growth', reason: null,
        component: component('product of (1 + r_y), from..tv', yearly, product) };
    }
    if (levels) {
      const a = figureIn(ctx, ind, from - 1);
      const b = figureIn(ctx, ind, tv);
      if (a !== null && b !== null && a.value > 0 && b.value > 0) {
        return { index: b.value / a.value, tv, years: [from - 1, tv], source: 'levels', reason: null,
          component: component('v_tv / v_(from-1)', { v0: a.value, vt: b.value, tv }, b.value / a.value) };
      }
    }
  }
  const lacking: number[] = [];
  for (let y = from; y <= to; y++) if (yearlyChange(ctx, ind, y, prices) === null) lacking.push(y);
  return { index: null, tv: null, years: [], source: null,
    reason: prices !== null || !levels ? { code: 'growth-figures-missing', years: lacking, prices } : { code: 'change-figures-missing', years: lacking },
    component: component('(no span measured)', { from, to }, null) };
}
