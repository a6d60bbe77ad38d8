// How each target type reads: the target column of the status table ("≥3,200",
// "年均增长≥7%（可比价）", "各年≤5.5", "高于国内生产总值增长", "保持在合理区间") and
// the value and baseline cells, with the reason beside a number that is unknown.

import type { Comparator } from '../model.js';
import type { IndicatorAssessment, TargetSpec } from '../assess/types.js';
import { indicatorName, reasonText, type Ctx } from './context.js';
import { PERCENT_DECIMALS, boundMark, cellNumber, dataDecimals, formatComputed, formatData, formatDecimal, formatPercent, num, type Num } from './format.js';

/** A percent as written in a target ("7%", "13.5%"). */
function percentText(p: number, ctx: Ctx): string {
  return `${formatDecimal(p, ctx.lang, 2)}%`;
}

/** A cumulative change's comparator as the size of the change: "down ≥13.5%" for `<= −13.5`. */
function sizeComparator(c: Comparator, falling: boolean): Comparator {
  if (!falling) return c;
  const flipped: Record<Comparator, Comparator> = { '<=': '>=', '<': '>', '>=': '<=', '>': '<', '=': '=' };
  return flipped[c];
}

/** The target as the status table shows it, or null when it is not stated. */
export function targetText(ctx: Ctx, ia: IndicatorAssessment, spec: TargetSpec): string {
  const { m, lang } = ctx;
  const cmp = (c: Comparator | null) => (c === null ? '' : m.comparator[c]);
  const data = (v: number) => formatData(v, lang);
  switch (spec.type) {
    case 'level': {
      if (spec.min !== null || spec.max !== null) {
        return m.target.range(spec.min === null ? '' : data(spec.min), spec.max === null ? '' : data(spec.max));
      }
      if (spec.multiple !== null) {
        const k = formatDecimal(spec.multiple, lang, 2);
        const v = ia.target === null ? null : cmp(spec.comparator) + formatComputed(ia.target, ia.kind, ia.unit, lang);
        return m.multipleTarget(k, v);
      }
      return spec.value === null ? m.none : cmp(spec.comparator) + data(spec.value);
    }
    case 'change': {
      const rising = (spec.by ?? spec.percent ?? 0) >= 0;
      const size = spec.by !== null ? data(Math.abs(spec.by)) + (ia.unit === '%' ? m.percentagePoints : lang === 'en' ? '' : ia.unit)
        : percentText(Math.abs(spec.percent ?? 0), ctx);
      const base = spec.base_year ?? ia.baseline_year;
      const text = m.target.change(size, rising, base);
      return ia.target === null ? text : `${text}${m.paren(cmp(spec.comparator) + formatComputed(ia.target, ia.kind, ia.unit, lang))}`;
    }
    case 'growth':
      return m.target.growth(cmp(spec.comparator), percentText(spec.percent ?? 0, ctx), spec.prices ?? 'constant');
    case 'cumulative': {
      const falling = (spec.percent ?? 0) < 0;
      return m.target.cumulative(cmp(sizeComparator(spec.comparator ?? '=', falling)), percentText(Math.abs(spec.percent ?? 0), ctx), falling);
    }
    case 'held':
      return m.target.held(cmp(spec.comparator), data(spec.value ?? 0), spec.from ?? ctx.a.period.start);
    case 'relative': {
      const tol = spec.tolerance ? formatData(spec.tolerance, lang) + (ia.unit === '%' ? m.percentagePoints : '') : null;
      return m.target.relative(spec.comparator ?? '=', indicatorName(ctx, spec.partner ?? ''), tol);
    }
    case 'qualitative':
      return spec.text ?? m.none;
  }
}

/** A value with its bound sign (≥ for "at least"). */
export function boundText(text: string, bound: 'at-least' | 'at-most' | null): string {
  return boundMark(bound) + text;
}

/** The baseline cell: v0 as published, with its year when it is not the plan's base year. */
export function baselineCell(ctx: Ctx, ia: IndicatorAssessment): Num {
  const { m, lang } = ctx;
  const baseline = num(ia.baseline, (v) => boundText(formatData(v, lang, ia.baseline_decimals), ia.baseline_bound), lang,
    ia.baseline_reason === null ? null : reasonText(ctx, ia.baseline_reason, ia));
  if (baseline.value !== null) baseline.cell = cellNumber(baseline.value, ia.baseline_decimals ?? dataDecimals(baseline.value), { prefix: boundMark(ia.baseline_bound) });
  if (baseline.value !== null && ia.baseline_year !== ctx.a.base_year) {
    baseline.short = `${baseline.text}*`;
    baseline.text += m.paren(m.cover.yearText(ia.baseline_year));
    baseline.cell!.suffix = m.paren(m.cover.yearText(ia.baseline_year));
  }
  return baseline;
}

