// The semantic rules on the plan file: unique ids, the period, references between
// pillars, actions, indicators, milestones, scopes and sources, and targets that state
// what their type needs. Each rule returns the diagnostics it finds; pure.

import { pointer, type Diagnostic } from '../diagnostic.js';
import { COLLECTION_LIST, COLLECTION_ZH, report, resolve, type Rule } from './rule-context.js';

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
            { en: `${single} id \`${item.id}\` is already used by ${single} ${j + 1} of \`${plural}\``,
              zh: `${COLLECTION_ZH[single]}编号 \`${item.id}\` 已被 \`${plural}\` 中第${j + 1}个${COLLECTION_ZH[single]}使用` },
            { en: 'ids must be unique within a list: rename one of them', zh: '同一列表中的编号不能重复：请改名其中一个' }),
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
      { en: `period ends in ${period.end}, before it starts in ${period.start}`, zh: `规划期结束于${period.end}年，早于开始的${period.start}年` }));
  }
  if (base_year >= period.start) {
    out.push(report('period-invalid', data.file, pointer('plan', 'base_year'),
      { en: `base year ${base_year} must be before the period's start ${period.start}`, zh: `基期${base_year}年必须早于规划期开始的${period.start}年` },
      { en: `the base year is usually ${period.start - 1}`, zh: `基期通常是${period.start - 1}年` }));
  }
  return out;
};

