// Output formats as data: what a format's file is called, which template renders
// it and how plan text is escaped in it. The renderer registry (registry.ts) decides
// which formats are available; the CLI never branches on a format's name.

/** Every format the CLI contract names (docs/architecture.md, "CLI contract"). */
export const FORMAT_NAMES = ['md', 'html', 'pdf', 'xlsx'] as const;

export type Format = (typeof FORMAT_NAMES)[number];

/** Whether a string names a format of the CLI contract (available or not). */
export function isFormat(text: string): text is Format {
  return (FORMAT_NAMES as readonly string[]).includes(text);
}

/**
 * How template output escapes plan text:
 * html — Handlebars escapes every {{value}} (HTML entities); triple-stash is never used on plan text;
 * markdown — no automatic escaping (noEscape): templates escape with the {{md}} helper.
 */
export type Escaping = 'html' | 'markdown';

/**
 * A template's escaping, read from its main template's name: `*.html.hbs` writes HTML; every
 * other template writes Markdown (`report.md.hbs`, and `report.pdf.hbs`, which is Markdown with
 * directives that the PDF typesetter reads). Partials take the escaping of the template that
 * includes them.
 */
export function templateEscaping(template: string): Escaping {
  return template.endsWith('.html.hbs') ? 'html' : 'markdown';
}

/** A format as data. */
export interface FormatSpec {
  id: Format;
  /** File name written in out/<year>/, e.g. `report.md`. */
  fileName: string;
  /** Media type of the output. */
  mediaType: string;
  /** Main template, relative to a templates folder, e.g. `report.md.hbs`; null for a format built without templates (xlsx). */
  template: string | null;
  /**
   * Folders of the format's partials, relative to a templates folder; `partials/md/cover.hbs`
   * is partial `cover`. A partial in a later folder replaces one of the same name in an earlier
   * folder (the PDF is Markdown with directives: it takes the Markdown partials and replaces a few).
   */
  partials: string[];
}

/** A format rendered from Handlebars templates. */
export interface TemplateFormatSpec extends FormatSpec {
  /** Main template; its name says its escaping (templateEscaping). */
  template: string;
  /**
   * Characters (UTF-16 code units) its templates may write: several times what the package's
   * templates write for a plan of 10,000 indicators (md 7 M, html 71 M, pdf 4.4 M), low enough
   * to stop a runaway user template before it exhausts memory (or, for the PDF, hours of
   * typesetting).
   */
  maxOutput: number;
}

export const MARKDOWN_FORMAT: TemplateFormatSpec = {
  id: 'md',
  fileName: 'report.md',
  mediaType: 'text/markdown; charset=utf-8',
  template: 'report.md.hbs',
  partials: ['partials/md'],
  maxOutput: 100_000_000,
};

export const HTML_FORMAT: TemplateFormatSpec = {
  id: 'html',
  fileName: 'report.html',
  mediaType: 'text/html; charset=utf-8',
  template: 'report.html.hbs',
  partials: ['partials/html'],
  maxOutput: 300_000_000,
};

export const PDF_FORMAT: TemplateFormatSpec = {
  id: 'pdf',
  fileName: 'report.pdf',
  mediaType: 'application/pdf',
  template: 'report.pdf.hbs',
  partials: ['partials/md', 'partials/pdf'],
  maxOutput: 20_000_000,
};

export const XLSX_FORMAT: FormatSpec = {
  id: 'xlsx',
  fileName: 'report.xlsx',
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  template: null,
  partials: [],
};
