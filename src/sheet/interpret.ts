// What a grid of cells says about a year: for each filled row of 指标 and 里程碑, the
// fields of the year file it sets or clears, each with the cell it came from. Every
// problem names its cell (指标!G7) with the schema's codes where they apply (a number
// column holding "约3100" is `schema-type`, a word not in a list `schema-enum`) and the
// sheet codes otherwise. Pure.

import type { Diagnostic } from '../diagnostic.js';
import type { PlanFile } from '../model.js';
import { suggest } from '../validate/suggest.js';
import {
  GUIDE_PLAN_CELL,
  GUIDE_YEAR_CELL,
  INDICATOR_COLUMNS,
  LIST_WORDS,
  MILESTONE_COLUMNS,
  SHEETS,
  columnOfHeader,
  labelOfWord,
  wordOfLabel,
  type ColumnSpec,
  type FixedList,
  type SheetLang,
} from './columns.js';
import { cellDiagnostic, columnName, short, type Grid, type GridCell, type GridSheet } from './read.js';

/** A field's new value (null: remove the field) and the cell that says so. */
export interface FieldEdit {
  value: string | number | null;
  /** Decimals to show a number with (from the cell's format or text). */
  decimals?: number;
  /** `指标!G7`. */
  ref: string;
}

/** What one row of the sheet does to one entry of the year file. */
export interface RowEdit {
  section: 'observations' | 'milestones';
  id: string;
  /** The id cell (`指标!A7`), where problems of the entry as a whole are shown. */
  ref: string;
  /** By field, in column order; only the fields the sheet has a column for. */
  fields: Map<string, FieldEdit>;
}

export interface Interpretation {
  edits: RowEdit[];
  diagnostics: Diagnostic[];
}

/** How many filled rows past the plan's items are still read (and their problems listed). */
const EXTRA_ROWS_READ = 20;

