// Compare two sides (assessments and their data-quality warnings) into a Diff. Pure.

import {
  INDICATOR_STATUS_RANK,
  type Assessment,
  type IndicatorAssessment,
  type IndicatorStatus,
  type MilestoneAssessment,
} from '../assess/types.js';
import { warningKey } from './side.js';
import {
  DIFF_SCHEMA_VERSION,
  type Diff,
  type DiffMode,
  type DiffSide,
  type DiffSideSummary,
  type IndicatorDiff,
  type IndicatorSnapshot,
  type MilestoneDiff,
  type MilestoneSnapshot,
  type PillarDiff,
  type Presence,
  type QualityChanges,
  type QualityWarning,
  type StatusMovement,
} from './types.js';

/** Compare `from` with `to`: per indicator and milestone, grouped by pillar, changes first. */
export function diffSides(from: DiffSide, to: DiffSide, mode: DiffMode): Diff {
  const a = from.assessment;
  const b = to.assessment;
  const qualityFrom = groupWarnings(from.quality);
  const qualityTo = groupWarnings(to.quality);
  const quality = (subject: string): QualityChanges => compareWarnings(qualityFrom.get(subject) ?? [], qualityTo.get(subject) ?? []);

  const indicators = pairById(a.indicators, b.indicators).map(([x, y]) => diffIndicator(x, y, quality(`i:${(y ?? x)!.id}`)));
  const milestones = pairById(a.milestones, b.milestones).map(([x, y]) => diffMilestone(x, y, quality(`m:${(y ?? x)!.id}`)));
  const other = quality('');

  const pillars = groupByPillar(a, b, indicators, milestones);
  const summary = {
    indicators: indicators.length,
    indicators_changed: count(indicators, (d) => d.changed),
    indicators_unchanged: count(indicators, (d) => !d.changed),
    status_up: count(indicators, (d) => d.status_change?.movement === 'up'),
    status_down: count(indicators, (d) => d.status_change?.movement === 'down'),
    status_other: count(indicators, (d) => d.status_change !== null && d.status_change.movement !== 'up' && d.status_change.movement !== 'down'),
    warnings_new: count(indicators, (d) => d.warning_change === 'new'),
    warnings_resolved: count(indicators, (d) => d.warning_change === 'resolved'),
    quality_new: sum([...indicators, ...milestones], (d) => d.quality.new.length) + other.new.length,
    quality_resolved: sum([...indicators, ...milestones], (d) => d.quality.resolved.length) + other.resolved.length,
    indicators_added: count(indicators, (d) => d.presence === 'added'),
    indicators_removed: count(indicators, (d) => d.presence === 'removed'),
    milestones: milestones.length,
    milestones_changed: count(milestones, (d) => d.changed),
    milestones_unchanged: count(milestones, (d) => !d.changed),
  };
  const hasChanges =
    summary.indicators_changed > 0 || summary.milestones_changed > 0 || other.new.length > 0 || other.resolved.length > 0;
  return {
    schema_version: DIFF_SCHEMA_VERSION,
    mode,
    from: sideSummary(from),
    to: sideSummary(to),
    has_changes: hasChanges,
    summary,
    pillars,
    other_quality: other,
  };
}

/** How a status moved, or null when it did not. */
export function statusMovement(from: IndicatorStatus, to: IndicatorStatus): StatusMovement | null {
  if (from === to) return null;
  if (to === 'no_data' || to === 'no_target') return to === 'no_data' ? 'to_no_data' : 'to_no_target';
  if (from === 'no_data' || from === 'no_target') return from === 'no_data' ? 'from_no_data' : 'from_no_target';
  const rankFrom = INDICATOR_STATUS_RANK[from] ?? 0;
  const rankTo = INDICATOR_STATUS_RANK[to] ?? 0;
  return rankTo > rankFrom ? 'up' : 'down';
}

function sideSummary(side: DiffSide): DiffSideSummary {
  const s = side.assessment;
  return {
    label: side.label,
    origin: side.origin,
    revision: side.revision,
    commit: side.commit,
    plan_id: s.plan_id,
    year: s.year,
    year_has_file: s.year_has_file,
    time_pace: s.time_pace,
    indicators_by_status: { ...s.summary.indicators_by_status },
    milestones_by_status: { ...s.summary.milestones_by_status },
    warnings: s.summary.warnings,
    quality_warnings: side.quality.length,
  };
}

// Pair items by id: `to` order first, then items only on the `from` side in their order.
function pairById<T extends { id: string }>(from: readonly T[], to: readonly T[]): Array<[T | undefined, T | undefined]> {
  const fromById = new Map(from.map((x) => [x.id, x]));
  const toIds = new Set(to.map((y) => y.id));
  const pairs: Array<[T | undefined, T | undefined]> = to.map((y) => [fromById.get(y.id), y]);
  for (const x of from) if (!toIds.has(x.id)) pairs.push([x, undefined]);
  return pairs;
}

function presence(from: unknown, to: unknown): Presence {
  return from === undefined ? 'added' : to === undefined ? 'removed' : 'both';
}

function indicatorSnapshot(i: IndicatorAssessment): IndicatorSnapshot {
  return {
    value: i.value,
    value_year: i.value_year,
    stale: i.stale,
    bound: i.bound,
    achieved: i.achieved,
    target: i.target,
    target_year: i.target_year,
    completion: i.completion,
    pace: i.pace_at_value_year,
    status: i.status,
    warning: i.warning,
  };
}

function delta(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : b - a;
}

