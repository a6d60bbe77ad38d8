// jsonPieces writes what JSON.stringify(value, null, 2) + '\n' writes, as UTF-8, for any value:
// a property test against JSON.stringify itself, and the assessment of the shipped plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces, writeJson } from '../src/json-pieces.js';

const jsonBytes = (value: unknown): Buffer => Buffer.concat(jsonPieces(value));
import { run } from './support/cli.js';

const stringify = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

// Values JSON.stringify treats specially: toJSON (with the key it is given), Dates, boxed
// primitives, holes, undefined, functions, symbols, -0, NaN, infinities, lone surrogates.
const special = fc.constantFrom<unknown>(
  undefined,
  null,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1e21,
  5e-324,
  () => 1,
  Symbol('s'),
  new Date(0),
  new Number(3),
  new String('boxed'),
  new Boolean(false),
  { toJSON: (key: string) => `key ${key}` },
  { toJSON: () => undefined },
  { toJSON: () => ({ toJSON: () => 'called twice' }) },
  '\ud800',
  'a\udc00b',
  '引号"\\\n\t\u0000\u2028',
  // eslint-disable-next-line no-sparse-arrays
  [1, , 3],
  [undefined, () => 1],
  {},
  [],
);

const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }),
    special,
    fc.string({ unit: 'binary' }),
    fc.double(),
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe('jsonPieces', () => {
  it('writes what JSON.stringify writes, whatever the value', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonBytes(v).toString('utf8')).toBe(stringify(v));
      }),
      { numRuns: Number(process.env.JSON_RUNS ?? 3000), seed: 20261130 },
    );
  });

  it('writes text longer than one piece, with characters of every width across the joins', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `ind-${i}`, name: `指标${i}😀`, value: i / 7, missing: i % 3 === 0 ? undefined : null }));
    const v = { schema_version: 1, rows, nested: [[rows.slice(0, 5)]] };
    const bytes = jsonBytes(v);
    expect(bytes.length).toBeGreaterThan(1 << 17);
    expect(bytes.equals(Buffer.from(stringify(v), 'utf8'))).toBe(true);
    // The text as --json prints it: in several pieces, none of them cutting a surrogate pair.
    const texts: string[] = [];
    writeJson(v, (t) => texts.push(t));
    expect(texts.length).toBeGreaterThan(2);
    expect(texts.join('')).toBe(stringify(v));
    for (const t of texts) expect(t).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('throws where JSON.stringify throws, and writes undefined as it does', () => {
    expect(() => jsonBytes({ n: 1n })).toThrow(TypeError);
    expect(jsonBytes(undefined).toString()).toBe(`${String(JSON.stringify(undefined, null, 2))}\n`);
  });

  it('writes the assessment of the shipped plan as JSON.stringify does', async () => {
    const r = await run(['gaps', '2024', '--json']);
    expect(r.code).toBe(0);
    const assessment: unknown = JSON.parse(r.stdout);
    expect(jsonBytes(assessment).equals(Buffer.from(stringify(assessment), 'utf8'))).toBe(true);
  });
});
