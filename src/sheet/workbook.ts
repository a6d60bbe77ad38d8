// The fill-in workbook of a year (`cixi-plan sheet`): one row per indicator on 指标 and
// per milestone on 里程碑, pre-filled with what the year file holds, the reference columns
// locked (sheet protection without a password), drop-down lists for the words a field
// allows and for the plan's scopes and sources, the sources listed on 来源 and how to fill
// it in on 说明. Pure: plan data in, .xlsx bytes out.

import type { MilestoneState, Observation, PlanData } from '../model.js';
import {
  GUIDE_PLAN_CELL,
  GUIDE_YEAR_CELL,
  INDICATOR_COLUMNS,
  LIST_WORDS,
  MILESTONE_COLUMNS,
  SHEETS,
  SOURCE_COLUMNS,
  headerText,
  labelOfWord,
  type ColumnSpec,
  type FixedList,
  type ListName,
  type SheetLang,
} from './columns.js';
import { newWorkbook, workbookBytes, type Cell, type Workbook, type Worksheet } from './excel.js';

export interface FillInInput {
  data: PlanData;
  year: number;
  lang: SheetLang;
  /** Dates the workbook (SOURCE_DATE_EPOCH or the clock, read by the CLI). */
  createdAt: Date;
  /** "cixi-plan 0.1.0", written as the workbook's creator. */
  generator: string;
}


const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } } as const;
const LOCKED_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
const EDIT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9DB' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;

/** The number format that shows a figure with the decimals it was written with. */
export function decimalsFormat(decimals: number | undefined): string {
  return decimals === undefined || decimals <= 0 ? '0' : `0.${'0'.repeat(Math.min(decimals, 10))}`;
}

// The words a fixed list offers, as an inline list formula ("a,b,c").
function inlineList(list: FixedList, lang: SheetLang): string {
  return `"${Object.keys(LIST_WORDS[list]).map((w) => labelOfWord(list, w, lang)).join(',')}"`;
}

// A header row: bold, wrapped, grey, frozen; the column widths.
function writeHeader(ws: Worksheet, columns: readonly ColumnSpec[], lang: SheetLang): void {
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const row = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = headerText(c, lang);
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: THIN };
  });
  row.height = 32;
}

// Style a data cell: locked reference cells grey, editable cells unlocked and tinted,
// text columns formatted as text so that Excel keeps "2025-03" and "001" as typed.
function styleCell(cell: Cell, column: ColumnSpec): void {
  cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  cell.alignment = { vertical: 'top', wrapText: column.type === 'text' && column.width >= 20 };
  if (!column.editable) {
    cell.fill = LOCKED_FILL;
    return;
  }
  cell.protection = { locked: false };
  cell.fill = EDIT_FILL;
  if (column.type !== 'number') cell.numFmt = '@';
}

interface Lists {
  lang: SheetLang;
  /** Range formulas of the plan's scopes and sources on the lists sheet. */
  scope: string | null;
  source: string | null;
}

// The drop-down of a list column's cell.
function validate(cell: Cell, list: ListName, lists: Lists): void {
  const formula = list === 'scope' || list === 'source' ? lists[list] : inlineList(list, lists.lang);
  if (formula === null) return;
  cell.dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'stop',
    error: lists.lang === 'zh-CN' ? '请从下拉列表中选择' : 'Choose from the list',
  };
}

// Protect a sheet without a password: locked cells stay as they are, people may still
// format cells (decimals), resize, filter and sort.
async function protect(ws: Worksheet): Promise<void> {
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
    insertRows: false,
    deleteRows: false,
    insertColumns: false,
    deleteColumns: false,
  });
}

// Fill one data row: each column's value from `values` (undefined leaves the cell empty).
function writeRow(ws: Worksheet, rowNumber: number, columns: readonly ColumnSpec[], values: Record<string, string | number | undefined>, formats: Record<string, string>, lists: Lists): void {
  const row = ws.getRow(rowNumber);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    const value = values[c.key];
    if (value !== undefined) cell.value = value;
    styleCell(cell, c);
    if (formats[c.key] !== undefined) cell.numFmt = formats[c.key]!;
    if (c.editable && c.list !== undefined) validate(cell, c.list, lists);
  });
}

// What last year's file says of an indicator, as a number or a short text.
function lastValue(obs: Observation | undefined): string | number | undefined {
  if (obs === undefined) return undefined;
  if (obs.value !== undefined) return obs.value;
  if (obs.growth !== undefined) return `${obs.growth > 0 ? '+' : ''}${obs.growth}%`;
  return obs.missing ?? obs.judgement;
}

