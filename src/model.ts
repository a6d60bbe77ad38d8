// The plan and its yearly data as plain, validated values. These types mirror
// src/schema/plan.schema.json and src/schema/year.schema.json; the loader only
// produces them after the schema check passed, so every stage after validation
// can rely on them.

/** ISO-like date as written in the YAML: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export type DateText = string;

export type IndicatorKind =
  | 'level'
  | 'percentage'
  | 'ratio'
  | 'count'
  | 'cumulative'
  | 'multiple'
  | 'rank'
  | 'rate';

export type Direction = 'higher' | 'lower';
/** expected = 预期性, binding = 约束性, unknown = the plan does not say (a warning). */
export type Attribute = 'expected' | 'binding' | 'unknown';
export type Comparator = '>=' | '>' | '<=' | '<' | '=';
/** preliminary = 初步核算, final = 核实, estimate = 预计. */
export type ObservationStatus = 'preliminary' | 'final' | 'estimate';
/** not-started = 未启动, in-progress = 推进中, done = 已完成, delayed = 延期. */
export type MilestoneStateName = 'not-started' | 'in-progress' | 'done' | 'delayed';

export interface PlanMeta {
  id: string;
  title: string;
  title_en?: string;
  region: string;
  region_en?: string;
  organisation?: string;
  period: { start: number; end: number };
  base_year: number;
  language: 'zh-CN' | 'en';
  source?: string;
  /** What the plan calls its groups of indicators and of actions (三个慈溪, 十大行动); generic words when absent. */
  groups?: { pillars?: GroupName; actions?: GroupName };
  assessment?: {
    /** Percentage points of completion (default 5). */
    tolerance?: number;
    /** Relative year-over-year change that is flagged (default 0.5 = ±50%). */
    jump_threshold?: number;
    /** Share of the required change below which a projection is 严重滞后 (default 0.5). */
    severe_shortfall?: number;
  };
}

/** The name of a group of pillars or actions, and the word for one item (行动 → 行动一). */
export interface GroupName {
  name: string;
  name_en?: string;
  item?: string;
  item_en?: string;
}

export interface Scope {
  id: string;
  name: string;
  name_en?: string;
  note?: string;
}

export interface Source {
  id: string;
  title: string;
  publisher?: string;
  date?: DateText;
  url?: string;
  note?: string;
}

export interface Pillar {
  id: string;
  name: string;
  name_en?: string;
  goal?: string;
}

export interface Action {
  id: string;
  name: string;
  name_en?: string;
  pillar: string;
  measures: string[];
}

/** How a target is stated; see TARGET_TYPES and the README's "Target kinds". */
export type TargetType = 'level' | 'change' | 'growth' | 'cumulative' | 'held' | 'relative' | 'qualitative';

/** Every target type, in the order the README lists them. */
export const TARGET_TYPES: readonly TargetType[] = ['level', 'change', 'growth', 'cumulative', 'held', 'relative', 'qualitative'];

/** Prices a growth rate is measured at: 按可比价 (constant) or 按现价 (current). */
export type Prices = 'constant' | 'current';

/** A published figure a target starts from, when it is not the base year's observation. */
export interface TargetBase {
  year: number;
  value: number;
  source?: string;
  quote?: string;
}

/** Fields every target may carry. */
interface TargetCommon {
  /** Where the target is stated, when not the indicator's source. */
  source?: string;
  quote?: string;
  note?: string;
}

/**
 * A level by the target year (type absent or `level`): `value` with a comparator, a
 * `multiple` of the baseline (翻番 = 2), or a range `min`..`max`. For kind `cumulative`
 * the level is the total of the yearly flows over the period.
 */
export interface LevelTarget extends TargetCommon {
  type?: 'level';
  year: number;
  value?: number;
  multiple?: number;
  min?: number;
  max?: number;
  comparator?: Comparator;
}

/** A change from a base by the target year: `by` in the indicator's unit (提高1岁, 5个百分点) or `percent` (下降10%). */
export interface ChangeTarget extends TargetCommon {
  type: 'change';
  year: number;
  by?: number;
  percent?: number;
  comparator?: Comparator;
  /** The figure the change starts from; the base year's observation when absent. */
  base?: TargetBase;
}

