// The terminal view of an assessment (`cixi-plan gaps <year>`): one table grouped
// by pillar with a completion bar and the pace marker, then milestones and a
// footer. It renders the ReportModel only, so the terminal and the reports say the
// same thing in the same words. Pure: returns a string; colour comes from the chalk
// instance passed in.

import type { ChalkInstance } from 'chalk';
import type { Num, ReportModel } from '../present/types.js';
import { columns as widthOf, escapePlanText, truncate } from './terminal.js';
import { toneColor } from './tones.js';

export interface GapsViewOptions {
  chalk: ChalkInstance;
  /** Terminal width in columns; the table is laid out to fit (default 100). */
  width?: number;
}

const BAR_CELLS = 16;

/** Pad or cut `text` to exactly `width` terminal columns (wide characters count 2). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const shown = truncate(text, width);
  const pad = ' '.repeat(Math.max(0, width - widthOf(shown)));
  return align === 'left' ? shown + pad : pad + shown;
}

/** A text bar of `cells` cells filled to `fraction`, with the pace marker at `pace`. */
export function completionBar(fraction: number | null, pace: number | null, cells = BAR_CELLS): string[] {
  const filled = fraction === null ? 0 : Math.round(Math.min(1, Math.max(0, fraction)) * cells);
  const marker = pace === null ? -1 : Math.min(cells - 1, Math.floor(Math.min(1, Math.max(0, pace)) * cells));
  return Array.from({ length: cells }, (_, i) => (i === marker ? '┃' : i < filled ? '█' : '░'));
}

/** A cell compact for the table: its short form when it has one. */
function compact(cell: Num): string {
  return cell.short ?? cell.text;
}

interface Layout {
  /** Widths of name, unit, base, value, target, bar+percent and status columns. */
  columns: [number, number, number, number, number, number, number];
  barCells: number;
}

/** The texts of one table row, as the columns show them (the bar aside). */
type RowTexts = [name: string, unit: string, base: string, value: string, target: string, status: string];

// Each column's narrowest width before it is cut with an ellipsis, and its widest.
const MIN_WIDTH = { name: 10, unit: 4, base: 6, value: 6, target: 7, status: 8 };
const MAX_WIDTH = { unit: 16, base: 12, value: 12, target: 24, status: 16 };
// Too wide: which column gives way, and down to what width, in turn.
const SHRINK: ReadonlyArray<[keyof typeof MIN_WIDTH, number]> = [
  ['target', 12], ['unit', 8], ['name', 16], ['target', MIN_WIDTH.target], ['unit', MIN_WIDTH.unit],
  ['name', MIN_WIDTH.name], ['base', MIN_WIDTH.base], ['value', MIN_WIDTH.value],
];

// Column widths from the content: each column as wide as its widest cell (within its bounds),
// so no column is padded for nothing and a target or unit is cut only when the terminal is
// too narrow for it. Too wide: the bar narrows below 100 columns, then the columns give way
// in the order of SHRINK (a long target first, the name last but the numbers).
function layout(width: number, rows: readonly RowTexts[]): Layout {
  const widest = (i: number) => rows.reduce((w, r) => Math.max(w, widthOf(r[i]!)), 0);
  const barCells = width < 100 ? 8 : BAR_CELLS;
  const bar = barCells + 7;
  const w = {
    name: Math.max(MIN_WIDTH.name, widest(0)),
    unit: Math.min(MAX_WIDTH.unit, Math.max(MIN_WIDTH.unit, widest(1))),
    base: Math.min(MAX_WIDTH.base, Math.max(MIN_WIDTH.base, widest(2))),
    value: Math.min(MAX_WIDTH.value, Math.max(MIN_WIDTH.value, widest(3))),
    target: Math.min(MAX_WIDTH.target, Math.max(MIN_WIDTH.target, widest(4))),
    status: Math.min(MAX_WIDTH.status, Math.max(MIN_WIDTH.status, widest(5))),
  };
  // Two columns of indent and a space between columns.
  const total = () => 2 + w.name + w.unit + w.base + w.value + w.target + bar + w.status + 6;
  for (const [key, floor] of SHRINK) {
    const over = total() - width;
    if (over <= 0) break;
    w[key] = Math.max(Math.min(w[key], floor), w[key] - over);
  }
  return { columns: [w.name, w.unit, w.base, w.value, w.target, bar, w.status], barCells };
}

