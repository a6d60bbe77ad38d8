// Code catalogue: why a status, a 预警 or a milestone status is what it is (see index.ts).

import type { CodeEntry } from './types.js';

export const STATUS_CODES = {
  // ---------------------------------------------------------------------------------------
  // Status rules: why an indicator has its status (StatusRule; no-target is above).

  qualitative: {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '定性目标，列示记录的判断', en: 'Qualitative target: the recorded judgement' },
    explain: {
      'zh-CN': '定性目标不计算状态，报告列示最近一次记录的判断（数据条目的 `judgement`）及其年份和来源，状态为“定性目标”。',
      en: 'A qualitative target gets no computed status: the report shows the latest recorded judgement (an observation’s `judgement`) with its year and source, and the status is 定性目标 (qualitative).',
    },
    fix: {
      'zh-CN': '有来源作出判断时，在当年数据文件中写 `judgement:`，并注明 `source`。',
      en: 'When a source gives a judgement, write it as `judgement:` with its `source` in that year’s file.',
    },
    example: '定性目标；2024年记录的判断：经济运行保持在合理区间',
  },
  'no-data': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '无法评估', en: 'Cannot be assessed' },
    explain: {
      'zh-CN': '缺少评估所需的数值，状态为“无数据”；其后附上具体原因（见各原因代码）。',
      en: 'A number the assessment needs is unknown, so the status is 无数据 (no data); the specific reason follows (see the reason codes).',
    },
    fix: {
      'zh-CN': '按所附原因补充数据或改正目标。',
      en: 'Add the data, or correct the target, as the reason says.',
    },
    example: '无法评估：2022—2024年均无可比数据；2024年缺数：未公布',
  },
  met: {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '已达到目标', en: 'Target met' },
    explain: {
      'zh-CN': '本年值（累计类为累计完成量）已满足目标，状态为“已完成”。累计上限等非“不低于”类的累计目标，须待目标期各年数据齐全才算完成；期间累计类目标已实现规定的变化即算完成。',
      en: 'The value (for a cumulative indicator, the total) already satisfies the target: the status is 已完成 (target met). A cumulative target that is not an “at least” counts only once every year of its span is in; a cumulative change over the period counts as soon as the change is achieved.',
    },
    fix: null,
    example: '本年值已达到目标',
  },
  'met-at-end': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '目标期结束时达到目标', en: 'Met at the end of its span' },
    explain: {
      'zh-CN': '年均增长或期间累计类目标，所用数据已到目标年，按整个目标期计算达到目标，状态为“已完成”。',
      en: 'A growth or cumulative target whose data reach the target year met the target over its whole span: the status is 已完成 (target met).',
    },
    fix: null,
    example: '目标期结束时达到目标',
  },
  'cap-broken': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '累计值已超过上限', en: 'Cumulative cap broken' },
    explain: {
      'zh-CN': '越低越好的累计类指标（累计上限），规划期内的累计值已超过上限，状态为“严重滞后”。',
      en: 'A cumulative indicator where lower is better (a cap) already totals more than the cap: the status is 严重滞后 (far behind).',
    },
    fix: null,
    example: '累计值已超过上限',
  },
  'cap-ahead': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '上限使用快于序时', en: 'Cap used faster than the pace' },
    explain: {
      'zh-CN': '累计上限已使用的比例比序时进度高出容差以上，照此下去将突破上限，状态为“滞后”。',
      en: 'The share of the cap already used runs ahead of the time pace by the tolerance or more, so it is on course to break the cap: the status is 滞后 (behind pace).',
    },
    fix: null,
    example: '上限使用进度快于序时进度',
  },
  'cap-within': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '累计值在上限之内', en: 'Within the cap' },
    explain: {
      'zh-CN': '累计值在上限之内，上限使用比例没有超出序时进度加容差，状态为“基本符合序时”。',
      en: 'The total stays within the cap, and the share used does not run ahead of the pace by the tolerance: the status is 基本符合序时 (on pace).',
    },
    fix: null,
    example: '累计值在上限之内，使用进度不快于序时进度',
  },
  'no-improvement-moved-worse': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '目标不要求改善，但数值已变差', en: 'No improvement asked, but moved the worse way' },
    explain: {
      'zh-CN': '目标不要求较基期改善（如目标值等于基期值），但本年值已向不利方向变化，未达到目标，状态为“严重滞后”。',
      en: 'The target asks for no improvement on the baseline (say, it equals the baseline), but the value has moved the worse way and misses it: the status is 严重滞后 (far behind).',
    },
    fix: null,
    example: '目标不要求改善，但数值已向不利方向变化',
  },
  'no-improvement-early': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '目标不要求改善，规划期刚开始', en: 'No improvement asked, early in the period' },
    explain: {
      'zh-CN': '目标不要求较基期改善，本年值尚未达到目标但也没有变差；序时进度还不到容差，暂按“基本符合序时”。',
      en: 'The target asks for no improvement on the baseline; the value does not meet it yet but has not moved the worse way, and the time pace is still below the tolerance: the status is 基本符合序时 (on pace) for now.',
    },
    fix: null,
    example: '目标不要求改善，规划期刚开始',
  },
  'no-improvement-late': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '目标要求的变化尚未实现', en: 'Required change not made yet' },
    explain: {
      'zh-CN': '目标不要求较基期改善，但本年值仍未达到目标（例如要求“高于”基期值而仍然持平）；序时进度已达到容差，状态为“滞后”。',
      en: 'The target asks for no improvement on the baseline, yet the value still misses it (say, it must be above the baseline and is level with it), and the time pace has reached the tolerance: the status is 滞后 (behind pace).',
    },
    fix: null,
    example: '目标要求的变化尚未实现',
  },
  'moving-away': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '完成进度为负，背离目标', en: 'Moving away from the target' },
    explain: {
      'zh-CN': '本年值比基期值离目标更远，完成进度为负，状态为“严重滞后”。',
      en: 'The value is further from the target than the baseline was, so completion is negative: the status is 严重滞后 (far behind).',
    },
    fix: {
      'zh-CN': '核对指标的 `direction` 和数据是否正确；无误的，这就是实际进展，无需修改。',
      en: 'Check the indicator’s `direction` and the figures; if they are right, this is the real progress and nothing is to change.',
    },
    example: '完成进度为负，正在远离目标',
  },
  'severe-shortfall': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '按当前速度远达不到目标', en: 'Projection falls far short' },
    explain: {
      'zh-CN': '按基期以来的速度推算到目标年，只能完成所需变化的一小部分（低于 `plan.assessment.severe_shortfall`，默认50%），状态为“严重滞后”。',
      en: 'At the pace seen since the base year, the projection to the target year achieves less than a set share of the required change (`plan.assessment.severe_shortfall`, 50% by default): the status is 严重滞后 (far behind).',
    },
    fix: null,
    example: '按当前速度到目标年只能完成所需变化的32.0%，低于50.0%',
  },
  ahead: {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '快于序时进度', en: 'Ahead of the time pace' },
    explain: {
      'zh-CN': '完成进度比序时进度高出容差（`plan.assessment.tolerance`，默认5个百分点）以上，状态为“快于序时”。',
      en: 'Completion runs ahead of the time pace by the tolerance (`plan.assessment.tolerance`, 5 points by default) or more: the status is 快于序时 (ahead of pace).',
    },
    fix: null,
    example: '完成进度高于序时进度',
  },
  behind: {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '慢于序时进度', en: 'Behind the time pace' },
    explain: {
      'zh-CN': '完成进度比序时进度低容差以上，状态为“滞后”。',
      en: 'Completion falls behind the time pace by the tolerance or more: the status is 滞后 (behind pace).',
    },
    fix: null,
    example: '完成进度低于序时进度',
  },
  'on-pace': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '与序时进度基本一致', en: 'In line with the time pace' },
    explain: {
      'zh-CN': '完成进度与序时进度相差不到容差，状态为“基本符合序时”。',
      en: 'Completion is within the tolerance of the time pace: the status is 基本符合序时 (on pace).',
    },
    fix: null,
    example: '完成进度与序时进度基本一致',
  },
  'missed-at-end': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '目标期结束时未达到目标', en: 'Missed at the end of its span' },
    explain: {
      'zh-CN': '年均增长或期间累计类目标，所用数据已到目标年，按整个目标期计算未达到目标，状态为“严重滞后”。',
      en: 'A growth or cumulative target whose data reach the target year missed the target over its whole span: the status is 严重滞后 (far behind).',
    },
    fix: null,
    example: '目标期结束时未达到目标',
  },
  held: {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '各年均达标', en: 'Held in every year' },
    explain: {
      'zh-CN': '逐年控制目标（如“控制在5.5%以内”）在每个有数据的年份都达标，状态为“达标”；没有数据的年份另行注明。',
      en: 'A target held every year (such as 控制在5.5%以内) holds in every year with data: the status is 达标 (holding); years without data are named.',
    },
    fix: null,
    example: '2022—2024年均达标',
  },
  breached: {
    kinds: ['status', 'warning'],
    severity: null,
    title: { 'zh-CN': '有年份未达标', en: 'Breached in some year' },
    explain: {
      'zh-CN': '作为状态依据：逐年控制目标在所列年份未达标，状态为“未达标”。作为预警依据：约束性的逐年控制目标或比较类目标未达标，列为预警。',
      en: 'As a status rule: a target held every year broke in the years named, and the status is 未达标 (breached). As an early-warning rule: a binding target held every year, or a binding relative target, is breached, which raises an early warning (预警).',
    },
    fix: null,
    example: '2023、2025年未达标',
  },
  'relative-holds': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '与对照指标相比达到要求', en: 'Holds against the indicator compared with' },
    explain: {
      'zh-CN': '比较类目标在最近一个有数据的年份，与对照指标同年的数值相比达到要求（“基本同步”允许规定的差额），状态为“达标”。',
      en: 'In the latest year with data, the relative target holds against the other indicator’s figure of that year (基本同步 allows the stated tolerance): the status is 达标 (holding).',
    },
    fix: null,
    example: '2024年与地区生产总值增速相比达到要求',
  },
  'relative-fails': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '与对照指标相比未达到要求', en: 'Fails against the indicator compared with' },
    explain: {
      'zh-CN': '比较类目标在最近一个有数据的年份，与对照指标同年的数值相比未达到要求，状态为“未达标”；约束性指标列为预警。',
      en: 'In the latest year with data, the relative target fails against the other indicator’s figure of that year: the status is 未达标 (breached), and a binding indicator raises an early warning (预警).',
    },
    fix: null,
    example: '2024年与地区生产总值增速相比未达到要求',
  },
  'out-of-range': {
    kinds: ['status'],
    severity: null,
    title: { 'zh-CN': '数值已超出目标区间', en: 'Value has left the target range' },
    explain: {
      'zh-CN': '目标是一个区间，基期值在区间内，而本年值已超出区间，状态为“严重滞后”。',
      en: 'The target is a range that the baseline lay in, and the value has left it: the status is 严重滞后 (far behind).',
    },
    fix: null,
    example: '基期值在目标区间内，本年值已超出区间',
  },

  // ---------------------------------------------------------------------------------------
  // Warning rules: why a binding indicator has a 预警 or none (WarningRule; breached is above).

  'projection-misses': {
    kinds: ['warning'],
    severity: null,
    title: { 'zh-CN': '预计达不到目标，列为预警', en: 'Projection misses the target: early warning' },
    explain: {
      'zh-CN': '约束性指标按基期以来的速度推算到目标年，达不到目标，列为预警。',
      en: 'A binding indicator projected to the target year at the pace seen since the base year misses its target, which raises an early warning (预警).',
    },
    fix: null,
    example: '按当前速度预计达不到目标',
  },
  'projection-meets': {
    kinds: ['warning'],
    severity: null,
    title: { 'zh-CN': '预计可以达到目标', en: 'Projection meets the target' },
    explain: {
      'zh-CN': '约束性指标按当前速度推算到目标年可以达到目标，不列预警。',
      en: 'A binding indicator projected to the target year at its current pace meets its target: no early warning.',
    },
    fix: null,
    example: '按当前速度预计可以达到目标',
  },
  holding: {
    kinds: ['warning'],
    severity: null,
    title: { 'zh-CN': '约束性目标各年均达标', en: 'Binding target holds' },
    explain: {
      'zh-CN': '约束性的逐年控制目标或比较类目标在有数据的年份均达标，不列预警。',
      en: 'A binding target held every year, or a binding relative target, holds in the years with data: no early warning.',
    },
    fix: null,
    example: '约束性目标各年均达标',
  },
  'no-judgement': {
    kinds: ['warning'],
    severity: null,
    title: { 'zh-CN': '约束性指标无法判断', en: 'Binding indicator cannot be judged' },
    explain: {
      'zh-CN': '约束性指标因无数据、无目标、定性目标或无法预测，不能判断是否预警，在总体评估中点名列出；只有全部约束性指标都已评估，报告才表述为“无预警”。',
      en: 'A binding indicator without data, without a target, with a qualitative target, or without a projection cannot be judged for an early warning; the summary names it, and “no early warning” is said only when every binding indicator was assessed.',
    },
    fix: {
      'zh-CN': '按所附原因补充数据或目标。',
      en: 'Add the data or the target the reason names.',
    },
    example: '无法判断：监测指标，规划未设量化目标',
  },

  // ---------------------------------------------------------------------------------------
  // Milestone rules: why a milestone has its status (MilestoneRule).

  done: {
    kinds: ['milestone'],
    severity: null,
    title: { 'zh-CN': '已完成', en: 'Done' },
    explain: {
      'zh-CN': '最近报告的进展为已完成（`state: done`），状态为“已完成”。',
      en: 'The latest state reported is done (`state: done`): the status is 已完成 (done).',
    },
    fix: null,
    example: '已于2025年6月完成',
  },
  'overdue-no-state': {
    kinds: ['milestone'],
    severity: null,
    title: { 'zh-CN': '已过完成时限，未报告进展', en: 'Overdue, no state reported' },
    explain: {
      'zh-CN': '报告年份已过完成时限，却从未报告进展，状态为“逾期”。',
      en: 'The due year has passed and no state was ever reported: the status is 逾期 (overdue).',
    },
    fix: {
      'zh-CN': '在年度数据文件的 `milestones` 下报告其进展（`state`、`date`、`source`）。',
      en: 'Report its state under `milestones` in a year file (`state`, `date`, `source`).',
    },
    example: '完成时限为2025年，截至2026年未报告进展',
  },
  overdue: {
    kinds: ['milestone'],
    severity: null,
    title: { 'zh-CN': '已过完成时限，尚未完成', en: 'Overdue' },
    explain: {
      'zh-CN': '报告年份已过完成时限，最近报告的进展仍不是已完成，状态为“逾期”。',
      en: 'The due year has passed and the latest state reported is not done: the status is 逾期 (overdue).',
    },
    fix: {
      'zh-CN': '如已完成，在当年数据文件中报告 `state: done` 及完成日期 `date`。',
      en: 'If it is done, report `state: done` with its `date` in that year’s file.',
    },
    example: '完成时限为2025年，2026年仍为“推进中”',
  },
  'late-expected': {
    kinds: ['milestone'],
    severity: null,
    title: { 'zh-CN': '预计完成时间晚于时限', en: 'Expected after the due year' },
    explain: {
      'zh-CN': '报告的预计完成时间（`expected`）晚于完成时限所在年份，状态为“存在风险”。',
      en: 'The expected completion reported (`expected`) falls after the due year: the status is 存在风险 (at risk).',
    },
    fix: null,
    example: '预计2027年12月完成，晚于完成时限2026年',
  },
  delayed: {
    kinds: ['milestone'],
    severity: null,
    title: { 'zh-CN': '报告为延期', en: 'Reported delayed' },
    explain: {
      'zh-CN': '最近报告的进展为延期（`state: delayed`），状态为“存在风险”。',
      en: 'The latest state reported is delayed (`state: delayed`): the status is 存在风险 (at risk).',
    },
    fix: null,
    example: '报告为延期',
  },
  'on-schedule': {
    kinds: ['milestone'],
    severity: null,
    title: { 'zh-CN': '按期推进', en: 'On schedule' },
    explain: {
      'zh-CN': '尚未过完成时限，已报告未启动或推进中，也没有晚于时限的预计完成时间，状态为“按期推进”。',
      en: 'The due year has not passed, a state of not started or in progress is reported, and no expected completion falls after the due year: the status is 按期推进 (on schedule).',
    },
    fix: null,
    example: '推进中，完成时限2026年',
  },
  'no-state': {
    kinds: ['milestone'],
    severity: null,
    title: { 'zh-CN': '未报告进展', en: 'No state reported' },
    explain: {
      'zh-CN': '尚未过完成时限，但还没有报告任何进展，状态为“无数据”。',
      en: 'The due year has not passed, but no state has been reported: the status is 无数据 (no data).',
    },
    fix: {
      'zh-CN': '在年度数据文件的 `milestones` 下报告其进展。',
      en: 'Report its state under `milestones` in a year file.',
    },
    example: '截至2024年未报告进展',
  },
} as const satisfies Record<string, CodeEntry>;
