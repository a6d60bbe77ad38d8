// The names in a Diff are the plan's own (its Chinese names, as assessment.json and diff --json
// keep them). For an English view they become the plan's English names where it gives them,
// as the reports and gaps show them; a name without an English one stays as written.

import type { Diff } from '../diff/types.js';
import type { Lang } from './i18n/types.js';
import type { PlanFile } from '../model.js';

interface Named {
  id: string;
  name: string;
  name_en?: string;
}

/** A copy of `diff` with the names of indicators, milestones and pillars in `lang`; the later plan's names first. */
export function localizeDiffNames(diff: Diff, plans: readonly PlanFile[], lang: Lang): Diff {
  if (lang !== 'en') return diff;
  const english = (pick: (plan: PlanFile) => readonly Named[]): Map<string, string> => {
    const names = new Map<string, string>();
    for (const plan of plans) for (const x of pick(plan)) if (x.name_en !== undefined && !names.has(x.id)) names.set(x.id, x.name_en);
    return names;
  };
  const indicators = english((p) => p.indicators);
  const milestones = english((p) => p.milestones);
  const pillars = english((p) => p.pillars);
  return {
    ...diff,
    pillars: diff.pillars.map((p) => ({
      ...p,
      name: (p.id === null ? undefined : pillars.get(p.id)) ?? p.name,
      indicators: p.indicators.map((d) => ({ ...d, name: indicators.get(d.id) ?? d.name })),
      milestones: p.milestones.map((d) => ({ ...d, name: milestones.get(d.id) ?? d.name })),
    })),
  };
}
