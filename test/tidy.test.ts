// tidy() does in one pass what its definition does in five: checked against the definition
// on texts made of the characters that matter (spaces, tabs, line breaks of every kind).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidy } from '../src/render/templates.js';
import { same } from './support/check.js';

// The definition, step by step.
function tidyByDefinition(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+/, '')
      .replace(/\n*$/, '') + '\n'
  );
}

describe('tidy', () => {
  it('equals its definition on any text of spaces, tabs, line breaks and letters', () => {
    const piece = fc.constantFrom('\n', '\r', '\r\n', ' ', '\t', 'a', '中', '\u2028', '\u2029', '\n\n\n', '  \n');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
      same(tidy(text), tidyByDefinition(text));
    }), { numRuns: 20_000 });
  });

  it('keeps a text that is already tidy as it is', () => {
    expect(tidy('a\n\nb\n')).toBe('a\n\nb\n');
    expect(tidy('')).toBe('\n');
    expect(tidy('\n\na  \n\n\n\nb\t\n')).toBe('a\n\nb\n');
  });
});
