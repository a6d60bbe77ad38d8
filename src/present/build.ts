// The present stage: turn an Assessment (numbers and statuses) and the plan into a
// ReportModel (localized labels, formatted numbers, chart geometry). Pure: no I/O,
// no clock (the generation date is passed in), no printing.

import { usableFigure } from '../assess/observations.js';
import {
  INDICATOR_STATUSES,
  MILESTONE_STATUSES,
  type Assessment,
  type IndicatorAssessment,
  type IndicatorStatus,
  type MilestoneAssessment,
  type MilestoneStatus,
} from '../assess/types.js';
import { progressGeometry, trendGeometry, type TrendInput } from './charts.js';
import { sortDiagnostics, splitPointer, type Diagnostic } from '../diagnostic.js';
import type { Indicator, Observation, PlanData, YearData } from '../model.js';
import {
  boundMark,
  formatComputed,
  formatData,
  formatDate,
  formatDecimal,
  formatPercent,
  formatRate,
  num,
  unitLabel,
  formatAmount,
  type Num,
} from './format.js';
import { messages, type Lang, type Messages } from './i18n.js';
import {
  REPORT_MODEL_VERSION,
  type ActionSection,
  type Column,
  type DataNotes,
  type Field,
  type IndicatorDetail,
  type IndicatorRow,
  type MilestoneRow,
  type Overview,
  type PillarSection,
  type ReportModel,
  type SectionRef,
  type StatusBadge,
  type StatusColumnKey,
  type Tone,
  type TrendTable,
} from './types.js';

export interface PresentOptions {
  /** Report language. */
  lang: Lang;
  /** Generation date, YYYY-MM-DD. */
  generatedAt: string;
}

/** Order and alignment of the status table's ten columns. */
export const STATUS_COLUMNS: ReadonlyArray<{ key: StatusColumnKey; align: Column['align'] }> = [
  { key: 'pillar', align: 'left' },
  { key: 'name', align: 'left' },
  { key: 'unit', align: 'left' },
  { key: 'attribute', align: 'left' },
  { key: 'baseline', align: 'right' },
  { key: 'value', align: 'right' },
  { key: 'target', align: 'right' },
  { key: 'completion', align: 'right' },
  { key: 'pace', align: 'right' },
  { key: 'status', align: 'left' },
];

const INDICATOR_TONES: Readonly<Record<IndicatorStatus, Tone>> = {
  met: 'good',
  ahead: 'good',
  on_track: 'fair',
  behind: 'warn',
  far_behind: 'bad',
  no_data: 'none',
  no_target: 'none',
};

const MILESTONE_TONES: Readonly<Record<MilestoneStatus, Tone>> = {
  done: 'good',
  on_schedule: 'fair',
  at_risk: 'warn',
  overdue: 'bad',
  no_data: 'none',
};

/** Names with an optional English variant. */
interface Named {
  name: string;
  name_en?: string;
}

/** Everything the builders share: the data, the messages and look-ups by id. */
interface Ctx {
  data: PlanData;
  a: Assessment;
  lang: Lang;
  m: Messages;
  years: Map<number, YearData>;
  indicators: Map<string, Indicator>;
  assessed: Map<string, IndicatorAssessment>;
  anchors: Map<string, string>;
}

