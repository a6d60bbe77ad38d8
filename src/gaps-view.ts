// The terminal view of an assessment (`cixi-plan gaps <year>`): one table grouped
// by pillar with a completion bar and the pace marker, then milestones and a
// footer. Pure: returns a string; colour comes from the chalk instance passed in.

import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import {
  INDICATOR_STATUS_LABELS_EN,
  INDICATOR_STATUS_LABELS_ZH,
  INDICATOR_STATUSES,
  MILESTONE_STATUS_LABELS_EN,
  MILESTONE_STATUS_LABELS_ZH,
  MILESTONE_STATUSES,
  type Assessment,
  type IndicatorAssessment,
  type IndicatorStatus,
  type MilestoneAssessment,
  type MilestoneStatus,
} from './assess/types.js';
import type { MilestoneStateName, PlanFile } from './model.js';

export interface GapsViewOptions {
  chalk: ChalkInstance;
  /** Terminal width in columns; the table is laid out to fit (default 100). */
  width?: number;
}

/** Why a milestone has its status, from its fields (the assessment's reasons are English). */
type MilestoneReason = (m: MilestoneAssessment, state: string) => string;
/** Why an indicator carries a 预警. */
type WarningReason = (ind: IndicatorAssessment) => string;

interface Labels {
  title: (year: number) => string;
  pace: string;
  tolerance: (points: number) => string;
  columns: [string, string, string, string, string, string, string];
  staleNote: (year: number) => string;
  milestones: string;
  due: (year: number) => string;
  counts: string;
  warnings: string;
  none: string;
  boundNote: string;
  indicatorStatus: Readonly<Record<IndicatorStatus, string>>;
  milestoneStatus: Readonly<Record<MilestoneStatus, string>>;
  stateNames: Readonly<Record<MilestoneStateName, string>>;
  milestoneReason: MilestoneReason;
  warningReason: WarningReason;
}

const ZH: Labels = {
  title: (year) => `${year}年规划实施进度`,
  pace: '序时进度',
  tolerance: (points) => `容差 ±${points}个百分点`,
  columns: ['指标', '单位', '基期值', '本年值', '目标值', '完成进度', '状态'],
  staleNote: (year) => `${year}年值`,
  milestones: '重大项目/里程碑',
  due: (year) => `${year}年`,
  counts: '合计',
  warnings: '预警',
  none: '无',
  boundNote: '≥ 表示来源只给出下限，≤ 表示只给出上限',
  indicatorStatus: INDICATOR_STATUS_LABELS_ZH,
  milestoneStatus: MILESTONE_STATUS_LABELS_ZH,
  stateNames: { 'not-started': '未启动', 'in-progress': '推进中', done: '已完成', delayed: '延期' },
  milestoneReason: (m, state) => {
    switch (m.status) {
      case 'done':
        return `${m.state_date ?? m.state_year}已完成`;
      case 'at_risk':
        return m.expected ? `预计${m.expected}完成，晚于${m.due}年` : `${m.state_year}年报告为${state}`;
      case 'overdue':
        return m.state ? `应于${m.due}年完成，${m.state_year}年仍为${state}` : `应于${m.due}年完成，无进展报告`;
      case 'on_schedule':
        return `${m.state_year}年：${state}`;
      default:
        return '';
    }
  },
  warningReason: (ind) =>
    ind.projection === null ? '无法预测' : `按现有速度${ind.target_year}年为${num(ind.projection)}，目标${targetText(ind)}`,
};

