// Milestone states and the roll-ups per action, pillar and plan.

import { describe, expect, it } from 'vitest';

import { assess, type MilestoneAssessment } from '../src/assess/index.js';
import { messages } from '../src/present/index.js';
import type { Milestone, MilestoneState } from '../src/model.js';
import { buildData, gdp, indicator, milestone, state } from './support/assess-builder.js';

const MILESTONE_STATUS_LABELS_ZH = messages('zh-CN').milestoneStatus;

/** Assess one milestone with its states by year. */
function assessMilestone(m: Milestone, states: Record<number, MilestoneState>, year: number): MilestoneAssessment {
  const { assessment } = assess(buildData({ milestones: [m], states: { [m.id]: states } }), year);
  const a = assessment.milestones[0];
  if (a === undefined) throw new Error('no milestone assessed');
  return a;
}

describe('milestones', () => {
  it('is at risk when the stated completion (高铁慈溪站: 2027-12) is after the due year 2026', () => {
    const a = assessMilestone(milestone({ id: 'rail-station', due: 2026 }),
      { 2025: state('in-progress', { date: '2025-06', expected: '2027-12' }) }, 2025);
    expect(a).toMatchObject({
      status: 'at_risk', state: 'in-progress', state_year: 2025, state_date: '2025-06',
      expected: '2027-12', expected_year: 2027, stale: false, pillar: 'strong',
    });
    expect(a.reason).toEqual({ code: 'late-expected', expected: '2027-12', due: 2026 });
    expect(MILESTONE_STATUS_LABELS_ZH[a.status]).toBe('存在风险');
  });

  it('is overdue once the due year has passed without completion', () => {
    const a = assessMilestone(milestone({ id: 'road', due: 2023 }), { 2022: state('in-progress') }, 2024);
    expect(a.status).toBe('overdue');
    expect(a.stale).toBe(true);
    expect(MILESTONE_STATUS_LABELS_ZH[a.status]).toBe('逾期');
  });

  it('is overdue when the due year has passed and nothing was reported', () => {
    const a = assessMilestone(milestone({ id: 'road', due: 2023 }), {}, 2024);
    expect(a.status).toBe('overdue');
    expect(a.reason).toEqual({ code: 'overdue-no-state', due: 2023, year: 2024 });
  });

  it('is done once reported done, even after the due year', () => {
    const a = assessMilestone(milestone({ id: 'eco', due: 2025 }), { 2023: state('done', { date: '2023-11' }) }, 2026);
    expect(a.status).toBe('done');
    expect(a.state_date).toBe('2023-11');
  });

  it('is on schedule while in progress before the due year', () => {
    expect(assessMilestone(milestone({ id: 'm' }), { 2024: state('in-progress') }, 2024).status).toBe('on_schedule');
    expect(assessMilestone(milestone({ id: 'm' }), { 2024: state('not-started') }, 2024).status).toBe('on_schedule');
    // due this year, not yet done: still on schedule
    expect(assessMilestone(milestone({ id: 'm', due: 2024 }), { 2024: state('in-progress') }, 2024).status).toBe('on_schedule');
  });

  it('is at risk when reported delayed', () => {
    expect(assessMilestone(milestone({ id: 'm' }), { 2024: state('delayed') }, 2024).status).toBe('at_risk');
  });

  it('has no data when nothing is reported and it is not yet due', () => {
    const a = assessMilestone(milestone({ id: 'm' }), {}, 2024);
    expect(a.status).toBe('no_data');
    expect(a.state).toBeNull();
    expect(MILESTONE_STATUS_LABELS_ZH[a.status]).toBe('无数据');
  });

  it('ignores states reported after the report year', () => {
    const a = assessMilestone(milestone({ id: 'm' }), { 2023: state('in-progress'), 2025: state('done') }, 2024);
    expect(a.status).toBe('on_schedule');
    expect(a.state_year).toBe(2023);
  });
});

