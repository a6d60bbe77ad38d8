// The paginator: boxes in, pages out. A page takes boxes while they fit; when one does not, the
// page ends at the cheapest break before it (the latest of equally cheap ones), so headings
// stay with their first lines, paragraphs keep two lines on each side of a break and list
// items and table rows move whole. A section (up to a forced break or the end) whose last
// page would be less than a quarter full pulls it back onto the page before by tightening
// both (less leading, half the space between blocks), or failing that, breaks that page
// earlier so the last one is not left with a line or two. Pages are drawn once settled.

import {
  type At,
  type Box,
  capacityOf,
  type Flow,
  LANDSCAPE,
  type PageGeometry,
  type PageLayout,
  type Pager,
  PORTRAIT,
} from './flow.js';
import { MARGIN } from './theme.js';

const EPSILON = 0.001;
/** A section's last page filled less than this share is pulled back or refilled. */
const SHORT_PAGE = 0.25;
/** Shares of the tightening tried, least first. */
const RATIOS = [0.25, 0.5, 0.75, 1] as const;
/** Share of the space before a box that tightening may take. */
const GLUE_SHRINK = 0.5;
/** Drawn boxes are dropped from the queue in batches of at least this many. */
const TRIM = 1024;

const geometry = (landscape: boolean): PageGeometry => (landscape ? LANDSCAPE : PORTRAIT);

type Scan = { open: true } | { open: false; at: number; forced: boolean };

// Whether the page starting at box `from` continues a table from the page before.
function continues(q: Box[], from: number): boolean {
  const b = q[from];
  return from > 0 && b?.table !== undefined && q[from - 1]?.table === b.table;
}

// Fill a page from box `from` (boxes up to `end`) at a tightening ratio: open if they all fit,
// else where the page must end and whether a forced break (or a turn of the page) ends it.
function scan(q: Box[], from: number, ratio: number, end = q.length): Scan {
  const landscape = q[from]!.landscape;
  const cap = capacityOf(geometry(landscape));
  let y = continues(q, from) ? q[from]!.table!.headHeight : 0;
  let trailer = 0;
  for (let i = from; i < end; i++) {
    const b = q[i]!;
    if (i > from && (b.force || b.landscape !== landscape)) return { open: false, at: i, forced: b.force };
    const gap = i === from ? 0 : b.before * (1 - ratio * GLUE_SHRINK);
    const h = b.height - ratio * b.shrink;
    const foot = b.table !== undefined ? trailer + (b.trailer ?? 0) : 0;
    if (i > from && y + gap + h + foot > cap + EPSILON) return { open: false, at: breakBefore(q, from, i), forced: false };
    y += gap + h;
    if (b.table !== undefined) {
      trailer += b.trailer ?? 0;
      if (i + 1 >= end || q[i + 1]!.table !== b.table) {
        y += trailer;
        trailer = 0;
      }
    }
  }
  return { open: true };
}

// The cheapest break in (from, i], the latest of equally cheap ones; i when every one is barred.
function breakBefore(q: Box[], from: number, i: number): number {
  let best = i;
  let cost = Infinity;
  for (let j = i; j > from; j--) {
    const p = q[j]!.penalty;
    if (p < cost) {
      cost = p;
      best = j;
      if (p <= 0) break;
    }
  }
  return best;
}

// Place boxes [from, to) on one page.
function lay(q: Box[], from: number, to: number, ratio: number): PageLayout {
  const landscape = q[from]!.landscape;
  const head = continues(q, from) ? q[from]!.table! : null;
  const page: PageLayout = { from, to, landscape, ratio, slots: [], head, parts: [], used: 0 };
  let y = head?.headHeight ?? 0;
  let first = -1;
  let trailer = 0;
  for (let i = from; i < to; i++) {
    const b = q[i]!;
    const gap = i === from ? 0 : b.before * (1 - ratio * GLUE_SHRINK);
    const h = b.height - ratio * b.shrink;
    page.slots.push({ i, top: y + gap, height: h });
    y += gap + h;
    if (b.table === undefined) continue;
    if (first < 0) first = page.slots.length - 1;
    trailer += b.trailer ?? 0;
    if (i + 1 >= to || q[i + 1]?.table !== b.table) {
      page.parts.push({ table: b.table, first, last: page.slots.length - 1, footTop: y });
      y += trailer;
      trailer = 0;
      first = -1;
    }
  }
  page.used = y;
  return page;
}

