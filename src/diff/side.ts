// One side of a comparison: assess a validated plan in a report year and gather the
// data-quality warnings that bear on that year. Pure.

import { assess } from '../assess/index.js';
import type { Diagnostic } from '../diagnostic.js';
import type { PlanData } from '../model.js';
import { locate, type Source } from '../validate/yaml-source.js';
import type { DiffSide, QualityWarning, SideOrigin } from './types.js';

export interface SideInput {
  /** The validated plan. */
  data: PlanData;
  /** The report year to assess. */
  year: number;
  /** The validation diagnostics of the plan (warnings are kept, the rest ignored). */
  diagnostics: readonly Diagnostic[];
  /** The parsed files, to give assessment diagnostics a line and column. */
  sources?: readonly Source[];
  /** How the side is named (defaults to the year). */
  label?: string;
  origin?: SideOrigin;
  revision?: string | null;
  commit?: string | null;
}

/**
 * Assess `data` in `year` and keep the warnings that bear on that report: every
 * warning about the plan file and the year files up to the report year, and the
 * assessment's own warnings.
 */
export function buildSide(input: SideInput): DiffSide {
  const { data, year } = input;
  const { assessment, diagnostics } = assess(data, year);
  const located = input.sources ? locate(diagnostics, input.sources) : diagnostics;
  const fileYears = new Map(data.years.map((y) => [y.file, y.year]));
  const quality: QualityWarning[] = [];
  const seen = new Set<string>();
  for (const d of [...input.diagnostics, ...located]) {
    if (d.severity !== 'warning') continue;
    const dataYear = fileYears.get(d.file) ?? null;
    if (dataYear !== null && dataYear > year) continue;
    const w = toQualityWarning(d, dataYear);
    const key = warningKey(w);
    if (seen.has(key)) continue;
    seen.add(key);
    quality.push(w);
  }
  return {
    label: input.label ?? String(year),
    origin: input.origin ?? 'year',
    revision: input.revision ?? null,
    commit: input.commit ?? null,
    assessment,
    quality,
  };
}

/**
 * The identity of a warning across the two sides: its code, what it concerns and the
 * year of the data. File names and positions differ between revisions, so they are
 * not part of it; the message is, only when the warning concerns no indicator or
 * milestone (it is then all that tells two such warnings apart).
 */
export function warningKey(w: QualityWarning): string {
  const subject = w.indicator === null && w.milestone === null ? w.message : '';
  return [w.code, w.indicator ?? '', w.milestone ?? '', w.data_year ?? '', subject].join('\u0000');
}

// The indicator or milestone a diagnostic concerns comes with it, by id (its subject).
function toQualityWarning(d: Diagnostic, dataYear: number | null): QualityWarning {
  return {
    code: d.code,
    indicator: d.subject?.indicator ?? null,
    milestone: d.subject?.milestone ?? null,
    data_year: dataYear,
    message: d.message,
    file: d.file,
    line: d.line,
    col: d.col,
  };
}
