// 数据说明: the source and status of every figure the report uses, the data-quality
// warnings (files named relative to the plan folder), stale and missing data, the
// sources and the methodology, in the report language.

import type { IndicatorAssessment, SeriesPoint } from '../assess/types.js';
import { codeTitle } from '../codes/index.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostic.js';
import { targetType, type TargetType } from '../model.js';
import { indicatorName, nameOf, reasonText, sourceTitle, type Ctx } from './context.js';
import { formatAmount, formatDate, formatDecimal, formatPercent } from './format.js';
import { boundText, valueNote } from './targets.js';
import type { DataNotes, FigureNote } from './types.js';

/** The note of a figure: bound, conversion, published date, vintage, published name, the data file's note. */
function figureNote(ctx: Ctx, p: SeriesPoint | undefined): string {
  if (p === undefined) return '';
  const { m } = ctx;
  const n = m.notes;
  const parts: string[] = [];
  if (p.bound) parts.push(m.reasons.bound(p.bound));
  if (p.converted) parts.push(m.reasons.converted(formatDecimal(p.converted.value, ctx.lang, 4), p.converted.unit, formatDecimal(p.converted.factor, ctx.lang, 8)));
  if (p.published) parts.push(n.published(formatDate(p.published, ctx.lang)));
  if (p.vintage) parts.push(n.vintage(p.vintage));
  if (p.measure) parts.push(n.measure(p.measure));
  if (p.growth !== null) {
    parts.push(m.notes.growth(formatPercent(Math.abs(p.growth) / 100, ctx.lang), p.growth < 0, p.prices,
      p.growth_source === null ? null : sourceTitle(ctx, p.growth_source)));
  }
  if (p.note) parts.push(p.note);
  return parts.join(ctx.lang === 'en' ? '; ' : '；');
}

/** A path as shown in the report: relative to the plan folder ("data/2024.yaml"), never absolute. */
export function planRelative(ctx: Ctx, file: string): string {
  const cut = ctx.planFile.lastIndexOf('/');
  const folder = cut < 0 ? '' : ctx.planFile.slice(0, cut + 1);
  if (folder !== '' && file.startsWith(folder)) return file.slice(folder.length);
  if (file === ctx.planFile || file.split('@')[0] === ctx.planFile.split('@')[0]) return file.slice(folder.length);
  const tail = /(?:^|\/)((?:data\/)?[^/]+\.ya?ml(?:@.*)?)$/.exec(file);
  return tail?.[1] ?? file;
}

/** Name what a diagnostic is about: an indicator or milestone in a year. */
function diagnosticSubject(ctx: Ctx, d: Diagnostic): string {
  const s = d.subject;
  const yearText = s?.year !== undefined ? ` ${ctx.m.cover.yearText(s.year)}` : '';
  if (s?.indicator !== undefined) return `${indicatorName(ctx, s.indicator)}${yearText}`;
  if (s?.milestone !== undefined) {
    const ms = ctx.plan.milestones.find((x) => x.id === s.milestone);
    return `${ms ? nameOf(ctx, ms) : s.milestone}${yearText}`;
  }
  return yearText.trim();
}

