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
  | 'rank';

export type Direction = 'higher' | 'lower';
/** expected = 预期性, binding = 约束性. */
export type Attribute = 'expected' | 'binding';
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
  assessment?: {
    /** Percentage points of completion (default 5). */
    tolerance?: number;
    /** Relative year-over-year change that is flagged (default 0.5 = ±50%). */
    jump_threshold?: number;
    /** Share of the required change below which a projection is 严重滞后 (default 0.5). */
    severe_shortfall?: number;
  };
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

export interface Target {
  year: number;
  /** The target value, in the indicator's unit (absent for kind `multiple`). */
  value?: number;
  /** For kind `multiple`: target = multiple × baseline (翻番 = 2). */
  multiple?: number;
  comparator: Comparator;
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
