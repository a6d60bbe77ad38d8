// The Assessment: what `gaps --json` prints and `report` saves as assessment.json.
// Plain JSON data only: every number is finite or null (null = not computable, with
// a reason beside it), no undefined fields, no Dates or Maps. Field names are stable
// and snake_case; a change to them is a change of `schema_version`.

import type {
  Attribute,
  Comparator,
  Direction,
  IndicatorKind,
  MilestoneStateName,
  ObservationStatus,
  Prices,
  TargetType,
} from '../model.js';
import type { FigureGap, MilestoneRule, Reason, StatusRule, WarningRule } from './reasons.js';

export type * from './reasons.js';

/** Version of the Assessment's JSON shape. */
export const ASSESSMENT_SCHEMA_VERSION = 2;

/**
 * Relative tolerance of every comparison of a value with its target: a and b are equal
 * when |a − b| ≤ 1e-9 · max(|a|, |b|). `>=` and `<=` accept equal values, `>` and `<`
 * reject them, `=` means equal.
 */
export const EQUALITY_TOLERANCE = 1e-9;

/** Default tolerance of the pace comparison, in percentage points of completion. */
export const DEFAULT_TOLERANCE_POINTS = 5;

/** Default share of the required change below which a projection is 严重滞后. */
export const DEFAULT_SEVERE_SHORTFALL = 0.5;

/**
 * Status of an indicator, Chinese convention:
 * met = 已完成, ahead = 快于序时, on_track = 基本符合序时, behind = 滞后,
 * far_behind = 严重滞后 (targets by a year); held = 达标 and breached = 未达标 (a bound
 * held every year, or a comparison with another indicator); no_data = 无数据,
 * no_target = 无目标 (monitored only), qualitative = 定性目标 (never a computed status).
 */
export type IndicatorStatus =
  | 'met'
  | 'ahead'
  | 'on_track'
  | 'held'
  | 'behind'
  | 'far_behind'
  | 'breached'
  | 'no_data'
  | 'qualitative'
  | 'no_target';

/** Every indicator status, best first, then those without a judgement. */
export const INDICATOR_STATUSES: readonly IndicatorStatus[] = [
  'met', 'ahead', 'on_track', 'held', 'behind', 'far_behind', 'breached', 'no_data', 'qualitative', 'no_target',
];

/** Statuses that are no judgement: a binding indicator with one of them is 无法判断. */
export const UNJUDGED_STATUSES: ReadonlySet<IndicatorStatus> = new Set(['no_data', 'qualitative', 'no_target']);

/**
 * Order of the judged statuses, worse to better (far_behind and breached 0 … met 4);
 * null for the statuses that are no judgement.
 */
export const INDICATOR_STATUS_RANK: Readonly<Record<IndicatorStatus, number | null>> = {
  far_behind: 0,
  breached: 0,
  behind: 1,
  on_track: 2,
  held: 3,
  ahead: 3,
  met: 4,
  no_data: null,
  qualitative: null,
  no_target: null,
};

/**
 * Status of a milestone: done = 已完成, on_schedule = 按期推进, overdue = 逾期,
 * at_risk = 存在风险, no_data = 无数据.
 */
export type MilestoneStatus = 'done' | 'on_schedule' | 'at_risk' | 'overdue' | 'no_data';

export const MILESTONE_STATUSES: readonly MilestoneStatus[] = [
  'done', 'on_schedule', 'at_risk', 'overdue', 'no_data',
];


/**
 * Eurostat / Statistics Canada progress category of the ratio R (as in Open SDG's
 * progress calculation): significant R ≥ 0.95, moderate 0.60 ≤ R < 0.95,
 * insufficient 0 ≤ R < 0.60, moving_away R < 0.
 */
export type ProgressCategory = 'significant' | 'moderate' | 'insufficient' | 'moving_away';


/**
 * How rates and projections are computed for a kind:
 * compound — growth rates, a fraction per year (level, count, multiple);
 * linear — change in the indicator's unit per year, i.e. percentage points for
 *   percentages and rates, points for ratios, positions for ranks;
 * flow — cumulative kind: mean yearly flow, in the indicator's unit per year.
 */
export type RateMethod = 'compound' | 'linear' | 'flow';

/**
 * How the projection to the target year was made: by the rate method, or `observed`
 * when the value used is already from the target year or later.
 */
export type ProjectionMethod = RateMethod | 'observed';

/**
 * What `target`, `gap`, `achieved` and `projection` are measured in:
 * level — the indicator's unit (level, change, held and relative targets);
 * rate — a fraction per year (growth targets: 0.07 = 7% a year);
 * change — a fraction of the base value (cumulative targets: −0.135 = −13.5%).
 */
