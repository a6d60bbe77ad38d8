// The tests' pdf.js (support/pdfjs.ts) must leave the built-ins it replaces as the engine's
// own: the workers run file after file, and a JavaScript push or JSON in them slows every
// later test and is not what the tool runs with.
import { describe, expect, it } from 'vitest';
import { getDocument, NATIVE_BUILTINS, REPLACED_BUILTINS } from './support/pdfjs.js';

describe('pdf.js in the tests', () => {
  it('is loaded, and Array.prototype.push, JSON.parse and JSON.stringify are the engine’s own again', () => {
    expect(typeof getDocument).toBe('function');
    // On Node 20 (V8 11) pdf.js's core-js replaces all three; a later engine may need none.
    if (process.versions.v8.startsWith('11.')) expect(REPLACED_BUILTINS).toEqual(['push', 'parse', 'stringify']);
    expect(Array.prototype.push).toBe(NATIVE_BUILTINS.push);
    expect(JSON.parse).toBe(NATIVE_BUILTINS.parse);
    expect(JSON.stringify).toBe(NATIVE_BUILTINS.stringify);
  });
});
