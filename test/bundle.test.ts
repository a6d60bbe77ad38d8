// The bundle bin/cixi-plan.js runs (dist/bundle/, written by `npm run build`) takes its
// templates precompiled and its schemas as ajv's standalone code, where the sources compile
// both when they run. Same program either way: every case here runs from the sources
// (in-process, or the transpiled dist/cli.js in a subprocess for the reports) and in one subprocess
// from the bundle, and must print, exit and write the same.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, run, tempDir, type RunResult } from './support/cli.js';

const BUNDLE = join(ROOT, 'dist/bundle/cli.cjs');
/** The sources transpiled module by module (dist/): templates and schemas compiled at run time. */
const SOURCES = join(ROOT, 'dist/cli.js');
const ENV = { SOURCE_DATE_EPOCH: '1740787200' };

/** What esbuild wrote in dist/bundle/: each chunk's imports and the source modules it holds. */
interface Meta {
  outputs: Record<string, { imports: Array<{ path: string; kind: string; external?: boolean }>; inputs: Record<string, unknown> }>;
}
const META = JSON.parse(readFileSync(join(ROOT, 'dist/bundle/meta.json'), 'utf8')) as Meta;

/** The chunk cli.cjs loads for a command. */
function commandChunk(name: string): string {
  const found = META.outputs['dist/bundle/cli.cjs']!.imports.find((i) => i.kind === 'dynamic-import' && new RegExp(`/${name}-[A-Z0-9]+\\.cjs$`).test(i.path));
  expect(found, name).toBeDefined();
  return found!.path;
}

/** A chunk with the chunks it requires before its first line runs, and theirs. */
function closure(chunk: string, loaded = new Set<string>()): Set<string> {
  if (loaded.has(chunk)) return loaded;
  loaded.add(chunk);
  for (const i of META.outputs[chunk]!.imports) if (i.kind === 'import-statement' && i.external !== true) closure(i.path, loaded);
  return loaded;
}

const inputsOf = (chunks: Set<string>): string[] => [...chunks].flatMap((c) => Object.keys(META.outputs[c]!.inputs));

interface Cache {
  file: string;
  cache: 'used' | 'refused' | 'none';
}

