// import parses what people send back: CSV files of any shape. Random sheets (headers among
// the year file's fields and some unknown, cells of numbers, words, quotes, commas, line
// breaks, control characters, ids of the plan and not) always end in exit 0 or 1, never an
// internal error; and whatever import writes, validate accepts: it validates before writing.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, tempDir } from './support/cli.js';

const FIELDS = ['id', 'value', 'growth', 'prices', 'unit', 'scope', 'status', 'published', 'source', 'quote', 'vintage', 'measure', 'missing', 'note', 'name', 'last_value', 'bogus'];
const IDS = ['gdp', 'air', 'firms', 'chains', 'investment', 'rank', 'income', 'nope', ''];

const cell = fc.oneof(
  fc.constantFrom('', '2929.50', '-3.5', '1e308', '0', '88', '约3100', '1,234', '核实数', '初步核算', 'final', 'constant', '全市', '市级', 'stats-2022', 'plan-doc', '2024-03-01', '2024-13-45', '亿元', '%', '=1+1', 'TRUE'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('a,b', 'say "hi"', 'two\nlines', '\u001b[31mred', '\u202eevil', ' padded '),
);

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const sheet = fc
  .record({
    fields: fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 6 }),
    rows: fc.array(fc.tuple(fc.constantFrom(...IDS), fc.array(cell, { minLength: 6, maxLength: 6 })), { maxLength: 5 }),
    bom: fc.boolean(),
    idFirst: fc.boolean(),
  })
  .map(({ fields, rows, bom, idFirst }) => {
    const header = idFirst && !fields.includes('id') ? ['id', ...fields] : fields;
    const lines = [header.map(quote).join(',')];
    for (const [id, cells] of rows) lines.push(header.map((f, i) => quote(f === 'id' ? id : cells[i % cells.length]!)).join(','));
    return (bom ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
  });

// Sheets a careful person fills in: real ids, numbers, the words the drop-downs offer, free text.
const filled = fc
  .record({
    rows: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('gdp', 'air', 'firms', 'income', 'investment'),
        // A filled-in row says every required field: an empty cell removes its field.
        value: fc.double({ min: -1e6, max: 1e7, noNaN: true, noDefaultInfinity: true }).map((n) => String(Math.round(n * 100) / 100)),
        status: fc.constantFrom('核实数', '初步核算', '预计数'),
        source: fc.constantFrom('stats-2022', 'plan-doc'),
        quote: fc.oneof(fc.constant(''), fc.string({ maxLength: 20 }), fc.constantFrom('全市实现地区生产总值2929.50亿元，\n比上年增长5.5%', 'say "hi", then: go')),
        note: fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 10 })),
      }),
      { selector: (r) => r.id, maxLength: 4 },
    ),
  })
  .map(({ rows }) => {
    const header = ['id', 'value', 'status', 'source', 'quote', 'note'];
    const lines = [header.join(','), ...rows.map((r) => header.map((f) => quote(r[f as keyof typeof r])).join(','))];
    return lines.join('\r\n') + '\r\n';
  });

describe('import of random CSV sheets', () => {
  it('exits 0 or 1 with diagnostics, and what it writes validates', async () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, 'base-plan'), join(dir, 'plan'), { recursive: true });
    const yearFile = join(dir, 'plan/data/2024.yaml');
    const original = readFileSync(yearFile, 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.oneof(sheet, filled), fc.boolean(), async (csv, dryRun) => {
        writeFileSync(yearFile, original);
        writeFileSync(join(dir, 'in.csv'), csv);
        const r = await run(['import', '2024', 'in.csv', '--lang', 'en', ...(dryRun ? ['--dry-run'] : [])], { cwd: dir });
        expect([0, 1], r.stderr).toContain(r.code);
        expect(r.stderr).not.toContain('internal error');
        if (r.code === 1) expect(r.stderr).toMatch(/ error [a-z-]+ /);
        const after = readFileSync(yearFile, 'utf8');
        if (dryRun || r.code === 1) {
          expect(after).toBe(original);
        } else {
          const v = await run(['validate', '--plan', 'plan', '--lang', 'en'], { cwd: dir });
          expect(v.code, `${csv}\n${after}\n${v.stderr}`).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
