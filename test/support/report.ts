// Build a plan's assessment and ReportModel in-process, as `cixi-plan report` does.
import { assess } from '../../src/assess/index.js';
import { readPlanFolder } from '../../src/load/files.js';
import type { PlanData } from '../../src/model.js';
import { buildReportModel, type Lang, type ReportModel } from '../../src/present/index.js';
import { validatePlan } from '../../src/validate/index.js';
import { locate } from '../../src/validate/yaml-source.js';
import type { Assessment } from '../../src/assess/types.js';
import { ROOT } from './cli.js';

/** The generation date every test report carries. */
export const TEST_DATE = '2025-03-01';

export interface Built {
  data: PlanData;
  assessment: Assessment;
  model: ReportModel;
}

/** Validate, assess and present a plan folder (paths shown relative to the repository). */
export async function buildModel(planDir: string, year: number, lang: Lang = 'zh-CN'): Promise<Built> {
  const read = await readPlanFolder(planDir, ROOT);
  if (!read.ok) throw new Error(read.message.en);
  const validated = validatePlan(read.sources);
  if (!validated.data) throw new Error(`${planDir} is invalid`);
  const { assessment, diagnostics } = assess(validated.data, year);
  const located = locate(diagnostics, validated.sources);
  const model = buildReportModel(validated.data.plan, assessment, [...validated.diagnostics, ...located], { lang, generatedAt: TEST_DATE, planFile: validated.data.file });
  return { data: validated.data, assessment, model };
}