const EN: Labels = {
  title: (year) => `Plan progress in ${year}`,
  pace: 'time pace',
  tolerance: (points) => `tolerance ±${points} points`,
  columns: ['Indicator', 'Unit', 'Base', 'Value', 'Target', 'Completion', 'Status'],
  staleNote: (year) => `value of ${year}`,
  milestones: 'Milestones',
  due: (year) => `due ${year}`,
  counts: 'Total',
  warnings: 'Early warnings',
  none: 'none',
  boundNote: '≥ the source gives only a lower bound, ≤ only an upper bound',
  indicatorStatus: INDICATOR_STATUS_LABELS_EN,
  milestoneStatus: MILESTONE_STATUS_LABELS_EN,
  stateNames: { 'not-started': 'not started', 'in-progress': 'in progress', done: 'done', delayed: 'delayed' },
  milestoneReason: (m, state) => {
    switch (m.status) {
      case 'done':
        return `done ${m.state_date ?? m.state_year}`;
      case 'at_risk':
        return m.expected ? `expected ${m.expected}, after ${m.due}` : `${state} in ${m.state_year}`;
      case 'overdue':
        return m.state ? `due ${m.due}, still ${state} in ${m.state_year}` : `due ${m.due}, no progress reported`;
      case 'on_schedule':
        return `${state} in ${m.state_year}`;
      default:
        return '';
    }
  },
  warningReason: (ind) =>
    ind.projection === null ? 'cannot be projected' : `${num(ind.projection)} projected for ${ind.target_year}, target ${targetText(ind)}`,
};

const BAR_CELLS = 16;
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: true });
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

function num(value: number | null): string {
  return value === null ? '—' : NUMBER.format(value);
}

