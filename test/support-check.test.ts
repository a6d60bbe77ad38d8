// The cheap assertions of support/check.ts fail exactly where the matchers they stand for fail,
// with expect's own error, and pass where those pass.
import { describe, expect, it } from 'vitest';
import { equal, matches, same, strictEqual } from './support/check.js';

describe('support/check', () => {
  it('same is toBe: Object.is', () => {
    same(1, 1);
    same(Number.NaN, Number.NaN);
    expect(() => same(0, -0)).toThrow(/expected \+0 to be -0/);
    expect(() => same('a', 'b', 'what')).toThrow(/what: expected 'a' to be 'b'/);
  });

  it('equal is toEqual: a pass where deep strict equality fails but toEqual holds, a failure otherwise', () => {
    equal({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] });
    // toEqual ignores undefined properties and prototypes; deep strict equality does not.
    equal({ a: 1, b: undefined }, { a: 1 });
    equal(Object.create(null, { a: { value: 1, enumerable: true } }), { a: 1 });
    equal({ n: 3 }, { n: expect.any(Number) });
    expect(() => equal({ a: [1, 2] }, { a: [1, 3] }, 'where')).toThrow(/where: expected .* to deeply equal/);
    expect(() => equal(-0, 0)).toThrow();
  });

  it('strictEqual is toStrictEqual', () => {
    strictEqual({ a: [1, null] }, { a: [1, null] });
    expect(() => strictEqual({ a: 1, b: undefined }, { a: 1 })).toThrow(/strictly equal/);
    expect(() => strictEqual([1, 2], [1, 2, 3])).toThrow();
  });

  it('matches is toMatch, for patterns without g or y', () => {
    matches('1e+21', /e/);
    expect(() => matches('123', /e/, 'exponent')).toThrow(/exponent: expected '123' to match/);
    expect(() => matches('e', /e/g)).toThrow(/without g or y/);
  });
});
