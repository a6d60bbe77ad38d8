// Find the figures an assessment may use: observations in the indicator's scope and
// unit (or a unit the plan declares a conversion for), from years up to the report
// year. What cannot be used is said with a FigureGap; skipped observations in another
// unit or scope also become diagnostics.

import { CODE_NAMES, CODES, type Code } from '../codes/index.js';
import { at, pointer, type Diagnostic, type Severity, type Subject, type Text } from '../diagnostic.js';
import type { Indicator, Observation, PlanData, YearData } from '../model.js';
import type { FigureGap } from './reasons.js';
import type { SeriesPoint } from './types.js';

/** What every assessment function needs: the data, the report year and the settings. */
export interface Context {
  data: PlanData;
  /** t: the report year. */
  year: number;
  /** t0: the base year. */
  baseYear: number;
  /** Pace tolerance, a fraction. */
  tolerance: number;
  /** Share of the required change below which a projection is 严重滞后. */
  severeShortfall: number;
  /** Year files by year (the first one wins if a year is given twice). */
  yearFiles: Map<number, YearData>;
  /** Indicators by id (the first one wins). */
  indicators: Map<string, Indicator>;
  /** Where diagnostics are collected. */
  diagnostics: Diagnostic[];
}

/** A usable figure: its value in the indicator's unit, its year and the observation. */
export interface Figure {
  value: number;
  year: number;
  observation: Observation;
  /** Set when the observation was published in another, declared unit. */
  converted: { unit: string; value: number; factor: number } | null;
}

/** A code of the catalogue that the assessment reports as a diagnostic. */
export type AssessCode = { [K in Code]: 'assess' extends (typeof CODES)[K]['kinds'][number] ? K : never }[Code];

/** Every diagnostic code of the assessment, with its severity. */
export const ASSESS_CODES: ReadonlyArray<{ code: AssessCode; severity: Severity }> = CODE_NAMES.flatMap((code) => {
  const entry = CODES[code];
  return (entry.kinds as readonly string[]).includes('assess') && entry.severity !== null
    ? [{ code: code as AssessCode, severity: entry.severity }]
    : [];
});

/** Record an assessment diagnostic with the severity the catalogue gives its code. */
export function report(
  ctx: Context,
  code: AssessCode,
  file: string,
  ptr: string,
  subject: Subject,
  message: Text,
  hint?: Text,
): void {
  const d = at(file, ptr, CODES[code].severity ?? 'warning', code, message, hint);
  d.subject = subject;
  ctx.diagnostics.push(d);
}

/** Name an indicator in messages: "Gross domestic product (gdp)" (its English name when the plan gives one), "地区生产总值（gdp）". */
export function label(ind: { id: string; name: string; name_en?: string }, lang: 'en' | 'zh' = 'en'): string {
  return lang === 'en' ? `${ind.name_en ?? ind.name} (${ind.id})` : `${ind.name}（${ind.id}）`;
}

/** Return an own property of a record keyed by ids (never one inherited from Object). */
export function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The observation of an indicator in a year, if a year file holds one. */
export function observationOf(ctx: Context, id: string, year: number): Observation | undefined {
  return own(ctx.yearFiles.get(year)?.observations, id);
}

/** The factor from `unit` to the indicator's unit: 1 for its own unit, a declared conversion, else null. */
function unitFactor(ind: Indicator, unit: string | undefined): number | null {
  if (unit === ind.unit) return 1;
  if (unit === undefined) return null;
  const factor = own(ind.conversions, unit);
  return typeof factor === 'number' && Number.isFinite(factor) && factor > 0 ? factor : null;
}

/** Whether an observation carries a number as its value (not marked missing). */
function hasValue(obs: Observation): obs is Observation & { value: number } {
  return obs.missing === undefined && typeof obs.value === 'number' && Number.isFinite(obs.value);
}

/** Why an observation (or its absence) gives no usable value in `year`; null when it does. */
export function gapOf(ctx: Context, ind: Indicator, year: number): FigureGap | null {
  const file = ctx.yearFiles.get(year);
  if (file === undefined) return { code: 'no-year-file', year };
  const obs = own(file.observations, ind.id);
  if (obs === undefined) return { code: 'no-entry', year };
  if (obs.missing !== undefined) return { code: 'marked-missing', year, text: obs.missing };
  if (!hasValue(obs)) return { code: 'entry-without-value', year };
  if (unitFactor(ind, obs.unit) === null) return { code: 'not-comparable', year, field: 'unit', found: obs.unit ?? null, wanted: ind.unit };
  if (obs.scope !== ind.scope) return { code: 'not-comparable', year, field: 'scope', found: obs.scope ?? null, wanted: ind.scope };
  return null;
}

