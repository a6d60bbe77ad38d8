// Render a ReportModel to PDF bytes with the package's templates, as `cixi-plan report` does.
import type { ReportModel } from '../../src/present/index.js';
import { rendererFor } from '../../src/render/index.js';
import { loadTemplates } from '../../src/load/templates.js';
import { ROOT } from './cli.js';
import { TEST_DATE } from './report.js';

/** The PDF of a model; throws on template errors. */
export async function renderPdf(model: ReportModel): Promise<Uint8Array> {
  const renderer = rendererFor('pdf');
  const loaded = await loadTemplates(renderer.format, null, ROOT);
  if (!loaded.ok) throw new Error(loaded.message.en);
  const result = await renderer.render({ model, templates: loaded.templates, createdAt: new Date(`${TEST_DATE}T00:00:00Z`) });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  if (typeof result.content === 'string') throw new Error('the PDF is text');
  return result.content;
}
