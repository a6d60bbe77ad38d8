// Run before every test file (test/vitest.config.ts).
import { afterAll, expect } from 'vitest';
import { removeTempDirs } from './cli.js';

// With workers reused from file to file, support/cli.ts is loaded once per worker, so its
// own afterAll serves only the first file.
afterAll(removeTempDirs);

// Bytes compared as bytes: vitest's generic equality walks a Buffer element by element, about
// 2.4 s per MB, and the tests compare whole report sets (several MB per file). Anything else,
// a Buffer beside another type included, is left to vitest.
expect.addEqualityTesters([
  function sameBytes(a: unknown, b: unknown): boolean | undefined {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return undefined;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return undefined;
    return Buffer.compare(a, b) === 0;
  },
]);
