// Plan text with terminal control sequences and bidi controls: every command that
// prints it to a terminal or a CI log shows it visibly, never raw.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { columns, escapePlanText, escapeTerminal, graphemesOf, truncate } from '../src/views/terminal.js';
import { fit } from '../src/views/gaps.js';
import { equal, same } from './support/check.js';
import { BASE_PLAN, planWith, run, tempDir } from './support/cli.js';

// In YAML double quotes: ESC ] 0 ; … BEL retitles the terminal, ESC [ 2 J clears it,
// U+202E reverses what follows, U+2066 opens an isolate, \n breaks the line.
const YAML_HOSTILE = String.raw`"GDP\e]0;PWNED\a\e[2J \u202Eevil\u2066 a\nb"`;
const SHOWN = String.raw`GDP\u{1b}]0;PWNED\u{7}\u{1b}[2J <U+202E>evil<U+2066> a\nb`;
const YAML_MEASURE = String.raw`"GDP\e[5m\u202Erevised"`;
const MEASURE_SHOWN = String.raw`GDP\u{1b}[5m<U+202E>revised`;
// What may reach a terminal besides our own colour codes: printable text and our newlines.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const withoutColours = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

/** The base plan with hostile text in an indicator, a pillar and a milestone name and in a year file. */
function hostilePlan(): string {
  const dir = planWith();
  const plan = join(dir, 'plan.yaml');
  writeFileSync(
    plan,
    readFileSync(plan, 'utf8')
      .replace('name: 地区生产总值', `name: ${YAML_HOSTILE}`)
      .replace('name: 硬核实力', String.raw`name: "硬核\e[2J实力"`)
      .replace('name: 高铁站建成', String.raw`name: "高铁站\e]8;;x\a建成"`),
  );
  const year = join(dir, 'data', '2024.yaml');
  // `measure` differs from the indicator's name: a warning quoting both.
  writeFileSync(year, readFileSync(year, 'utf8').replace(/(  gdp:\n)/, `$1    measure: ${YAML_MEASURE}\n`));
  return dir;
}

describe('escapeTerminal', () => {
  it('shows C0, DEL, C1, bidi controls and line separators visibly and leaves other text alone', () => {
    expect(escapeTerminal('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009bg\th\ri\nj')).toBe(String.raw`a\u{0}b\u{7}c\u{1b}d\u{7f}e\u{85}f\u{9b}g\th\ri\nj`);
    expect(escapeTerminal('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029')).toBe(
      '<U+202A><U+202B><U+202C><U+202D><U+202E><U+2066><U+2067><U+2068><U+2069><U+2028><U+2029>',
    );
    expect(escapeTerminal('地区生产总值 ≥3,200 👨‍👩‍👧 é')).toBe('地区生产总值 ≥3,200 👨‍👩‍👧 é');
  });

  it('escapes every string of plain data and keeps its shape, keys and numbers', () => {
    expect(escapePlanText({ a: ['x\u001by', 1, null, { 'k\u001b': 'v\n' }], b: true })).toEqual({ a: [String.raw`x\u{1b}y`, 1, null, { 'k\u001b': String.raw`v\n` }], b: true });
  });
});

