// SOURCE_DATE_EPOCH (reproducible-builds.org): the moment a reproducible report is dated.

import type { Bilingual } from '../diagnostic.js';

/** The last second of 9999-12-31 (UTC): later dates have no four-digit year (ISO 8601 writes +010000). */
const MAX_EPOCH_SECONDS = 253_402_300_799;

export type SourceDateResult =
  | { ok: true; date: Date | undefined }
  | { ok: false; message: Bilingual };

/**
 * Read SOURCE_DATE_EPOCH: unset gives `date: undefined` (the caller uses the current time);
 * a non-negative integer of seconds since 1970-01-01T00:00:00Z, up to 9999-12-31T23:59:59Z,
 * gives that date; anything else, the empty string included, is an error the CLI reports
 * with exit code 2.
 */
export function parseSourceDateEpoch(value: string | undefined): SourceDateResult {
  if (value === undefined) return { ok: true, date: undefined };
  if (!/^[0-9]+$/.test(value)) {
    return {
      ok: false,
      message: {
        en: `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not \`${value}\``,
        zh: `SOURCE_DATE_EPOCH 应为自 1970-01-01 起的整秒数，而不是 \`${value}\``,
      },
    };
  }
  const seconds = Number(value);
  if (seconds > MAX_EPOCH_SECONDS) {
    return {
      ok: false,
      message: {
        en: `SOURCE_DATE_EPOCH ${value} is after 9999-12-31T23:59:59Z (${MAX_EPOCH_SECONDS}): a report is dated with a four-digit year`,
        zh: `SOURCE_DATE_EPOCH ${value} 晚于 9999-12-31T23:59:59Z（${MAX_EPOCH_SECONDS}）：报告日期的年份须为四位数`,
      },
    };
  }
  return { ok: true, date: new Date(seconds * 1000) };
}
