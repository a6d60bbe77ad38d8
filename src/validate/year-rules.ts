// The rules on the year files and the data-quality warnings: names and years of the
// files, references, entries that carry a figure, figures less certain than a target
// needs, implausible jumps, mixed vintages, and coverage of every indicator.

import { pointer, type Diagnostic } from '../diagnostic.js';
import type { IndicatorKind } from '../model.js';
import { entries, has, hasValue, label, report, resolve, type Rule } from './rule-context.js';

/** Kinds whose year-over-year change is judged relatively; shares and ranks move in points. */
const JUMP_KINDS: ReadonlySet<IndicatorKind> = new Set(['level', 'count', 'cumulative', 'multiple']);

// ---------------------------------------------------------------------------------------------
// Rules on the year files.

/** File name stem, e.g. "2024" for "plan/data/2024.yaml". */
function stem(file: string): { base: string; stem: string } {
  const base = file.split(/[\\/]/).pop() ?? file;
  return { base, stem: base.replace(/\.[^.]*$/, '') };
}

/** Each year file is named after its year, lies within base year..period end, and is alone. */
export const yearFiles: Rule = (data, ctx) => {
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
export const yearReferences: Rule = (data, ctx) => {
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
      if (obs.growth_source !== undefined) {
        out.push(...resolve(ctx, 'source', obs.growth_source, y.file, ['observations', key, 'growth_source'], subject));
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
export const missingWithValue: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  for (const y of data.years) {
    for (const [key, obs] of ctx.observations.get(y) ?? []) {
      if (obs.missing === undefined) continue;
      const extra = (['value', 'bound', 'status', 'growth', 'cumulative', 'judgement'] as const).filter((k) => obs[k] !== undefined);
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

/** An observation carries a figure: a value, a published growth or change, or a judgement. */
export const observationFigure: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  for (const y of data.years) {
    for (const [key, obs] of ctx.observations.get(y) ?? []) {
      if (obs.missing !== undefined) continue;
      if (obs.value === undefined && obs.growth === undefined && obs.cumulative === undefined && obs.judgement === undefined) {
        out.push(report('observation-without-figure', y.file, pointer('observations', key),
          `\`${key}\` ${y.year} has no \`value\`, \`growth\`, \`cumulative\` or \`judgement\``,
          'write the figure, or `missing: <reason>` when none was published'));
      }
    }
  }
  return out;
};

/** Warn about observations that are not comparable with, or less certain than, the target. */
export const observationQuality: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  for (const y of data.years) {
    for (const [key, obs] of ctx.observations.get(y) ?? []) {
      const ind = ctx.indicators.get(key);
      if (ind === undefined || obs.missing !== undefined) continue;
      const ptr = (field: string): string => pointer('observations', key, field);
      const what = `\`${key}\` ${y.year}`;
      if (obs.unit !== undefined && obs.unit !== ind.unit && !(ind.conversions !== undefined && has(ind.conversions, obs.unit))) {
        out.push(report('unit-mismatch', y.file, ptr('unit'),
          `${what} is in ${obs.unit}, but indicator \`${key}\` is in ${ind.unit}: not comparable`));
      }
      if (obs.scope !== undefined && obs.scope !== ind.scope && ctx.ids.scope.has(obs.scope)) {
        out.push(report('scope-mismatch', y.file, ptr('scope'),
          `${what} has scope \`${obs.scope}\`, but the target's scope is \`${ind.scope}\`: not comparable`));
      }
      if (obs.status === 'preliminary') {
        out.push(report('preliminary-value', y.file, ptr('status'),
          `${what} is preliminary and may be revised`));
      } else if (obs.status === 'estimate') {
        if (y.year === ctx.baseYear) {
          out.push(report('baseline-estimate', y.file, ptr('status'),
            `baseline of \`${key}\` (${y.year}) is an estimate, not a measured value`,
            'replace it with the published figure when available'));
        } else {
          out.push(report('estimated-value', y.file, ptr('status'),
            `${what} is an estimate, not a measured value`));
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
export const implausibleJumps: Rule = (_data, ctx) => {
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
export const mixedVintages: Rule = (_data, ctx) => {
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
export const coverage: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  if (ctx.baseFile === undefined) {
    out.push(report('base-year-file-missing', data.file, pointer('plan', 'base_year'),
      `there is no year file for the base year ${ctx.baseYear}: baselines are unknown`,
      `add data/${ctx.baseYear}.yaml`));
  }
  for (const y of data.years) {
    const isBase = y.year === ctx.baseYear;
    for (const ind of ctx.indicators.values()) {
      const t = ind.target;
      const needsBaseline = isBase && t !== undefined && ind.kind !== 'cumulative' &&
        (t.type === undefined || t.type === 'level' || (t.type === 'change' && t.base === undefined));
      const obs = has(y.observations, ind.id) ? y.observations[ind.id] : undefined;
      if (obs === undefined) {
        // The pointer names the map the entry is missing from; the subject names the indicator.
        const subject = { indicator: ind.id, year: y.year };
        if (needsBaseline) {
          out.push({ ...report('baseline-missing', y.file, pointer('observations'),
            `no baseline for ${label(ind)} in ${y.year}: its completion cannot be computed`,
            'add an observation or `missing: <reason>`'), subject });
        } else {
          out.push({ ...report('observation-absent', y.file, pointer('observations'),
            `no entry for ${label(ind)} in ${y.year}: add an observation or \`missing: <reason>\``), subject });
        }
      } else if (needsBaseline && obs.missing !== undefined) {
        out.push(report('baseline-missing', y.file, pointer('observations', ind.id),
          `baseline of ${label(ind)} is missing (${obs.missing}): its completion cannot be computed`));
      }
    }
  }
  return out;
};