// The last page of a section, [from, to): pulled back onto the page before it when short.
function closeSection(pg: Pager, from: number, to: number): void {
  const q = pg.boxes;
  let tail = lay(q, from, to, 0);
  const cap = capacityOf(geometry(tail.landscape));
  const prev = pg.pages[pg.pages.length - 1];
  if (prev !== undefined && prev.to === from && !q[from]!.force && prev.landscape === tail.landscape && tail.used < SHORT_PAGE * cap) {
    for (const ratio of RATIOS) {
      if (scan(q, prev.from, ratio, to).open) {
        pg.pages[pg.pages.length - 1] = lay(q, prev.from, to, ratio);
        return;
      }
    }
    const j = refill(q, prev, to, cap);
    if (j !== null) {
      pg.pages[pg.pages.length - 1] = lay(q, prev.from, j, 0);
      tail = lay(q, j, to, 0);
    }
  }
  pg.pages.push(tail);
}

// Where the page before a short last page may end instead, so that the last page is at least a
// quarter full: the cheapest such break, the latest of equally cheap ones; null when none.
function refill(q: Box[], prev: PageLayout, to: number, cap: number): number | null {
  let best: number | null = null;
  let cost = Infinity;
  for (let j = prev.to - 1; j > prev.from; j--) {
    if (!scan(q, j, 0, to).open) break;
    if (lay(q, j, to, 0).used < SHORT_PAGE * cap) continue;
    const p = q[j]!.penalty;
    if (p < cost) {
      cost = p;
      best = j;
      if (p <= 0) break;
    }
  }
  return best;
}

/**
 * Make pages of the boxes waiting: every page that is settled is drawn. A page is settled when
 * a box overflows it or a forced break ends it; the last settled page waits for the end of its
 * section, which may pull the section's short last page back onto it. With `end`, the
 * document is complete: everything is laid out and drawn.
 */
export function paginate(flow: Flow, end: boolean): void {
  const pg = flow.pager;
  const q = pg.boxes;
  for (;;) {
    const from = pg.cursor;
    if (from >= q.length) break;
    const s = scan(q, from, 0);
    if (s.open) {
      if (!end) break;
      closeSection(pg, from, q.length);
      pg.cursor = q.length;
      break;
    }
    if (s.forced) closeSection(pg, from, s.at);
    else pg.pages.push(lay(q, from, s.at, 0));
    pg.cursor = s.at;
  }
  const keep = end ? 0 : 1;
  while (pg.pages.length > keep) drawPage(flow, pg.pages.shift()!);
  trim(pg);
}

// Add a page to the document and draw its boxes, with the repeated head of a continued table
// and the foot under each table part.
function drawPage(flow: Flow, page: PageLayout): void {
  const q = flow.pager.boxes;
  const geo = geometry(page.landscape);
  flow.doc.addPage({ size: [geo.width, geo.height], margins: MARGIN });
  const index = flow.pageCount++;
  if (page.head !== null) page.head.drawHead(geo.top, index);
  let k = 0;
  page.slots.forEach((s, n) => {
    const at: At = { top: geo.top + s.top, height: s.height, page: index };
    q[s.i]!.draw(at);
    const part = page.parts[k];
    if (part !== undefined && part.last === n) {
      const rows = page.slots.slice(part.first, part.last + 1).map((r) => ({ box: q[r.i]!, at: { top: geo.top + r.top, height: r.height, page: index } }));
      part.table.drawFoot(rows, geo.top + part.footTop);
      k++;
    }
  });
}

// Drop drawn boxes (all but the last, which tells whether the next page continues a table).
function trim(pg: Pager): void {
  const settled = pg.pages[0]?.from ?? pg.cursor;
  const drop = settled - 1;
  if (drop < TRIM && !(drop > 0 && settled >= pg.boxes.length)) return;
  pg.boxes.splice(0, drop);
  pg.cursor -= drop;
  for (const page of pg.pages) {
    page.from -= drop;
    page.to -= drop;
    for (const s of page.slots) s.i -= drop;
  }
}
