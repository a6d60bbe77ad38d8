// The indicators as the report shows them: a row of the status table, and the detail
// in its pillar section (facts, the trend chart and its table, the progress bar), all
// from the assessment; reasons become sentences in the report language.

import type { IndicatorAssessment, IndicatorStatus } from '../assess/types.js';
import { progressGeometry, trendGeometry, type TrendInput } from './charts.js';
import { nameOf, reasonText, say, wordsFor, type Ctx } from './context.js';
import { PERCENT_DECIMALS, cellNumber, formatAmount, formatComputed, formatData, formatDecimal, formatPercent, formatRate, num, unitLabel } from './format.js';
import { baselineCell, targetCell, valueCell } from './targets.js';
import { TONES } from './tones.js';
import type { Field, IndicatorDetail, IndicatorRow, StatusBadge, TrendTable } from './types.js';

/** An indicator status as a badge: code, label, tone. */
export function badge<C extends IndicatorStatus>(ctx: Ctx, status: C): StatusBadge<C> {
  return { code: status, label: ctx.m.indicatorStatus[status], tone: TONES.indicator[status] };
}

/** One indicator as a row of the status table. */
export function indicatorRow(ctx: Ctx, ia: IndicatorAssessment): IndicatorRow {
  const { m, lang } = ctx;
  const ind = ctx.indicators.get(ia.id)!;
  const pillar = ctx.plan.pillars.find((p) => p.id === ia.pillar);
  const completion = num(ia.completion, (v) => formatPercent(v, lang), lang,
    ia.completion === null && ia.completion_reason !== null ? reasonText(ctx, ia.completion_reason, ia) : null);
  const pace = num(ia.pace_at_value_year, (v) => formatPercent(v, lang), lang, ia.has_target ? null : m.reasons.noTarget);
  if (completion.value !== null) completion.cell = cellNumber(completion.value, PERCENT_DECIMALS, { percent: true });
  if (pace.value !== null) pace.cell = cellNumber(pace.value, PERCENT_DECIMALS, { percent: true });
  if (pace.value !== null && ia.stale && ia.value_year !== null) {
    pace.text += m.paren(m.cover.yearText(ia.value_year));
    pace.cell!.suffix = m.paren(m.cover.yearText(ia.value_year));
  }
  return {
    id: ia.id,
    anchor: ctx.anchors.get(ia.id)!,
    pillar: pillar ? nameOf(ctx, pillar) : ia.pillar,
    name: nameOf(ctx, ind),
    unit: unitLabel(ia.unit, lang),
    attribute: m.attribute[ia.attribute],
    baseline: baselineCell(ctx, ia),
    value: valueCell(ctx, ia),
    target: targetCell(ctx, ia),
    completion,
    pace,
    status: badge(ctx, ia.status),
    warning: ia.warning,
    staleYear: ia.stale && ia.value_year !== null ? ia.value_year : null,
    bounded: ia.bound !== null || ia.baseline_bound !== null,
  };
}

/** The usable figures by year up to the report year (cumulative kind: running totals), and the flows. */
function observed(ctx: Ctx, ia: IndicatorAssessment): {
  points: Array<{ year: number; value: number; estimate: boolean; decimals: number | null }>;
  flows: Map<number, { value: number; decimals: number | null }>;
} {
  const points: Array<{ year: number; value: number; estimate: boolean; decimals: number | null }> = [];
  const flows = new Map<number, { value: number; decimals: number | null }>();
  for (const p of ia.series) {
    if (!p.usable || p.value === null) continue;
    flows.set(p.year, { value: p.value, decimals: p.decimals });
    if (ia.kind !== 'cumulative') points.push({ year: p.year, value: p.value, estimate: p.status === 'estimate' || p.bound !== null, decimals: p.decimals });
  }
  if (ia.kind === 'cumulative') {
    let sum = 0;
    for (let y = ctx.a.period.start; y <= ctx.a.year; y++) {
      const f = flows.get(y);
      if (f === undefined) break;
      sum += f.value;
      points.push({ year: y, value: sum, estimate: false, decimals: null });
    }
  }
  return { points, flows };
}

