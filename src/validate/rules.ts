// Semantic rules and data-quality warnings over schema-valid plan data. Each rule is a small
// named function that returns the diagnostics it finds; checkRules runs them all and orders the
// result by file, then by position in the data. Pure: no I/O, never throws on bad data.

import { at, pointer } from '../diagnostic.js';
import type { CodeInfo, Diagnostic, Severity } from '../diagnostic.js';
import type { Indicator, IndicatorKind, Observation, PlanData, PlanFile, YearData } from '../model.js';
import { hiddenCharacters } from './hidden-characters.js';
import { orderByData } from './order.js';
import { createSuggester } from './suggest.js';

/** One rule code as listed in the README. */
export type RuleInfo = CodeInfo;

/** Every code checkRules can report, with its severity and a one-line description. */
export const RULES = [
  // Semantic rules.
  { code: 'duplicate-id', severity: 'error', description: 'An id is declared twice among the pillars, actions, indicators, milestones, sources or scopes.' },
  { code: 'unknown-pillar', severity: 'error', description: 'An action or indicator refers to a pillar that is not declared.' },
  { code: 'unknown-action', severity: 'error', description: 'An indicator or milestone refers to an action that is not declared.' },
  { code: 'unknown-scope', severity: 'error', description: 'An indicator or observation refers to a scope that is not declared.' },
  { code: 'unknown-source', severity: 'error', description: 'The plan, an indicator, a milestone, an observation or a milestone state refers to a source that is not declared.' },
  { code: 'unknown-indicator', severity: 'error', description: 'A year file has an observation for an indicator that is not declared.' },
  { code: 'unknown-milestone', severity: 'error', description: 'A year file has a state for a milestone that is not declared.' },
  { code: 'period-invalid', severity: 'error', description: 'The period ends before it starts, or the base year is not before the period.' },
  { code: 'year-outside-plan', severity: 'error', description: 'A target year or milestone due year lies outside the period, or a year file lies outside base year..period end.' },
  { code: 'year-file-name', severity: 'error', description: "A year file's name is not its year (data/2024.yaml must say `year: 2024`)." },
  { code: 'duplicate-year', severity: 'error', description: 'Two year files hold the same year.' },
  { code: 'target-value-missing', severity: 'error', description: 'A `multiple` target lacks `multiple` or has `value`; any other target lacks `value` or has `multiple`.' },
  { code: 'missing-with-value', severity: 'error', description: 'An observation marked `missing` also has a value, bound or status.' },
  { code: 'target-direction-mismatch', severity: 'error', description: 'The target comparator points the other way from the direction (>= with lower is better, <= with higher).' },
  { code: 'action-pillar-mismatch', severity: 'warning', description: "An indicator's pillar is not the pillar of any action it serves." },
  { code: 'rank-direction', severity: 'warning', description: 'A rank indicator says higher is better (rank 1 is usually best).' },
  // Data-quality warnings.
  { code: 'unit-mismatch', severity: 'warning', description: "An observation's unit differs from its indicator's: the values are not comparable." },
  { code: 'scope-mismatch', severity: 'warning', description: "An observation's scope differs from its indicator's (全市 vs 市级): not comparable." },
  { code: 'preliminary-value', severity: 'warning', description: 'An observation is preliminary (初步核算) and may be revised.' },
  { code: 'estimated-value', severity: 'warning', description: 'An observation is an estimate (预计), not a measured value.' },
  { code: 'baseline-estimate', severity: 'warning', description: "A base year's observation is an estimate (预计): every completion rests on it." },
  { code: 'bound-value', severity: 'warning', description: 'An observation is only a bound (at least / at most), not an exact value.' },
  { code: 'measure-differs', severity: 'warning', description: "An observation is published under a name that is neither the indicator's nor an alias: the definition may differ." },
  { code: 'implausible-jump', severity: 'warning', description: 'A level, count, cumulative or multiple indicator changes by more than the jump threshold (default ±50%) from its previous value.' },
  { code: 'mixed-vintage', severity: 'warning', description: 'An observation and its baseline come from different vintages: growth between them mixes revisions.' },
  { code: 'observation-absent', severity: 'warning', description: 'A year file has no entry for an indicator: add an observation or `missing: <reason>`.' },
  { code: 'baseline-missing', severity: 'warning', description: "The base year has no value for an indicator with a target: its completion cannot be computed." },
  { code: 'base-year-file-missing', severity: 'warning', description: 'There is no year file for the base year: no baseline is known.' },
  { code: 'control-character', severity: 'warning', description: 'A text holds a control character, a bidi override or isolate, or a zero-width character (named as U+XXXX): invisible, it can make the text read differently from what it holds.' },
] as const satisfies readonly RuleInfo[];

