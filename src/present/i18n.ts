// Every word of the report in its two languages: section titles, column headers,
// status names, units, sentences with numbers slotted in. One place to translate;
// the present stage picks a language and never writes a label itself.

import {
  INDICATOR_STATUS_LABELS_EN,
  INDICATOR_STATUS_LABELS_ZH,
  MILESTONE_STATUS_LABELS_EN,
  MILESTONE_STATUS_LABELS_ZH,
  type IndicatorStatus,
  type MilestoneStatus,
} from '../assess/types.js';
import type { Attribute, Comparator, IndicatorKind, MilestoneStateName, ObservationStatus } from '../model.js';

/** A report language. */
export type Lang = 'zh-CN' | 'en';

/** Every report language, the default first. */
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** Whether a string names a report language. */
export function isLang(text: string): text is Lang {
  return (LANGS as readonly string[]).includes(text);
}

/** The words and sentences of one language. */
export interface Messages {
  /** BCP 47 locale for Intl formatting. */
  locale: string;
  /** Placeholder for a number that is not known. */
  none: string;
  /** Separator of items in a running list ("、" or ", "). */
  listSep: string;
  /** Separator between a label and its value. */
  colon: string;
  /** Punctuation around a parenthetical. */
  paren: (text: string) => string;
  reportTitle: (planTitle: string, year: number) => string;
  shortTitle: (region: string, year: number) => string;
  reportSubtitle: string;
  generator: string;

  sections: {
    contents: string;
    cover: string;
    overview: string;
    statusTable: string;
    pillars: string;
    actions: string;
    milestones: string;
    dataNotes: string;
  };

  cover: {
    plan: string;
    region: string;
    organisation: string;
    reportYear: string;
    period: string;
    generatedAt: string;
    dataStatus: string;
    yearText: (year: number) => string;
    periodText: (start: number, end: number, base: number) => string;
    dataStatusText: (current: number, stale: number, missing: number, total: number, year: number) => string;
    current: string;
    stale: string;
    missing: string;
  };

  overview: {
    timePace: (year: number, pace: string) => string;
    indicatorCounts: string;
    milestoneCounts: string;
    status: string;
    count: string;
    total: string;
    highlights: string;
    warnings: string;
    noWarnings: string;
    assessedShare: (total: number, assessed: number, onOrAhead: number, share: string) => string;
    nothingAssessed: (total: number) => string;
    statusList: (label: string, count: number, names: string) => string;
    noDataList: (count: number, names: string) => string;
    staleList: (count: number, names: string) => string;
    milestoneLine: (parts: string) => string;
    milestonePart: (label: string, count: number) => string;
    warningText: (year: number, projection: string, target: string) => string;
  };

  table: {
    caption: (year: number) => string;
    pillar: string;
    indicator: string;
    unit: string;
    attribute: string;
    baseline: string;
    value: string;
    target: string;
    completion: string;
    pace: string;
    status: string;
    warningMark: string;
    staleNote: string;
    paceNote: string;
  };

  pillar: {
    goal: string;
    summary: (indicators: number, assessed: number, onOrAhead: number, warnings: number) => string;
    noIndicators: string;
    trendTable: (name: string) => string;
    year: string;
    observed: string;
    targetRow: string;
    projectionRow: string;
    chartTitle: (name: string, unit: string) => string;
    noChart: string;
    progressTitle: (name: string) => string;
    progressDesc: (completion: string, pace: string) => string;
    completionLabel: (text: string) => string;
    paceLabel: (text: string) => string;
    noProgress: string;
    legendObserved: string;
    legendBaseline: string;
    legendTarget: string;
    legendProjection: string;
    baselineMark: (year: number, value: string) => string;
    targetMark: (year: number, value: string) => string;
    projectionMark: (year: number, value: string) => string;
    cumulativeObserved: string;
    facts: {
      attainment: string;
      gap: string;
      gapShort: (amount: string) => string;
      gapBeyond: (amount: string) => string;
      gapAt: string;
      growthSoFar: string;
      growthRequired: string;
      annualGrowthTarget: string;
      projection: (year: number) => string;
      progressCategory: string;
      kind: string;
      scope: string;
      direction: string;
    };
    descParts: {
      baseline: (year: number, value: string) => string;
      observed: (year: number, value: string) => string;
      target: (year: number, value: string) => string;
      projection: (year: number, value: string) => string;
      none: string;
    };
  };

