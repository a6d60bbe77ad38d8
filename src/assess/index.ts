// The assessment stage: pure numbers and statuses for every indicator, milestone,
// action and pillar of a plan in one report year. No I/O, no formatting, no throwing:
// whatever cannot be computed is null with a reason, and a diagnostic says why.

import { pointer, type Diagnostic } from '../diagnostic.js';
import type { PlanData, YearData } from '../model.js';
import { assessIndicator } from './indicator.js';
import { assessMilestone } from './milestone.js';
import { report, type Context } from './figures.js';
import { rollup, rollupActions, rollupPillars } from './rollup.js';
import { finite, clamp } from './numbers.js';
import {
  ASSESSMENT_SCHEMA_VERSION,
  DEFAULT_SEVERE_SHORTFALL,
  DEFAULT_TOLERANCE_POINTS,
  EQUALITY_TOLERANCE,
  type Assessment,
} from './types.js';

export * from './types.js';
export { rateMethod } from './indicator.js';
export { ASSESS_CODES, type AssessCode } from './figures.js';

/** Assess a validated plan in report year `year`; returns the assessment and what limited it. */
export function assess(data: PlanData, year: number): { assessment: Assessment; diagnostics: Diagnostic[] } {
  const meta = data.plan.plan;
  const yearFiles = new Map<number, YearData>();
  for (const y of data.years) if (!yearFiles.has(y.year)) yearFiles.set(y.year, y);
  const ctx: Context = {
    data,
    year,
    baseYear: meta.base_year,
    tolerance: (meta.assessment?.tolerance ?? DEFAULT_TOLERANCE_POINTS) / 100,
    severeShortfall: meta.assessment?.severe_shortfall ?? DEFAULT_SEVERE_SHORTFALL,
    yearFiles,
    indicators: new Map(),
    diagnostics: [],
  };
  for (const ind of data.plan.indicators) if (!ctx.indicators.has(ind.id)) ctx.indicators.set(ind.id, ind);
  if (year < meta.base_year) {
    report(ctx, 'report-year-before-base', data.file, pointer('plan', 'base_year'), { year },
      { en: `the report year ${year} precedes the base year ${meta.base_year}: nothing can be assessed`,
        zh: `报告年份${year}年早于基期${meta.base_year}年：无从评估` },
      { en: `choose a year from ${meta.base_year} on`, zh: `请选择${meta.base_year}年及以后的年份` });
  }

  const indicators = data.plan.indicators.map((ind, i) => assessIndicator(ctx, ind, i));
  const milestones = data.plan.milestones.map((m) => assessMilestone(ctx, m));
  const span = meta.period.end - meta.base_year;

  const assessment: Assessment = {
    schema_version: ASSESSMENT_SCHEMA_VERSION,
    plan_id: meta.id,
    year,
    period: { start: meta.period.start, end: meta.period.end },
    base_year: meta.base_year,
    year_has_file: yearFiles.has(year),
    tolerance: ctx.tolerance,
    severe_shortfall: ctx.severeShortfall,
    equality_tolerance: EQUALITY_TOLERANCE,
    time_pace: span > 0 ? finite(clamp((year - meta.base_year) / span, 0, 1)) : null,
    indicators,
    milestones,
    actions: rollupActions(data.plan, indicators, milestones),
    pillars: rollupPillars(data.plan, indicators, milestones),
    summary: rollup(indicators, milestones),
  };
  return { assessment, diagnostics: unique(ctx.diagnostics) };
}

/** Drop repeated diagnostics (the same figure can be looked at more than once). */
function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\0${d.pointer ?? ''}\0${d.code}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
