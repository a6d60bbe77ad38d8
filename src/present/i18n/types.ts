// The shape of every word and sentence of the report in one language: section titles,
// column headers, status names, units, sentences with numbers slotted in. One file per
// language implements it (zh.ts, en.ts); the compiler checks that none lacks a word.

import type {
  FigureGap,
  IndicatorStatus,
  MilestoneRule,
  MilestoneStatus,
  ProgressCategory,
  Reason,
  StatusRule,
  WarningRule,
} from '../../assess/types.js';
import type { Attribute, Comparator, IndicatorKind, MilestoneStateName, ObservationStatus, Prices, TargetType } from '../../model.js';

/** A report language. */
export type Lang = 'zh-CN' | 'en';

/** How reason sentences format what they mention (bound to one report and indicator). */
export interface Words {
  /** A year in running text ("2024年", "2024"). */
  year: (year: number) => string;
  /** A span of years ("2021—2024年", "2021–2024"). */
  years: (from: number, to: number) => string;
  /** A list of years ("2022、2023年", "2022, 2023"). */
  yearList: (years: readonly number[]) => string;
  /** An indicator's name by id. */
  indicator: (id: string) => string;
  /** A number in the indicator's unit, as computed. */
  amount: (value: number) => string;
  /** A fraction as a percentage ("67.0%"). */
  percent: (fraction: number) => string;
  /** A date as written ("2024年6月"). */
  date: (text: string) => string;
  comparator: (c: Comparator) => string;
  state: (s: MilestoneStateName) => string;
  /** Why a year has no usable figure. */
  gap: (g: FigureGap) => string;
  /** Any reason, for reasons that wrap another. */
  reason: (r: Reason) => string;
}

/** One sentence per code of a union of reasons, with the code's parameters. */
export type Sentences<U extends { code: string }> = { readonly [K in U['code']]: (r: Extract<U, { code: K }>, w: Words) => string };

/** How one target type reads in the status table and the details. */
export interface TargetWords {
  /** A range min..max. */
  range: (min: string, max: string) => string;
  /** A change of `amount` (signed) from the base year. */
  change: (amount: string, rising: boolean, baseYear: number) => string;
  /** Average annual growth with its comparator, rate and prices. */
  growth: (comparator: string, rate: string, prices: Prices) => string;
  /** A change over the period, compounded. */
  cumulative: (comparator: string, percent: string, falling: boolean) => string;
  /** A bound held every year. */
  held: (comparator: string, value: string, from: number) => string;
  /** Compared with another indicator. */
  relative: (comparator: Comparator, partner: string, tolerance: string | null) => string;
  /** Compact forms for narrow views. */
  short: { growth: (comparator: string, rate: string) => string; held: (comparator: string, value: string) => string };
  /** What a change over the period so far or projected reads as ("累计下降7.5%"). */
  changeText: (percent: string, falling: boolean) => string;
  /** An average yearly growth ("年均增长5.9%"). */
  rateText: (percent: string) => string;
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
    /** The actions' section when the plan does not name its group. */
    actions: string;
    milestones: string;
    dataNotes: string;
    /** A top-level section title with its number ("一、总体评估"; English titles are not numbered). */
    numbered: (n: number, title: string) => string;
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
    /** Said only when every binding indicator was assessed and none has a 预警. */
    noWarnings: string;
    /** No 预警 among those assessed, while `count` binding indicators cannot be judged. */
    noWarningsUndetermined: (count: number) => string;
    /** The title and items of the 无法判断 list. */
    undetermined: string;
    undeterminedItem: (name: string, why: string) => string;
    /** The plan has no binding indicator. */
    noBinding: string;
    assessedShare: (total: number, assessed: number, onOrAhead: number, share: string) => string;
    /** The binding indicators: how many, with a 预警, and which cannot be judged. */
    bindingLine: (binding: number, warnings: number, undetermined: number, names: string) => string;
    nothingAssessed: (total: number) => string;
    statusList: (label: string, count: number, names: string) => string;
    noDataList: (count: number, names: string) => string;
    staleList: (count: number, names: string) => string;
    milestoneLine: (parts: string) => string;
    milestonePart: (label: string, count: number) => string;
    warningText: (year: number, projection: string, target: string) => string;
    /** Above a status bar: what is counted and how many in all ("指标完成情况（14项）"). */
    barCaption: (caption: string, total: number) => string;
    /** Names of a key point cut short: the names shown and how many more there are. */
    andMore: (names: string, more: number) => string;
    /** One status in a bar's legend and count line ("快于序时 2"). */
    barItem: (label: string, count: number) => string;
    /** Between the items of a count line. */
    barSeparator: string;
    /** The count line when nothing is counted. */
    barEmpty: string;
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
    /** Binding indicators of the group that cannot be judged, by name. */
    undetermined: (count: number, names: string) => string;
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
    /** The row of published yearly growth rates. */
    growthRow: string;
    facts: {
      attainment: string;
      gap: string;
      gapShort: (amount: string) => string;
      gapBeyond: (amount: string) => string;
      gapAt: string;
      growthSoFar: string;
      growthRequired: string;
      /** Growth and cumulative targets: the average growth or the change so far, over its years. */
      rateSoFar: (from: number, to: number) => string;
      changeSoFar: (from: number, to: number) => string;
      rateRequired: (from: number, to: number) => string;
      rateProjected: (to: number) => string;
      changeProjected: (to: number) => string;
      /** The target met: no further change is required. */
      reached: string;
      /** Held and relative targets: each year's check. */
      checks: string;
      checkYear: (year: string, value: string, bound: string, holds: boolean | null) => string;
      judgement: string;
      judgementText: (text: string, year: number, source: string | null) => string;
      statusRule: string;
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
    /** The word for one action when the plan names none ("行动", "Action"). */
    item: string;
    ordinal: (item: string, n: number) => string;
    heading: (ordinal: string, title: string) => string;
  };

