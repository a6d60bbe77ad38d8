// The render stage: ReportModel → documents, through a registry of renderers keyed by format.

export { FORMAT_NAMES, HTML_FORMAT, MARKDOWN_FORMAT, XLSX_FORMAT, isFormat, templateEscaping, type Escaping, type Format, type FormatSpec, type TemplateFormatSpec } from './formats.js';
export { RENDERERS, rendererFor, type RenderInput, type RenderResult, type Renderer } from './registry.js';
export { renderTemplates, tidy, type TemplateFile, type TemplateResult, type TemplateSet } from './templates.js';
export { escapeHtml, escapeMarkdown, markdownCode, oneLine } from './escape.js';
