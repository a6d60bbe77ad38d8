// How `npm test` runs the test files (`vitest run --config test/vitest.config.ts`): as many
// files at a time as there are cores, each worker process reused from file to file.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import TypecheckFirst from './sequencer.js';

export default defineConfig({
  resolve: {
    // yaml as the bundle takes it (scripts/build.mjs): its ES module build, the same code as
    // its Node build without the read of process.env.LOG_TOKENS at every token, which made
    // parsing a third slower (the fuzz and reader tests parse thousands of files). Only where
    // it warns differs: the bundle patches that to process.emitWarning, and here it is
    // console.warn.
    alias: [{ find: /^yaml$/, replacement: fileURLToPath(new URL('../node_modules/yaml/browser/index.js', import.meta.url)) }],
  },
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    dir: 'test',
    // vitest's default leaves a core to itself, which on a 2-core machine is one file at a
    // time; its own process does little, and the files wait on child processes and the disk.
    maxWorkers: '100%',
    // A worker keeps the modules it loaded (the sources, pdf.js, the parsed fonts) for its
    // next file instead of loading them again for every file. No file may leave state behind
    // that another sees: each cleans up its temporary folders (support/setup.ts) and restores
    // what it stubs. What the PDF typesetter's shared fonts keep of earlier documents is the
    // one known exception (see bundle.test.ts and pdf-plain-shaping.test.ts).
    isolate: false,
    // The test files run much code briefly, as a run of cixi-plan does: on V8 11 (Node 20) let a
    // function run longer before it is optimised, as bin/load-bundle.js tuneV8 does for the
    // tool (measured: a tenth less CPU for the in-process files, 4 s of the whole suite).
    //
    // And a young generation of 64 MB instead of 16: a test builds and drops far more than a
    // run of the tool (reports, parsed PDFs, thousands of generated plans), and with the default
    // the workers stopped 1,163 times to scavenge it, 6.2 s in all; with 64 MB 323 times, 3.9 s,
    // and the old generation's mark-compacts went from 0.44 to 0.31 s (--trace-gc, whole suite).
    execArgv: [...(process.versions.v8.startsWith('11.') ? ['--interrupt-budget=540672'] : []), '--max-semi-space-size=64'],
    // Packages load as Node loads them for dist/, without vitest's interop: with it, a package
    // with a default export (yaml) came wrapped in a Proxy, and every call of one of its
    // functions from the sources went through the Proxy's getter (1.35 s of the suite, in
    // yaml's isMap and isScalar from the validator's walks).
    deps: { interopDefault: false },
    // Temporary folders in memory when the machine has a tmpfs with room (support/scratch.ts).
    globalSetup: ['test/support/scratch.ts'],
    setupFiles: ['test/support/setup.ts'],
    sequence: { sequencer: TypecheckFirst },
  },
});
