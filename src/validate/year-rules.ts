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
        { en: `file \`${name.base}\` is not named after a year`, zh: `文件 \`${name.base}\` 没有以年份命名` },
        { en: `name it \`${y.year}.yaml\``, zh: `请命名为 \`${y.year}.yaml\`` }));
    } else if (Number(name.stem) !== y.year) {
      out.push(report('year-file-name', y.file, ptr,
        { en: `year ${y.year} does not match the file name \`${name.base}\``, zh: `年份${y.year}与文件名 \`${name.base}\` 不符` },
        { en: `rename the file to \`${y.year}.yaml\` or write \`year: ${name.stem}\``, zh: `请把文件改名为 \`${y.year}.yaml\`，或写 \`year: ${name.stem}\`` }));
    }
    if (y.year < ctx.baseYear || y.year > end) {
      out.push(report('year-outside-plan', y.file, ptr,
        { en: `year ${y.year} is outside the base year ${ctx.baseYear} to the period's end ${end}`,
          zh: `${y.year}年不在基期${ctx.baseYear}年至规划期末${end}年之内` }));
    }
    const first = seen.get(y.year);
    if (first !== undefined) {
      out.push(report('duplicate-year', y.file, ptr,
        { en: `year ${y.year} is already held by ${first}: one indicator would have two observations for ${y.year}`,
          zh: `${y.year}年已由 ${first} 记录：同一指标在${y.year}年会有两个观测值` },
        { en: 'merge the two files', zh: '请合并这两个文件' }));
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
      out.push(...resolve(ctx, 'indicator', key, y.file, ['observations', key], { en: `observation \`${key}\``, zh: `观测 \`${key}\`` }));
      const subject = { en: `observation of \`${key}\``, zh: `\`${key}\` 的观测` };
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
      out.push(...resolve(ctx, 'milestone', key, y.file, ['milestones', key], { en: `milestone state \`${key}\``, zh: `里程碑状态 \`${key}\`` }));
      out.push(...resolve(ctx, 'source', state.source, y.file, ['milestones', key, 'source'],
        { en: `state of milestone \`${key}\``, zh: `里程碑 \`${key}\` 的状态` }));
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
        const fields = extra.map((k) => `\`${k}\``).join(', ');
        out.push(report('missing-with-value', y.file, pointer('observations', key, firstExtra),
          { en: `\`${key}\` is marked missing but also has ${fields}`, zh: `\`${key}\` 标为缺失，却又写了 ${fields}` },
          { en: 'remove `missing` or the figure', zh: '请删去 `missing` 或删去数字' }));
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
          { en: `\`${key}\` ${y.year} has no \`value\`, \`growth\`, \`cumulative\` or \`judgement\``,
            zh: `\`${key}\` ${y.year}年没有 \`value\`、\`growth\`、\`cumulative\` 或 \`judgement\`` },
          { en: 'write the figure, or `missing: <reason>` when none was published', zh: '请写数字；未公布时写 `missing: <原因>`' }));
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
      const whatZh = `\`${key}\` ${y.year}年`;
      if (obs.unit !== undefined && obs.unit !== ind.unit && !(ind.conversions !== undefined && has(ind.conversions, obs.unit))) {
        out.push(report('unit-mismatch', y.file, ptr('unit'),
          { en: `${what} is in ${obs.unit}, but indicator \`${key}\` is in ${ind.unit}: not comparable`,
            zh: `${whatZh}的单位是${obs.unit}，指标 \`${key}\` 的单位是${ind.unit}：不可比` }));
      }
      if (obs.scope !== undefined && obs.scope !== ind.scope && ctx.ids.scope.has(obs.scope)) {
        out.push(report('scope-mismatch', y.file, ptr('scope'),
          { en: `${what} has scope \`${obs.scope}\`, but the target's scope is \`${ind.scope}\`: not comparable`,
            zh: `${whatZh}的统计口径是 \`${obs.scope}\`，目标的口径是 \`${ind.scope}\`：不可比` }));
      }
      if (obs.status === 'preliminary') {
        out.push(report('preliminary-value', y.file, ptr('status'),
          { en: `${what} is preliminary and may be revised`, zh: `${whatZh}是初步数，可能修订` }));
      } else if (obs.status === 'estimate') {
        if (y.year === ctx.baseYear) {
          out.push(report('baseline-estimate', y.file, ptr('status'),
            { en: `baseline of \`${key}\` (${y.year}) is an estimate, not a measured value`,
              zh: `\`${key}\` 的基期值（${y.year}年）是估计数，不是实测值` },
            { en: 'replace it with the published figure when available', zh: '公布后请换成公布的数字' }));
        } else {
          out.push(report('estimated-value', y.file, ptr('status'),
            { en: `${what} is an estimate, not a measured value`, zh: `${whatZh}是估计数，不是实测值` }));
        }
      }
      if (obs.bound !== undefined) {
        const v = obs.value ?? '?';
        out.push(report('bound-value', y.file, ptr('bound'), obs.bound === 'at-least'
          ? { en: `${what} is only a bound: at least ${v}`, zh: `${whatZh}只是一个界限：不低于${v}` }
          : { en: `${what} is only a bound: at most ${v}`, zh: `${whatZh}只是一个界限：不高于${v}` }));
      }
      if (obs.measure !== undefined && obs.measure !== ind.name && !(ind.aliases ?? []).includes(obs.measure)) {
        out.push(report('measure-differs', y.file, ptr('measure'),
          { en: `${what} is published as ${obs.measure}, not ${ind.name}: the definition may differ`,
            zh: `${whatZh}公布的是“${obs.measure}”，不是“${ind.name}”：定义可能不同` },
          { en: `add it to the indicator's \`aliases\` if it is the same measure`, zh: '若是同一指标，请把它加入该指标的 `aliases`' }));
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
        // Over a gap of several years the threshold holds per year: +89% in four years is
        // +17% a year. A change of sign is always a jump.
        const years = Math.max(1, y.year - previous.year);
        const yearly = change > -1 ? (1 + change) ** (1 / years) - 1 : -Infinity;
        if (Math.abs(yearly) > ctx.jumpThreshold) {
          const threshold = Math.round(ctx.jumpThreshold * 100);
          const perYear = years > 1 && Number.isFinite(yearly) ? { en: `, ${percent(yearly)} a year`, zh: `，年均${percent(yearly)}` } : { en: '', zh: '' };
          out.push(report('implausible-jump', y.file, pointer('observations', ind.id, 'value'),
            { en: `${ind.name_en ?? ind.name} jumps ${percent(change)} from ${previous.value} (${previous.year}) to ${obs.value} (${y.year})${perYear.en}`,
              zh: `${ind.name}从${previous.value}（${previous.year}年）跳到${obs.value}（${y.year}年），变动${percent(change)}${perYear.zh}` },
            { en: `check scope, unit and definition; the threshold is ±${threshold}% a year`, zh: `请核对口径、单位和定义；阈值为每年±${threshold}%` }));
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
        { en: `\`${key}\` ${y.year} is from vintage \`${obs.vintage}\` but its ${base.year} baseline is from \`${b.vintage}\`: growth between them mixes vintages`,
          zh: `\`${key}\` ${y.year}年取自版本 \`${obs.vintage}\`，其${base.year}年基期值取自 \`${b.vintage}\`：两者之间的增长混用了不同版本` }));
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
      { en: `there is no year file for the base year ${ctx.baseYear}: baselines are unknown`, zh: `没有基期${ctx.baseYear}年的年度文件：基期值未知` },
      { en: `add data/${ctx.baseYear}.yaml`, zh: `请添加 data/${ctx.baseYear}.yaml` }));
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
            { en: `no baseline for ${label(ind)} in ${y.year}: its completion cannot be computed`,
              zh: `${y.year}年没有${label(ind, 'zh')}的基期值：无法计算完成度` },
            { en: 'add an observation or `missing: <reason>`', zh: '请添加观测值或 `missing: <原因>`' }), subject });
        } else {
          out.push({ ...report('observation-absent', y.file, pointer('observations'),
            { en: `no entry for ${label(ind)} in ${y.year}: add an observation or \`missing: <reason>\``,
              zh: `${y.year}年没有${label(ind, 'zh')}的条目：请添加观测值或 \`missing: <原因>\`` }), subject });
        }
      } else if (needsBaseline && obs.missing !== undefined) {
        out.push(report('baseline-missing', y.file, pointer('observations', ind.id),
          { en: `baseline of ${label(ind)} is missing (${obs.missing}): its completion cannot be computed`,
            zh: `${label(ind, 'zh')}的基期值缺失（${obs.missing}）：无法计算完成度` }));
      }
    }
  }
  return out;
};