/** Average annual growth (年均增长7%以上) from the base year to the target year. */
export interface GrowthTarget extends TargetCommon {
  type: 'growth';
  /** Percent per year. */
  rate: number;
  comparator: Comparator;
  prices: Prices;
  /** The last year of the growth; the period's end when absent. */
  year?: number;
}

/** A change over the whole period, compounded from the yearly changes (〔13.5〕: −13.5%). */
export interface CumulativeTarget extends TargetCommon {
  type: 'cumulative';
  /** Percent change over the period (a reduction is negative). */
  percent: number;
  comparator: Comparator;
  year?: number;
}

/** A ceiling or floor that must hold in every year (控制在5.5%以内). */
export interface HeldTarget extends TargetCommon {
  type: 'held';
  value: number;
  comparator: Comparator;
  /** First and last year it must hold; the period when absent. */
  from?: number;
  year?: number;
}

/** The value compared with another indicator's value of the same year (高于GDP增长, 基本同步). */
export interface RelativeTarget extends TargetCommon {
  type: 'relative';
  /** The other indicator's id. */
  indicator: string;
  comparator: Comparator;
  /** Allowed difference in the indicator's unit (基本同步: e.g. 1 percentage point); 0 when absent. */
  tolerance?: number;
  year?: number;
}

/** A target without a number (保持在合理区间): monitored, never a computed status. */
export interface QualitativeTarget extends TargetCommon {
  type: 'qualitative';
  text: string;
  year?: number;
}

export type Target = LevelTarget | ChangeTarget | GrowthTarget | CumulativeTarget | HeldTarget | RelativeTarget | QualitativeTarget;

/** The type of a target (`level` when not written). */
export function targetType(target: Target): TargetType {
  return target.type ?? 'level';
}

export interface Indicator {
  id: string;
  name: string;
  name_en?: string;
  aliases?: string[];
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  attribute: Attribute;
  pillar: string;
  actions: string[];
  scope: string;
  /** Absent for indicators the plan only monitors. */
  target?: Target;
  /** Other units a figure may be published in, with the factor to this unit (亿斤: 0.0005 for 亿吨). */
  conversions?: Record<string, number>;
  /** Annual growth target (年均增长), percent per year. */
  annual_growth?: number;
  source: string;
  quote?: string;
  note?: string;
}

export interface Milestone {
  id: string;
  name: string;
  name_en?: string;
  action: string;
  due: number;
  done_when: string;
  source?: string;
  quote?: string;
}

export interface PlanFile {
  plan: PlanMeta;
  scopes: Scope[];
  sources: Source[];
  pillars: Pillar[];
  actions: Action[];
  indicators: Indicator[];
  milestones: Milestone[];
}

export interface Observation {
  value?: number;
  /** Decimals the value was written with (67.00 → 2); the loader fills it in from the text. */
  decimals?: number;
  /** A published year-on-year change, in percent (按可比价计算增长5.7% → 5.7). */
  growth?: number;
  /** Prices `growth` is measured at. */
  prices?: Prices;
  /** Where `growth` is published, when not in the observation's own source, and its words. */
  growth_source?: string;
  growth_quote?: string;
  /** A published change since an earlier year (2021—2024年累计下降11.6% → from 2021, change −11.6). */
  cumulative?: { from: number; change: number };
  /** A recorded judgement of a qualitative target, as the source words it. */
  judgement?: string;
  bound?: 'at-least' | 'at-most';
  unit?: string;
  scope?: string;
  status?: ObservationStatus;
  published?: DateText;
  vintage?: string;
  measure?: string;
  source?: string;
  quote?: string;
  /** Set when no figure is available: the reason. */
  missing?: string;
  note?: string;
}

export interface MilestoneState {
  state: MilestoneStateName;
  date?: DateText;
  expected?: DateText;
  source: string;
  quote?: string;
  note?: string;
}

export interface YearFile {
  year: number;
  observations: Record<string, Observation>;
  milestones?: Record<string, MilestoneState>;
}

/** A year file with the path it was read from (relative, as shown in diagnostics). */
export interface YearData extends YearFile {
  file: string;
  /** The file's own path when `file` shows more (`plan/data/2024.yaml` for `…@origin/main`). */
  path?: string;
}

/** Everything the assessment needs: the plan and its year files, sorted by year. */
export interface PlanData {
  /** Path of the plan file, as shown in diagnostics. */
  file: string;
  plan: PlanFile;
  years: YearData[];
}
