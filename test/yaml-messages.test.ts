// What the YAML layer says about texts that are not plain plan data: each problem gets
// its own code and a message that names it, pointing at the place, never a JS error text.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, parseSource } from '../src/validate/yaml-source.js';
import { FIXTURES, ROOT, run, tempDir } from './support/cli.js';

/** Each diagnostic as `line:col severity code`. */
function parsed(text: string) {
  const { source, diagnostics } = parseSource({ file: 'data/2024.yaml', text });
  return { source, diagnostics, at: diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.code}`) };
}

describe('line endings', () => {
  it('says the file has lone-CR (old Mac) line endings instead of calling it empty', async () => {
    const text = '# comment\ryear: 2024\robservations:\r  gdp:\r    missing: no data\r';
    const { at, diagnostics, source } = parsed(text);
    expect(at).toEqual(['1:10 error yaml-line-endings']);
    expect(diagnostics[0]!.message).toBe('lines end with a lone carriage return (CR, old Mac line endings), which are not read as line breaks');
    expect(diagnostics[0]!.hint).toBe('save the file with LF (Unix) or CRLF (Windows) line endings');
    expect(source.broken).toBe(true);

    const dir = tempDir();
    cpSync(join(FIXTURES, 'validate/valid-minimal'), dir, { recursive: true });
    writeFileSync(join(dir, 'data/2024.yaml'), text);
    const r = await run(['validate', '--plan', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const codes = (JSON.parse(r.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code);
    expect(codes).toEqual(['yaml-line-endings']);
  });

  it('finds a lone CR among LF line endings', () => {
    expect(parsed('year: 2024\nobservations: {}\rnote: x\n').at).toEqual(['2:17 error yaml-line-endings']);
  });

  it('reads CRLF (Windows) line endings as usual', () => {
    const { at, source } = parsed('year: 2024\r\nobservations:\r\n  gdp:\r\n    missing: |\r\n      no data\r\n');
    expect(at).toEqual([]);
    expect(source.value).toEqual({ year: 2024, observations: { gdp: { missing: 'no data\n' } } });
  });
});

describe('documents', () => {
  it('says where a second document starts, in both languages, without naming yaml’s API', () => {
    const { at, diagnostics } = parsed('year: 2024\nobservations: {}\n---\nyear: 2025\n');
    expect(at).toEqual(['3:1 error yaml-multiple-documents']);
    expect(diagnostics[0]!.message).toMatch(/^a second YAML document starts here \(after `---`\): a plan file holds one document/);
    expect(diagnostics[0]!.zh!.message).toMatch(/^这里开始了第二个 YAML 文档/);
    expect(JSON.stringify(diagnostics)).not.toContain('parseAllDocuments');
  });
});

describe('aliases', () => {
  it('says an alias names no anchor, pointing at the alias', () => {
    const { at, diagnostics } = parsed('year: 2024\nobservations: *nope\n');
    expect(at).toEqual(['2:15 error yaml-undefined-alias']);
    expect(diagnostics[0]!.message).toBe('alias `*nope` refers to no anchor `&nope` before it');
    expect(diagnostics[0]!).toMatchObject({ endLine: 2, endCol: 20 });
  });

  it('quotes at most 40 characters of a long alias name', () => {
    const { diagnostics } = parsed(`year: *${'n'.repeat(5000)}\n`);
    expect(diagnostics[0]!.message).toBe(`alias \`*${'n'.repeat(40)}…\` refers to no anchor \`&${'n'.repeat(40)}…\` before it`);
  });

  it('says so for an anchor that comes only after the alias', () => {
    expect(parsed('year: 2024\nobservations:\n  a: *x\n  b: &x {missing: m}\n').at).toEqual(['3:6 error yaml-undefined-alias']);
  });

  it('still reads an alias after its anchor, and calls a real alias bomb one', () => {
    expect(parsed('a: &x {b: 1}\nc: *x\n').source.value).toEqual({ a: { b: 1 }, c: { b: 1 } });
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) bomb.push(`${'bcdefghij'[i - 1]}: &${'bcdefghij'[i - 1]} [${Array(9).fill(`*${'abcdefghij'[i - 1]}`).join(', ')}]`);
    expect(parsed(bomb.join('\n') + '\n').at).toEqual(['2:8 error yaml-alias-bomb']);
  });
});