// Run every argv through the main of `entry` in one child process (the files each writes land
// in its --out): the bundle as bin/cixi-plan.js loads it, with the caches of the chunks it loaded.
async function runIn(entry: string, cases: readonly string[][]): Promise<{ results: RunResult[]; caches: Cache[] }> {
  const load = entry.endsWith('.cjs')
    ? `import { BundleLoader, tuneV8 } from ${JSON.stringify(join(ROOT, 'bin/load-bundle.js'))};
       tuneV8();
       const loader = new BundleLoader();
       const { main } = loader.load(${JSON.stringify(entry)});`
    : `import { main } from ${JSON.stringify(entry)};
       const loader = { caches: () => [] };`;
  const script = `
    ${load}
    const results = [];
    for (const argv of ${JSON.stringify(cases)}) {
      let stdout = '', stderr = '';
      const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: ${JSON.stringify(ENV)}, cwd: ${JSON.stringify(ROOT)} });
      results.push({ code, stdout, stderr });
    }
    process.stdout.write(JSON.stringify({ results, caches: loader.caches() }));`;
  const r = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 28 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { results: RunResult[]; caches: Cache[] };
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
    const { results: bundled } = await runIn(BUNDLE, cases);
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
    const [{ results: bundled, caches }, { results: sources }] = await Promise.all([runIn(BUNDLE, withOut(outB)), runIn(SOURCES, withOut(outA))]);
    expect(bundled.map((r) => same(r, outB, outA))).toEqual(sources);
    // Every chunk came from the code cache the build trained, the PDF typesetter's too.
    expect(caches.length).toBeGreaterThan(20);
    expect(caches.filter((c) => c.cache !== 'used')).toEqual([]);
    expect(caches.some((c) => /\/pdf-[A-Z0-9]+\.cjs$/.test(c.file))).toBe(true);
    expect(sources.at(-3)!.stderr).toContain('counts.hbs:2:');
    const written = files(outA);
    expect(Object.keys(written).length).toBeGreaterThan(30);
    expect(files(outB)).toEqual(written);
  }, 300_000);

  it('runs the same without its code caches, or with caches it must refuse', async () => {
    // Copies of the bundle beside it (so that the package's files are found as from
    // dist/bundle/), each with its caches gone or spoiled, in one child process with the bundle
    // itself. The bundle, the copy without caches and the one with a bit flipped (which V8
    // itself would take, and crash on) each write the same report, the bundle alone from its
    // caches; in each other copy, the chunks that report loads take none of theirs.
    const copies = { none: '', swapped: '', flipped: '', truncated: '' };
    const made: string[] = [];
    try {
      for (const name of Object.keys(copies) as Array<keyof typeof copies>) {
        const dir = mkdtempSync(join(ROOT, 'dist', `bundle-${name}-`));
        made.push(dir);
        cpSync(join(ROOT, 'dist/bundle'), dir, { recursive: true });
        copies[name] = dir;
        const caches = readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && e.name.endsWith('.cjs.cache'))
          .map((e) => join(e.parentPath, e.name))
          .sort();
        expect(caches.length).toBeGreaterThan(20);
        const bytes = caches.map((f) => readFileSync(f));
        for (const [i, file] of caches.entries()) {
          const saved = bytes[i]!;
          if (name === 'none') rmSync(file);
          // Another chunk's cache, whole: its digest is of another text.
          else if (name === 'swapped') writeFileSync(file, bytes[(i + 1) % bytes.length]!);
          // One bit of V8's code changed, or its end cut off: V8 would not notice either.
          else if (name === 'flipped') writeFileSync(file, Buffer.concat([saved.subarray(0, -100), Buffer.from([saved.at(-100)! ^ 1]), saved.subarray(-99)]));
          else writeFileSync(file, saved.subarray(0, saved.length >> 1));
        }
      }
      const spoiled = [copies.swapped, copies.truncated];
      const script = `
        import { BundleLoader, tuneV8 } from ${JSON.stringify(join(ROOT, 'bin/load-bundle.js'))};
        import { readFileSync } from 'node:fs';
        import { join } from 'node:path';
        tuneV8();
        const runs = [];
        const reportFrom = ${JSON.stringify([BUNDLE, join(copies.none, 'cli.cjs'), join(copies.flipped, 'cli.cjs')])};
        for (const [i, entry] of reportFrom.entries()) {
          const loader = new BundleLoader();
          const { main } = loader.load(entry);
          const out = join(${JSON.stringify(tempDir())}, String(i));
          let stderr = '';
          const code = await main(['report', '2024', '--plan', 'test/fixtures/base-plan', '--format', 'md,pdf', '--out', out, '--quiet'], { stdout: () => {}, stderr: (t) => (stderr += t), isTTY: false, env: ${JSON.stringify(ENV)}, cwd: ${JSON.stringify(ROOT)} });
          const files = ['report.md', 'report.pdf'].map((f) => readFileSync(join(out, '2024', f)).toString('base64'));
          runs.push({ code, stderr, files, caches: [...new Set(loader.caches().map((c) => c.cache))].sort(), chunks: loader.caches().map((c) => c.file.slice(entry.length - 'cli.cjs'.length)) });
        }
        const loaded = [];
        for (const dir of ${JSON.stringify(spoiled)}) {
          const loader = new BundleLoader();
          for (const chunk of runs[0].chunks) loader.load(join(dir, chunk));
          loaded.push({ chunks: loader.caches().length, caches: [...new Set(loader.caches().map((c) => c.cache))].sort() });
        }
        process.stdout.write(JSON.stringify({ runs, loaded }));`;
      const r = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 28 });
      expect(r.stderr).toBe('');
      const { runs, loaded } = JSON.parse(r.stdout) as { runs: Array<{ code: number; stderr: string; files: string[]; caches: string[]; chunks: string[] }>; loaded: Array<{ chunks: number; caches: string[] }> };
      const [bundle, ...others] = runs;
      expect(bundle!).toMatchObject({ code: 0, stderr: '', caches: ['used'] });
      expect(bundle!.chunks.length).toBeGreaterThan(20);
      expect(others.map((run) => run.caches)).toEqual([['none'], ['refused']]);
      for (const run of others) expect({ ...run, caches: [] }).toEqual({ ...bundle!, caches: [] });
      expect(loaded).toEqual([
        { chunks: bundle!.chunks.length, caches: ['refused'] },
        { chunks: bundle!.chunks.length, caches: ['refused'] },
      ]);
    } finally {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('loads node:child_process only to run git (--rev), not with commander or the plan loader', async () => {
    const script = `
      import { BundleLoader, tuneV8 } from ${JSON.stringify(join(ROOT, 'bin/load-bundle.js'))};
      tuneV8();
      const { main } = new BundleLoader().load(${JSON.stringify(BUNDLE)});
      const loaded = () => process.moduleLoadList.includes('NativeModule child_process');
      const io = { stdout: () => {}, stderr: () => {}, isTTY: false, env: {}, cwd: ${JSON.stringify(ROOT)} };
      const plain = [await main(['report', '2024', '--plan', 'test/fixtures/base-plan', '--format', 'md', '--out', ${JSON.stringify(tempDir())}], io), loaded()];
      const rev = [await main(['diff', '--rev', 'HEAD', '2024', '--plan', 'test/fixtures/base-plan'], io), loaded()];
      process.stdout.write(JSON.stringify({ plain, rev }));`;
    const r = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    // (--rev reads the committed plan, or says why it cannot; either way git was run.)
    expect(JSON.parse(r.stdout)).toMatchObject({ plain: [0, false], rev: [expect.any(Number), true] });
  });

  it('holds the templates precompiled and the schemas as standalone code, without ajv’s compiler', () => {
    const text = Object.keys(META.outputs)
      .filter((f) => f.endsWith('.cjs'))
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    const templates = readdirSync(join(ROOT, 'templates'), { recursive: true }).filter((f) => String(f).endsWith('.hbs'));
    // Each template once per escaping it is rendered with (the Markdown partials serve md and pdf).
    expect((text.match(/^ {2}\["[0-9a-f]{64}", \{ spec: /gm) ?? []).length).toBeGreaterThanOrEqual(templates.length);
    const inputs = Object.values(META.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(inputs.filter((i) => /^node_modules\/ajv\/dist\/(core|compile\/index)\.js$/.test(i))).toEqual([]);
    // yaml is in as its ES module build, without the read of the environment for every token.
    expect(inputs).toContain('node_modules/yaml/browser/dist/parse/parser.js');
    expect(text).not.toMatch(/LOG_TOKENS|LOG_STREAM/);
  });

  it('loads exceljs and pdfkit only for the formats that need them', () => {
    const loaded = closure(commandChunk('report'));
    expect(loaded.size).toBeGreaterThan(3);
    const inputs = inputsOf(loaded);
    expect(inputs.some((i) => i.startsWith('node_modules/handlebars/'))).toBe(true);
    expect(inputs.filter((i) => /^node_modules\/(exceljs|pdfkit)\//.test(i))).toEqual([]);
  });

  it('keeps out of each command what it never runs', () => {
    // validate and explain: no report model, no d3 (they need only the languages' names).
    for (const name of ['validate', 'explain']) {
      const inputs = inputsOf(closure(commandChunk(name)));
      expect(inputs.filter((i) => i === 'src/present/build.ts' || i.startsWith('node_modules/d3-')), name).toEqual([]);
    }
    // Every command: terminal widths without string-width (and its segmenter made at load).
    const validate = inputsOf(closure(commandChunk('validate')));
    expect(validate).toContain('src/views/terminal.ts');
    expect(validate.filter((i) => i.startsWith('node_modules/string-width/'))).toEqual([]);
    // The PDF: pdfkit without linebreak (doc.text is never called), brotli or AES, each loaded on first use.
    const pdf = Object.keys(META.outputs).find((f) => /\/pdf-[A-Z0-9]+\.cjs$/.test(f))!;
    const inputs = inputsOf(closure(pdf));
    expect(inputs.some((i) => i.startsWith('node_modules/pdfkit/'))).toBe(true);
    expect(inputs.filter((i) => /^node_modules\/(linebreak|brotli|@noble\/ciphers)\//.test(i))).toEqual([]);
    const text = readFileSync(join(ROOT, pdf), 'utf8');
    expect(text).toMatch(/\bLazyLineBreaker = class\b/);
    // fontkit's loca read from the bytes, and its shapers' tries made when first asked (its
    // PDFs are the sources' byte for byte: the test above).
    expect(text).toMatch(/^ {2}0: \{ offsets: new \$cixiNumbersToEnd\(uint16\) \},$/m);
    expect(text.match(/^var \$\w+\$var\$trie = \$cixiLazyTrie\(\(\) => new /gm)).toHaveLength(3);
    // restructure names its stream methods when a number type is made, not per number.
    expect(text).toMatch(/^ {4}this\.readFn = `read\$\{this\.fn\}`;$/m);
    expect(text).not.toContain('stream2[`read');
    // unicode-trie inflates with Node's zlib, not tiny-inflate.
    expect(text).toMatch(/^ {4}var \{ inflateRawSync \} = .*\("zlib"\);$/m);
  });
});