const DATE = /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/;
// A plain decimal number as people type it: optional sign, digits (grouped by commas or not), decimals.
const NUMBER = /^[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?$/;

interface Ctx {
  file: string;
  lang: SheetLang;
  diagnostics: Diagnostic[];
}

function problem(ctx: Ctx, where: string, code: Diagnostic['code'], message: { en: string; zh: string }, hint?: { en: string; zh: string }): void {
  ctx.diagnostics.push(cellDiagnostic(ctx.file, where, code, message, hint));
}

// A fixed list's words as the sheet shows them, and as the year file writes them.
function listWords(list: FixedList, lang: SheetLang): string {
  const words = Object.keys(LIST_WORDS[list]);
  const labels = words.map((w) => labelOfWord(list, w, lang));
  if (labels.join(', ') === words.join(', ')) return words.join(', ');
  return lang === 'en' ? `${labels.join(', ')} (or ${words.join(', ')})` : `${labels.join('、')}（或 ${words.join(', ')}）`;
}

// Read one cell as its column's type; undefined (with a diagnostic) when it cannot be.
function cellValue(ctx: Ctx, sheet: string, column: ColumnSpec, cell: GridCell): FieldEdit | undefined {
  const ref = `${sheet}!${cell.ref}`;
  const quoted = JSON.stringify(short(cell.text));
  const got = cell.kind === 'date' ? { en: `got the date ${quoted}`, zh: `却是日期 ${quoted}` } : { en: `got ${quoted}`, zh: `却是 ${quoted}` };
  const field = column.key;
  if (cell.kind === 'formula') return undefined; // reported by the reader
  if (cell.kind === 'error') {
    problem(ctx, ref, 'schema-type', { en: `${field}: the cell holds the error ${cell.text}`, zh: `\`${field}\`：单元格是错误值 ${cell.text}` },
      { en: 'type the value itself', zh: '请直接填数值' });
    return undefined;
  }
  switch (column.type) {
    case 'number': {
      if (cell.kind === 'number' && cell.percent) {
        problem(ctx, ref, 'schema-type', { en: `${field}: expected a number, got a percentage (${short(cell.text)} shown as %)`, zh: `\`${field}\`：应为数字，却是百分比格式（${short(cell.text)} 显示为 %）` },
          { en: 'type the number of percent without the % sign, and format the cell as a plain number (5.7, not 5.7%)', zh: '请填百分数的数字，不带 % 号，并把单元格设为常规数字格式（填 5.7，不是 5.7%）' });
        return undefined;
      }
      if (cell.kind === 'number') {
        const edit: FieldEdit = { value: cell.number!, ref };
        if (cell.decimals !== undefined) edit.decimals = cell.decimals;
        return edit;
      }
      const m = cell.kind === 'text' ? NUMBER.exec(cell.text) : null;
      if (m === null) {
        problem(ctx, ref, 'schema-type', { en: `${field}: expected a number, got ${JSON.stringify(short(cell.text))}`, zh: `\`${field}\`：应为数字，却是 ${JSON.stringify(short(cell.text))}` },
          { en: 'type the figure alone, without units, words or formulas; say what qualifies it under `note`', zh: '只填数字，不带单位、文字或公式；需要说明的写在 `note` 栏' });
        return undefined;
      }
      return { value: Number(cell.text.replace(/,/g, '')), decimals: (m[1] ?? '').length, ref };
    }
    case 'date': {
      const text = cell.kind === 'number' && Number.isInteger(cell.number) ? String(cell.number) : cell.text;
      if (!DATE.test(text) || (cell.kind !== 'text' && cell.kind !== 'date' && cell.kind !== 'number')) {
        problem(ctx, ref, 'schema-pattern', { en: `${field}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(short(cell.text))}`, zh: `\`${field}\`：日期应写成 YYYY、YYYY-MM 或 YYYY-MM-DD，却是 ${JSON.stringify(short(cell.text))}` },
          { en: 'write 2025, 2025-03 or 2025-03-01', zh: '请写 2025、2025-03 或 2025-03-01' });
        return undefined;
      }
      return { value: text, ref };
    }
    case 'list': {
      if (column.list === 'scope' || column.list === 'source') return { value: cell.text, ref };
      const list = column.list as FixedList;
      const word = wordOfLabel(list, cell.text);
      if (word === undefined) {
        problem(ctx, ref, 'schema-enum', { en: `${field}: expected one of ${listWords(list, ctx.lang)}, ${got.en}`, zh: `\`${field}\`：应为 ${listWords(list, ctx.lang)} 之一，${got.zh}` },
          { en: 'choose from the drop-down list', zh: '请从下拉列表中选择' });
        return undefined;
      }
      return { value: word, ref };
    }
    default:
      return { value: cell.text, ref };
  }
}

interface Header {
  /** Column number → the column it holds. */
  columns: Map<number, ColumnSpec>;
  idColumn: number | undefined;
}

// Row 1: which column holds which field. Unknown headers, a field twice and entries
// under an empty header are errors.
function readHeader(ctx: Ctx, sheet: GridSheet, specs: readonly ColumnSpec[]): Header {
  const header: Header = { columns: new Map(), idColumn: undefined };
  const seen = new Map<string, string>();
  for (const cell of sheet.rows.get(1)?.values() ?? []) {
    const spec = columnOfHeader(cell.text, specs);
    const ref = `${sheet.name}!${cell.ref}`;
    if (spec === undefined) {
      const near = suggest(cell.text.split(/\n/).at(-1)!.trim(), specs.map((s) => s.key));
      const label = short(cell.text.replace(/\s*\n\s*/g, ' '));
      problem(ctx, ref, 'sheet-unknown-column', { en: `\`${label}\` is not a column of the ${sheet.name} sheet`, zh: `\`${label}\` 不是“${sheet.name}”工作表的列` },
        near ? { en: `did you mean \`${near}\`?`, zh: `是否应为 \`${near}\`？` } : { en: 'delete the column, or move its text into the `note` column', zh: '请删除该列，或把内容移到 `note` 栏' });
      continue;
    }
    if (seen.has(spec.key)) {
      problem(ctx, ref, 'sheet-unknown-column', { en: `a second \`${spec.key}\` column (the first is ${seen.get(spec.key)})`, zh: `第二个 \`${spec.key}\` 列（第一个在 ${seen.get(spec.key)}）` },
        { en: 'keep one of them', zh: '请只保留一个' });
      continue;
    }
    seen.set(spec.key, cell.ref);
    header.columns.set(cell.col, spec);
    if (spec.key === 'id') header.idColumn = cell.col;
  }
  // A column with entries under no header: its header was deleted.
  const headed = new Set(sheet.rows.get(1)?.keys() ?? []);
  const orphans = new Set<number>();
  for (const [r, cells] of sheet.rows) if (r > 1) for (const c of cells.keys()) if (!headed.has(c)) orphans.add(c);
  for (const c of [...orphans].sort((a, b) => a - b)) {
    problem(ctx, `${sheet.name}!${columnName(c)}1`, 'sheet-missing-column', { en: `column ${columnName(c)} holds entries but has no header`, zh: `${columnName(c)}列有内容，却没有表头` },
      { en: 'restore its header: the label and, on the next line, the field name (such as 本年值 / value)', zh: '请恢复表头：先写标签，下一行写字段名（如 本年值 / value）' });
  }
  return header;
}

// The filled rows of a data sheet as edits of its section.
function readRows(ctx: Ctx, sheet: GridSheet, specs: readonly ColumnSpec[], section: RowEdit['section'], ids: readonly string[]): RowEdit[] {
  const header = readHeader(ctx, sheet, specs);
  const what = section === 'observations' ? 'indicator' : 'milestone';
  if (header.idColumn === undefined) {
    problem(ctx, `${sheet.name}!A1`, 'sheet-missing-column', { en: 'row 1 has no `id` column: no row can be matched to the plan', zh: '第1行没有 `id` 列：无法把各行对应到规划' },
      { en: 'restore the header row: copy it from a fresh workbook made by `cixi-plan sheet`', zh: '请恢复表头行：从 `cixi-plan sheet` 新生成的工作簿中复制' });
    return [];
  }
  const known = new Set(ids);
  const rows = [...sheet.rows.keys()].filter((r) => r > 1).sort((a, b) => a - b);
  if (rows.length > ids.length) {
    const whatZh = what === 'indicator' ? '项指标' : '个里程碑';
    problem(ctx, sheet.name, 'sheet-too-many-rows', {
      en: `${rows.length.toLocaleString('en')} filled rows, but the plan has ${ids.length} ${what}${ids.length === 1 ? '' : 's'}; only the first ${ids.length + EXTRA_ROWS_READ} are checked`,
      zh: `填了${rows.length.toLocaleString('en')}行，但规划只有${ids.length}${whatZh}；只检查前${ids.length + EXTRA_ROWS_READ}行`,
    }, { en: 'delete the extra rows: one row per ' + what, zh: `请删除多余的行：每${whatZh.slice(1)}一行` });
  }
  const editable = [...header.columns].filter(([, s]) => s.editable);
  const seen = new Map<string, number>();
  const edits: RowEdit[] = [];
  for (const r of rows.slice(0, ids.length + EXTRA_ROWS_READ)) {
    const cells = sheet.rows.get(r)!;
    const idCell = cells.get(header.idColumn);
    const idRef = `${sheet.name}!${columnName(header.idColumn)}${r}`;
    const filled = editable.filter(([c]) => cells.has(c));
    if (idCell === undefined) {
      if (filled.length > 0) problem(ctx, idRef, 'schema-missing-key', { en: `id: row ${r} has entries but no ${what} id`, zh: `id：第${r}行有内容，却没有${what === 'indicator' ? '指标' : '里程碑'}编号` },
        { en: `type the ${what}'s id from the plan, or delete the row`, zh: `请填写规划中的${what === 'indicator' ? '指标' : '里程碑'}编号，或删除该行` });
      continue;
    }
    const id = idCell.text;
    if (!known.has(id)) {
      const near = suggest(id, ids);
      const kindZh = section === 'observations' ? '指标' : '里程碑';
      problem(ctx, idRef, section === 'observations' ? 'unknown-indicator' : 'unknown-milestone',
        { en: `${JSON.stringify(short(id))} is not ${what === 'indicator' ? 'an indicator' : 'a milestone'} of the plan`, zh: `${JSON.stringify(short(id))} 不是规划中的${kindZh}` },
        near ? { en: `did you mean \`${near}\`?`, zh: `是否应为 \`${near}\`？` }
          : { en: `use an id from the plan's ${section === 'observations' ? 'indicators' : 'milestones'}`, zh: `请使用规划中${kindZh}的编号` });
      continue;
    }
    if (seen.has(id)) {
      problem(ctx, idRef, 'sheet-duplicate-row', { en: `${id} is already on row ${seen.get(id)}`, zh: `${id} 已在第${seen.get(id)}行` }, { en: 'keep one of the two rows', zh: '请只保留其中一行' });
      continue;
    }
    seen.set(id, r);
    // A row whose editable cells are all empty leaves its entry as it is.
    if (filled.length === 0) continue;
    const fields = new Map<string, FieldEdit>();
    for (const [c, spec] of editable) {
      const cell = cells.get(c);
      const ref = `${sheet.name}!${columnName(c)}${r}`;
      if (cell === undefined) {
        fields.set(spec.key, { value: null, ref });
        continue;
      }
      const value = cellValue(ctx, sheet.name, spec, cell);
      if (value !== undefined) fields.set(spec.key, value);
    }
    edits.push({ section, id, ref: idRef, fields });
  }
  return edits;
}

// The year and plan the guide sheet records, against the command's.
function checkGuide(ctx: Ctx, sheet: GridSheet, plan: PlanFile, year: number): void {
  const at = (ref: string) => {
    const m = /^([A-Z]+)([0-9]+)$/.exec(ref)!;
    return [...(sheet.rows.get(Number(m[2])) ?? new Map<number, GridCell>()).values()].find((c) => c.ref === ref);
  };
  const y = at(GUIDE_YEAR_CELL);
  if (y !== undefined && y.text !== String(year)) {
    problem(ctx, `${sheet.name}!${y.ref}`, 'sheet-year-mismatch', { en: `the workbook is for ${short(y.text)}, not ${year}`, zh: `这是${short(y.text)}的工作簿，不是${year}年的` },
      { en: `make the ${year} workbook with \`cixi-plan sheet ${year}\`, or import this one as its own year`, zh: `请用 \`cixi-plan sheet ${year}\` 生成${year}年的工作簿，或按它自己的年份导入` });
  }
  const p = at(GUIDE_PLAN_CELL);
  if (p !== undefined && p.text !== plan.plan.id) {
    problem(ctx, `${sheet.name}!${p.ref}`, 'sheet-year-mismatch', { en: `the workbook is for the plan ${JSON.stringify(short(p.text))}, not ${plan.plan.id}`, zh: `这是规划 ${JSON.stringify(short(p.text))} 的工作簿，不是 ${plan.plan.id} 的` },
      { en: 'import it with the --plan folder it was made from', zh: '请用生成它的那个 --plan 文件夹导入' });
  }
}

/** Read the grid of a spreadsheet as edits of the year file of `year`. */
export function interpretGrid(grid: Grid, file: string, plan: PlanFile, year: number, lang: SheetLang): Interpretation {
  const ctx: Ctx = { file, lang, diagnostics: [] };
  const edits: RowEdit[] = [];
  let data = 0;
  for (const sheet of grid.sheets) {
    switch (sheet.role) {
      case 'indicators':
        data++;
        // One by one: a sheet can have more rows than a call takes arguments.
        for (const e of readRows(ctx, sheet, INDICATOR_COLUMNS, 'observations', plan.indicators.map((i) => i.id))) edits.push(e);
        break;
      case 'milestones':
        data++;
        for (const e of readRows(ctx, sheet, MILESTONE_COLUMNS, 'milestones', plan.milestones.map((m) => m.id))) edits.push(e);
        break;
      case 'guide':
        checkGuide(ctx, sheet, plan, year);
        break;
      case 'sources':
      case 'lists':
        break;
      default:
        problem(ctx, sheet.name, 'sheet-unknown-sheet', { en: 'not a sheet of the fill-in workbook, so its contents would be lost', zh: '不是填报工作簿的工作表，其中的内容会丢失' },
          { en: `move its entries to the ${SHEETS.indicators[lang]} or ${SHEETS.milestones[lang]} sheet, then delete it`, zh: `请把内容移到“${SHEETS.indicators[lang]}”或“${SHEETS.milestones[lang]}”工作表，再删除它` });
    }
  }
  if (data === 0) {
    problem(ctx, '', 'sheet-missing-sheet', { en: `no sheet ${SHEETS.indicators[lang]} or ${SHEETS.milestones[lang]}`, zh: `没有“${SHEETS.indicators[lang]}”或“${SHEETS.milestones[lang]}”工作表` },
      { en: 'rename the sheets back, or make a fresh workbook with `cixi-plan sheet`', zh: '请把工作表改回原名，或用 `cixi-plan sheet` 重新生成工作簿' });
  }
  return { edits, diagnostics: ctx.diagnostics };
}
