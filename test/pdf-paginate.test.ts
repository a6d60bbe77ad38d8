// The paginator on boxes of known heights: where pages break, how a short last page of a
// section is pulled back (tightened) or refilled, and where each box lands.

import { describe, expect, it } from 'vitest';
import { type At, type Flow, PENALTY, push, breakPage } from '../src/render/pdf/flow.js';
import { paginate } from '../src/render/pdf/paginate.js';
import { MARGIN, PAGE } from '../src/render/pdf/theme.js';

/** Height of a portrait page's text area. */
const CAPACITY = PAGE.height - MARGIN.top - MARGIN.bottom;

interface Spec {
  height: number;
  before?: number;
  shrink?: number;
  penalty?: number;
  force?: boolean;
}

/** Paginate boxes on a document that only counts pages; where each box landed. */
function layOut(specs: Spec[]): Array<At & { i: number }> {
  const doc = { addPage: () => doc };
  const flow = { doc, pager: { boxes: [], cursor: 0, pages: [] }, pageCount: 1, pending: 0, keepNext: 0, forceNext: false } as unknown as Flow;
  const placed: Array<At & { i: number }> = [];
  specs.forEach((s, i) => {
    if (s.force === true) breakPage(flow);
    flow.pending = s.before ?? 0;
    push(flow, { height: s.height, shrink: s.shrink ?? 0, penalty: s.penalty ?? PENALTY.free, draw: (at) => placed.push({ i, ...at }) });
  });
  paginate(flow, true);
  return placed;
}

const pagesOf = (placed: Array<{ page: number }>): number[] => placed.map((p) => p.page);
const lines = (n: number, spec: Spec = { height: 18 }): Spec[] => Array.from({ length: n }, () => ({ ...spec }));

describe('the paginator', () => {
  it('fills a page and breaks before the box that does not fit', () => {
    const placed = layOut(lines(50));
    const perPage = Math.floor(CAPACITY / 18);
    expect(pagesOf(placed).filter((p) => p === 1)).toHaveLength(perPage);
    expect(placed[0]!.top).toBe(MARGIN.top);
    expect(placed[perPage]!).toMatchObject({ page: 2, top: MARGIN.top });
  });

  it('breaks at the cheapest place on the page, the latest of equally cheap ones', () => {
    // A page holds 39 lines. Breaks before lines 10 to 49 cost a widow's penalty, but before 35.
    const specs = [...lines(10), ...lines(40, { height: 18, penalty: PENALTY.widow })];
    specs[35]!.penalty = PENALTY.free;
    expect(layOut(specs).filter((p) => p.page === 1).map((p) => p.i).at(-1)).toBe(34);
    // With no free break on the page, the latest of the widow breaks.
    const widows = lines(50, { height: 18, penalty: PENALTY.widow });
    widows[30]!.penalty = PENALTY.keep;
    expect(layOut(widows).filter((p) => p.page === 1).map((p) => p.i).at(-1)).toBe(38);
  });

  it('moves a run that must stay together to the next page whole', () => {
    const specs = [...lines(30), ...lines(12, { height: 18, penalty: PENALTY.item })];
    specs[30]!.penalty = PENALTY.free;
    const placed = layOut(specs);
    expect(pagesOf(placed.slice(30))).toEqual(Array(12).fill(2));
  });

  it('drops the space before a box at the top of a page', () => {
    const placed = layOut(lines(45, { height: 18, before: 6 }));
    const second = placed.find((p) => p.page === 2)!;
    expect(second.top).toBe(MARGIN.top);
  });

  it('starts a new page at a forced break, never a blank one', () => {
    const placed = layOut([...lines(3), { height: 18, force: true }, ...lines(2)]);
    expect(pagesOf(placed)).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it('pulls a short last page back onto the page before by tightening both', () => {
    // 40 lines of 18 points overflow a page by a line; each may give up 3 points.
    const placed = layOut([...lines(40, { height: 18, shrink: 3 }), { height: 18, force: true }]);
    expect(pagesOf(placed.slice(0, 40))).toEqual(Array(40).fill(1));
    const last = placed[39]!;
    expect(last.top + last.height).toBeLessThanOrEqual(MARGIN.top + CAPACITY + 0.01);
    expect(last.height).toBeLessThan(18);
    // The next section still starts a page of its own.
    expect(placed[40]!.page).toBe(2);
  });

  it('tightens no more than it must', () => {
    const placed = layOut(lines(40, { height: 18, shrink: 3 }));
    const squeeze = 18 - placed[0]!.height;
    // 40 lines in the page's height: 720 − 705.89 points to find, 3 per line at most.
    expect(squeeze).toBeGreaterThan(0);
    expect(squeeze).toBeLessThan(3);
  });

  it('refills a short last page from the page before when tightening cannot pull it back', () => {
    // Nothing shrinks: 39 lines fill a page, the 40th would stand alone.
    const placed = layOut(lines(40));
    const last = placed.filter((p) => p.page === 2);
    expect(last.length * 18).toBeGreaterThanOrEqual(CAPACITY / 4);
    expect(placed.filter((p) => p.page === 1).length + last.length).toBe(40);
  });

  it('leaves a short last page alone when its section has only that page', () => {
    const placed = layOut([...lines(39), { height: 18, force: true }, ...lines(2)]);
    expect(pagesOf(placed.slice(40))).toEqual([2, 2]);
  });

  it('places a box taller than a page on a page of its own', () => {
    const placed = layOut([...lines(2), { height: CAPACITY * 1.5 }, ...lines(2)]);
    expect(pagesOf(placed)).toEqual([1, 1, 2, 3, 3]);
  });
});