export type RuleCode = (typeof RULES)[number]['code'];

const SEVERITY = new Map<string, Severity>(RULES.map((r) => [r.code, r.severity]));

/** Default relative year-over-year change flagged as implausible (0.5 = ±50%). */
export const DEFAULT_JUMP_THRESHOLD = 0.5;

/** Candidate comparisons each collection may spend on "did you mean" hints in one run. */
const SUGGESTION_BUDGET = 200_000;

/** Kinds whose year-over-year change is judged relatively; shares and ranks move in points. */
const JUMP_KINDS: ReadonlySet<IndicatorKind> = new Set(['level', 'count', 'cumulative', 'multiple']);

/** The declared collections a reference can point into, by singular name. */
const COLLECTIONS = {
  scope: 'scopes',
  source: 'sources',
  pillar: 'pillars',
  action: 'actions',
  indicator: 'indicators',
  milestone: 'milestones',
} as const;
type Collection = keyof typeof COLLECTIONS;
const COLLECTION_LIST = Object.entries(COLLECTIONS) as Array<[Collection, (typeof COLLECTIONS)[Collection]]>;

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

/** Build a diagnostic with the severity RULES gives its code. */
function report(code: RuleCode, file: string, ptr: string, message: string, hint?: string): Diagnostic {
  return at(file, ptr, SEVERITY.get(code) ?? 'error', code, message, hint);
}

/** Whether `record` has its own `key` (ids such as `constructor` must not hit the prototype). */
function has(record: object, key: string): boolean {
  return Object.hasOwn(record, key);
}

function entries<T>(record: Record<string, T> | undefined): Array<[string, T]> {
  return record === undefined ? [] : Object.entries(record);
}

function createContext(data: PlanData): RuleContext {
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
function resolve(
  ctx: RuleContext,
  collection: Collection,
  id: string,
  file: string,
  path: ReadonlyArray<string | number>,
  subject: string,
): Diagnostic[] {
  if (ctx.ids[collection].has(id)) return [];
  const near = ctx.suggest[collection](id);
  const hint =
    near !== undefined
      ? `did you mean \`${near}\`?`
      : `declare it under \`${COLLECTIONS[collection]}\` in ${ctx.planFile}`;
  return [report(`unknown-${collection}`, file, pointer(...path), `${subject} refers to unknown ${collection} \`${id}\``, hint)];
}

/** Name an indicator in a message: "`gdp` (地区生产总值)". */
function label(ind: Indicator): string {
  return `\`${ind.id}\` (${ind.name})`;
}

/** Whether an observation carries a figure (and is not marked missing). */
function hasValue(obs: Observation): obs is Observation & { value: number } {
  return obs.missing === undefined && typeof obs.value === 'number';
}

// ---------------------------------------------------------------------------------------------
// Rules on the plan file.

/** Ids are unique within each collection; point at the second occurrence. */
const uniqueIds: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  for (const [single, plural] of COLLECTION_LIST) {
    const first = ctx.ids[single];
    data.plan[plural].forEach((item, i) => {
      const j = first.get(item.id);
      if (j !== undefined && j !== i) {
        out.push(
          report('duplicate-id', data.file, pointer(plural, i, 'id'),
            `${single} id \`${item.id}\` is already used by ${single} ${j + 1} of \`${plural}\``, 'ids must be unique within a list: rename one of them'),
        );
      }
    });
  }
  return out;
};

/** The period runs forwards and the base year precedes it. */
const periodOrder: Rule = (data) => {
  const out: Diagnostic[] = [];
  const { period, base_year } = data.plan.plan;
  if (period.start > period.end) {
    out.push(report('period-invalid', data.file, pointer('plan', 'period', 'end'),
      `period ends in ${period.end}, before it starts in ${period.start}`));
  }
  if (base_year >= period.start) {
    out.push(report('period-invalid', data.file, pointer('plan', 'base_year'),
      `base year ${base_year} must be before the period's start ${period.start}`,
      `the base year is usually ${period.start - 1}`));
  }
  return out;
};