  action: {
    pillar: string;
    measures: string;
    indicators: string;
    milestones: string;
    noIndicators: string;
    noMilestones: string;
    summary: (indicators: number, assessed: number, onOrAhead: number, milestones: number) => string;
    ordinal: (n: number) => string;
    heading: (n: number, title: string) => string;
  };

  milestones: {
    caption: (year: number) => string;
    name: string;
    action: string;
    due: string;
    state: string;
    expected: string;
    status: string;
    note: string;
    doneWhen: string;
    empty: string;
    dueText: (year: number) => string;
    stateText: (state: string, date: string | null, year: number | null) => string;
    noState: string;
    reasons: {
      done: (date: string | null) => string;
      overdueNoState: (due: number, year: number) => string;
      overdue: (due: number, state: string, year: number) => string;
      atRiskExpected: (expected: string, due: number) => string;
      delayed: string;
      onSchedule: (state: string, due: number) => string;
      noData: (year: number) => string;
    };
  };

  notes: {
    figures: string;
    figuresCaption: (year: number) => string;
    indicator: string;
    figure: string;
    year: string;
    value: string;
    status: string;
    source: string;
    note: string;
    baselineRow: string;
    valueRow: string;
    quality: string;
    qualityEmpty: string;
    location: string;
    staleMissing: string;
    staleHeading: string;
    missingHeading: string;
    staleEmpty: string;
    missingEmpty: string;
    sources: string;
    publisher: string;
    date: string;
    methodology: string;
    methodologyText: (tolerance: string, severe: string) => string[];
    published: (date: string) => string;
    vintage: (vintage: string) => string;
    measure: (measure: string) => string;
  };

  reasons: {
    staleUsing: (used: number, why: string) => string;
    markedMissing: (year: number, reason: string) => string;
    noEntry: (year: number) => string;
    noYearFile: (year: number) => string;
    notComparable: (year: number, what: string) => string;
    noValueInRange: (from: number, to: number) => string;
    noBaseline: (year: number, why: string) => string;
    noTarget: string;
    cumulativeIncomplete: (year: number) => string;
    cumulativeFlow: (year: number) => string;
    bound: (kind: 'at-least' | 'at-most') => string;
  };

  indicatorStatus: Readonly<Record<IndicatorStatus, string>>;
  milestoneStatus: Readonly<Record<MilestoneStatus, string>>;
  milestoneState: Readonly<Record<MilestoneStateName, string>>;
  attribute: Readonly<Record<Attribute, string>>;
  kind: Readonly<Record<IndicatorKind, string>>;
  direction: Readonly<Record<'higher' | 'lower', string>>;
  observationStatus: Readonly<Record<ObservationStatus, string>>;
  progressCategory: Readonly<Record<'significant' | 'moderate' | 'insufficient' | 'moving_away', string>>;
  comparator: Readonly<Record<Comparator, string>>;
  /** Units the plan writes in Chinese, as they read in this language. */
  units: Readonly<Record<string, string>>;
  /** Rate units: per year, percentage points. */
  perYear: (unit: string) => string;
  percentagePoints: string;
  multipleTarget: (k: string, value: string | null) => string;
  /** Localized titles of diagnostic codes; unknown codes fall back to the message. */
  diagnosticCodes: Readonly<Record<string, string>>;
  severity: Readonly<Record<'error' | 'warning' | 'info', string>>;
}

const COMPARATORS: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

