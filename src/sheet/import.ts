// Import a filled-in spreadsheet into a year file: read what each row says
// (interpret.ts), merge it into the year file's YAML (year-document.ts), then validate
// the whole plan with the new text exactly as `cixi-plan validate` would, and point each
// problem of an imported entry at the cell it came from. Pure: the CLI reads the files
// and writes the result only when `ok`.

import type { Diagnostic } from '../diagnostic.js';
import type { PlanSources } from '../load/source-text.js';
import type { Indicator, PlanData } from '../model.js';
import { validatePlan, type ValidationResult } from '../validate/index.js';
import type { SheetLang } from './columns.js';
import { interpretGrid, type RowEdit } from './interpret.js';
import type { Grid } from './read.js';
import { editYearText, type EntryChange, type FieldChange, type Section } from './year-document.js';

/** Where a field goes among an entry's keys (the order of the year schema, as people write it). */
export const FIELD_ORDER: Readonly<Record<Section, readonly string[]>> = {
  observations: ['value', 'decimals', 'growth', 'prices', 'growth_source', 'growth_quote', 'cumulative', 'judgement', 'bound',
    'unit', 'scope', 'status', 'published', 'vintage', 'measure', 'source', 'quote', 'missing', 'note'],
  milestones: ['state', 'date', 'expected', 'source', 'quote', 'note'],
};

const QUOTED = new Set(['published', 'date', 'expected']);

export interface ImportInput {
  /** The plan folder's texts as read (the year file among them, if it exists). */
  sources: PlanSources;
  /** The plan as validated before the import. */
  data: PlanData;
  /** Diagnostics of the plan before the import: only new ones are reported. */
  before: readonly Diagnostic[];
  year: number;
  /** The year file: its path as shown, and its text (null when it does not exist yet). */
  yearFile: { file: string; text: string | null };
  /** The comment a new year file starts with (the schema line). */
  header: string | null;
  grid: Grid;
  /** The spreadsheet's name as shown. */
  sheetFile: string;
  lang: SheetLang;
}

export interface ImportResult {
  /** No error: the new text may be written. */
  ok: boolean;
  /** The year file's new text (undefined when the sheet itself could not be read as edits). */
  text?: string;
  /** Entries added or changed. */
  changed: Array<{ section: Section; id: string; added: boolean }>;
  /** Problems, each at its cell when it concerns an imported entry; sheet order. */
  diagnostics: Diagnostic[];
  /** The validation of the plan with the new text (for printing YAML excerpts). */
  validation?: ValidationResult;
}

/** The fields that hold an observation's figure: an entry marked `missing` has none of them. */
const FIGURES = ['value', 'bound', 'growth', 'cumulative', 'judgement'];

// An observation's unit and scope: an empty cell means the plan's, unless the entry says `missing`.
// A figure given for an entry the year file marks missing replaces the reason, when the sheet
// left that reason standing as it was pre-filled or has no column for it (the reason said why
// there was no figure; now there is one): the dry run shows the reason go. A reason changed
// in the sheet beside a figure is kept, and validation says the entry cannot be both.
function withDefaults(edit: RowEdit, indicator: Indicator, existing: Record<string, unknown> | undefined): FieldChange[] {
  const fields: FieldChange[] = [...edit.fields].map(([field, f]) => {
    const change: FieldChange = { field, value: f.value };
    if (f.decimals !== undefined) change.decimals = f.decimals;
    return change;
  });
  const figure = FIGURES.some((k) => (edit.fields.get(k)?.value ?? null) !== null);
  let reason = fields.find((c) => c.field === 'missing');
  if (figure && existing?.missing !== undefined) {
    if (reason === undefined) fields.push((reason = { field: 'missing', value: null }));
    else if (reason.value === existing.missing) reason.value = null;
  }
  const missing = reason !== undefined ? reason.value : existing?.missing;
  if (missing !== null && missing !== undefined) return fields;
  for (const [field, plan] of [['unit', indicator.unit], ['scope', indicator.scope]] as const) {
    const f = fields.find((c) => c.field === field);
    if (f === undefined && existing?.[field] === undefined) fields.push({ field, value: plan });
    else if (f !== undefined && f.value === null) f.value = plan;
  }
  return fields;
}

