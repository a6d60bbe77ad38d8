// What the semantic rules share: the codes they report (from the code catalogue), the
// context built once per run (ids, suggestions, year files in order), and the helpers
// that build a diagnostic and resolve a reference.

import { CODE_NAMES, CODES, type Code } from '../codes/index.js';
import { at, pointer, type Diagnostic, type Severity, type Text } from '../diagnostic.js';
import type { Indicator, Observation, PlanData, PlanFile, YearData } from '../model.js';
import { createSuggester } from './suggest.js';

/** A code of the catalogue that a rule reports. */
export type RuleCode = { [K in Code]: 'rule' extends (typeof CODES)[K]['kinds'][number] ? K : never }[Code];

/** Every code the rules report, in catalogue order, with its severity. */
export const RULES: ReadonlyArray<{ code: RuleCode; severity: Severity }> = CODE_NAMES.flatMap((code) => {
  const entry = CODES[code];
  return (entry.kinds as readonly string[]).includes('rule') && entry.severity !== null
    ? [{ code: code as RuleCode, severity: entry.severity }]
    : [];
});

/** Default relative year-over-year change flagged as implausible (0.5 = ±50%). */
export const DEFAULT_JUMP_THRESHOLD = 0.5;

/** Candidate comparisons each collection may spend on "did you mean" hints in one run. */
const SUGGESTION_BUDGET = 200_000;


/** The declared collections a reference can point into, by singular name. */
export const COLLECTIONS = {
  scope: 'scopes',
  source: 'sources',
  pillar: 'pillars',
  action: 'actions',
  indicator: 'indicators',
  milestone: 'milestones',
} as const;
export type Collection = keyof typeof COLLECTIONS;
export const COLLECTION_LIST = Object.entries(COLLECTIONS) as Array<[Collection, (typeof COLLECTIONS)[Collection]]>;

/** What the rules share: the first index of every id, the base year and the year files in order. */
export interface RuleContext {
  planFile: string;
  plan: PlanFile;
  /** First index of each id in its collection. */
  ids: Record<Collection, Map<string, number>>;
  /** "Did you mean" among the declared ids of each collection. */
  suggest: Record<Collection, (word: string) => string | undefined>;
  /** Indicators by id (first declaration wins). */
  indicators: Map<string, Indicator>;
  baseYear: number;
  /** The first year file for the base year, if any. */
  baseFile: YearData | undefined;
  /** Year files sorted by year (stable for equal years). */
  chronological: YearData[];
  /** The observations of each year file as [indicator id, observation] pairs, in file order. */
  observations: Map<YearData, Array<[string, Observation]>>;
  jumpThreshold: number;
}

/** A named semantic or data-quality rule. */
export type Rule = (data: PlanData, ctx: RuleContext) => Diagnostic[];

/** Build a diagnostic with the severity the catalogue gives its code. */
export function report(code: RuleCode, file: string, ptr: string, message: Text, hint?: Text): Diagnostic {
  return at(file, ptr, CODES[code].severity ?? 'error', code, message, hint);
}

/** Whether `record` has its own `key` (ids such as `constructor` must not hit the prototype). */
export function has(record: object, key: string): boolean {
  return Object.hasOwn(record, key);
}

export function entries<T>(record: Record<string, T> | undefined): Array<[string, T]> {
  return record === undefined ? [] : Object.entries(record);
}

export function createContext(data: PlanData): RuleContext {
  const plan = data.plan;
  const ids = {} as Record<Collection, Map<string, number>>;
  const suggesters = {} as Record<Collection, (word: string) => string | undefined>;
  for (const [single, plural] of COLLECTION_LIST) {
    const map = new Map<string, number>();
    plan[plural].forEach((item, i) => {
      if (!map.has(item.id)) map.set(item.id, i);
    });
    ids[single] = map;
    suggesters[single] = createSuggester(map.keys(), SUGGESTION_BUDGET);
  }
  const indicators = new Map<string, Indicator>();
  for (const ind of plan.indicators) if (!indicators.has(ind.id)) indicators.set(ind.id, ind);
  const chronological = [...data.years].sort((a, b) => a.year - b.year);
  const baseYear = plan.plan.base_year;
  return {
    planFile: data.file,
    plan,
    ids,
    suggest: suggesters,
    indicators,
    baseYear,
    baseFile: chronological.find((y) => y.year === baseYear),
    chronological,
    observations: new Map(data.years.map((y) => [y, entries(y.observations)])),
    jumpThreshold: plan.plan.assessment?.jump_threshold ?? DEFAULT_JUMP_THRESHOLD,
  };
}

/** Report `id` when it is not declared in `collection`, suggesting the nearest declared id. */
export function resolve(
  ctx: RuleContext,
  collection: Collection,
  id: string,
  file: string,
  path: ReadonlyArray<string | number>,
  subject: { en: string; zh: string },
): Diagnostic[] {
  if (ctx.ids[collection].has(id)) return [];
  const near = ctx.suggest[collection](id);
  const hint = near !== undefined
    ? { en: `did you mean \`${near}\`?`, zh: `是否应为 \`${near}\`？` }
    : { en: `declare it under \`${COLLECTIONS[collection]}\` in ${ctx.planFile}`, zh: `请在 ${ctx.planFile} 的 \`${COLLECTIONS[collection]}\` 下声明` };
  return [report(`unknown-${collection}`, file, pointer(...path),
    { en: `${subject.en} refers to unknown ${collection} \`${id}\``, zh: `${subject.zh}引用了未声明的${COLLECTION_ZH[collection]} \`${id}\`` }, hint)];
}

/** The collections' names in Chinese, for messages. */
export const COLLECTION_ZH: Readonly<Record<Collection, string>> = {
  scope: '统计口径', source: '来源', pillar: '领域', action: '行动', indicator: '指标', milestone: '里程碑',
};

/** Name an indicator in a message: "`gdp` (地区生产总值)", "`gdp`（地区生产总值）". */
export function label(ind: Indicator, lang: 'en' | 'zh' = 'en'): string {
  return lang === 'en' ? `\`${ind.id}\` (${ind.name})` : `\`${ind.id}\`（${ind.name}）`;
}

/** Whether an observation carries a figure (and is not marked missing). */
export function hasValue(obs: Observation): obs is Observation & { value: number } {
  return obs.missing === undefined && typeof obs.value === 'number';
}
