// The fill-in workbook as data: its sheets, their columns (the year file's field each
// column stands for, its labels, its type, whether people may edit it) and the words
// of its drop-down lists. Both the writer (workbook.ts) and the reader (interpret.ts)
// follow these tables, so a column added here is written and read the same way.

import type { MilestoneStateName, ObservationStatus, Prices } from '../model.js';

/** Languages of the workbook's labels (the plan's language by default). */
export type SheetLang = 'zh-CN' | 'en';

/** Text in both languages of the workbook. */
export type Words = Record<SheetLang, string>;

/** The sheets of the fill-in workbook, by role. */
export const SHEETS = {
  indicators: { 'zh-CN': '指标', en: 'Indicators' },
  milestones: { 'zh-CN': '里程碑', en: 'Milestones' },
  sources: { 'zh-CN': '来源', en: 'Sources' },
  guide: { 'zh-CN': '说明', en: 'Guide' },
  lists: { 'zh-CN': '列表', en: 'Lists' },
} as const satisfies Record<string, Words>;

export type SheetRole = keyof typeof SHEETS;

/** Where the guide sheet records the year and the plan id (read back by the import). */
export const GUIDE_YEAR_CELL = 'B2';
export const GUIDE_PLAN_CELL = 'B3';

/** The role of a sheet by its name in either language, or undefined for a sheet of no role. */
export function roleOfSheet(name: string): SheetRole | undefined {
  const wanted = name.trim().toLowerCase();
  return (Object.keys(SHEETS) as SheetRole[]).find((r) => SHEETS[r]['zh-CN'] === name.trim() || SHEETS[r].en.toLowerCase() === wanted);
}

/**
 * What a column's cells hold: free text, a number, a date (YYYY, YYYY-MM or YYYY-MM-DD),
 * a word from a list, or an id (the row's key).
 */
export type ColumnType = 'id' | 'text' | 'number' | 'date' | 'list';

/** Which drop-down list a `list` column offers. */
export type ListName = 'status' | 'prices' | 'state' | 'scope' | 'source';

export interface ColumnSpec {
  /** The field of the year file (`value`), or the name of a reference column (`last_value`). */
  key: string;
  label: Words;
  type: ColumnType;
  /** People fill it in (unlocked, read back on import); false for the id and reference columns. */
  editable: boolean;
  /** Width in characters. */
  width: number;
  list?: ListName;
  /** A note shown under the header in the guide sheet. */
  help?: Words;
}

const col = (key: string, zh: string, en: string, type: ColumnType, editable: boolean, width: number, extra: Partial<ColumnSpec> = {}): ColumnSpec =>
  ({ key, label: { 'zh-CN': zh, en }, type, editable, width, ...extra });

/** The 指标 sheet: reference columns first (locked), then one column per field of an observation. */
export const INDICATOR_COLUMNS: readonly ColumnSpec[] = [
  col('id', '编号', 'Id', 'id', false, 16),
  col('name', '指标名称', 'Indicator', 'text', false, 26),
  col('plan_unit', '规划单位', 'Plan unit', 'text', false, 10),
  col('plan_scope', '规划口径', 'Plan scope', 'text', false, 10),
  col('last_value', '上年值', 'Last year', 'text', false, 12),
  col('last_source', '上年来源', 'Last source', 'text', false, 14),
  col('value', '本年值', 'Value', 'number', true, 12),
  col('growth', '增速（%）', 'Growth (%)', 'number', true, 10),
  col('prices', '价格', 'Prices', 'list', true, 10, { list: 'prices' }),
  col('unit', '单位', 'Unit', 'text', true, 10),
  col('scope', '口径', 'Scope', 'list', true, 10, { list: 'scope' }),
  col('status', '数据状态', 'Status', 'list', true, 11, { list: 'status' }),
  col('published', '发布日期', 'Published', 'date', true, 12),
  col('source', '来源', 'Source', 'list', true, 16, { list: 'source' }),
  col('quote', '原文', 'Quote', 'text', true, 30),
  col('vintage', '数据版本', 'Vintage', 'text', true, 14),
  col('measure', '公布名称', 'Published as', 'text', true, 14),
  col('missing', '缺数原因', 'Why missing', 'text', true, 16),
  col('note', '备注', 'Note', 'text', true, 20),
];

