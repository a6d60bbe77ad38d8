// Counts by status as one stacked bar, drawn as vectors from the shared geometry
// (src/present/charts.ts, as the HTML report's SVG): its caption above, each segment in its
// tone (lighter shades for statuses sharing a tone) with its count inside when it fits, and a
// legend of the statuses below, each with its count, so the bar reads without colour too.

import { drawLine, measurer, type Setting, toneOf } from './draw.js';
import { type Flow, type Frame, push, space } from './flow.js';
import { breakLines, type Line } from './text.js';
import { BLOCK_GAP, COLOR, LEADING, SIZE, TONE_FILL } from './theme.js';
import type { PdfStatusBarBlock } from './types.js';

const CAPTION: Setting = { size: SIZE.body, pitch: SIZE.body * LEADING.heading, color: COLOR.heading };
const COUNT: Setting = { size: SIZE.table, pitch: SIZE.table * 1.3, color: '#ffffff' };
const LEGEND: Setting = { size: SIZE.table, pitch: SIZE.table * 1.9, color: COLOR.text };
const SWATCH = 8;
/** Share of white mixed into a segment's tone for each shade. */
const SHADE_WHITE = [0, 0.45, 0.7];

const finite = (n: unknown, fallback = 0): number => (typeof n === 'number' && Number.isFinite(n) ? n : fallback);

/** A tone's fill colour, lightened for shade 1 and 2. */
export function shadeOf(tone: unknown, shade: unknown): string {
  const base = TONE_FILL[toneOf(tone)];
  const white = SHADE_WHITE[Math.min(Math.max(Math.round(finite(shade)), 0), SHADE_WHITE.length - 1)]!;
  const hex = parseInt(base.slice(1), 16);
  const mix = (c: number): string => Math.round(c + (255 - c) * white).toString(16).padStart(2, '0');
  return `#${mix(hex >> 16)}${mix((hex >> 8) & 0xff)}${mix(hex & 0xff)}`;
}

/** Set a status bar as one block: caption, bar, legend. */
export function statusBar(flow: Flow, block: PdfStatusBarBlock, frame: Frame): void {
  const doc = flow.doc;
  const g = block.geometry;
  const segments = Array.isArray(block.segments) ? block.segments : [];
  const caption = breakLines([{ text: String(block.caption ?? ''), style: { bold: true } }], measurer(flow.fonts, CAPTION.size), frame.width);
  const scale = frame.width / finite(g.width, 1);
  const barH = finite(g.height) * scale;
  // Legend items: swatch, label and count, wrapped into rows.
  const measure = measurer(flow.fonts, LEGEND.size);
  const items = segments.map((s, i) => {
    const line = breakLines([{ text: String(s?.label ?? ''), style: {} }], measure, 1e6)[0]!;
    return { line, color: shadeOf(s?.tone, s?.shade), width: SWATCH + 4 + line.width + 16, i };
  });
  const rows: (typeof items)[] = [];
  for (const it of items) {
    const row = rows[rows.length - 1];
    if (row !== undefined && row.reduce((a, b) => a + b.width, 0) + it.width <= frame.width) row.push(it);
    else rows.push([it]);
  }
  const height = caption.length * CAPTION.pitch + 4 + barH + 4 + rows.length * LEGEND.pitch;
  space(flow, BLOCK_GAP);
  push(flow, {
    height,
    draw: (at) => {
      let y = at.top;
      caption.forEach((l: Line) => {
        drawLine(doc, l, frame.x, y, frame.width, 'left', CAPTION);
        y += CAPTION.pitch;
      });
      y += 4;
      doc.save().rect(frame.x, y, frame.width, barH).fill(COLOR.track).restore();
      const countMeasure = measurer(flow.fonts, COUNT.size);
      g.segments.forEach((seg, i) => {
        const s = segments[i];
        const w = finite(seg?.width) * scale;
        if (w <= 0) return;
        const x = frame.x + finite(seg?.x) * scale;
        doc.save().rect(x, y, w, barH).fill(shadeOf(s?.tone, s?.shade)).restore();
        const label = seg?.label;
        if (label == null) return;
        const text = breakLines([{ text: String(label.text ?? ''), style: { bold: true } }], countMeasure, 1e6)[0]!;
        const set = finite(s?.shade) > 0 ? { ...COUNT, color: COLOR.text } : COUNT;
        drawLine(doc, text, frame.x + finite(label.x) * scale - text.width / 2, y + (barH - COUNT.pitch) / 2, text.width, 'left', set);
      });
      y += barH + 4;
      for (const row of rows) {
        let x = frame.x;
        for (const it of row) {
          doc.save().rect(x, y + (LEGEND.pitch - SWATCH) / 2, SWATCH, SWATCH).fill(it.color).restore();
          drawLine(doc, it.line, x + SWATCH + 4, y, it.line.width, 'left', LEGEND);
          x += it.width;
        }
        y += LEGEND.pitch;
      }
    },
  });
  space(flow, BLOCK_GAP);
}
