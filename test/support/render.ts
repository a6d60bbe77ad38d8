// Render a ReportModel with the package's templates, as `cixi-plan report` does.
import type { ReportModel } from '../../src/present/index.js';
import { rendererFor, type Format } from '../../src/render/index.js';
import { loadTemplates } from '../../src/load/templates.js';
import { ROOT } from './cli.js';
import { TEST_DATE } from './report.js';

/** Render one format with the built-in templates (or a user's folder); throws on template errors. */
export async function render(model: ReportModel, format: Format, userDir: string | null = null): Promise<string> {
  const renderer = rendererFor(format);
  const loaded = await loadTemplates(renderer.format, userDir, ROOT);
  if (!loaded.ok) throw new Error(loaded.message.en);
  const result = await renderer.render({ model, templates: loaded.templates, createdAt: new Date(`${TEST_DATE}T00:00:00Z`) });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  if (typeof result.content !== 'string') throw new Error(`${format} is not text`);
  return result.content;
}