/** The 里程碑 sheet: the milestone as the plan states it (locked), then its state this year. */
export const MILESTONE_COLUMNS: readonly ColumnSpec[] = [
  col('id', '编号', 'Id', 'id', false, 16),
  col('name', '里程碑', 'Milestone', 'text', false, 26),
  col('due', '计划年份', 'Due', 'text', false, 9),
  col('done_when', '完成标志', 'Done when', 'text', false, 22),
  col('last_state', '上年状态', 'Last year', 'text', false, 12),
  col('state', '状态', 'State', 'list', true, 10, { list: 'state' }),
  col('date', '报告日期', 'Reported', 'date', true, 12),
  col('expected', '预计完成', 'Expected', 'date', true, 12),
  col('source', '来源', 'Source', 'list', true, 16, { list: 'source' }),
  col('quote', '原文', 'Quote', 'text', true, 30),
  col('note', '备注', 'Note', 'text', true, 20),
];

/** The 来源 sheet: the plan's sources, for reference (never read back). */
export const SOURCE_COLUMNS: readonly ColumnSpec[] = [
  col('id', '编号', 'Id', 'id', false, 22),
  col('title', '标题', 'Title', 'text', false, 40),
  col('publisher', '发布机构', 'Publisher', 'text', false, 18),
  col('date', '日期', 'Date', 'text', false, 12),
  col('url', '网址', 'URL', 'text', false, 40),
];

/** The header of a column: its label and, on its own line, its field name. */
export function headerText(column: ColumnSpec, lang: SheetLang): string {
  return `${column.label[lang]}\n${column.key}`;
}

/**
 * The column a header cell names: a line of it equal to a field name (any case) or to
 * a label in either language; undefined for a header of no column.
 */
export function columnOfHeader(text: string, columns: readonly ColumnSpec[]): ColumnSpec | undefined {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  for (const line of lines) {
    const lower = line.toLowerCase();
    const found = columns.find((c) => c.key === lower || c.label['zh-CN'] === line || c.label.en.toLowerCase() === lower);
    if (found) return found;
  }
  return undefined;
}

/** The words of the fixed drop-down lists, by the year file's word. */
export const LIST_WORDS: {
  status: Record<ObservationStatus, Words>;
  prices: Record<Prices, Words>;
  state: Record<MilestoneStateName, Words>;
} = {
  status: {
    preliminary: { 'zh-CN': '初步核算', en: 'preliminary' },
    final: { 'zh-CN': '核实数', en: 'final' },
    estimate: { 'zh-CN': '预计数', en: 'estimate' },
  },
  prices: {
    constant: { 'zh-CN': '可比价', en: 'constant' },
    current: { 'zh-CN': '现价', en: 'current' },
  },
  state: {
    'not-started': { 'zh-CN': '未启动', en: 'not-started' },
    'in-progress': { 'zh-CN': '推进中', en: 'in-progress' },
    done: { 'zh-CN': '已完成', en: 'done' },
    delayed: { 'zh-CN': '延期', en: 'delayed' },
  },
};

export type FixedList = keyof typeof LIST_WORDS;

/** The year file's word for a cell of a fixed list: the word itself or its label in either language. */
export function wordOfLabel(list: FixedList, text: string): string | undefined {
  const t = text.trim();
  const words = LIST_WORDS[list] as Record<string, Words>;
  for (const [word, labels] of Object.entries(words)) {
    if (word === t.toLowerCase() || labels['zh-CN'] === t || labels.en === t.toLowerCase()) return word;
  }
  return undefined;
}

/** The label a fixed list shows for a word of the year file. */
export function labelOfWord(list: FixedList, word: string, lang: SheetLang): string {
  const words = LIST_WORDS[list] as Record<string, Words>;
  return Object.hasOwn(words, word) ? words[word]![lang] : word;
}
