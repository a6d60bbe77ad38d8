// The renderer registry: one Renderer per available format. Adding a format (PDF,
// xlsx) is adding an entry here; the CLI asks the registry, never tests a format's name.

import { HTML_FORMAT, MARKDOWN_FORMAT, XLSX_FORMAT, templateEscaping, type Format, type TemplateFormatSpec } from './formats.js';
import { pdfRenderer } from './pdf/renderer.js';
import type { Renderer } from './renderer.js';
import { compactEmptyCells, renderTemplates, tidy } from './templates.js';

export type { RenderInput, RenderResult, Renderer } from './renderer.js';

/** Render a format's Handlebars templates with the model as the view, then tidy the text. */
function templateRenderer(format: TemplateFormatSpec): Renderer {
  return {
    format,
    render({ model, templates }) {
      const result = renderTemplates(format, templates, model);
      if (!result.ok) return result;
      const text = tidy(result.text);
      return { ok: true, content: templateEscaping(format.template) === 'markdown' ? compactEmptyCells(text) : text };
    },
  };
}

/**
 * The spreadsheet, built in code. exceljs is 76,000 lines to compile: loaded only when a
 * workbook is asked for, not for every report.
 */
const xlsxRenderer: Renderer = {
  format: XLSX_FORMAT,
  async render(input) {
    const { renderXlsx } = await import('./xlsx.js');
    return renderXlsx(input);
  },
};

/** The renderer of every format: a format without one does not compile. */
export const RENDERERS: Readonly<Record<Format, Renderer>> = {
  md: templateRenderer(MARKDOWN_FORMAT),
  html: templateRenderer(HTML_FORMAT),
  pdf: pdfRenderer,
  xlsx: xlsxRenderer,
};

/** The renderer of a format. */
export function rendererFor(format: Format): Renderer {
  return RENDERERS[format];
}
