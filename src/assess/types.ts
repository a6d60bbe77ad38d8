// The Assessment: what `gaps --json` prints and `report` saves as assessment.json.
// Plain JSON data only: every number is finite or null (null = not computable, with
// a reason beside it), no undefined fields, no Dates or Maps. Field names are stable
// and snake_case; a change to them is a change of `schema_version`.

import type { CodeInfo } from '../diagnostic.js';
import type {
  Attribute,
  Comparator,
  Direction,
  IndicatorKind,
  MilestoneStateName,
  ObservationStatus,
} from '../model.js';

/** Version of the Assessment's JSON shape. */
export const ASSESSMENT_SCHEMA_VERSION = 1;

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
 * far_behind = 严重滞后, no_data = 无数据, no_target = 无目标 (monitored only).
 */
export type IndicatorStatus =
  | 'met'
  | 'ahead'
  | 'on_track'
  | 'behind'
  | 'far_behind'
  | 'no_data'
  | 'no_target';

/** Every indicator status, best first, then the two without a judgement. */
export const INDICATOR_STATUSES: readonly IndicatorStatus[] = [
  'met', 'ahead', 'on_track', 'behind', 'far_behind', 'no_data', 'no_target',
];

export const INDICATOR_STATUS_LABELS_ZH: Readonly<Record<IndicatorStatus, string>> = {
  met: '已完成',
  ahead: '快于序时',
  on_track: '基本符合序时',
  behind: '滞后',
  far_behind: '严重滞后',
  no_data: '无数据',
  no_target: '无目标',
};

export const INDICATOR_STATUS_LABELS_EN: Readonly<Record<IndicatorStatus, string>> = {
  met: 'target met',
  ahead: 'ahead of pace',
  on_track: 'on pace',
  behind: 'behind pace',
  far_behind: 'far behind',
  no_data: 'no data',
  no_target: 'no target',
};

/**
 * Order of the judged statuses, worse to better (far_behind 0 … met 4); null for
 * no_data and no_target, which are not judgements.
 */
