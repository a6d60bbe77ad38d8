// The terminal view of a Diff (`cixi-plan diff`): a header comparing the two sides'
// status counts, then per pillar the indicators and milestones that changed, with
// the unchanged only counted, in the report language, with numbers formatted as the
// reports format them. Pure: returns a string; colour comes from the chalk instance.

import type { ChalkInstance } from 'chalk';
import { INDICATOR_STATUSES, UNJUDGED_STATUSES } from '../assess/types.js';
import { codeTitle } from '../codes/index.js';
import type { MilestoneStateName } from '../model.js';
import { boundMark, formatData, formatPercent as percent } from '../present/format.js';
import { messages, type Lang, type Messages } from '../present/i18n/index.js';
import { TONES } from '../present/tones.js';
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
import { columns, escapePlanText, truncate } from './terminal.js';
import { toneColor } from './tones.js';

export interface DiffViewOptions {
  chalk: ChalkInstance;
  /** The language of the words (default zh-CN). */
  lang?: Lang;
}

const ARROW = ' → ';

/** What every part of the view needs: colours, words, language. */
interface View {
  chalk: ChalkInstance;
  m: Messages;
  lang: Lang;
}

/** A number as the reports write a figure ("2,929"); — for null. */
function number(v: View, value: number | null): string {
  return value === null ? v.m.none : formatData(value, v.lang);
}

/** A fraction as a percentage with one decimal (0.673 → 67.3%); — for null. */
function pct(v: View, value: number | null): string {
  return value === null ? v.m.none : percent(value, v.lang);
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
    return painted + ' '.repeat(Math.max(0, (widths[i] ?? 0) - columns(cell.text)));
  });
  return (indent + out.join('  ')).trimEnd();
}

// Columns a name and its id take at most: a long (English) name is cut, the id never is.
const NAME_COLUMNS = 44;

function nameAndId(name: string, id: string): string {
  return `${truncate(name, Math.max(10, NAME_COLUMNS - columns(id) - 1))} ${id}`;
}

function columnWidths(rows: ReadonlyArray<readonly Cell[]>): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, columns(cell.text));
    });
  }
  return widths;
}

function sideName(v: View, side: DiffSideSummary): string {
  if (side.origin === 'year') return v.m.diff.sideYear(side.year);
  if (side.origin === 'working_tree') return v.m.diff.workingTree;
  return side.label;
}