/** Pad or cut `text` to exactly `width` terminal columns (wide characters count 2). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  let shown = text;
  if (stringWidth(shown) > width) {
    while (shown.length > 0 && stringWidth(shown) > width - 1) shown = shown.slice(0, -1);
    shown += '…';
  }
  const pad = ' '.repeat(Math.max(0, width - stringWidth(shown)));
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

function targetText(ind: IndicatorAssessment): string {
  if (!ind.has_target) return '—';
  const cmp = ind.comparator === '>=' ? '≥' : ind.comparator === '<=' ? '≤' : ind.comparator === '=' ? '' : (ind.comparator ?? '');
  if (ind.target_multiple !== null) return `×${num(ind.target_multiple)}${ind.target === null ? '' : ` (${num(ind.target)})`}`;
  return `${cmp}${num(ind.target)}`;
}

function boundMark(bound: 'at-least' | 'at-most' | null): string {
  return bound === 'at-least' ? '≥' : bound === 'at-most' ? '≤' : '';
}

function valueText(ind: IndicatorAssessment): string {
  const shown = ind.kind === 'cumulative' && ind.achieved !== null ? ind.achieved : ind.value;
  return shown === null ? '—' : `${boundMark(ind.bound)}${num(shown)}${ind.stale ? '*' : ''}`;
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
  const fixed = narrow ? [5, 8, 9, 8, barCells + 7, 13] : [5, 9, 10, 9, barCells + 7, 15];
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

/** Render the assessment as a terminal table grouped by pillar. */
export function formatGaps(assessment: Assessment, plan: PlanFile, options: GapsViewOptions): string {
  const { chalk } = options;
  const width = Math.max(80, options.width ?? 100);
  const L = plan.plan.language === 'en' ? EN : ZH;
  const { columns, barCells } = layout(width);
  const [wName, wUnit, wBase, wValue, wTarget, wBar, wStatus] = columns;
  const lines: string[] = [];
  const pace = assessment.time_pace;

  lines.push(chalk.bold(`${plan.plan.title} · ${L.title(assessment.year)}`));
  lines.push(
    `${L.pace} ${pace === null ? '—' : PERCENT.format(pace)} · ${L.tolerance(Math.round(assessment.tolerance * 1000) / 10)} · ${assessment.period.start}–${assessment.period.end}`,
  );
  lines.push('');
  const header =
    '  ' +
    [
      fit(L.columns[0], wName),
      fit(L.columns[1], wUnit),
      fit(L.columns[2], wBase, 'right'),
      fit(L.columns[3], wValue, 'right'),
      fit(L.columns[4], wTarget, 'right'),
      fit(L.columns[5], wBar),
      fit(L.columns[6], wStatus),
    ].join(' ');
  lines.push(chalk.bold(header.trimEnd()));

  const stale: string[] = [];
  let anyBound = false;
  const byPillar = new Map(assessment.indicators.map((i) => [i.id, i]));
  for (const pillar of assessment.pillars) {
    lines.push(chalk.bold.underline(pillar.name));
    for (const id of pillar.indicator_ids) {
      const ind = byPillar.get(id);
      if (!ind) continue;
      if (ind.stale && ind.value_year !== null) stale.push(`${ind.name}: ${L.staleNote(ind.value_year)}`);
      if (ind.bound !== null || ind.baseline_bound !== null) anyBound = true;
      const bar = completionBar(ind.completion, ind.pace_at_value_year ?? pace, barCells);
      const barText = bar.map((cell) => (cell === '┃' ? chalk.bold(cell) : cell)).join('');
      const pct = ind.completion === null ? '—' : PERCENT.format(ind.completion);
      const color = statusColor(chalk, ind.status);
      const status = L.indicatorStatus[ind.status] + (ind.warning ? ' ⚠' : '');
      const row = [
        fit(ind.name, wName),
        fit(ind.unit, wUnit),
        fit(ind.baseline === null ? '—' : boundMark(ind.baseline_bound) + num(ind.baseline), wBase, 'right'),
        fit(valueText(ind), wValue, 'right'),
        fit(targetText(ind), wTarget, 'right'),
        `${ind.completion === null ? ' '.repeat(barCells) : barText} ${fit(pct, wBar - barCells - 1, 'right')}`,
        color(fit(status, wStatus)),
      ].join(' ');
      lines.push(('  ' + row).trimEnd());
    }
  }
  if (stale.length > 0) lines.push(...wrap(`* ${stale.join('；')}`, width).map((l) => chalk.dim(l)));
  if (anyBound) lines.push(...wrap(L.boundNote, width).map((l) => chalk.dim(l)));

  if (assessment.milestones.length > 0) {
    lines.push('');
    lines.push(chalk.bold(L.milestones));
    const nameWidth = Math.min(40, Math.max(...assessment.milestones.map((m) => stringWidth(m.name))));
    for (const m of assessment.milestones) {
      const label = milestoneColor(chalk, m.status)(fit(L.milestoneStatus[m.status], 10));
      const detail = L.milestoneReason(m, m.state ? L.stateNames[m.state] : '');
      lines.push(`  ${fit(m.name, nameWidth)} ${fit(L.due(m.due), 7)} ${label} ${chalk.dim(fit(detail, Math.max(10, width - nameWidth - 23)))}`.trimEnd());
    }
  }

  lines.push('');
  const s = assessment.summary;
  const counts = INDICATOR_STATUSES.map((st) => `${L.indicatorStatus[st]} ${s.indicators_by_status[st]}`).join(' · ');
  // Labels are bolded after wrapping so colour codes never count towards the width.
  const labelled = (label: string, text: string, paint: (s: string) => string = (x) => x) =>
    wrap(`${label}: ${text}`, width).map((l, i) => (i === 0 ? chalk.bold(label) + paint(l.slice(label.length)) : paint(l)));
  lines.push(...labelled(L.counts, counts));
  if (assessment.milestones.length > 0) {
    const mcounts = MILESTONE_STATUSES.map((st) => `${L.milestoneStatus[st]} ${s.milestones_by_status[st]}`).join(' · ');
    lines.push(...labelled(L.milestones, mcounts));
  }
  const warned = assessment.indicators.filter((i) => i.warning);
  const warnText = warned.length === 0 ? L.none : warned.map((i) => `${i.name}（${L.warningReason(i)}）`).join('；');
  lines.push(...labelled(L.warnings, warnText, warned.length === 0 ? undefined : chalk.red));
  return lines.join('\n') + '\n';
}
