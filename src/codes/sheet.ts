// Code catalogue: problems of a spreadsheet given to `cixi-plan import` (see index.ts).
// A cell whose text is not what its column holds reuses the schema's codes
// (`schema-type`, `schema-enum`, `schema-pattern`), and an id the plan does not know
// reuses `unknown-indicator` and `unknown-milestone`; the codes here are the ones only
// a spreadsheet can have.

import type { CodeEntry } from './types.js';

export const SHEET_CODES = {
  'sheet-unreadable': {
    kinds: ['sheet'],
    severity: 'error',
    title: { 'zh-CN': '表格文件无法读取', en: 'Spreadsheet cannot be read' },
    explain: {
      'zh-CN': '文件不是有效的 `.xlsx` 工作簿（例如是旧的 `.xls`、加密的文件或已损坏），或 `.csv` 既不是 `UTF-8` 也不是 `GB18030` 文本，或 CSV 的引号没有闭合。',
      en: 'The file is not a valid `.xlsx` workbook (an old `.xls`, an encrypted or damaged file), or the `.csv` is neither UTF-8 nor GB18030 text, or a CSV quote is not closed.',
    },
    fix: {
      'zh-CN': '在 Excel 或 WPS 中打开文件，另存为“Excel 工作簿 (*.xlsx)”或“CSV (逗号分隔)”，不要设置密码。',
      en: 'Open the file in Excel or WPS and save it as “Excel Workbook (*.xlsx)” or “CSV (Comma delimited)”, without a password.',
    },
    example: '$ cixi-plan import 2024 报表.xls\n报表.xls error sheet-unreadable not an .xlsx workbook (no zip archive)',
  },
  'sheet-too-large': {
    kinds: ['sheet'],
    severity: 'error',
    title: { 'zh-CN': '表格过大', en: 'Spreadsheet too large' },
    explain: {
      'zh-CN': '文件、解压后的内容或某个工作表的行列数超过上限，读取前即被拒绝。一份填报表只有规划中指标和里程碑那么多行。',
      en: 'The file, its unpacked content or a sheet’s rows or columns exceed a limit, and it is refused before it is read. A fill-in workbook has only as many rows as the plan has indicators and milestones.',
    },
    fix: {
      'zh-CN': '用 `cixi-plan sheet <年份>` 重新生成填报表，只填写其中的单元格；不要把原始数据表整个粘贴进来。',
      en: 'Make a fresh workbook with `cixi-plan sheet <year>` and fill in its cells only; do not paste whole raw data tables into it.',
    },
    example: '$ cixi-plan import 2024 big.xlsx\nbig.xlsx error sheet-too-large unpacks to 412 MiB; a workbook may unpack to at most 64 MiB',
  },
  'sheet-unknown-sheet': {
    kinds: ['sheet'],
    severity: 'error',
    title: { 'zh-CN': '未知的工作表', en: 'Unknown sheet' },
    explain: {
      'zh-CN': '工作簿中有一个填报表之外的工作表。工具只读取 `指标`、`里程碑`、`来源` 和 `说明`，其他工作表中的内容会被忽略，因此不予导入，以免填写的数字悄悄丢失。',
      en: 'The workbook has a sheet the fill-in workbook does not have. Only `指标`, `里程碑`, `来源` and `说明` are read; anything on another sheet would be lost without notice, so the import stops.',
    },
    fix: {
      'zh-CN': '把数字移到 `指标` 或 `里程碑` 工作表的对应单元格，然后删除多余的工作表。',
      en: 'Move the figures into their cells on the `指标` or `里程碑` sheet, then delete the extra sheet.',
    },
    example: '$ cixi-plan import 2024 填报.xlsx\n填报.xlsx error sheet-unknown-sheet Sheet2: not a sheet of the fill-in workbook',
  },
  'sheet-missing-sheet': {
    kinds: ['sheet'],
    severity: 'error',
    title: { 'zh-CN': '缺少数据工作表', en: 'No data sheet' },
    explain: {
      'zh-CN': '工作簿中既没有 `指标` 也没有 `里程碑` 工作表，没有可导入的内容。工作表可能被改名或删除了。',
      en: 'The workbook has neither a `指标` nor a `里程碑` sheet, so there is nothing to import. A sheet may have been renamed or deleted.',
    },
    fix: {
      'zh-CN': '把工作表名改回 `指标`、`里程碑`，或用 `cixi-plan sheet <年份>` 重新生成填报表。',
      en: 'Rename the sheets back to `指标` and `里程碑`, or make a fresh workbook with `cixi-plan sheet <year>`.',
    },
    example: '$ cixi-plan import 2024 填报.xlsx\n填报.xlsx error sheet-missing-sheet no sheet 指标 or 里程碑',
  },
  'sheet-missing-column': {
    kinds: ['sheet'],
    severity: 'error',
    title: { 'zh-CN': '缺少表头列', en: 'Column header missing' },
    explain: {
      'zh-CN': '第 1 行的表头中找不到必需的列（如 `id`），或某一列填有内容但表头被删掉了，无法知道这些内容属于哪个字段。',
      en: 'Row 1 lacks a required column (such as `id`), or a column holds entries while its header was deleted, so there is no telling which field they belong to.',
    },
    fix: {
      'zh-CN': '恢复第 1 行的表头（中文名称和字段名，例如 `本年值` 换行 `value`），或从新生成的填报表中复制表头行。',
      en: 'Restore the header in row 1 (the Chinese label and the field name, e.g. `本年值` over `value`), or copy the header row from a freshly made workbook.',
    },
    example: '$ cixi-plan import 2024 填报.xlsx\n填报.xlsx error sheet-missing-column 指标!H1: column H holds entries but has no header',
  },
  'sheet-unknown-column': {
    kinds: ['sheet'],
    severity: 'error',
    title: { 'zh-CN': '未知的列', en: 'Unknown column' },
    explain: {
      'zh-CN': '表头中有一列不是年度数据文件的字段，也不是填报表的参考列，或同一字段出现了两列。其中的内容无处存放，因此不予导入。',
      en: 'A header names neither a field of the year file nor a reference column of the workbook, or one field has two columns. Its entries would have nowhere to go, so the import stops.',
    },
    fix: {
      'zh-CN': '删除这一列，或把其中的文字移到 `备注`（`note`）列。',
      en: 'Delete the column, or move its text into the `note` column.',
    },
    example: '$ cixi-plan import 2024 填报.xlsx\n填报.xlsx error sheet-unknown-column 指标!T1: `审核人` is not a column of the 指标 sheet',
  },
  'sheet-formula': {
    kinds: ['sheet'],
    severity: 'error',
    title: { 'zh-CN': '单元格是公式', en: 'Formula in a cell' },
    explain: {
      'zh-CN': '单元格中是公式而不是数值。年度数据记录的是来源公布的数字，公式的结果取决于其他单元格，无法核对来源，因此不予导入。',
      en: 'The cell holds a formula, not a figure. A year file records the figure a source published; a formula’s result depends on other cells and cannot be checked against the source, so it is not imported.',
    },
    fix: {
      'zh-CN': '把公式替换为来源中的数字：复制单元格，再“选择性粘贴 → 数值”。',
      en: 'Replace the formula with the figure from the source: copy the cell, then Paste Special → Values.',
    },
    example: '$ cixi-plan import 2024 填报.xlsx\n填报.xlsx error sheet-formula 指标!G7: holds the formula =G6*1.05; type the published figure',
  },
  'sheet-merged-cells': {
    kinds: ['sheet'],
    severity: 'error',
    title: { 'zh-CN': '合并了单元格', en: 'Merged cells' },
    explain: {
      'zh-CN': '填报区域中有合并单元格。合并后只有左上角的单元格有内容，其余各行各列的值无法确定。',
      en: 'Cells of the data area are merged. A merged range keeps its content only in its top-left cell, so the other rows and columns it covers have no value of their own.',
    },
    fix: {
      'zh-CN': '选中该区域，取消合并单元格，并在每个单元格中填写各自的内容。',
      en: 'Select the range, unmerge it, and fill in each cell on its own.',
    },
    example: '$ cixi-plan import 2024 填报.xlsx\n填报.xlsx error sheet-merged-cells 指标!P5:P6: merged cells; unmerge them',
  },
  'sheet-too-many-rows': {
    kinds: ['sheet'],
    severity: 'error',
    title: { 'zh-CN': '行数多于规划中的项目', en: 'More rows than the plan has items' },
    explain: {
      'zh-CN': '工作表中填有内容的行比规划中的指标（或里程碑）还多。每个指标只占一行，多出的行多半是粘贴进来的其他数据。为免逐行报错，只列出前面几行的问题。',
      en: 'The sheet has more filled rows than the plan has indicators (or milestones). Each indicator takes one row, so the extra rows are most likely pasted data. Only the first rows’ problems are listed, not one per row.',
    },
    fix: {
      'zh-CN': '删除多余的行，只保留每个指标一行；或用 `cixi-plan sheet <年份>` 重新生成填报表。',
      en: 'Delete the extra rows and keep one row per indicator, or make a fresh workbook with `cixi-plan sheet <year>`.',
    },
    example: '$ cixi-plan import 2024 填报.xlsx\n填报.xlsx error sheet-too-many-rows 指标: 10,000 filled rows, but the plan has 7 indicators',
  },
  'sheet-duplicate-row': {
    kinds: ['sheet'],
    severity: 'error',
    title: { 'zh-CN': '同一编号出现两行', en: 'Same id in two rows' },
    explain: {
      'zh-CN': '同一个指标或里程碑编号在工作表中出现了两次，无法确定以哪一行为准。',
      en: 'An indicator or milestone id appears in two rows of the sheet, so there is no telling which row holds its figures.',
    },
    fix: {
      'zh-CN': '保留正确的一行，删除另一行。',
      en: 'Keep the right row and delete the other.',
    },
    example: '$ cixi-plan import 2024 填报.xlsx\n填报.xlsx error sheet-duplicate-row 指标!A9: gdp is already on row 2',
  },
  'sheet-year-mismatch': {
    kinds: ['sheet'],
    severity: 'error',
    title: { 'zh-CN': '填报表属于另一年份或规划', en: 'Workbook of another year or plan' },
    explain: {
      'zh-CN': '填报表 `说明` 工作表中记录的年份或规划编号与命令中的不同，例如把 2023 年的表格导入为 2024 年的数据。',
      en: 'The year or plan id recorded on the workbook’s `说明` sheet differs from the command’s, for example a 2023 workbook imported as 2024 data.',
    },
    fix: {
      'zh-CN': '检查文件和命令中的年份；需要时用 `cixi-plan sheet <年份>` 生成对应年份的填报表。',
      en: 'Check the year of the file and of the command; if needed make the right year’s workbook with `cixi-plan sheet <year>`.',
    },
    example: '$ cixi-plan import 2024 填报-2023.xlsx\n填报-2023.xlsx error sheet-year-mismatch 说明!B3: the workbook is for 2023, not 2024',
  },
} as const satisfies Record<string, CodeEntry>;