/** Build the ReportModel of an assessment. */
export function buildReportModel(
  data: PlanData,
  assessment: Assessment,
  diagnostics: readonly Diagnostic[],
  options: PresentOptions,
): ReportModel {
  const m = messages(options.lang);
  const years = new Map<number, YearData>();
  for (const y of data.years) if (!years.has(y.year)) years.set(y.year, y);
  const ctx: Ctx = {
    data,
    a: assessment,
    lang: options.lang,
    m,
    years,
    indicators: new Map(data.plan.indicators.map((i) => [i.id, i])),
    assessed: new Map(assessment.indicators.map((i) => [i.id, i])),
    anchors: new Map(assessment.indicators.map((i, n) => [i.id, `ind-${n + 1}`])),
  };
  const meta = data.plan.plan;
  const planTitle = options.lang === 'en' ? meta.title_en ?? meta.title : meta.title;
  const region = options.lang === 'en' ? meta.region_en ?? meta.region : meta.region;
  const title = m.reportTitle(planTitle, assessment.year);
  const generatedAtText = formatDate(options.generatedAt, options.lang);

  const rows = assessment.indicators.map((ia) => indicatorRow(ctx, ia));
  const rowById = new Map(rows.map((r) => [r.id, r]));

  const pillars: PillarSection[] = assessment.pillars.map((p, i) => {
    const plan = data.plan.pillars.find((x) => x.id === p.id);
    return {
      id: p.id,
      anchor: `pillar-${i + 1}`,
      title: plan ? nameOf(ctx, plan) : p.name,
      goal: plan?.goal ?? null,
      goalLabel: m.pillar.goal,
      summary: m.pillar.summary(p.indicator_ids.length, p.assessed, p.on_or_ahead, p.warnings),
      indicators: p.indicator_ids.flatMap((id) => {
        const ia = ctx.assessed.get(id);
        const row = rowById.get(id);
        return ia && row ? [indicatorDetail(ctx, ia, row)] : [];
      }),
      empty: m.pillar.noIndicators,
    };
  });

  const actions: ActionSection[] = assessment.actions.map((act, i) => actionSection(ctx, act, i, rowById));
  const milestoneRows = assessment.milestones.map((ms) => milestoneRow(ctx, ms));

  const sections: SectionRef[] = [
    { id: 'overview', anchor: 'overview', title: m.sections.overview, children: [] },
    { id: 'status-table', anchor: 'status-table', title: m.sections.statusTable, children: [] },
    {
      id: 'pillars',
      anchor: 'pillars',
      title: m.sections.pillars,
      children: pillars.map((p) => ({ id: `pillar:${p.id}`, anchor: p.anchor, title: p.title, children: [] })),
    },
    {
      id: 'actions',
      anchor: 'actions',
      title: m.sections.actions,
      children: actions.map((s) => ({ id: `action:${s.id}`, anchor: s.anchor, title: s.heading, children: [] })),
    },
    { id: 'milestones', anchor: 'milestones', title: m.sections.milestones, children: [] },
    { id: 'data-notes', anchor: 'data-notes', title: m.sections.dataNotes, children: [] },
  ];

  const dataStatus = coverDataStatus(ctx);
  const fields: Field[] = [
    { label: m.cover.plan, value: planTitle },
    { label: m.cover.region, value: region },
  ];
  if (meta.organisation) fields.push({ label: m.cover.organisation, value: meta.organisation });
  fields.push(
    { label: m.cover.reportYear, value: m.cover.yearText(assessment.year) },
    { label: m.cover.period, value: m.cover.periodText(meta.period.start, meta.period.end, meta.base_year) },
    { label: m.cover.generatedAt, value: generatedAtText },
    { label: m.cover.dataStatus, value: dataStatus.text },
  );

  return {
    version: REPORT_MODEL_VERSION,
    lang: options.lang,
    meta: {
      planId: meta.id,
      planTitle,
      region,
      organisation: meta.organisation ?? null,
      year: assessment.year,
      title,
      shortTitle: m.shortTitle(region, assessment.year),
      subtitle: m.reportSubtitle,
      generatedAt: options.generatedAt,
      generatedAtText,
      generator: m.generator,
    },
    sections,
    cover: { title, subtitle: m.reportSubtitle, fields, dataStatus },
    overview: overview(ctx),
    statusTable: {
      anchor: 'status-table',
      title: m.sections.statusTable,
      caption: m.table.caption(assessment.year),
      columns: STATUS_COLUMNS.map((c) => ({ key: c.key, label: m.table[c.key === 'name' ? 'indicator' : c.key], align: c.align })),
      rows,
      notes: [m.table.staleNote, m.table.paceNote],
      warningMark: m.table.warningMark,
    },
    pillars: { anchor: 'pillars', title: m.sections.pillars, items: pillars },
    actions: { anchor: 'actions', title: m.sections.actions, items: actions },
    milestones: {
      anchor: 'milestones',
      title: m.sections.milestones,
      caption: m.milestones.caption(assessment.year),
      columns: [
        { key: 'name', label: m.milestones.name, align: 'left' },
        { key: 'action', label: m.milestones.action, align: 'left' },
        { key: 'due', label: m.milestones.due, align: 'left' },
        { key: 'state', label: m.milestones.state, align: 'left' },
        { key: 'expected', label: m.milestones.expected, align: 'left' },
        { key: 'status', label: m.milestones.status, align: 'left' },
        { key: 'note', label: m.milestones.note, align: 'left' },
      ],
      rows: milestoneRows,
      empty: m.milestones.empty,
      doneWhenLabel: m.milestones.doneWhen,
    },
    dataNotes: dataNotes(ctx, diagnostics),
    labels: {
      contents: m.sections.contents,
      legend: {
        observed: m.pillar.legendObserved,
        baseline: m.pillar.legendBaseline,
        target: m.pillar.legendTarget,
        projection: m.pillar.legendProjection,
      },
      warning: m.table.warningMark,
      none: m.none,
      colon: m.colon,
    },
  };
}

/** An entity's name in the report language (the plan's name when no English is given). */
function nameOf(ctx: Ctx, x: Named): string {
  return ctx.lang === 'en' ? x.name_en ?? x.name : x.name;
}

/** The indicator's name in the report language, by id. */
function indicatorName(ctx: Ctx, id: string): string {
  const ind = ctx.indicators.get(id);
  return ind ? nameOf(ctx, ind) : id;
}

function badge<C extends IndicatorStatus>(ctx: Ctx, status: C): StatusBadge<C> {
  return { code: status, label: ctx.m.indicatorStatus[status], tone: INDICATOR_TONES[status] };
}

