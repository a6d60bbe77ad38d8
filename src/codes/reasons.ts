// Code catalogue: why a number of an indicator is unknown (see index.ts).

import type { CodeEntry } from './types.js';

export const REASON_CODES = {
  // ---------------------------------------------------------------------------------------
  // Reasons: why a number of an indicator's assessment is unknown, or a value stale (Reason).

  'before-base': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '报告年份早于基期年', en: 'Report year before the base year' },
    explain: {
      'zh-CN': '报告年份早于基期年，所有数值都无从计算。',
      en: 'The report year precedes the base year, so nothing can be computed.',
    },
    fix: {
      'zh-CN': '选择基期年及以后的报告年份。',
      en: 'Choose a report year from the base year on.',
    },
    example: '报告年份2020年早于基期2021年',
  },
  'no-target': {
    kinds: ['reason', 'status'],
    severity: null,
    title: { 'zh-CN': '监测指标，规划未设量化目标', en: 'Monitored only: no quantitative target' },
    explain: {
      'zh-CN': '规划只列出这个指标供监测，没有设定量化目标：不计算完成进度、所需增速和预测，状态为“无目标”；约束性指标列为“无法判断”。',
      en: 'The plan lists the indicator for monitoring only and sets no quantitative target: no completion, required growth or projection is computed, the status is 无目标 (no target), and a binding indicator is listed as 无法判断 (cannot be judged).',
    },
    fix: {
      'zh-CN': '规划确有目标的，在指标下补写 `target`；否则无需修改。',
      en: 'If the plan does set a target, add it as the indicator’s `target`; otherwise there is nothing to change.',
    },
    example: '监测指标，规划未设量化目标',
  },
  'qualitative-target': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '定性目标，不作量化计算', en: 'Qualitative target: nothing computed' },
    explain: {
      'zh-CN': '目标是定性表述（如“保持在合理区间”），不计算目标值、完成进度和预测；约束性指标列为“无法判断”。',
      en: 'The target is qualitative (such as 保持在合理区间), so no target value, completion or projection is computed, and a binding indicator is listed as 无法判断 (cannot be judged).',
    },
    fix: null,
    example: '定性目标，不作量化计算',
  },
  'no-value-in-range': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '期内均无可比数据', en: 'No comparable figure in the years searched' },
    explain: {
      'zh-CN': '从基期后一年（累计类从规划期第一年）到报告年份，都没有可比的数据；原因中同时说明报告年份为什么缺数。',
      en: 'No comparable figure exists from the year after the base year (for a cumulative indicator, the period’s first year) to the report year; the reason also says why the report year has none.',
    },
    fix: {
      'zh-CN': '在这些年份的数据文件中补充数据，或写明缺数原因。',
      en: 'Add the figures to those years’ files, or the reasons they are missing.',
    },
    example: '2022—2024年均无可比数据；2024年缺数：未找到公开数据',
  },
  stale: {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '沿用往年数据', en: 'Earlier figure used' },
    explain: {
      'zh-CN': '报告年份没有可用数据，沿用最近一年的可比数据；原因中写明所用年份和本年缺数的原因。',
      en: 'The report year has no usable figure, so the latest earlier comparable one is used; the reason names its year and why the report year has none.',
    },
    fix: {
      'zh-CN': '本年数据公布后，填入报告年份数据文件的 `value`。',
      en: 'When the year’s figure is published, write it as `value` in the report year’s file.',
    },
    example: '沿用2023年数据；2024年缺数：未公布',
  },
  'no-baseline': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '基期值不可用', en: 'Baseline unavailable' },
    explain: {
      'zh-CN': '基期年没有可用的数据，完成进度、增速和以基期值为基数的目标值都无法计算；原因中说明基期年为什么缺数。',
      en: 'The base year has no usable figure, so completion, growth and any target reckoned from the baseline cannot be computed; the reason says why the base year has none.',
    },
    fix: {
      'zh-CN': '在基期年数据文件中填写基期值；较基期变化目标也可在 `target.base` 中写明规划给出的基数。',
      en: 'Write the baseline in the base year’s file; a change target may instead give the plan’s own base as `target.base`.',
    },
    example: '缺2021年基期值：2021年数据文件未列此项',
  },
  'multiple-needs-baseline': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '倍增目标缺基期值', en: 'Multiple of a missing baseline' },
    explain: {
      'zh-CN': '目标是基期值的若干倍（如“翻番”），没有基期值就算不出目标值。',
      en: 'The target is a multiple of the baseline (翻番 is 2), and without a baseline there is no target value.',
    },
    fix: {
      'zh-CN': '在基期年数据文件中填写基期值。',
      en: 'Write the baseline in the base year’s file.',
    },
    example: '目标为基期值的2倍，缺基期值',
  },
  'period-not-started': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '规划期尚未开始', en: 'Period not started' },
    explain: {
      'zh-CN': '报告年份还在规划期第一年之前（如报告基期年），累计类指标和年均增长、期间累计类目标还没有可计算的数据。',
      en: 'The report year comes before the period’s first year (a report on the base year), so cumulative indicators and growth or cumulative targets have nothing to measure yet.',
    },
    fix: null,
    example: '规划期自2022年开始，尚无数据',
  },
  'non-positive': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '数值不为正，无法计算增速', en: 'Value not positive: no growth rate' },
    explain: {
      'zh-CN': '增速是两个数值之比，基期值、本年值或目标值为零或负数时无法计算（校验时另有 `growth-undefined` 提示）。',
      en: 'A growth rate is a ratio of two values and is undefined when the baseline, the value or the target is zero or negative (the assessment also reports `growth-undefined`).',
    },
    fix: {
      'zh-CN': '核对该数值是否录错；确为零或负数的，无需修改。',
      en: 'Check that the number was typed right; if it really is zero or negative, there is nothing to change.',
    },
    example: '基期值0家不为正数，无法计算增速',
  },
  'single-point': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '只有一个数据点', en: 'A single data point' },
    explain: {
      'zh-CN': '所用数据就是基期年的数据，只有一个时点，无法计算基期以来的增速，也无法据此预测。',
      en: 'The value used is the base year’s own, a single point in time, so no growth since the base year can be measured or projected.',
    },
    fix: null,
    example: '只有2021年一个数据点，无法计算增速',
  },
  'target-year-reached': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '已到目标年', en: 'Target year reached' },
    explain: {
      'zh-CN': '报告年份已到或已过目标年，不再计算实现目标尚需的年均增速。',
      en: 'The report year has reached or passed the target year, so the growth still required to reach the target is not computed.',
    },
    fix: null,
    example: '已到目标年2026年',
  },
  'value-at-target-year': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '所用数据已是目标年数据', en: 'Value already from the target year' },
    explain: {
      'zh-CN': '所用数据已是目标年或之后的数据，没有剩余年份，不再计算尚需的年均增速。',
      en: 'The value used is from the target year or later, so no years remain and no required growth is computed.',
    },
    fix: null,
    example: '所用数据已是目标年（2026年）或之后的数据',
  },
  'no-improvement-asked': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '目标不要求改善', en: 'Target asks for no improvement' },
    explain: {
      'zh-CN': '目标值等于基期值或比基期值还差，完成进度没有定义（评估时另有 `completion-undefined` 提示）。',
      en: 'The target equals the baseline or lies on its worse side, so completion is undefined (the assessment also reports `completion-undefined`).',
    },
    fix: {
      'zh-CN': '核对目标值与基期值；规划意在“保持”某一水平的，可改用逐年控制目标 `type: held`。',
      en: 'Check the target and the baseline; if the plan means to keep a level, use a target held every year, `type: held`.',
    },
    example: '目标≥60%不要求较基期值61.5%改善，完成进度无定义',
  },
  'not-finite': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '计算结果不是有限数', en: 'Result not a finite number' },
    explain: {
      'zh-CN': '计算中出现除以零或溢出，结果不是有限数，报告不列这个数。多见于目标值为零等特殊情形。',
      en: 'The computation divided by zero or overflowed, so the result is not a finite number and the report gives none. It mostly happens in edge cases such as a target of zero.',
    },
    fix: {
      'zh-CN': '核对相关的目标值和数据。',
      en: 'Check the target and the figures involved.',
    },
    example: '计算结果不是有限数',
  },
  'pace-undefined': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '序时进度无定义', en: 'Time pace undefined' },
    explain: {
      'zh-CN': '目标年不晚于基期年，序时进度（报告年份距基期的年数 ÷ 目标年距基期的年数）无法计算。',
      en: 'The target year is not after the base year, so the time pace (years since the base year over years from the base year to the target year) cannot be computed.',
    },
    fix: {
      'zh-CN': '核对目标年份 `target.year` 与基期年 `plan.base_year`。',
      en: 'Check the target year `target.year` and the base year `plan.base_year`.',
    },
    example: '目标年不晚于基期年，序时进度无定义',
  },
  'ratio-cap': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '累计上限类指标不计算进展比值', en: 'No progress ratio for a cumulative cap' },
    explain: {
      'zh-CN': '越低越好的累计类指标（累计上限）不计算供国际比较的进展比值（欧盟统计局方法）。',
      en: 'A cumulative indicator where lower is better (a cap) has no progress ratio (the Eurostat method used for international comparison).',
    },
    fix: null,
    example: '累计上限类指标不计算此比值',
  },
  'no-growth-required': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '目标不要求增长', en: 'Target asks for no growth' },
    explain: {
      'zh-CN': '目标相对基期不要求变化（所需增长为零，或目标不要求改善），完成进度或进展比值（欧盟统计局方法）无从计算。',
      en: 'The target asks for no change from the base (the required growth is zero, or no improvement is asked), so completion or the progress ratio (Eurostat method) cannot be computed.',
    },
    fix: null,
    example: '目标不要求增长',
  },
  'change-figures-missing': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '缺年度变化数据', en: 'Yearly changes missing' },
    explain: {
      'zh-CN': '规划期累计类目标（如〔13.5〕）由各年变化率连乘得出：部分年份既无公布的变化率，也无公布的期间累计数，又无可用的数值推算，无法计算。',
      en: 'A cumulative target over the period (such as 〔13.5〕) compounds the yearly changes; some years have no published change, no published change covers the span, and no levels are usable instead, so it cannot be measured.',
    },
    fix: {
      'zh-CN': '在各年数据文件中填写公布的年度变化率 `growth:`，或公布的期间累计变化 `cumulative: {from: <规划期第一年>, change: …}`，或基期年与当年的数值 `value`。',
      en: 'Write each year’s published change as `growth:`, or a published change over the span as `cumulative: {from: <first year of the period>, change: …}`, or the base year’s and the latest year’s `value`.',
    },
    example: '缺2023—2024年的年度变化数据',
  },
  'partner-unknown': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '对照指标未定义', en: 'Indicator compared with is not in the plan' },
    explain: {
      'zh-CN': '比较类目标的 `indicator` 指向规划中没有的指标，无从比较（校验时即报 `unknown-indicator` 错误）。',
      en: 'A relative target’s `indicator` names an indicator the plan does not have, so there is nothing to compare with (validation reports it as `unknown-indicator`).',
    },
    fix: {
      'zh-CN': '改成规划中声明的指标编号。',
      en: 'Use an indicator id the plan declares.',
    },
    example: '对照指标gdp-growh未在规划中定义',
  },
  'no-completion': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '此类目标不计算完成进度', en: 'No completion for this kind of target' },
    explain: {
      'zh-CN': '逐年控制、比较类和定性目标按各年是否达标或记录的判断评估，不计算完成进度、增速和预测。',
      en: 'Targets held every year, relative targets and qualitative targets are judged year by year or by a recorded judgement: no completion, growth rate or projection is computed.',
    },
    fix: null,
    example: '逐年达标类目标不计算完成进度',
  },
  'range-target': {
    kinds: ['reason'],
    severity: null,
    title: { 'zh-CN': '基期值已在目标区间内', en: 'Baseline already in the target range' },
    explain: {
      'zh-CN': '目标是一个区间（`min`～`max`），基期值已在区间内，没有需要靠近的目标值，完成进度没有定义；本年值仍在区间内即为已完成。',
      en: 'The target is a range (`min`–`max`) and the baseline already lies in it, so there is no value to move towards and completion is undefined; a value still in the range counts as met.',
    },
    fix: null,
    example: '基期值已在目标区间内，完成进度无定义',
  },
} as const satisfies Record<string, CodeEntry>;
