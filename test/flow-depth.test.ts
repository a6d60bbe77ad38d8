// The scan that finds flow collections nested too deep for yaml to read safely
// (src/validate/flow-depth.ts): it counts the brackets that open collections, and no
// bracket in a quoted scalar, a comment or a plain scalar of block context.
import { describe, expect, it } from 'vitest';
import { deepFlow } from '../src/validate/flow-depth.js';

describe('deepFlow', () => {
  it('finds where the nesting reaches the limit, and where its chain starts', () => {
    expect(deepFlow('year: ' + '['.repeat(10), 5)).toEqual({ cut: 10, start: 6 });
    expect(deepFlow(`a: 1\nb: ${'{x: '.repeat(6)}1${'}'.repeat(6)}\n`, 5)).toEqual({ cut: 8 + 4 * 4, start: 8 });
    expect(deepFlow('- ' + '['.repeat(3) + ']'.repeat(3) + '\n- ' + '['.repeat(5), 5)).toEqual({ cut: 15, start: 11 });
  });

  it('stays under the limit when brackets close before it', () => {
    expect(deepFlow(`a: ${'[[[]]]'.repeat(100)}`, 5)).toBeUndefined();
    expect(deepFlow('a: [1, 2]\n'.repeat(1_000), 5)).toBeUndefined();
  });

  it('counts no bracket in quoted scalars, comments or block plain scalars', () => {
    const many = '['.repeat(10);
    expect(deepFlow(`a: "${many}"\nb: '${many}'`, 5)).toBeUndefined();
    expect(deepFlow(`a: "x\\"${many}"\nb: 'it''s ${many}'`, 5)).toBeUndefined();
    expect(deepFlow(`# ${many}\na: 1 # ${many}\n`, 5)).toBeUndefined();
    expect(deepFlow(`a: x${many}\nb: a[1]${many}`, 5)).toBeUndefined();
    expect(deepFlow(`a: [${'"]"'}, ${'\'}\''}, [[[[`, 5)).toEqual({ cut: 17, start: 3 });
  });

  it('with no limit given, stops at FLOW_CUT levels', () => {
    expect(deepFlow('a: ' + '['.repeat(999))).toBeUndefined();
    expect(deepFlow('a: ' + '['.repeat(1_000))).toEqual({ cut: 3 + 999, start: 3 });
  });
});