export type TargetMeasure = 'level' | 'rate' | 'change';

/**
 * Where the value stands against the target, given the indicator's direction:
 * short_of_target — it must still move in the better direction by |gap|;
 * beyond_target — it has passed the target by |gap|; at_target — gap is 0.
 */
export type GapDirection = 'short_of_target' | 'beyond_target' | 'at_target';

/** One computed number with everything needed to re-derive it. */
export interface Component {
  /** The formula, in the notation of docs/architecture.md, "Assessment" (tv = year of the value used). */
  formula: string;
  /** The formula's inputs by name; null when an input is unknown. */
  inputs: Record<string, number | null>;
  /** The result; null when it cannot be computed honestly (see the field's reason). */
  result: number | null;
}

/** The formula components of every number of an indicator's assessment. */
export interface IndicatorComponents {
  /** V: the target in `target_measure` (multiple × v0 for 翻番 targets, v0 + change for change targets). */
  target: Component;
  /** p at the report year: (t − t0) / (T − t0), clamped to [0, 1]. */
  time_pace: Component;
  /** p at the year of the value used: (tv − t0) / (T − t0), clamped to [0, 1]. */
  pace_at_value_year: Component;
  /** Cumulative kind: the sum of the period's flows; growth and cumulative targets: the index or change so far. */
  achieved: Component | null;
  /** V − vt (cumulative: V − achieved). */
  gap: Component;
  /** vt / V (cumulative: achieved / V). */
  attainment: Component;
  /** c: (vt − v0) / (V − v0); cumulative achieved / V; growth and cumulative targets ln(index) / ln(target index). */
  completion: Component;
  /** g from t0 to tv (see rate_method). */
  growth_so_far: Component;
  /** r from tv to T. */
  growth_required: Component;
  /** Required rate from t0 to T. */
  growth_required_from_base: Component;
  /** Projected value (cumulative: total) at T. */
  projection: Component;
  /** Share of the required change the projection reaches. */
  projection_share: Component;
  /** Eurostat / StatCan ratio R. */
  progress_ratio: Component;
}

/** The target as the plan states it, normalised (numbers as written: percent as percent). */
export interface TargetSpec {
  type: TargetType;
  /** T: the target year (the period's end when the plan gives none). */
  year: number;
  comparator: Comparator | null;
  /** level, held: the value; relative: none. */
  value: number | null;
  /** level: the multiple of the baseline (翻番 = 2). */
  multiple: number | null;
  /** level: a range min..max. */
  min: number | null;
  max: number | null;
  /** change: the change in the indicator's unit. */
  by: number | null;
  /** change and cumulative: the change in percent; growth: the rate in percent per year. */
  percent: number | null;
  /** growth: the prices the rate is measured at. */
  prices: Prices | null;
  /** held: the first year the bound must hold. */
  from: number | null;
  /** relative: the other indicator's id, and the allowed difference in the unit. */
  partner: string | null;
  tolerance: number | null;
  /** qualitative: the target's words. */
  text: string | null;
  /** change: the year and source of the figure it starts from, when not the base year's observation. */
  base_year: number | null;
  base_source: string | null;
  /** Where the target is stated (the target's own source, else the indicator's). */
  source: string | null;
  quote: string | null;
}

/** One year of an indicator's data, as read from its year file. */
export interface SeriesPoint {
  year: number;
  /** The figure in the indicator's unit (converted when published in a declared unit); null when none. */
  value: number | null;
  /** Decimals the figure was published with; null when unknown or converted. */
  decimals: number | null;
  /** Whether the assessment uses `value` (a number in the indicator's unit and scope). */
  usable: boolean;
  /** Why `value` is null or unusable; null when usable. */
  gap: FigureGap | null;
  /** The figure as published in another unit, when converted: its unit, number and factor. */
  converted: { unit: string; value: number; factor: number } | null;
  bound: 'at-least' | 'at-most' | null;
  status: ObservationStatus | null;
  source: string | null;
  published: string | null;
  vintage: string | null;
  measure: string | null;
  note: string | null;
  /** A published year-on-year change in percent, its prices, and its source when not `source`. */
  growth: number | null;
  prices: Prices | null;
  growth_source: string | null;
  /** A published change since an earlier year, in percent. */
  cumulative: { from: number; change: number } | null;
  /** A recorded judgement of a qualitative target. */
  judgement: string | null;
}

/** One year's check of a bound held every year, or of a comparison with another indicator. */
export interface YearCheck {
  year: number;
  /** The value in that year; null when none. */
  value: number | null;
  /** The bound (held) or the other indicator's value (relative); null when none. */
  bound: number | null;
  /** Whether it held; null when either number is unknown. */
  holds: boolean | null;
  /** Why a number is unknown; null otherwise. */
  gap: FigureGap | null;
}

