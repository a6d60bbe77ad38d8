// The present stage: turn an Assessment (numbers, statuses, reasons as data) and the
// plan's declarations (names, titles, sources) into a ReportModel (localized labels,
// formatted numbers, chart geometry). It never reads the year files: every figure and
// every reason comes from the Assessment. Pure: no I/O, no clock (the date is passed in).

import type { Assessment } from '../assess/types.js';
import type { Diagnostic } from '../diagnostic.js';
import type { PlanFile } from '../model.js';
import { indicatorName, makeCtx, nameOf, type Ctx } from './context.js';
import { formatDate } from './format.js';
import type { Lang } from './i18n/index.js';
import { indicatorDetail, indicatorRow } from './indicators.js';
import { actionSection, milestoneRow } from './milestones.js';
import { dataNotes } from './notes.js';
import { coverDataStatus, overview } from './overview.js';
import {
  REPORT_MODEL_VERSION,
  type Column,
  type Field,
  type PillarSection,
  type ReportModel,
  type SectionRef,
  type StatusColumnKey,
} from './types.js';

export interface PresentOptions {
  /** Report language. */
  lang: Lang;
  /** Generation date, YYYY-MM-DD. */
  generatedAt: string;
  /** The plan file as shown to the user (paths in the report are relative to its folder). */
  planFile: string;
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

/** The title of a group section: the plan's own name for it, else the generic word. */
function groupTitle(ctx: Ctx, which: 'pillars' | 'actions', fallback: string): string {
  const g = ctx.plan.plan.groups?.[which];
  if (g === undefined) return fallback;
  return ctx.lang === 'en' ? g.name_en ?? g.name : g.name;
}

/** Build the ReportModel of an assessment. */
export function buildReportModel(
  plan: PlanFile,
  assessment: Assessment,
  diagnostics: readonly Diagnostic[],
  options: PresentOptions,
): ReportModel {
  const ctx = makeCtx(plan, options.planFile, assessment, options.lang);
  const { m } = ctx;
  const meta = plan.plan;
  const planTitle = options.lang === 'en' ? meta.title_en ?? meta.title : meta.title;
  const region = options.lang === 'en' ? meta.region_en ?? meta.region : meta.region;
  const title = m.reportTitle(planTitle, assessment.year);
  const generatedAtText = formatDate(options.generatedAt, options.lang);

  const rows = assessment.indicators.map((ia) => indicatorRow(ctx, ia));
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const milestoneRows = assessment.milestones.map((ms) => milestoneRow(ctx, ms));
  const milestoneById = new Map(milestoneRows.map((r) => [r.id, r]));

  const pillars: PillarSection[] = assessment.pillars.map((p, i) => {
    const decl = plan.pillars.find((x) => x.id === p.id);
    return {
      id: p.id,
      anchor: `pillar-${i + 1}`,
      title: decl ? nameOf(ctx, decl) : p.name,
      goal: decl?.goal ?? null,
      goalLabel: m.pillar.goal,
      summary: m.pillar.summary(p.indicator_ids.length, p.assessed, p.on_or_ahead, p.warnings) +
        (p.undetermined > 0 ? (ctx.lang === 'en' ? ' ' : '') + m.pillar.undetermined(p.undetermined, p.undetermined_ids.map((id) => indicatorName(ctx, id)).join(m.listSep)) : ''),
      indicators: p.indicator_ids.flatMap((id) => {
        const ia = ctx.assessed.get(id);
        const row = rowById.get(id);
        return ia && row ? [indicatorDetail(ctx, ia, row)] : [];
      }),
      empty: m.pillar.noIndicators,
    };
  });
  const actions = assessment.actions.map((act, i) => actionSection(ctx, act, i, rowById, milestoneById));

  // Sections the plan does not have are left out, and the others numbered in order.
  const present = {
    pillars: pillars.length > 0,
    actions: actions.length > 0,
    milestones: milestoneRows.length > 0,
  };
  let n = 0;
  const numbered = (t: string) => m.sections.numbered(++n, t);
  const titles = {
    overview: numbered(m.sections.overview),
    statusTable: numbered(m.sections.statusTable),
    pillars: present.pillars ? numbered(groupTitle(ctx, 'pillars', m.sections.pillars)) : '',
    actions: present.actions ? numbered(groupTitle(ctx, 'actions', m.sections.actions)) : '',
    milestones: present.milestones ? numbered(m.sections.milestones) : '',
    dataNotes: numbered(m.sections.dataNotes),
  };
  const sections: SectionRef[] = [
    { id: 'overview', anchor: 'overview', title: titles.overview, children: [] },
    { id: 'status-table', anchor: 'status-table', title: titles.statusTable, children: [] },
  ];
  if (present.pillars) {
    sections.push({ id: 'pillars', anchor: 'pillars', title: titles.pillars,
      children: pillars.map((p) => ({ id: `pillar:${p.id}`, anchor: p.anchor, title: p.title, children: [] })) });
  }
  if (present.actions) {
    sections.push({ id: 'actions', anchor: 'actions', title: titles.actions,
      children: actions.map((s) => ({ id: `action:${s.id}`, anchor: s.anchor, title: s.heading, children: [] })) });
  }
  if (present.milestones) sections.push({ id: 'milestones', anchor: 'milestones', title: titles.milestones, children: [] });
  sections.push({ id: 'data-notes', anchor: 'data-notes', title: titles.dataNotes, children: [] });

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

  const view = overview(ctx);
  view.title = titles.overview;
  const notes = dataNotes(ctx, diagnostics);
  notes.title = titles.dataNotes;

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
    overview: view,
    statusTable: {
      anchor: 'status-table',
      title: titles.statusTable,
      caption: m.table.caption(assessment.year),
      columns: STATUS_COLUMNS.map((c) => ({ key: c.key, label: m.table[c.key === 'name' ? 'indicator' : c.key], align: c.align })),
      rows,
      notes: [m.table.staleNote, m.table.paceNote],
      warningMark: m.table.warningMark,
    },
    pillars: { anchor: 'pillars', title: titles.pillars, items: pillars },
    actions: { anchor: 'actions', title: titles.actions, items: actions },
    milestones: {
      anchor: 'milestones',
      title: titles.milestones,
      caption: m.milestones.caption(assessment.year),
      columns: [
        { key: 'name', label: m.milestones.name, align: 'left' },
        { key: 'action', label: m.milestones.action, align: 'left' },
        { key: 'due', label: m.milestones.due, align: 'left' },
        { key: 'doneWhen', label: m.milestones.doneWhen, align: 'left' },
        { key: 'state', label: m.milestones.state, align: 'left' },
        { key: 'expected', label: m.milestones.expected, align: 'left' },
        { key: 'status', label: m.milestones.status, align: 'left' },
        { key: 'note', label: m.milestones.note, align: 'left' },
      ],
      rows: milestoneRows,
      empty: m.milestones.empty,
      doneWhenLabel: m.milestones.doneWhen,
    },
    dataNotes: notes,
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
    terminal: {
      staleNotes: rows.filter((r) => r.staleYear !== null).map((r) => `${r.name}${m.colon}${m.terminal.staleNote(r.staleYear!)}`),
      boundNote: rows.some((r) => r.bounded) ? m.terminal.boundNote : null,
      undetermined: m.terminal.undetermined,
    },
  };
}
