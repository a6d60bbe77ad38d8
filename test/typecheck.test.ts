// The type check of the sources and the tests (`npm run typecheck`: tsc over test/tsconfig.json,
// which takes in src/). It is a test so that it runs beside the other files, on the core their
// waits leave free, instead of before them all; test/sequencer.ts starts it first. The build
// (esbuild) only strips types, so this is where a type error fails `npm test`.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ROOT } from './support/cli.js';

// The package's own `tsc` (TypeScript 7 exports no path to it, only its package.json).
const manifest = createRequire(import.meta.url).resolve('typescript/package.json');
const tsc = join(dirname(manifest), (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { tsc: string } }).bin.tsc);

it('finds no type error in the sources or the tests', async () => {
  const r = await promisify(execFile)(process.execPath, [tsc, '-p', 'test/tsconfig.json', '--pretty', 'false'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 }).then(
    (done) => ({ code: 0, output: done.stdout + done.stderr }),
    (failed: { code?: number; stdout?: string; stderr?: string }) => ({ code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }),
  );
  // tsc's own lines (file(line,col): error TS…) are the message when it fails.
  expect(r.output).toBe('');
  expect(r.code).toBe(0);
}, 300_000);
