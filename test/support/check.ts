// Assertions for the inner loops of property tests. An expect() call costs 13–20 µs in
// vitest 4 on the 2-core machine (a chai proxy, a state update, the matcher), more than the
// code under test in most of these loops: over the tens of thousands of runs of a campaign,
// seconds of `npm test`. These compare first, by a test at least as strict as the matcher's,
// and call expect only when that test fails, so a failure is reported by expect itself with
// its message and diff; a pass is a pass of the same matcher.
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';

/** expect(actual, message).toBe(expected): the same Object.is comparison. */
export function same<T>(actual: T, expected: T, message?: string): void {
  if (!Object.is(actual, expected)) expect(actual, message).toBe(expected);
}

/**
 * expect(actual, message).toEqual(expected). Deep strict equality (the same primitives by
 * Object.is, the same keys, prototypes and holes) implies toEqual's looser equality; any
 * other pair, an asymmetric matcher among them, is left to toEqual.
 */
export function equal(actual: unknown, expected: unknown, message?: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, message).toEqual(expected);
}

/** expect(actual, message).toStrictEqual(expected), likewise. */
export function strictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, message).toStrictEqual(expected);
}

/** expect(text, message).toMatch(pattern), for a pattern without the g or y flag. */
export function matches(text: string, pattern: RegExp, message?: string): void {
  if (pattern.global || pattern.sticky) throw new Error(`matches() takes a pattern without g or y: ${pattern}`);
  if (!pattern.test(text)) expect(text, message).toMatch(pattern);
}
