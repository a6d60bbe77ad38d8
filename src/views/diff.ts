// The terminal view of a Diff (`cixi-plan diff`): a header comparing the two sides'
// status counts, then per pillar the indicators and milestones that changed, with
// the unchanged only counted. Pure: returns a string; colour comes from the chalk
// instance passed in.

import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import {
  INDICATOR_STATUS_LABELS_ZH,
  INDICATOR_STATUSES,
  MILESTONE_STATUS_LABELS_ZH,
  type IndicatorStatus,
  type MilestoneStatus,
} from '../assess/types.js';
import type { MilestoneStateName } from '../model.js';
import { boundMark } from '../present/format.js';
import type {
  Diff,
  DiffSideSummary,
  IndicatorDiff,
  IndicatorSnapshot,
  MilestoneDiff,
  PillarDiff,
  QualityChanges,
  QualityWarning,
} from '../diff/types.js';
import { escapePlanText } from './terminal.js';

export interface DiffViewOptions {
  chalk: ChalkInstance;
}

const STATE_NAMES: Readonly<Record<MilestoneStateName, string>> = {
  'not-started': '未启动',
  'in-progress': '推进中',
  done: '已完成',
  delayed: '延期',
};

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4, useGrouping: false });
const ARROW = ' → ';

/** Format a number as written in the data (up to 4 decimals, no grouping); — for null. */
export function formatNumber(value: number | null): string {
  return value === null ? '—' : NUMBER.format(value);
}

/** Format a fraction as a percentage with one decimal (0.673 → 67.3%); — for null. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function signed(value: number, text: string): string {
  return value > 0 ? `+${text}` : value < 0 ? `−${text.replace(/^-/, '')}` : text;
}

/** A piece of a table cell: plain text (its width is measured) and how to colour it. */
interface Cell {
  text: string;
  paint?: (s: string) => string;
}

/** Pad a row of cells to column widths; the last cell is not padded. */
function renderRow(cells: readonly Cell[], widths: readonly number[], indent: string): string {
  const out = cells.map((cell, i) => {
    const painted = cell.paint ? cell.paint(cell.text) : cell.text;
    if (i === cells.length - 1) return painted;
    return painted + ' '.repeat(Math.max(0, (widths[i] ?? 0) - stringWidth(cell.text)));
  });
  return (indent + out.join('  ')).trimEnd();
}

function columnWidths(rows: ReadonlyArray<readonly Cell[]>): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell.text));
    });
  }
  return widths;
}

function sideName(side: DiffSideSummary): string {
  if (side.origin === 'year') return `${side.year}年`;
  if (side.origin === 'working_tree') return '工作区';
  return side.label;
}

function statusPaint(chalk: ChalkInstance, status: IndicatorStatus | MilestoneStatus): (s: string) => string {
  switch (status) {
    case 'met':
    case 'ahead':
    case 'done':
      return chalk.green;
    case 'on_track':
    case 'on_schedule':
      return chalk.cyan;
    case 'behind':
    case 'at_risk':
      return chalk.yellow;
    case 'far_behind':
    case 'overdue':
      return chalk.red;
    default:
      return chalk.dim;
  }
}

// What the value cell shows for one side: the total for cumulative indicators,
// ≥/≤ for bounds, and * for a stale value (a detail line gives its year).
function valueText(s: IndicatorSnapshot | null, cumulative: boolean): string {
  if (s === null) return '—';
  // A cumulative indicator is judged by its total; without the total there is nothing to show.
  const shown = cumulative ? s.achieved : s.value;
  if (shown === null) return '—';
  return `${boundMark(s.bound)}${formatNumber(shown)}${s.stale ? '*' : ''}`;
}

function fromTo(a: string, b: string): string {
  return a === b ? a : `${a}${ARROW}${b}`;
}

function indicatorMark(chalk: ChalkInstance, d: IndicatorDiff): Cell {
  if (d.presence === 'added') return { text: '+', paint: chalk.green };
  if (d.presence === 'removed') return { text: '−', paint: chalk.red };
  const m = d.status_change?.movement;
  if (m === 'up') return { text: '↑', paint: chalk.green };
  if (m === 'down') return { text: '↓', paint: chalk.red };
  return { text: d.changed ? '~' : ' ', paint: chalk.yellow };
}

function indicatorRow(chalk: ChalkInstance, d: IndicatorDiff): Cell[] {
  const cumulative = d.kind === 'cumulative';
  const values = fromTo(valueText(d.from, cumulative), valueText(d.to, cumulative));
  const change = d.value_delta !== null && d.value_delta !== 0 && !cumulative ? `（${signed(d.value_delta, formatNumber(d.value_delta))}）` : '';
  const completion = fromTo(formatPercent(d.from?.completion ?? null), formatPercent(d.to?.completion ?? null));
  const status = d.from && d.to
    ? d.from.status === d.to.status
      ? { text: INDICATOR_STATUS_LABELS_ZH[d.to.status], paint: statusPaint(chalk, d.to.status) }
      : { text: `${INDICATOR_STATUS_LABELS_ZH[d.from.status]}${ARROW}${INDICATOR_STATUS_LABELS_ZH[d.to.status]}`, paint: statusPaint(chalk, d.to.status) }
    : { text: INDICATOR_STATUS_LABELS_ZH[(d.to ?? d.from)!.status] };
  return [
    indicatorMark(chalk, d),
    { text: `${d.name} ${d.id}` },
    { text: `${cumulative ? '累计 ' : ''}${values} ${d.unit}${change}` },
    { text: completion },
    status,
  ];
}