  /** Words of the comparison of two reports (`cixi-plan diff`). */
  diff: {
    sideYear: (year: number) => string;
    workingTree: string;
    reportYear: (year: number) => string;
    timePace: string;
    warnings: string;
    qualityWarnings: string;
    /** A status as the label of its row in the header table ("Ahead of pace" beside "Early warnings"). */
    statusRow: (status: string) => string;
    noYearFile: (side: string, year: number) => string;
    stale: (year: number, used: number) => string;
    indicatorAdded: string;
    indicatorRemoved: string;
    warningNew: string;
    warningResolved: string;
    target: (value: string, year: string) => string;
    milestoneAdded: string;
    milestoneRemoved: string;
    due: (year: number) => string;
    dueChange: string;
    expected: (state: string, expected: string) => string;
    notReported: string;
    qualityNew: string;
    qualityResolved: string;
    indicatorsLine: (total: number, changed: number, unchanged: number, moves: string) => string;
    moves: (up: number, down: number, other: number) => string;
    milestonesLine: (total: number, changed: number, unchanged: number) => string;
    warningsLine: (warningsNew: number, warningsResolved: number, qualityNew: number, qualityResolved: number) => string;
    addedRemoved: (added: number, removed: number) => string;
    other: string;
    indicatorsPart: (changed: number, unchanged: number) => string;
    milestonesPart: (changed: number, unchanged: number) => string;
    noChanges: string;
    otherQuality: string;
    milestones: string;
    total: string;
  };

