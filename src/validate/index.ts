// The validate stage: YAML syntax, then schema shape, then named semantic rules
// and data-quality warnings. Pure: it takes texts and returns diagnostics and,
// when nothing is wrong, the plan as plain typed data.

import { byCodeUnits, hasErrors, pointer, sortDiagnostics, splitPointer, type Diagnostic, type Subject } from '../diagnostic.js';
import type { PlanSources, SourceText } from '../load/source-text.js';
import type { PlanData, PlanFile, YearData, YearFile } from '../model.js';
import { checkRules } from './rules.js';
import { checkSchema, type SchemaName } from './schema.js';
import { locate, parseSource, spanDiagnostic, writtenDecimalsByKey, type Source } from './yaml-source.js';

export type { PlanSources } from '../load/source-text.js';

export interface ValidationSummary {
  pillars: number;
  actions: number;
  indicators: number;
  milestones: number;
  /** Observations that carry a value (entries marked `missing` are not counted). */
  observations: number;
  /** Year entries that say `missing`. */
  missing: number;
  years: number;
  errors: number;
  warnings: number;
}

export interface ValidationResult {
  /** Sorted by file and position. */
  diagnostics: Diagnostic[];
  /** The parsed files, for printing source lines under diagnostics. */
  sources: Source[];
  /** The plan as plain data; present only when there is no error. */
  data?: PlanData;
  summary: ValidationSummary;
}

/**
 * Name what each diagnostic concerns, from its pointer: /indicators/<i> and /milestones/<i>
 * of the plan file, /observations/<id> and /milestones/<id> of a year file (with its year).
 */
function withSubjects(diagnostics: readonly Diagnostic[], data: PlanData | undefined): Diagnostic[] {
  if (data === undefined) return [...diagnostics];
  const years = new Map(data.years.map((y) => [y.file, y.year]));
  return diagnostics.map((d) => {
    if (d.subject !== undefined || d.pointer === undefined) return d;
    const [head, key] = splitPointer(d.pointer);
    const year = years.get(d.file);
    let subject: Subject | undefined;
    if (year !== undefined) {
      if (head === 'observations' && key !== undefined) subject = { indicator: key, year };
      else if (head === 'milestones' && key !== undefined) subject = { milestone: key, year };
      else subject = { year };
    } else if (d.file === data.file && key !== undefined && /^\d+$/.test(key)) {
      if (head === 'indicators') {
        const id = data.plan.indicators[Number(key)]?.id;
        if (id !== undefined) subject = { indicator: id };
      } else if (head === 'milestones') {
        const id = data.plan.milestones[Number(key)]?.id;
        if (id !== undefined) subject = { milestone: id };
      }
    }
    return subject === undefined ? d : { ...d, subject };
  });
}

/** A year file's data, each value's decimals filled in from how it is written (unless given). */
function withDecimals(source: Source): YearFile {
  const year = source.value as YearFile;
  const written = writtenDecimalsByKey(source, pointer('observations'), 'value');
  for (const [id, obs] of Object.entries(year.observations)) {
    if (typeof obs.value !== 'number' || obs.decimals !== undefined) continue;
    const decimals = written.get(id);
    if (decimals !== undefined) obs.decimals = decimals;
  }
  return year;
}

/** Validate a plan folder's texts through every layer and collect all problems. */
export function validatePlan(input: PlanSources): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const sources: Source[] = [];

  const load = (text: SourceText, schema: SchemaName): Source | undefined => {
    const parsed = parseSource(text);
    sources.push(parsed.source);
    // One by one: a hostile file can have more diagnostics than a call takes arguments.
    for (const d of parsed.diagnostics) diagnostics.push(d);
    const source = parsed.source;
    if (source.broken) return undefined;
    if (source.value === null || source.value === undefined) {
      diagnostics.push(
        spanDiagnostic(source, 0, 1, 'error', 'empty-file',
          { en: `the ${schema === 'plan' ? 'plan' : 'year'} file is empty`, zh: `${schema === 'plan' ? '规划' : '年度'}文件是空的` },
          { en: `start from \`cixi-plan init\` or \`cixi-plan schema ${schema}\``, zh: `可从 \`cixi-plan init\` 或 \`cixi-plan schema ${schema}\` 开始` }),
      );
      return undefined;
    }
    const schemaDiagnostics = checkSchema(source, schema);
    for (const d of schemaDiagnostics) diagnostics.push(d);
    return schemaDiagnostics.length === 0 ? source : undefined;
  };

  const planSource = input.plan ? load(input.plan, 'plan') : undefined;
  const yearSources = input.years.map((y) => load(y, 'year'));

  let data: PlanData | undefined;
  if (planSource) {
    const years: YearData[] = [];
    for (const source of yearSources) {
      if (!source) continue;
      const year: YearData = { ...withDecimals(source), file: source.file };
      if (source.path !== undefined) year.path = source.path;
      years.push(year);
    }
    years.sort((a, b) => a.year - b.year || byCodeUnits(a.file, b.file));
    const candidate: PlanData = { file: planSource.file, plan: planSource.value as PlanFile, years };
    for (const d of checkRules(candidate)) diagnostics.push(d);
    data = candidate;
  }

  const located = sortDiagnostics(locate(withSubjects(diagnostics, data), sources));
  const ok = !hasErrors(located);
  const plan = data?.plan;
  const summary: ValidationSummary = {
    pillars: plan?.pillars.length ?? 0,
    actions: plan?.actions.length ?? 0,
    indicators: plan?.indicators.length ?? 0,
    milestones: plan?.milestones.length ?? 0,
    observations: 0,
    missing: 0,
    years: data?.years.length ?? 0,
    errors: located.filter((d) => d.severity === 'error').length,
    warnings: located.filter((d) => d.severity === 'warning').length,
  };
  for (const y of data?.years ?? []) {
    for (const o of Object.values(y.observations)) {
      if (o.missing !== undefined) summary.missing++;
      else summary.observations++;
    }
  }
  const result: ValidationResult = { diagnostics: located, sources, summary };
  if (ok && data) result.data = data;
  return result;
}
