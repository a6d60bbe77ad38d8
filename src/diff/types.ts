// The Diff: what changed between two assessments of one plan — two report years, or
// one report year at two git revisions of the data. Plain JSON data only (what
// `diff --json` prints): snake_case, every field always present, null when unknown.
// A change to the field names is a change of `schema_version`.

import type {
  Assessment,
  IndicatorStatus,
  MilestoneStatus,
} from '../assess/types.js';
import type { Code } from '../codes/index.js';
import type { Attribute, IndicatorKind, MilestoneStateName } from '../model.js';

/** Version of the Diff's JSON shape. */
export const DIFF_SCHEMA_VERSION = 1;

/** years: one plan, two report years; revisions: one report year, two versions of the data. */
export type DiffMode = 'years' | 'revisions';

/**
 * Where a side's data comes from: year — the plan folder on disk (year diffs);
 * revision — a git revision; working_tree — the plan folder on disk (revision diffs).
 */
export type SideOrigin = 'year' | 'revision' | 'working_tree';

/** A data-quality warning (a validation or assessment diagnostic of severity warning). */
export interface QualityWarning {
  /** The diagnostic code, e.g. `preliminary-value`. */
  code: Code;
  /** The indicator it concerns; null when it concerns none. */
  indicator: string | null;
  /** The milestone it concerns; null when it concerns none. */
  milestone: string | null;
  /** The year of the year file it points into; null for the plan file. */
  data_year: number | null;
  /** The diagnostic's message. */
  message: string;
  /** The file as shown to the user (`plan/data/2024.yaml@main` for a revision). */
  file: string;
  /** 1-based line; 0 when not located. */
  line: number;
  /** 1-based column; 0 when not located. */
  col: number;
}

/**
 * One side of a comparison, as the diff stage takes it: an assessment and the
 * data-quality warnings that bear on it (see buildSide).
 */
export interface DiffSide {
  /** How the side is named: the year ("2024"), the revision ("main") or "working tree". */
  label: string;
  origin: SideOrigin;
  /** The revision as given; null unless origin is revision. */
  revision: string | null;
  /** The full commit id the revision resolved to; null unless origin is revision. */
  commit: string | null;
  assessment: Assessment;
  /** Warnings that bear on this report year, de-duplicated by identity (see warningKey). */
  quality: QualityWarning[];
}

/** Counts of one side, for the header of the comparison. */
export interface DiffSideSummary {
  label: string;
  origin: SideOrigin;
  revision: string | null;
  commit: string | null;
  /** The plan id on this side. */
  plan_id: string;
  /** The report year assessed. */
  year: number;
  /** Whether a year file exists for the report year. */
  year_has_file: boolean;
  /** 序时进度 of the plan at the report year, a fraction; null when undefined. */
  time_pace: number | null;
  /** Indicator count by status; every status is present. */
  indicators_by_status: Record<IndicatorStatus, number>;
  /** Milestone count by status; every status is present. */
  milestones_by_status: Record<MilestoneStatus, number>;
  /** Number of 预警. */
  warnings: number;
  /** Number of data-quality warnings that bear on this side. */
  quality_warnings: number;
}

/** An indicator as it stands on one side. */
export interface IndicatorSnapshot {
  /** vt, the value used, in the indicator's unit; null when none. */
  value: number | null;
  /** The year the value comes from; null when none. */
  value_year: number | null;
  /** True when the value is from a year before the report year. */
  stale: boolean;
  /** at-least / at-most when the value is only a bound; null for an exact value. */
  bound: 'at-least' | 'at-most' | null;
  /** Cumulative kind: the total of the period's flows through value_year; null otherwise or unknown. */
  achieved: number | null;
  /** V, the target value; null when unknown or there is no target. */
  target: number | null;
  /** T, the target year; null without a target. */
  target_year: number | null;
  /** 完成进度, a fraction (0.67 = 67%); null when undefined. */
  completion: number | null;
  /** 序时进度 the status compared completion with, a fraction; null when undefined. */
  pace: number | null;
  status: IndicatorStatus;
  /** 预警. */
  warning: boolean;
}

/**
 * How a status moved: up / down along far_behind < behind < on_track < ahead < met;
 * to_no_data, to_no_target when the new status is not a judgement; from_no_data,
 * from_no_target when the old one was not.
 */
export type StatusMovement = 'up' | 'down' | 'to_no_data' | 'from_no_data' | 'to_no_target' | 'from_no_target';

