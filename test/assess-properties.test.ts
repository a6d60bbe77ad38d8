// Properties of the assessment over generated plans: completion is 0 at the baseline
// and 1 at the target; moving the value away from the target never improves the
// status; the Assessment survives a JSON round trip; nothing schema-valid throws.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { same, strictEqual } from './support/check.js';

import {
  ASSESS_CODES,
  INDICATOR_STATUS_RANK,
  assess,
  type IndicatorAssessment,
} from '../src/assess/index.js';
import type {
  Comparator,
  Direction,
  Indicator,
  IndicatorKind,
  MilestoneState,
  Observation,
  Target,
} from '../src/model.js';
import { buildData, indicator, milestone, state, type Entry } from './support/assess-builder.js';

/** Kinds whose completion is (vt − v0)/(V − v0). */
const LEVEL_KINDS: IndicatorKind[] = ['level', 'count', 'percentage', 'ratio', 'rank', 'multiple'];

/** A target on the better side of v0: V = v0 × factor, or V = factor × v0 for multiples. */
interface Case {
  kind: IndicatorKind;
  direction: Direction;
  comparator: Comparator;
  v0: number;
  factor: number;
  year: number;
  tolerance: number;
  severe: number;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    kind: fc.constantFrom(...LEVEL_KINDS),
    direction: fc.constantFrom<Direction>('higher', 'lower'),
    strict: fc.boolean(),
    v0: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
    up: fc.double({ min: 1.01, max: 10, noNaN: true }),
    down: fc.double({ min: 0.05, max: 0.99, noNaN: true }),
    year: fc.integer({ min: 2022, max: 2026 }),
    tolerance: fc.double({ min: 0, max: 20, noNaN: true }),
    severe: fc.double({ min: 0.01, max: 1, noNaN: true }),
  })
  .map((r) => ({
    kind: r.kind,
    direction: r.direction,
    comparator: (r.direction === 'higher' ? (r.strict ? '>' : '>=') : r.strict ? '<' : '<=') as Comparator,
    v0: r.v0,
    factor: r.direction === 'higher' ? r.up : r.down,
    year: r.year,
    tolerance: r.tolerance,
    severe: r.severe,
  }));

/** The target value V of a case, computed as the assessment does. */
function targetOf(c: Case): number {
  return c.kind === 'multiple' ? c.factor * c.v0 : c.v0 * c.factor;
}

/** Assess a case's indicator with value vt in the report year. */
function assessCase(c: Case, vt: number): IndicatorAssessment {
  const target: Target = c.kind === 'multiple'
    ? { year: 2026, multiple: c.factor, comparator: c.comparator }
    : { year: 2026, value: targetOf(c), comparator: c.comparator };
  const ind = indicator({ id: 'x', kind: c.kind, direction: c.direction, target });
  const series: Record<number, Entry> = { 2021: c.v0, [c.year]: vt };
  const data = buildData({
    indicators: [ind], values: { x: series },
    assessment: { tolerance: c.tolerance, severe_shortfall: c.severe },
  });
  return assess(data, c.year).assessment.indicators[0]!;
}

describe('completion', () => {
  it('is 0 at the baseline and 1 at the target', () => {
    fc.assert(fc.property(caseArb, (c) => {
      expect(assessCase(c, c.v0).completion).toBe(0);
      const atTarget = assessCase(c, targetOf(c));
      expect(atTarget.completion).toBe(1);
      if (c.comparator === '>=' || c.comparator === '<=') expect(atTarget.status).toBe('met');
    }));
  });
});

describe('status', () => {
  it('never improves when the value moves away from the target', () => {
    // Values as shares u of the required change: vt = v0 + u (V − v0); smaller u is worse.
    const arb = fc.tuple(caseArb, fc.double({ min: -2, max: 3, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }));
    fc.assert(fc.property(arb, ([c, u, worseBy]) => {
      const V = targetOf(c);
      const better = assessCase(c, c.v0 + u * (V - c.v0));
      const worse = assessCase(c, c.v0 + (u - worseBy) * (V - c.v0));
      const rb = INDICATOR_STATUS_RANK[better.status];
      const rw = INDICATOR_STATUS_RANK[worse.status];
      expect(rb).not.toBeNull();
      expect(rw).not.toBeNull();
      expect(rw!).toBeLessThanOrEqual(rb!);
    }), { numRuns: 300 });
  });
});