export const INDICATOR_STATUS_RANK: Readonly<Record<IndicatorStatus, number | null>> = {
  far_behind: 0,
  behind: 1,
  on_track: 2,
  ahead: 3,
  met: 4,
  no_data: null,
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

export const MILESTONE_STATUS_LABELS_ZH: Readonly<Record<MilestoneStatus, string>> = {
  done: '已完成',
  on_schedule: '按期推进',
  at_risk: '存在风险',
  overdue: '逾期',
  no_data: '无数据',
};

export const MILESTONE_STATUS_LABELS_EN: Readonly<Record<MilestoneStatus, string>> = {
  done: 'done',
  on_schedule: 'on schedule',
  at_risk: 'at risk',
  overdue: 'overdue',
  no_data: 'no data',
};

/**
 * Eurostat / Statistics Canada progress category of the ratio R (as in Open SDG's
 * progress calculation): significant R ≥ 0.95, moderate 0.60 ≤ R < 0.95,
 * insufficient 0 ≤ R < 0.60, moving_away R < 0.
 */
export type ProgressCategory = 'significant' | 'moderate' | 'insufficient' | 'moving_away';

export const PROGRESS_CATEGORY_LABELS_ZH: Readonly<Record<ProgressCategory, string>> = {
  significant: '显著进展',
  moderate: '适度进展',
  insufficient: '进展不足',
  moving_away: '背离目标',
};

export const PROGRESS_CATEGORY_LABELS_EN: Readonly<Record<ProgressCategory, string>> = {
  significant: 'significant progress',
  moderate: 'moderate progress',
  insufficient: 'insufficient progress',
  moving_away: 'moving away',
};

/**
 * How rates and projections are computed for a kind:
 * compound — growth rates, a fraction per year (level, count, multiple);
 * linear — change in the indicator's unit per year, i.e. percentage points for
 *   percentages, points for ratios, positions for ranks;
 * flow — cumulative kind: mean yearly flow, in the indicator's unit per year.
 */
export type RateMethod = 'compound' | 'linear' | 'flow';

/**
 * How the projection to the target year was made: by the rate method, or `observed`
 * when the value used is already from the target year or later.
 */
export type ProjectionMethod = RateMethod | 'observed';

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
  /** V: the target value (multiple × v0 for 翻番 targets). */
  target: Component;
  /** p at the report year: (t − t0) / (T − t0), clamped to [0, 1]. */
  time_pace: Component;
  /** p at the year of the value used: (tv − t0) / (T − t0), clamped to [0, 1]. */
  pace_at_value_year: Component;
  /** Cumulative kind only: the sum of the period's yearly flows, inputs keyed by year. */
  achieved: Component | null;
  /** V − vt (cumulative: V − achieved). */
  gap: Component;
  /** vt / V (cumulative: achieved / V). */
  attainment: Component;
  /** c: (vt − v0) / (V − v0), cumulative achieved / V. */
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

/** The assessment of one indicator in the report year. */
export interface IndicatorAssessment {
  /** Indicator id, as in the plan. */
  id: string;
  /** Indicator name (plan language). */
  name: string;
  /** Unit of every value, target and gap below (rates: see `rate_method`). */
  unit: string;
  /** level, percentage, ratio, count, cumulative, multiple or rank. */
  kind: IndicatorKind;
  /** Whether a higher or a lower value is better. */
  direction: Direction;
  /** expected = 预期性, binding = 约束性. */
  attribute: Attribute;
  /** Pillar id. */
  pillar: string;
  /** Ids of the actions the indicator serves. */
  actions: string[];
  /** Scope id the target refers to; only observations in this scope are used. */
  scope: string;

  /** Whether the plan sets a target (false for indicators it only monitors). */
  has_target: boolean;
  /** T: the target year; null without a target. */
  target_year: number | null;
  /** The target's comparator; null without a target. */
  comparator: Comparator | null;
  /** V: the target value in `unit` (cumulative: the total over the period); null when unknown. */
  target: number | null;
  /** For 翻番-style targets: V = target_multiple × baseline; null otherwise. */
  target_multiple: number | null;
  /** Why `target` is null; null when it is known. */
  target_reason: string | null;

  /** t0: the plan's base year. */
  baseline_year: number;
  /** v0: the base year's comparable value (cumulative: the base year's flow); null when none. */
  baseline: number | null;
  /** Status of the baseline figure (preliminary/final/estimate); null when no baseline. */
  baseline_status: ObservationStatus | null;
  /** Source id of the baseline figure; null when no baseline. */
  baseline_source: string | null;
  /** The kind of bound the baseline is when the source gives only a bound, else null. */
  baseline_bound: 'at-least' | 'at-most' | null;
  /** Why `baseline` is null; null when it is known. */
  baseline_reason: string | null;

  /** vt: the value used (cumulative: the latest yearly flow); null when none. */
  value: number | null;
  /** tv: the year the value used comes from; null when none. */
  value_year: number | null;
  /** True when value_year is before the report year (the latest earlier comparable value). */
  stale: boolean;
  /** True when the source gives the value only as a bound (see `bound`). */
  value_is_bound: boolean;
  /** The kind of bound the value is, or null for an exact value. */
  bound: 'at-least' | 'at-most' | null;
  /** Status of the value used (preliminary/final/estimate); null when none. */
  value_status: ObservationStatus | null;
  /** Source id of the value used; null when none. */
  value_source: string | null;
  /** Why `value` is null or stale; null for a current value. */
  value_reason: string | null;

  /** Cumulative kind: sum of the yearly flows from the period's start to value_year; null otherwise or when a year is missing. */
  achieved: number | null;
  /** Why `achieved` is null for a cumulative indicator; null otherwise. */
  achieved_reason: string | null;

  /** V − vt (cumulative: V − achieved), in `unit`; null when either is unknown. */
  gap: number | null;
  /** What the gap means given the direction; null when gap is null. */
  gap_direction: GapDirection | null;
  /** 目标完成率 vt / V (cumulative: achieved / V), a fraction; null when unknown or V = 0. */
  attainment: number | null;

  /**
   * 序时进度 p at the report year, a fraction (0.6 = 60%): (t − t0)/(T − t0) clamped to
   * [0, 1], with t0 = period.start − 1 for cumulative targets; null without a target or when T ≤ t0.
   */
  time_pace: number | null;
  /**
   * p at value_year, a fraction: the pace the status compares completion with, so that a
   * stale value is judged against the pace of its own year (equal to time_pace when not stale).
   */
  pace_at_value_year: number | null;
  /** 完成进度 c, a fraction (0.67 = 67%): (vt − v0)/(V − v0), cumulative achieved / V. */
  completion: number | null;
  /** Why `completion` is null; null when it is known. */
  completion_reason: string | null;

  /** How the rates below are measured (see RateMethod). */
  rate_method: RateMethod;
  /** Growth so far g from t0 to tv: a fraction per year (compound) or unit per year (linear, flow). */
  growth_so_far: number | null;
  /** Why growth_so_far is null; null when it is known. */
  growth_so_far_reason: string | null;
  /** Growth required r from tv to T, same measure as growth_so_far; null once t ≥ T. */
  growth_required: number | null;
  /** Why growth_required is null; null when it is known. */
  growth_required_reason: string | null;
  /** Growth required from t0 to T, same measure (the Eurostat ratio's denominator). */
  growth_required_from_base: number | null;
  /** Why growth_required_from_base is null; null when it is known. */
  growth_required_from_base_reason: string | null;
  /** The plan's 年均增长 target as a fraction per year (6% → 0.06); null when not set. */
  annual_growth_target: number | null;

  /** Projected value at T (cumulative: projected total), in `unit`; null when no rate. */
  projection: number | null;
  /** How the projection was made (the rate method, or `observed` when tv ≥ T). */
  projection_method: ProjectionMethod;
  /** Whether the projection satisfies the comparator against V; null when unknown. */
  projection_meets_target: boolean | null;
  /** Share of the required change the projection reaches: (proj − v0)/(V − v0); cumulative proj / V. */
  projection_share: number | null;
  /** Why projection is null; null when it is known. */
  projection_reason: string | null;

  /** The status; see INDICATOR_STATUS_LABELS_ZH for its label and indicator.ts decideStatus for the precedence. */
  status: IndicatorStatus;
  /** Why the status is what it is: the rule of the precedence that decided, in the notation above (p = pace_at_value_year). */
  status_reason: string;

  /** 预警: a binding (约束性) indicator whose projection misses its target. */
  warning: boolean;
  /** Why a binding indicator has or has no warning; null for expected indicators. */
  warning_reason: string | null;

  /** Eurostat/StatCan ratio R = d · g / |required growth from base| (d = +1 higher, −1 lower). */
  progress_ratio: number | null;
  /** Category of progress_ratio; null when the ratio is null. */
  progress_category: ProgressCategory | null;
  /** Why progress_ratio is null; null when it is known. */
  progress_ratio_reason: string | null;

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
  /** Stated expected completion ("YYYY[-MM[-DD]]"); null when not given. */
  expected: string | null;
  /** The year of `expected`; null when not given. */
  expected_year: number | null;
  /** True when state_year is before the report year. */
  stale: boolean;
  /** The status; see MILESTONE_STATUS_LABELS_ZH for its label and milestone.ts for the precedence. */
  status: MilestoneStatus;
  /** Why the status is what it is. */
  reason: string;
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
  /** Indicators with a target and data (status other than no_data and no_target). */
  assessed: number;
  /** Assessed indicators met, ahead or on pace. */
  on_or_ahead: number;
  /** on_or_ahead / assessed, a fraction; null when nothing is assessed. */
  share_on_or_ahead: number | null;
  /** Ids of the indicators with a 预警, in plan order. */
  warning_ids: string[];
  /** Number of 预警. */
  warnings: number;
}

/** Roll-up of one action (十大行动): the indicators serving it and its milestones. */
export interface ActionRollup extends Rollup {
  /** Action id. */
  id: string;
  /** Action name (plan language). */
  name: string;
  /** Pillar id. */
  pillar: string;
}

/** Roll-up of one pillar: its indicators and the milestones of its actions. */
export interface PillarRollup extends Rollup {
  /** Pillar id. */
  id: string;
  /** Pillar name (plan language). */
  name: string;
  /** Ids of the pillar's actions, in plan order. */
  action_ids: string[];
}

/** The whole assessment of a plan in one report year. */
export interface Assessment {
  /** Version of this shape (see ASSESSMENT_SCHEMA_VERSION). */
  schema_version: typeof ASSESSMENT_SCHEMA_VERSION;
  /** Plan id. */
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
  /** 序时进度 of the plan at the report year: (t − t0)/(period.end − t0), clamped to [0, 1]; null when period.end ≤ t0. */
  time_pace: number | null;
  /** Every indicator, in plan order. */
  indicators: IndicatorAssessment[];
  /** Every milestone, in plan order. */
  milestones: MilestoneAssessment[];
  /** Every action, in plan order. */
  actions: ActionRollup[];
  /** Every pillar, in plan order. */
  pillars: PillarRollup[];
  /** The whole plan. */
  summary: Rollup;
}

/** Every diagnostic code the assessment reports, with its severity. */
export const ASSESS_CODES = [
  { code: 'not-comparable', severity: 'warning', description: "An observation's unit or scope differs from its indicator's, so the assessment does not use it." },
  { code: 'stale-value', severity: 'info', description: 'The report year has no comparable value for an indicator: the latest earlier one is used.' },
  { code: 'no-value', severity: 'info', description: 'An indicator with a target has no comparable value after the base year up to the report year: its status is 无数据.' },
  { code: 'growth-undefined', severity: 'warning', description: 'A growth rate needs positive values: a zero or negative baseline, value or target leaves it undefined.' },
  { code: 'completion-undefined', severity: 'info', description: 'The target asks for no change from the baseline (V = v0, or V on the worse side): completion is undefined.' },
  { code: 'cumulative-incomplete', severity: 'warning', description: "A cumulative indicator lacks a year's flow in the period: the total achieved is unknown." },
  { code: 'report-year-before-base', severity: 'warning', description: 'The report year precedes the base year: nothing can be assessed.' },
] as const satisfies readonly CodeInfo[];

/** A diagnostic code of the assessment. */
export type AssessCodeName = (typeof ASSESS_CODES)[number]['code'];
