// The build does nothing when dist/ was built from the same inputs (scripts/build-inputs.mjs):
// a stale dist/ taken for up to date would run old code under new sources. So the digest must
// cover every file the bundle is made of, change with any input's bytes, name or presence and
// with the runtime, and ignore what the build does not read; and dist/ counts as built only
// with every chunk and code cache its bundle runs.
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtFrom, currentRuntime, INPUT_FOLDERS, inputFiles, inputsDigest, stampFile } from '../scripts/build-inputs.mjs';
import { ROOT, tempDir } from './support/cli.js';

describe('the digest of the build inputs', () => {
  it('covers every file of the package the bundle is made of, and the templates it precompiles', () => {
    const inputs = new Set(inputFiles(ROOT));
    const { sources } = JSON.parse(readFileSync(join(ROOT, 'dist/bundle/meta.json'), 'utf8')) as { sources: string[] };
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.filter((file) => !inputs.has(file))).toEqual([]);
    const templates = readdirSync(join(ROOT, 'templates'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(ROOT.length + 1));
    expect(templates.length).toBeGreaterThan(10);
    expect(templates.filter((file) => !inputs.has(file))).toEqual([]);
    for (const file of ['tsconfig.json', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json']) expect(inputs.has(file)).toBe(true);
  });

  it('is the digest dist/ was last built from (npm test builds first)', () => {
    // The build runs as `node scripts/build.mjs`, without this worker's V8 options.
    const build = [process.version, process.arch, process.platform, [], process.env.NODE_OPTIONS ?? ''];
    const stale = 'dist/ was not built from these inputs: run `npm run build` (npm test does) with the same NODE_OPTIONS';
    expect(readFileSync(stampFile(ROOT), 'utf8').trim(), stale).toBe(inputsDigest(ROOT, build));
  });

  describe('of a copy of the inputs', () => {
    let root: string;
    let original: string;
    beforeAll(() => {
      root = tempDir('cixi-plan-build-inputs-');
      for (const file of inputFiles(ROOT)) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        cpSync(join(ROOT, file), join(root, file));
      }
      original = inputsDigest(root);
    });

    it('is the checkout’s, and does not depend on where the checkout is', () => {
      expect(original).toBe(inputsDigest(ROOT));
    });

    it.each(['src/cli.ts', 'templates/report.md.hbs', 'bin/load-bundle.js', 'scripts/build.mjs', 'tsconfig.json', 'package-lock.json', 'node_modules/.package-lock.json'])(
      'changes when one byte of %s changes, and comes back with it',
      (file) => {
        const path = join(root, file);
        const bytes = readFileSync(path);
        const changed = Buffer.from(bytes);
        const at = changed.length >> 1;
        changed[at] = changed[at]! ^ 1;
        writeFileSync(path, changed);
        expect(inputsDigest(root)).not.toBe(original);
        writeFileSync(path, bytes);
        expect(inputsDigest(root)).toBe(original);
      },
    );

    it('changes when a source is added, removed or renamed', () => {
      writeFileSync(join(root, 'src/added.ts'), '');
      expect(inputsDigest(root)).not.toBe(original);
      rmSync(join(root, 'src/added.ts'));
      expect(inputsDigest(root)).toBe(original);

      const national = join(root, 'test/fixtures/national-plan');
      const year = readdirSync(join(national, 'data'))[0]!;
      renameSync(join(national, 'data', year), join(national, 'data', `0${year}`));
      expect(inputsDigest(root)).not.toBe(original);
      renameSync(join(national, 'data', `0${year}`), join(national, 'data', year));

      const lock = readFileSync(join(root, 'node_modules/.package-lock.json'));
      rmSync(join(root, 'node_modules/.package-lock.json'));
      expect(inputsDigest(root)).not.toBe(original);
      writeFileSync(join(root, 'node_modules/.package-lock.json'), lock);
      expect(inputsDigest(root)).toBe(original);
    });

    it('changes with the Node.js and options the code caches are made for', () => {
      const runtime = currentRuntime();
      expect(inputsDigest(root, runtime)).toBe(original);
      expect(inputsDigest(root, ['v99.0.0', ...runtime.slice(1)])).not.toBe(original);
      expect(inputsDigest(root, [...runtime.slice(0, 3), ['--jitless'], runtime[4]])).not.toBe(original);
    });

    it('ignores what the build does not read', () => {
      for (const file of ['README.md', 'test/other.test.ts', 'plan/plan.yaml', 'node_modules/yaml/index.js', 'out/2024/report.md']) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), 'changed');
      }
      expect(inputsDigest(root)).toBe(original);
      expect(INPUT_FOLDERS).not.toContain('plan');
    });
  });
});

describe('dist/ counts as built from a digest', () => {
  const chunks = ['dist/bundle/cli.cjs', 'dist/bundle/chunks/pdf-ABCD.cjs'];
  /** A dist/ as a build leaves it: meta.json, the chunks, their caches, and the stamp. */
  function built(): string {
    const root = tempDir('cixi-plan-built-');
    mkdirSync(join(root, 'dist/bundle/chunks'), { recursive: true });
    const outputs = Object.fromEntries([...chunks, 'dist/bundle/chunks/pdf-ABCD.cjs.LEGAL.txt'].map((f) => [f, {}]));
    writeFileSync(join(root, 'dist/bundle/meta.json'), JSON.stringify({ sources: [], outputs }));
    for (const chunk of chunks) {
      writeFileSync(join(root, chunk), '');
      writeFileSync(join(root, `${chunk}.cache`), '');
    }
    writeFileSync(stampFile(root), 'abc\n');
    return root;
  }

  it('when its stamp is that digest and every chunk and its cache are there', () => {
    const root = built();
    expect(builtFrom(root, 'abc')).toBe(true);
    expect(builtFrom(root, 'abd')).toBe(false);
  });

  it.each([
    ['no stamp (a build that failed or was stopped)', (root: string) => rmSync(stampFile(root))],
    ['a chunk missing', (root: string) => rmSync(join(root, chunks[1]!))],
    ['a code cache missing', (root: string) => rmSync(join(root, `${chunks[0]!}.cache`))],
    ['no meta.json', (root: string) => rmSync(join(root, 'dist/bundle/meta.json'))],
    ['a damaged meta.json', (root: string) => writeFileSync(join(root, 'dist/bundle/meta.json'), '{"outputs":')],
    ['a meta.json listing no chunk', (root: string) => writeFileSync(join(root, 'dist/bundle/meta.json'), '{"outputs":{}}')],
  ])('not with %s', (_, spoil) => {
    const root = built();
    spoil(root);
    expect(builtFrom(root, 'abc')).toBe(false);
  });
});
