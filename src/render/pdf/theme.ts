// The look of the PDF in one place: page geometry, type sizes (Chinese 字号 where one fits),
// colours and the wording of the few labels the typesetter writes itself.

import type { PdfLang, PdfTone } from './types.js';

/** A4 portrait in points. */
export const PAGE = { width: 595.28, height: 841.89 } as const;

/** Text area margins in points; the running header and footer sit inside the top and bottom ones. */
export const MARGIN = { top: 70, bottom: 66, left: 62, right: 62 } as const;

/** Type sizes in points: 一号 26, 三号 16, 四号 14, 小四 12, 五号 10.5, 小五 9. */
export const SIZE = {
  coverTitle: 26,
  coverSubtitle: 16,
  coverYear: 15,
  coverMeta: 12,
  h1: 16,
  h2: 14,
  h3: 12,
  body: 10.5,
  table: 9,
  small: 8.5,
  running: 8,
  chart: 7.5,
} as const;

/** Line pitch as a multiple of the type size. */
export const LEADING = { body: 1.75, heading: 1.45, table: 1.45, small: 1.5 } as const;

/** Space before and after each heading level, in points. */
export const HEADING_SPACE = {
  1: { before: 26, after: 12 },
  2: { before: 18, after: 8 },
  3: { before: 12, after: 5 },
} as const;

/** Space between body blocks, in points. */
export const BLOCK_GAP = 8;

/** Colours, shared with the HTML report's stylesheet where it has one. */
export const COLOR = {
  text: '#1d2433',
  heading: '#111827',
  muted: '#5b6472',
  faint: '#8a8d91',
  rule: '#2b2b2b',
  hairline: '#c9ccd1',
  zebra: '#f4f6f8',
  codeBg: '#f1f2f4',
  quoteBar: '#b8bcc2',
  accent: '#a4161a',
  navy: '#1f3a5f',
  track: '#e9ecef',
  link: '#1f4e79',
  noteBorder: '#a4161a',
  noteBg: '#fbf0ef',
} as const;

/** Tone colours: the status symbol and its label (the HTML report's tone colours). */
export const TONE_COLOR: Record<PdfTone, string> = {
  good: '#1e7b34',
  fair: '#1f5fa8',
  warn: '#9a5b00',
  bad: '#b42318',
  none: '#6b7280',
};

/** Tone colours of a progress bar's fill (warn is lighter than its text colour, as in HTML). */
export const TONE_FILL: Record<PdfTone, string> = { ...TONE_COLOR, warn: '#d08a16' };

/** Trend chart strokes, as the HTML report's stylesheet draws them. */
export const CHART = {
  observed: { color: '#1f3a5f', width: 2.5 },
  projection: { color: '#1f3a5f', width: 2, dash: [5, 5], opacity: 0.7 },
  target: { color: '#a4161a', width: 1.5, dash: [6, 4] },
  baseline: { color: '#8a93a0', width: 1.5, dash: [1, 4] },
  reportYear: { color: '#c7ccd3', width: 1, dash: [2, 3] },
  grid: { color: '#e3e6ea', width: 1 },
  axis: { color: '#5b6472', width: 1 },
} as const;

export interface Labels {
  toc: string;
  status: string;
  continued: string;
  page: (page: number, pages: number) => string;
  unknownDirective: (name: string) => string;
  missingBlock: (name: string, id: string) => string;
  wrongBlock: (name: string, id: string, kind: string) => string;
  badGeometry: (name: string, id: string) => string;
  misplaced: (name: string) => string;
  tooDeep: (max: number) => string;
  directiveNote: string;
  /** Header of a table's column of note numbers. */
  noteColumn: string;
  badTableOption: (option: string) => string;
  strayTable: string;
}

/** Labels in the document's language. */
export function labels(lang: PdfLang): Labels {
  if (lang === 'en') {
    return {
      toc: 'Contents',
      status: 'Status',
      continued: ' (continued)',
      page: (page, pages) => `Page ${page} of ${pages}`,
      unknownDirective: (name) => `unknown directive pdf:${name}`,
      missingBlock: (name, id) => `pdf:${name} names block "${id}", which was not given`,
      wrongBlock: (name, id, kind) => `pdf:${name} names block "${id}", which is a ${kind}`,
      badGeometry: (name, id) => `pdf:${name} names block "${id}", whose geometry cannot be drawn`,
      misplaced: (name) => `pdf:${name} may appear only once`,
      tooDeep: (max) => `Markdown nested more than ${max} deep (block quotes, lists, emphasis, links): the rest is shown as written`,
      directiveNote: 'Typesetting note',
      noteColumn: 'Note',
      badTableOption: (option) => `pdf:table does not know "${option}" (span=N, notes=N, landscape)`,
      strayTable: 'pdf:table is not followed by a table',
    };
  }
  return {
    toc: '目  录',
    status: '状态',
    continued: '（续）',
    page: (page, pages) => `第 ${page} 页 / 共 ${pages} 页`,
    unknownDirective: (name) => `未知的排版指令 pdf:${name}`,
    missingBlock: (name, id) => `pdf:${name} 引用的数据块“${id}”不存在`,
    wrongBlock: (name, id, kind) => `pdf:${name} 引用的数据块“${id}”是 ${kind}`,
    badGeometry: (name, id) => `pdf:${name} 引用的数据块“${id}”缺少可绘制的图形数据`,
    misplaced: (name) => `pdf:${name} 只能出现一次`,
    tooDeep: (max) => `Markdown 嵌套超过 ${max} 层（引用、列表、强调、链接），其余内容按原文显示`,
    directiveNote: '排版提示',
    noteColumn: '注',
    badTableOption: (option) => `pdf:table 不认识“${option}”（可用 span=N、notes=N、landscape）`,
    strayTable: 'pdf:table 后面没有表格',
  };
}