  /** Words of printed diagnostics and of `validate`'s summary. */
  diagnostics: {
    severity: Readonly<Record<'error' | 'warning' | 'info', string>>;
    /** The label before a hint, with its colon ("hint: ", "提示："). */
    hint: string;
    /** The label of the pointer to `cixi-plan explain` after each diagnostic, with its colon. */
    explain: string;
    /** "… and 3 more `unit-mismatch` warnings (use --verbose to see all)". */
    more: (count: number, code: string, severity: 'error' | 'warning' | 'info' | 'mixed') => string;
    /** What a validation found: "6 pillars, 10 actions, … 2 warnings". */
    summary: (s: { pillars: number; actions: number; indicators: number; milestones: number; observations: number; missing: number; years: number; warnings: number }) => string;
    /** "3 errors, 2 warnings" for an invalid plan. */
    counts: (errors: number, warnings: number) => string;
    strictFails: (warnings: number) => string;
    verdict: { valid: string; invalid: string; strict: string };
    /** The closing line of `validate --format github`: the plan folder, the verdict and the summary. */
    verdictLine: (folder: string, verdict: string, summary: string) => string;
    /** The plan folder cannot be used: "plan is invalid (3 errors): fix the data and run `cixi-plan validate`". */
    /** `planArg`: how the command names the plan folder (`--plan DIR`, or nothing for ./plan), for the command suggested. */
    invalidPlan: (plan: string, errors: number, planArg: string) => string;
    unreadable: (plan: string) => string;
    /** `diff --rev` with one or both sides invalid. */
    invalidSides: (plan: string, sides: ReadonlyArray<{ side: string; errors: number }>) => string;
    /** After `gaps`: the plan has warnings that `validate` shows. `planArg`: as invalidPlan's. */
    seeWarnings: (warnings: number, planArg: string) => string;
    /** A year outside base year..period end. */
    /** `side`: where the plan was read, when it is not the working tree alone (a revision, or the working tree beside one). */
    outsidePlan: (year: number, base: number, end: number, side?: string) => string;
    /** A report year without its year file. */
    noYearFile: (year: number, have: readonly number[]) => string;
    /** `import`: what the sheet changed, and its outcomes. */
    importCounts: (c: { obsAdded: number; obsChanged: number; msAdded: number; msChanged: number }) => string;
    importFailed: (sheet: string, errors: number, yearFile: string) => string;
    importUnreadable: (sheet: string) => string;
    importNothing: (yearFile: string, sheet: string) => string;
    importDryRun: (yearFile: string, counts: string) => string;
    importDone: (yearFile: string, isNew: boolean, counts: string, sheet: string, year: number, planArg: string) => string;
    /** `sheet`: an existing workbook, and what was written. */
    sheetExists: (path: string) => string;
    sheetDone: (s: { path: string; size: string; indicators: number; milestones: number; year: number; prefilled: boolean; planArg: string }) => string;
    /** After `init`: the new folder, its files (listed after this line) and what to do next. */
    initDone: (i: { folder: string; region: string; start: number; end: number }) => string;
    initNext: (folder: string) => string;
    /** After `report`: what was written where. */
    reportDone: (r: { year: number; lang: string; indicators: number; assessed: number; onPace: number; warnings: number; milestones: number; files: number; folder: string }) => string;
  };

  /** Words only the terminal views use. */
  terminal: {
    staleNote: (year: number) => string;
    boundNote: string;
    undetermined: string;
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
    methodologyText: (tolerance: string, severe: string, example: { base: number; end: number; year: number; pace: string }, types: readonly TargetType[]) => string[];
    published: (date: string) => string;
    vintage: (vintage: string) => string;
    measure: (measure: string) => string;
    /** Where a state or figure comes from, in a note. */
    sourceOf: (title: string) => string;
    /** A published growth rate beside a figure, with its prices and (when another) its source. */
    growth: (rate: string, falling: boolean, prices: Prices | null, source: string | null) => string;
  };

  reasons: {
    noTarget: string;
    cumulativeFlow: (year: number) => string;
    bound: (kind: 'at-least' | 'at-most') => string;
    converted: (value: string, unit: string, factor: string) => string;
  };

  /** Why a year has no usable figure. */
  gaps: Sentences<FigureGap>;
  /** Why a number is unknown (or a value stale). */
  reason: Sentences<Reason>;
  /** Why a status is what it is. */
  statusRule: Sentences<StatusRule>;
  /** Why a binding indicator has a 预警 or none. */
  warningRule: Sentences<WarningRule>;
  /** Why a milestone has its status. */
  milestoneRule: Sentences<MilestoneRule>;
  target: TargetWords;

  indicatorStatus: Readonly<Record<IndicatorStatus, string>>;
  milestoneStatus: Readonly<Record<MilestoneStatus, string>>;
  milestoneState: Readonly<Record<MilestoneStateName, string>>;
  attribute: Readonly<Record<Attribute, string>>;
  kind: Readonly<Record<IndicatorKind, string>>;
  direction: Readonly<Record<'higher' | 'lower', string>>;
  observationStatus: Readonly<Record<ObservationStatus, string>>;
  progressCategory: Readonly<Record<ProgressCategory, string>>;
  comparator: Readonly<Record<Comparator, string>>;
  /** A unit as the plan writes it (often Chinese: 亿吨, 吨标准煤/万元), as it reads in this language. */
  unitName: (unit: string) => string;
  /**
   * For running text, a figure in a unit with a scale in it, in the scale words of the language:
   * 2,929亿元 reads "292.9 billion yuan" (the figure times `factor`), not "2,929 100 million
   * yuan". Undefined when the unit has no such scale, or the language writes it as it is.
   */
  scaledUnit: (unit: string, value: number) => { factor: number; unit: string } | undefined;
  /** Rate units: per year, percentage points. */
  perYear: (unit: string) => string;
  percentagePoints: string;
  multipleTarget: (k: string, value: string | null) => string;
  severity: Readonly<Record<'error' | 'warning' | 'info', string>>;
}

