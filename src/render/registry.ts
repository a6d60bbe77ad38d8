// The renderer registry: one Renderer per available format. Adding a format (PDF)
// is adding an entry here; the CLI asks the registry, never tests a format's name.

import type { Diagnostic } from '../diagnostic.js';
import type { ReportModel } from '../present/types.js';
import { FORMAT_NAMES, HTML_FORMAT, MARKDOWN_FORMAT, type Format, type FormatSpec } from './formats.js';
import { pdfRenderer } from './pdf.js';
import { compactEmptyCells, renderTemplates, tidy, type TemplateSet } from './templates.js';

/** What a renderer gets: the report and the format's templates (already loaded). */
export interface RenderInput {
  model: ReportModel;
  templates: TemplateSet;
  /** When the report is made (SOURCE_DATE_EPOCH or the clock, read by the CLI): dates the PDF. */
  createdAt: Date;
}

/** A rendered document, or the diagnostics that stopped it (template file, line, column). */
export type RenderResult =
  | { ok: true; content: string | Uint8Array }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * A renderer: a format (as data) and a function from ReportModel to bytes or text.
 * `render` must be pure (no I/O, no clock): same input, same output.
 */
export interface Renderer {
  format: FormatSpec;
  render(input: RenderInput): RenderResult | Promise<RenderResult>;
}

/** Render a format's Handlebars templates with the model as the view, then tidy the text. */
function templateRenderer(format: FormatSpec): Renderer {
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
};

/** The renderer of a format, or undefined when the format is not available. */
export function rendererFor(format: Format): Renderer | undefined {
  return Object.hasOwn(RENDERERS, format) ? RENDERERS[format] : undefined;
}

/** The formats with a renderer, in FORMAT_NAMES order. */
export function availableFormats(): Format[] {
  return FORMAT_NAMES.filter((f) => rendererFor(f) !== undefined);
}
