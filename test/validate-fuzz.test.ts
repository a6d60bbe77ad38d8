// Property test: mutate plan files (delete a line, swap a value's type, duplicate a
// line, truncate, splice garbage) thousands of times. Every run must end in
// diagnostics or success, never in an exception. The in-process campaign mutates the
// county fixture of every target kind (small: a run validates the plan and one year
// file, so 2,000 runs take seconds), its year files also written as JSON; the CLI campaign
// mutates the shipped plan.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validatePlan, type PlanSources } from '../src/validate/index.js';
import { ROOT, run, tempDir } from './support/cli.js';
import { equal, same } from './support/check.js';

/** A plan folder's texts, named as the CLI names them. */
function readSources(dir: string): PlanSources {
  return {
    plan: { file: 'plan/plan.yaml', text: readFileSync(join(dir, 'plan.yaml'), 'utf8') },
    years: readdirSync(join(dir, 'data'))
      .filter((n) => n.endsWith('.yaml'))
      .sort()
      .map((n) => ({ file: `plan/data/${n}`, text: readFileSync(join(dir, 'data', n), 'utf8') })),
  };
}

const planDir = join(ROOT, 'plan');
const shipped = readSources(planDir);
const shippedFiles = [shipped.plan!, ...shipped.years];
const original = readSources(join(ROOT, 'test/fixtures/target-kinds'));
// The first and last year files as programs write them, one JSON value each (json-yaml.ts
// reads those).
const asJson = [original.years[0]!, original.years.at(-1)!].map((y) => ({ ...y, text: `${JSON.stringify(parse(y.text), null, 2)}\n` }));
const files = [original.plan!, ...original.years, ...asJson];

type Mutation =
  | { op: 'delete-line'; line: number }
  | { op: 'duplicate-line'; line: number }
  | { op: 'swap-type'; line: number; replacement: string }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; at: number; junk: string }
  | { op: 'indent'; line: number; by: number };

const replacements = ['null', '"text"', '0', '-1', '1e309', '[]', '{}', '~', 'true', 'No', "'2024'", '!!binary aGk=', '*undefined', '&a x'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap-type' as const), line: fc.nat(), replacement: fc.constantFrom(...replacements) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), junk: fc.string({ unit: 'binary', maxLength: 12 }) }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -3, max: 3 }) }),
);

// Apply one mutation to a text; line and offset numbers wrap around the text's size.
function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const i = 'line' in m ? m.line % lines.length : 0;
  switch (m.op) {
    case 'delete-line':
      lines.splice(i, 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    case 'swap-type': {
      const line = lines[i] ?? '';
      lines[i] = /:\s*\S/.test(line) ? line.replace(/:\s*.*$/, `: ${m.replacement}`) : `${line} ${m.replacement}`;
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'splice': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.junk + text.slice(at);
    }
    case 'indent': {
      const line = lines[i] ?? '';
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
  }
}

describe('validate survives mutated plan files', () => {
  it('the unmutated plans are valid', () => {
    for (const sources of [original, shipped, { plan: original.plan, years: asJson }]) {
      expect(validatePlan(sources).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('ends in success or diagnostics, never an exception', () => {
    fc.assert(
      fc.property(fc.nat(files.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (fileIndex, mutations) => {
        const target = files[fileIndex]!;
        const text = mutations.reduce(mutate, target.text);
        // The plan with the mutated file, and the base year's file beside a mutated plan.
        const input: PlanSources = {
          plan: fileIndex === 0 ? { ...target, text } : original.plan,
          years: fileIndex === 0 ? original.years.slice(0, 1) : [{ ...target, text }],
        };
        const result = validatePlan(input);
        const hasError = result.diagnostics.some((d) => d.severity === 'error');
        // Data is handed on exactly when there is no error.
        same(result.data !== undefined, !hasError);
        // Each diagnostic names one of the files, a line, and says something (checked without an
        // expect() per diagnostic: a mutated file can give hundreds).
        const unplaced = result.diagnostics.filter((d) => !files.some((f) => f.file === d.file) || !(d.line >= 1) || d.message.length === 0);
        equal(unplaced, []);
      }),
      // FUZZ_RUNS and FUZZ_SEED let a developer run longer or other campaigns.
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000), seed: Number(process.env.FUZZ_SEED ?? 20261129) },
    );
  }, 180_000);

  it('the CLI exits 0 or 1 with diagnostics on mutated folders, never an internal error', async () => {
    // One copy of the shipped plan; each run mutates one file of it and then puts it back.
    const dir = tempDir();
    cpSync(planDir, dir, { recursive: true });
    await fc.assert(
      fc.asyncProperty(fc.nat(shippedFiles.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (fileIndex, mutations) => {
        const target = shippedFiles[fileIndex]!;
        const file = join(dir, target.file.replace(/^plan\//, ''));
        writeFileSync(file, mutations.reduce(mutate, target.text));
        const r = await run(['validate', '--plan', dir]).finally(() => writeFileSync(file, target.text));
        expect([0, 1]).toContain(r.code);
        expect(r.stderr).not.toContain('internal error');
        // The plan's language is Chinese; a plan whose language line a mutation broke reads as Chinese too.
        if (r.code === 1) expect(r.stderr).toMatch(/:\d+:\d+ 错误 /);
      }),
      { numRuns: Number(process.env.FUZZ_CLI_RUNS ?? 100), seed: Number(process.env.FUZZ_SEED ?? 20261129) },
    );
  }, 180_000);
});
