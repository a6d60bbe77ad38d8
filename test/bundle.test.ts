// The bundle bin/cixi-plan.js runs (dist/bundle/, written by `npm run build`) takes its
// templates precompiled and its schemas as ajv's standalone code, where the sources compile
// both when they run. Same program either way: every case here runs from the sources
// (in-process, or the transpiled dist/cli.js in a subprocess for the reports) and in one subprocess
// from the bundle, and must print, exit and write the same.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, run, tempDir, type RunResult } from './support/cli.js';

const BUNDLE = join(ROOT, 'dist/bundle/cli.js');
/** The sources transpiled module by module (dist/): templates and schemas compiled at run time. */
const SOURCES = join(ROOT, 'dist/cli.js');
const ENV = { SOURCE_DATE_EPOCH: '1740787200' };

// Run every argv through the main of `entry` in one child process (the files each writes land in its --out).
async function runIn(entry: string, cases: readonly string[][]): Promise<RunResult[]> {
  const script = `
    import { main } from ${JSON.stringify(entry)};
    const results = [];
    for (const argv of ${JSON.stringify(cases)}) {
      let stdout = '', stderr = '';
      const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: ${JSON.stringify(ENV)}, cwd: ${JSON.stringify(ROOT)} });
      results.push({ code, stdout, stderr });
    }
    process.stdout.write(JSON.stringify(results));`;
  const r = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 28 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as RunResult[];
}

// Every file under dir, by relative path.
function files(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length + 1)] = readFileSync(join(e.parentPath, e.name));
  }
  return out;
}

// Paths in messages differ only by the output folder of each side.
const same = (r: RunResult, from: string, to: string): RunResult => ({ ...r, stdout: r.stdout.split(from).join(to), stderr: r.stderr.split(from).join(to) });