function milestoneBadge<C extends MilestoneStatus>(ctx: Ctx, status: C): StatusBadge<C> {
  return { code: status, label: ctx.m.milestoneStatus[status], tone: MILESTONE_TONES[status] };
}

/** The observation of an indicator in a year, if a year file holds one. */
function observation(ctx: Ctx, id: string, year: number): Observation | undefined {
  const obs = ctx.years.get(year)?.observations;
  return obs !== undefined && Object.hasOwn(obs, id) ? obs[id] : undefined;
}

/** Why a year has no usable figure for an indicator, in the report language. */
function whyMissing(ctx: Ctx, ind: Indicator, year: number): string {
  const r = ctx.m.reasons;
  if (!ctx.years.has(year)) return r.noYearFile(year);
  const obs = observation(ctx, ind.id, year);
  if (obs === undefined) return r.noEntry(year);
  if (obs.missing !== undefined) return r.markedMissing(year, obs.missing);
  if (typeof obs.value !== 'number') return r.noEntry(year);
  if (obs.unit !== ind.unit) return r.notComparable(year, ctx.lang === 'en' ? 'unit' : '单位');
  return r.notComparable(year, ctx.lang === 'en' ? 'scope' : '统计口径');
}

/** The first year of the cumulative period without a usable flow, or null. */
function firstGap(ctx: Ctx, ind: Indicator, to: number): number | null {
  for (let y = ctx.data.plan.plan.period.start; y <= to; y++) {
    if (!usableFigure(ind, observation(ctx, ind.id, y))) return y;
  }
  return null;
}

/** Why the value used is unknown or stale, in the report language; null when current. */
function valueNote(ctx: Ctx, ind: Indicator, ia: IndicatorAssessment): string | null {
  const t = ctx.a.year;
  if (ia.value === null) {
    return `${ctx.m.reasons.noValueInRange(Math.min(ctx.a.base_year + 1, t), t)}${ctx.lang === 'en' ? '; ' : '；'}${whyMissing(ctx, ind, t)}`;
  }
  if (ia.stale && ia.value_year !== null) return ctx.m.reasons.staleUsing(ia.value_year, whyMissing(ctx, ind, t));
  return null;
}

/** Why a number that needs the value, baseline, target or total is unknown. */
function dependencyNote(ctx: Ctx, ind: Indicator, ia: IndicatorAssessment, fallback: string | null): string | null {
  const r = ctx.m.reasons;
  if (!ia.has_target) return r.noTarget;
  if (ia.value === null) return valueNote(ctx, ind, ia);
  if (ia.kind === 'cumulative' && ia.achieved === null && ia.value_year !== null) {
    const gap = firstGap(ctx, ind, ia.value_year);
    if (gap !== null) return r.cumulativeIncomplete(gap);
  }
  if (ia.baseline === null && ia.kind !== 'cumulative') return r.noBaseline(ia.baseline_year, whyMissing(ctx, ind, ia.baseline_year));
  if (fallback === null) return null;
  // The assessment's own reason is English; keep it, introduced in the report language.
  return ctx.lang === 'en' ? fallback : `无法计算（${fallback}）`;
}

/** A value with its bound sign (≥ for "at least"). */
function boundText(text: string, bound: 'at-least' | 'at-most' | null): string {
  return boundMark(bound) + text;
}

