// pdf.js for the tests, loaded so that it leaves the built-ins it replaces as they were.
//
// pdf.js's legacy build (the one that runs on Node 20) carries core-js, which on V8 11
// replaces three built-ins with JavaScript: Array.prototype.push (for a V8 bug with
// non-writable array lengths, https://bugs.chromium.org/p/v8/issues/detail?id=12681), and
// JSON.parse and JSON.stringify (for the JSON.parse source-text proposal). Test workers are
// reused from file to file (vitest.config.ts, isolate: false), so every push and every JSON
// call of every later test, the tool's own and its libraries', ran through them: about 8 s
// of the suite's CPU, with the garbage their arguments make. Both halves of pdf.js (the API,
// and the in-process worker it would otherwise import on the first document) are loaded
// here, then the native three are put back. What core-js adds (Promise.withResolvers, Set
// methods, Uint8Array.prototype.toHex…) stays: pdf.js uses it.

const natives = [
  [Array.prototype, 'push', Object.getOwnPropertyDescriptor(Array.prototype, 'push')!],
  [JSON, 'parse', Object.getOwnPropertyDescriptor(JSON, 'parse')!],
  [JSON, 'stringify', Object.getOwnPropertyDescriptor(JSON, 'stringify')!],
] as const;

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// pdf.js takes its worker from here rather than importing it (its "fake worker" in Node).
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');

/** The built-ins pdf.js replaced (on Node 20: all three), now put back. */
export const REPLACED_BUILTINS: string[] = [];
for (const [owner, name, descriptor] of natives) {
  if ((owner as unknown as Record<string, unknown>)[name] !== descriptor.value) REPLACED_BUILTINS.push(name);
  Object.defineProperty(owner, name, descriptor);
}

/** The engine's own three, as they were before pdf.js loaded. */
export const NATIVE_BUILTINS = { push: natives[0][2].value, parse: natives[1][2].value, stringify: natives[2][2].value };

export const { getDocument, OPS } = pdfjs;
export type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
