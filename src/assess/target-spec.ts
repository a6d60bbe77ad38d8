// The target as the plan states it, normalised into one shape (TargetSpec): the type,
// the target year (the period's end when the plan gives none), the comparator (for a
// change, implied by the direction when not written), and each type's numbers.

import type { Comparator, Indicator, PlanMeta, Target } from '../model.js';
import { targetType } from '../model.js';
import type { TargetSpec } from './types.js';

/** The comparator a change target implies when it writes none: at least for higher is better. */
export function impliedComparator(ind: Indicator): Comparator {
  return ind.direction === 'higher' ? '>=' : '<=';
}

/** Normalise an indicator's target; null when the plan sets none. */
export function targetSpec(ind: Indicator, meta: PlanMeta): TargetSpec | null {
  const t: Target | undefined = ind.target;
  if (t === undefined) return null;
  const spec: TargetSpec = {
    type: targetType(t),
    year: meta.period.end,
    comparator: null,
    value: null,
    multiple: null,
    min: null,
    max: null,
    by: null,
    percent: null,
    prices: null,
    from: null,
    partner: null,
    tolerance: null,
    text: null,
    base_year: null,
    base_source: null,
    source: t.source ?? ind.source,
    quote: t.quote ?? ind.quote ?? null,
  };
  switch (t.type) {
    case undefined:
    case 'level':
      spec.year = t.year;
      spec.value = t.value ?? null;
      spec.multiple = t.multiple ?? null;
      spec.min = t.min ?? null;
      spec.max = t.max ?? null;
      spec.comparator = t.min !== undefined || t.max !== undefined ? null : t.comparator ?? null;
      break;
    case 'change':
      spec.year = t.year;
      spec.by = t.by ?? null;
      spec.percent = t.percent ?? null;
      spec.comparator = t.comparator ?? impliedComparator(ind);
      spec.base_year = t.base?.year ?? null;
      spec.base_source = t.base?.source ?? null;
      break;
    case 'growth':
      spec.year = t.year ?? meta.period.end;
      spec.percent = t.rate;
      spec.comparator = t.comparator;
      spec.prices = t.prices;
      break;
    case 'cumulative':
      spec.year = t.year ?? meta.period.end;
      spec.percent = t.percent;
      spec.comparator = t.comparator;
      break;
    case 'held':
      spec.year = t.year ?? meta.period.end;
      spec.from = t.from ?? meta.period.start;
      spec.value = t.value;
      spec.comparator = t.comparator;
      break;
    case 'relative':
      spec.year = t.year ?? meta.period.end;
      spec.partner = t.indicator;
      spec.comparator = t.comparator;
      spec.tolerance = t.tolerance ?? 0;
      break;
    case 'qualitative':
      spec.year = t.year ?? meta.period.end;
      spec.text = t.text;
      break;
  }
  return spec;
}
