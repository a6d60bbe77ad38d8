// The chart geometry module: scales, paths and markers as plain rounded numbers,
// the same for every renderer.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DIGITS,
  PROGRESS_WIDTH,
  TEXT_BAR_CELLS,
  progressGeometry,
  STACKED_BAR_WIDTH,
  stackedBarGeometry,
  textBar,
  tickDecimals,
  trendGeometry,
  type TrendInput,
} from '../src/present/charts.js';

const gdp: TrendInput = {
  title: 'GDP',
  desc: 'GDP by year',
  fromYear: 2021,
  toYear: 2026,
  reportYear: 2024,
  observations: [
    { year: 2021, value: 2379.2, label: '2021', estimate: false },
    { year: 2022, value: 2521.58, label: '2022', estimate: false },
    { year: 2024, value: 2929, label: '2024', estimate: false },
  ],
  baseline: { year: 2021, value: 2379.2, label: 'baseline' },
  target: { year: 2026, value: 3200, label: 'target' },
  projection: { fromYear: 2024, fromValue: 2929, toYear: 2026, toValue: 3364.43, label: 'projected' },
  invertY: false,
  formatTick: (v, d) => v.toFixed(d),
};

/** Every number anywhere inside a value. */
function numbers(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbers);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbers);
  if (typeof value === 'string' && /^M[\d.,LMZ -]+$/.test(value)) return value.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
  return [];
}

describe('trendGeometry', () => {
  const g = trendGeometry(gdp);

  it('puts the first and last year at the plot edges, inset, and years evenly between', () => {
    const xs = g.xTicks.map((t) => t.x);
    expect(g.xTicks.map((t) => t.label.text)).toEqual(['2021', '2022', '2023', '2024', '2025', '2026']);
    expect(xs[0]).toBeGreaterThan(g.plot.x);
    expect(xs.at(-1)).toBeLessThan(g.plot.x + g.plot.width);
    expect(xs[0]! - g.plot.x).toBeCloseTo(g.plot.x + g.plot.width - xs.at(-1)!, 5);
    const steps = xs.slice(1).map((x, i) => x - xs[i]!);
    for (const s of steps) expect(s).toBeCloseTo(steps[0]!, 1);
    expect(g.xTicks.filter((t) => t.current).map((t) => t.label.text)).toEqual(['2024']);
  });

  it('keeps every value inside the plot, higher values higher up', () => {
    const top = g.plot.y;
    const bottom = g.plot.y + g.plot.height;
    for (const p of g.observed!.points) {
      expect(p.y).toBeGreaterThanOrEqual(top);
      expect(p.y).toBeLessThanOrEqual(bottom);
    }
    const [a, b, c] = g.observed!.points;
    expect(a!.y).toBeGreaterThan(b!.y);
    expect(b!.y).toBeGreaterThan(c!.y);
    expect(g.target!.line.y1).toBeLessThan(c!.y);
    expect(g.projection!.to.y).toBeLessThan(g.target!.line.y1);
    expect(g.projection!.from).toEqual({ x: c!.x, y: c!.y });
  });

  it('labels y ticks with the precision their step needs, ticks spanning every value', () => {
    const values = g.yTicks.map((t) => Number(t.label.text));
    expect(Math.min(...values)).toBeLessThanOrEqual(2379.2);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(3364.43);
    expect(g.yTicks.every((t) => !t.label.text.includes('.'))).toBe(true);
  });

  it('draws the target and baseline lines across the plot and the paths as SVG path data', () => {
    expect(g.target!.line.x1).toBe(g.plot.x);
    expect(g.target!.line.x2).toBe(g.plot.x + g.plot.width);
    expect(g.baseline!.line.y1).toBe(g.observed!.points[0]!.y);
    expect(g.observed!.path).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){2}$/);
    expect(g.projection!.path).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });

  it('turns the axis over for ranks: first place at the top', () => {
    const rank = trendGeometry({
      ...gdp,
      observations: [{ year: 2021, value: 8, label: '', estimate: false }, { year: 2024, value: 6, label: '', estimate: false }],
      baseline: null,
      target: { year: 2026, value: 5, label: '' },
      projection: null,
      invertY: true,
    });
    const [first, last] = rank.observed!.points;
    expect(last!.y).toBeLessThan(first!.y);
    expect(rank.target!.point.y).toBeLessThan(last!.y);
  });

  it('rounds every coordinate to DIGITS decimals and is deterministic', () => {
    const f = 10 ** DIGITS;
    for (const n of numbers({ ...g, title: '', desc: '' })) expect(Math.round(n * f) / f).toBe(n);
    expect(trendGeometry(gdp)).toEqual(g);
  });

  it('handles one value, equal values and a single year without NaN', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 6 }), fc.boolean(), (values, invertY) => {
        const geometry = trendGeometry({
          ...gdp,
          observations: values.map((value, i) => ({ year: 2021 + i, value, label: '', estimate: false })),
          baseline: null,
          target: null,
          projection: null,
          invertY,
        });
        for (const n of numbers({ ...geometry, title: '', desc: '' })) expect(Number.isFinite(n)).toBe(true);
      }),
    );
    const single = trendGeometry({ ...gdp, fromYear: 2024, toYear: 2024, baseline: null, target: null, projection: null,
      observations: [{ year: 2024, value: 5, label: '', estimate: false }] });
    expect(single.xTicks).toHaveLength(1);
    expect(Number.isFinite(single.observed!.points[0]!.y)).toBe(true);
  });
});

