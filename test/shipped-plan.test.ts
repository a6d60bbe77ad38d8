// The shipped plan (plan/) holds only published figures: every value and every
// milestone state names a declared source and quotes it, and every "no data"
// entry says why. Read through the real loader and validator, as the CLI does.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanFolder } from '../src/load/files.js';
import type { PlanFile, YearFile } from '../src/model.js';
import { validatePlan, type PlanSources, type ValidationResult } from '../src/validate/index.js';
import { ROOT } from './support/cli.js';

async function readShipped(): Promise<PlanSources> {
  const read = await readPlanFolder(join(ROOT, 'plan'), ROOT);
  if (!read.ok) throw new Error(read.message.en);
  expect(read.diagnostics).toEqual([]);
  return read.sources;
}

const isText = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

/**
 * What breaks the rule "only published figures, each with its source and words", one line per
 * problem. Works on the parsed files, so it still reports when the validator refused them.
 */
function provenanceProblems(result: ValidationResult): string[] {
  const planSource = result.sources.find((s) => s.file.endsWith('plan.yaml'));
  const plan = planSource?.value as PlanFile | undefined;
  if (plan === undefined) return ['plan.yaml did not parse'];
  const sourceIds = new Set((plan.sources ?? []).map((s) => s.id));
  const out: string[] = [];
  for (const file of result.sources) {
    if (file === planSource) continue;
    const year = file.value as YearFile | undefined;
    if (year === undefined) {
      out.push(`${file.file}: did not parse`);
      continue;
    }
    for (const [id, obs] of Object.entries(year.observations ?? {})) {
      const at = `${file.file} observations.${id}`;
      if (obs.missing !== undefined) {
        if (!isText(obs.missing)) out.push(`${at}: missing without a reason`);
        continue;
      }
      if (obs.value === undefined) {
        out.push(`${at}: neither a value nor missing`);
        continue;
      }
      if (!isText(obs.source)) out.push(`${at}: value without a source`);
      else if (!sourceIds.has(obs.source!)) out.push(`${at}: source ${obs.source} is not declared in plan.yaml`);
      if (!isText(obs.quote)) out.push(`${at}: value without a quote`);
    }
    for (const [id, state] of Object.entries(year.milestones ?? {})) {
      const at = `${file.file} milestones.${id}`;
      if (!isText(state.source)) out.push(`${at}: state without a source`);
      else if (!sourceIds.has(state.source)) out.push(`${at}: source ${state.source} is not declared in plan.yaml`);
      if (!isText(state.quote)) out.push(`${at}: state without a quote`);
    }
  }
  return out;
}

describe('the shipped plan', () => {
  it('is valid; every value and milestone state names a declared source and quotes it; every missing entry says why', async () => {
    const result = validatePlan(await readShipped());
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.data).toBeDefined();
    expect(provenanceProblems(result)).toEqual([]);
    // Something was checked: the plan has values, missing entries and milestone states.
    const years = result.data!.years;
    const entries = years.flatMap((y) => Object.values(y.observations));
    expect(entries.some((o) => o.value !== undefined)).toBe(true);
    expect(entries.some((o) => o.missing !== undefined)).toBe(true);
    expect(years.some((y) => Object.keys(y.milestones ?? {}).length > 0)).toBe(true);
  });

  // The check above must be able to fail: break the shipped files in memory and see it report.
  describe('the provenance check itself', () => {
    const edit = (sources: PlanSources, year: string, from: RegExp, to: string): PlanSources => ({
      plan: sources.plan,
      years: sources.years.map((y) => {
        if (!y.file.endsWith(`${year}.yaml`)) return y;
        const text = y.text.replace(from, to);
        expect(text).not.toBe(y.text);
        return { ...y, text };
      }),
    });

    it('reports an observation whose source is not declared', async () => {
      const broken = edit(await readShipped(), '2024', /source: nbrb-2025-11-20/, 'source: nbrb-2025-11-21');
      const result = validatePlan(broken);
      expect(provenanceProblems(result)).toEqual(['plan/data/2024.yaml observations.gdp: source nbrb-2025-11-21 is not declared in plan.yaml']);
    });

    it('reports a milestone state without a quote', async () => {
      const broken = edit(await readShipped(), '2025', /\n    quote: 铁路慈溪站站房[^\n]*/, '');
      expect(provenanceProblems(validatePlan(broken))).toEqual(['plan/data/2025.yaml milestones.hsr-cixi-station: state without a quote']);
    });

    it('reports a blank missing reason', async () => {
      const broken = edit(await readShipped(), '2023', /(\n  gdp:\n    missing: )[^\n]*/, "$1' '");
      expect(provenanceProblems(validatePlan(broken))).toEqual(['plan/data/2023.yaml observations.gdp: missing without a reason']);
    });
  });
});