/** One indicator as a row of the status table. */
function indicatorRow(ctx: Ctx, ia: IndicatorAssessment): IndicatorRow {
  const { m, lang } = ctx;
  const ind = ctx.indicators.get(ia.id)!;
  const pillar = ctx.data.plan.pillars.find((p) => p.id === ia.pillar);
  const t0 = ia.baseline_year;

  const baseline = num(ia.baseline, (v) => formatData(v, lang), lang, ia.baseline === null ? whyMissing(ctx, ind, t0) : null);
  const baseObs = observation(ctx, ind.id, t0);
  if (ia.baseline !== null && baseObs?.bound) baseline.text = boundText(baseline.text, baseObs.bound);

  let value: Num;
  if (ia.kind === 'cumulative') {
    if (ia.achieved !== null) {
      value = num(ia.achieved, (v) => formatData(v, lang), lang);
    } else if (ia.value !== null && ia.value_year !== null) {
      // The total is unknown: show the year's flow, saying what it is.
      value = {
        text: formatData(ia.value, lang) + m.paren(m.reasons.cumulativeFlow(ia.value_year)),
        value: null,
        note: dependencyNote(ctx, ind, ia, ia.achieved_reason),
      };
    } else {
      value = num(null, String, lang, valueNote(ctx, ind, ia));
    }
  } else {
    value = num(ia.value, (v) => boundText(formatData(v, lang), ia.bound), lang, valueNote(ctx, ind, ia));
  }
  if (value.value !== null && ia.stale && ia.value_year !== null) {
    value.text += m.paren(m.cover.yearText(ia.value_year));
    value.note = valueNote(ctx, ind, ia);
  }

  let target: Num;
  const cmp = ia.comparator === null ? '' : m.comparator[ia.comparator];
  if (ia.target_multiple !== null) {
    const k = formatDecimal(ia.target_multiple, lang, 2);
    const v = ia.target === null ? null : cmp + formatComputed(ia.target, ia.kind, ia.unit, lang);
    // V = k × v0: unknown exactly when the baseline is.
    const note = ia.target !== null ? null
      : ia.baseline === null ? m.reasons.noBaseline(t0, whyMissing(ctx, ind, t0))
      : dependencyNote(ctx, ind, ia, ia.target_reason);
    target = { text: m.multipleTarget(k, v), value: ia.target, note };
  } else {
    target = num(ia.target, (v) => cmp + formatData(v, lang), lang, ia.has_target ? dependencyNote(ctx, ind, ia, ia.target_reason) : m.reasons.noTarget);
  }

  const completion = num(ia.completion, (v) => formatPercent(v, lang), lang,
    ia.completion === null ? dependencyNote(ctx, ind, ia, ia.completion_reason) : null);
  const pace = num(ia.pace_at_value_year, (v) => formatPercent(v, lang), lang, ia.has_target ? null : m.reasons.noTarget);
  if (pace.value !== null && ia.stale && ia.value_year !== null) pace.text += m.paren(m.cover.yearText(ia.value_year));

  return {
    id: ia.id,
    anchor: ctx.anchors.get(ia.id)!,
    pillar: pillar ? nameOf(ctx, pillar) : ia.pillar,
    name: nameOf(ctx, ind),
    unit: unitLabel(ia.unit, lang),
    attribute: m.attribute[ia.attribute],
    baseline,
    value,
    target,
    completion,
    pace,
    status: badge(ctx, ia.status),
    warning: ia.warning,
  };
}

/** The indicator's usable figures by year, up to the report year (cumulative: running totals). */
function series(ctx: Ctx, ind: Indicator): {
  observed: Array<{ year: number; value: number; estimate: boolean }>;
  flows: Map<number, number>;
} {
  const observed: Array<{ year: number; value: number; estimate: boolean }> = [];
  const flows = new Map<number, number>();
  const t = ctx.a.year;
  const yearsUsed = [...ctx.years.keys()].filter((y) => y >= ctx.a.base_year && y <= t).sort((a, b) => a - b);
  for (const y of yearsUsed) {
    const obs = observation(ctx, ind.id, y);
    if (usableFigure(ind, obs)) {
      flows.set(y, obs.value);
      if (ind.kind !== 'cumulative') observed.push({ year: y, value: obs.value, estimate: obs.status === 'estimate' || obs.bound !== undefined });
    }
  }
  if (ind.kind === 'cumulative') {
    let sum = 0;
    for (let y = ctx.data.plan.plan.period.start; y <= t; y++) {
      const f = flows.get(y);
      if (f === undefined) break;
      sum += f;
      observed.push({ year: y, value: sum, estimate: false });
    }
  }
  return { observed, flows };
}