/** Every id the plan file mentions is declared in it. */
const planReferences: Rule = (data, ctx) => {
  const f = data.file;
  const p = data.plan;
  const out: Diagnostic[] = [];
  if (p.plan.source !== undefined) {
    out.push(...resolve(ctx, 'source', p.plan.source, f, ['plan', 'source'], 'the plan'));
  }
  p.actions.forEach((a, i) => {
    out.push(...resolve(ctx, 'pillar', a.pillar, f, ['actions', i, 'pillar'], `action \`${a.id}\``));
  });
  p.indicators.forEach((ind, i) => {
    const subject = `indicator \`${ind.id}\``;
    out.push(...resolve(ctx, 'pillar', ind.pillar, f, ['indicators', i, 'pillar'], subject));
    ind.actions.forEach((a, j) => {
      out.push(...resolve(ctx, 'action', a, f, ['indicators', i, 'actions', j], subject));
    });
    out.push(...resolve(ctx, 'scope', ind.scope, f, ['indicators', i, 'scope'], subject));
    out.push(...resolve(ctx, 'source', ind.source, f, ['indicators', i, 'source'], subject));
  });
  p.milestones.forEach((m, i) => {
    const subject = `milestone \`${m.id}\``;
    out.push(...resolve(ctx, 'action', m.action, f, ['milestones', i, 'action'], subject));
    if (m.source !== undefined) {
      out.push(...resolve(ctx, 'source', m.source, f, ['milestones', i, 'source'], subject));
    }
  });
  return out;
};

/** Target years and milestone due years lie within the period. */
const yearsWithinPeriod: Rule = (data) => {
  const out: Diagnostic[] = [];
  const { start, end } = data.plan.plan.period;
  const outside = (y: number): boolean => y < start || y > end;
  data.plan.indicators.forEach((ind, i) => {
    if (ind.target !== undefined && outside(ind.target.year)) {
      out.push(report('year-outside-plan', data.file, pointer('indicators', i, 'target', 'year'),
        `target year ${ind.target.year} of indicator \`${ind.id}\` is outside the period ${start}–${end}`));
    }
  });
  data.plan.milestones.forEach((m, i) => {
    if (outside(m.due)) {
      out.push(report('year-outside-plan', data.file, pointer('milestones', i, 'due'),
        `milestone \`${m.id}\` is due in ${m.due}, outside the period ${start}–${end}`));
    }
  });
  return out;
};

/** A `multiple` target states a multiple; every other target states a value. */
const targetShape: Rule = (data) => {
  const out: Diagnostic[] = [];
  data.plan.indicators.forEach((ind, i) => {
    const t = ind.target;
    if (t === undefined) return;
    const ptr = (...rest: string[]): string => pointer('indicators', i, 'target', ...rest);
    if (ind.kind === 'multiple') {
      if (t.multiple === undefined) {
        out.push(report('target-value-missing', data.file, ptr(),
          `target of \`${ind.id}\` (kind multiple) has no \`multiple\``, 'write e.g. `multiple: 2` for 翻番'));
      }
      if (t.value !== undefined) {
        out.push(report('target-value-missing', data.file, ptr('value'),
          `target of \`${ind.id}\` (kind multiple) must not have \`value\`: the value is multiple × baseline`));
      }
    } else {
      if (t.value === undefined) {
        out.push(report('target-value-missing', data.file, ptr(),
          `target of \`${ind.id}\` (kind ${ind.kind}) has no \`value\``));
      }
      if (t.multiple !== undefined) {
        out.push(report('target-value-missing', data.file, ptr('multiple'),
          `target of \`${ind.id}\` (kind ${ind.kind}) must not have \`multiple\``,
          'use kind `multiple` for targets stated as a multiple of the baseline'));
      }
    }
  });
  return out;
};

/** The comparator agrees with the direction: ≥ for higher is better, ≤ for lower. */
const targetDirection: Rule = (data) => {
  const out: Diagnostic[] = [];
  data.plan.indicators.forEach((ind, i) => {
    const c = ind.target?.comparator;
    if (c === undefined) return;
    const wrong =
      ((c === '>=' || c === '>') && ind.direction === 'lower') ||
      ((c === '<=' || c === '<') && ind.direction === 'higher');
    if (wrong) {
      out.push(report('target-direction-mismatch', data.file, pointer('indicators', i, 'target', 'comparator'),
        `target of \`${ind.id}\` uses \`${c}\` but the direction says ${ind.direction} is better`,
        'fix the comparator or the direction'));
    }
  });
  return out;
};

