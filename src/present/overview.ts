// The cover's data status and the 总体评估: counts, highlights, 预警 and the binding
// indicators that cannot be judged (无法判断). Unknown is not good news: "no 预警" is
// said only when every binding indicator was assessed.

import { INDICATOR_STATUSES, MILESTONE_STATUSES, type IndicatorStatus } from '../assess/types.js';
import { indicatorName, say, wordsFor, type Ctx } from './context.js';
import { stackedBarGeometry } from './charts.js';
import { formatAmount, formatPercent, num } from './format.js';
import { badge } from './indicators.js';
import { targetText } from './targets.js';
import { TONES } from './tones.js';
import type { Column, Overview, ReportModel, StatusBar, StatusCount } from './types.js';

/** A key point names at most this many indicators. */
const KEY_POINT_NAMES = 12;

/** Statuses counted only when some indicator has them. */
const OCCASIONAL: ReadonlySet<IndicatorStatus> = new Set(['held', 'breached', 'qualitative']);

/** Counts of indicators with a figure for the report year, an earlier one, none. */
export function coverDataStatus(ctx: Ctx): ReportModel['cover']['dataStatus'] {
  const { m } = ctx;
  let current = 0;
  let stale = 0;
  let missing = 0;
  for (const ia of ctx.a.indicators) {
    if (ia.value === null && ia.achieved === null) missing++;
    else if (ia.stale) stale++;
    else current++;
  }
  const total = ctx.a.indicators.length;
  return {
    label: m.cover.dataStatus,
    text: m.cover.dataStatusText(current, stale, missing, total, ctx.a.year),
    total,
    current,
    stale,
    missing,
    items: [
      { key: 'current', label: m.cover.current, count: current },
      { key: 'stale', label: m.cover.stale, count: stale },
      { key: 'missing', label: m.cover.missing, count: missing },
    ],
  };
}

