// SOURCE_DATE_EPOCH (reproducible-builds.org): the moment a reproducible report is dated.

/** Largest epoch a JavaScript Date can hold, in seconds (8.64e15 ms). */
const MAX_EPOCH_SECONDS = 8_640_000_000_000;

export type SourceDateResult =
  | { ok: true; date: Date | undefined }
  | { ok: false; message: string };

/**
 * Read SOURCE_DATE_EPOCH: unset gives `date: undefined` (the caller uses the current time);
 * a non-negative integer of seconds since 1970-01-01T00:00:00Z gives that date; anything else,
 * the empty string included, is an error the CLI reports with exit code 2.
 */
export function parseSourceDateEpoch(value: string | undefined): SourceDateResult {
  if (value === undefined) return { ok: true, date: undefined };
  if (!/^[0-9]+$/.test(value)) {
    return {
      ok: false,
      message: `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not \`${value}\``,
    };
  }
  const seconds = Number(value);
  if (seconds > MAX_EPOCH_SECONDS) {
    return { ok: false, message: `SOURCE_DATE_EPOCH ${value} is beyond the largest date that can be written` };
  }
  return { ok: true, date: new Date(seconds * 1000) };
}
