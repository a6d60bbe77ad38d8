// The fast readers of plain YAML (src/validate/plain-yaml.ts) and of JSON
// (src/validate/json-yaml.ts) held to yaml: wherever it
// answers, yaml must read the text without any diagnostic and give the same value (key
// order, -0 and NaN included) and the same written decimals; and it must answer for the
// plan files people write, or it would be dead code that the benchmarks credit.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { rangeInPlain, readPlainYaml, type PlainYaml } from '../src/validate/plain-yaml.js';
import { pointer } from '../src/diagnostic.js';
import { parseSource, parseWithYaml, rangeOf, rangeOfPointer, type Source } from '../src/validate/yaml-source.js';
import { generatePlan } from './bench/generate-plan.mjs';
import { FIXTURES, ROOT, tempDir } from './support/cli.js';
import { equal, same } from './support/check.js';
import { writeWarningPlan } from './support/warning-plans.js';

/** Why two values differ (first difference, with its path), or null when they are the same. */
function difference(a: unknown, b: unknown, path = ''): string | null {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? null : `${path || '/'}: ${String(a)} (${typeof a}) ≠ ${String(b)} (${typeof b})`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path || '/'}: list ≠ map`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path || '/'}: prototypes differ`;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path || '/'}: keys ${ka.map(String).join(',')} ≠ ${kb.map(String).join(',')}`;
  for (const k of ka) {
    const d = difference((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k], `${path}/${String(k)}`);
    if (d !== null) return d;
  }
  return null;
}

/** The decimals yaml's nodes show for every map entry holding a plain decimal number, as `path → decimals`. */
function yamlDecimals(node: unknown, path = '', out = new Map<string, number>()): Map<string, number> {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = `${path}/${String(pair.key.value)}`;
      const v = pair.value;
      if (isScalar(v) && typeof v.value === 'number' && typeof v.source === 'string') {
        const m = /^[-+]?[0-9]+(?:\.([0-9]*))?$/.exec(v.source.trim());
        if (m !== null) out.set(key, (m[1] ?? '').length);
      } else yamlDecimals(v, key, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => yamlDecimals(item, `${path}/${i}`, out));
  }
  return out;
}

/** The same from the fast reader's record. */
function plainDecimals(read: PlainYaml, value: unknown = read.value, path = '', out = new Map<string, number>()): Map<string, number> {
  if (Array.isArray(value)) value.forEach((item, i) => plainDecimals(read, item, `${path}/${i}`, out));
  else if (typeof value === 'object' && value !== null) {
    const written = read.decimals.get(value) ?? {};
    for (const [k, v] of Object.entries(value)) {
      if (Object.hasOwn(written, k)) out.set(`${path}/${k}`, written[k]!);
      else plainDecimals(read, v, `${path}/${k}`, out);
    }
  }
  return out;
}

/** Every pointer into a value, and one step past each (a missing key, an index past the end, into a scalar). */
function pointersOf(value: unknown, path: string[] = [], out: string[][] = []): string[][] {
  out.push(path);
  if (Array.isArray(value)) {
    value.forEach((v, i) => pointersOf(v, [...path, String(i)], out));
    out.push([...path, String(value.length)], [...path, 'x']);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) pointersOf(v, [...path, k], out);
    out.push([...path, 'no-such-key']);
  } else {
    out.push([...path, '0']);
  }
  return out;
}

/** Answers of rangeInPlain, and pointers asked, over all agreeing texts (coverage of the fast ranges). */
const ranges = { answered: 0, asked: 0 };

/** Hold the fast reader to yaml on one text; returns whether the fast reader answered. */
function agrees(text: string): boolean {
  const read = readPlainYaml(text);
  if (read === undefined) return false;
  const slow = parseWithYaml({ file: 'f.yaml', text });
  equal(slow.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`), [], text);
  same(difference(read.value, slow.source.value ?? null), null, text);
  equal([...plainDecimals(read)].sort(), [...yamlDecimals(slow.source.doc.contents)].sort(), text);
  // Where the fast reader places a pointer, yaml places it there too; lines count the same.
  const placed = readPlainYaml(text, true)!;
  same(difference(placed.value, read.value), null);
  for (const segments of pointersOf(read.value)) {
    for (const anchor of ['value', 'key'] as const) {
      ranges.asked++;
      const fast = rangeInPlain(placed, segments, anchor);
      if (fast === undefined) continue;
      ranges.answered++;
      const expected = rangeOfPointer(slow.source.doc, pointer(...segments), anchor);
      if (fast.range[0] !== expected.range[0] || fast.range[1] !== expected.range[1] || fast.exact !== expected.exact) {
        expect(fast, `${text}\n${pointer(...segments)} ${anchor}`).toEqual(expected);
      }
    }
  }
  const fastSource = parseSource({ file: 'f.yaml', text }).source;
  const step = Math.max(1, Math.floor(text.length / 60));
  for (let offset = 0; offset <= text.length; offset += step) {
    const a = fastSource.lineCounter.linePos(offset);
    const b = slow.source.lineCounter.linePos(offset);
    if (a.line !== b.line || a.col !== b.col) expect(a, `${JSON.stringify(text)} @${offset}`).toEqual(b);
  }
  return true;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (name.endsWith('.yaml') || name.endsWith('.yml')) out.push(path);
  }
  return out;
}

