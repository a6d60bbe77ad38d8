// Build small PlanData objects for the assessment tests: a plan (period 2022–2026,
// base year 2021) with the indicators and milestones a test names, and year files
// made from per-indicator series such as { 2021: 2379.2, 2024: 2929 }.

import type {
  Indicator,
  Milestone,
  MilestoneState,
  Observation,
  PlanData,
  PlanMeta,
  YearData,
} from '../../src/model.js';

export const PLAN_FILE = 'plan/plan.yaml';

/** Path of a built year file. */
export function yearFile(year: number): string {
  return `plan/data/${year}.yaml`;
}

/** An indicator with defaults: a 亿元 level, higher is better, target ≥ 100 in 2026. */
export function indicator(over: Partial<Indicator> & { id: string }): Indicator {
  return {
    name: `指标${over.id}`,
    unit: '亿元',
    kind: 'level',
    direction: 'higher',
    attribute: 'expected',
    pillar: 'strong',
    actions: ['industry'],
    scope: 'city',
    target: { year: 2026, value: 100, comparator: '>=' },
    source: 'plan-doc',
    ...over,
  };
}

/** A milestone with defaults: action `industry`, due 2026. */
export function milestone(over: Partial<Milestone> & { id: string }): Milestone {
  return { name: `项目${over.id}`, action: 'industry', due: 2026, done_when: '建成', ...over };
}

/** A milestone state reported by the `stats` source. */
export function state(s: MilestoneState['state'], extra: Partial<MilestoneState> = {}): MilestoneState {
  return { state: s, source: 'stats', ...extra };
}

/** A year's entry: a number (in the indicator's unit and scope), a full observation, or `missing`. */
export type Entry = number | Observation;

export interface PlanSpec {
  indicators?: Indicator[];
  milestones?: Milestone[];
  /** Series by indicator id, then by year. */
  values?: Record<string, Record<number, Entry>>;
  /** Milestone states by milestone id, then by year. */
  states?: Record<string, Record<number, MilestoneState>>;
  /** Years that get a (possibly empty) file even without values. */
  files?: number[];
  assessment?: PlanMeta['assessment'];
  baseYear?: number;
  period?: { start: number; end: number };
}

/** Build the PlanData a spec describes; year files are sorted by year. */
export function buildData(spec: PlanSpec): PlanData {
  const indicators = spec.indicators ?? [];
  const years = new Map<number, YearData>();
  const fileFor = (year: number): YearData => {
    let y = years.get(year);
    if (y === undefined) {
      y = { file: yearFile(year), year, observations: {} };
      years.set(year, y);
    }
    return y;
  };
  for (const year of spec.files ?? []) fileFor(year);
  for (const [id, series] of Object.entries(spec.values ?? {})) {
    const ind = indicators.find((i) => i.id === id);
    for (const [yearText, entry] of Object.entries(series)) {
      const obs: Observation = typeof entry === 'number'
        ? { value: entry, unit: ind?.unit ?? '亿元', scope: ind?.scope ?? 'city', status: 'final', source: 'stats' }
        : entry;
      fileFor(Number(yearText)).observations[id] = obs;
    }
  }
  for (const [id, series] of Object.entries(spec.states ?? {})) {
    for (const [yearText, s] of Object.entries(series)) {
      const y = fileFor(Number(yearText));
      y.milestones = { ...(y.milestones ?? {}), [id]: s };
    }
  }
  const plan: PlanMeta = {
    id: 'test-plan',
    title: '测试市五年规划',
    region: '测试市',
    period: spec.period ?? { start: 2022, end: 2026 },
    base_year: spec.baseYear ?? 2021,
    language: 'zh-CN',
  };
  if (spec.assessment !== undefined) plan.assessment = spec.assessment;
  return {
    file: PLAN_FILE,
    plan: {
      plan,
      scopes: [{ id: 'city', name: '全市' }, { id: 'city-proper', name: '市级' }],
      sources: [{ id: 'plan-doc', title: '五年规划' }, { id: 'stats', title: '统计公报' }],
      pillars: [{ id: 'strong', name: '硬核实力' }, { id: 'quality', name: '品质魅力' }],
      actions: [
        { id: 'industry', name: '产业升级提速行动', pillar: 'strong', measures: [] },
        { id: 'talent', name: '人才科创提级行动', pillar: 'strong', measures: [] },
        { id: 'ecology', name: '生态环境提标行动', pillar: 'quality', measures: [] },
      ],
      indicators,
      milestones: spec.milestones ?? [],
    },
    years: [...years.values()].sort((a, b) => a.year - b.year),
  };
}

/** The GDP indicator of the issue: 2379.2亿元 in 2021, target 3200亿元 in 2026. */
export function gdp(over: Partial<Indicator> = {}): Indicator {
  return indicator({
    id: 'gdp', name: '地区生产总值', unit: '亿元', kind: 'level',
    target: { year: 2026, value: 3200, comparator: '>=' }, annual_growth: 6, ...over,
  });
}