function indicatorDetails(chalk: ChalkInstance, d: IndicatorDiff, diff: Diff): string[] {
  const out: string[] = [];
  const stale = ([[d.from, diff.from], [d.to, diff.to]] as const)
    .map(([s, side]) => {
      if (!s?.stale || s.value_year === null) return '';
      const prefix = diff.mode === 'revisions' ? `${sideName(side)}：` : '';
      return `${prefix}${side.year}年无可比数值，用${s.value_year}年值`;
    })
    .filter((text, i, all) => text !== '' && all.indexOf(text) === i);
  if (stale.length) out.push(chalk.dim(`* ${stale.join('；')}`));
  if (d.presence === 'added') out.push(chalk.green('新增指标'));
  if (d.presence === 'removed') out.push(chalk.red('指标已删除'));
  if (d.warning_change === 'new') out.push(chalk.red.bold('新增预警（约束性指标按现有速度难以完成）'));
  if (d.warning_change === 'resolved') out.push(chalk.green('预警解除'));
  if (d.target_changed && d.from && d.to) {
    out.push(`目标 ${formatNumber(d.from.target)}（${d.from.target_year ?? '—'}年）${ARROW}${formatNumber(d.to.target)}（${d.to.target_year ?? '—'}年）`);
  }
  out.push(...qualityLines(chalk, d.quality));
  return out;
}

function milestoneMark(chalk: ChalkInstance, d: MilestoneDiff): Cell {
  if (d.presence === 'added') return { text: '+', paint: chalk.green };
  if (d.presence === 'removed') return { text: '−', paint: chalk.red };
  return { text: d.changed ? '~' : ' ', paint: chalk.yellow };
}

function stateText(state: MilestoneStateName | null, expected: string | null): string {
  const name = state === null ? '未报告' : STATE_NAMES[state];
  return expected ? `${name}（预计${expected}）` : name;
}

function milestoneRow(chalk: ChalkInstance, d: MilestoneDiff): Cell[] {
  const to = (d.to ?? d.from)!;
  const status = d.status_change
    ? `${MILESTONE_STATUS_LABELS_ZH[d.status_change.from]}${ARROW}${MILESTONE_STATUS_LABELS_ZH[d.status_change.to]}`
    : MILESTONE_STATUS_LABELS_ZH[to.status];
  const state = d.from && d.to
    ? fromTo(stateText(d.from.state, d.from.expected), stateText(d.to.state, d.to.expected))
    : stateText(to.state, to.expected);
  return [milestoneMark(chalk, d), { text: `${d.name} ${d.id}` }, { text: `${to.due}年到期` }, { text: state }, { text: status, paint: statusPaint(chalk, to.status) }];
}

function milestoneDetails(chalk: ChalkInstance, d: MilestoneDiff): string[] {
  const out: string[] = [];
  if (d.presence === 'added') out.push(chalk.green('新增里程碑'));
  if (d.presence === 'removed') out.push(chalk.red('里程碑已删除'));
  if (d.from && d.to && d.from.due !== d.to.due) out.push(`到期年份 ${d.from.due}${ARROW}${d.to.due}`);
  out.push(...qualityLines(chalk, d.quality));
  return out;
}

function where(w: QualityWarning): string {
  return w.line > 0 ? `${w.file}:${w.line}:${w.col}` : w.file;
}

function qualityLines(chalk: ChalkInstance, q: QualityChanges): string[] {
  return [
    ...q.new.map((w) => `${chalk.yellow('+ 警告')} ${chalk.dim(w.code)} ${w.message} ${chalk.dim(where(w))}`),
    ...q.resolved.map((w) => `${chalk.green('− 已消除')} ${chalk.dim(w.code)} ${w.message}`),
  ];
}

