// Locating many diagnostics in one large map reads each of its entries a bounded
// number of times, not once per diagnostic (counted, not timed).
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar } from 'yaml';
import { at, pointer } from '../src/diagnostic.js';
import { locate, parseSource } from '../src/validate/yaml-source.js';

describe('locate', () => {
  it('reads a 5,000-entry map about once per entry for 5,000 diagnostics', () => {
    const n = 5_000;
    const ids = Array.from({ length: n }, (_, i) => `ind-${i}`);
    const text = 'observations:\n' + ids.map((id) => `  ${id}: {status: preliminary}`).join('\n') + '\n';
    const { source } = parseSource({ file: 'plan/data/2024.yaml', text });
    const root = source.doc.contents;
    const pair = isMap(root) ? root.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'observations') : undefined;
    const observations = pair?.value;
    if (!isMap(observations)) throw new Error('no observations map');
    // Count reads of the map's entries by index.
    let reads = 0;
    observations.items = new Proxy(observations.items, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const diagnostics = ids.map((id) => at(source.file, pointer('observations', id, 'status'), 'warning', 'preliminary-value', 'is preliminary'));
    const located = locate(diagnostics, [source]);
    expect(located.map((d) => d.line)).toEqual(ids.map((_, i) => i + 2));
    expect(located[0]).toMatchObject({ col: 19, endCol: 30 });
    // A search of the map per diagnostic reads n²/2 = 12.5 million entries.
    expect(reads).toBeLessThan(4 * n);
  });
});