/** 总体评估: counts, highlights, 预警 and 无法判断. */
export function overview(ctx: Ctx): Overview {
  const { m, lang, a } = ctx;
  const s = a.summary;
  const names = (ids: readonly string[]) => ids.map((id) => indicatorName(ctx, id)).join(m.listSep);
  const byStatus = (status: IndicatorStatus) => a.indicators.filter((i) => i.status === status).map((i) => i.id);

  const share = s.assessed > 0
    ? m.overview.assessedShare(a.indicators.length, s.assessed, s.on_or_ahead, formatPercent(s.share_on_or_ahead ?? 0, lang))
    : m.overview.nothingAssessed(a.indicators.length);
  const binding = s.binding > 0 ? m.overview.bindingLine(s.binding, s.warnings, s.undetermined, names(s.undetermined_ids)) : null;
  // Which indicators have which status: what the bars cannot say. A long list names the first
  // few, so that the overview stays one page; the status table lists them all.
  const some = (ids: readonly string[]) => (ids.length > KEY_POINT_NAMES ? m.overview.andMore(names(ids.slice(0, KEY_POINT_NAMES)), ids.length - KEY_POINT_NAMES) : names(ids));
  const keyPoints: string[] = [];
  for (const status of INDICATOR_STATUSES) {
    if (status === 'no_data' || status === 'no_target' || status === 'qualitative') continue;
    const ids = byStatus(status);
    if (ids.length > 0) keyPoints.push(m.overview.statusList(m.indicatorStatus[status], ids.length, some(ids)));
  }
  const noData = byStatus('no_data');
  if (noData.length > 0) keyPoints.push(m.overview.noDataList(noData.length, some(noData)));
  const stale = a.indicators.filter((i) => i.stale).map((i) => i.id);
  if (stale.length > 0) keyPoints.push(m.overview.staleList(stale.length, some(stale)));
  const parts = MILESTONE_STATUSES.filter((st) => s.milestones_by_status[st] > 0)
    .map((st) => m.overview.milestonePart(m.milestoneStatus[st], s.milestones_by_status[st]));
  const milestoneLine = parts.length > 0 ? m.overview.milestoneLine(parts.join(lang === 'en' ? ', ' : '，')) : null;
  const highlights = [share, ...(binding === null ? [] : [binding]), ...keyPoints, ...(milestoneLine === null ? [] : [milestoneLine])];

  const warnings = a.indicators.filter((i) => i.warning).map((ia) => {
    let text: string;
    if (ia.target_measure === 'level' && ia.target_spec?.type !== 'held' && ia.target_spec?.type !== 'relative') {
      const cmp = ia.comparator === null ? '' : m.comparator[ia.comparator];
      const proj = ia.projection === null ? m.none : formatAmount(ia.projection, ia.unit, ia.kind, lang, true);
      const target = ia.target === null ? m.none : cmp + formatAmount(ia.target, ia.unit, ia.kind, lang, true);
      text = m.overview.warningText(ia.target_year ?? a.period.end, proj, target);
    } else if (ia.target_measure === 'rate' || ia.target_measure === 'change') {
      const p = ia.projection;
      const proj = p === null ? m.none
        : ia.target_measure === 'rate' ? m.target.rateText(formatPercent(p, lang, true)) : m.target.changeText(formatPercent(Math.abs(p), lang), p < 0);
      text = m.overview.warningText(ia.target_year ?? a.period.end, proj, ia.target_spec === null ? m.none : targetText(ctx, ia, ia.target_spec));
    } else {
      text = say(m.statusRule, ia.status_reason, wordsFor(ctx, ia));
    }
    return { anchor: ctx.anchors.get(ia.id)!, name: indicatorName(ctx, ia.id), attribute: m.attribute[ia.attribute], text };
  });

  const undetermined = a.indicators.filter((i) => i.undetermined).map((ia) => {
    const rule = ia.status_reason;
    const w = wordsFor(ctx, ia);
    return {
      anchor: ctx.anchors.get(ia.id)!,
      name: indicatorName(ctx, ia.id),
      text: rule.code === 'no-data' ? w.reason(rule.cause) : say(m.statusRule, rule, w),
    };
  });
  const noWarnings = s.binding === 0 ? m.overview.noBinding
    : undetermined.length > 0 ? m.overview.noWarningsUndetermined(undetermined.length)
    : m.overview.noWarnings;

  const statusColumns: [Column<'status'>, Column<'count'>] = [
    { key: 'status', label: m.overview.status, align: 'left' },
    { key: 'count', label: m.overview.count, align: 'right' },
  ];
  const pace = num(a.time_pace, (v) => formatPercent(v, lang), lang);
  const timePace = m.overview.timePace(a.year, pace.text);
  const indicatorRows = INDICATOR_STATUSES.map((st) => ({ ...badge(ctx, st), count: s.indicators_by_status[st] }));
  const milestoneRows = MILESTONE_STATUSES.map((st) => ({ code: st, label: m.milestoneStatus[st], tone: TONES.milestone[st], count: s.milestones_by_status[st] }));
  return {
    anchor: 'overview',
    title: m.sections.overview,
    headline: `${timePace}${lang === 'en' ? ' ' : ''}${share}`,
    indicatorBar: statusBar(ctx, 'indicators', m.overview.indicatorCounts, indicatorRows),
    milestoneBar: a.milestones.length > 0 ? statusBar(ctx, 'milestones', m.overview.milestoneCounts, milestoneRows) : null,
    binding,
    keyPoints,
    timePace,
    timePaceValue: pace,
    indicatorCounts: {
      caption: m.overview.indicatorCounts,
      columns: statusColumns,
      // The statuses of targets by a year always show; those of the other kinds when they occur.
      rows: indicatorRows.filter((row) => !OCCASIONAL.has(row.code) || row.count > 0),
      totalLabel: m.overview.total,
      total: a.indicators.length,
    },
    milestoneCounts: {
      caption: m.overview.milestoneCounts,
      columns: statusColumns,
      rows: milestoneRows,
      totalLabel: m.overview.total,
      total: a.milestones.length,
    },
    highlightsTitle: m.overview.highlights,
    highlights,
    warningsTitle: m.overview.warnings,
    noWarnings,
    warnings,
    undeterminedTitle: m.overview.undetermined,
    undetermined,
  };
}

/**
 * Counts by status as a stacked bar: the statuses that occur, each in its tone, lighter shades
 * for a second or third status of the same tone so that neighbours stay apart.
 */
function statusBar<Code extends string>(ctx: Ctx, id: string, caption: string, rows: Array<StatusCount<Code>>): StatusBar<Code> {
  const { m } = ctx;
  const used = new Map<string, number>();
  const segments = rows.filter((r) => r.count > 0).map((r) => {
    const shade = Math.min(used.get(r.tone) ?? 0, 2);
    used.set(r.tone, shade + 1);
    return { ...r, shade, legend: m.overview.barItem(r.label, r.count) };
  });
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const title = m.overview.barCaption(caption, total);
  const line = segments.length > 0 ? segments.map((r) => r.legend).join(m.overview.barSeparator) : m.overview.barEmpty;
  return {
    id,
    caption: title,
    total,
    segments,
    line,
    geometry: stackedBarGeometry({ title, desc: line, segments: segments.map((r) => ({ value: r.count, label: String(r.count) })) }),
  };
}
