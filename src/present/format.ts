// Number, date and unit formatting for the report: numbers as Intl.NumberFormat writes them
// in the report's locale (plainNumber, held to Intl by a test), precision chosen by what a
// number is (a figure as published, or a computed one), '—' for an unknown number with the
// reason beside it. Pure.

import type { RateMethod } from '../assess/types.js';
import type { IndicatorKind } from '../model.js';
import { messages, type Lang } from './i18n/index.js';

/** A formatted number: what to print, the number itself, and what qualifies it. */
export interface Num {
  /** Ready to print, without unit: "2,929", "67.0%", "+1.0个百分点", or "—" when unknown. */
  text: string;
  /** The number formatted; null when unknown. */
  value: number | null;
  /** Why the number is unknown, or what qualifies it (a stale year, a bound); null when nothing. */
  note: string | null;
  /** A compact form for narrow views (the terminal), when it differs from `text`. */
  short?: string;
  /** The number as a spreadsheet cell holds it, when `text` is that number with marks around it. */
  cell?: CellNumber;
}

/**
 * A number as a spreadsheet stores and shows it (report.xlsx): `text` is
 * prefix + the number with `decimals` decimals (grouped; a percentage of `value`) + suffix.
 */
export interface CellNumber {
  /** The number stored; a percentage as a fraction (0.67 for 67.0%). */
  value: number;
  decimals: number;
  percent: boolean;
  /** Shown with a sign ("+5.0%"). */
  signed: boolean;
  /** Marks shown before and after the number ("≥", "（2023年）"). */
  prefix: string;
  suffix: string;
}

/** A spreadsheet number: a figure with its decimals, or (percent) a fraction shown with PERCENT_DECIMALS. */
export function cellNumber(value: number, decimals: number, options: Partial<Omit<CellNumber, 'value' | 'decimals'>> = {}): CellNumber {
  return { value, decimals, percent: options.percent ?? false, signed: options.signed ?? false, prefix: options.prefix ?? '', suffix: options.suffix ?? '' };
}

/** Decimals a computed percentage is shown with (67.0%). */
export const PERCENT_DECIMALS = 1;
/** At most this many decimals of a figure as published. */
export const MAX_DATA_DECIMALS = 4;

// One Intl.NumberFormat per locale, style, decimals and sign display, made on first use, for
// the values plainNumber leaves to Intl (NaN, infinities, exponents).
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, style: 'decimal' | 'percent', maxDecimals: number, minDecimals: number, signed: boolean): Intl.NumberFormat {
  const key = `${locale} ${style} ${maxDecimals} ${minDecimals} ${signed ? 'signed' : ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      ...(style === 'percent' ? { style } : {}),
      maximumFractionDigits: maxDecimals,
      minimumFractionDigits: minDecimals,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A number as Intl.NumberFormat writes it in zh-CN and en (both group by three with `,` and
 * write `.`, `-` and `+`), for a value JavaScript writes without an exponent: the shortest
 * decimal digits of the double (as Intl takes them), rounded half away from zero (Intl's
 * halfExpand) to `max` decimals, trailing zeros dropped down to `min`; a percentage with the
 * point moved two places, as Intl does, not multiplied. Undefined for anything else (NaN,
 * infinities, exponents), which Intl formats. Made here because the first Intl.NumberFormat
 * of a process loads ICU's data (15 ms) and each format call costs as much as the rest of a
 * figure's work; test/present-format.test.ts holds it to Intl.
 */
export function plainNumber(value: number, style: 'decimal' | 'percent', max: number, min: number, signed: boolean): string | undefined {
  if (!Number.isFinite(value) || !Number.isInteger(max) || !Number.isInteger(min) || max < 0 || max > 100 || min < 0 || min > max) return undefined;
  const shortest = String(Math.abs(value));
  if (shortest.includes('e')) return undefined;
  const dot = shortest.indexOf('.');
  let int = dot < 0 ? shortest : shortest.slice(0, dot);
  let frac = dot < 0 ? '' : shortest.slice(dot + 1);
  if (style === 'percent') {
    const moved = frac.padEnd(2, '0');
    int = `${int}${moved.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
    frac = moved.slice(2).replace(/0+$/, '');
  }
  if (frac.length > max) {
    const up = frac.charCodeAt(max) >= 0x35;
    let digits = int + frac.slice(0, max);
    if (up) {
      let i = digits.length - 1;
      while (i >= 0 && digits.charCodeAt(i) === 0x39) i--;
      digits = i < 0 ? `1${'0'.repeat(digits.length)}` : `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${'0'.repeat(digits.length - i - 1)}`;
    }
    int = digits.slice(0, digits.length - max);
    frac = digits.slice(digits.length - max);
  }
  let end = frac.length;
  while (end > min && frac.charCodeAt(end - 1) === 0x30) end--;
  frac = frac.slice(0, end).padEnd(min, '0');
  const negative = value < 0 || Object.is(value, -0);
  const sign = signed ? (isZero(int) && isZero(frac) ? '' : negative ? '-' : '+') : negative ? '-' : '';
  let grouped = int;
  if (int.length > 3) {
    grouped = int.slice(0, ((int.length - 1) % 3) + 1);
    for (let i = grouped.length; i < int.length; i += 3) grouped += `,${int.slice(i, i + 3)}`;
  }
  return `${sign}${grouped}${frac === '' ? '' : `.${frac}`}${style === 'percent' ? '%' : ''}`;
}