/** Ranks are better when lower; say so explicitly when a plan claims otherwise. */
const rankDirection: Rule = (data) => {
  const out: Diagnostic[] = [];
  data.plan.indicators.forEach((ind, i) => {
    if (ind.kind === 'rank' && ind.direction === 'higher') {
      out.push(report('rank-direction', data.file, pointer('indicators', i, 'direction'),
        `rank indicator \`${ind.id}\` says higher is better`, 'rank 1 is usually best: `direction: lower`'));
    }
  });
  return out;
};

/** An indicator sits under the pillar of at least one of the actions it serves. */
const actionPillar: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  const actions = data.plan.actions;
  data.plan.indicators.forEach((ind, i) => {
    if (!ctx.ids.pillar.has(ind.pillar)) return; // already unknown-pillar
    const pillars: string[] = [];
    for (const id of ind.actions) {
      const j = ctx.ids.action.get(id);
      const action = j === undefined ? undefined : actions[j];
      if (action !== undefined && ctx.ids.pillar.has(action.pillar)) pillars.push(action.pillar);
    }
    if (pillars.length > 0 && !pillars.includes(ind.pillar)) {
      const distinct = [...new Set(pillars)].map((p) => `\`${p}\``).join(', ');
      out.push(report('action-pillar-mismatch', data.file, pointer('indicators', i, 'pillar'),
        `indicator \`${ind.id}\` is under pillar \`${ind.pillar}\`, but its actions are under ${distinct}`));
    }
  });
  return out;
};

// ---------------------------------------------------------------------------------------------
// Rules on the year files.

/** File name stem, e.g. "2024" for "plan/data/2024.yaml". */
function stem(file: string): { base: string; stem: string } {
  const base = file.split(/[\\/]/).pop() ?? file;
  return { base, stem: base.replace(/\.[^.]*$/, '') };
}

/** Each year file is named after its year, lies within base year..period end, and is alone. */
const yearFiles: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  const { end } = data.plan.plan.period;
  const seen = new Map<number, string>();
  for (const y of data.years) {
    const ptr = pointer('year');
    const name = stem(y.path ?? y.file);
    if (!/^[0-9]{4}$/.test(name.stem)) {
      out.push(report('year-file-name', y.file, ptr,
        `file \`${name.base}\` is not named after a year`, `name it \`${y.year}.yaml\``));
    } else if (Number(name.stem) !== y.year) {
      out.push(report('year-file-name', y.file, ptr,
        `year ${y.year} does not match the file name \`${name.base}\``,
        `rename the file to \`${y.year}.yaml\` or write \`year: ${name.stem}\``));
    }
    if (y.year < ctx.baseYear || y.year > end) {
      out.push(report('year-outside-plan', y.file, ptr,
        `year ${y.year} is outside the base year ${ctx.baseYear} to the period's end ${end}`));
    }
    const first = seen.get(y.year);
    if (first !== undefined) {
      out.push(report('duplicate-year', y.file, ptr,
        `year ${y.year} is already held by ${first}: one indicator would have two observations for ${y.year}`,
        'merge the two files'));
    } else {
      seen.set(y.year, y.file);
    }
  }
  return out;
};

/** Every indicator, milestone, scope and source a year file names is declared in the plan. */
const yearReferences: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  for (const y of data.years) {
    for (const [key, obs] of ctx.observations.get(y) ?? []) {
      out.push(...resolve(ctx, 'indicator', key, y.file, ['observations', key], `observation \`${key}\``));
      const subject = `observation of \`${key}\``;
      if (obs.scope !== undefined) {
        out.push(...resolve(ctx, 'scope', obs.scope, y.file, ['observations', key, 'scope'], subject));
      }
      if (obs.source !== undefined) {
        out.push(...resolve(ctx, 'source', obs.source, y.file, ['observations', key, 'source'], subject));
      }
    }
    for (const [key, state] of entries(y.milestones)) {
      out.push(...resolve(ctx, 'milestone', key, y.file, ['milestones', key], `milestone state \`${key}\``));
      out.push(...resolve(ctx, 'source', state.source, y.file, ['milestones', key, 'source'],
        `state of milestone \`${key}\``));
    }
  }
  return out;
};

