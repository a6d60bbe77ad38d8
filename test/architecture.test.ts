// The layers of docs/architecture.md, checked on the source: data flows one way
// through the stages, so no module imports from a later stage, and no import cycle.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';

const SRC = join(ROOT, 'src');

/** The stage of a module by its folder, in pipeline order; shared modules are -1. */
const STAGES: ReadonlyArray<[prefix: string, level: number]> = [
  ['load/', 0],
  ['validate/', 1],
  // The spreadsheet layer reads and writes workbooks from validated plan data; render/ writes report.xlsx with its helpers.
  ['sheet/', 1.5],
  ['assess/', 2],
  ['diff/', 3],
  ['present/', 3],
  ['render/', 4],
  ['views/', 5],
  ['commands/', 6],
  ['cli.ts', 7],
];

function stageOf(module: string): number {
  return STAGES.find(([prefix]) => module.startsWith(prefix))?.[1] ?? -1;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module's relative imports (static and dynamic), as paths relative to src/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) =>
      relative(SRC, resolve(dirname(file), m[1]!)).split('\\').join('/').replace(/\.js$/, '.ts'),
    );
    graph.set(relative(SRC, file).split('\\').join('/'), targets);
  }
  return graph;
}

describe('architecture', () => {
  const graph = importGraph();

  it('resolves every relative import to a module of src/', () => {
    const missing = [...graph].flatMap(([from, targets]) => targets.filter((t) => !graph.has(t) && !t.endsWith('.json')).map((t) => `${from} → ${t}`));
    expect(missing).toEqual([]);
  });

  it('never imports from a later stage', () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      targets.filter((t) => stageOf(t) > stageOf(from) && stageOf(from) >= 0).map((t) => `${from} → ${t}`),
    );
    // Shared modules (diagnostic, model, paths, codes) import no stage at all.
    const shared = [...graph].flatMap(([from, targets]) =>
      stageOf(from) < 0 ? targets.filter((t) => stageOf(t) >= 0).map((t) => `${from} → ${t}`) : [],
    );
    expect([...upward, ...shared]).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (m: string): void => {
      state.set(m, 'open');
      stack.push(m);
      for (const t of graph.get(m) ?? []) {
        if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t].join(' → '));
        else if (!state.has(t) && graph.has(t)) visit(t);
      }
      stack.pop();
      state.set(m, 'done');
    };
    for (const m of graph.keys()) if (!state.has(m)) visit(m);
    expect(cycles).toEqual([]);
  });
});
