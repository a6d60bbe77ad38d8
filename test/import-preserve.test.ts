// `import` edits a year file in place and promises that every line it does not touch stays
// as it was: the file's line endings (CRLF stays CRLF, each line of a file that mixes them
// keeps its own), a leading byte-order mark, and a symbolic link (the file it points to is
// written, the link stays a link; a link out of the plan folder is refused).
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { FIXTURES, run, tempDir } from './support/cli.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The base plan copied to `<tmp>/plan`, with a CSV that sets gdp's value to 3000 beside it. */
function setUp(csv = 'id,value\ngdp,3000\n'): { dir: string; year: string } {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'base-plan'), join(dir, 'plan'), { recursive: true });
  writeFileSync(join(dir, 'in.csv'), csv);
  return { dir, year: join(dir, 'plan/data/2024.yaml') };
}

const lf = () => readFileSync(join(FIXTURES, 'base-plan/data/2024.yaml'), 'utf8');
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

describe('import keeps the form of the year file', () => {
  it('keeps CRLF line endings: only the edited line differs', async () => {
    const { dir, year } = setUp();
    const before = crlf(lf());
    writeFileSync(year, before);
    const r = await run(['import', '2024', 'in.csv', '--lang', 'en'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = before.replace('    value: 2929\r\n', '    value: 3000\r\n');
    expect(expected).not.toBe(before);
    expect(readFileSync(year)).toEqual(Buffer.from(expected, 'utf8'));
  });

  it('ends the lines it inserts with CRLF in a CRLF file', async () => {
    const { dir, year } = setUp('id,value,published\ngdp,3000,2025-03-01\n');
    const before = crlf(lf());
    writeFileSync(year, before);
    const r = await run(['import', '2024', 'in.csv', '--lang', 'en'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = before
      .replace('    value: 2929\r\n', '    value: 3000\r\n')
      .replace('    status: final\r\n    source: stats-2022\r\n  air:', '    status: final\r\n    published: "2025-03-01"\r\n    source: stats-2022\r\n  air:');
    expect(readFileSync(year)).toEqual(Buffer.from(expected, 'utf8'));
  });

  it('keeps each untouched line’s own ending in a file that mixes them; a rewritten line takes the most common one', async () => {
    const { dir, year } = setUp();
    // CRLF everywhere but on the year line, gdp's value line and the last line.
    const lines = lf().split('\n').slice(0, -1);
    const ending = (l: string, i: number) => (i === 1 || l === '    value: 2929' || i === lines.length - 1 ? '\n' : '\r\n');
    const before = lines.map((l, i) => l + ending(l, i)).join('');
    expect(before).toContain('year: 2024\nobservations:\r\n');
    writeFileSync(year, before);
    const r = await run(['import', '2024', 'in.csv', '--lang', 'en'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = before.replace('    value: 2929\n', '    value: 3000\r\n');
    expect(readFileSync(year)).toEqual(Buffer.from(expected, 'utf8'));
  });

  it('keeps a leading byte-order mark', async () => {
    const { dir, year } = setUp();
    writeFileSync(year, Buffer.concat([BOM, Buffer.from(lf(), 'utf8')]));
    const r = await run(['import', '2024', 'in.csv', '--lang', 'en'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = lf().replace('    value: 2929\n', '    value: 3000\n');
    expect(readFileSync(year)).toEqual(Buffer.concat([BOM, Buffer.from(expected, 'utf8')]));
  });

  it('keeps a byte-order mark and CRLF together', async () => {
    const { dir, year } = setUp();
    const before = crlf(lf());
    writeFileSync(year, Buffer.concat([BOM, Buffer.from(before, 'utf8')]));
    const r = await run(['import', '2024', 'in.csv', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    const expected = before.replace('    value: 2929\r\n', '    value: 3000\r\n');
    expect(readFileSync(year)).toEqual(Buffer.concat([BOM, Buffer.from(expected, 'utf8')]));
  });

  it('--dry-run on a CRLF file shows only the line that changes', async () => {
    const { dir, year } = setUp();
    const before = Buffer.from(crlf(lf()), 'utf8');
    writeFileSync(year, before);
    const r = await run(['import', '2024', 'in.csv', '--dry-run', '--lang', 'en'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const changed = r.stdout.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l));
    expect(changed).toEqual(['-    value: 2929', '+    value: 3000']);
    expect(readFileSync(year)).toEqual(before);
  });
});

describe('import into a year file that is a symbolic link', () => {
  it('writes the file a link inside the plan folder points to, and the link stays a link', async () => {
    const { dir, year } = setUp();
    mkdirSync(join(dir, 'plan/archive'));
    const real = join(dir, 'plan/archive/2024.yaml');
    renameSync(year, real);
    symlinkSync('../archive/2024.yaml', year);
    const r = await run(['import', '2024', 'in.csv', '--lang', 'en'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('plan/data/2024.yaml');
    expect(lstatSync(year).isSymbolicLink()).toBe(true);
    expect(readlinkSync(year)).toBe('../archive/2024.yaml');
    expect(readFileSync(real, 'utf8')).toBe(lf().replace('    value: 2929\n', '    value: 3000\n'));
  });

  it('refuses a link to a file outside the plan folder, and writes nothing', async () => {
    const { dir, year } = setUp();
    mkdirSync(join(dir, 'elsewhere'));
    const outside = join(dir, 'elsewhere/2024.yaml');
    renameSync(year, outside);
    symlinkSync(outside, year);
    const r = await run(['import', '2024', 'in.csv', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('outside the plan folder');
    expect(lstatSync(year).isSymbolicLink()).toBe(true);
    expect(readFileSync(outside, 'utf8')).toBe(lf());
  });

  it('refuses a link that comes to point outside the plan folder after the plan was read, and writes nothing', async () => {
    // A unit other than the indicator's is a warning: printed after the plan is read and
    // before anything is written. That is when the link is turned to point outside.
    const { dir, year } = setUp('id,value,unit\ngdp,3000,万元\n');
    mkdirSync(join(dir, 'elsewhere'));
    const outside = join(dir, 'elsewhere/2024.yaml');
    writeFileSync(outside, lf());
    mkdirSync(join(dir, 'plan/archive'));
    const real = join(dir, 'plan/archive/2024.yaml');
    renameSync(year, real);
    symlinkSync(real, year);
    let stdout = '';
    let stderr = '';
    let swapped = false;
    const code = await main(['import', '2024', 'in.csv', '--lang', 'en'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => {
        stderr += t;
        if (!swapped) {
          rmSync(year);
          symlinkSync(outside, year);
          swapped = true;
        }
      },
      isTTY: false,
      env: {},
      cwd: dir,
    });
    expect(swapped).toBe(true);
    expect(stdout).toBe('');
    expect(stderr).toContain('outside the plan folder');
    expect(code).toBe(2);
    expect(lstatSync(year).isSymbolicLink()).toBe(true);
    expect(readlinkSync(year)).toBe(outside);
    expect(readFileSync(outside, 'utf8')).toBe(lf());
    expect(readFileSync(real, 'utf8')).toBe(lf());
    expect(existsSync(join(dir, 'elsewhere/.cixi-plan.lock'))).toBe(false);
  });
});
