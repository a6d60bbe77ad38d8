// What a build of dist/ is made from, and whether dist/ was built from it (scripts/build.mjs).
//
// dist/build-inputs.sha256, written last by a build, is the digest of:
// - every file the build reads that is not in a package: the folders and files below;
// - the installed packages (node_modules/.package-lock.json: each package's version and
//   integrity, rewritten by every `npm install` and `npm ci`);
// - the Node.js, platform and options the V8 code caches are made for.
// A build whose digest is that of dist/ does nothing. test/build-inputs.test.ts holds every
// file the bundle is made of to this list.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders the build reads every file of: the sources, templates, entry, build scripts and the training plan. */
export const INPUT_FOLDERS = ['src', 'templates', 'bin', 'scripts', 'test/fixtures/national-plan'];

/**
 * Single files the build reads: the package's manifest and lock, the packages installed, and
 * tsconfig.json, which esbuild reads for how to compile TypeScript (class fields follow its
 * target).
 */
export const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'node_modules/.package-lock.json'];

/** The runtime a build's code caches are made for (a cache is valid only for it). */
export function currentRuntime() {
  return [process.version, process.arch, process.platform, process.execArgv, process.env.NODE_OPTIONS ?? ''];
}

/** The input files, relative to `root` with '/' between names, sorted. */
export function inputFiles(root) {
  const inFolders = INPUT_FOLDERS.flatMap((dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
      : [],
  );
  return [...inFolders.sort(), ...INPUT_FILES];
}

/** SHA-256 over the runtime and each input file by its path and bytes (a missing file counts as missing). */
export function inputsDigest(root, runtime = currentRuntime()) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(runtime));
  for (const file of inputFiles(root)) {
    const bytes = existsSync(join(root, file)) ? readFileSync(join(root, file)) : null;
    hash.update(`${file}\0${bytes === null ? -1 : bytes.length}\0`);
    if (bytes !== null) hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Where a build writes the digest of its inputs, last. */
export const stampFile = (root) => join(root, 'dist', 'build-inputs.sha256');

/** dist/ under `root` was built from inputs with this digest, and every chunk the bundle runs and its code cache are there. */
export function builtFrom(root, expected) {
  try {
    if (readFileSync(stampFile(root), 'utf8').trim() !== expected) return false;
    const { outputs } = JSON.parse(readFileSync(join(root, 'dist/bundle/meta.json'), 'utf8'));
    const chunks = Object.keys(outputs).filter((f) => f.endsWith('.cjs'));
    return chunks.length > 0 && chunks.every((f) => existsSync(join(root, f)) && existsSync(join(root, `${f}.cache`)));
  } catch {
    return false;
  }
}