// Whether decimal digits are all zeros (or none).
function isZero(digits: string): boolean {
  for (let i = 0; i < digits.length; i++) if (digits.charCodeAt(i) !== 0x30) return false;
  return true;
}

// plainNumber where it answers, else Intl.
function formatNumber(locale: string, style: 'decimal' | 'percent', value: number, max: number, min: number, signed: boolean): string {
  return plainNumber(value, style, max, min, signed) ?? numberFormat(locale, style, max, min, signed).format(value);
}

/** Format a number with grouping and at most `maxDecimals` decimals (at least `minDecimals`). */
export function formatDecimal(value: number, lang: Lang, maxDecimals: number, minDecimals = 0, signed = false): string {
  // Intl writes −0.0 for tiny negatives rounded away; a report shows 0.
  const text = formatNumber(messages(lang).locale, 'decimal', value === 0 ? 0 : value, maxDecimals, Math.min(minDecimals, maxDecimals), signed);
  const first = text.charCodeAt(0);
  if (first !== 0x2d && first !== 0x2b) return text;
  return text.replace(/^-(0(?:[.,]0+)?)$/, '$1').replace(/^\+(0(?:[.,]0+)?)$/, '$1');
}

/** Decimals of a figure as written in the data (2521.58 → 2), capped at MAX_DATA_DECIMALS. */
export function dataDecimals(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  for (let d = 1; d <= MAX_DATA_DECIMALS; d++) {
    const f = 10 ** d;
    if (Math.abs(Math.round(value * f) / f - value) <= 1e-12 * Math.max(1, Math.abs(value))) return d;
  }
  return MAX_DATA_DECIMALS;
}

/**
 * Decimals of a computed value (a projection, a gap, a target derived from a multiple):
 * one for percentages and for things counted in whole units (counts, ranks, multiples);
 * by magnitude otherwise, so that 亿元 show 3,364 and 万元 show 7.62.
 */
export function computedDecimals(value: number, kind: IndicatorKind, unit: string): number {
  if (unit === '%' || kind === 'percentage' || kind === 'rate') return 1;
  if (kind === 'count' || kind === 'rank' || kind === 'multiple') return 1;
  const a = Math.abs(value);
  if (a >= 100) return 0;
  if (a >= 10) return 1;
  if (a >= 1) return 2;
  return 3;
}

/**
 * A figure as published: the decimals it was written with when known (67.00 stays
 * 67.00, 5.0 stays 5.0), else its own significant decimals; grouped.
 */
export function formatData(value: number, lang: Lang, decimals?: number | null): string {
  if (decimals !== undefined && decimals !== null) return formatDecimal(value, lang, decimals, decimals);
  return formatDecimal(value, lang, dataDecimals(value));
}

/** A computed quantity in an indicator's unit, with the precision its size calls for. */
export function formatComputed(value: number, kind: IndicatorKind, unit: string, lang: Lang): string {
  return formatDecimal(value, lang, computedDecimals(value, kind, unit));
}

/** A fraction as a percentage with one decimal (0.6698 → "67.0%"). */
export function formatPercent(fraction: number, lang: Lang, signed = false): string {
  return formatNumber(messages(lang).locale, 'percent', fraction === 0 ? 0 : fraction, PERCENT_DECIMALS, PERCENT_DECIMALS, signed);
}

