// The semantic rules on the plan file: unique ids, the period, references between
// pillars, actions, indicators, milestones, scopes and sources, and targets that state
// what their type needs. Each rule returns the diagnostics it finds; pure.

import { pointer, type Diagnostic } from '../diagnostic.js';
import { COLLECTION_LIST, report, resolve, type Rule } from './rule-context.js';

// ---------------------------------------------------------------------------------------------
// Rules on the plan file.

/** Ids are unique within each collection; point at the second occurrence. */
export const uniqueIds: Rule = (data, ctx) => {
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
export const periodOrder: Rule = (data) => {
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
export const planReferences: Rule = (data, ctx) => {
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
    const t = ind.target;
    if (t?.source !== undefined) out.push(...resolve(ctx, 'source', t.source, f, ['indicators', i, 'target', 'source'], `the target of ${subject}`));
    if (t?.type === 'change' && t.base?.source !== undefined) {
      out.push(...resolve(ctx, 'source', t.base.source, f, ['indicators', i, 'target', 'base', 'source'], `the base of ${subject}`));
    }
    if (t?.type === 'relative') out.push(...resolve(ctx, 'indicator', t.indicator, f, ['indicators', i, 'target', 'indicator'], `the target of ${subject}`));
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
export const yearsWithinPeriod: Rule = (data) => {
  const out: Diagnostic[] = [];
  const { start, end } = data.plan.plan.period;
  const outside = (y: number): boolean => y < start || y > end;
  data.plan.indicators.forEach((ind, i) => {
    const t = ind.target;
    if (t?.year !== undefined && outside(t.year)) {
      out.push(report('year-outside-plan', data.file, pointer('indicators', i, 'target', 'year'),
        `target year ${t.year} of indicator \`${ind.id}\` is outside the period ${start}–${end}`));
    }
    if (t?.type === 'held' && t.from !== undefined && (outside(t.from) || (t.year !== undefined && t.from > t.year))) {
      out.push(report('year-outside-plan', data.file, pointer('indicators', i, 'target', 'from'),
        `the bound of indicator \`${ind.id}\` starts in ${t.from}, outside the period ${start}–${t.year ?? end}`));
    }
    if (t?.type === 'change' && t.base !== undefined && t.base.year > data.plan.plan.base_year) {
      out.push(report('year-outside-plan', data.file, pointer('indicators', i, 'target', 'base', 'year'),
        `the base of indicator \`${ind.id}\`'s change is from ${t.base.year}, after the base year ${data.plan.plan.base_year}`,
        'a change target starts from the base year or an earlier published figure'));
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

/** Each target states what its type needs, and nothing of another type. */
export const targetShape: Rule = (data) => {
  const out: Diagnostic[] = [];
  data.plan.indicators.forEach((ind, i) => {
    const t = ind.target;
    if (t === undefined) return;
    const ptr = (...rest: string[]): string => pointer('indicators', i, 'target', ...rest);
    const invalid = (field: string[], message: string, hint?: string) =>
      out.push(report('target-invalid', data.file, ptr(...field), `target of \`${ind.id}\` ${message}`, hint));
    switch (t.type) {
      case undefined:
      case 'level': {
        const range = t.min !== undefined || t.max !== undefined;
        if (ind.kind === 'multiple') {
          if (t.multiple === undefined) {
            out.push(report('target-value-missing', data.file, ptr(),
              `target of \`${ind.id}\` (kind multiple) has no \`multiple\``, 'write e.g. `multiple: 2` for a doubling'));
          }
          if (t.value !== undefined) {
            out.push(report('target-value-missing', data.file, ptr('value'),
              `target of \`${ind.id}\` (kind multiple) must not have \`value\`: the value is multiple × baseline`));
          }
        } else {
          if (t.value === undefined && !range) {
            out.push(report('target-value-missing', data.file, ptr(),
              `target of \`${ind.id}\` (kind ${ind.kind}) has no \`value\``,
              'write `value:` with a comparator, `min:`/`max:` for a range, or give the target a `type` (change, growth, cumulative, held, relative, qualitative)'));
          }
          if (t.multiple !== undefined) {
            out.push(report('target-value-missing', data.file, ptr('multiple'),
              `target of \`${ind.id}\` (kind ${ind.kind}) must not have \`multiple\``,
              'use kind `multiple` for targets stated as a multiple of the baseline'));
          }
        }
        if (range && (t.value !== undefined || t.comparator !== undefined)) {
          invalid([t.value !== undefined ? 'value' : 'comparator'], 'is a range (`min`/`max`): it takes no `value` or `comparator`');
        } else if (range && t.min !== undefined && t.max !== undefined && t.min > t.max) {
          invalid(['min'], `has \`min\` ${t.min} above \`max\` ${t.max}`);
        } else if (!range && t.comparator === undefined) {
          invalid([], 'has no `comparator`', 'write e.g. `comparator: ">="` (≥ at least, > more than, ≤ at most, < less than, = exactly)');
        }
        break;
      }
      case 'change':
        if ((t.by === undefined) === (t.percent === undefined)) {
          invalid(t.by !== undefined ? ['percent'] : [], 'needs exactly one of `by` (a change in the unit) and `percent` (a relative change)');
        }
        break;
      case 'relative':
        if (t.indicator === ind.id) invalid(['indicator'], 'compares the indicator with itself');
        break;
      default:
        break;
    }
  });
  return out;
};

/** A relative target compares indicators in the same unit. */
export const relativeUnits: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  data.plan.indicators.forEach((ind, i) => {
    const t = ind.target;
    if (t?.type !== 'relative') return;
    const other = ctx.indicators.get(t.indicator);
    if (other !== undefined && other.unit !== ind.unit) {
      out.push(report('relative-unit-mismatch', data.file, pointer('indicators', i, 'target', 'indicator'),
        `target of \`${ind.id}\` (in ${ind.unit}) compares it with \`${other.id}\` (in ${other.unit})`));
    }
  });
  return out;
};

/** An indicator whose attribute the plan does not give is flagged, never guessed. */
export const attributeKnown: Rule = (data) => {
  const out: Diagnostic[] = [];
  data.plan.indicators.forEach((ind, i) => {
    if (ind.attribute === 'unknown') {
      out.push(report('attribute-unknown', data.file, pointer('indicators', i, 'attribute'),
        `indicator \`${ind.id}\` has attribute unknown: it is not assessed as binding, so it never raises an early warning`,
        'write `expected` or `binding` once the plan says which'));
    }
  });
  return out;
};

/** The comparator agrees with the direction: ≥ for higher is better, ≤ for lower. */
export const targetDirection: Rule = (data) => {
  const out: Diagnostic[] = [];
  data.plan.indicators.forEach((ind, i) => {
    const t = ind.target;
    const c = t !== undefined && 'comparator' in t ? t.comparator : undefined;
    if (c === undefined || t?.type === 'relative') return;
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
export const rankDirection: Rule = (data) => {
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
export const actionPillar: Rule = (data, ctx) => {
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
