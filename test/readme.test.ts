// The README documents what the code does; these checks keep the two in step.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASSESS_CODES } from '../src/assess/types.js';
import { RULES } from '../src/validate/rules.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists every diagnostic code of the rules and the assessment', () => {
    for (const { code } of [...RULES, ...ASSESS_CODES]) expect(readme).toContain(`| \`${code}\` |`);
  });
});
