// bin/load-bundle.js on chunks made here: what a chunk of the bundle is given in place of
// its ES module's import.meta and imports, and how chunks that require each other load.
// (test/bundle.test.ts runs the real bundle through it, and its caches.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';

interface Loader {
  load(file: string): Record<string, unknown>;
  caches(): Array<{ file: string; cache: string }>;
  writeCaches(): void;
}
const { BundleLoader } = (await import(pathToFileURL(join(ROOT, 'bin/load-bundle.js')).href)) as { BundleLoader: new () => Loader };

// Inside the package, as dist/bundle/ is: packages resolve from its node_modules.
const dir = mkdtempSync(join(ROOT, 'dist', 'load-bundle-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const chunk = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('BundleLoader', () => {
  it('gives a chunk its URL, the package resolution of import.meta.resolve, Node’s modules and strict mode', () => {
    const file = chunk(
      'meta.cjs',
      [
        'exports.url = __cixiMetaUrl;',
        "exports.pdfkit = __cixiMetaResolve('pdfkit');",
        "exports.beside = __cixiMetaResolve('./data.icc');",
        "exports.fs = typeof require('node:fs').readFileSync;",
        "exports.resolved = require.resolve('fontkit');",
        'exports.dir = __dirname;',
        'exports.strict = (function () { return this === undefined; })();',
      ].join('\n'),
    );
    const m = new BundleLoader().load(file);
    expect(m.url).toBe(pathToFileURL(file).href);
    // What the chunk's ES module got: the package's import entry, found from the package.
    expect(m.pdfkit).toBe(import.meta.resolve('pdfkit'));
    expect(m.beside).toBe(pathToFileURL(join(dir, 'data.icc')).href);
    expect(m.fs).toBe('function');
    expect(m.resolved).toBe(createRequire(file).resolve('fontkit'));
    expect(m.dir).toBe(dir);
    expect(m.strict).toBe(true);
  });

  it('loads each chunk once, through require of its .cjs name, and a cycle gets the exports made so far', () => {
    const a = chunk('a.cjs', "exports.early = 'a';\nexports.b = require('./b.cjs');\nexports.late = 'a, later';\nexports.count = (exports.count ?? 0) + 1;");
    chunk('b.cjs', "const a = require('./a.cjs');\nexports.sawEarly = a.early;\nexports.sawLate = a.late;\nexports.a = a;");
    const loader = new BundleLoader();
    const m = loader.load(a);
    const b = m.b as Record<string, unknown>;
    expect(b.sawEarly).toBe('a');
    expect(b.sawLate).toBeUndefined();
    expect(b.a).toBe(m);
    expect(loader.load(a)).toBe(m);
    expect(m.count).toBe(1);
    expect(loader.caches().map((c) => [c.file.slice(dir.length + 1), c.cache])).toEqual([
      ['a.cjs', 'none'],
      ['b.cjs', 'none'],
    ]);
  });

  it('uses a cache it wrote, and refuses it once the chunk’s text changes', () => {
    const file = chunk('cached.cjs', 'exports.f = (n) => n * 2;\nexports.v = exports.f(21);');
    const trainer = new BundleLoader();
    expect(trainer.load(file).v).toBe(42);
    trainer.writeCaches();
    const again = new BundleLoader();
    expect(again.load(file).v).toBe(42);
    expect(again.caches()[0]!.cache).toBe('used');
    // The same length, other text: V8 alone would take the cache and run the old code.
    writeFileSync(file, 'exports.f = (n) => n * 3;\nexports.v = exports.f(21);');
    const edited = new BundleLoader();
    expect(edited.load(file).v).toBe(63);
    expect(edited.caches()[0]!.cache).toBe('refused');
  });
});