// What the value cell shows for one side: the total for cumulative indicators,
// ≥/≤ for bounds, and * for a stale value (a detail line gives its year).
function valueText(v: View, s: IndicatorSnapshot | null, cumulative: boolean): string {
  if (s === null) return v.m.none;
  // A cumulative indicator is judged by its total; without the total there is nothing to show.
  const shown = cumulative ? s.achieved : s.value;
  if (shown === null) return v.m.none;
  return `${boundMark(s.bound)}${number(v, shown)}${s.stale ? '*' : ''}`;
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

function indicatorRow(v: View, d: IndicatorDiff): Cell[] {
  const { chalk, m } = v;
  const cumulative = d.kind === 'cumulative';
  const values = fromTo(valueText(v, d.from, cumulative), valueText(v, d.to, cumulative));
  const open = v.lang === 'en' ? ' (' : '（';
  const close = v.lang === 'en' ? ')' : '）';
  const change = d.value_delta !== null && d.value_delta !== 0 && !cumulative ? `${open}${signed(d.value_delta, number(v, d.value_delta))}${close}` : '';
  const completion = fromTo(pct(v, d.from?.completion ?? null), pct(v, d.to?.completion ?? null));
  const label = (s: IndicatorSnapshot['status']) => m.indicatorStatus[s];
  const paint = (s: IndicatorSnapshot['status']) => toneColor(chalk, TONES.indicator[s]);
  const status = d.from && d.to
    ? d.from.status === d.to.status
      ? { text: label(d.to.status), paint: paint(d.to.status) }
      : { text: `${label(d.from.status)}${ARROW}${label(d.to.status)}`, paint: paint(d.to.status) }
    : { text: label((d.to ?? d.from)!.status) };
  return [
    indicatorMark(chalk, d),
    { text: nameAndId(d.name, d.id) },
    { text: `${cumulative ? `${m.diff.total} ` : ''}${values} ${d.unit}${change}` },
    { text: completion },
    status,
  ];
}

function indicatorDetails(v: View, d: IndicatorDiff, diff: Diff): string[] {
  const { chalk, m } = v;
  const out: string[] = [];
  const stale = ([[d.from, diff.from], [d.to, diff.to]] as const)
    .map(([s, side]) => {
      if (!s?.stale || s.value_year === null) return '';
      const prefix = diff.mode === 'revisions' ? `${sideName(v, side)}${m.colon}` : '';
      return `${prefix}${m.diff.stale(side.year, s.value_year)}`;
    })
    .filter((text, i, all) => text !== '' && all.indexOf(text) === i);
  if (stale.length) out.push(chalk.dim(`* ${stale.join(v.lang === 'en' ? '; ' : '；')}`));
  if (d.presence === 'added') out.push(chalk.green(m.diff.indicatorAdded));
  if (d.presence === 'removed') out.push(chalk.red(m.diff.indicatorRemoved));
  if (d.warning_change === 'new') out.push(chalk.red.bold(m.diff.warningNew));
  if (d.warning_change === 'resolved') out.push(chalk.green(m.diff.warningResolved));
  if (d.target_changed && d.from && d.to) {
    const t = (s: IndicatorSnapshot) => m.diff.target(number(v, s.target), s.target_year === null ? m.none : m.diff.sideYear(s.target_year));
    out.push(`${m.pillar.legendTarget} ${t(d.from)}${ARROW}${t(d.to)}`);
  }
  out.push(...qualityLines(v, d.quality));
  return out;
}

function milestoneMark(chalk: ChalkInstance, d: MilestoneDiff): Cell {
  if (d.presence === 'added') return { text: '+', paint: chalk.green };
  if (d.presence === 'removed') return { text: '−', paint: chalk.red };
  return { text: d.changed ? '~' : ' ', paint: chalk.yellow };
}

function stateText(v: View, state: MilestoneStateName | null, expected: string | null): string {
  const name = state === null ? v.m.diff.notReported : v.m.milestoneState[state];
  return expected ? v.m.diff.expected(name, expected) : name;
}

function milestoneRow(v: View, d: MilestoneDiff): Cell[] {
  const { chalk, m } = v;
  const to = (d.to ?? d.from)!;
  const status = d.status_change
    ? `${m.milestoneStatus[d.status_change.from]}${ARROW}${m.milestoneStatus[d.status_change.to]}`
    : m.milestoneStatus[to.status];
  const state = d.from && d.to
    ? fromTo(stateText(v, d.from.state, d.from.expected), stateText(v, d.to.state, d.to.expected))
    : stateText(v, to.state, to.expected);
  return [milestoneMark(chalk, d), { text: nameAndId(d.name, d.id) }, { text: m.diff.due(to.due) }, { text: state },
    { text: status, paint: toneColor(chalk, TONES.milestone[to.status]) }];
}

function milestoneDetails(v: View, d: MilestoneDiff): string[] {
  const { chalk, m } = v;
  const out: string[] = [];
  if (d.presence === 'added') out.push(chalk.green(m.diff.milestoneAdded));
  if (d.presence === 'removed') out.push(chalk.red(m.diff.milestoneRemoved));
  if (d.from && d.to && d.from.due !== d.to.due) out.push(`${m.diff.dueChange} ${d.from.due}${ARROW}${d.to.due}`);
  out.push(...qualityLines(v, d.quality));
  return out;
}

function where(w: QualityWarning): string {
  return w.line > 0 ? `${w.file}:${w.line}:${w.col}` : w.file;
}

/** A warning's words: the rule's message in English, the code's title otherwise. */
function warningText(v: View, w: QualityWarning): string {
  return v.lang === 'en' ? w.message : codeTitle(w.code, v.lang);
}

function qualityLines(v: View, q: QualityChanges): string[] {
  const { chalk, m } = v;
  return [
    ...q.new.map((w) => `${chalk.yellow(m.diff.qualityNew)} ${chalk.dim(w.code)} ${warningText(v, w)} ${chalk.dim(where(w))}`),
    ...q.resolved.map((w) => `${chalk.green(m.diff.qualityResolved)} ${chalk.dim(w.code)} ${warningText(v, w)}`),
  ];
}

// The header table: status counts on each side, only rows that are not zero on both.
function header(v: View, diff: Diff): string[] {
  const { chalk, m } = v;
  const { from, to } = diff;
  const title =
    diff.mode === 'years'
      ? `${sideName(v, from)}${ARROW}${sideName(v, to)} · ${to.plan_id}`
      : `${sideName(v, from)}${ARROW}${sideName(v, to)} · ${m.diff.reportYear(to.year)} · ${to.plan_id}`;
  const out = [chalk.bold(title)];
  const rows: Cell[][] = [[{ text: '' }, { text: sideName(v, from), paint: chalk.dim }, { text: sideName(v, to), paint: chalk.dim }, { text: '' }]];
  const countRow = (label: string, a: number, b: number, better: 'up' | 'down' | null): Cell[] => {
    const d = b - a;
    const paint = d === 0 || better === null ? chalk.dim : (d > 0) === (better === 'up') ? chalk.green : chalk.red;
    return [{ text: label }, { text: String(a) }, { text: String(b) }, { text: d === 0 ? '' : signed(d, String(d)), paint }];
  };
  if (from.time_pace !== null || to.time_pace !== null) {
    rows.push([{ text: m.diff.timePace }, { text: pct(v, from.time_pace) }, { text: pct(v, to.time_pace) }, { text: '' }]);
  }
  for (const status of INDICATOR_STATUSES) {
    const a = from.indicators_by_status[status];
    const b = to.indicators_by_status[status];
    if (a === 0 && b === 0) continue;
    const tone = TONES.indicator[status];
    const better = UNJUDGED_STATUSES.has(status) ? null : tone === 'good' || tone === 'fair' ? 'up' : 'down';
    rows.push(countRow(m.diff.statusRow(m.indicatorStatus[status]), a, b, better));
  }
  rows.push(countRow(m.diff.warnings, from.warnings, to.warnings, 'down'));
  rows.push(countRow(m.diff.qualityWarnings, from.quality_warnings, to.quality_warnings, 'down'));
  const widths = columnWidths(rows);
  for (const row of rows) out.push(renderRow(row, widths, '  '));
  for (const side of [from, to]) {
    if (!side.year_has_file) out.push(chalk.yellow(`  ${m.diff.noYearFile(sideName(v, side), side.year)}`));
  }
  return out;
}

function summaryLines(v: View, diff: Diff): string[] {
  const { m } = v;
  const s = diff.summary;
  const lines = [
    m.diff.indicatorsLine(s.indicators, s.indicators_changed, s.indicators_unchanged, m.diff.moves(s.status_up, s.status_down, s.status_other)),
    m.diff.milestonesLine(s.milestones, s.milestones_changed, s.milestones_unchanged),
    m.diff.warningsLine(s.warnings_new, s.warnings_resolved, s.quality_new, s.quality_resolved),
  ];
  if (s.indicators_added || s.indicators_removed) lines.push(m.diff.addedRemoved(s.indicators_added, s.indicators_removed));
  return lines;
}

function pillarHeading(v: View, p: PillarDiff): string {
  const { chalk, m } = v;
  const name = p.id === null ? m.diff.other : `${p.name} ${chalk.dim(p.id)}`;
  const parts: string[] = [];
  if (p.indicators.length) parts.push(m.diff.indicatorsPart(p.indicators_changed, p.indicators_unchanged));
  if (p.milestones.length) parts.push(m.diff.milestonesPart(p.milestones_changed, p.milestones_unchanged));
  return `${chalk.bold(name)} ${chalk.dim('· ' + parts.join(' · '))}`;
}

/** Render a Diff for the terminal. Ends with a newline. */
export function formatDiff(planDiff: Diff, options: DiffViewOptions): string {
  // Plan text is shown with its control characters escaped, and laid out as shown.
  const diff = escapePlanText(planDiff);
  const lang = options.lang ?? 'zh-CN';
  const v: View = { chalk: options.chalk, m: messages(lang), lang };
  const { chalk, m } = v;
  const out: string[] = [...header(v, diff), '', ...summaryLines(v, diff)];
  if (!diff.has_changes) {
    out.push('', chalk.green(m.diff.noChanges));
    return out.join('\n') + '\n';
  }
  // One set of column widths for all indicator rows and one for all milestone rows,
  // so the pillars line up with each other.
  const indicatorRows = new Map<IndicatorDiff, Cell[]>();
  const milestoneRows = new Map<MilestoneDiff, Cell[]>();
  for (const p of diff.pillars) {
    for (const d of p.indicators) if (d.changed) indicatorRows.set(d, indicatorRow(v, d));
    for (const d of p.milestones) if (d.changed) milestoneRows.set(d, milestoneRow(v, d));
  }
  const indicatorWidths = columnWidths([...indicatorRows.values()]);
  const milestoneWidths = columnWidths([...milestoneRows.values()]);
  const detailIndent = '      ';
  for (const p of diff.pillars) {
    out.push('', pillarHeading(v, p));
    for (const d of p.indicators) {
      const row = indicatorRows.get(d);
      if (!row) continue;
      out.push(renderRow(row, indicatorWidths, '  '));
      for (const line of indicatorDetails(v, d, diff)) out.push(detailIndent + line);
    }
    const changedMilestones = p.milestones.filter((d) => d.changed);
    if (changedMilestones.length) {
      out.push(chalk.dim(`  ${m.diff.milestones}`));
      for (const d of changedMilestones) {
        out.push(renderRow(milestoneRows.get(d)!, milestoneWidths, '  '));
        for (const line of milestoneDetails(v, d)) out.push(detailIndent + line);
      }
    }
  }
  const other = qualityLines(v, diff.other_quality);
  if (other.length) {
    out.push('', chalk.bold(m.diff.otherQuality));
    for (const line of other) out.push('  ' + line);
  }
  return out.join('\n') + '\n';
}
