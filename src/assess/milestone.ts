// Assess one milestone in the report year from the latest state a year file reports.

import type { Milestone, MilestoneState } from '../model.js';
import { yearOf } from './numbers.js';
import { own, type Context } from './figures.js';
import type { MilestoneRule } from './reasons.js';
import type { MilestoneAssessment, MilestoneStatus } from './types.js';

/** The latest state reported for a milestone in a year file ≤ the report year. */
function latestState(ctx: Context, id: string): { state: MilestoneState; year: number } | null {
  const years = [...ctx.yearFiles.keys()].filter((y) => y <= ctx.year).sort((a, b) => b - a);
  for (const year of years) {
    const state = own(ctx.yearFiles.get(year)?.milestones, id);
    if (state !== undefined) return { state, year };
  }
  return null;
}

/**
 * Decide a milestone's status in report year t. Precedence, first match wins:
 *  1. done        — the latest state is done;
 *  2. overdue     — the due year is before t (whether or not a state was reported);
 *  3. at_risk     — the state is delayed, or the stated expected completion falls after the due year;
 *  4. on_schedule — some other state is reported;
 *  5. no_data     — nothing is reported and the due year is still ahead.
 */
function decide(m: Milestone, t: number, state: MilestoneState | null, expectedYear: number | null): {
  status: MilestoneStatus;
  reason: MilestoneRule;
} {
  if (state?.state === 'done') return { status: 'done', reason: { code: 'done', date: state.date ?? null } };
  if (m.due < t) {
    return {
      status: 'overdue',
      reason: state === null ? { code: 'overdue-no-state', due: m.due, year: t } : { code: 'overdue', due: m.due, state: state.state, year: t },
    };
  }
  if (state !== null && expectedYear !== null && expectedYear > m.due) {
    return { status: 'at_risk', reason: { code: 'late-expected', expected: state.expected ?? String(expectedYear), due: m.due } };
  }
  if (state?.state === 'delayed') return { status: 'at_risk', reason: { code: 'delayed' } };
  if (state !== null) return { status: 'on_schedule', reason: { code: 'on-schedule', state: state.state, due: m.due } };
  return { status: 'no_data', reason: { code: 'no-state', year: t } };
}

/** Assess one milestone in the context's report year. */
export function assessMilestone(ctx: Context, m: Milestone): MilestoneAssessment {
  const found = latestState(ctx, m.id);
  const state = found?.state ?? null;
  const expectedYear = yearOf(state?.expected);
  const { status, reason } = decide(m, ctx.year, state, expectedYear);
  const action = ctx.data.plan.actions.find((a) => a.id === m.action);
  return {
    id: m.id,
    name: m.name,
    action: m.action,
    pillar: action?.pillar ?? null,
    due: m.due,
    state: state?.state ?? null,
    state_year: found?.year ?? null,
    state_date: state?.date ?? null,
    state_source: state?.source ?? null,
    state_quote: state?.quote ?? null,
    state_note: state?.note ?? null,
    expected: state?.expected ?? null,
    expected_year: expectedYear,
    stale: found !== null && found.year < ctx.year,
    status,
    reason,
  };
}