/** An entry marked `missing` carries no figure. */
const missingWithValue: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  for (const y of data.years) {
    for (const [key, obs] of ctx.observations.get(y) ?? []) {
      if (obs.missing === undefined) continue;
      const extra = (['value', 'bound', 'status'] as const).filter((k) => obs[k] !== undefined);
      const firstExtra = extra[0];
      if (firstExtra !== undefined) {
        out.push(report('missing-with-value', y.file, pointer('observations', key, firstExtra),
          `\`${key}\` is marked missing but also has ${extra.map((k) => `\`${k}\``).join(', ')}`,
          'remove `missing` or the figure'));
      }
    }
  }
  return out;
};

/** Warn about observations that are not comparable with, or less certain than, the target. */
const observationQuality: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  for (const y of data.years) {
    for (const [key, obs] of ctx.observations.get(y) ?? []) {
      const ind = ctx.indicators.get(key);
      if (ind === undefined || obs.missing !== undefined) continue;
      const ptr = (field: string): string => pointer('observations', key, field);
      const what = `\`${key}\` ${y.year}`;
      if (obs.unit !== undefined && obs.unit !== ind.unit) {
        out.push(report('unit-mismatch', y.file, ptr('unit'),
          `${what} is in ${obs.unit}, but indicator \`${key}\` is in ${ind.unit}: not comparable`));
      }
      if (obs.scope !== undefined && obs.scope !== ind.scope && ctx.ids.scope.has(obs.scope)) {
        out.push(report('scope-mismatch', y.file, ptr('scope'),
          `${what} has scope \`${obs.scope}\`, but the target's scope is \`${ind.scope}\`: not comparable`));
      }
      if (obs.status === 'preliminary') {
        out.push(report('preliminary-value', y.file, ptr('status'),
          `${what} is preliminary (初步核算) and may be revised`));
      } else if (obs.status === 'estimate') {
        if (y.year === ctx.baseYear) {
          out.push(report('baseline-estimate', y.file, ptr('status'),
            `baseline of \`${key}\` (${y.year}) is an estimate (预计), not a measured value`,
            'replace it with the published figure when available'));
        } else {
          out.push(report('estimated-value', y.file, ptr('status'),
            `${what} is an estimate (预计), not a measured value`));
        }
      }
      if (obs.bound !== undefined) {
        const words = obs.bound === 'at-least' ? 'at least' : 'at most';
        out.push(report('bound-value', y.file, ptr('bound'),
          `${what} is only a bound: ${words} ${obs.value ?? '?'}`));
      }
      if (obs.measure !== undefined && obs.measure !== ind.name && !(ind.aliases ?? []).includes(obs.measure)) {
        out.push(report('measure-differs', y.file, ptr('measure'),
          `${what} is published as ${obs.measure}, not ${ind.name}: the definition may differ`,
          `add it to the indicator's \`aliases\` if it is the same measure`));
      }
    }
  }
  return out;
};

/** Format a relative change as a signed whole percentage, e.g. "+117%". */
function percent(change: number): string {
  const p = Math.round(change * 100);
  return `${p >= 0 ? '+' : ''}${p}%`;
}

/**
 * Flag year-over-year jumps: for level, count, cumulative and multiple indicators, compare each
 * value (same unit and scope as the indicator) with the nearest earlier year that has one, and
 * warn when |v1/v0 − 1| exceeds the plan's jump threshold. Percentages, ratios and ranks are
 * skipped; so are changes from 0, which have no relative size.
 */
const implausibleJumps: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  for (const ind of ctx.indicators.values()) {
    if (!JUMP_KINDS.has(ind.kind)) continue;
    let previous: { year: number; value: number } | undefined;
    for (const y of ctx.chronological) {
      if (!has(y.observations, ind.id)) continue;
      const obs = y.observations[ind.id];
      if (obs === undefined || !hasValue(obs) || obs.unit !== ind.unit || obs.scope !== ind.scope) continue;
      if (previous !== undefined && previous.value !== 0) {
        const change = obs.value / previous.value - 1;
        if (Math.abs(change) > ctx.jumpThreshold) {
          out.push(report('implausible-jump', y.file, pointer('observations', ind.id, 'value'),
            `${ind.name} jumps ${percent(change)} from ${previous.value} (${previous.year}) to ${obs.value} (${y.year})`,
            `check scope, unit and definition; the threshold is ±${Math.round(ctx.jumpThreshold * 100)}%`));
        }
      }
      previous = { year: y.year, value: obs.value };
    }
  }
  return out;
};

