// What every renderer is: a format (as data) and a pure function from the
// ReportModel to a document.

import type { Diagnostic } from '../diagnostic.js';
import type { ReportModel } from '../present/types.js';
import type { FormatSpec } from './formats.js';
import type { TemplateSet } from './templates.js';

/** What a renderer gets: the report and the format's templates (already loaded). */
export interface RenderInput {
  model: ReportModel;
  templates: TemplateSet;
  /** When the report is made (SOURCE_DATE_EPOCH or the clock, read by the CLI): dates the PDF. */
  createdAt: Date;
  /** The id of the run writing the report set (a SHA-256, hex); the PDF keeps it in its Keywords. */
  runId?: string;
}

/**
 * A rendered document, with warnings about it (e.g. characters the PDF font lacks), or the
 * diagnostics that stopped it (template file, line, column).
 */
export type RenderResult =
  | { ok: true; content: string | Uint8Array; diagnostics?: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * A renderer: a format (as data) and a function from ReportModel to bytes or text.
 * `render` must be pure (no I/O, no clock): same input, same output.
 */
export interface Renderer {
  format: FormatSpec;
  render(input: RenderInput): RenderResult | Promise<RenderResult>;
}