// Arbitrary schema-valid plans: every kind, direction and comparator, targets in odd
// years, zero and negative values, gaps, other scopes and units, bounds, milestones.
const entryArb: fc.Arbitrary<Entry | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(0, -5, 1, 2379.2, 1e9),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constant<Observation>({ missing: '未公布' }),
  fc.constant<Observation>({ value: 10, unit: '亿美元', scope: 'city', status: 'final', source: 'stats' }),
  fc.constant<Observation>({ value: 10, unit: '亿元', scope: 'city-proper', status: 'final', source: 'stats' }),
  fc.constant<Observation>({ value: 50, bound: 'at-least', unit: '亿元', scope: 'city', status: 'estimate', source: 'stats' }),
);

const targetArb: fc.Arbitrary<Target | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({
    year: fc.integer({ min: 2019, max: 2028 }),
    value: fc.constantFrom(0, -1, 5, 100, 3200),
    comparator: fc.constantFrom<Comparator>('>=', '>', '<=', '<', '='),
  }),
  fc.record({
    year: fc.integer({ min: 2019, max: 2028 }),
    multiple: fc.constantFrom(0.5, 1, 2),
    comparator: fc.constantFrom<Comparator>('>=', '>', '<=', '<', '='),
  }),
);

const indicatorArb = fc.record({
  kind: fc.constantFrom<IndicatorKind>('level', 'percentage', 'ratio', 'count', 'cumulative', 'multiple', 'rank'),
  direction: fc.constantFrom<Direction>('higher', 'lower'),
  binding: fc.boolean(),
  target: targetArb,
  series: fc.array(entryArb, { minLength: 7, maxLength: 7 }),
});

const milestoneArb = fc.record({
  due: fc.integer({ min: 2020, max: 2028 }),
  states: fc.array(
    fc.option(fc.record({
      state: fc.constantFrom<MilestoneState['state']>('not-started', 'in-progress', 'done', 'delayed'),
      expected: fc.option(fc.constantFrom('2025', '2027-12', '2026-06-30'), { nil: undefined }),
    }), { nil: null }),
    { minLength: 7, maxLength: 7 },
  ),
});

const planArb = fc.record({
  indicators: fc.array(indicatorArb, { minLength: 1, maxLength: 4 }),
  milestones: fc.array(milestoneArb, { maxLength: 3 }),
  year: fc.integer({ min: 2018, max: 2029 }),
  tolerance: fc.option(fc.constantFrom(0, 5, 50), { nil: undefined }),
});

describe('the Assessment', () => {
  it('is plain JSON and never throws, whatever the data', () => {
    const codes = new Set<string>(ASSESS_CODES.map((c) => c.code));
    fc.assert(fc.property(planArb, (p) => {
      const indicators: Indicator[] = p.indicators.map((i, n) => indicator({
        id: `i${n}`, kind: i.kind, direction: i.direction, attribute: i.binding ? 'binding' : 'expected', target: i.target,
      }));
      const values: Record<string, Record<number, Entry>> = {};
      p.indicators.forEach((i, n) => {
        const series: Record<number, Entry> = {};
        i.series.forEach((e, k) => { if (e !== null) series[2020 + k] = e; });
        values[`i${n}`] = series;
      });
      const states: Record<string, Record<number, MilestoneState>> = {};
      p.milestones.forEach((m, n) => {
        const byYear: Record<number, MilestoneState> = {};
        m.states.forEach((s, k) => {
          if (s !== null) byYear[2020 + k] = state(s.state, s.expected === undefined ? {} : { expected: s.expected });
        });
        states[`m${n}`] = byYear;
      });
      const data = buildData({
        indicators, values, states,
        milestones: p.milestones.map((m, n) => milestone({ id: `m${n}`, due: m.due })),
        ...(p.tolerance === undefined ? {} : { assessment: { tolerance: p.tolerance } }),
      });
      const { assessment, diagnostics } = assess(data, p.year);
      strictEqual(JSON.parse(JSON.stringify(assessment)), assessment);
      same(assessment.indicators.length, indicators.length);
      const unknown = diagnostics.filter((d) => !codes.has(d.code)).map((d) => d.code);
      if (unknown.length > 0) expect(unknown, 'codes not in ASSESS_CODES').toEqual([]);
    }), { numRuns: 500 });
  });
});