const corpus = [...yamlFiles(join(ROOT, 'plan')), ...yamlFiles(FIXTURES)].sort();

describe('the fast reader of plain YAML', () => {
  it('reads the shipped plan and every valid fixture plan, as yaml does', () => {
    const read: string[] = [];
    for (const file of corpus) if (agrees(readFileSync(file, 'utf8'))) read.push(file.slice(ROOT.length + 1));
    // Each of these must take the fast path: they are plain YAML as people write it.
    for (const dir of ['plan', 'test/fixtures/base-plan', 'test/fixtures/target-kinds', 'test/fixtures/national-plan']) {
      const files = yamlFiles(join(ROOT, dir)).map((f) => f.slice(ROOT.length + 1));
      expect(files.filter((f) => !read.includes(f))).toEqual([]);
    }
  });

  it('reads a generated plan of 120 indicators, as yaml does', () => {
    const dir = join(tempDir(), 'plan');
    generatePlan(dir, 120);
    for (const file of yamlFiles(dir)) expect(agrees(readFileSync(file, 'utf8')), file).toBe(true);
  });

  it('answers only for plain YAML (anchors, tags, block scalars, multi-line scalars and brackets are yaml’s)', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!int 1\n',
      'a: |\n  text\n',
      'a: >\n  text\n',
      'a: one\n  two\n',
      'a: {b}\n',
      'a: {b: {c: 1}\n',
      'a: [b,\n  c]\n',
      '- {a: 1}: b\n',
      '- [a]: b\n',
      'a: {[b]: 1}\n',
      'a: {b: [c]d}\n',
      'a:\n\tb: 1\n',
      'a: 1\na: 2\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\n---\nb: 2\n',
      'a: "x\\ty"\n',
      '? a\n: b\n',
      'a: b: c\n',
      '- a\nb: 1\n',
      'a:\n  b: 1\n c: 2\n',
      '<<: 1\n',
      '1.5: a\n',
      'true: a\n',
      'a: "unterminated\n',
      'scalar\n',
      'a: 1\r2: 3\n',
    ]) {
      expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('reads lists and maps in brackets nested, and as list items, as yaml does', () => {
    for (const text of [
      'a: {b: {c: 1}}\n',
      'a: [b, [c]]\n',
      '- {a: 1}\n',
      '- [a, {b: 1.50}]\n',
      '- {a: 1} # c\n- {a: 2}\n',
      'a:\n  - {id: x, name: "指标", target: {year: 2026, value: 200, comparator: ">="}, actions: [a1, a2], empty: {}, none: []}\n  - {id: y, target: {value: 1.0}}\n',
      'a:\n- {b: [[1, 2], [3]], c: {d: {e: [x]}}}\n',
      'k: [{a: 1}, {a: 2.50}, []]\n',
    ]) {
      expect(agrees(text), text).toBe(true);
    }
  });

  it('resolves scalars by the YAML 1.2 core schema, as yaml does', () => {
    const scalars = ['~', 'null', 'Null', 'NULL', 'nULL', '', 'true', 'True', 'TRUE', 'tRue', 'yes', 'No', 'on', '0', '-0', '+0', '007', '+12', '-12',
      '1_000', '0o17', '0o8', '0x1F', '0X1F', '0xg', '0b101', '1.', '.5', '-.5', '+.5', '1.50', '67.00', '1e3', '1E-3', '1.5e+3', '.5e1', '1e309',
      '-1e309', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '-.nan', '12345678901234567890', '0.1.2', '1,000', '2024-01-01', '12:30',
      '1:2', 'a#b', 'R&D', '50%', '≥ 600', '中文：说明', '-a', ':a', '?a', '-', "'q''s'", '"d"', '""', "''", '[]', '[a, 1, "x", 2.50]', '{}'];
    let answered = 0;
    for (const s of scalars) {
      for (const text of [`k: ${s}\n`, `- ${s}\n`, `k:\n  - ${s}\n`, `k:\n  ${s}\n`, `k: ${s} # note\n`]) if (agrees(text)) answered++;
    }
    expect(answered).toBeGreaterThan(200);
  });

  it('agrees with yaml on keys, indentation and comments', () => {
    for (const text of [
      '2021: a\n', '0: a\n', '"2021": a\n', "'a b': 1\n", 'a b: 1\n', 'toString: 1\nconstructor: 2\nhasOwnProperty: 3\n', '__proto__: 1\n',
      'a:\n- 1\n- 2\nb: 3\n', 'a:\n  - 1\n  -\n  - x: 1\n    y: 2\n', '- - 1\n  - 2\n- 3\n', '- a: 1\n  b:\n    c: 2\n',
      '---\na: 1\n', '--- # doc\na: 1\n', '# only a comment\n', '', '\n\n', 'a: 1\r\nb: 2\r\n', '  a: 1\n  b: 2\n', 'a:    1   \n',
      'a: # comment\n  b: 1\n', 'a:\n  # comment\n  b: 1\n', 'a: [ ]\n', 'a: [1,2 ,3]\n', 'a: [1, 2,]\n', 'a: [,]\n', 'a: "x" # c\n', "a: 'x'y\n",
      'a: {}\n', 'a: { }\n', 'a:\n\n  b: 1\n', 'a: -1\nb: - 1\n', 'a: x #\n', 'a: x#\n', 'a #b: 1\n', 'a: 1 #b: 2\n', 'k: 🙂\n',
      // Where yaml's range of a block ends: its comment and blank lines (found by the generator).
      '- - - 1\n  - 1\n- 1\n', '- - a: 1\n    # c\n# c', 'a:\n    - - 1\n      # c\n\nk#: 1', 'a:\n  x:\n    m: 1\n\n      # deep\n  y: 2\n',
      'a:\n  x:\n    m: 1\n      # deep\n\n  y: 2\n', 'a:\n  x:\n    m: 1\n    # same\n  y: 2\n', 'a:\n  b: 1 # z\n\n\n', 'a:\n  - x\n  -\n', 'a:\n  b: 1',
      'a:\n  x:\n    m: 1\n\n  # --- section ---\n  y: 2\n', 'a:\n    a:\n    - a: 1\n      id: 1\n    # c\n2021: 1\n', '- a:\n  - 1\n  # c\n- a: b\n',
      'x:\n  a:\n  - 1\n# c\nb: 1\n',
      // Bracketed maps, and keys near yaml's 1,024-character limit on implicit keys.
      'k: {a : 1}\n', 'k: {"a": 1, \'b\': x}\n', 'k: {a: 1,}\n', 'k: {a: 1, a: 2}\n', 'k: {2021: 1.50, 7: x}\n', 'k: {a: 1} # c\n', 'k: {a: [1]}\n',
      `'${"''".repeat(600)}': 1\n`, `${'k'.repeat(1000)}: 1\n`, `${'k'.repeat(1001)}: 1\n`, `k: {${'k'.repeat(1001)}: 1}\n`, `k: {'${"''".repeat(600)}': 1}\n`,
    ]) {
      agrees(text);
    }
  });

  // Random trees of maps, lists and tricky scalars written out as block YAML, in several
  // styles, then perhaps one line shifted: where the fast reader answers, yaml must agree;
  // and it must answer often enough for this to test something.
  it('agrees with yaml on thousands of generated texts', () => {
    const scalar = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('1', '-0', '67.00', '5.', '0x1F', '0o7', '.5', '1e3', '.inf', '~', 'null', 'true', 'yes', '2021', "'q''s'", '"d"',
        'a b', 'R&D', '中文', '[a, 1]', '[]', '{}', '{a: 1.50, b: x}', 'a#c', ':x', '') },
      { weight: 1, arbitrary: fc.constantFrom('- x', '&a x', '*a', '!!int 1', '|', 'a: b', 'a #c', '"x', '-', '{a: {b: 1}}', '[a, [b]]') },
    );
    const key = fc.constantFrom('a', 'b', 'id', 'value', '2021', '007', '"q"', "'s t'", 'toString', '1.5', 'a b', '-k', 'k#', '中');
    type Tree = string | { list: Tree[] } | { map: Array<[string, Tree]> };
    const { tree } = fc.letrec<{ tree: Tree; list: Tree; map: Tree }>((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
      list: fc.record({ list: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }) }),
      map: fc.record({ map: fc.array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4 }) }),
    }));
    const write = (t: Tree, indent: number, step: number, out: string[], hang: boolean): void => {
      const pad = ' '.repeat(indent);
      if (typeof t === 'string') return void out.push(`${pad}${t}`);
      if ('map' in t) {
        for (const [k, v] of t.map) {
          if (typeof v === 'string') out.push(`${pad}${k}: ${v}`);
          else {
            out.push(`${pad}${k}:`);
            // A list may hang at its key's indent.
            write(v, hang && 'list' in v ? indent : indent + step, step, out, hang);
          }
        }
        return;
      }
      for (const item of t.list) {
        if (typeof item === 'string') out.push(`${pad}- ${item}`);
        else {
          const inner: string[] = [];
          write(item, indent + 2, step, inner, hang);
          // Compact: the first line of the item's block on the dash's line.
          out.push(`${pad}- ${inner[0]!.slice(indent + 2)}`, ...inner.slice(1));
        }
      }
    };
    let answered = 0;
    fc.assert(
      fc.property(tree.filter((t) => typeof t !== 'string'), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.boolean(), fc.nat(), fc.integer({ min: -2, max: 2 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '   ', '# c', '  # c', '    # c', '      # c')), { maxLength: 2 }),
        (t, step, hang, crlf, line, shift, inserts) => {
          const out: string[] = [];
          write(t, 0, step, out, hang);
          const at = line % out.length;
          if (shift > 0) out[at] = ' '.repeat(shift) + out[at];
          else if (shift < 0) out[at] = out[at]!.replace(new RegExp(`^ {0,${-shift}}`), '');
          // Blank and comment lines between entries, at the end, at any indent.
          for (const [where, extra] of inserts) out.splice(where % (out.length + 1), 0, extra);
          if (agrees(out.join(crlf ? '\r\n' : '\n'))) answered++;
        }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000), seed: Number(process.env.FUZZ_SEED ?? 20261129) },
    );
    expect(answered).toBeGreaterThan(400);
  });

  // Texts of YAML's own characters and tokens in any order, most of them nonsense: the
  // reader must refuse what it does not fully understand, not misread it.
  it('agrees with yaml on random strings of YAML tokens', () => {
    const token = fc.constantFrom(' ', '  ', '-', '- ', ':', ': ', '#', ' #', '\n', '\n  ', '\r\n', '"', "'", '[', ']', '{', '}', ',', ', ',
      'a', 'k', '1', '0', '.', '5', 'e', '~', '中', '!', '&', '*', '|', '>', '?', '%', '@', '`', 'true', 'null', '0x', '0o', '-1', '.inf');
    let answered = 0;
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 30 }), (tokens) => {
        if (agrees(tokens.join(''))) answered++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000), seed: Number(process.env.FUZZ_SEED ?? 20261129) },
    );
    expect(answered).toBeGreaterThan(100);
  });

  it('agrees with yaml on mutated plan files', () => {
    const texts = ['plan/data/2024.yaml', 'test/fixtures/target-kinds/data/2022.yaml', 'test/fixtures/base-plan/data/2022.yaml'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
    let answered = 0;
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.nat(), fc.nat(), fc.constantFrom('', ' ', '  ', '- ', '#', ': ', 'x', '\n', '"', "'", '[', '0.50'), (which, at, len, insert) => {
        const text = texts[which]!;
        const from = at % (text.length + 1);
        const mutated = text.slice(0, from) + insert + text.slice(from + (len % 4));
        if (agrees(mutated)) answered++;
      }),
      { numRuns: Math.ceil(Number(process.env.FUZZ_RUNS ?? 3000) / 5), seed: Number(process.env.FUZZ_SEED ?? 20261129) },
    );
    expect(answered).toBeGreaterThan(180);
  });

  it('places most pointers of a plan itself, where yaml places them', () => {
    // Agreement is checked by every agrees() above; here, that the fast ranges are used.
    const before = { ...ranges };
    for (const file of ['plan/plan.yaml', 'plan/data/2024.yaml', 'test/fixtures/target-kinds/data/2022.yaml']) agrees(readFileSync(join(ROOT, file), 'utf8'));
    expect(ranges.asked - before.asked).toBeGreaterThan(1000);
    expect((ranges.answered - before.answered) / (ranges.asked - before.asked)).toBeGreaterThan(0.5);
  });

  it('leaves positions to yaml: a diagnostic in a file read fast points where yaml says', () => {
    const text = readFileSync(join(ROOT, 'plan/data/2024.yaml'), 'utf8');
    const fast = parseSource({ file: 'f.yaml', text });
    const slow = parseWithYaml({ file: 'f.yaml', text });
    expect(fast.source.decimals).toBeDefined();
    expect(fast.source.doc.toJS()).toEqual(slow.source.doc.toJS());
    expect(fast.source.lineCounter.linePos(text.indexOf('observations'))).toEqual(slow.source.lineCounter.linePos(text.indexOf('observations')));
  });
});