/** Why the value used is unknown or stale, in the report language; null when current. */
export function valueNote(ctx: Ctx, ia: IndicatorAssessment): string | null {
  return ia.value_reason === null ? null : reasonText(ctx, ia.value_reason, ia);
}

/** The value cell: vt as published (cumulative kind: the total), with its year when stale. */
export function valueCell(ctx: Ctx, ia: IndicatorAssessment): Num {
  const { m, lang } = ctx;
  let value: Num;
  if (ia.kind === 'cumulative' && ia.target_measure === 'level') {
    if (ia.achieved !== null) {
      value = num(ia.achieved, (v) => formatData(v, lang), lang);
      if (ia.achieved !== null) value.cell = cellNumber(ia.achieved, dataDecimals(ia.achieved));
    } else if (ia.value !== null && ia.value_year !== null) {
      // The total is unknown: show the year's flow, saying what it is.
      value = {
        text: formatData(ia.value, lang) + m.paren(m.reasons.cumulativeFlow(ia.value_year)),
        short: formatData(ia.value, lang),
        value: null,
        note: ia.achieved_reason === null ? null : reasonText(ctx, ia.achieved_reason, ia),
      };
    } else {
      value = num(null, String, lang, valueNote(ctx, ia));
    }
  } else if (ia.value === null && (ia.target_measure === 'rate' || ia.target_measure === 'change') && ia.value_year !== null) {
    // Only rates were published: show the latest year's change.
    const point = ia.series.find((p) => p.year === ia.value_year);
    const g = point?.growth ?? point?.cumulative?.change ?? null;
    value = g === null ? num(null, String, lang, valueNote(ctx, ia))
      : { text: formatPercent(g / 100, lang, true), value: g, note: null, cell: cellNumber(g / 100, PERCENT_DECIMALS, { percent: true, signed: true }) };
  } else {
    value = num(ia.value, (v) => boundText(formatData(v, lang, ia.value_decimals), ia.bound), lang, valueNote(ctx, ia));
    if (ia.value !== null) value.cell = cellNumber(ia.value, ia.value_decimals ?? dataDecimals(ia.value), { prefix: boundMark(ia.bound) });
  }
  if (value.value !== null && ia.stale && ia.value_year !== null) {
    value.short = `${value.text}*`;
    value.text += m.paren(m.cover.yearText(ia.value_year));
    value.note = valueNote(ctx, ia);
    if (value.cell) value.cell.suffix = m.paren(m.cover.yearText(ia.value_year));
  }
  return value;
}

/** The target cell: the target as stated, and V when it is derived from the baseline. */
export function targetCell(ctx: Ctx, ia: IndicatorAssessment): Num {
  const { m, lang } = ctx;
  const spec = ia.target_spec;
  if (spec === null) return num(null, String, lang, m.reasons.noTarget);
  const text = targetText(ctx, ia, spec);
  const derived = spec.multiple !== null || spec.type === 'change';
  const note = derived && ia.target === null && ia.target_reason !== null ? reasonText(ctx, ia.target_reason, ia) : null;
  const cell: Num = { text, value: ia.target_measure === 'level' ? ia.target : null, note };
  const cmp = m.comparator[spec.comparator ?? '>='];
  // A level target written as a comparator and a number ("≥3,200") is that number in a spreadsheet.
  if (spec.type === 'level' && spec.multiple === null && spec.min === null && spec.max === null && spec.value !== null) {
    cell.cell = cellNumber(spec.value, dataDecimals(spec.value), { prefix: spec.comparator === null ? '' : m.comparator[spec.comparator] });
  }
  // Where room is short: a derived target as its value (or its rule, ×2, before it is known),
  // a rate as %/年, a change over the period as the plans print it (〔−13.5%〕), a bound as 各年≤5.5.
  if (spec.multiple !== null) {
    cell.short = ia.target === null ? `×${formatDecimal(spec.multiple, lang, 2)}` : cmp + formatComputed(ia.target, ia.kind, ia.unit, lang);
  } else if (spec.type === 'change' && ia.target !== null) {
    cell.short = cmp + formatComputed(ia.target, ia.kind, ia.unit, lang);
  } else if (spec.type === 'growth') {
    cell.short = m.target.short.growth(cmp, formatDecimal(spec.percent ?? 0, lang, 2));
  } else if (spec.type === 'cumulative') {
    cell.short = `〔${formatDecimal(spec.percent ?? 0, lang, 2)}〕`;
  } else if (spec.type === 'held') {
    cell.short = m.target.short.held(cmp, formatData(spec.value ?? 0, lang));
  }
  return cell;
}