/** Growth from the baseline is measured within one vintage of the figures. */
const mixedVintages: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  const base = ctx.baseFile;
  if (base === undefined) return out;
  for (const y of ctx.chronological) {
    if (y.year <= ctx.baseYear) continue;
    for (const [key, obs] of ctx.observations.get(y) ?? []) {
      if (obs.vintage === undefined || obs.missing !== undefined || !ctx.indicators.has(key)) continue;
      const b = has(base.observations, key) ? base.observations[key] : undefined;
      if (b === undefined || b.vintage === undefined || b.missing !== undefined || b.vintage === obs.vintage) continue;
      out.push(report('mixed-vintage', y.file, pointer('observations', key, 'vintage'),
        `\`${key}\` ${y.year} is from vintage \`${obs.vintage}\` but its ${base.year} baseline is from \`${b.vintage}\`: growth between them mixes vintages`));
    }
  }
  return out;
};

/**
 * Every year file speaks about every indicator, and the base year gives a value for every
 * indicator with a target. Cumulative targets sum flows within the period and need no baseline.
 */
const coverage: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  if (ctx.baseFile === undefined) {
    out.push(report('base-year-file-missing', data.file, pointer('plan', 'base_year'),
      `there is no year file for the base year ${ctx.baseYear}: baselines are unknown`,
      `add data/${ctx.baseYear}.yaml`));
  }
  for (const y of data.years) {
    const isBase = y.year === ctx.baseYear;
    for (const ind of ctx.indicators.values()) {
      const needsBaseline = isBase && ind.target !== undefined && ind.kind !== 'cumulative';
      const obs = has(y.observations, ind.id) ? y.observations[ind.id] : undefined;
      if (obs === undefined) {
        if (needsBaseline) {
          out.push(report('baseline-missing', y.file, pointer('observations'),
            `no baseline for ${label(ind)} in ${y.year}: its completion cannot be computed`,
            'add an observation or `missing: <reason>`'));
        } else {
          out.push(report('observation-absent', y.file, pointer('observations'),
            `no entry for ${label(ind)} in ${y.year}: add an observation or \`missing: <reason>\``));
        }
      } else if (needsBaseline && obs.missing !== undefined) {
        out.push(report('baseline-missing', y.file, pointer('observations', ind.id),
          `baseline of ${label(ind)} is missing (${obs.missing}): its completion cannot be computed`));
      }
    }
  }
  return out;
};

/** The rules in the order they run (the result is re-ordered by position anyway). */
export const RULE_CHECKS: ReadonlyArray<readonly [name: string, rule: Rule]> = [
  ['unique-ids', uniqueIds],
  ['period-order', periodOrder],
  ['plan-references', planReferences],
  ['years-within-period', yearsWithinPeriod],
  ['target-shape', targetShape],
  ['target-direction', targetDirection],
  ['rank-direction', rankDirection],
  ['action-pillar', actionPillar],
  ['year-files', yearFiles],
  ['year-references', yearReferences],
  ['missing-with-value', missingWithValue],
  ['observation-quality', observationQuality],
  ['implausible-jumps', implausibleJumps],
  ['mixed-vintages', mixedVintages],
  ['coverage', coverage],
  ['hidden-characters', hiddenCharacters],
];

/**
 * Check the semantic rules and data-quality warnings of schema-valid plan data.
 *
 * Diagnostics carry a JSON pointer into their file (`data.file` or a year file's `file`) and
 * line/col 0. They come ordered by file (the plan, then the year files as given), then by the
 * position of the pointed value in the data, then by rule.
 */
export function checkRules(data: PlanData): Diagnostic[] {
  const ctx = createContext(data);
  const found: Diagnostic[] = [];
  for (const [, rule] of RULE_CHECKS) {
    for (const d of rule(data, ctx)) found.push(d);
  }
  return orderByData(data, found);
}