const zh: Messages = {
  locale: 'zh-CN',
  none: '—',
  listSep: '、',
  colon: '：',
  paren: (t) => `（${t}）`,
  reportTitle: (title, year) => `${title}${year}年度实施进展报告`,
  shortTitle: (region, year) => `${region}${year}年度五年规划实施进展报告`,
  reportSubtitle: '五年规划主要指标与重大项目监测评估',
  generator: '由 cixi-plan 根据规划与统计数据自动生成',

  sections: {
    contents: '目录',
    cover: '封面',
    overview: '一、总体评估',
    statusTable: '二、主要指标完成情况表',
    pillars: '三、分领域指标',
    actions: '四、十大行动',
    milestones: '五、重大项目与里程碑',
    dataNotes: '六、数据说明',
  },

  cover: {
    plan: '规划',
    region: '地区',
    organisation: '编制单位',
    reportYear: '报告年度',
    period: '规划期',
    generatedAt: '生成日期',
    dataStatus: '数据状况',
    yearText: (y) => `${y}年`,
    periodText: (s, e, b) => `${s}—${e}年（基期${b}年）`,
    dataStatusText: (cur, stale, miss, total, y) =>
      `共${total}项指标，其中${cur}项有${y}年数据，${stale}项沿用往年数据，${miss}项无数据`,
    current: '本年数据',
    stale: '沿用往年数据',
    missing: '无数据',
  },

  overview: {
    timePace: (y, p) => `截至${y}年，规划期序时进度为${p}。`,
    indicatorCounts: '指标完成情况',
    milestoneCounts: '重大项目与里程碑进展',
    status: '状态',
    count: '数量',
    total: '合计',
    highlights: '要点',
    warnings: '预警',
    noWarnings: '本年无约束性指标预警。',
    assessedShare: (total, assessed, ok, share) =>
      `${total}项指标中${assessed}项可评估，其中${ok}项达到或快于序时进度，占${share}。`,
    nothingAssessed: (total) => `${total}项指标均无法评估（无目标或无数据）。`,
    statusList: (label, n, names) => `${label}（${n}项）：${names}。`,
    noDataList: (n, names) => `无数据（${n}项）：${names}。`,
    staleList: (n, names) => `沿用往年数据（${n}项）：${names}。`,
    milestoneLine: (parts) => `重大项目与里程碑：${parts}。`,
    milestonePart: (label, n) => `${label}${n}项`,
    warningText: (y, proj, target) => `按目前进度预计${y}年为${proj}，未达到目标${target}。`,
  },

  table: {
    caption: (y) => `${y}年主要指标完成情况`,
    pillar: '类别',
    indicator: '指标',
    unit: '单位',
    attribute: '属性',
    baseline: '基期值',
    value: '本年值',
    target: '目标值',
    completion: '完成进度',
    pace: '序时进度',
    status: '状态',
    warningMark: '预警',
    staleNote: '本年值后括注年份的，为沿用的往年数据。',
    paceNote: '序时进度按所用数据的年份计算：(数据年份 − 基期年)/(目标年 − 基期年)。',
  },

  pillar: {
    goal: '目标',
    summary: (n, a, ok, w) => `本领域${n}项指标，${a}项可评估，${ok}项达到或快于序时进度，预警${w}项。`,
    noIndicators: '本领域无量化指标。',
    trendTable: (name) => `${name}历年数值`,
    year: '年份',
    observed: '实际值',
    targetRow: '目标值',
    projectionRow: '预测值',
    chartTitle: (name, unit) => `${name}（${unit}）`,
    noChart: '无可绘制的数据。',
    progressTitle: (name) => `${name}完成进度`,
    progressDesc: (c, p) => `完成进度${c}，序时进度${p}。`,
    completionLabel: (t) => `完成 ${t}`,
    paceLabel: (t) => `序时 ${t}`,
    noProgress: '完成进度无法计算',
    legendObserved: '实际值',
    legendBaseline: '基期值',
    legendTarget: '目标值',
    legendProjection: '按当前速度预测',
    baselineMark: (y, v) => `基期${y}：${v}`,
    targetMark: (y, v) => `目标${y}：${v}`,
    projectionMark: (y, v) => `预测${y}：${v}`,
    cumulativeObserved: '累计值',
    facts: {
      attainment: '目标完成率',
      gap: '距目标',
      gapShort: (a) => `尚差${a}`,
      gapBeyond: (a) => `已超出${a}`,
      gapAt: '恰好达到',
      growthSoFar: '基期以来年均变化',
      growthRequired: '实现目标需年均变化',
      annualGrowthTarget: '规划年均增长目标',
      projection: (y) => `${y}年预测值`,
      progressCategory: '进展评价（欧盟统计局方法）',
      kind: '指标类型',
      scope: '统计口径',
      direction: '方向',
    },
    descParts: {
      baseline: (y, v) => `${y}年基期值${v}`,
      observed: (y, v) => `${y}年${v}`,
      target: (y, v) => `${y}年目标${v}`,
      projection: (y, v) => `按当前速度预计${y}年为${v}`,
      none: '无数据',
    },
  },

  action: {
    pillar: '所属领域',
    measures: '主要举措',
    indicators: '相关指标',
    milestones: '重大项目与里程碑',
    noIndicators: '无相关量化指标。',
    noMilestones: '无相关里程碑。',
    summary: (n, a, ok, m) => `相关指标${n}项（${a}项可评估，${ok}项达到或快于序时进度），里程碑${m}项。`,
    ordinal: (n) => `行动${zhNumber(n)}`,
    heading: (n, t) => `行动${zhNumber(n)}　${t}`,
  },

  milestones: {
    caption: (y) => `${y}年重大项目与里程碑进展`,
    name: '项目',
    action: '所属行动',
    due: '完成时限',
    state: '最新进展',
    expected: '预计完成',
    status: '评估',
    note: '说明',
    doneWhen: '完成标准',
    empty: '规划未列重大项目或里程碑。',
    dueText: (y) => `${y}年`,
    stateText: (s, d, y) => (d ? `${s}（${d}）` : y !== null ? `${s}（${y}年）` : s),
    noState: '未报告',
    reasons: {
      done: (d) => (d ? `已于${d}完成` : '已完成'),
      overdueNoState: (due, y) => `完成时限为${due}年，截至${y}年未报告进展`,
      overdue: (due, s, y) => `完成时限为${due}年，${y}年仍为“${s}”`,
      atRiskExpected: (e, due) => `预计${e}完成，晚于完成时限${due}年`,
      delayed: '报告为延期',
      onSchedule: (s, due) => `${s}，完成时限${due}年`,
      noData: (y) => `截至${y}年未报告进展`,
    },
  },

  notes: {
    figures: '（一）数据来源与状态',
    figuresCaption: (y) => `${y}年报告所用数据`,
    indicator: '指标',
    figure: '数据',
    year: '年份',
    value: '数值',
    status: '数据状态',
    source: '来源',
    note: '说明',
    baselineRow: '基期值',
    valueRow: '本年值',
    quality: '（二）数据质量提示',
    qualityEmpty: '校验未发现数据质量问题。',
    location: '位置',
    staleMissing: '（三）沿用与缺失的数据',
    staleHeading: '沿用往年数据',
    missingHeading: '无数据',
    staleEmpty: '无沿用往年数据的指标。',
    missingEmpty: '所有指标均有数据。',
    sources: '（四）资料来源',
    publisher: '发布单位',
    date: '日期',
    methodology: '（五）计算方法',
    methodologyText: (tol, severe) => [
      '序时进度：报告年份距基期的年数占基期至目标年年数的比例。例如基期2021年、目标年2026年，2024年的序时进度为60%。',
      '完成进度：(本年值 − 基期值) ÷ (目标值 − 基期值)；累计类指标为规划期内累计完成量 ÷ 累计目标；倍增（翻番）类指标的目标值为基期值乘以倍数。',
      `评估状态：已达到目标的为“已完成”；完成进度高于序时进度${tol}以上为“快于序时”，相差不超过${tol}为“基本符合序时”，低于序时进度${tol}以上为“滞后”；完成进度为负，或按当前速度到目标年只能完成所需变化的${severe}以下的，为“严重滞后”。`,
      '预测：按基期以来的年均增速（比重、比率与位次类指标按年均变化量）推算到目标年。约束性指标预测值达不到目标的，列为“预警”。',
      '本年无数据的，沿用最近一年的可比数据并注明年份；单位或统计口径与目标不一致的数据不参与计算。',
      '全部计算的输入、公式与结果见同目录下的 assessment.json。',
    ],
    published: (d) => `发布于${d}`,
    vintage: (v) => `口径：${v}`,
    measure: (m) => `原文名称：${m}`,
  },

  reasons: {
    staleUsing: (used, why) => `沿用${used}年数据；${why}`,
    markedMissing: (y, r) => `${y}年缺数：${r}`,
    noEntry: (y) => `${y}年数据文件未列此项`,
    noYearFile: (y) => `无${y}年数据文件`,
    notComparable: (y, what) => `${y}年数据${what}与目标不一致，不可比`,
    noValueInRange: (from, to) => `${from}—${to}年均无可比数据`,
    noBaseline: (y, why) => `缺${y}年基期值：${why}`,
    noTarget: '监测指标，规划未设量化目标',
    cumulativeIncomplete: (y) => `累计值缺${y}年数据，无法计算`,
    cumulativeFlow: (y) => `${y}年当年值`,
    bound: (k) => (k === 'at-least' ? '来源只给出下限' : '来源只给出上限'),
  },

  indicatorStatus: INDICATOR_STATUS_LABELS_ZH,
  milestoneStatus: MILESTONE_STATUS_LABELS_ZH,
  milestoneState: { 'not-started': '未启动', 'in-progress': '推进中', done: '已完成', delayed: '延期' },
  attribute: { expected: '预期性', binding: '约束性' },
  kind: {
    level: '总量',
    percentage: '比重',
    ratio: '比率',
    count: '数量',
    cumulative: '累计',
    multiple: '倍增',
    rank: '位次',
  },
  direction: { higher: '越高越好', lower: '越低越好' },
  observationStatus: { preliminary: '初步核算', final: '核实数', estimate: '预计数' },
  progressCategory: {
    significant: '显著进展',
    moderate: '适度进展',
    insufficient: '进展不足',
    moving_away: '背离目标',
  },
  comparator: COMPARATORS,
  units: {},
  perYear: (u) => `${u}/年`,
  percentagePoints: '个百分点',
  multipleTarget: (k, v) => (v === null ? `基期值×${k}` : `${v}（基期值×${k}）`),
  diagnosticCodes: {
    'unit-mismatch': '单位与指标不一致',
    'scope-mismatch': '统计口径与指标不一致',
    'not-comparable': '单位或口径不可比，未使用',
    'preliminary-value': '初步核算数，可能修订',
    'estimated-value': '预计数，非实际统计数',
    'baseline-estimate': '基期值为预计数',
    'bound-value': '来源只给出上限或下限',
    'measure-differs': '发布名称与指标不同，定义可能不一致',
    'implausible-jump': '同比变化异常',
    'mixed-vintage': '数据口径版本不一致',
    'observation-absent': '数据文件未列此项',
    'baseline-missing': '缺基期值',
    'base-year-file-missing': '缺基期年数据文件',
    'stale-value': '本年无数据，沿用往年数据',
    'no-value': '无可用数据',
    'growth-undefined': '增速无法计算',
    'completion-undefined': '完成进度无定义',
    'cumulative-incomplete': '累计值缺年度数据',
    'action-pillar-mismatch': '指标所属领域与行动不一致',
    'rank-direction': '位次指标方向存疑',
  },
  severity: { error: '错误', warning: '警告', info: '提示' },
};