describe('roll-ups', () => {
  const data = buildData({
    indicators: [
      gdp({ actions: ['industry'] }), // ahead
      indicator({ id: 'rd', unit: '%', kind: 'percentage', actions: ['talent', 'industry'], target: { year: 2026, value: 4, comparator: '>=' } }), // behind
      indicator({ id: 'air', unit: '%', kind: 'percentage', attribute: 'binding', pillar: 'quality', actions: ['ecology'], target: { year: 2026, value: 90, comparator: '>=' } }), // far behind, 预警
      indicator({ id: 'water', unit: '%', kind: 'percentage', pillar: 'quality', actions: ['ecology'] }), // no data
      indicator({ id: 'pop', unit: '万人', target: undefined, actions: ['talent'] }), // no target
    ],
    milestones: [
      milestone({ id: 'rail', action: 'industry', due: 2026 }),
      milestone({ id: 'park', action: 'ecology', due: 2023 }),
    ],
    values: {
      gdp: { 2021: 2379.2, 2024: 2929 },
      rd: { 2021: 3.2, 2024: 3.6 },
      air: { 2021: 85, 2024: 84 },
      pop: { 2021: 100, 2024: 101 },
    },
    states: { rail: { 2024: state('in-progress', { expected: '2027-12' }) } },
  });
  const { assessment } = assess(data, 2024);

  it('counts the whole plan', () => {
    expect(assessment.indicators.map((i) => i.status)).toEqual(['ahead', 'behind', 'far_behind', 'no_data', 'no_target']);
    expect(assessment.summary).toEqual({
      indicator_ids: ['gdp', 'rd', 'air', 'water', 'pop'],
      milestone_ids: ['rail', 'park'],
      indicators_by_status: { met: 0, ahead: 1, on_track: 0, held: 0, behind: 1, far_behind: 1, breached: 0, no_data: 1, qualitative: 0, no_target: 1 },
      milestones_by_status: { done: 0, on_schedule: 0, at_risk: 1, overdue: 1, no_data: 0 },
      assessed: 3,
      on_or_ahead: 1,
      share_on_or_ahead: 1 / 3,
      warning_ids: ['air'],
      warnings: 1,
      undetermined_ids: [],
      undetermined: 0,
      binding: 1,
    });
  });

  it('counts per action, an indicator in every action it serves', () => {
    const byId = Object.fromEntries(assessment.actions.map((a) => [a.id, a]));
    expect(byId.industry).toMatchObject({ pillar: 'strong', indicator_ids: ['gdp', 'rd'], milestone_ids: ['rail'], assessed: 2, on_or_ahead: 1, share_on_or_ahead: 0.5 });
    expect(byId.talent).toMatchObject({ indicator_ids: ['rd', 'pop'], assessed: 1, on_or_ahead: 0, share_on_or_ahead: 0 });
    expect(byId.ecology).toMatchObject({ indicator_ids: ['air', 'water'], milestone_ids: ['park'], warnings: 1 });
  });

  it('counts per pillar, with the milestones of its actions', () => {
    expect(assessment.pillars.map((p) => ({ id: p.id, actions: p.action_ids, indicators: p.indicator_ids, milestones: p.milestone_ids, share: p.share_on_or_ahead })))
      .toEqual([
        { id: 'strong', actions: ['industry', 'talent'], indicators: ['gdp', 'rd', 'pop'], milestones: ['rail'], share: 0.5 },
        { id: 'quality', actions: ['ecology'], indicators: ['air', 'water'], milestones: ['park'], share: 0 },
      ]);
  });

  it('gives the share as null when nothing can be assessed', () => {
    const empty = assess(buildData({ indicators: [indicator({ id: 'x' })] }), 2024).assessment;
    expect(empty.summary.assessed).toBe(0);
    expect(empty.summary.share_on_or_ahead).toBeNull();
  });

  it('states the settings and the plan-level pace', () => {
    expect(assessment).toMatchObject({
      schema_version: 2, plan_id: 'test-plan', year: 2024, period: { start: 2022, end: 2026 },
      base_year: 2021, year_has_file: true, tolerance: 0.05, severe_shortfall: 0.5, equality_tolerance: 1e-9,
    });
    expect(assessment.time_pace).toBeCloseTo(0.6, 12);
  });
});