function indicatorValues(obs: Observation | undefined, lang: SheetLang): Record<string, string | number | undefined> {
  if (obs === undefined) return {};
  return {
    value: obs.value,
    growth: obs.growth,
    prices: obs.prices === undefined ? undefined : labelOfWord('prices', obs.prices, lang),
    unit: obs.unit,
    scope: obs.scope,
    status: obs.status === undefined ? undefined : labelOfWord('status', obs.status, lang),
    published: obs.published,
    source: obs.source,
    quote: obs.quote,
    vintage: obs.vintage,
    measure: obs.measure,
    missing: obs.missing,
    note: obs.note,
  };
}

function milestoneValues(state: MilestoneState | undefined, lang: SheetLang): Record<string, string | undefined> {
  if (state === undefined) return {};
  return {
    state: labelOfWord('state', state.state, lang),
    date: state.date,
    expected: state.expected,
    source: state.source,
    quote: state.quote,
    note: state.note,
  };
}

// The hidden sheet the scope and source drop-downs read from (a list written inline
// in a validation may hold at most 255 characters).
function writeLists(wb: Workbook, data: PlanData, lang: SheetLang): Lists {
  const ws = wb.addWorksheet(SHEETS.lists[lang], { state: 'hidden' });
  const { scopes, sources } = data.plan;
  scopes.forEach((s, i) => (ws.getCell(i + 1, 1).value = s.id));
  sources.forEach((s, i) => (ws.getCell(i + 1, 2).value = s.id));
  const name = `'${SHEETS.lists[lang]}'`;
  return {
    lang,
    scope: scopes.length === 0 ? null : `${name}!$A$1:$A$${scopes.length}`,
    source: sources.length === 0 ? null : `${name}!$B$1:$B$${sources.length}`,
  };
}

const GUIDE: Record<SheetLang, (year: number, indicators: string, milestones: string) => string[]> = {
  'zh-CN': (year, ind, ms) => [
    `本表用于填报${year}年的数据，填好后交回，由 cixi-plan import ${year} <文件> 导入 data/${year}.yaml。`,
    `“${ind}”表每行一个指标，“${ms}”表每行一个里程碑；灰色列是规划中的内容，供参考，不可修改；淡黄色单元格可以填写。`,
    '表头第二行是年度数据文件中的字段名，请勿修改表头，不要增删行列、合并单元格或新增工作表。',
    '本年值请填写来源公布的数字本身，不要填写公式、单位或“约”“左右”等文字；需保留末尾的 0（如 67.00）时，把单元格设为带相应小数位的数值格式。',
    '没有数据时，在“缺数原因”中写明原因，本年值留空；有数据时“缺数原因”留空（预填的原因没有删去也可以：导入时以填写的数字为准）。',
    '单位、口径留空时按规划的单位、口径填入；数据状态、价格、口径、来源请从下拉列表中选择；日期写成 2025、2025-03 或 2025-03-01。',
    '整行留空的指标或里程碑保持数据文件中的原样；某行填写后，该行留空的单元格表示删除对应字段。',
    '导入前可先运行 cixi-plan import <年份> <文件> --dry-run 查看将要发生的改动；有错误时会指出单元格（如 指标!G7），不会写入任何内容。',
  ],
  en: (year, ind, ms) => [
    `This workbook collects the figures of ${year}. Fill it in and send it back; cixi-plan import ${year} <file> reads it into data/${year}.yaml.`,
    `Sheet "${ind}" has one row per indicator, sheet "${ms}" one per milestone. Grey columns come from the plan, for reference, and are locked; pale yellow cells are yours to fill.`,
    'The second line of each header is the field name of the year file: do not change the headers, add or delete rows or columns, merge cells or add sheets.',
    'Type the figure the source published, without formulas, units or words such as "about"; to keep trailing zeros (67.00), format the cell as a number with that many decimals.',
    'When there is no figure, say why under "Why missing" and leave the value empty; when there is one, leave "Why missing" empty (a pre-filled reason left standing is dropped for the figure on import).',
    "An empty unit or scope means the plan's. Choose status, prices, scope and source from the drop-down lists; write dates as 2025, 2025-03 or 2025-03-01.",
    'A row left entirely empty keeps what the year file holds; in a row you filled in, an empty cell removes that field.',
    'Run cixi-plan import <year> <file> --dry-run first to see what would change; any error names its cell (such as Indicators!G7) and nothing is written.',
  ],
};

