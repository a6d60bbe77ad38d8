// The renderer registry: one Renderer per available format. Adding a format (PDF,
// xlsx) is adding an entry here; the CLI asks the registry, never tests a format's name.

import { FORMAT_NAMES, HTML_FORMAT, MARKDOWN_FORMAT, type Format, type TemplateFormatSpec } from './formats.js';
import { pdfRenderer } from './pdf/renderer.js';
import type { Renderer } from './renderer.js';
import { xlsxRenderer } from './xlsx.js';
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
      return { ok: true, content: format.escaping === 'markdown' ? compactEmptyCells(text) : text };
    },
  };
}

/** The available renderers by format. A format of FORMAT_NAMES without an entry is "not available yet". */
export const RENDERERS: Readonly<Partial<Record<Format, Renderer>>> = {
  md: templateRenderer(MARKDOWN_FORMAT),
  html: templateRenderer(HTML_FORMAT),
  pdf: pdfRenderer,
  xlsx: xlsxRenderer,
};

/** The renderer of a format, or undefined when the format is not available. */
export function rendererFor(format: Format): Renderer | undefined {
  return Object.hasOwn(RENDERERS, format) ? RENDERERS[format] : undefined;
}

/** The formats with a renderer, in FORMAT_NAMES order. */
export function availableFormats(): Format[] {
  return FORMAT_NAMES.filter((f) => rendererFor(f) !== undefined);
}