describe('progressGeometry', () => {
  it('puts the pace marker at the time pace and fills the completion', () => {
    const g = progressGeometry({ title: '', desc: '', completion: 0.67, pace: 0.6, completionLabel: 'c', paceLabel: 'p' });
    expect(g.width).toBe(PROGRESS_WIDTH);
    expect(g.pace!.x).toBe(216); // 0.6 × 360
    expect(g.fill.width).toBe(241.2); // 0.67 × 360, rounded
    expect(g.fill.y).toBe(g.track.y);
    expect(g.pace!.y1).toBeLessThan(g.track.y);
    expect(g.pace!.y2).toBeGreaterThan(g.track.y + g.track.height);
    expect(g.overflow).toBe(false);
    expect(g.negative).toBe(false);
  });

  it('clamps the fill to the track and says when completion is beyond it', () => {
    const over = progressGeometry({ title: '', desc: '', completion: 1.8, pace: 0.6, completionLabel: '', paceLabel: '' });
    expect(over.fill.width).toBe(over.track.width);
    expect(over.fraction).toBe(1);
    expect(over.overflow).toBe(true);
    const under = progressGeometry({ title: '', desc: '', completion: -0.3, pace: 1.2, completionLabel: '', paceLabel: '' });
    expect(under.fill.width).toBe(0);
    expect(under.negative).toBe(true);
    expect(under.pace!.x).toBe(under.track.width);
    expect(under.pace!.label.anchor).toBe('end');
  });

  it('scales the marker with the width', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 100, max: 1000 }), (pace, width) => {
        const g = progressGeometry({ title: '', desc: '', completion: 0.5, pace, completionLabel: '', paceLabel: '', width });
        expect(Math.abs(g.pace!.x - pace * width)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });
});

describe('textBar', () => {
  it('draws completion as filled cells and inserts the pace marker', () => {
    expect(textBar(0.5, null)).toBe('█'.repeat(10) + '░'.repeat(10));
    expect(textBar(0.67, 0.6)).toBe('█'.repeat(12) + '┃' + '█' + '░'.repeat(7));
    expect(textBar(null, 0)).toBe('┃' + '░'.repeat(TEXT_BAR_CELLS));
    expect(textBar(2, 1)).toBe('█'.repeat(TEXT_BAR_CELLS) + '┃');
  });
});

describe('tickDecimals', () => {
  it('gives the decimals a tick step needs', () => {
    expect(tickDecimals(200)).toBe(0);
    expect(tickDecimals(1)).toBe(0);
    expect(tickDecimals(0.5)).toBe(1);
    expect(tickDecimals(0.2)).toBe(1);
    expect(tickDecimals(0.05)).toBe(2);
    expect(tickDecimals(0)).toBe(0);
  });
});

describe('labels', () => {
  it('leave out the baseline’s label when it would sit on the target’s line', () => {
    const close = trendGeometry({ ...gdp, baseline: { year: 2021, value: 3190, label: 'b' } });
    expect(close.baseline!.label).toBeNull();
    const apart = trendGeometry(gdp);
    expect(apart.baseline!.label).toMatchObject({ text: 'baseline', anchor: 'end' });
    expect(apart.target!.label).toMatchObject({ text: 'target', anchor: 'start' });
  });
});

describe('stackedBarGeometry', () => {
  const bar = (values: number[]) => stackedBarGeometry({ title: 't', desc: 'd', segments: values.map((value) => ({ value, label: String(value) })) });

  it('shares the bar among the segments by value, in order, with a gap between them', () => {
    const g = bar([3, 1, 0, 4]);
    expect(g.kind).toBe('stacked-bar');
    expect(g.segments.map((s) => s.x)).toEqual([0, 180, 240, 240]);
    expect(g.segments.map((s) => s.width)).toEqual([178.5, 58.5, 0, 240]);
    expect(g.segments[3]!.label).toEqual({ x: 360, y: 17.33, text: '4', anchor: 'middle' });
  });

  it('gives every non-zero count a visible segment, the others making room', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 10 }), (values) => {
        const g = bar(values);
        values.forEach((v, i) => expect(g.segments[i]!.width > 0).toBe(v > 0));
        const end = g.segments.reduce((most, s, i) => (values[i]! > 0 ? Math.max(most, s.x + s.width) : most), 0);
        if (values.some((v) => v > 0)) expect(end).toBeCloseTo(STACKED_BAR_WIDTH, 6);
        for (const s of g.segments) expect(Number.isFinite(s.x) && Number.isFinite(s.width)).toBe(true);
      }),
    );
  });

  it('leaves out the count of a segment too narrow for it', () => {
    const g = bar([10_000, 1]);
    expect(g.segments[1]!.width).toBeGreaterThan(0);
    expect(g.segments[1]!.label).toBeNull();
  });
});