/** The two figure rows of an indicator: its baseline and its latest figure. */
function figureRows(ctx: Ctx, ia: IndicatorAssessment): FigureNote[] {
  const { m, lang, a } = ctx;
  const n = m.notes;
  const point = (y: number) => ia.series.find((p) => p.year === y);
  const status = (s: IndicatorAssessment['baseline_status']) => (s === null ? m.none : m.observationStatus[s]);
  const baseObs = point(ia.baseline_year);
  const valueYear = ia.value_year ?? a.year;
  const valueObs = point(valueYear);
  const latestValue = ia.value !== null
    ? boundText(formatAmount(ia.value, ia.unit, ia.kind, lang, false, ia.value_decimals), ia.bound)
    : valueObs?.growth !== null && valueObs?.growth !== undefined ? formatPercent(valueObs.growth / 100, lang, true) : m.none;
  const missingNote = (p: SeriesPoint | undefined) => (p?.gap?.code === 'marked-missing' && p.note ? p.note : null);
  return [
    {
      figure: n.baselineRow,
      year: m.cover.yearText(ia.baseline_year),
      value: ia.baseline === null ? m.none : boundText(formatAmount(ia.baseline, ia.unit, ia.kind, lang, false, ia.baseline_decimals), ia.baseline_bound),
      status: status(ia.baseline_status),
      source: sourceTitle(ctx, ia.baseline_source),
      note: ia.baseline === null
        ? [ia.baseline_reason === null ? '' : reasonText(ctx, ia.baseline_reason, ia), missingNote(baseObs)].filter((x) => x).join(lang === 'en' ? '; ' : '；')
        : figureNote(ctx, baseObs),
    },
    {
      figure: n.valueRow,
      year: m.cover.yearText(valueYear),
      value: latestValue,
      status: status(ia.value_status ?? valueObs?.status ?? null),
      source: sourceTitle(ctx, ia.value_source ?? valueObs?.source),
      note: [valueNote(ctx, ia), latestValue === m.none ? missingNote(valueObs) : figureNote(ctx, valueObs)].filter((x) => x).join(lang === 'en' ? '; ' : '；'),
    },
  ];
}

/** 数据说明: sources and status of every figure, quality warnings, stale and missing data, methodology. */
export function dataNotes(ctx: Ctx, diagnostics: readonly Diagnostic[]): DataNotes {
  const { m, lang, a } = ctx;
  const n = m.notes;
  const groups = a.indicators.map((ia) => ({
    anchor: `${ctx.anchors.get(ia.id)!}-data`,
    indicator: indicatorName(ctx, ia.id),
    rows: figureRows(ctx, ia),
  }));

  const quality = sortDiagnostics(diagnostics.filter((d) => d.severity !== 'info')).map((d) => ({
    location: d.line > 0 ? `${planRelative(ctx, d.file)}:${d.line}` : planRelative(ctx, d.file),
    subject: diagnosticSubject(ctx, d),
    problem: lang === 'en' ? d.message : codeTitle(d.code, lang),
    severity: m.severity[d.severity],
    code: d.code,
  }));

  const listed = (ia: IndicatorAssessment) => ({ name: indicatorName(ctx, ia.id), text: valueNote(ctx, ia) ?? '' });
  const stale = a.indicators.filter((i) => i.stale && i.value !== null).map(listed);
  const missing = a.indicators.filter((i) => i.value === null && i.achieved === null).map(listed);

  const tolerance = lang === 'en'
    ? `${formatDecimal(a.tolerance * 100, lang, 2)} percentage points`
    : `${formatDecimal(a.tolerance * 100, lang, 2)}个百分点`;
  const span = a.period.end - a.base_year;
  const exampleYear = Math.min(Math.max(a.year, a.base_year + 1), a.period.end);
  const example = { base: a.base_year, end: a.period.end, year: exampleYear, pace: formatPercent(span > 0 ? (exampleYear - a.base_year) / span : 0, lang) };
  const types = [...new Set(ctx.plan.indicators.flatMap((i) => (i.target === undefined ? [] : [targetType(i.target)])))] as TargetType[];

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
      items: ctx.plan.sources.map((src) => ({
        id: src.id,
        title: src.title,
        publisher: src.publisher ?? null,
        date: src.date === undefined ? null : formatDate(src.date, lang),
        url: src.url !== undefined && /^https?:\/\/[^\s<>"`]+$/i.test(src.url) ? src.url : null,
        note: src.note ?? null,
      })),
    },
    methodology: { title: n.methodology, paragraphs: n.methodologyText(tolerance, formatPercent(a.severe_shortfall, lang), example, types) },
  };
}