/** The facts of an indicator's detail: kind, scope, direction, gap, rates, projection, checks, why. */
function facts(ctx: Ctx, ia: IndicatorAssessment): Field[] {
  const { m, lang } = ctx;
  const f = m.pillar.facts;
  const unit = ia.unit;
  const amount = (v: number) => formatAmount(v, unit, ia.kind, lang, true);
  const w = wordsFor(ctx, ia);
  const out: Field[] = [
    { label: f.kind, value: m.kind[ia.kind] },
    { label: f.scope, value: scopeName(ctx, ia.scope) },
    { label: f.direction, value: m.direction[ia.direction] },
  ];
  const T = ia.target_year;
  const met = ia.status === 'met';
  if (ia.target_measure === 'rate' || ia.target_measure === 'change') {
    const from = ia.target_measure === 'rate' ? ia.baseline_year + 1 : ctx.a.period.start;
    if (ia.achieved !== null && ia.value_year !== null) {
      const label = ia.target_measure === 'rate' ? f.rateSoFar(from, ia.value_year) : f.changeSoFar(from, ia.value_year);
      out.push({ label, value: formatPercent(ia.achieved, lang, true) });
    }
    if (T !== null && ia.value_year !== null && ia.value_year < T) {
      out.push({ label: ia.target_measure === 'rate' ? f.rateRequired(ia.value_year + 1, T) : f.growthRequired,
        value: met ? f.reached : ia.growth_required === null ? m.none : formatPercent(ia.growth_required, lang, true) });
    }
    if (ia.projection !== null && T !== null) {
      out.push({ label: ia.target_measure === 'rate' ? f.rateProjected(T) : f.changeProjected(T), value: formatPercent(ia.projection, lang, true) });
    }
  } else {
    // vt / V reads as "share of the target reached" only when higher is better.
    if (ia.attainment !== null && ia.direction === 'higher') out.push({ label: f.attainment, value: formatPercent(ia.attainment, lang) });
    if (ia.gap !== null && ia.gap_direction !== null) {
      const gap = unit === '%' ? formatDecimal(Math.abs(ia.gap), lang, 1, 1) + m.percentagePoints : amount(Math.abs(ia.gap));
      out.push({
        label: f.gap,
        value: met && ia.gap_direction === 'short_of_target' ? f.reached
          : ia.gap_direction === 'short_of_target' ? f.gapShort(gap) : ia.gap_direction === 'beyond_target' ? f.gapBeyond(gap) : f.gapAt,
      });
    }
    // A rate indicator's value is itself a yearly change: its change per year says nothing.
    if (ia.growth_so_far !== null && ia.kind !== 'rate') out.push({ label: f.growthSoFar, value: formatRate(ia.growth_so_far, ia.rate_method, unit, ia.kind, lang) });
    if (ia.growth_required !== null) {
      out.push({ label: f.growthRequired, value: met ? f.reached : formatRate(ia.growth_required, ia.rate_method, unit, ia.kind, lang) });
    }
    if (ia.projection !== null && T !== null) out.push({ label: f.projection(T), value: amount(ia.projection) });
  }
  if (ia.annual_growth_target !== null) out.push({ label: f.annualGrowthTarget, value: formatPercent(ia.annual_growth_target, lang) });
  if (ia.checks.length > 0) {
    const value = ia.checks.map((c) => f.checkYear(m.cover.yearText(c.year), c.value === null ? m.none : formatData(c.value, lang),
      c.bound === null ? m.none : formatData(c.bound, lang), c.holds)).join(lang === 'en' ? '; ' : '；');
    out.push({ label: f.checks, value });
  }
  if (ia.judgement !== null) {
    const source = ia.judgement.source === null ? null : ctx.plan.sources.find((s) => s.id === ia.judgement!.source)?.title ?? ia.judgement.source;
    out.push({ label: f.judgement, value: f.judgementText(ia.judgement.text, ia.judgement.year, source) });
  }
  if (ia.progress_category !== null) out.push({ label: f.progressCategory, value: m.progressCategory[ia.progress_category] });
  if (ia.has_target) out.push({ label: f.statusRule, value: say(m.statusRule, ia.status_reason, w) });
  return out;
}

