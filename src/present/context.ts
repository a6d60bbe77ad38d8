// What the present stage's builders share: the assessment, the plan's declarations
// (names, titles, sources: its words, never its year files), the report language's
// messages, anchors, and the Words that reason sentences format their parameters with.

import type { Assessment, FigureGap, IndicatorAssessment, Reason } from '../assess/types.js';
import type { Indicator, PlanFile } from '../model.js';
import { formatAmount, formatDate, formatPercent } from './format.js';
import { messages, type Lang, type Messages, type Sentences, type Words } from './i18n/index.js';

/** Names with an optional English variant. */
export interface Named {
  name: string;
  name_en?: string;
}

/** Everything the builders share. */
export interface Ctx {
  /** The plan's declarations: names, titles, sources, measures. */
  plan: PlanFile;
  /** The plan file as shown to the user (for paths relative to the plan folder). */
  planFile: string;
  a: Assessment;
  lang: Lang;
  m: Messages;
  indicators: Map<string, Indicator>;
  assessed: Map<string, IndicatorAssessment>;
  /** Fragment ids of the indicators' details. */
  anchors: Map<string, string>;
}

/** Build the shared context of one report. */
export function makeCtx(plan: PlanFile, planFile: string, a: Assessment, lang: Lang): Ctx {
  return {
    plan,
    planFile,
    a,
    lang,
    m: messages(lang),
    indicators: new Map(plan.indicators.map((i) => [i.id, i])),
    assessed: new Map(a.indicators.map((i) => [i.id, i])),
    anchors: new Map(a.indicators.map((i, n) => [i.id, `ind-${n + 1}`])),
  };
}

/** An entity's name in the report language (the plan's name when no English is given). */
export function nameOf(ctx: Ctx, x: Named): string {
  return ctx.lang === 'en' ? x.name_en ?? x.name : x.name;
}

/** An indicator's name in the report language, by id (the id itself when unknown). */
export function indicatorName(ctx: Ctx, id: string): string {
  const ind = ctx.indicators.get(id);
  return ind ? nameOf(ctx, ind) : id;
}

/** A source's title by id, or the "none" mark. */
export function sourceTitle(ctx: Ctx, id: string | null | undefined): string {
  if (!id) return ctx.m.none;
  return ctx.plan.sources.find((s) => s.id === id)?.title ?? id;
}

/** The Words reason sentences use, with amounts in `ia`'s unit (plain numbers without one). */
export function wordsFor(ctx: Ctx, ia?: IndicatorAssessment): Words {
  const { m, lang } = ctx;
  const years = (list: readonly number[]): string => {
    if (list.length === 0) return m.none;
    const ranges: string[] = [];
    let start = list[0]!;
    let prev = start;
    for (const y of [...list.slice(1), NaN]) {
      if (y === prev + 1) {
        prev = y;
        continue;
      }
      ranges.push(start === prev ? String(start) : lang === 'en' ? `${start}–${prev}` : `${start}—${prev}`);
      start = y;
      prev = y;
    }
    return lang === 'en' ? ranges.join(', ') : `${ranges.join('、')}年`;
  };
  const w: Words = {
    year: (y) => m.cover.yearText(y),
    years: (from, to) => (from === to ? m.cover.yearText(from) : lang === 'en' ? `${from}–${to}` : `${from}—${to}年`),
    yearList: years,
    indicator: (id) => indicatorName(ctx, id),
    amount: (v) => (ia === undefined ? String(v) : formatAmount(v, ia.unit, ia.kind, lang, true)),
    percent: (f) => formatPercent(f, lang),
    date: (d) => formatDate(d, lang),
    comparator: (c) => m.comparator[c],
    state: (s) => m.milestoneState[s],
    gap: (g: FigureGap) => say(m.gaps, g, w),
    reason: (r: Reason) => say(m.reason, r, w),
  };
  return w;
}

/** The sentence for one reason of a union, from its language's table. */
export function say<U extends { code: string }>(table: Sentences<U>, r: U, w: Words): string {
  return (table[r.code as U['code']] as unknown as (r: U, w: Words) => string)(r, w);
}

/** A reason as a sentence in the report language. */
export function reasonText(ctx: Ctx, r: Reason, ia?: IndicatorAssessment): string {
  return wordsFor(ctx, ia).reason(r);
}
