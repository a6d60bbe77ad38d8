// The data the PDF typesetter takes besides its Markdown: document options and the
// payloads of block directives, keyed by the id a directive names. Charts come as the shared
// geometry of src/present/charts.ts, as for the HTML report.

import type { ProgressGeometry, StackedBarGeometry, TrendGeometry } from '../../present/charts.js';

/**
 * Status tones, from best to worst (the ReportModel's `Tone`); `none` is "no data / not
 * assessed".
 */
export type PdfTone = 'good' | 'fair' | 'warn' | 'bad' | 'none';

/** Horizontal alignment of a table column. */
export type PdfAlign = 'left' | 'right' | 'center';

/** Payload of `<!-- pdf:cover ID -->`. Every field is display text, formatted by the caller. */
export interface PdfCoverBlock {
  kind: 'cover';
  title: string;
  subtitle?: string;
  /** The report year as shown, e.g. "2024年度". */
  year?: string;
  /** The report date as shown, e.g. "2025年3月". */
  date?: string;
  /** The publishing organisation, e.g. "慈溪市发展和改革局". */
  organization?: string;
  /** Data status lines shown in a box near the foot of the cover. */
  statusLines?: string[];
}

/** One column of a status table. */
export interface PdfTableColumn {
  label: string;
  align: PdfAlign;
  /** Relative width weight; columns share the text width in proportion (≤ 0 counts as 1). */
  width: number;
  /**
   * A category column: equal cells of consecutive rows merge into one cell spanning them, set
   * once per group on each page (the first such column counts).
   */
  span?: boolean;
  /**
   * A column of notes: when a cell is long, the column shows note numbers (①②③) and the notes
   * are set under the table's rows on each page (the first such column counts).
   */
  notes?: boolean;
}

/** A row's status: drawn as a symbol (distinct shape per tone) and its label, in the tone's colour. */
export interface PdfStatus {
  label: string;
  tone: PdfTone;
}

export interface PdfTableRow {
  /** One display string per column; missing cells are blank, extra cells are dropped. */
  cells: string[];
  status?: PdfStatus;
}

/** Payload of `<!-- pdf:status-table ID -->`. */
export interface PdfTableBlock {
  kind: 'status-table';
  columns: PdfTableColumn[];
  rows: PdfTableRow[];
  /** Centred caption above the table, repeated with "（续）" on continuation pages. */
  caption?: string;
  /** Header of the status column, shown when any row has a status (default 状态 / Status). */
  statusLabel?: string;
  /** Width weight of the status column (default 1.4). */
  statusWidth?: number;
  /** Small print under the table ("注：…"). */
  notes?: string[];
  /** May be set on landscape pages when portrait cannot hold its figures on one line. */
  landscape?: boolean;
}

/** Which line a legend entry stands for (the keys of the ReportModel's chart legend). */
export type PdfLegendKey = 'observed' | 'baseline' | 'target' | 'projection';

/**
 * Payload of `<!-- pdf:trend-chart ID -->`: the shared chart geometry (src/present/charts.ts,
 * the same numbers the HTML SVG is drawn from), scaled uniformly to fit the text width and
 * `maxHeight`.
 */
export interface PdfTrendChartBlock {
  kind: 'trend-chart';
  geometry: TrendGeometry;
  /** Legend under the chart, in order (IndicatorDetail.legend). */
  legend?: Array<{ key: PdfLegendKey; label: string }>;
  /** Caption above the chart (default: the geometry's title; '' for none). */
  caption?: string;
  /** Print the geometry's description under the chart (default false: the text around says it). */
  showDesc?: boolean;
  /** Largest drawn height in points (default 220, at most 480). */
  maxHeight?: number;
}

/**
 * Payload of `<!-- pdf:progress-bar ID -->`: one row "label | bar with pace marker | completion",
 * from the shared ProgressGeometry (fill fraction, pace position, labels, overflow and negative
 * flags). Consecutive bars stack as a compact list.
 */
export interface PdfProgressBarBlock {
  kind: 'progress-bar';
  /** Text left of the bar (an indicator name). */
  label: string;
  tone: PdfTone;
  geometry: ProgressGeometry;
}

/**
 * Payload of `<!-- pdf:status-bar ID -->`: counts by status as one stacked bar (the shared
 * StackedBarGeometry, as the HTML report draws it), its caption above and a legend below.
 */
export interface PdfStatusBarBlock {
  kind: 'status-bar';
  /** Line above the bar, e.g. "指标完成情况（14项）". */
  caption: string;
  geometry: StackedBarGeometry;
  /**
   * One per segment of the geometry, in order: its legend text (the status and its count), tone
   * and shade (0 the tone's own colour, 1 and 2 lighter, for statuses sharing a tone).
   */
  segments: Array<{ label: string; tone: PdfTone; shade: number }>;
}

export type PdfBlock = PdfCoverBlock | PdfTableBlock | PdfTrendChartBlock | PdfProgressBarBlock | PdfStatusBarBlock;

/** Directive payloads by the id a directive names. */
export type PdfBlocks = Record<string, PdfBlock>;

export type PdfLang = 'zh-CN' | 'en';

export interface PdfOptions {
  /** Document title: metadata Title, the running header and, without a cover directive, the cover. */
  title: string;
  /** Organisation: metadata Author. */
  author?: string;
  subject?: string;
  keywords?: string[];
  /** Document language (default zh-CN); also picks the wording of page numbers and labels. */
  lang?: PdfLang;
  /**
   * CreationDate and ModDate; pdfkit derives the file ID from it, so the same Markdown, blocks,
   * options and date give the same bytes. An invalid Date counts as 1970-01-01T00:00:00Z.
   */
  creationDate: Date;
  /** Metadata Producer (default "cixi-plan (PDFKit)"). */
  producer?: string;
  /** Left text of the running header (default: title). */
  headerText?: string;
}