/**
 * A rate per year as the assessment measures it (see RateMethod): compound → a signed
 * percentage ("+7.2%"); linear in % → percentage points ("+1.0个百分点"); other linear
 * and flow rates → signed amount per year in the unit ("+0.7位/年").
 */
export function formatRate(value: number, method: RateMethod, unit: string, kind: IndicatorKind, lang: Lang): string {
  const m = messages(lang);
  if (method === 'compound') return formatPercent(value, lang, true);
  if (unit === '%') return formatDecimal(value, lang, 1, 1, true) + m.percentagePoints;
  // A unit with a scale in it is rescaled as amounts are ("+56.5 million tonnes/yr").
  const rescaled = m.scaledUnit(unit, value);
  if (rescaled !== undefined) {
    const places = rescaledPlaces(computedDecimals(value, kind, unit), rescaled.factor);
    return m.perYear(`${formatDecimal(value * rescaled.factor, lang, places, 0, true)} ${rescaled.unit}`);
  }
  const amount = formatDecimal(value, lang, computedDecimals(value, kind, unit), 0, true);
  return m.perYear(`${amount}${lang === 'en' ? ' ' : ''}${unitLabel(unit, lang)}`);
}

/** A number or '—' with the reason. */
export function num(value: number | null, format: (v: number) => string, lang: Lang, reason: string | null = null): Num {
  if (value === null || !Number.isFinite(value)) return { text: messages(lang).none, value: null, note: reason };
  return { text: format(value), value, note: null };
}

/** A unit as it reads in the report language (亿元 → "100 million yuan" in English). */
export function unitLabel(unit: string, lang: Lang): string {
  return messages(lang).unitName(unit);
}

/** A number with its unit, for running text ("2,929亿元", "88%", "2,929 100 million yuan"). */
export function withUnit(text: string, unit: string, lang: Lang): string {
  if (unit === '%') return text + '%';
  return lang === 'en' ? `${text} ${unitLabel(unit, lang)}` : text + unit;
}

// Decimal places after a figure is rescaled by `factor` (×0.1 → one more place, ×10 → one fewer).
function rescaledPlaces(places: number, factor: number): number {
  return Math.max(0, places + Math.round(-Math.log10(factor)));
}

/**
 * An amount with its unit for running text: "2,929亿元" in Chinese; in English a unit with a
 * scale in it is rescaled ("292.9 billion yuan") with the same precision (Messages.scaledUnit).
 * `computed` picks the precision of computed values, else the figure's own decimals.
 */
export function formatAmount(value: number, unit: string, kind: IndicatorKind, lang: Lang, computed: boolean, decimals?: number | null): string {
  const rescaled = messages(lang).scaledUnit(unit, value);
  if (rescaled !== undefined) {
    const { factor, unit: name } = rescaled;
    const scaled = value * factor;
    const places = computed
      ? rescaledPlaces(computedDecimals(value, kind, unit), factor)
      // Written decimals carry over the rescaling (7.00万元 → 70.0 thousand); whole numbers keep their own.
      : decimals !== undefined && decimals !== null && decimals > 0 ? rescaledPlaces(decimals, factor) : dataDecimals(scaled);
    return `${formatDecimal(scaled, lang, places, computed ? 0 : places)} ${name}`;
  }
  return withUnit(computed ? formatComputed(value, kind, unit, lang) : formatData(value, lang, decimals), unit, lang);
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date written "YYYY", "YYYY-MM" or "YYYY-MM-DD" in words ("2024年6月", "June 2024"); other text unchanged. */
export function formatDate(text: string, lang: Lang): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return text;
  const [, y, mo, d] = m;
  const month = mo === undefined ? undefined : Number(mo);
  const day = d === undefined ? undefined : Number(d);
  if (month !== undefined && (month < 1 || month > 12)) return text;
  if (lang === 'zh-CN') return `${y}年${month !== undefined ? `${month}月` : ''}${day !== undefined ? `${day}日` : ''}`;
  if (month === undefined) return y!;
  return `${day !== undefined ? `${day} ` : ''}${MONTHS_EN[month - 1]!} ${y!}`;
}

/** The mark of a figure the source gives only as a bound: ≥ at least, ≤ at most, '' exact. */
export function boundMark(bound: 'at-least' | 'at-most' | null | undefined): string {
  return bound === 'at-least' ? '≥' : bound === 'at-most' ? '≤' : '';
}
