// Milestones and actions as the report shows them: the milestone table (with the
// reported note and source beside the state) and one section per action with its
// measures, indicators and milestones.

import type { Assessment, MilestoneAssessment } from '../assess/types.js';
import { indicatorName, nameOf, say, sourceTitle, wordsFor, type Ctx } from './context.js';
import { formatDate } from './format.js';
import { TONES } from './tones.js';
import type { ActionSection, IndicatorRow, MilestoneRow, StatusBadge } from './types.js';

/** A milestone status as a badge. */
function milestoneBadge(ctx: Ctx, status: MilestoneAssessment['status']): StatusBadge<MilestoneAssessment['status']> {
  return { code: status, label: ctx.m.milestoneStatus[status], tone: TONES.milestone[status] };
}

/** One milestone as a row of the milestone table. */
export function milestoneRow(ctx: Ctx, ms: MilestoneAssessment): MilestoneRow {
  const { m, lang } = ctx;
  const plan = ctx.plan.milestones.find((x) => x.id === ms.id);
  const action = ctx.plan.actions.find((x) => x.id === ms.action);
  const reason = say(m.milestoneRule, ms.reason, wordsFor(ctx));
  const stop = lang === 'en' ? '. ' : '。';
  const parts = [reason];
  if (ms.state_note) parts.push(ms.state_note);
  if (ms.state_source) parts.push(m.notes.sourceOf(sourceTitle(ctx, ms.state_source)));
  return {
    id: ms.id,
    name: plan ? nameOf(ctx, plan) : ms.name,
    action: action ? nameOf(ctx, action) : ms.action,
    due: m.milestones.dueText(ms.due),
    state: ms.state === null
      ? m.milestones.noState
      : m.milestones.stateText(m.milestoneState[ms.state], ms.state_date === null ? null : formatDate(ms.state_date, lang), ms.state_year),
    expected: ms.expected === null ? m.none : formatDate(ms.expected, lang),
    status: milestoneBadge(ctx, ms.status),
    doneWhen: plan?.done_when ?? m.none,
    note: parts.map((p) => p.replace(/[。.]$/, '')).join(stop),
  };
}

/** One action with its measures, indicators and milestones. */
export function actionSection(
  ctx: Ctx,
  act: Assessment['actions'][number],
  index: number,
  rows: ReadonlyMap<string, IndicatorRow>,
  milestones: ReadonlyMap<string, MilestoneRow>,
): ActionSection {
  const { m } = ctx;
  const plan = ctx.plan.actions.find((x) => x.id === act.id);
  const title = plan ? nameOf(ctx, plan) : act.name;
  const pillar = ctx.plan.pillars.find((p) => p.id === act.pillar);
  const group = ctx.plan.plan.groups?.actions;
  const item = (ctx.lang === 'en' ? group?.item_en : group?.item) ?? m.action.item;
  const ordinal = m.action.ordinal(item, index + 1);
  return {
    id: act.id,
    anchor: `action-${index + 1}`,
    ordinal,
    title,
    heading: m.action.heading(ordinal, title),
    pillar: pillar ? nameOf(ctx, pillar) : act.pillar,
    summary: m.action.summary(act.indicator_ids.length, act.assessed, act.on_or_ahead, act.milestone_ids.length) +
      (act.undetermined > 0 ? (ctx.lang === 'en' ? ' ' : '') + m.pillar.undetermined(act.undetermined, act.undetermined_ids.map((id) => indicatorName(ctx, id)).join(m.listSep)) : ''),
    measuresTitle: m.action.measures,
    measures: plan?.measures ?? [],
    indicatorsTitle: m.action.indicators,
    indicators: act.indicator_ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [{ anchor: row.anchor, name: row.name, value: row.value.text, completion: row.completion.text, status: row.status }] : [];
    }),
    noIndicators: m.action.noIndicators,
    milestonesTitle: m.action.milestones,
    milestones: act.milestone_ids.flatMap((id) => {
      const row = milestones.get(id);
      return row ? [{ name: row.name, due: row.due, state: row.state, status: row.status, note: row.note }] : [];
    }),
    noMilestones: m.action.noMilestones,
    labels: {
      pillar: m.action.pillar,
      indicator: m.table.indicator,
      value: m.table.value,
      completion: m.table.completion,
      status: m.table.status,
      milestone: m.milestones.name,
      due: m.milestones.due,
      state: m.milestones.state,
    },
  };
}
