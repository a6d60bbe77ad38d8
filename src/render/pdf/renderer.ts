// The PDF renderer: report.pdf.hbs renders the ReportModel as Markdown with block
// directives (the Markdown partials, with the cover, status table and indicator
// partials replaced), and src/render/pdf typesets it with pdfkit. The directives' payloads
// (cover, status table, charts, status bars) are built here from the same model, keyed by ids
// the templates can name: `cover`, `status-table`, `trend:<indicator id>`,
// `progress:<indicator id>`, `status-bar:indicators`, `status-bar:milestones`.

import type { Diagnostic } from '../../diagnostic.js';
import { codePointName, type MissingGlyphs } from './glyphs.js';
import type { PdfBlocks, PdfTableColumn } from './types.js';
import type { ReportModel, StatusColumnKey } from '../../present/types.js';
import { PDF_FORMAT } from '../formats.js';
import type { Renderer } from '../renderer.js';
import { renderTemplates, tidy } from '../templates.js';

// Relative column widths of the status table; the typesetter also fits them to their content.
const STATUS_WIDTHS: Record<Exclude<StatusColumnKey, 'status'>, number> = {
  pillar: 1.1,
  name: 2.2,
  unit: 0.7,
  attribute: 0.9,
  baseline: 1.1,
  value: 1.7,
  target: 1.3,
  completion: 0.9,
  pace: 1.6,
};

/** The payloads of every directive the PDF templates may use, from the model. */
export function pdfBlocks(model: ReportModel): PdfBlocks {
  const blocks: PdfBlocks = {};
  const { meta, cover, statusTable } = model;
  // Break the long title after the plan's name, where the report's own name begins.
  const title = cover.title.startsWith(meta.planTitle) && cover.title.length > meta.planTitle.length
    ? `${meta.planTitle}\n${cover.title.slice(meta.planTitle.length)}`
    : cover.title;
  blocks['cover'] = {
    kind: 'cover',
    title,
    subtitle: cover.subtitle,
    date: meta.generatedAtText,
    organization: meta.organisation ?? meta.region,
    statusLines: [`${cover.dataStatus.label}${model.labels.colon}${cover.dataStatus.text}`, meta.generator],
  };

  const columns = statusTable.columns.filter((c) => c.key !== 'status');
  const status = statusTable.columns.find((c) => c.key === 'status');
  // As a yearbook sets it: the rows of a category together (in the order the categories first
  // appear), the category once beside them.
  const order = new Map<string, number>();
  for (const row of statusTable.rows) if (!order.has(row.pillar)) order.set(row.pillar, order.size);
  const rows = statusTable.rows.map((row, i) => ({ row, i })).sort((a, b) => order.get(a.row.pillar)! - order.get(b.row.pillar)! || a.i - b.i).map((x) => x.row);
  blocks['status-table'] = {
    kind: 'status-table',
    caption: statusTable.caption,
    columns: columns.map((c): PdfTableColumn => ({
      label: c.label,
      align: c.align,
      width: STATUS_WIDTHS[c.key as Exclude<StatusColumnKey, 'status'>],
      ...(c.key === 'pillar' ? { span: true } : {}),
    })),
    landscape: true,
    rows: rows.map((row) => ({
      cells: columns.map((c) => {
        const cell = row[c.key as keyof typeof row];
        return typeof cell === 'string' ? cell : typeof cell === 'object' && cell !== null && 'text' in cell ? String(cell.text) : '';
      }),
      status: { label: row.warning ? `${row.status.label} ${statusTable.warningMark}` : row.status.label, tone: row.status.tone },
    })),
    ...(status ? { statusLabel: status.label } : {}),
    notes: statusTable.notes,
  };

  for (const bar of [model.overview.indicatorBar, model.overview.milestoneBar]) {
    if (bar === null) continue;
    blocks[`status-bar:${bar.id}`] = {
      kind: 'status-bar',
      caption: bar.caption,
      geometry: bar.geometry,
      segments: bar.segments.map((s) => ({ label: s.legend, tone: s.tone, shade: s.shade })),
    };
  }

  for (const pillar of model.pillars.items) {
    for (const detail of pillar.indicators) {
      const id = detail.row.id;
      if (detail.trend) blocks[`trend:${id}`] = { kind: 'trend-chart', geometry: detail.trend, legend: detail.legend };
      if (detail.progress) {
        blocks[`progress:${id}`] = { kind: 'progress-bar', label: detail.labels.completion, tone: detail.row.status.tone, geometry: detail.progress };
      }
    }
  }
  return blocks;
}

