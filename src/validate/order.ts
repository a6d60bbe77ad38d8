// Order diagnostics by where their JSON pointer lands in the data: by file (the plan, then
// the year files as given), then in document order, so rules report in reading order.

import { splitPointer, type Diagnostic } from '../diagnostic.js';
import type { PlanData } from '../model.js';

/** Sort diagnostics by file, then by where their pointer lands in that file's data. */
export function orderByData(data: PlanData, diagnostics: Diagnostic[]): Diagnostic[] {
  const files = new Map<string, { rank: number; root: unknown }>();
  files.set(data.file, { rank: 0, root: data.plan });
  data.years.forEach((y, i) => {
    if (!files.has(y.file)) files.set(y.file, { rank: i + 1, root: y });
  });
  const keyIndex = new WeakMap<object, Map<string, number>>();
  const indexOf = (node: object, key: string): number | undefined => {
    let map = keyIndex.get(node);
    if (map === undefined) {
      map = new Map(Object.keys(node).map((k, i) => [k, i]));
      keyIndex.set(node, map);
    }
    return map.get(key);
  };
  const position = (root: unknown, ptr: string | undefined): number[] => {
    const key: number[] = [];
    let node: unknown = root;
    for (const seg of splitPointer(ptr ?? '')) {
      let i: number | undefined;
      if (Array.isArray(node)) {
        const n = Number(seg);
        i = Number.isInteger(n) && n >= 0 && n < node.length ? n : undefined;
      } else if (node !== null && typeof node === 'object') {
        i = indexOf(node, seg);
      }
      if (i === undefined) {
        key.push(Infinity);
        break;
      }
      key.push(i);
      node = (node as Record<string, unknown>)[Array.isArray(node) ? i : seg];
    }
    return key;
  };
  const decorated = diagnostics.map((d, order) => {
    const file = files.get(d.file);
    return { d, order, rank: file?.rank ?? Infinity, key: position(file?.root, d.pointer) };
  });
  decorated.sort((a, b) => compareNumbers(a.rank, b.rank) || comparePositions(a.key, b.key) || a.order - b.order);
  return decorated.map((x) => x.d);
}

/** Compare numbers that may be Infinity (where subtraction would give NaN). */
function compareNumbers(x: number, y: number): number {
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Compare two positions in document order; a parent comes before its children. */
function comparePositions(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareNumbers(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