/**
 * The indicator's usable figure in one year, or null. An observation in another unit or
 * scope is reported (`not-comparable`) and not used; one in a declared unit is converted.
 */
export function figureIn(ctx: Context, ind: Indicator, year: number): Figure | null {
  const file = ctx.yearFiles.get(year);
  const obs = own(file?.observations, ind.id);
  if (file === undefined || obs === undefined || !hasValue(obs)) return null;
  const gap = gapOf(ctx, ind, year);
  if (gap !== null && gap.code === 'not-comparable') {
    report(ctx, 'not-comparable', file.file, pointer('observations', ind.id, gap.field), { indicator: ind.id, year },
      { en: `${year} value of ${label(ind)} has ${gap.field} ${gap.found ?? '(none)'}, not ${gap.wanted}: not comparable, not used`,
        zh: `${label(ind, 'zh')}${year}年的值${gap.field === 'unit' ? '单位' : '统计口径'}是${gap.found ?? '（无）'}，不是${gap.wanted}：不可比，未采用` },
      gap.field === 'unit'
        ? { en: `give the figure in ${ind.unit}, declare a conversion under the indicator's \`conversions\`, or mark it \`missing\``,
            zh: `请给出以${ind.unit}计的数字，或在该指标的 \`conversions\` 下声明换算，或标为 \`missing\`` }
        : { en: `give the figure in scope ${ind.scope}, or mark it \`missing\` with the reason`,
            zh: `请给出口径为 ${ind.scope} 的数字，或标为 \`missing\` 并写明原因` });
    return null;
  }
  const factor = unitFactor(ind, obs.unit) ?? 1;
  // −0 (as YAML can write it) becomes 0, so that the JSON output reads back equal.
  const published = obs.value === 0 ? 0 : obs.value;
  if (factor === 1) return { value: published, year, observation: obs, converted: null };
  const value = published * factor;
  // Said where the figure is written (the assessment drops repeats of a diagnostic).
  report(ctx, 'unit-converted', file.file, pointer('observations', ind.id, 'unit'), { indicator: ind.id, year },
    { en: `${year} value of ${label(ind)} is ${published} ${obs.unit}: converted to ${value} ${ind.unit} (× ${factor})`,
      zh: `${label(ind, 'zh')}${year}年的值为${published}${obs.unit}：按×${factor}换算为${value}${ind.unit}` });
  return { value: value === 0 ? 0 : value, year, observation: obs, converted: { unit: obs.unit!, value: published, factor } };
}

/** The latest usable figure in the years from `to` down to `from` (inclusive), or null. */
export function latestFigure(ctx: Context, ind: Indicator, from: number, to: number): Figure | null {
  const years = [...ctx.yearFiles.keys()].filter((y) => y >= from && y <= to).sort((a, b) => b - a);
  for (const y of years) {
    const f = figureIn(ctx, ind, y);
    if (f !== null) return f;
  }
  return null;
}

/** Every year from `from` to `to` as read from the year files, for the report's tables and charts. */
export function seriesOf(ctx: Context, ind: Indicator, from: number, to: number): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (let year = from; year <= to; year++) {
    const obs = observationOf(ctx, ind.id, year);
    const gap = gapOf(ctx, ind, year);
    const factor = obs === undefined ? null : unitFactor(ind, obs.unit);
    const raw = obs !== undefined && hasValue(obs) ? (obs.value === 0 ? 0 : obs.value) : null;
    const converted = raw !== null && factor !== null && factor !== 1 && obs?.unit !== undefined
      ? { unit: obs.unit, value: raw, factor } : null;
    const value = raw === null ? null : converted !== null ? raw * converted.factor : raw;
    points.push({
      year,
      value: value === 0 ? 0 : value,
      decimals: converted === null ? obs?.decimals ?? null : null,
      usable: gap === null,
      gap,
      converted,
      bound: obs?.bound ?? null,
      status: obs?.status ?? null,
      source: obs?.source ?? null,
      published: obs?.published ?? null,
      vintage: obs?.vintage ?? null,
      measure: obs?.measure ?? null,
      note: obs?.note ?? null,
      growth: obs?.missing === undefined && typeof obs?.growth === 'number' ? obs.growth : null,
      prices: obs?.prices ?? null,
      growth_source: obs?.growth_source ?? null,
      cumulative: obs?.missing === undefined ? obs?.cumulative ?? null : null,
      judgement: obs?.missing === undefined ? obs?.judgement ?? null : null,
    });
  }
  return points;
}
