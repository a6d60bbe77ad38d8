// Count statuses over groups of indicators and milestones: per action, per pillar, whole plan.

import type { PlanFile } from '../model.js';
import {
  INDICATOR_STATUSES,
  MILESTONE_STATUSES,
  UNJUDGED_STATUSES,
  type ActionRollup,
  type IndicatorAssessment,
  type IndicatorStatus,
  type MilestoneAssessment,
  type MilestoneStatus,
  type PillarRollup,
  type Rollup,
} from './types.js';

const ON_OR_AHEAD: ReadonlySet<IndicatorStatus> = new Set(['met', 'ahead', 'on_track', 'held']);

/** Count a group's statuses, share on or ahead of pace and 预警. */
export function rollup(indicators: readonly IndicatorAssessment[], milestones: readonly MilestoneAssessment[]): Rollup {
  const byStatus = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, 0])) as Record<IndicatorStatus, number>;
  const msByStatus = Object.fromEntries(MILESTONE_STATUSES.map((s) => [s, 0])) as Record<MilestoneStatus, number>;
  for (const i of indicators) byStatus[i.status]++;
  for (const m of milestones) msByStatus[m.status]++;
  const assessed = indicators.filter((i) => !UNJUDGED_STATUSES.has(i.status)).length;
  const onOrAhead = indicators.filter((i) => ON_OR_AHEAD.has(i.status)).length;
  const warningIds = indicators.filter((i) => i.warning).map((i) => i.id);
  const undeterminedIds = indicators.filter((i) => i.undetermined).map((i) => i.id);
  return {
    indicator_ids: indicators.map((i) => i.id),
    milestone_ids: milestones.map((m) => m.id),
    indicators_by_status: byStatus,
    milestones_by_status: msByStatus,
    assessed,
    on_or_ahead: onOrAhead,
    share_on_or_ahead: assessed === 0 ? null : onOrAhead / assessed,
    warning_ids: warningIds,
    warnings: warningIds.length,
    undetermined_ids: undeterminedIds,
    undetermined: undeterminedIds.length,
    binding: indicators.filter((i) => i.attribute === 'binding').length,
  };
}

/** Roll up every action: the indicators serving it and its milestones. */
export function rollupActions(
  plan: PlanFile,
  indicators: readonly IndicatorAssessment[],
  milestones: readonly MilestoneAssessment[],
): ActionRollup[] {
  return plan.actions.map((a) => ({
    id: a.id,
    name: a.name,
    pillar: a.pillar,
    ...rollup(indicators.filter((i) => i.actions.includes(a.id)), milestones.filter((m) => m.action === a.id)),
  }));
}

/** Roll up every pillar: its indicators and the milestones of its actions. */
export function rollupPillars(
  plan: PlanFile,
  indicators: readonly IndicatorAssessment[],
  milestones: readonly MilestoneAssessment[],
): PillarRollup[] {
  return plan.pillars.map((p) => ({
    id: p.id,
    name: p.name,
    action_ids: plan.actions.filter((a) => a.pillar === p.id).map((a) => a.id),
    ...rollup(indicators.filter((i) => i.pillar === p.id), milestones.filter((m) => m.pillar === p.id)),
  }));
}