/** The detail of an indicator in its pillar section: facts, trend chart and table, progress bar. */
export function indicatorDetail(ctx: Ctx, ia: IndicatorAssessment, row: IndicatorRow): IndicatorDetail {
  const { m, lang } = ctx;
  const ind = ctx.indicators.get(ia.id)!;
  const unit = ia.unit;
  const fmtValue = (v: number) => formatComputed(v, ia.kind, unit, lang);
  const cmp = ia.comparator === null ? '' : m.comparator[ia.comparator];
  const T = ia.target_year;
  const fromYear = ctx.a.base_year;
  const toYear = Math.max(ctx.a.period.end, T ?? ctx.a.period.end, ctx.a.year);
  const levelTarget = ia.target_measure === 'level' && ia.target_spec?.type !== 'relative';

  const { points, flows } = observed(ctx, ia);
  const label = (v: number, decimals: number | null = null) => formatAmount(v, unit, ia.kind, lang, ia.kind === 'cumulative', decimals);
  const amount = (v: number) => formatAmount(v, unit, ia.kind, lang, true);

  // Trend chart.
  const baseline = ia.baseline !== null && ia.kind !== 'cumulative' && ia.baseline_year >= fromYear
    ? { year: ia.baseline_year, value: ia.baseline, label: m.pillar.baselineMark(ia.baseline_year, formatData(ia.baseline, lang, ia.baseline_decimals)) }
    : null;
  const target = levelTarget && ia.target !== null && T !== null
    ? { year: T, value: ia.target, label: m.pillar.targetMark(T, cmp + fmtValue(ia.target)) }
    : null;
  const fromValue = ia.kind === 'cumulative' ? ia.achieved : ia.value;
  const projection = levelTarget && ia.projection !== null && T !== null && ia.value_year !== null && fromValue !== null && ia.value_year < T
    ? { fromYear: ia.value_year, fromValue, toYear: T, toValue: ia.projection, label: m.pillar.projectionMark(T, fmtValue(ia.projection)) }
    : null;

  const descParts: string[] = [];
  if (baseline) descParts.push(m.pillar.descParts.baseline(baseline.year, formatAmount(baseline.value, unit, ia.kind, lang, false, ia.baseline_decimals)));
  for (const o of points) if (o.year !== ia.baseline_year || baseline === null) descParts.push(m.pillar.descParts.observed(o.year, label(o.value, o.decimals)));
  if (target) descParts.push(m.pillar.descParts.target(target.year, cmp + amount(target.value)));
  if (projection) descParts.push(m.pillar.descParts.projection(projection.toYear, amount(projection.toValue)));
  const sep = lang === 'en' ? '; ' : '，';
  const desc = (descParts.length > 0 ? descParts.join(sep) : m.pillar.descParts.none) + (lang === 'en' ? '.' : '。');

  const trendInput: TrendInput = {
    title: m.pillar.chartTitle(row.name, unitLabel(unit, lang)),
    desc,
    fromYear,
    toYear,
    reportYear: ctx.a.year,
    observations: points.map((o) => ({ year: o.year, value: o.value, label: `${o.year}: ${label(o.value, o.decimals)}`, estimate: o.estimate })),
    baseline,
    target,
    projection,
    invertY: ia.kind === 'rank',
    formatTick: (v, d) => formatDecimal(v, lang, d, d),
  };
  const hasTrend = points.length > 0;
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
  const cell = (y: number) => {
    const f = flows.get(y);
    return f !== undefined ? formatData(f.value, lang, f.decimals) : y <= t ? m.none : '';
  };
  const tableRows: TrendTable['rows'] = [{ label: m.pillar.observed, cells: yearList.map(cell) }];
  const growth = new Map(ia.series.filter((p) => p.growth !== null).map((p) => [p.year, p.growth!]));
  if (growth.size > 0) {
    tableRows.push({ label: m.pillar.growthRow, cells: yearList.map((y) => (growth.has(y) ? formatPercent(growth.get(y)! / 100, lang, true) : y <= t ? m.none : '')) });
  }
  if (ia.kind === 'cumulative') {
    const totals = new Map(points.map((o) => [o.year, o.value]));
    tableRows.push({ label: m.pillar.cumulativeObserved, cells: yearList.map((y) => (totals.has(y) ? fmtValue(totals.get(y)!) : y <= t && y >= ctx.a.period.start ? m.none : '')) });
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

  const altName = lang === 'en' ? (ind.name_en !== undefined ? ind.name : null) : ind.name_en ?? null;
  return {
    row,
    altName,
    facts: facts(ctx, ia),
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

/** A scope's name in the report language, by id. */
export function scopeName(ctx: Ctx, id: string): string {
  const scope = ctx.plan.scopes.find((s) => s.id === id);
  return scope ? nameOf(ctx, scope) : id;
}
