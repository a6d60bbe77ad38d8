// Semantic rules and data-quality warnings over schema-valid plan data. Each rule is a small
// named function that returns the diagnostics it finds (plan-rules.ts, year-rules.ts,
// hidden-characters.ts); checkRules runs them all. Pure: no I/O, never throws on bad data.

import type { Diagnostic } from '../diagnostic.js';
import type { PlanData } from '../model.js';
import { hiddenCharacters, lookalikeCharacters } from './hidden-characters.js';
import {
  actionPillar,
  attributeKnown,
  periodOrder,
  planReferences,
  rankDirection,
  relativeUnits,
  targetDirection,
  targetShape,
  uniqueIds,
  yearsWithinPeriod,
} from './plan-rules.js';
import { createContext, type Rule } from './rule-context.js';
import {
  coverage,
  implausibleJumps,
  missingWithValue,
  mixedVintages,
  observationFigure,
  observationQuality,
  yearFiles,
  yearReferences,
} from './year-rules.js';

export { DEFAULT_JUMP_THRESHOLD, RULES, type Rule, type RuleCode, type RuleContext } from './rule-context.js';

/** The rules in the order they run (the result is re-ordered by position anyway). */
export const RULE_CHECKS: readonly Rule[] = [
  uniqueIds,
  periodOrder,
  planReferences,
  yearsWithinPeriod,
  targetShape,
  relativeUnits,
  attributeKnown,
  targetDirection,
  rankDirection,
  actionPillar,
  yearFiles,
  yearReferences,
  missingWithValue,
  observationFigure,
  observationQuality,
  implausibleJumps,
  mixedVintages,
  coverage,
  hiddenCharacters,
  lookalikeCharacters,
];

/**
 * Check the semantic rules and data-quality warnings of schema-valid plan data.
 *
 * Diagnostics carry a JSON pointer into their file (`data.file` or a year file's `file`) and
 * line/col 0, in the order the rules found them: the validate stage locates them and sorts
 * every diagnostic of the run by file and position (sortDiagnostics).
 */
export function checkRules(data: PlanData): Diagnostic[] {
  const ctx = createContext(data);
  const found: Diagnostic[] = [];
  for (const rule of RULE_CHECKS) {
    for (const d of rule(data, ctx)) found.push(d);
  }
  return found;
}
