// The terminal view of an assessment (`cixi-plan gaps <year>`): one table grouped
// by pillar with a completion bar and the pace marker, then milestones and a
// footer. Pure: returns a string; colour comes from the chalk instance passed in.

import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { Assessment, IndicatorAssessment, IndicatorStatus, MilestoneStatus } from '../assess/types.js';
import { boundMark, formatData, formatPercent } from '../present/format.js';
import { messages } from '../present/i18n.js';
import type { Lang, ReportModel } from '../present/types.js';
import { columns, escapePlanText, truncate } from './terminal.js';

export interface GapsViewOptions {
  chalk: ChalkInstance;
  /** Terminal width in columns; the table is laid out to fit (default 100). */
  width?: number;
}

// The few words only the terminal view uses; everything else (titles, column and status
// labels, milestone reasons, 预警 texts) comes from the ReportModel, as in the reports.
const WORDS: Record<Lang, { staleNote: (year: number) => string; boundNote: string }> = {
  'zh-CN': {
    staleNote: (year) => `${year}年值`,
    boundNote: '≥ 表示来源只给出下限，≤ 表示只给出上限',
  },
  en: {
    staleNote: (year) => `value of ${year}`,
    boundNote: '≥ the source gives only a lower bound, ≤ only an upper bound',
  },
};

const BAR_CELLS = 16;

/** Pad or cut `text` to exactly `width` terminal columns (wide characters count 2). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const shown = truncate(text, width);
  const pad = ' '.repeat(Math.max(0, width - columns(shown)));
  return align === 'left' ? shown + pad : pad + shown;
}

/** A text bar of `cells` cells filled to `fraction`, with the pace marker at `pace`. */
export function completionBar(fraction: number | null, pace: number | null, cells = BAR_CELLS): string[] {
  const filled = fraction === null ? 0 : Math.round(Math.min(1, Math.max(0, fraction)) * cells);
  const marker = pace === null ? -1 : Math.min(cells - 1, Math.floor(Math.min(1, Math.max(0, pace)) * cells));
  return Array.from({ length: cells }, (_, i) => (i === marker ? '┃' : i < filled ? '█' : '░'));
}

function statusColor(chalk: ChalkInstance, status: IndicatorStatus): (s: string) => string {
  switch (status) {
    case 'met':
    case 'ahead':
      return chalk.green;
    case 'on_track':
      return chalk.cyan;
    case 'behind':
      return chalk.yellow;
    case 'far_behind':
      return chalk.red.bold;
    default:
      return chalk.dim;
  }
}

function milestoneColor(chalk: ChalkInstance, status: MilestoneStatus): (s: string) => string {
  switch (status) {
    case 'done':
      return chalk.green;
    case 'on_schedule':
      return chalk.cyan;
    case 'at_risk':
      return chalk.yellow;
    case 'overdue':
      return chalk.red.bold;
    default:
      return chalk.dim;
  }
}

// The value used, compact for a table cell: a bound is marked, a stale value starred (the
// footnote says which year); the report writes the year out instead.
// The target, compact: its comparator and value; a 翻番 target without a baseline is its rule (×2).
function targetText(ind: IndicatorAssessment, lang: Lang): string {
  if (!ind.has_target) return '—';
  if (ind.target === null) return ind.target_multiple !== null ? `×${formatData(ind.target_multiple, lang)}` : '—';
  return `${ind.comparator === null ? '' : messages(lang).comparator[ind.comparator]}${formatData(ind.target, lang)}`;
}

function valueText(ind: IndicatorAssessment, lang: Lang): string {
  const shown = ind.kind === 'cumulative' && ind.achieved !== null ? ind.achieved : ind.value;
  return shown === null ? '—' : `${boundMark(ind.bound)}${formatData(shown, lang)}${ind.stale ? '*' : ''}`;
}

interface Layout {
  /** Widths of name, unit, base, value, target, bar+percent and status columns. */
  columns: [number, number, number, number, number, number, number];
  barCells: number;
}

// Column widths for a given total width: the name column takes what is left.
// Below 100 columns the numbers and the bar get narrower rather than overflow.
function layout(width: number): Layout {
  const narrow = width < 100;
  const barCells = narrow ? 8 : BAR_CELLS;
  const fixed = narrow ? [5, 8, 9, 7, barCells + 7, 15] : [5, 9, 10, 9, barCells + 7, 15];
  const name = Math.max(10, width - 2 - fixed.reduce((a, b) => a + b, 0) - fixed.length);
  return { columns: [name, ...fixed] as Layout['columns'], barCells };
}

