// One side of a comparison: assess a validated plan in a report year and gather the
// data-quality warnings that bear on that year. Pure.

import { assess } from '../assess/index.js';
import { splitPointer, type Diagnostic } from '../diagnostic.js';
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
    const w = toQualityWarning(d, dataYear, data);
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

// Find the indicator or milestone a diagnostic concerns: by its pointer
// (/indicators/<i> and /milestones/<i> in the plan file, /observations/<id> and
// /milestones/<id> in a year file), else by the `name (id)` label in its message.
function toQualityWarning(d: Diagnostic, dataYear: number | null, data: PlanData): QualityWarning {
  let indicator: string | null = null;
  let milestone: string | null = null;
  const parts = d.pointer !== undefined ? splitPointer(d.pointer) : [];
  const [head, key] = parts;
  if (dataYear === null && key !== undefined && /^\d+$/.test(key)) {
    if (head === 'indicators') indicator = data.plan.indicators[Number(key)]?.id ?? null;
    if (head === 'milestones') milestone = data.plan.milestones[Number(key)]?.id ?? null;
  } else if (dataYear !== null && key !== undefined) {
    if (head === 'observations') indicator = key;
    if (head === 'milestones') milestone = key;
  }
  if (indicator === null && milestone === null) {
    indicator = data.plan.indicators.find((i) => d.message.includes(`${i.name} (${i.id})`))?.id ?? null;
    if (indicator === null) milestone = data.plan.milestones.find((m) => d.message.includes(`${m.name} (${m.id})`))?.id ?? null;
  }
  return {
    code: d.code,
    indicator,
    milestone,
    data_year: dataYear,
    message: d.message,
    file: d.file,
    line: d.line,
    col: d.col,
  };
}