function diffIndicator(x: IndicatorAssessment | undefined, y: IndicatorAssessment | undefined, quality: QualityChanges): IndicatorDiff {
  const base = (y ?? x)!;
  const from = x ? indicatorSnapshot(x) : null;
  const to = y ? indicatorSnapshot(y) : null;
  const both = from !== null && to !== null;
  const valueChanged = both && (from.value !== to.value || from.value_year !== to.value_year || from.bound !== to.bound || from.achieved !== to.achieved);
  const completionChanged = both && from.completion !== to.completion;
  const targetChanged = both && (from.target !== to.target || from.target_year !== to.target_year);
  const movement = both ? statusMovement(from.status, to.status) : null;
  const warningChange = both && from.warning !== to.warning ? (to.warning ? 'new' : 'resolved') : null;
  const kind = presence(x, y);
  const changed =
    kind !== 'both' || valueChanged || completionChanged || targetChanged || movement !== null ||
    warningChange !== null || quality.new.length > 0 || quality.resolved.length > 0;
  return {
    id: base.id,
    name: base.name,
    unit: base.unit,
    kind: base.kind,
    attribute: base.attribute,
    pillar: base.pillar,
    presence: kind,
    from,
    to,
    changed,
    value_changed: valueChanged,
    value_delta: delta(from?.value, to?.value),
    completion_changed: completionChanged,
    completion_delta: delta(from?.completion, to?.completion),
    target_changed: targetChanged,
    status_change: movement !== null && from && to ? { from: from.status, to: to.status, movement } : null,
    warning_change: warningChange,
    quality,
  };
}

function milestoneSnapshot(m: MilestoneAssessment): MilestoneSnapshot {
  return { status: m.status, state: m.state, state_year: m.state_year, expected: m.expected, due: m.due };
}

function diffMilestone(x: MilestoneAssessment | undefined, y: MilestoneAssessment | undefined, quality: QualityChanges): MilestoneDiff {
  const base = (y ?? x)!;
  const from = x ? milestoneSnapshot(x) : null;
  const to = y ? milestoneSnapshot(y) : null;
  const both = from !== null && to !== null;
  const statusChange = both && from.status !== to.status ? { from: from.status, to: to.status } : null;
  const stateChange = both && from.state !== to.state ? { from: from.state, to: to.state } : null;
  const scheduleChanged = both && (from.expected !== to.expected || from.due !== to.due);
  const kind = presence(x, y);
  const changed =
    kind !== 'both' || statusChange !== null || stateChange !== null || scheduleChanged ||
    quality.new.length > 0 || quality.resolved.length > 0;
  return {
    id: base.id,
    name: base.name,
    action: base.action,
    pillar: base.pillar,
    presence: kind,
    from,
    to,
    changed,
    status_change: statusChange,
    state_change: stateChange,
    schedule_changed: scheduleChanged,
    quality,
  };
}

// Warnings by what they concern: `i:<id>`, `m:<id>`, or '' for the rest.
function groupWarnings(warnings: readonly QualityWarning[]): Map<string, QualityWarning[]> {
  const out = new Map<string, QualityWarning[]>();
  for (const w of warnings) {
    const subject = w.indicator !== null ? `i:${w.indicator}` : w.milestone !== null ? `m:${w.milestone}` : '';
    const list = out.get(subject);
    if (list) list.push(w);
    else out.set(subject, [w]);
  }
  return out;
}

function compareWarnings(from: readonly QualityWarning[], to: readonly QualityWarning[]): QualityChanges {
  const fromKeys = new Set(from.map(warningKey));
  const toKeys = new Set(to.map(warningKey));
  return {
    new: to.filter((w) => !fromKeys.has(warningKey(w))),
    resolved: from.filter((w) => !toKeys.has(warningKey(w))),
    unchanged: to.filter((w) => fromKeys.has(warningKey(w))).length,
  };
}

// Group by pillar in plan order (`to` side first), changed items first within each.
function groupByPillar(a: Assessment, b: Assessment, indicators: IndicatorDiff[], milestones: MilestoneDiff[]): PillarDiff[] {
  const names = new Map<string, string>();
  for (const p of [...a.pillars, ...b.pillars]) names.set(p.id, p.name);
  const order = pairById(a.pillars, b.pillars).map(([x, y]) => (y ?? x)!.id);
  const ids: Array<string | null> = [...order];
  for (const d of indicators) if (!ids.includes(d.pillar)) ids.push(d.pillar);
  for (const d of milestones) if (!ids.includes(d.pillar)) ids.push(d.pillar);
  const changedFirst = <T extends { changed: boolean }>(list: T[]): T[] => [...list.filter((d) => d.changed), ...list.filter((d) => !d.changed)];
  return ids
    .map((id): PillarDiff => {
      const inds = changedFirst(indicators.filter((d) => d.pillar === id));
      const ms = changedFirst(milestones.filter((d) => d.pillar === id));
      return {
        id,
        name: id === null ? '' : names.get(id) ?? id,
        indicators: inds,
        milestones: ms,
        indicators_changed: count(inds, (d) => d.changed),
        indicators_unchanged: count(inds, (d) => !d.changed),
        milestones_changed: count(ms, (d) => d.changed),
        milestones_unchanged: count(ms, (d) => !d.changed),
      };
    })
    .filter((p) => p.indicators.length > 0 || p.milestones.length > 0);
}

function count<T>(list: readonly T[], test: (x: T) => boolean): number {
  let n = 0;
  for (const x of list) if (test(x)) n++;
  return n;
}

function sum<T>(list: readonly T[], value: (x: T) => number): number {
  let n = 0;
  for (const x of list) n += value(x);
  return n;
}
