// Find the figures an assessment may use: only observations in the indicator's unit
// and scope, from years up to the report year. Skipped observations become diagnostics.

import { at, pointer, type Diagnostic } from '../diagnostic.js';
import type { Indicator, Observation, PlanData, YearData } from '../model.js';
import type { AssessCodeName } from './types.js';
import { ASSESS_CODES } from './types.js';

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
  /** Where diagnostics are collected. */
  diagnostics: Diagnostic[];
}

/** A comparable figure: its value, year and the observation it comes from. */
export interface Figure {
  value: number;
  year: number;
  observation: Observation;
}

const SEVERITY = new Map(ASSESS_CODES.map((c) => [c.code, c.severity]));

/** Record an assessment diagnostic with the severity ASSESS_CODES gives its code. */
export function report(
  ctx: Context,
  code: AssessCodeName,
  file: string,
  ptr: string,
  message: string,
  hint?: string,
): void {
  ctx.diagnostics.push(at(file, ptr, SEVERITY.get(code) ?? 'warning', code, message, hint));
}

/** Name an indicator in messages: 地区生产总值 (gdp). */
export function label(ind: { id: string; name: string }): string {
  return `${ind.name} (${ind.id})`;
}

/** Return an own property of a record keyed by ids (never one inherited from Object). */
export function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The observation of an indicator in a year, if a year file holds one. */
export function observationIn(ctx: Context, id: string, year: number): Observation | undefined {
  return own(ctx.yearFiles.get(year)?.observations, id);
}

/** Whether an observation is in the indicator's unit and scope. */
function comparable(ind: Indicator, obs: Observation): boolean {
  return obs.unit === ind.unit && obs.scope === ind.scope;
}

/** Whether an observation carries a usable number. */
function hasValue(obs: Observation): obs is Observation & { value: number } {
  return obs.missing === undefined && typeof obs.value === 'number' && Number.isFinite(obs.value);
}

/**
 * Whether an observation is a figure the assessment uses for the indicator: a number, in the
 * indicator's unit and scope. The report's notes and charts use the same test.
 */
export function usableFigure(ind: Indicator, obs: Observation | undefined): obs is Observation & { value: number } {
  return obs !== undefined && hasValue(obs) && comparable(ind, obs);
}

/**
 * The indicator's comparable figure in one year, or null. An observation in another
 * unit or scope is reported (`not-comparable`) and not used.
 */
export function figureIn(ctx: Context, ind: Indicator, year: number): Figure | null {
  const file = ctx.yearFiles.get(year);
  const obs = own(file?.observations, ind.id);
  if (file === undefined || obs === undefined || !hasValue(obs)) return null;
  if (!comparable(ind, obs)) {
    const field = obs.unit !== ind.unit ? 'unit' : 'scope';
    const found = field === 'unit' ? obs.unit : obs.scope;
    const wanted = field === 'unit' ? ind.unit : ind.scope;
    report(ctx, 'not-comparable', file.file, pointer('observations', ind.id, field),
      `${year} value of ${label(ind)} has ${field} ${found ?? '(none)'}, not ${wanted}: not comparable, not used`,
      `give the figure in ${field} ${wanted}, or mark it \`missing\` with the reason`);
    return null;
  }
  // −0 (as YAML can write it) becomes 0, so that the JSON output reads back equal.
  return { value: obs.value === 0 ? 0 : obs.value, year, observation: obs };
}

/** Say why a year has no comparable figure for an indicator (for reasons shown to users). */
export function whyNoFigure(ctx: Context, ind: Indicator, year: number): string {
  const file = ctx.yearFiles.get(year);
  if (file === undefined) return `no year file for ${year}`;
  const obs = own(file.observations, ind.id);
  if (obs === undefined) return `${year} has no entry`;
  if (obs.missing !== undefined) return `${year} is marked missing (${obs.missing})`;
  if (!hasValue(obs)) return `${year} has no value`;
  if (obs.unit !== ind.unit) return `${year} is in ${obs.unit ?? '(no unit)'}, not ${ind.unit}`;
  return `${year} has scope ${obs.scope ?? '(none)'}, not ${ind.scope}`;
}

/** The latest comparable figure in the years from `to` down to `from` (inclusive), or null. */
export function latestFigure(ctx: Context, ind: Indicator, from: number, to: number): Figure | null {
  const years = [...ctx.yearFiles.keys()].filter((y) => y >= from && y <= to).sort((a, b) => b - a);
  for (const y of years) {
    const f = figureIn(ctx, ind, y);
    if (f !== null) return f;
  }
  return null;
}