// The cell a diagnostic of the new year file belongs to, from its pointer: the field's
// cell, a missing key's cell, or the row's id cell.
function cellOf(d: Diagnostic, edits: ReadonlyMap<string, RowEdit>): string | undefined {
  if (d.pointer === undefined) return undefined;
  const [section, id, field] = d.pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const edit = edits.get(`${section}/${id}`);
  if (edit === undefined) return undefined;
  if (field !== undefined && edit.fields.has(field)) return edit.fields.get(field)!.ref;
  const key = d.code === 'schema-missing-key' ? /`([a-z_]+)`/.exec(d.message)?.[1] : undefined;
  if (key !== undefined && edit.fields.has(key)) return edit.fields.get(key)!.ref;
  return edit.ref;
}

const keyOf = (d: Diagnostic) => `${d.file}\0${d.line}\0${d.col}\0${d.code}\0${d.message}`;

/** Merge a spreadsheet into a year file and validate the result. */
export function importSheet(input: ImportInput): ImportResult {
  const { data, year, yearFile } = input;
  const read = interpretGrid(input.grid, input.sheetFile, data.plan, year, input.lang);
  if (read.diagnostics.some((d) => d.severity === 'error')) return { ok: false, changed: [], diagnostics: read.diagnostics };

  const indicators = new Map(data.plan.indicators.map((i) => [i.id, i]));
  const current = data.years.find((y) => y.year === year);
  const changes: EntryChange[] = read.edits.map((edit) => {
    if (edit.section === 'milestones') {
      return { section: edit.section, id: edit.id, fields: [...edit.fields].map(([field, f]) => ({ field, value: f.value })) };
    }
    const existing = current?.observations[edit.id] as Record<string, unknown> | undefined;
    return { section: edit.section, id: edit.id, fields: withDefaults(edit, indicators.get(edit.id)!, existing) };
  });
  const edited = editYearText(yearFile.text, changes, {
    year,
    header: input.header,
    fieldOrder: FIELD_ORDER,
    idOrder: { observations: data.plan.indicators.map((i) => i.id), milestones: data.plan.milestones.map((m) => m.id) },
    quoted: QUOTED,
  });

  const years = input.sources.years.filter((y) => y.file !== yearFile.file);
  years.push({ file: yearFile.file, text: edited.text });
  const validation = validatePlan({ plan: input.sources.plan, years });
  const edits = new Map(read.edits.map((e) => [`${e.section}/${e.id}`, e]));
  const old = new Set(input.before.map(keyOf));
  // Warnings about entries the sheet did not change were there before: not the import's news.
  const touched = new Set(edited.changed.map((c) => `${c.section}/${c.id}`));
  const atCells: Diagnostic[] = [];
  const inYaml: Diagnostic[] = [];
  for (const d of validation.diagnostics) {
    if (d.file !== yearFile.file) {
      if (!old.has(keyOf(d))) inYaml.push(d);
      continue;
    }
    const [section, id] = (d.pointer ?? '').split('/').slice(1);
    if (d.severity !== 'error' && !touched.has(`${section}/${id}`)) continue;
    const cell = cellOf(d, edits);
    if (cell === undefined) {
      inYaml.push(d);
      continue;
    }
    const moved: Diagnostic = { severity: d.severity, code: d.code, message: `${cell}: ${d.message}`, file: input.sheetFile, line: 0, col: 0 };
    if (d.hint !== undefined) moved.hint = d.hint;
    if (d.zh !== undefined) moved.zh = { ...d.zh, message: `${cell}：${d.zh.message}` };
    if (d.subject !== undefined) moved.subject = d.subject;
    atCells.push(moved);
  }
  const diagnostics = [...read.diagnostics, ...atCells, ...inYaml];
  return { ok: !diagnostics.some((d) => d.severity === 'error'), text: edited.text, changed: edited.changed, diagnostics, validation };
}