// The header table: status counts on each side, only rows that are not zero on both.
function header(diff: Diff, chalk: ChalkInstance): string[] {
  const { from, to } = diff;
  const title =
    diff.mode === 'years'
      ? `${sideName(from)}${ARROW}${sideName(to)} · ${to.plan_id}`
      : `${sideName(from)}${ARROW}${sideName(to)} · ${to.year}年 · ${to.plan_id}`;
  const out = [chalk.bold(title)];
  const rows: Cell[][] = [[{ text: '' }, { text: sideName(from), paint: chalk.dim }, { text: sideName(to), paint: chalk.dim }, { text: '' }]];
  const countRow = (label: string, a: number, b: number, better: 'up' | 'down' | null): Cell[] => {
    const d = b - a;
    const paint = d === 0 || better === null ? chalk.dim : (d > 0) === (better === 'up') ? chalk.green : chalk.red;
    return [{ text: label }, { text: String(a) }, { text: String(b) }, { text: d === 0 ? '' : signed(d, String(d)), paint }];
  };
  if (from.time_pace !== null || to.time_pace !== null) {
    rows.push([{ text: '序时进度' }, { text: formatPercent(from.time_pace) }, { text: formatPercent(to.time_pace) }, { text: '' }]);
  }
  for (const status of INDICATOR_STATUSES) {
    const a = from.indicators_by_status[status];
    const b = to.indicators_by_status[status];
    if (a === 0 && b === 0) continue;
    const better = status === 'met' || status === 'ahead' || status === 'on_track' ? 'up' : status === 'behind' || status === 'far_behind' ? 'down' : null;
    rows.push(countRow(INDICATOR_STATUS_LABELS_ZH[status], a, b, better));
  }
  rows.push(countRow('预警', from.warnings, to.warnings, 'down'));
  rows.push(countRow('数据质量警告', from.quality_warnings, to.quality_warnings, 'down'));
  const widths = columnWidths(rows);
  for (const row of rows) out.push(renderRow(row, widths, '  '));
  for (const side of [from, to]) {
    if (!side.year_has_file) out.push(chalk.yellow(`  ${sideName(side)}：没有 ${side.year} 年的数据文件，使用此前最近的数值`));
  }
  return out;
}

function summaryLines(diff: Diff): string[] {
  const s = diff.summary;
  const moves = [
    s.status_up ? `上升 ${s.status_up}` : '',
    s.status_down ? `下降 ${s.status_down}` : '',
    s.status_other ? `其他 ${s.status_other}` : '',
  ].filter(Boolean);
  const lines = [
    `指标 ${s.indicators} 项：${s.indicators_changed} 项有变化，${s.indicators_unchanged} 项未变化` +
      (moves.length ? `（状态${moves.join('，')}）` : ''),
    `里程碑 ${s.milestones} 项：${s.milestones_changed} 项有变化，${s.milestones_unchanged} 项未变化`,
    `预警：新增 ${s.warnings_new}，解除 ${s.warnings_resolved} · 数据质量警告：新增 ${s.quality_new}，消除 ${s.quality_resolved}`,
  ];
  if (s.indicators_added || s.indicators_removed) lines.push(`指标：新增 ${s.indicators_added}，删除 ${s.indicators_removed}`);
  return lines;
}

function pillarHeading(chalk: ChalkInstance, p: PillarDiff): string {
  const name = p.id === null ? '其他' : `${p.name} ${chalk.dim(p.id)}`;
  const parts: string[] = [];
  if (p.indicators.length) parts.push(`指标 ${p.indicators_changed} 项有变化、${p.indicators_unchanged} 项未变化`);
  if (p.milestones.length) parts.push(`里程碑 ${p.milestones_changed} 项有变化、${p.milestones_unchanged} 项未变化`);
  return `${chalk.bold(name)} ${chalk.dim('· ' + parts.join(' · '))}`;
}

/** Render a Diff for the terminal. Ends with a newline. */
export function formatDiff(planDiff: Diff, options: DiffViewOptions): string {
  // Plan text is shown with its control characters escaped, and laid out as shown.
  const diff = escapePlanText(planDiff);
  const { chalk } = options;
  const out: string[] = [...header(diff, chalk), '', ...summaryLines(diff)];
  if (!diff.has_changes) {
    out.push('', chalk.green('没有变化。'));
    return out.join('\n') + '\n';
  }
  // One set of column widths for all indicator rows and one for all milestone rows,
  // so the pillars line up with each other.
  const indicatorRows = new Map<IndicatorDiff, Cell[]>();
  const milestoneRows = new Map<MilestoneDiff, Cell[]>();
  for (const p of diff.pillars) {
    for (const d of p.indicators) if (d.changed) indicatorRows.set(d, indicatorRow(chalk, d));
    for (const d of p.milestones) if (d.changed) milestoneRows.set(d, milestoneRow(chalk, d));
  }
  const indicatorWidths = columnWidths([...indicatorRows.values()]);
  const milestoneWidths = columnWidths([...milestoneRows.values()]);
  const detailIndent = '      ';
  for (const p of diff.pillars) {
    out.push('', pillarHeading(chalk, p));
    for (const d of p.indicators) {
      const row = indicatorRows.get(d);
      if (!row) continue;
      out.push(renderRow(row, indicatorWidths, '  '));
      for (const line of indicatorDetails(chalk, d, diff)) out.push(detailIndent + line);
    }
    const changedMilestones = p.milestones.filter((d) => d.changed);
    if (changedMilestones.length) {
      out.push(chalk.dim('  里程碑'));
      for (const d of changedMilestones) {
        out.push(renderRow(milestoneRows.get(d)!, milestoneWidths, '  '));
        for (const line of milestoneDetails(chalk, d)) out.push(detailIndent + line);
      }
    }
  }
  const other = qualityLines(chalk, diff.other_quality);
  if (other.length) {
    out.push('', chalk.bold('其他数据质量警告'));
    for (const line of other) out.push('  ' + line);
  }
  return out.join('\n') + '\n';
}