// A file that is one JSON value, as programs write year files: json-yaml.ts.
describe('the fast reader of JSON', () => {
  /** A JSON text of `value` in one of several layouts: one line, indented, CRLF, spaced, after blank lines. */
  const layouts = (value: unknown): string[] => {
    const one = JSON.stringify(value);
    const two = JSON.stringify(value, null, 2);
    return [one, `${one}\n`, `${two}\n`, JSON.stringify(value, null, 4).replaceAll('\n', '\r\n'), `\n\n  ${one}  \n\n`, JSON.stringify(value, null, 1).replaceAll('\n', '  \n')];
  };

  it('reads year files written as JSON, as yaml does', () => {
    const dir = tempDir();
    writeWarningPlan(dir, { indicators: 40, layout: 'json' });
    for (const name of ['2021.yaml', '2024.yaml']) {
      const text = readFileSync(join(dir, 'data', name), 'utf8');
      for (const t of layouts(JSON.parse(text))) expect(agrees(t), t).toBe(true);
    }
    // The shipped year files, as a program would write them.
    for (const name of readdirSync(join(ROOT, 'plan/data'))) {
      const value = parseWithYaml({ file: name, text: readFileSync(join(ROOT, 'plan/data', name), 'utf8') }).source.value;
      for (const t of layouts(value)) expect(agrees(t), t).toBe(true);
    }
  });

  it('agrees with yaml on generated JSON values, in every layout', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom('', 'a"b', 'a\\b', '\\', '"', '/', '\u0000', '\ud800', '\udc00x', '😀', '中文', '2021', '<<', '__proto__', 'toString', 'x'.repeat(1001)),
    );
    const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, 0.5, 1.5, 1e21, 1e-7, 12345678901234567890, 67));
    const value = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text, number, fc.boolean(), fc.constant(null),
        fc.array(tie('value'), { maxLength: 5 }),
        fc.dictionary(text, tie('value'), { maxKeys: 5 }),
      ),
    })).value;
    let answered = 0;
    fc.assert(
      fc.property(value.filter((v) => typeof v === 'object' && v !== null), fc.nat(5), (v, layout) => {
        if (agrees(layouts(v)[layout]!)) answered++;
      }),
      { numRuns: Math.ceil(Number(process.env.FUZZ_RUNS ?? 3000) / 2), seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    );
    expect(answered).toBeGreaterThan(1000);
  });

  it('agrees with yaml on mutated JSON texts', () => {
    const dir = tempDir();
    writeWarningPlan(dir, { indicators: 3, layout: 'json' });
    const compact = readFileSync(join(dir, 'data', '2024.yaml'), 'utf8');
    const texts = [compact, `${JSON.stringify(JSON.parse(compact), null, 2)}\n`, '{"a": [1, 2.50, {"b": "\\u4e2d\\n"}], "c": {}, "d": [], "e": null, "f": true}\n'];
    let answered = 0;
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.nat(), fc.nat(), fc.constantFrom('', ' ', '\n', '\r\n', ',', ':', '"', "'", '\\', '[', ']', '{', '}', '#', '- ', '1', '-0', 'e5', 'true', '\\u', 'x'), (which, at, len, insert) => {
        const text = texts[which]!;
        const from = at % (text.length + 1);
        if (agrees(text.slice(0, from) + insert + text.slice(from + (len % 3)))) answered++;
      }),
      { numRuns: Math.ceil(Number(process.env.FUZZ_RUNS ?? 3000) / 3), seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    );
    expect(answered).toBeGreaterThan(250);
  });

  it('answers only for strict JSON, leaving the rest to yaml', () => {
    for (const text of [
      '{"a": 1,}', '{"a": 1} # c', '# c\n{"a": 1}', "{'a': 1}", '{a: 1}', '{"a": x}', '{"a": 1, "a": 2}', '{"__proto__": 1}', '{"<<": 1}',
      '{"a"\n: 1}', '{"a": "x\ny"}', '{"a": "\\q"}', '{"a": 01}', '{"a": +1}', '{"a": .5}', '{"a": 1.}', '{"a": .inf}', '{"a": ~}', '{"a": True}',
      '{"a": 1}}', '{"a": 1', '[1, 2', '[1 2]', '{"a": 1} {"b": 2}', '---\n{"a": 1}', `{"${'k'.repeat(1001)}": 1}`, `${'['.repeat(60)}${']'.repeat(60)}`,
      '{"a": 1}\n...\n', '{"a": &x 1}', '{"a": !!str 1}', '"text"', '1',
    ]) {
      expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
    }
    // What it takes: every JSON value yaml reads the same, however spaced.
    for (const text of ['{}', '[]', ' \n{ } \n', '[1, -0, 1E+2, 1.50, 0.0, 12345678901234567890, true, false, null]', '{"a" :1}', '{"a":\n1}', '{"a":1\n,"b":2}',
      '{"a": "\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\t\\"\\\\"}', '{"2021": {"v": 67.00}}', '{"toString": 1, "constructor": [ ]}', '[[[[1]]]]']) {
      expect(agrees(text), JSON.stringify(text)).toBe(true);
    }
  });
});