/** both: on both sides; added: only on the `to` side; removed: only on the `from` side. */
export type Presence = 'both' | 'added' | 'removed';

/** Data-quality warnings that appear or disappear between the sides. */
export interface QualityChanges {
  /** On the `to` side only. */
  new: QualityWarning[];
  /** On the `from` side only. */
  resolved: QualityWarning[];
  /** On both sides. */
  unchanged: number;
}

/** What changed for one indicator. */
export interface IndicatorDiff {
  id: string;
  /** Name on the `to` side (the `from` side when removed). */
  name: string;
  unit: string;
  kind: IndicatorKind;
  attribute: Attribute;
  pillar: string;
  presence: Presence;
  /** null when the indicator is not on that side. */
  from: IndicatorSnapshot | null;
  to: IndicatorSnapshot | null;
  /** Whether anything below changed (or the indicator was added or removed). */
  changed: boolean;
  /** The value, its year, its bound or (cumulative) the total achieved differ. */
  value_changed: boolean;
  /** to.value − from.value; null when either is null. */
  value_delta: number | null;
  /** 完成进度 differs. */
  completion_changed: boolean;
  /** to.completion − from.completion, a fraction; null when either is null. */
  completion_delta: number | null;
  /** The target value or year differs. */
  target_changed: boolean;
  /** null when the status is the same (or the indicator is on one side only). */
  status_change: { from: IndicatorStatus; to: IndicatorStatus; movement: StatusMovement } | null;
  /** new: a 预警 appears; resolved: it is lifted; null: no change. */
  warning_change: 'new' | 'resolved' | null;
  quality: QualityChanges;
}

/** A milestone as it stands on one side. */
export interface MilestoneSnapshot {
  status: MilestoneStatus;
  /** The latest reported state; null when none. */
  state: MilestoneStateName | null;
  /** The year file the state comes from; null when none. */
  state_year: number | null;
  /** Stated expected completion ("YYYY[-MM[-DD]]"); null when not given. */
  expected: string | null;
  due: number;
}

/** What changed for one milestone. */
export interface MilestoneDiff {
  id: string;
  name: string;
  action: string;
  /** Pillar of the milestone's action; null when unknown. */
  pillar: string | null;
  presence: Presence;
  from: MilestoneSnapshot | null;
  to: MilestoneSnapshot | null;
  changed: boolean;
  /** null when the status is the same (or the milestone is on one side only). */
  status_change: { from: MilestoneStatus; to: MilestoneStatus } | null;
  /** null when the reported state is the same. */
  state_change: { from: MilestoneStateName | null; to: MilestoneStateName | null } | null;
  /** The stated expected completion or the due year differs. */
  schedule_changed: boolean;
  quality: QualityChanges;
}

/** The indicators and milestones of one pillar: changed first, then unchanged, each in plan order. */
export interface PillarDiff {
  /** Pillar id; null for milestones whose action has no known pillar. */
  id: string | null;
  name: string;
  indicators: IndicatorDiff[];
  milestones: MilestoneDiff[];
  indicators_changed: number;
  indicators_unchanged: number;
  milestones_changed: number;
  milestones_unchanged: number;
}

/** Counts over the whole comparison. */
export interface DiffSummary {
  indicators: number;
  indicators_changed: number;
  indicators_unchanged: number;
  /** Statuses that moved up (better) / down (worse) along the status order. */
  status_up: number;
  status_down: number;
  /** Status changes to or from no_data / no_target. */
  status_other: number;
  /** 预警 that appear / are lifted. */
  warnings_new: number;
  warnings_resolved: number;
  /** Data-quality warnings that appear / disappear, over indicators, milestones and the rest. */
  quality_new: number;
  quality_resolved: number;
  indicators_added: number;
  indicators_removed: number;
  milestones: number;
  milestones_changed: number;
  milestones_unchanged: number;
}

/** The comparison of two sides. */
export interface Diff {
  /** Version of this shape (see DIFF_SCHEMA_VERSION). */
  schema_version: typeof DIFF_SCHEMA_VERSION;
  mode: DiffMode;
  from: DiffSideSummary;
  to: DiffSideSummary;
  /** Whether anything at all changed. */
  has_changes: boolean;
  summary: DiffSummary;
  /** Every pillar, in plan order (`to` side first, then pillars only on the `from` side). */
  pillars: PillarDiff[];
  /** Data-quality warnings tied to no indicator or milestone. */
  other_quality: QualityChanges;
}
