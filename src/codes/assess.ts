// Code catalogue: the assessment's limits and why a year has no usable figure (see index.ts).

import type { CodeEntry } from './types.js';

export const ASSESS_CODES = {
  // ---------------------------------------------------------------------------------------
  // Assess: the assessment's limits, reported while it runs (some are also reasons).

  'not-comparable': {
    kinds: ['assess', 'reason'],
    severity: 'warning',
    title: { 'zh-CN': '单位或口径不可比，未使用', en: 'Unit or scope not comparable: not used' },
    explain: {
      'zh-CN': '数据的单位（且规划未声明换算关系）或统计口径与指标不同，或根本没有注明单位、口径，评估时不采用这个数据。作为原因，它说明某一年为什么没有可用的数据。',
      en: 'The figure’s unit (with no declared conversion) or scope differs from the indicator’s, or is not given at all, so the assessment does not use it. As a reason it says why a year has no usable figure.',
    },
    fix: {
      'zh-CN': '填写按指标单位和口径的数据，并写明 `unit`、`scope`；单位不同的，可在指标的 `conversions` 中声明换算系数；只有其他口径数据的，写 `missing:` 并说明。',
      en: 'Give the figure in the indicator’s unit and scope, with `unit` and `scope` written; for another unit declare the factor under the indicator’s `conversions`; if only another scope was published, write `missing:` and say so.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    value: 29290000\n    unit: 万元\n    scope: 全市\n# 报告写作：2024年数据的单位（万元）与目标（亿元）不一致，不可比',
  },
  'stale-value': {
    kinds: ['assess'],
    severity: 'info',
    title: { 'zh-CN': '本年无数据，沿用往年数据', en: 'No figure for the report year: an earlier one is used' },
    explain: {
      'zh-CN': '报告年份没有可用的数据，评估沿用基期以后最近一年的可比数据，并在报告中注明所用年份，不会悄悄替代。',
      en: 'The report year has no usable figure, so the assessment uses the latest earlier comparable one after the base year, and the report names its year: never silently.',
    },
    fix: {
      'zh-CN': '当年数据公布后，填入报告年份数据文件的 `value`。',
      en: 'When the year’s figure is published, write it as `value` in the report year’s file.',
    },
    example: '# data/2023.yaml\nobservations:\n  gdp:\n    value: 2650\n# data/2024.yaml\nobservations:\n  gdp:\n    missing: 未公布   # 报告沿用2023年数据',
  },
  'no-value': {
    kinds: ['assess'],
    severity: 'info',
    title: { 'zh-CN': '无可用数据', en: 'No usable figure' },
    explain: {
      'zh-CN': '按水平值或较基期变化表述目标的指标，从基期后一年（累计类从规划期第一年）到报告年份都没有可比数据，状态为“无数据”；约束性指标列为“无法判断”。',
      en: 'An indicator whose target is a level or a change from a base has no comparable figure from the year after the base year (for a cumulative indicator, the period’s first year) to the report year: its status is 无数据 (no data), and a binding indicator is listed as 无法判断 (cannot be judged).',
    },
    fix: {
      'zh-CN': '在各年数据文件中补充公布的数据；确实没有的，用 `missing:` 写明原因。',
      en: 'Add the published figures to the year files; where there is none, give the reason with `missing:`.',
    },
    example: '# data/2022.yaml … data/2024.yaml\nobservations:\n  rd-intensity:\n    missing: 未找到公开数据',
  },
  'growth-undefined': {
    kinds: ['assess'],
    severity: 'warning',
    title: { 'zh-CN': '增速无法计算', en: 'Growth rate undefined' },
    explain: {
      'zh-CN': '总量、数量和倍增类指标的增速是两个数值之比，基期值、本年值或目标值为零或负数时没有意义。报告不列这个增速，也不据此预测，而不是编造一个数。',
      en: 'For level, count and multiple indicators a growth rate is a ratio of two values, meaningless when the baseline, the value or the target is zero or negative. The report gives no such rate and no projection from it, rather than a made-up one.',
    },
    fix: {
      'zh-CN': '核对该数值是否录错；数值确为零或负数的，无需修改。',
      en: 'Check that the number was typed right; if it really is zero or negative, there is nothing to change.',
    },
    example: '# data/2021.yaml\nobservations:\n  little-giants:\n    value: 0\n    unit: 家\n    scope: 全市',
  },
  'completion-undefined': {
    kinds: ['assess'],
    severity: 'info',
    title: { 'zh-CN': '完成进度无定义', en: 'Completion undefined' },
    explain: {
      'zh-CN': '目标值等于基期值，或比基期值还差（如基期已高于“不低于”的目标值），目标并不要求改善，完成进度（本年值 − 基期值）÷（目标值 − 基期值）没有意义。状态改按是否达到目标判断。',
      en: 'The target equals the baseline or lies on its worse side (the baseline already beats an “at least” target), so it asks for no improvement and completion (vt − v0)/(V − v0) means nothing. The status is judged by whether the target is met instead.',
    },
    fix: {
      'zh-CN': '核对目标值和基期值；规划的意思是“保持”某一水平的，可改用逐年控制目标 `type: held`。',
      en: 'Check the target and the baseline; if the plan means to keep a level, use a target held every year, `type: held`.',
    },
    example: '# plan.yaml\nindicators:\n  - id: forest-cover\n    direction: higher\n    target:\n      year: 2026\n      value: 60\n      comparator: ">="\n# data/2021.yaml 中基期值为 61.5',
  },
  'cumulative-incomplete': {
    kinds: ['assess', 'reason'],
    severity: 'warning',
    title: { 'zh-CN': '累计值缺年度数据', en: 'Cumulative total lacks a year' },
    explain: {
      'zh-CN': '累计类指标的完成量是规划期内各年数值之和，其中有年份缺可用数据，累计完成量无法计算。作为原因，它列出所缺的年份和各年缺数的原因。',
      en: 'A cumulative indicator’s total is the sum of its yearly figures over the period; a year lacks a usable figure, so the total is unknown. As a reason it names the years and why each lacks one.',
    },
    fix: {
      'zh-CN': '在缺数年份的数据文件中补上当年数值；确实缺的，用 `missing:` 写明原因。',
      en: 'Add the year’s figure to the years that lack it; where there is none, give the reason with `missing:`.',
    },
    example: '# data/2023.yaml\nobservations:\n  new-jobs:\n    missing: 未公布\n# data/2024.yaml\nobservations:\n  new-jobs:\n    value: 2.1\n# 报告写作：累计值缺2023年数据，无法计算（2023年缺数：未公布）',
  },
  'report-year-before-base': {
    kinds: ['assess'],
    severity: 'warning',
    title: { 'zh-CN': '报告年份早于基期', en: 'Report year before the base year' },
    explain: {
      'zh-CN': '所选报告年份早于规划的基期年，没有可评估的内容。',
      en: 'The report year precedes the plan’s base year, so there is nothing to assess.',
    },
    fix: {
      'zh-CN': '选择基期年及以后的年份，例如 `cixi-plan report 2024`。',
      en: 'Choose a year from the base year on, e.g. `cixi-plan report 2024`.',
    },
    example: '$ cixi-plan report 2020   # plan.yaml 中 base_year: 2021',
  },
  'unit-converted': {
    kinds: ['assess'],
    severity: 'info',
    title: { 'zh-CN': '已按声明的换算关系换算单位', en: 'Converted from a declared unit' },
    explain: {
      'zh-CN': '数据以指标声明了换算关系的单位发布（指标的 `conversions`），已乘以换算系数换为指标的单位后使用，报告注明原值和换算系数。',
      en: 'The figure was published in a unit the indicator declares a conversion for (its `conversions`), so it was multiplied by the factor into the indicator’s unit, and the report shows the published value and the factor.',
    },
    fix: null,
    example: '# plan.yaml\nindicators:\n  - id: grain-output\n    unit: 万吨\n    conversions:\n      亿斤: 5\n# data/2024.yaml\nobservations:\n  grain-output:\n    value: 28\n    unit: 亿斤   # 报告写作：原值28亿斤，按×5换算',
  },
  'partner-missing': {
    kinds: ['assess', 'reason'],
    severity: 'info',
    title: { 'zh-CN': '对照指标缺当年数据', en: 'Indicator compared with has no figure' },
    explain: {
      'zh-CN': '比较类目标（如“与经济增长基本同步”）要与对照指标同一年份的数值比较；对照指标在所比较的年份没有可用数据，不作判断，状态为“无数据”。',
      en: 'A relative target (such as 与经济增长基本同步) compares with the other indicator’s figure of the same year; that indicator has no usable figure for the year compared, so there is no judgement and the status is 无数据 (no data).',
    },
    fix: {
      'zh-CN': '在该年数据文件中补上对照指标的数据，或用 `missing:` 写明原因。',
      en: 'Add the other indicator’s figure to that year’s file, or give the reason with `missing:`.',
    },
    example: '# data/2024.yaml\nobservations:\n  income-growth:\n    value: 5.1\n  gdp-growth:\n    missing: 未公布\n# 报告写作：对照指标地区生产总值增速缺2024年数据（2024年缺数：未公布），无法比较',
  },
  'growth-figures-missing': {
    kinds: ['assess', 'reason'],
    severity: 'warning',
    title: { 'zh-CN': '缺年度增速数据', en: 'Yearly growth figures missing' },
    explain: {
      'zh-CN': '年均增长类或规划期累计类目标无法计算：部分年份缺少按目标价格口径（可比价或现价）的年度增速，也没有公布的期间累计数。按可比价的目标不能用现价总量推算。',
      en: 'A growth or cumulative target cannot be measured: some years lack a yearly growth figure at the target’s prices (constant or current), and no published cumulative figure covers the span. A constant-price target is never worked out from current-price levels.',
    },
    fix: {
      'zh-CN': '在各年数据文件中填写公布的增速 `growth:` 并注明 `prices`（按可比价为 `constant`）；或填写公布的期间累计变化 `cumulative: {from: <起始年>, change: …}`。按现价的目标也可用各年总量 `value` 计算。',
      en: 'Write each year’s published `growth:` with its `prices` (`constant` for 按可比价), or a published change over the span as `cumulative: {from: <first year>, change: …}`. A current-price target can also be measured from the yearly `value`s.',
    },
    example: '# plan.yaml\nindicators:\n  - id: gdp\n    target:\n      type: growth\n      rate: 6\n      comparator: ">="\n      prices: constant\n# data/2022.yaml … data/2024.yaml 只有 value，没有 growth\n# 报告写作：缺2022—2024年按可比价计算的增速',
  },

  // ---------------------------------------------------------------------------------------
  // Reasons: why one year has no figure the assessment can use (FigureGap).

  'no-year-file': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '无该年数据文件', en: 'No data file for the year' },
    explain: {
      'zh-CN': '规划文件夹中没有这一年的数据文件，这一年所有指标都没有数据。',
      en: 'The plan folder has no data file for the year, so no indicator has a figure for it.',
    },
    fix: {
      'zh-CN': '新建 `data/<年份>.yaml`，为每个指标填写数据或 `missing: <原因>`。',
      en: 'Add `data/<year>.yaml` with each indicator’s figure or `missing: <reason>`.',
    },
    example: '无2024年数据文件',
  },
  'no-entry': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '数据文件未列此指标', en: 'No entry in the year file' },
    explain: {
      'zh-CN': '该年的数据文件中没有这个指标的条目（校验时另有 `observation-absent` 或 `baseline-missing` 提示）。',
      en: 'The year’s data file has no entry for the indicator (validation also reports `observation-absent` or `baseline-missing`).',
    },
    fix: {
      'zh-CN': '在该年数据文件的 `observations` 下补充此指标的数据，或写 `missing: <原因>`。',
      en: 'Add the indicator under `observations` in that year’s file, with its figure or `missing: <reason>`.',
    },
    example: '2024年数据文件未列此项',
  },
  'marked-missing': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '标明缺数', en: 'Marked missing' },
    explain: {
      'zh-CN': '该年的数据文件写明此指标缺数（`missing:`），报告照录所写的原因。',
      en: 'The year’s data file marks the indicator as missing (`missing:`), and the report quotes the reason given.',
    },
    fix: {
      'zh-CN': '数据公布后，把 `missing:` 换成 `value:`，并写明单位、口径和来源。',
      en: 'When the figure is published, replace `missing:` with `value:` and its unit, scope and source.',
    },
    example: '2024年缺数：未找到公开数据',
  },
  'entry-without-value': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '条目未给出数值', en: 'Entry gives no value' },
    explain: {
      'zh-CN': '该年有此指标的条目，但没有数值 `value`（可能只有增速 `growth`、累计变化 `cumulative` 或判断 `judgement`），需要数值的计算无法使用它。',
      en: 'The year has an entry for the indicator but no `value` (perhaps only a `growth`, a `cumulative` change or a `judgement`), so a computation that needs the level cannot use it.',
    },
    fix: {
      'zh-CN': '有公布的数值时，补上 `value`。',
      en: 'If the level was published, add it as `value`.',
    },
    example: '2024年未给出数值',
  },
} as const satisfies Record<string, CodeEntry>;
