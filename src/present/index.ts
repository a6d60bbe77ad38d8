// The present stage: Assessment → ReportModel (localized, formatted, with chart geometry).

export { buildReportModel, STATUS_COLUMNS, type PresentOptions } from './build.js';
export * from './types.js';
export { LANGS, isLang, langFromTag, messages, type Messages } from './i18n/index.js';
export { TONES } from './tones.js';
export * as format from './format.js';