describe('nesting', () => {
  const tooDeep = `nesting is deeper than ${MAX_DEPTH} levels: plan files need a few`;

  it('says deep flow nesting is too deep, with the limit, never a JS error', () => {
    const { at, diagnostics } = parsed('year: ' + '['.repeat(100_000));
    // The brackets are not closed either: that is said at the end of the line.
    expect(at).toContain(`1:${7 + MAX_DEPTH - 1} error yaml-too-deep`);
    expect(diagnostics.find((d) => d.code === 'yaml-too-deep')!.message).toBe(tooDeep);
    expect(diagnostics.map((d) => d.code)).not.toContain('yaml-resource-exhaustion');
    expect(JSON.stringify(diagnostics)).not.toMatch(/call stack|RangeError/i);
  });

  it('says closed deep nesting is too deep at the first level beyond the limit', () => {
    const depth = 5_000;
    const { at, diagnostics } = parsed(`year: 2024\nobservations: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`);
    expect(at).toEqual([`2:${15 + 4 * (MAX_DEPTH - 1)} error yaml-too-deep`]);
    expect(diagnostics[0]!.message).toBe(tooDeep);
  });

  // yaml's composer recurses once per level: at 20,000 levels, once a lone-CR file had run
  // one of yaml's regular expressions, V8 ended the process compiling it (a fatal error,
  // exit 134). The real executable, a fresh process, on both files.
  it('says 100,000 open brackets are too deep after a lone-CR file, in a process of its own (no V8 fatal error)', () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, 'validate/valid-minimal'), dir, { recursive: true });
    writeFileSync(join(dir, 'data/2023.yaml'), 'year: 2023\nobservations: {}\rnote: x\n');
    writeFileSync(join(dir, 'data/2024.yaml'), 'year: ' + '['.repeat(100_000));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/cixi-plan.js'), 'validate', '--plan', dir, '--lang', 'en'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).not.toContain('FATAL');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/data\/2023\.yaml:2:17 error yaml-line-endings /);
    expect(r.stderr).toMatch(new RegExp(`data/2024\\.yaml:1:${7 + MAX_DEPTH - 1} error yaml-too-deep `));
  });

  it('reads a block scalar of a thousand brackets whole (they open no collection)', () => {
    const text = `year: 2024\nnote: |\n${'  [\n'.repeat(1_200)}observations: {}\n`;
    const { at, source } = parsed(text);
    expect(at).toEqual([]);
    expect(source.value).toEqual({ year: 2024, note: '[\n'.repeat(1_200), observations: {} });
  });

  it('is the limit the README states', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`nesting deeper than ${MAX_DEPTH} levels (\`yaml-too-deep\`)`);
  });

  it('says block nesting beyond the limit is too deep, and accepts it up to the limit', () => {
    const block = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';
    expect(parsed(block(MAX_DEPTH)).at).toEqual([]);
    expect(parsed(block(MAX_DEPTH + 1)).at).toEqual([`${MAX_DEPTH + 1}:${MAX_DEPTH + 1} error yaml-too-deep`]);
  });
});

describe('numeric tags restate a number, never make one', () => {
  const value = (text: string) => parsed(`value: ${text}\n`);

  it.each([
    ['!!int 1180', 1180],
    ['!!float 1180', 1180],
    ['!!float 1180.5', 1180.5],
    ['!!int 0x10', 16],
  ])('reads `%s` as the number it already is', (text, number) => {
    const { at, source } = value(text);
    expect(at).toEqual([]);
    expect(source.value).toEqual({ value: number });
  });

  it.each([
    ['!!int "1180"', 'the quoted text "1180"'],
    ["!!float '1180.5'", 'the quoted text "1180.5"'],
    ['!!int 1180.5', '1180.5, which is not a whole number'],
    ['!!float abc', 'abc, which is not a number'],
    ['!!int |\n  1180', 'block text'],
  ])('refuses `%s`', (text, what) => {
    const { at, diagnostics, source } = value(text);
    expect(at).toEqual(['1:8 error yaml-tag-coercion']);
    expect(diagnostics[0]!.message).toBe(`\`${text.split(' ')[0]}\` on ${what}: a tag never turns a value into another type`);
    expect(diagnostics[0]!.hint).toBe('write the number as a plain number, without quotes and without the tag');
    expect(source.broken).toBe(true);
  });

  it('treats !!bool and !!null alike, and keeps !!str (which only makes text)', () => {
    expect(value('!!bool "true"').at).toEqual(['1:8 error yaml-tag-coercion']);
    expect(value('!!null ""').at).toEqual(['1:8 error yaml-tag-coercion']);
    expect(value('!!bool true').source.value).toEqual({ value: true });
    expect(value('!!str 1180').source.value).toEqual({ value: '1180' });
  });

  it('refuses a numeric tag on a list as an unknown tag', () => {
    expect(value('!!int [1]').at).toEqual(['1:8 error yaml-unknown-tag']);
  });
});