function writeGuide(wb: Workbook, data: PlanData, year: number, lang: SheetLang): void {
  const ws = wb.addWorksheet(SHEETS.guide[lang]);
  ws.columns = [{ width: 16 }, { width: 100 }];
  const zh = lang === 'zh-CN';
  const title = ws.getCell('A1');
  title.value = `${data.plan.plan.title}　${zh ? `${year}年数据填报表` : `figures of ${year}`}`;
  title.font = { bold: true, size: 14 };
  ws.getCell('A2').value = zh ? '年份\nyear' : 'Year\nyear';
  ws.getCell(GUIDE_YEAR_CELL).value = year;
  ws.getCell('A3').value = zh ? '规划\nplan' : 'Plan\nplan';
  ws.getCell(GUIDE_PLAN_CELL).value = data.plan.plan.id;
  for (const a of ['A2', 'A3']) ws.getCell(a).alignment = { wrapText: true };
  GUIDE[lang](year, SHEETS.indicators[lang], SHEETS.milestones[lang]).forEach((line, i) => {
    const cell = ws.getCell(5 + i, 2);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(5 + i, 1).value = i + 1;
  });
}

/** The fill-in workbook of a year as .xlsx bytes. */
export async function fillInWorkbook(input: FillInInput): Promise<Uint8Array> {
  const { data, year, lang, createdAt } = input;
  const plan = data.plan;
  const zh = lang === 'zh-CN';
  const wb = newWorkbook(createdAt, {
    title: `${plan.plan.title} ${zh ? `${year}年数据填报表` : `figures of ${year}`}`,
    subject: `${plan.plan.id} ${year}`,
    creator: input.generator,
  });
  const current = data.years.find((y) => y.year === year);
  const previous = data.years.filter((y) => y.year < year).at(-1);
  const scopeName = new Map(plan.scopes.map((s) => [s.id, s.name]));

  const indicators = wb.addWorksheet(SHEETS.indicators[lang], { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const milestones = wb.addWorksheet(SHEETS.milestones[lang], { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const sources = wb.addWorksheet(SHEETS.sources[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  writeGuide(wb, data, year, lang);
  const lists = writeLists(wb, data, lang);

  writeHeader(indicators, INDICATOR_COLUMNS, lang);
  plan.indicators.forEach((ind, i) => {
    const obs = current?.observations[ind.id];
    const last = previous?.observations[ind.id];
    const values = {
      ...indicatorValues(obs, lang),
      id: ind.id,
      name: zh ? ind.name : ind.name_en ?? ind.name,
      plan_unit: ind.unit,
      plan_scope: scopeName.get(ind.scope) === ind.scope ? ind.scope : `${ind.scope}（${scopeName.get(ind.scope) ?? ''}）`,
      last_value: lastValue(last),
      last_source: last?.source,
    };
    const formats: Record<string, string> = {};
    if (obs?.value !== undefined) formats.value = decimalsFormat(obs.decimals);
    if (typeof values.last_value === 'number') formats.last_value = decimalsFormat(last?.decimals);
    writeRow(indicators, i + 2, INDICATOR_COLUMNS, values, formats, lists);
  });
  if (previous !== undefined) {
    indicators.getCell(1, INDICATOR_COLUMNS.findIndex((c) => c.key === 'last_value') + 1).value = `${zh ? `${previous.year}年值` : `${previous.year} value`}\nlast_value`;
  }
  indicators.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: INDICATOR_COLUMNS.length } };

  writeHeader(milestones, MILESTONE_COLUMNS, lang);
  const lastState = (id: string) => data.years.filter((y) => y.year < year && y.milestones?.[id] !== undefined).at(-1)?.milestones?.[id];
  plan.milestones.forEach((ms, i) => {
    const last = lastState(ms.id);
    const values = {
      ...milestoneValues(current?.milestones?.[ms.id], lang),
      id: ms.id,
      name: zh ? ms.name : ms.name_en ?? ms.name,
      due: String(ms.due),
      done_when: ms.done_when,
      last_state: last === undefined ? undefined : labelOfWord('state', last.state, lang) + (last.date ? `（${last.date}）` : ''),
    };
    writeRow(milestones, i + 2, MILESTONE_COLUMNS, values, {}, lists);
  });

  writeHeader(sources, SOURCE_COLUMNS, lang);
  plan.sources.forEach((s, i) => {
    writeRow(sources, i + 2, SOURCE_COLUMNS, { id: s.id, title: s.title, publisher: s.publisher, date: s.date, url: s.url }, {}, lists);
  });

  await protect(indicators);
  await protect(milestones);
  await protect(sources);
  return workbookBytes(wb, createdAt);
}