export const pdfRenderer: Renderer = {
  format: PDF_FORMAT,
  async render({ model, templates, createdAt, runId }) {
    const rendered = renderTemplates(PDF_FORMAT, templates, model);
    if (!rendered.ok) return rendered;
    const markdown = tidy(rendered.text);
    const blocks = pdfBlocks(model);
    // Loaded only when a PDF is asked for: pdfkit, fontkit and the fonts cost ~0.3 s.
    const pdf = await import('./index.js');
    const lexed = pdf.lexPdfMarkdown(markdown);
    const problems = pdf.checkPdfDirectives(lexed, blocks, model.lang);
    if (problems.length > 0) {
      // The line is in the rendered Markdown, not in a template: say so, and name the main template.
      const where = (line: number): string => `line ${line} of the Markdown that ${PDF_FORMAT.template} renders`;
      const diagnostics = problems.map((p): Diagnostic => {
        const d: Diagnostic = { severity: 'error', code: p.code, message: `${p.message} (${where(p.line)})`, file: templates.main.file, line: 0, col: 0 };
        if (p.code === 'pdf-nesting') {
          d.message = `Markdown nested more than ${pdf.MAX_NESTING} levels deep (block quotes, lists, emphasis or links) at ${where(p.line)}`;
          d.hint = 'a template prints text that starts with `>`, `-` or `*` without {{md}}, or nests its own blocks too deep';
        }
        return d;
      });
      return { ok: false, diagnostics };
    }
    const { meta } = model;
    const { pdf: content, missingGlyphs } = await pdf.typesetPdfReport(lexed, blocks, {
      title: meta.title,
      author: meta.organisation ?? meta.region,
      subject: meta.subtitle,
      keywords: [meta.region, meta.planTitle, String(meta.year), ...(runId ? [`cixi-plan run ${runId}`] : [])],
      lang: model.lang,
      creationDate: createdAt,
      headerText: meta.shortTitle,
    });
    return { ok: true, content, diagnostics: missingGlyphs.map(missingGlyphWarning) };
  },
};

/** Characters listed by name in one warning; the rest are counted. */
const LISTED = 12;

/** A `pdf-missing-glyph` warning: which characters the font lacks, and where they first are. */
export function missingGlyphWarning(found: MissingGlyphs): Diagnostic {
  const names = found.codePoints.slice(0, LISTED).map((cp) => `${codePointName(cp)} ${printable(cp)}`);
  const more = found.codePoints.length - LISTED;
  if (more > 0) names.push(`and ${more} more`);
  const plural = found.codePoints.length === 1 ? 'it is' : 'they are';
  return {
    severity: 'warning',
    code: 'pdf-missing-glyph',
    message: `the PDF font (Noto Sans SC) has no glyph for ${names.join(', ')}: ${plural} set as boxed code points; first in ${found.where}: “${excerpt(found.context, found.codePoints[0]!)}”`,
    file: PDF_FORMAT.fileName,
    line: 0,
    col: 0,
    hint: 'the HTML report shows these characters with the reader’s fonts',
  };
}

// A character as it can be shown in a terminal: controls by name only.
function printable(cp: number): string {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? '(a control character)' : String.fromCodePoint(cp);
}

// Up to 30 characters either side of the first missing one, on one line.
function excerpt(context: string, cp: number): string {
  const chars = Array.from(context.replace(/\s+/g, ' ').trim());
  const at = Math.max(0, chars.indexOf(String.fromCodePoint(cp)));
  const from = Math.max(0, at - 30);
  const to = Math.min(chars.length, at + 31);
  return `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
}