/** The detail of an indicator in its pillar section: facts, trend chart and table, progress bar. */
function indicatorDetail(ctx: Ctx, ia: IndicatorAssessment, row: IndicatorRow): IndicatorDetail {
  const { m, lang } = ctx;
  const ind = ctx.indicators.get(ia.id)!;
  const meta = ctx.data.plan.plan;
  const unit = ia.unit;
  const fmtValue = (v: number) => formatComputed(v, ia.kind, unit, lang);
  const cmp = ia.comparator === null ? '' : m.comparator[ia.comparator];
  const T = ia.target_year;
  const fromYear = meta.base_year;
  const toYear = Math.max(meta.period.end, T ?? meta.period.end, ctx.a.year);

  const { observed, flows } = series(ctx, ind);
  const label = (v: number) => formatAmount(v, unit, ia.kind, lang, ia.kind === 'cumulative');
  const amount = (v: number) => formatAmount(v, unit, ia.kind, lang, true);

  // Trend chart.
  const baseline = ia.baseline !== null && ia.kind !== 'cumulative'
    ? { year: ia.baseline_year, value: ia.baseline, label: m.pillar.baselineMark(ia.baseline_year, formatData(ia.baseline, lang)) }
    : null;
  const target = ia.target !== null && T !== null
    ? { year: T, value: ia.target, label: m.pillar.targetMark(T, cmp + fmtValue(ia.target)) }
    : null;
  const fromValue = ia.kind === 'cumulative' ? ia.achieved : ia.value;
  const projection = ia.projection !== null && T !== null && ia.value_year !== null && fromValue !== null && ia.value_year < T
    ? { fromYear: ia.value_year, fromValue, toYear: T, toValue: ia.projection, label: m.pillar.projectionMark(T, fmtValue(ia.projection)) }
    : null;

  const descParts: string[] = [];
  if (baseline) descParts.push(m.pillar.descParts.baseline(baseline.year, formatAmount(baseline.value, unit, ia.kind, lang, false)));
  for (const o of observed) if (o.year !== ia.baseline_year || baseline === null) descParts.push(m.pillar.descParts.observed(o.year, label(o.value)));
  if (target) descParts.push(m.pillar.descParts.target(target.year, cmp + amount(target.value)));
  if (projection) descParts.push(m.pillar.descParts.projection(projection.toYear, amount(projection.toValue)));
  const sep = lang === 'en' ? '; ' : '，';
  const desc = (descParts.length > 0 ? descParts.join(sep) : m.pillar.descParts.none) + (lang === 'en' ? '.' : '。');

  const unitText = unitLabel(unit, lang);
  const trendInput: TrendInput = {
    title: m.pillar.chartTitle(row.name, unitText),
    desc,
    fromYear,
    toYear,
    reportYear: ctx.a.year,
    observations: observed.map((o) => ({ year: o.year, value: o.value, label: `${o.year}: ${label(o.value)}`, estimate: o.estimate })),
    baseline,
    target,
    projection,
    invertY: ia.kind === 'rank',
    formatTick: (v, d) => formatDecimal(v, lang, d, d),
  };
  const hasTrend = observed.length > 0;
  const legend: IndicatorDetail['legend'] = [];
  if (hasTrend) {
    legend.push({ key: 'observed', label: ia.kind === 'cumulative' ? m.pillar.cumulativeObserved : m.pillar.legendObserved });
    if (baseline) legend.push({ key: 'baseline', label: m.pillar.legendBaseline });
    if (target) legend.push({ key: 'target', label: m.pillar.legendTarget });
    if (projection) legend.push({ key: 'projection', label: m.pillar.legendProjection });
  }

  // Values by year as a compact table.
  const yearList: number[] = [];
  for (let y = fromYear; y <= toYear; y++) yearList.push(y);
  const t = ctx.a.year;
  const cell = (y: number, v: number | undefined) => (v !== undefined ? formatData(v, lang) : y <= t ? m.none : '');
  const tableRows: TrendTable['rows'] = [
    { label: m.pillar.observed, cells: yearList.map((y) => cell(y, flows.get(y))) },
  ];
  if (ia.kind === 'cumulative') {
    const totals = new Map(observed.map((o) => [o.year, o.value]));
    tableRows.push({ label: m.pillar.cumulativeObserved, cells: yearList.map((y) => (totals.has(y) ? fmtValue(totals.get(y)!) : y <= t && y >= meta.period.start ? m.none : '')) });
  }
  if (target) tableRows.push({ label: m.pillar.targetRow, cells: yearList.map((y) => (y === target.year ? cmp + fmtValue(target.value) : '')) });
  if (projection) tableRows.push({ label: m.pillar.projectionRow, cells: yearList.map((y) => (y === projection.toYear ? fmtValue(projection.toValue) : '')) });

  // Progress bar.
  const progress = ia.completion !== null
    ? progressGeometry({
        title: m.pillar.progressTitle(row.name),
        desc: m.pillar.progressDesc(row.completion.text, row.pace.text),
        completion: ia.completion,
        pace: ia.pace_at_value_year,
        completionLabel: m.pillar.completionLabel(row.completion.text),
        paceLabel: m.pillar.paceLabel(ia.pace_at_value_year === null ? m.none : formatPercent(ia.pace_at_value_year, lang)),
      })
    : null;

  // Facts.
  const f = m.pillar.facts;
  const facts: Field[] = [
    { label: f.kind, value: m.kind[ia.kind] },
    { label: f.scope, value: scopeName(ctx, ia.scope) },
    { label: f.direction, value: m.direction[ia.direction] },
  ];
  // vt / V reads as "share of the target reached" only when higher is better.
  if (ia.attainment !== null && ia.direction === 'higher') facts.push({ label: f.attainment, value: formatPercent(ia.attainment, lang) });
  if (ia.gap !== null && ia.gap_direction !== null) {
    const gap = unit === '%'
      ? formatDecimal(Math.abs(ia.gap), lang, 1, 1) + m.percentagePoints
      : amount(Math.abs(ia.gap));
    facts.push({
      label: f.gap,
      value: ia.gap_direction === 'short_of_target' ? f.gapShort(gap) : ia.gap_direction === 'beyond_target' ? f.gapBeyond(gap) : f.gapAt,
    });
  }
  if (ia.growth_so_far !== null) facts.push({ label: f.growthSoFar, value: formatRate(ia.growth_so_far, ia.rate_method, unit, ia.kind, lang) });
  if (ia.growth_required !== null) facts.push({ label: f.growthRequired, value: formatRate(ia.growth_required, ia.rate_method, unit, ia.kind, lang) });
  if (ia.annual_growth_target !== null) facts.push({ label: f.annualGrowthTarget, value: formatPercent(ia.annual_growth_target, lang) });
  if (ia.projection !== null && T !== null) facts.push({ label: f.projection(T), value: amount(ia.projection) });
  if (ia.progress_category !== null) facts.push({ label: f.progressCategory, value: m.progressCategory[ia.progress_category] });

  const altName = ctx.lang === 'en' ? (ind.name_en !== undefined ? ind.name : null) : ind.name_en ?? null;
  return {
    row,
    altName,
    facts,
    trend: hasTrend ? trendGeometry(trendInput) : null,
    trendTable: { caption: m.pillar.trendTable(row.name), corner: m.pillar.year, years: yearList.map(String), rows: tableRows },
    noTrend: hasTrend ? null : m.pillar.noChart,
    legend,
    progress,
    noProgress: progress === null ? `${m.pillar.noProgress}${m.paren(row.completion.note ?? m.none)}` : null,
    quote: ind.quote ?? null,
    note: ind.note ?? null,
    labels: { status: m.table.status, completion: m.table.completion },
  };
}