describe('the bundle', () => {
  it('prints every validation fixture’s diagnostics as the sources do, in text and JSON', async () => {
    const dirs = readdirSync(join(FIXTURES, 'validate')).map((d) => join('test/fixtures/validate', d));
    const cases = dirs.flatMap((d) => [['validate', '--plan', d], ['validate', '--plan', d, '--format', 'json'], ['validate', '--plan', d, '--format', 'github']]);
    const bundled = await runIn(BUNDLE, cases);
    for (const [i, argv] of cases.entries()) expect(bundled[i], argv.join(' ')).toEqual(await run(argv, { env: ENV }));
  }, 300_000);

  it('writes the same reports, byte for byte, with the package’s templates and with a user’s', async () => {
    // A user folder that changes one Markdown partial and breaks one HTML partial's neighbour: mixed
    // precompiled and compiled templates, and a located template error.
    const user = tempDir();
    mkdirSync(join(user, 'partials/md'), { recursive: true });
    writeFileSync(join(user, 'partials/md/milestones.hbs'), `## {{md title}} (user)\n\n{{#each rows}}\n- {{md name}}\n{{/each}}\n`);
    const broken = tempDir();
    mkdirSync(join(broken, 'partials/html'), { recursive: true });
    cpSync(join(ROOT, 'templates/partials/html/badge.hbs'), join(broken, 'partials/html/badge.hbs'));
    writeFileSync(join(broken, 'partials/html/counts.hbs'), '{{#each counts}}\n{{label}\n{{/each}}\n');

    const plans = ['plan', 'test/fixtures/base-plan', 'test/fixtures/national-plan', 'test/fixtures/target-kinds', 'test/fixtures/report-hostile-text'];
    const reports = [
      ...plans.flatMap((p) => ['zh-CN', 'en'].map((lang) => ['report', '2024', '--plan', p, '--lang', lang, '--format', 'md,html'])),
      ['report', '2024', '--plan', 'test/fixtures/base-plan', '--format', 'md,html,pdf'],
      ['report', '2024', '--plan', 'test/fixtures/base-plan', '--templates', user, '--format', 'md,html'],
      ['report', '2024', '--plan', 'test/fixtures/base-plan', '--templates', broken, '--format', 'html'],
      ['gaps', '2024', '--plan', 'test/fixtures/national-plan'],
      ['--version'],
    ];
    const outA = tempDir();
    const outB = tempDir();
    const withOut = (out: string) => reports.map((argv, i) => (argv[0] === 'report' ? [...argv, '--out', join(out, String(i))] : argv));
    // The sources in a process of their own too, not in this worker: a PDF's bytes depend on
    // what the process typeset before (fontkit keeps on each glyph the first code point it
    // was shaped from, which the PDF's ToUnicode map then gives: a no-break space typeset
    // earlier turns the report's spaces into no-break spaces), and this worker has run
    // other test files.
    const [bundled, sources] = await Promise.all([runIn(BUNDLE, withOut(outB)), runIn(SOURCES, withOut(outA))]);
    expect(bundled.map((r) => same(r, outB, outA))).toEqual(sources);
    expect(sources.at(-3)!.stderr).toContain('counts.hbs:2:');
    const written = files(outA);
    expect(Object.keys(written).length).toBeGreaterThan(30);
    expect(files(outB)).toEqual(written);
  }, 300_000);

  it('holds the templates precompiled and the schemas as standalone code, without ajv’s compiler', () => {
    const chunks = readdirSync(join(ROOT, 'dist/bundle/chunks')).filter((f) => f.endsWith('.js'));
    const text = chunks.map((f) => readFileSync(join(ROOT, 'dist/bundle/chunks', f), 'utf8')).join('\n');
    const templates = readdirSync(join(ROOT, 'templates'), { recursive: true }).filter((f) => String(f).endsWith('.hbs'));
    // Each template once per escaping it is rendered with (the Markdown partials serve md and pdf).
    expect((text.match(/^ {2}\["[0-9a-f]{64}", \{ spec: /gm) ?? []).length).toBeGreaterThanOrEqual(templates.length);
    expect(text).not.toMatch(/^\/\/ node_modules\/ajv\/dist\/(core|compile\/index)\.js$/m);
    // yaml is in as its ES module build, without the read of the environment for every token.
    expect(text).toMatch(/^\/\/ node_modules\/yaml\/browser\/dist\/parse\/parser\.js$/m);
    expect(text).not.toMatch(/LOG_TOKENS|LOG_STREAM/);
  });

  it('loads exceljs and pdfkit only for the formats that need them', () => {
    const dir = join(ROOT, 'dist/bundle');
    const cli = readFileSync(join(dir, 'cli.js'), 'utf8');
    const report = /import\("\.\/chunks\/(report-[A-Z0-9]+\.js)"\)/.exec(cli)?.[1];
    expect(report).toBeDefined();
    // The chunks a module imports statically, and theirs: what runs before the first line of the command.
    const loaded = new Set<string>();
    const visit = (file: string): void => {
      if (loaded.has(file)) return;
      loaded.add(file);
      const text = readFileSync(join(dir, 'chunks', file), 'utf8');
      for (const m of text.matchAll(/^import (?:[^'";]*? from )?"\.\/(chunk-[A-Z0-9]+\.js)";?$/gms)) visit(m[1]!);
    };
    visit(report!);
    const text = [...loaded].map((f) => readFileSync(join(dir, 'chunks', f), 'utf8')).join('\n');
    expect(loaded.size).toBeGreaterThan(3);
    expect(text).toMatch(/^\/\/ node_modules\/handlebars\//m);
    expect(text).not.toMatch(/^\/\/ node_modules\/exceljs\//m);
    expect(text).not.toMatch(/^\/\/ node_modules\/pdfkit\//m);
  });

  it('keeps out of each command what it never runs', () => {
    const dir = join(ROOT, 'dist/bundle');
    const cli = readFileSync(join(dir, 'cli.js'), 'utf8');
    // A chunk's text with the chunks it imports statically, and theirs.
    const closure = (entry: string): string => {
      const loaded = new Set<string>();
      const visit = (file: string): void => {
        if (loaded.has(file)) return;
        loaded.add(file);
        for (const m of readFileSync(join(dir, 'chunks', file), 'utf8').matchAll(/^import (?:[^'";]*? from )?"\.\/(chunk-[A-Z0-9]+\.js)";?$/gms)) visit(m[1]!);
      };
      visit(entry);
      return [...loaded].map((f) => readFileSync(join(dir, 'chunks', f), 'utf8')).join('\n');
    };
    const command = (name: string): string => closure(new RegExp(`import\\("\\./chunks/(${name}-[A-Z0-9]+\\.js)"\\)`).exec(cli)![1]!);
    // validate and explain: no report model, no d3 (they need only the languages' names).
    for (const name of ['validate', 'explain']) {
      const text = command(name);
      expect(text, name).not.toMatch(/^\/\/ src\/present\/build\.ts/m);
      expect(text, name).not.toMatch(/^\/\/ node_modules\/d3-/m);
    }
    // Every command: terminal widths without string-width (and its segmenter made at load).
    expect(command('validate')).toMatch(/^\/\/ src\/views\/terminal\.ts/m);
    expect(command('validate')).not.toMatch(/^\/\/ node_modules\/string-width\//m);
    // The PDF: pdfkit without linebreak (doc.text is never called), brotli or AES, each loaded on first use.
    const pdf = readdirSync(join(dir, 'chunks')).find((f) => /^pdf-[A-Z0-9]+\.js$/.test(f))!;
    const text = closure(pdf);
    expect(text).toMatch(/^\/\/ node_modules\/pdfkit\//m);
    expect(text).not.toMatch(/^\/\/ node_modules\/(linebreak|brotli|@noble\/ciphers)\//m);
    expect(text).toMatch(/\bLazyLineBreaker = class\b/);
  });
});