/**
 * Break `text` into lines of at most `width` display columns, continuing with `indent`. A line
 * breaks at a space or beside a wide (CJK) character, where a reader expects it; only a word
 * longer than the line is cut inside.
 */
export function wrap(text: string, width: number, indent = '  '): string[] {
  const lines: string[] = [];
  let line = '';
  // The line's width is kept as it grows: measuring the line again for every character took
  // time quadratic in its length (a footnote naming thousands of indicators).
  let used = 0;
  // Where the line may break (an index into it), or -1; and whether its last character is wide.
  let breakAt = -1;
  let lastWide = false;
  const start = (rest: string): void => {
    line = indent + rest;
    used = widthOf(line);
    breakAt = -1;
  };
  for (const ch of text) {
    const w = widthOf(ch);
    if (ch === ' ') breakAt = line.length;
    else if (w === 2 || lastWide) breakAt = line.length;
    lastWide = w === 2;
    if (used + w <= width) {
      line += ch;
      used += w;
      continue;
    }
    if (ch === ' ') {
      lines.push(line.trimEnd());
      start('');
    } else if (breakAt > indent.length || (lines.length === 0 && breakAt > 0)) {
      lines.push(line.slice(0, breakAt).trimEnd());
      start(line.slice(breakAt).trimStart() + ch);
    } else {
      lines.push(line.trimEnd());
      start(ch);
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** Render the report's model as a terminal table grouped by pillar. */
export function formatGaps(planModel: ReportModel, options: GapsViewOptions): string {
  // Plan text is shown with its control characters escaped, and laid out as shown.
  const model = escapePlanText(planModel);
  const { chalk } = options;
  const width = Math.max(80, options.width ?? 100);
  const header = new Map(model.statusTable.columns.map((c) => [c.key, c.label]));
  const rows = model.pillars.items.flatMap((p) => p.indicators.map(({ row }) => row));
  const texts = (row: (typeof rows)[number]): RowTexts =>
    [row.name, row.unit, compact(row.baseline), compact(row.value), compact(row.target), row.status.label + (row.warning ? ' ⚠' : '')];
  const headerTexts: RowTexts = (['name', 'unit', 'baseline', 'value', 'target', 'status'] as const).map((k) => header.get(k) ?? '') as RowTexts;
  const { columns, barCells } = layout(width, [headerTexts, ...rows.map(texts)]);
  const [wName, wUnit, wBase, wValue, wTarget, wBar, wStatus] = columns;
  const colon = model.labels.colon;
  const lines: string[] = [];

  lines.push(...wrap(model.meta.title, width).map((l) => chalk.bold(l)));
  lines.push(...wrap(model.overview.timePace, width));
  lines.push('');
  const head = [
    fit(header.get('name') ?? '', wName),
    fit(header.get('unit') ?? '', wUnit),
    fit(header.get('baseline') ?? '', wBase, 'right'),
    fit(header.get('value') ?? '', wValue, 'right'),
    fit(header.get('target') ?? '', wTarget, 'right'),
    fit(header.get('completion') ?? '', wBar),
    fit(header.get('status') ?? '', wStatus),
  ].join(' ');
  // A plan without indicators gets no empty table, only each pillar's one line.
  if (rows.length > 0) lines.push(chalk.bold(('  ' + head).trimEnd()));

  const timePace = model.overview.timePaceValue.value;
  for (const pillar of model.pillars.items) {
    lines.push(chalk.bold.underline(pillar.title));
    if (pillar.indicators.length === 0) lines.push(chalk.dim(`  ${pillar.empty}`));
    for (const { row } of pillar.indicators) {
      const completion = row.completion.value;
      const bar = completionBar(completion, row.pace.value ?? timePace, barCells);
      const barText = completion === null ? ' '.repeat(barCells) : bar.map((cell) => (cell === '┃' ? chalk.bold(cell) : cell)).join('');
      const status = row.status.label + (row.warning ? ' ⚠' : '');
      const cells = [
        fit(row.name, wName),
        fit(row.unit, wUnit),
        fit(compact(row.baseline), wBase, 'right'),
        fit(compact(row.value), wValue, 'right'),
        fit(compact(row.target), wTarget, 'right'),
        `${barText} ${fit(row.completion.text, wBar - barCells - 1, 'right')}`,
        toneColor(chalk, row.status.tone)(fit(status, wStatus)),
      ];
      lines.push(('  ' + cells.join(' ')).trimEnd());
    }
  }
  const sep = model.lang === 'en' ? '; ' : '；';
  if (model.terminal.staleNotes.length > 0) lines.push(...wrap(`* ${model.terminal.staleNotes.join(sep)}`, width).map((l) => chalk.dim(l)));
  if (model.terminal.boundNote !== null) lines.push(...wrap(model.terminal.boundNote, width).map((l) => chalk.dim(l)));

  const milestones = model.milestones;
  if (milestones.rows.length > 0) {
    lines.push('');
    lines.push(chalk.bold(milestones.caption));
    // A loop, not Math.max(...rows): a plan may have more milestones than a call takes arguments.
    const most = (of: (m: (typeof milestones.rows)[number]) => string): number => milestones.rows.reduce((w, m) => Math.max(w, widthOf(of(m))), 0);
    const nameWidth = Math.min(40, most((m) => m.name));
    const dueWidth = most((m) => m.due);
    const labelWidth = most((m) => m.status.label);
    for (const m of milestones.rows) {
      const label = toneColor(chalk, m.status.tone)(fit(m.status.label, labelWidth));
      const room = Math.max(10, width - 2 - nameWidth - dueWidth - labelWidth - 3);
      lines.push(`  ${fit(m.name, nameWidth)} ${fit(m.due, dueWidth)} ${label} ${chalk.dim(fit(m.note, room))}`.trimEnd());
    }
  }

  lines.push('');
  // Labels are bolded after wrapping so colour codes never count towards the width.
  const labelled = (label: string, text: string, paint: (s: string) => string = (x) => x) =>
    wrap(`${label}${colon}${text}`, width).map((l, i) => (i === 0 ? chalk.bold(label) + paint(l.slice(label.length)) : paint(l)));
  const counts = (rows: ReadonlyArray<{ label: string; count: number }>) => rows.map((r) => `${r.label} ${r.count}`).join(' · ');
  const { indicatorCounts, milestoneCounts } = model.overview;
  lines.push(...labelled(indicatorCounts.caption, counts(indicatorCounts.rows)));
  if (milestones.rows.length > 0) lines.push(...labelled(milestoneCounts.caption, counts(milestoneCounts.rows)));
  const warnings = model.overview.warnings;
  const open = model.lang === 'en' ? ' (' : '（';
  const close = model.lang === 'en' ? ')' : '）';
  const warnText = warnings.length === 0 ? model.overview.noWarnings : warnings.map((w) => `${w.name}${open}${w.text}${close}`).join(sep);
  lines.push(...labelled(model.overview.warningsTitle, warnText, warnings.length === 0 ? undefined : chalk.red));
  const undetermined = model.overview.undetermined;
  if (undetermined.length > 0) {
    lines.push(...labelled(model.terminal.undetermined, undetermined.map((u) => `${u.name}${open}${u.text}${close}`).join(sep), chalk.yellow));
  }
  return lines.join('\n') + '\n';
}