function scopeName(ctx: Ctx, id: string): string {
  const scope = ctx.data.plan.scopes.find((s) => s.id === id);
  return scope ? nameOf(ctx, scope) : id;
}

/** Counts of indicators with a figure for the report year, an earlier one, none. */
function coverDataStatus(ctx: Ctx): ReportModel['cover']['dataStatus'] {
  const { m } = ctx;
  let current = 0;
  let stale = 0;
  let missing = 0;
  for (const ia of ctx.a.indicators) {
    if (ia.value === null) missing++;
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

/** 总体评估: counts, highlights and 预警. */
function overview(ctx: Ctx): Overview {
  const { m, lang, a } = ctx;
  const s = a.summary;
  const names = (ids: readonly string[]) => ids.map((id) => indicatorName(ctx, id)).join(m.listSep);
  const byStatus = (status: IndicatorStatus) => a.indicators.filter((i) => i.status === status).map((i) => i.id);

  const highlights: string[] = [];
  highlights.push(
    s.assessed > 0
      ? m.overview.assessedShare(a.indicators.length, s.assessed, s.on_or_ahead, formatPercent(s.share_on_or_ahead ?? 0, lang))
      : m.overview.nothingAssessed(a.indicators.length),
  );
  for (const status of INDICATOR_STATUSES) {
    if (status === 'no_data' || status === 'no_target') continue;
    const ids = byStatus(status);
    if (ids.length > 0) highlights.push(m.overview.statusList(m.indicatorStatus[status], ids.length, names(ids)));
  }
  const noData = byStatus('no_data');
  if (noData.length > 0) highlights.push(m.overview.noDataList(noData.length, names(noData)));
  const stale = a.indicators.filter((i) => i.stale).map((i) => i.id);
  if (stale.length > 0) highlights.push(m.overview.staleList(stale.length, names(stale)));
  const parts = MILESTONE_STATUSES.filter((st) => s.milestones_by_status[st] > 0)
    .map((st) => m.overview.milestonePart(m.milestoneStatus[st], s.milestones_by_status[st]));
  if (parts.length > 0) highlights.push(m.overview.milestoneLine(parts.join(lang === 'en' ? ', ' : '，')));

  const warnings = a.indicators.filter((i) => i.warning).map((ia) => {
    const cmp = ia.comparator === null ? '' : m.comparator[ia.comparator];
    const proj = ia.projection === null ? m.none : formatAmount(ia.projection, ia.unit, ia.kind, lang, true);
    const target = ia.target === null ? m.none : cmp + formatAmount(ia.target, ia.unit, ia.kind, lang, true);
    return {
      anchor: ctx.anchors.get(ia.id)!,
      name: indicatorName(ctx, ia.id),
      attribute: m.attribute[ia.attribute],
      text: m.overview.warningText(ia.target_year ?? a.period.end, proj, target),
    };
  });

  const statusColumns: [Column<'status'>, Column<'count'>] = [
    { key: 'status', label: m.overview.status, align: 'left' },
    { key: 'count', label: m.overview.count, align: 'right' },
  ];
  const pace = num(a.time_pace, (v) => formatPercent(v, lang), lang);
  return {
    anchor: 'overview',
    title: m.sections.overview,
    timePace: m.overview.timePace(a.year, pace.text),
    timePaceValue: pace,
    indicatorCounts: {
      caption: m.overview.indicatorCounts,
      columns: statusColumns,
      rows: INDICATOR_STATUSES.map((st) => ({ ...badge(ctx, st), count: s.indicators_by_status[st] })),
      totalLabel: m.overview.total,
      total: a.indicators.length,
    },
    milestoneCounts: {
      caption: m.overview.milestoneCounts,
      columns: statusColumns,
      rows: MILESTONE_STATUSES.map((st) => ({ ...milestoneBadge(ctx, st), count: s.milestones_by_status[st] })),
      totalLabel: m.overview.total,
      total: a.milestones.length,
    },
    highlightsTitle: m.overview.highlights,
    highlights,
    warningsTitle: m.overview.warnings,
    noWarnings: m.overview.noWarnings,
    warnings,
  };
}

/** Why a milestone has its status, in the report language. */
function milestoneReason(ctx: Ctx, ms: MilestoneAssessment): string {
  const r = ctx.m.milestones.reasons;
  const state = ms.state === null ? null : ctx.m.milestoneState[ms.state];
  const date = (d: string | null) => (d === null ? null : formatDate(d, ctx.lang));
  switch (ms.status) {
    case 'done':
      return r.done(date(ms.state_date));
    case 'overdue':
      return state === null ? r.overdueNoState(ms.due, ctx.a.year) : r.overdue(ms.due, state, ctx.a.year);
    case 'at_risk':
      return ms.expected !== null && ms.expected_year !== null && ms.expected_year > ms.due
        ? r.atRiskExpected(date(ms.expected)!, ms.due)
        : r.delayed;
    case 'on_schedule':
      return r.onSchedule(state ?? ctx.m.milestones.noState, ms.due);
    case 'no_data':
      return r.noData(ctx.a.year);
  }
}

/** One milestone as a row of the milestone table. */
function milestoneRow(ctx: Ctx, ms: MilestoneAssessment): MilestoneRow {
  const { m, lang } = ctx;
  const plan = ctx.data.plan.milestones.find((x) => x.id === ms.id);
  const action = ctx.data.plan.actions.find((x) => x.id === ms.action);
  const reported = ms.state_year === null ? undefined : ctx.years.get(ms.state_year)?.milestones?.[ms.id];
  const reason = milestoneReason(ctx, ms);
  const note = reported?.note ? `${reason}${lang === 'en' ? '. ' : '。'}${reported.note}` : reason;
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
    note,
  };
}

/** 十大行动: one action with its measures, indicators and milestones. */
function actionSection(
  ctx: Ctx,
  act: Assessment['actions'][number],
  index: number,
  rows: ReadonlyMap<string, IndicatorRow>,
): ActionSection {
  const { m } = ctx;
  const plan = ctx.data.plan.actions.find((x) => x.id === act.id);
  const title = plan ? nameOf(ctx, plan) : act.name;
  const pillar = ctx.data.plan.pillars.find((p) => p.id === act.pillar);
  const milestones = act.milestone_ids.flatMap((id) => {
    const ms = ctx.a.milestones.find((x) => x.id === id);
    if (!ms) return [];
    const row = milestoneRow(ctx, ms);
    return [{ name: row.name, due: row.due, state: row.state, status: row.status }];
  });
  return {
    id: act.id,
    anchor: `action-${index + 1}`,
    ordinal: m.action.ordinal(index + 1),
    title,
    heading: m.action.heading(index + 1, title),
    pillar: pillar ? nameOf(ctx, pillar) : act.pillar,
    summary: m.action.summary(act.indicator_ids.length, act.assessed, act.on_or_ahead, act.milestone_ids.length),
    measuresTitle: m.action.measures,
    measures: plan?.measures ?? [],
    indicatorsTitle: m.action.indicators,
    indicators: act.indicator_ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [{ anchor: row.anchor, name: row.name, value: row.value.text, completion: row.completion.text, status: row.status }] : [];
    }),
    noIndicators: m.action.noIndicators,
    milestonesTitle: m.action.milestones,
    milestones,
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

/** The note of a figure: bound, published date, vintage, published name, the data file's note. */
function figureNote(ctx: Ctx, obs: Observation | undefined): string {
  if (obs === undefined) return '';
  const n = ctx.m.notes;
  const parts: string[] = [];
  if (obs.bound) parts.push(ctx.m.reasons.bound(obs.bound));
  if (obs.published) parts.push(n.published(formatDate(obs.published, ctx.lang)));
  if (obs.vintage) parts.push(n.vintage(obs.vintage));
  if (obs.measure) parts.push(n.measure(obs.measure));
  if (obs.note) parts.push(obs.note);
  return parts.join(ctx.lang === 'en' ? '; ' : '；');
}

function sourceTitle(ctx: Ctx, id: string | null | undefined): string {
  if (!id) return ctx.m.none;
  return ctx.data.plan.sources.find((s) => s.id === id)?.title ?? id;
}

/** Name what a diagnostic is about (an indicator or milestone in a year), from its file and pointer. */
function diagnosticSubject(ctx: Ctx, d: Diagnostic): string {
  const segs = d.pointer === undefined ? [] : splitPointer(d.pointer);
  const yearFile = ctx.data.years.find((y) => y.file === d.file);
  const yearText = yearFile ? ` ${ctx.m.cover.yearText(yearFile.year)}` : '';
  if (segs[0] === 'observations' && segs[1] !== undefined) return `${indicatorName(ctx, segs[1])}${yearText}`;
  if (segs[0] === 'milestones' && segs[1] !== undefined && yearFile) {
    const ms = ctx.data.plan.milestones.find((x) => x.id === segs[1]);
    return `${ms ? nameOf(ctx, ms) : segs[1]}${yearText}`;
  }
  if (segs[0] === 'indicators' && segs[1] !== undefined) {
    const ind = /^\d+$/.test(segs[1]) ? ctx.data.plan.indicators[Number(segs[1])] : ctx.indicators.get(segs[1]);
    if (ind) return nameOf(ctx, ind);
  }
  return yearText.trim();
}

/** 数据说明: sources and status of every figure, quality warnings, stale and missing data, methodology. */
function dataNotes(ctx: Ctx, diagnostics: readonly Diagnostic[]): DataNotes {
  const { m, lang, a } = ctx;
  const n = m.notes;
  const groups = a.indicators.map((ia) => {
    const ind = ctx.indicators.get(ia.id)!;
    const baseObs = observation(ctx, ia.id, ia.baseline_year);
    const valueYear = ia.value_year ?? a.year;
    const valueObs = observation(ctx, ia.id, valueYear);
    const status = (s: typeof ia.baseline_status) => (s === null ? m.none : m.observationStatus[s]);
    return {
      anchor: `${ctx.anchors.get(ia.id)!}-data`,
      indicator: indicatorName(ctx, ia.id),
      rows: [
        {
          figure: n.baselineRow,
          year: m.cover.yearText(ia.baseline_year),
          value: ia.baseline === null ? m.none : boundText(formatAmount(ia.baseline, ia.unit, ia.kind, lang, false), baseObs?.bound ?? null),
          status: status(ia.baseline_status),
          source: sourceTitle(ctx, ia.baseline_source),
          note: ia.baseline === null ? whyMissing(ctx, ind, ia.baseline_year) : figureNote(ctx, baseObs),
        },
        {
          figure: n.valueRow,
          year: m.cover.yearText(valueYear),
          value: ia.value === null ? m.none : boundText(formatAmount(ia.value, ia.unit, ia.kind, lang, false), ia.bound),
          status: status(ia.value_status),
          source: sourceTitle(ctx, ia.value_source),
          note: ia.value === null ? valueNote(ctx, ind, ia) ?? '' : [valueNote(ctx, ind, ia), figureNote(ctx, valueObs)].filter((x) => x).join(lang === 'en' ? '; ' : '；'),
        },
      ],
    };
  });

  const quality = sortDiagnostics(diagnostics.filter((d) => d.severity !== 'info')).map((d) => ({
    location: d.line > 0 ? `${d.file}:${d.line}` : d.file,
    subject: diagnosticSubject(ctx, d),
    problem: lang === 'en' ? d.message : m.diagnosticCodes[d.code] ?? d.message,
    severity: m.severity[d.severity],
    code: d.code,
  }));

  const stale = a.indicators.filter((i) => i.stale && i.value !== null).map((ia) => ({
    name: indicatorName(ctx, ia.id),
    text: valueNote(ctx, ctx.indicators.get(ia.id)!, ia) ?? '',
  }));
  const missing = a.indicators.filter((i) => i.value === null).map((ia) => ({
    name: indicatorName(ctx, ia.id),
    text: valueNote(ctx, ctx.indicators.get(ia.id)!, ia) ?? '',
  }));

  const tolerance = lang === 'en'
    ? `${formatDecimal(a.tolerance * 100, lang, 2)} percentage points`
    : `${formatDecimal(a.tolerance * 100, lang, 2)}个百分点`;

  return {
    anchor: 'data-notes',
    title: m.sections.dataNotes,
    figures: {
      title: n.figures,
      caption: n.figuresCaption(a.year),
      columns: [
        { key: 'indicator', label: n.indicator, align: 'left' },
        { key: 'figure', label: n.figure, align: 'left' },
        { key: 'year', label: n.year, align: 'left' },
        { key: 'value', label: n.value, align: 'right' },
        { key: 'status', label: n.status, align: 'left' },
        { key: 'source', label: n.source, align: 'left' },
        { key: 'note', label: n.note, align: 'left' },
      ],
      groups,
    },
    quality: {
      title: n.quality,
      empty: n.qualityEmpty,
      columns: [
        { key: 'location', label: n.location, align: 'left' },
        { key: 'subject', label: n.indicator, align: 'left' },
        { key: 'problem', label: n.note, align: 'left' },
      ],
      items: quality,
    },
    staleMissing: {
      title: n.staleMissing,
      staleTitle: n.staleHeading,
      stale,
      staleEmpty: n.staleEmpty,
      missingTitle: n.missingHeading,
      missing,
      missingEmpty: n.missingEmpty,
    },
    sources: {
      title: n.sources,
      labels: { publisher: n.publisher, date: n.date, note: n.note },
      items: ctx.data.plan.sources.map((src) => ({
        id: src.id,
        title: src.title,
        publisher: src.publisher ?? null,
        date: src.date === undefined ? null : formatDate(src.date, lang),
        url: src.url !== undefined && /^https?:\/\/[^\s<>"`]+$/i.test(src.url) ? src.url : null,
        note: src.note ?? null,
      })),
    },
    methodology: { title: n.methodology, paragraphs: n.methodologyText(tolerance, formatPercent(a.severe_shortfall, lang)) },
  };
}