/** The assessment of one indicator in the report year. */
export interface IndicatorAssessment {
  /** Indicator id, as in the plan. */
  id: string;
  /** Indicator name (plan language). */
  name: string;
  /** Unit of every value, target and gap below (rates: see `rate_method`). */
  unit: string;
  kind: IndicatorKind;
  /** Whether a higher or a lower value is better. */
  direction: Direction;
  /** expected = 预期性, binding = 约束性, unknown. */
  attribute: Attribute;
  /** Pillar id. */
  pillar: string;
  /** Ids of the actions the indicator serves. */
  actions: string[];
  /** Scope id the target refers to; only observations in this scope are used. */
  scope: string;

  /** Whether the plan sets a target (false for indicators it only monitors). */
  has_target: boolean;
  /** The target as stated; null without a target. */
  target_spec: TargetSpec | null;
  /** What `target`, `gap`, `achieved` and `projection` are measured in; null without a target. */
  target_measure: TargetMeasure | null;
  /** T: the target year; null without a target. */
  target_year: number | null;
  /** The target's comparator; null without a target or for a qualitative one. */
  comparator: Comparator | null;
  /** V: the target in `target_measure`; null when unknown. */
  target: number | null;
  /** For 翻番-style targets: V = target_multiple × baseline; null otherwise. */
  target_multiple: number | null;
  /** Why `target` is null; null when it is known. */
  target_reason: Reason | null;

  /** t0: the year the baseline comes from (the plan's base year, or a change target's base). */
  baseline_year: number;
  /** v0: the comparable baseline value (cumulative kind: the base year's flow); null when none. */
  baseline: number | null;
  /** Decimals the baseline was published with; null when unknown. */
  baseline_decimals: number | null;
  baseline_status: ObservationStatus | null;
  baseline_source: string | null;
  baseline_bound: 'at-least' | 'at-most' | null;
  /** Why `baseline` is null; null when it is known. */
  baseline_reason: Reason | null;

  /** vt: the value used (cumulative kind: the latest yearly flow); null when none. */
  value: number | null;
  /** Decimals the value was published with; null when unknown. */
  value_decimals: number | null;
  /** tv: the year the value used comes from; null when none. */
  value_year: number | null;
  /** True when value_year is before the report year (the latest earlier comparable value). */
  stale: boolean;
  value_is_bound: boolean;
  bound: 'at-least' | 'at-most' | null;
  value_status: ObservationStatus | null;
  value_source: string | null;
  /** Why `value` is null or stale; null for a current value. */
  value_reason: Reason | null;

  /**
   * Cumulative kind: the sum of the flows from the period's start to value_year; growth
   * targets: the average yearly growth so far; cumulative targets: the change so far
   * (both fractions). Null otherwise or when unknown.
   */
  achieved: number | null;
  /** The years `achieved` rests on, and whether it comes from levels or published rates. */
  achieved_years: number[];
  achieved_source: 'levels' | 'published-growth' | 'published-cumulative' | 'flows' | null;
  /** Why `achieved` is null for the targets that have one; null otherwise. */
  achieved_reason: Reason | null;

  /** V − vt (cumulative: V − achieved), in `target_measure`; null when either is unknown. */
  gap: number | null;
  gap_direction: GapDirection | null;
  /** 目标完成率 vt / V, a fraction; null when unknown, V = 0 or not a level. */
  attainment: number | null;

  /** 序时进度 p at the report year, a fraction; null without a target or when T ≤ t0. */
  time_pace: number | null;
  /** p at value_year (the pace the status compares completion with). */
  pace_at_value_year: number | null;
  /** 完成进度 c, a fraction. */
  completion: number | null;
  completion_reason: Reason | null;

  /** How the rates below are measured (see RateMethod). */
  rate_method: RateMethod;
  growth_so_far: number | null;
  growth_so_far_reason: Reason | null;
  growth_required: number | null;
  growth_required_reason: Reason | null;
  growth_required_from_base: number | null;
  growth_required_from_base_reason: Reason | null;
  /** The plan's 年均增长 target as a fraction per year (6% → 0.06); null when not set. */
  annual_growth_target: number | null;

  /** Projected value at T, in `target_measure`; null when no rate. */
  projection: number | null;
  projection_method: ProjectionMethod;
  projection_meets_target: boolean | null;
  projection_share: number | null;
  projection_reason: Reason | null;

  /** Held and relative targets: the check of each year; [] otherwise. */
  checks: YearCheck[];
  /** Qualitative targets: the latest recorded judgement; null otherwise or when none. */
  judgement: { text: string; year: number; source: string | null } | null;