const en: Messages = {
  locale: 'en',
  none: '—',
  listSep: ', ',
  colon: ': ',
  paren: (t) => ` (${t})`,
  reportTitle: (title, year) => `${title}: progress report ${year}`,
  shortTitle: (region, year) => `${region}: five-year plan progress report ${year}`,
  reportSubtitle: 'Monitoring the five-year plan’s main indicators and major projects',
  generator: 'Generated by cixi-plan from the plan and its statistics',

  sections: {
    contents: 'Contents',
    cover: 'Cover',
    overview: 'Overall assessment',
    statusTable: 'Main indicators',
    pillars: 'Indicators by pillar',
    actions: 'The ten actions',
    milestones: 'Major projects and milestones',
    dataNotes: 'About the data',
  },

  cover: {
    plan: 'Plan',
    region: 'Region',
    organisation: 'Prepared by',
    reportYear: 'Report year',
    period: 'Plan period',
    generatedAt: 'Generated on',
    dataStatus: 'Data status',
    yearText: (y) => String(y),
    periodText: (s, e, b) => `${s}–${e} (base year ${b})`,
    dataStatusText: (cur, stale, miss, total, y) =>
      `${total} indicators: ${cur} with ${y} data, ${stale} using an earlier year’s data, ${miss} without data`,
    current: 'Current data',
    stale: 'Earlier year’s data',
    missing: 'No data',
  },

  overview: {
    timePace: (y, p) => `By ${y}, ${p} of the plan period has elapsed (time pace).`,
    indicatorCounts: 'Indicators by status',
    milestoneCounts: 'Major projects and milestones by status',
    status: 'Status',
    count: 'Count',
    total: 'Total',
    highlights: 'Highlights',
    warnings: 'Early warnings',
    noWarnings: 'No binding indicator has an early warning this year.',
    assessedShare: (total, assessed, ok, share) =>
      `Of ${total} indicators, ${assessed} can be assessed; ${ok} of them are on or ahead of pace (${share}).`,
    nothingAssessed: (total) => `None of the ${total} indicators can be assessed (no target or no data).`,
    statusList: (label, n, names) => `${capitalize(label)} (${n}): ${names}.`,
    noDataList: (n, names) => `No data (${n}): ${names}.`,
    staleList: (n, names) => `Using an earlier year’s data (${n}): ${names}.`,
    milestoneLine: (parts) => `Major projects and milestones: ${parts}.`,
    milestonePart: (label, n) => `${n} ${label}`,
    warningText: (y, proj, target) => `At the current pace it is projected at ${proj} in ${y}, missing the target ${target}.`,
  },

  table: {
    caption: (y) => `Main indicators in ${y}`,
    pillar: 'Pillar',
    indicator: 'Indicator',
    unit: 'Unit',
    attribute: 'Type',
    baseline: 'Baseline',
    value: 'Latest',
    target: 'Target',
    completion: 'Completion',
    pace: 'Time pace',
    status: 'Status',
    warningMark: 'warning',
    staleNote: 'A year in brackets after the latest value marks an earlier year’s figure.',
    paceNote: 'Time pace is computed for the year of the value used: (value year − base year)/(target year − base year).',
  },

  pillar: {
    goal: 'Goal',
    summary: (n, a, ok, w) =>
      `${n} indicators, ${a} assessed, ${ok} on or ahead of pace, ${w} early warning${w === 1 ? '' : 's'}.`,
    noIndicators: 'This pillar has no quantitative indicators.',
    trendTable: (name) => `${name}: values by year`,
    year: 'Year',
    observed: 'Observed',
    targetRow: 'Target',
    projectionRow: 'Projected',
    chartTitle: (name, unit) => `${name} (${unit})`,
    noChart: 'No data to chart.',
    progressTitle: (name) => `${name}: completion`,
    progressDesc: (c, p) => `Completion ${c}, time pace ${p}.`,
    completionLabel: (t) => `done ${t}`,
    paceLabel: (t) => `pace ${t}`,
    noProgress: 'Completion cannot be computed',
    legendObserved: 'Observed',
    legendBaseline: 'Baseline',
    legendTarget: 'Target',
    legendProjection: 'Projected at current pace',
    baselineMark: (y, v) => `baseline ${y}: ${v}`,
    targetMark: (y, v) => `target ${y}: ${v}`,
    projectionMark: (y, v) => `projected ${y}: ${v}`,
    cumulativeObserved: 'Cumulative',
    facts: {
      attainment: 'Attainment',
      gap: 'Gap to target',
      gapShort: (a) => `${a} short`,
      gapBeyond: (a) => `${a} beyond`,
      gapAt: 'exactly at target',
      growthSoFar: 'Yearly change since the base year',
      growthRequired: 'Yearly change needed to meet the target',
      annualGrowthTarget: 'Planned annual growth',
      projection: (y) => `Projected ${y}`,
      progressCategory: 'Progress (Eurostat method)',
      kind: 'Kind',
      scope: 'Scope',
      direction: 'Direction',
    },
    descParts: {
      baseline: (y, v) => `baseline ${v} in ${y}`,
      observed: (y, v) => `${v} in ${y}`,
      target: (y, v) => `target ${v} by ${y}`,
      projection: (y, v) => `projected ${v} in ${y} at the current pace`,
      none: 'no data',
    },
  },

  action: {
    pillar: 'Pillar',
    measures: 'Main measures',
    indicators: 'Indicators',
    milestones: 'Major projects and milestones',
    noIndicators: 'No quantitative indicator.',
    noMilestones: 'No milestone.',
    summary: (n, a, ok, m) =>
      `${n} indicator${n === 1 ? '' : 's'} (${a} assessed, ${ok} on or ahead of pace), ${m} milestone${m === 1 ? '' : 's'}.`,
    ordinal: (n) => `Action ${n}`,
    heading: (n, t) => `Action ${n}: ${t}`,
  },

  milestones: {
    caption: (y) => `Major projects and milestones in ${y}`,
    name: 'Project',
    action: 'Action',
    due: 'Due',
    state: 'Latest state',
    expected: 'Expected',
    status: 'Assessment',
    note: 'Note',
    doneWhen: 'Done when',
    empty: 'The plan lists no major projects or milestones.',
    dueText: (y) => String(y),
    stateText: (s, d, y) => (d ? `${s} (${d})` : y !== null ? `${s} (${y})` : s),
    noState: 'not reported',
    reasons: {
      done: (d) => (d ? `done (${d})` : 'done'),
      overdueNoState: (due, y) => `due in ${due}; no state reported by ${y}`,
      overdue: (due, s, y) => `due in ${due}; still ${s} in ${y}`,
      atRiskExpected: (e, due) => `expected ${e}, after the due year ${due}`,
      delayed: 'reported delayed',
      onSchedule: (s, due) => `${s}, due in ${due}`,
      noData: (y) => `no state reported by ${y}`,
    },
  },

  notes: {
    figures: 'Sources and status of the figures',
    figuresCaption: (y) => `Figures used in the ${y} report`,
    indicator: 'Indicator',
    figure: 'Figure',
    year: 'Year',
    value: 'Value',
    status: 'Status',
    source: 'Source',
    note: 'Note',
    baselineRow: 'Baseline',
    valueRow: 'Latest',
    quality: 'Data-quality warnings',
    qualityEmpty: 'Validation found no data-quality problem.',
    location: 'Location',
    staleMissing: 'Earlier and missing data',
    staleHeading: 'Using an earlier year’s data',
    missingHeading: 'No data',
    staleEmpty: 'No indicator uses an earlier year’s data.',
    missingEmpty: 'Every indicator has data.',
    sources: 'Sources',
    publisher: 'Publisher',
    date: 'Date',
    methodology: 'Methodology',
    methodologyText: (tol, severe) => [
      'Time pace: the years elapsed since the base year as a share of the years from the base year to the target year. With base year 2021 and target year 2026, the time pace of 2024 is 60%.',
      'Completion: (latest value − baseline) ÷ (target − baseline); for cumulative targets, the total achieved in the period ÷ the total target; for “multiple of baseline” targets (such as doubling) the target is the baseline times the multiple.',
      `Status: “target met” once the target is reached; “ahead of pace” when completion exceeds the time pace by more than ${tol}; “on pace” within ${tol}; “behind pace” when it falls short by more than ${tol}; “far behind” when completion is negative or the projection reaches less than ${severe} of the required change.`,
      'Projection: the average yearly growth since the base year (for shares, ratios and ranks, the average yearly change) carried forward to the target year. A binding indicator whose projection misses its target gets an early warning.',
      'When the report year has no figure, the latest earlier comparable figure is used and its year is shown. Figures in another unit or scope than the target’s are not used.',
      'Every input, formula and result is in assessment.json next to this report.',
    ],
    published: (d) => `published ${d}`,
    vintage: (v) => `vintage: ${v}`,
    measure: (m) => `published as: ${m}`,
  },

  reasons: {
    staleUsing: (used, why) => `using ${used} data; ${why}`,
    markedMissing: (y, r) => `${y} missing: ${r}`,
    noEntry: (y) => `the ${y} data file has no entry`,
    noYearFile: (y) => `no data file for ${y}`,
    notComparable: (y, what) => `the ${y} figure’s ${what} differs from the target’s: not comparable`,
    noValueInRange: (from, to) => `no comparable figure in ${from}–${to}`,
    noBaseline: (y, why) => `no ${y} baseline: ${why}`,
    noTarget: 'monitored only: the plan sets no quantitative target',
    cumulativeIncomplete: (y) => `the total lacks the ${y} figure`,
    cumulativeFlow: (y) => `${y} flow`,
    bound: (k) => (k === 'at-least' ? 'the source gives only a lower bound' : 'the source gives only an upper bound'),
  },

  indicatorStatus: INDICATOR_STATUS_LABELS_EN,
  milestoneStatus: MILESTONE_STATUS_LABELS_EN,
  milestoneState: { 'not-started': 'not started', 'in-progress': 'in progress', done: 'done', delayed: 'delayed' },
  attribute: { expected: 'expected', binding: 'binding' },
  kind: {
    level: 'level',
    percentage: 'percentage',
    ratio: 'ratio',
    count: 'count',
    cumulative: 'cumulative',
    multiple: 'multiple of baseline',
    rank: 'rank',
  },
  direction: { higher: 'higher is better', lower: 'lower is better' },
  observationStatus: { preliminary: 'preliminary', final: 'final', estimate: 'estimate' },
  progressCategory: {
    significant: 'significant progress',
    moderate: 'moderate progress',
    insufficient: 'insufficient progress',
    moving_away: 'moving away',
  },
  comparator: COMPARATORS,
  units: {
    亿元: '100 million yuan',
    万元: '10,000 yuan',
    元: 'yuan',
    家: 'enterprises',
    条: 'chains',
    位: 'place',
    人: 'persons',
    个: 'units',
    项: 'items',
    天: 'days',
    年: 'years',
    岁: 'years of age',
    公里: 'km',
    平方公里: 'km²',
    万人: '10,000 persons',
    万吨: '10,000 tonnes',
    吨: 'tonnes',
  },
  perYear: (u) => `${u}/yr`,
  percentagePoints: ' pp',
  multipleTarget: (k, v) => (v === null ? `${k} × baseline` : `${v} (${k} × baseline)`),
  diagnosticCodes: {
    'unit-mismatch': 'unit differs from the indicator’s',
    'scope-mismatch': 'scope differs from the indicator’s',
    'not-comparable': 'not comparable (unit or scope), not used',
    'preliminary-value': 'preliminary figure, may be revised',
    'estimated-value': 'estimate, not a measured value',
    'baseline-estimate': 'baseline is an estimate',
    'bound-value': 'only a bound is known',
    'measure-differs': 'published under another name: the definition may differ',
    'implausible-jump': 'implausible year-over-year change',
    'mixed-vintage': 'figures of different vintages',
    'observation-absent': 'missing from the data file',
    'baseline-missing': 'no baseline',
    'base-year-file-missing': 'no data file for the base year',
    'stale-value': 'no figure for the report year: an earlier one is used',
    'no-value': 'no usable figure',
    'growth-undefined': 'growth rate undefined',
    'completion-undefined': 'completion undefined',
    'cumulative-incomplete': 'cumulative total lacks a year',
    'action-pillar-mismatch': 'pillar differs from its actions’',
    'rank-direction': 'rank direction questionable',
  },
  severity: { error: 'error', warning: 'warning', info: 'note' },
};

const MESSAGES: Readonly<Record<Lang, Messages>> = { 'zh-CN': zh, en };

/** The messages of a language. */
export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}

/** Chinese numerals for small ordinals (1 → 一, 10 → 十, 12 → 十二). */
export function zhNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]!}十${ones === 0 ? '' : digits[ones]!}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