describe('cutting names to a column width', () => {
  it('cuts a 2,000-character name to the column in time linear in the column, not the name', { timeout: 60_000 }, async () => {
    // Cutting one character at a time and measuring the rest took about 3 s per 2,000-character
    // name, so 50 names blow the timeout (the test yields between names so that it can fire).
    const name = '字'.repeat(2_000);
    for (let i = 0; i < 50; i++) {
      expect(fit(name, 30)).toBe(`${'字'.repeat(14)}… `);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(truncate('GDP', 3)).toBe('GDP');
    expect(truncate('GDPs', 3)).toBe('GD…');
  });
});

describe('hostile plan text in terminal output', () => {
  const dir = hostilePlan();

  it.each([
    ['validate', ['validate']],
    ['validate --format github', ['validate', '--format', 'github']],
    ['gaps', ['gaps', '2024']],
    ['diff', ['diff', '2022', '2024']],
    ['report', ['report', '2024', '--format', 'md', '--out', join(dir, 'out')]],
  ])('%s shows it escaped, on a TTY too', { timeout: 60_000 }, async (_name, args) => {
    for (const isTTY of [false, true]) {
      const r = await run([...args, '--plan', dir], { isTTY });
      expect(r.code).toBe(0);
      const printed = withoutColours(r.stdout + r.stderr);
      expect(printed).not.toMatch(RAW_CONTROL);
      expect(printed).not.toContain('\u001b');
    }
  });

  it('validate quotes the hostile measure visibly in its warning and in the annotation', { timeout: 60_000 }, async () => {
    const text = await run(['validate', '--plan', dir, '--lang', 'en']);
    expect(text.stderr).toContain(`is published as ${MEASURE_SHOWN}, not ${SHOWN}: the definition may differ`);
    const github = await run(['validate', '--plan', dir, '--format', 'github', '--lang', 'en']);
    expect(github.stdout).toContain(`title=measure-differs::\`gdp\` 2024 is published as ${MEASURE_SHOWN}, not ${SHOWN}`);
  });

  it('gaps and diff show the names visibly', { timeout: 60_000 }, async () => {
    const gaps = await run(['gaps', '2024', '--plan', dir], { env: { COLUMNS: '200' } });
    expect(gaps.stdout).toContain(String.raw`硬核\u{1b}[2J实力`);
    expect(gaps.stdout).toContain(String.raw`GDP\u{1b}]0;PWNED\u{7}`);
    expect(gaps.stdout).toContain(String.raw`高铁站\u{1b}]8;;x\u{7}建成`);
    const diff = await run(['diff', '2022', '2024', '--plan', dir]);
    expect(diff.stdout).toContain(String.raw`硬核\u{1b}[2J实力`);
    // The table cuts a long name (its id stays): visibly escaped up to the cut.
    expect(diff.stdout).toMatch(/GDP\\u\{1b\}\]0;PWNED\\u\{7\}\\u\{1b\}\[2J[^\n]*… gdp /);
  });
});

describe('what was typed, quoted back in an error', () => {
  it.each([
    ['an unknown command', ['\u001b[31mx']],
    ['a year', ['gaps', '20\u001b[2J24']],
    ['a code to explain', ['explain', '\u001b]0;PWNED\u0007']],
    ['a plan folder', ['validate', '--plan', 'no\u001b[2Jsuch']],
  ])('shows %s visibly, never raw', async (_what, args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('\\u{1b}');
    expect(withoutColours(r.stderr)).not.toMatch(RAW_CONTROL);
  });
});


describe('columns', () => {
  // Characters from the blocks plan text is written in, and from around their edges: marks,
  // joiners, variation selectors, emoji, jamo, controls.
  const sample = [
    ...'aZ09 ~\u00a0é\u00a9\u00ad\u00ae\u02ff\u0301\u2014\u201c\u203c\u2049\u2026\u3000\u3001\u3014\u302a\u3030\u303d\u3042\u3099\u30a2\u4e00\u9fa5\u3400\uff01\uff08\uff9e\uffe5',
    '\u200d', '\ufe0f', '\u1100', '\u1161', '\uac00', '\u2600', '\u231a', '\u0007', '\u001b', '\u{1f600}', '\u{20000}', '\u{1f1e8}\u{1f1f3}',
  ];
  it('measures as string-width does, on any mix of those', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...sample), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        same(columns(text), stringWidth(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('measures as string-width does, on any text at all: any code points, any graphemes, ANSI escapes', () => {
    const ansi = fc.constantFrom('\u001b[31m', '\u001b[0m', '\u009b1m', '\u001b]8;;x\u0007');
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 16 }),
      fc.string({ unit: 'grapheme', maxLength: 16 }),
      fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 3 }), ansi), { maxLength: 8 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        same(columns(t), stringWidth(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('cuts a slice into the graphemes Intl.Segmenter finds in it, on any mix of those', () => {
    const segmenter = new Intl.Segmenter();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...sample), { maxLength: 12 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        const from = a % (text.length + 1);
        const to = from + (b % (text.length - from + 1));
        const expected = [...segmenter.segment(text.slice(from, to))].map((s) => ({ text: s.segment, index: from + s.index }));
        equal(graphemesOf(text, from, to), expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('folder and file names with control characters', () => {
  it('are shown visibly in every line that names them', { timeout: 60_000 }, async () => {
    const parent = tempDir();
    const plan = join(parent, 'plan\u001b[31m');
    cpSync(BASE_PLAN, plan, { recursive: true });
    const out = join(parent, 'out\u001b]0;x\u0007');
    const runs = [
      await run(['validate', '--plan', plan]),
      await run(['validate', '--plan', plan, '--format', 'github']),
      await run(['gaps', '2024', '--plan', plan]),
      await run(['report', '2024', '--plan', plan, '--out', out, '--format', 'md']),
      await run(['sheet', '2024', '--plan', plan, '--out', join(parent, 'fill\u001b[2J.xlsx')]),
      await run(['import', '2024', join(parent, 'fill\u001b[2J.xlsx'), '--plan', plan, '--dry-run']),
    ];
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).toContain('\\u{1b}');
      expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    }
  });
});
