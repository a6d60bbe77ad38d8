// Load the bundle in dist/bundle/ (scripts/build.mjs writes it) with V8's code cache.
//
// Node 20 compiles every ES module afresh at every run; for a PDF that was a tenth of the run's
// CPU (the modules' top levels, then each function the first time it is called). So the build
// writes the bundle's chunks as CommonJS (`.cjs`), and after a run of the commands a user runs
// writes beside each chunk what V8 compiled of it (`.cjs.cache`). This loader compiles a
// chunk with that cache, and V8 takes its code instead of compiling again.
//
// A cache V8 cannot use (another Node or V8 version or V8 flags, a damaged file) is refused by
// V8 itself, and the chunk is compiled from its text as it would be without one. V8 knows a
// chunk only by its length and, in a release build, checks no sum of the code it takes, so
// each cache starts with the SHA-256 of the chunk's text and the cache's code together: a
// cache of other text or with damaged code is refused here (3 ms for the chunks of a PDF
// run). The cache changes how fast a run starts, never what it does.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/**
 * V8's settings for a run, set before any chunk is compiled. A code cache is valid only for
 * the settings it was made with, so the build's training run sets them too.
 *
 * A run lasts about a second: V8 11 (Node 20) spends more CPU optimising functions on its
 * background threads than the optimised code gives back (a quarter of validating or writing
 * the PDF of the shipped plan). Let a function run eight times longer before it is
 * optimised: 3,000 indicators are no slower, 10,000 about a tenth slower (the PDF's long
 * run; measure again when the typesetter changes). Later V8s tier up through Maglev first:
 * left as they are.
 */
export function tuneV8() {
  if (process.versions.v8.startsWith('11.')) setFlagsFromString('--interrupt-budget=540672');
}

// A chunk runs as the body of this function, strict as the ES module it was built from. The
// build turns `import.meta.url` and `import.meta.resolve` into the last two parameters. The
// wrapper adds no line, so line numbers in stack traces are the chunk's own.
const HEAD = '(function (exports, require, module, __filename, __dirname, __cixiMetaUrl, __cixiMetaResolve) {"use strict";';
const TAIL = '\n})';

const DIGEST = 32;
const digest = (text, code) => createHash('sha256').update(text).update(code).digest();

/** The chunks of one process, each loaded once, by absolute path. */
export class BundleLoader {
  /** @type {Map<string, { module: { exports: Record<string, unknown> }, script: Script, cache: 'used' | 'refused' | 'none' }>} */
  #chunks = new Map();

  /** Run the chunk at `file` (once) and give its exports. */
  load(file) {
    const known = this.#chunks.get(file);
    if (known !== undefined) return known.module.exports;
    const bytes = readFileSync(file);
    let cache = 'none';
    let cachedData;
    try {
      const saved = readFileSync(`${file}.cache`);
      cache = 'refused';
      const code = saved.subarray(DIGEST);
      if (code.length > 0 && digest(bytes, code).equals(saved.subarray(0, DIGEST))) cachedData = code;
    } catch {
      // No cache (a build that could not train, or a removed file): compiled from the text.
    }
    const script = new Script(HEAD + bytes.toString('utf8') + TAIL, { filename: file, cachedData });
    if (cachedData !== undefined && script.cachedDataRejected !== true) cache = 'used';
    const module = { exports: {} };
    // Registered before it runs, as Node does: a cycle gets the exports made so far.
    this.#chunks.set(file, { module, script, cache });
    const dir = dirname(file);
    const nodeRequire = createRequire(file);
    // The other chunks through this loader; packages and Node's modules through Node.
    const require = (specifier) => (specifier.startsWith('./') && specifier.endsWith('.cjs') ? this.load(resolve(dir, specifier)) : nodeRequire(specifier));
    require.resolve = nodeRequire.resolve;
    const url = pathToFileURL(file).href;
    // import.meta.resolve as the chunk's ES module had it: packages are found from the
    // package's node_modules either way; a relative path from the chunk.
    const metaResolve = (specifier) => (specifier.startsWith('.') ? new URL(specifier, url).href : import.meta.resolve(specifier));
    script.runInThisContext()(module.exports, require, module, file, dir, url, metaResolve);
    return module.exports;
  }

  /** The chunks loaded so far and what became of their caches. */
  caches() {
    return [...this.#chunks].map(([file, { cache }]) => ({ file, cache }));
  }

  /** Write, beside each chunk loaded so far, what V8 has compiled of it (the build's training run). */
  writeCaches() {
    for (const [file, { script }] of this.#chunks) {
      const code = script.createCachedData();
      writeFileSync(`${file}.cache`, Buffer.concat([digest(readFileSync(file), code), code]));
    }
  }
}