/** Break `text` into lines of at most `width` display columns, continuing with `indent`. */
export function wrap(text: string, width: number, indent = '  '): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (stringWidth(line + ch) > width) {
      lines.push(line.trimEnd());
      line = indent + (ch === ' ' ? '' : ch);
    } else {
      line += ch;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/**
 * Render the assessment as a terminal table grouped by pillar. Numbers come from the
 * assessment; every label and sentence from the ReportModel, so the terminal and the
 * reports say the same thing in the same words.
 */
export function formatGaps(planAssessment: Assessment, planModel: ReportModel, options: GapsViewOptions): string {
  // Plan text is shown with its control characters escaped, and laid out as shown.
  const assessment = escapePlanText(planAssessment);
  const model = escapePlanText(planModel);
  const { chalk } = options;
  const width = Math.max(80, options.width ?? 100);
  const lang = model.lang;
  const W = WORDS[lang];
  const { columns, barCells } = layout(width);
  const [wName, wUnit, wBase, wValue, wTarget, wBar, wStatus] = columns;
  const header = new Map(model.statusTable.columns.map((c) => [c.key, c.label]));
  const rows = new Map(model.statusTable.rows.map((r) => [r.id, r]));
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
  lines.push(chalk.bold(('  ' + head).trimEnd()));

  const stale: string[] = [];
  let anyBound = false;
  const byId = new Map(assessment.indicators.map((i) => [i.id, i]));
  for (const pillar of assessment.pillars) {
    lines.push(chalk.bold.underline(pillar.name));
    for (const id of pillar.indicator_ids) {
      const ind = byId.get(id);
      const row = rows.get(id);
      if (!ind || !row) continue;
      if (ind.stale && ind.value_year !== null) stale.push(`${ind.name}${colon}${W.staleNote(ind.value_year)}`);
      if (ind.bound !== null || ind.baseline_bound !== null) anyBound = true;
      const bar = completionBar(ind.completion, ind.pace_at_value_year ?? assessment.time_pace, barCells);
      const barText = ind.completion === null ? ' '.repeat(barCells) : bar.map((cell) => (cell === '┃' ? chalk.bold(cell) : cell)).join('');
      const pct = ind.completion === null ? '—' : formatPercent(ind.completion, lang);
      const status = row.status.label + (row.warning ? ' ⚠' : '');
      const cells = [
        fit(ind.name, wName),
        fit(ind.unit, wUnit),
        fit(ind.baseline === null ? '—' : boundMark(ind.baseline_bound) + formatData(ind.baseline, lang), wBase, 'right'),
        fit(valueText(ind, lang), wValue, 'right'),
        fit(targetText(ind, lang), wTarget, 'right'),
        `${barText} ${fit(pct, wBar - barCells - 1, 'right')}`,
        statusColor(chalk, ind.status)(fit(status, wStatus)),
      ];
      lines.push(('  ' + cells.join(' ')).trimEnd());
    }
  }
  if (stale.length > 0) lines.push(...wrap(`* ${stale.join(lang === 'en' ? '; ' : '；')}`, width).map((l) => chalk.dim(l)));
  if (anyBound) lines.push(...wrap(W.boundNote, width).map((l) => chalk.dim(l)));

  const milestones = model.milestones;
  if (milestones.rows.length > 0) {
    lines.push('');
    lines.push(chalk.bold(milestones.caption));
    const status = new Map(assessment.milestones.map((m) => [m.id, m.status]));
    const nameWidth = Math.min(40, Math.max(...milestones.rows.map((m) => stringWidth(m.name))));
    const dueWidth = Math.max(...milestones.rows.map((m) => stringWidth(m.due)));
    const labelWidth = Math.max(...milestones.rows.map((m) => stringWidth(m.status.label)));
    for (const m of milestones.rows) {
      const label = milestoneColor(chalk, status.get(m.id) ?? 'no_data')(fit(m.status.label, labelWidth));
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
  const warnText = warnings.length === 0 ? model.overview.noWarnings : warnings.map((w) => `${w.name}（${w.text}）`).join('；');
  lines.push(...labelled(model.overview.warningsTitle, warnText, warnings.length === 0 ? undefined : chalk.red));
  return lines.join('\n') + '\n';
}
