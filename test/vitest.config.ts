// How `npm test` runs the test files (`vitest run --config test/vitest.config.ts`): two
// files at a time, each worker process reused from file to file.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    dir: 'test',
    // vitest leaves one core to itself by default, so on a 2-core machine it ran one file
    // at a time; the files spend much of their time in child processes and the file system.
    maxWorkers: 2,
    // A worker keeps the modules it loaded (the sources, pdf.js, the parsed fonts) for its
    // next file instead of loading them again for every file. No file may leave state behind
    // that another sees: each cleans up its temporary folders (support/setup.ts) and restores
    // what it stubs.
    isolate: false,
    setupFiles: ['test/support/setup.ts'],
  },
});