  status: IndicatorStatus;
  /** The rule that decided the status (see assess/status.ts for the precedence). */
  status_reason: StatusRule;

  /** 预警: a binding indicator whose projection misses its target, or whose bound broke. */
  warning: boolean;
  /** Why a binding indicator has or has no warning; null for the others. */
  warning_reason: WarningRule | null;
  /** A binding indicator whose status is no judgement (无法判断: no data, no target, qualitative). */
  undetermined: boolean;

  /** Eurostat/StatCan ratio R = d · g / |required growth from base|. */
  progress_ratio: number | null;
  progress_category: ProgressCategory | null;
  progress_ratio_reason: Reason | null;

  /** Every year from the base year to the report year, as read. */
  series: SeriesPoint[];

  /** Inputs, intermediates and result of every number above. */
  components: IndicatorComponents;
}

/** The assessment of one milestone in the report year. */
export interface MilestoneAssessment {
  /** Milestone id, as in the plan. */
  id: string;
  /** Milestone name (plan language). */
  name: string;
  /** Action id. */
  action: string;
  /** Pillar id of the action; null when the action is not declared. */
  pillar: string | null;
  /** The year by which it must be done. */
  due: number;
  /** The latest state reported in a year file ≤ the report year; null when none. */
  state: MilestoneStateName | null;
  /** The year file the state comes from; null when none. */
  state_year: number | null;
  /** The date the state was reported ("YYYY[-MM[-DD]]"); null when not given. */
  state_date: string | null;
  /** The state's source id, quote and note; null when not given. */
  state_source: string | null;
  state_quote: string | null;
  state_note: string | null;
  /** Stated expected completion ("YYYY[-MM[-DD]]"); null when not given. */
  expected: string | null;
  /** The year of `expected`; null when not given. */
  expected_year: number | null;
  /** True when state_year is before the report year. */
  stale: boolean;
  status: MilestoneStatus;
  /** Why the status is what it is. */
  reason: MilestoneRule;
}

/** Counts over a group of indicators and milestones. */
export interface Rollup {
  /** Ids of the indicators in the group, in plan order. */
  indicator_ids: string[];
  /** Ids of the milestones in the group, in plan order. */
  milestone_ids: string[];
  /** Indicator count by status; every status is present. */
  indicators_by_status: Record<IndicatorStatus, number>;
  /** Milestone count by status; every status is present. */
  milestones_by_status: Record<MilestoneStatus, number>;
  /** Indicators with a judged status (not no_data, qualitative or no_target). */
  assessed: number;
  /** Assessed indicators met, ahead, on pace or holding. */
  on_or_ahead: number;
  /** on_or_ahead / assessed, a fraction; null when nothing is assessed. */
  share_on_or_ahead: number | null;
  /** Ids of the indicators with a 预警, in plan order. */
  warning_ids: string[];
  /** Number of 预警. */
  warnings: number;
  /** Ids of the binding indicators that cannot be judged (无法判断), in plan order. */
  undetermined_ids: string[];
  /** Number of binding indicators that cannot be judged. */
  undetermined: number;
  /** Binding indicators in the group. */
  binding: number;
}

/** Roll-up of one action: the indicators serving it and its milestones. */
export interface ActionRollup extends Rollup {
  id: string;
  name: string;
  pillar: string;
}

/** Roll-up of one pillar: its indicators and the milestones of its actions. */
export interface PillarRollup extends Rollup {
  id: string;
  name: string;
  /** Ids of the pillar's actions, in plan order. */
  action_ids: string[];
}

/** The whole assessment of a plan in one report year. */
export interface Assessment {
  /** Version of this shape (see ASSESSMENT_SCHEMA_VERSION). */
  schema_version: typeof ASSESSMENT_SCHEMA_VERSION;
  plan_id: string;
  /** t: the report year. */
  year: number;
  /** The plan period (inclusive years). */
  period: { start: number; end: number };
  /** t0: the base year. */
  base_year: number;
  /** Whether a year file exists for the report year. */
  year_has_file: boolean;
  /** Pace tolerance as a fraction of completion (0.05 = 5 percentage points). */
  tolerance: number;
  /** Share of the required change below which a projection is 严重滞后 (0.5 = half). */
  severe_shortfall: number;
  /** Relative tolerance of target comparisons (see EQUALITY_TOLERANCE). */
  equality_tolerance: number;
  /** 序时进度 of the plan at the report year; null when period.end ≤ t0. */
  time_pace: number | null;
  indicators: IndicatorAssessment[];
  milestones: MilestoneAssessment[];
  actions: ActionRollup[];
  pillars: PillarRollup[];
  /** The whole plan. */
  summary: Rollup;
}