/** Every id the plan file mentions is declared in it. */
export const planReferences: Rule = (data, ctx) => {
  const f = data.file;
  const p = data.plan;
  const out: Diagnostic[] = [];
  if (p.plan.source !== undefined) {
    out.push(...resolve(ctx, 'source', p.plan.source, f, ['plan', 'source'], { en: 'the plan', zh: '规划' }));
  }
  p.actions.forEach((a, i) => {
    out.push(...resolve(ctx, 'pillar', a.pillar, f, ['actions', i, 'pillar'], { en: `action \`${a.id}\``, zh: `行动 \`${a.id}\`` }));
  });
  p.indicators.forEach((ind, i) => {
    const subject = { en: `indicator \`${ind.id}\``, zh: `指标 \`${ind.id}\`` };
    const target = { en: `the target of ${subject.en}`, zh: `${subject.zh}的目标` };
    const t = ind.target;
    if (t?.source !== undefined) out.push(...resolve(ctx, 'source', t.source, f, ['indicators', i, 'target', 'source'], target));
    if (t?.type === 'change' && t.base?.source !== undefined) {
      out.push(...resolve(ctx, 'source', t.base.source, f, ['indicators', i, 'target', 'base', 'source'], { en: `the base of ${subject.en}`, zh: `${subject.zh}的基数` }));
    }
    if (t?.type === 'relative') out.push(...resolve(ctx, 'indicator', t.indicator, f, ['indicators', i, 'target', 'indicator'], target));
    out.push(...resolve(ctx, 'pillar', ind.pillar, f, ['indicators', i, 'pillar'], subject));
    ind.actions.forEach((a, j) => {
      out.push(...resolve(ctx, 'action', a, f, ['indicators', i, 'actions', j], subject));
    });
    out.push(...resolve(ctx, 'scope', ind.scope, f, ['indicators', i, 'scope'], subject));
    out.push(...resolve(ctx, 'source', ind.source, f, ['indicators', i, 'source'], subject));
  });
  p.milestones.forEach((m, i) => {
    const subject = { en: `milestone \`${m.id}\``, zh: `里程碑 \`${m.id}\`` };
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
        { en: `target year ${t.year} of indicator \`${ind.id}\` is outside the period ${start}–${end}`,
          zh: `指标 \`${ind.id}\` 的目标年${t.year}年不在规划期${start}—${end}年内` }));
    }
    if (t?.type === 'held' && t.from !== undefined && (outside(t.from) || (t.year !== undefined && t.from > t.year))) {
      out.push(report('year-outside-plan', data.file, pointer('indicators', i, 'target', 'from'),
        { en: `the bound of indicator \`${ind.id}\` starts in ${t.from}, outside the period ${start}–${t.year ?? end}`,
          zh: `指标 \`${ind.id}\` 的逐年控制自${t.from}年起，不在规划期${start}—${t.year ?? end}年内` }));
    }
    if (t?.type === 'change' && t.base !== undefined && t.base.year > data.plan.plan.base_year) {
      out.push(report('year-outside-plan', data.file, pointer('indicators', i, 'target', 'base', 'year'),
        { en: `the base of indicator \`${ind.id}\`'s change is from ${t.base.year}, after the base year ${data.plan.plan.base_year}`,
          zh: `指标 \`${ind.id}\` 的变化基数取自${t.base.year}年，晚于基期${data.plan.plan.base_year}年` },
        { en: 'a change target starts from the base year or an earlier published figure', zh: '变化类目标的基数应为基期或更早公布的数字' }));
    }
  });
  data.plan.milestones.forEach((m, i) => {
    if (outside(m.due)) {
      out.push(report('year-outside-plan', data.file, pointer('milestones', i, 'due'),
        { en: `milestone \`${m.id}\` is due in ${m.due}, outside the period ${start}–${end}`,
          zh: `里程碑 \`${m.id}\` 的完成时限${m.due}年不在规划期${start}—${end}年内` }));
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
    const invalid = (field: string[], message: { en: string; zh: string }, hint?: { en: string; zh: string }) =>
      out.push(report('target-invalid', data.file, ptr(...field),
        { en: `target of \`${ind.id}\` ${message.en}`, zh: `指标 \`${ind.id}\` 的目标${message.zh}` }, hint));
    switch (t.type) {
      case undefined:
      case 'level': {
        const range = t.min !== undefined || t.max !== undefined;
        if (ind.kind === 'multiple') {
          if (t.multiple === undefined) {
            out.push(report('target-value-missing', data.file, ptr(),
              { en: `target of \`${ind.id}\` (kind multiple) has no \`multiple\``, zh: `指标 \`${ind.id}\`（倍增类）的目标没有 \`multiple\`` },
              { en: 'write e.g. `multiple: 2` for a doubling', zh: '例如翻番写 `multiple: 2`' }));
          }
          if (t.value !== undefined) {
            out.push(report('target-value-missing', data.file, ptr('value'),
              { en: `target of \`${ind.id}\` (kind multiple) must not have \`value\`: the value is multiple × baseline`,
                zh: `指标 \`${ind.id}\`（倍增类）的目标不能写 \`value\`：目标值为倍数×基期值` }));
          }
        } else {
          if (t.value === undefined && !range) {
            out.push(report('target-value-missing', data.file, ptr(),
              { en: `target of \`${ind.id}\` (kind ${ind.kind}) has no \`value\``, zh: `指标 \`${ind.id}\`（${ind.kind}）的目标没有 \`value\`` },
              { en: 'write `value:` with a comparator, `min:`/`max:` for a range, or give the target a `type` (change, growth, cumulative, held, relative, qualitative)',
                zh: '写 `value:` 和比较符，区间写 `min:`/`max:`，或给目标写 `type`（change、growth、cumulative、held、relative、qualitative）' }));
          }
          if (t.multiple !== undefined) {
            out.push(report('target-value-missing', data.file, ptr('multiple'),
              { en: `target of \`${ind.id}\` (kind ${ind.kind}) must not have \`multiple\``, zh: `指标 \`${ind.id}\`（${ind.kind}）的目标不能写 \`multiple\`` },
              { en: 'use kind `multiple` for targets stated as a multiple of the baseline', zh: '以基期值倍数表述的目标请用 kind `multiple`' }));
          }
        }
        if (range && (t.value !== undefined || t.comparator !== undefined)) {
          invalid([t.value !== undefined ? 'value' : 'comparator'],
            { en: 'is a range (`min`/`max`): it takes no `value` or `comparator`', zh: '是区间（`min`/`max`），不能再写 `value` 或 `comparator`' });
        } else if (range && t.min !== undefined && t.max !== undefined && t.min > t.max) {
          invalid(['min'], { en: `has \`min\` ${t.min} above \`max\` ${t.max}`, zh: `的 \`min\` ${t.min} 大于 \`max\` ${t.max}` });
        } else if (!range && t.comparator === undefined) {
          invalid([], { en: 'has no `comparator`', zh: '没有 `comparator`' },
            { en: 'write e.g. `comparator: ">="` (≥ at least, > more than, ≤ at most, < less than, = exactly)',
              zh: '例如写 `comparator: ">="`（≥ 不低于，> 超过，≤ 不高于，< 低于，= 等于）' });
        }
        break;
      }
      case 'change':
        if ((t.by === undefined) === (t.percent === undefined)) {
          invalid(t.by !== undefined ? ['percent'] : [], {
            en: 'needs exactly one of `by` (a change in the unit) and `percent` (a relative change)',
            zh: '须且只须写 `by`（按单位计的变化）和 `percent`（相对变化）中的一个',
          });
        }
        break;
      case 'relative':
        if (t.indicator === ind.id) invalid(['indicator'], { en: 'compares the indicator with itself', zh: '把指标与自身比较' });
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
        { en: `target of \`${ind.id}\` (in ${ind.unit}) compares it with \`${other.id}\` (in ${other.unit})`,
          zh: `指标 \`${ind.id}\`（单位${ind.unit}）的目标与 \`${other.id}\`（单位${other.unit}）比较` }));
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
        { en: `indicator \`${ind.id}\` has attribute unknown: it is not assessed as binding, so it never raises an early warning`,
          zh: `指标 \`${ind.id}\` 的属性未定：不按约束性评估，因而不会列为预警` },
        { en: 'write `expected` or `binding` once the plan says which', zh: '规划明确后写 `expected`（预期性）或 `binding`（约束性）' }));
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
        { en: `target of \`${ind.id}\` uses \`${c}\` but the direction says ${ind.direction} is better`,
          zh: `指标 \`${ind.id}\` 的目标用 \`${c}\`，但方向写的是${ind.direction === 'higher' ? '越高越好' : '越低越好'}` },
        { en: 'fix the comparator or the direction', zh: '改正比较符或方向' }));
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
        { en: `rank indicator \`${ind.id}\` says higher is better`, zh: `位次指标 \`${ind.id}\` 写的是越高越好` },
        { en: 'rank 1 is usually best: `direction: lower`', zh: '位次通常第1最好：`direction: lower`' }));
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
        { en: `indicator \`${ind.id}\` is under pillar \`${ind.pillar}\`, but its actions are under ${distinct}`,
          zh: `指标 \`${ind.id}\` 属于领域 \`${ind.pillar}\`，但其行动属于 ${distinct}` }));
    }
  });
  return out;
};
