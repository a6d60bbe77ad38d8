// Small numeric helpers shared by the assessment: every result passes through
// `finite` so that NaN, ±Infinity and −0 never reach the JSON output.

import type { Comparator, Direction } from '../model.js';
import type { Reason } from './reasons.js';
import { EQUALITY_TOLERANCE, type Component } from './types.js';

/** Return x when it is a finite number (−0 as 0), else null. */
export function finite(x: number | null | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  return x === 0 ? 0 : x;
}

/** Clamp x to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Whether a and b are equal within EQUALITY_TOLERANCE, relative to the larger magnitude. */
export function nearlyEqual(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= EQUALITY_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** Whether `value comparator target` holds, with equality judged by nearlyEqual. */
export function satisfies(value: number, comparator: Comparator, target: number): boolean {
  const equal = nearlyEqual(value, target);
  switch (comparator) {
    case '>=':
      return equal || value > target;
    case '>':
      return !equal && value > target;
    case '<=':
      return equal || value < target;
    case '<':
      return !equal && value < target;
    case '=':
      return equal;
  }
}

/** +1 when higher is better, −1 when lower is better. */
export function sign(direction: Direction): 1 | -1 {
  return direction === 'higher' ? 1 : -1;
}

/** Build a component, normalising its inputs and result to finite-or-null. */
export function component(
  formula: string,
  inputs: Record<string, number | null>,
  result: number | null,
): Component {
  const clean: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(inputs)) clean[k] = finite(v);
  return { formula, inputs: clean, result: finite(result) };
}

/** The year of a "YYYY[-MM[-DD]]" date, or null when it does not start with four digits. */
export function yearOf(date: string | undefined): number | null {
  if (date === undefined) return null;
  const m = /^(\d{4})/.exec(date);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** A number that may be unknown, with the reason when it is. */
export interface Maybe {
  value: number | null;
  reason: Reason | null;
}

/** A known number, or unknown with `reason` when it is not finite. */
export function known(value: number | null, reason: Reason): Maybe {
  const v = finite(value);
  return v === null ? { value: null, reason } : { value: v, reason: null };
}

/** An unknown number and why. */
export function unknown(reason: Reason): Maybe {
  return { value: null, reason };
}

/** The reason "the result is not a finite number". */
export const NOT_FINITE: Reason = { code: 'not-finite' };
