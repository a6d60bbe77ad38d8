// Number, rate and date formatting of the report: Intl in the report's locale,
// precision by what a number is, '—' with a reason for what is unknown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  plainNumber,
  computedDecimals,
  dataDecimals,
  formatComputed,
  formatData,
  formatDate,
  formatAmount,
  formatDecimal,
  formatPercent,
  formatRate,
  num,
  unitLabel,
  withUnit,
} from '../src/present/format.js';
import { matches, same } from './support/check.js';

describe('numbers written without Intl', () => {
  // Doubles of every size and of the shapes rounding finds hard: halves at a decimal place
  // (2.675, 1.005), runs of nines, tiny negatives, integers, the largest without an exponent.
  const value = fc.oneof(
    fc.double({ noNaN: true, min: -1e22, max: 1e22 }),
    fc.double({ noNaN: true, min: -1, max: 1 }),
    fc.integer({ min: -2_000_000, max: 2_000_000 }).chain((n) => fc.constantFrom(n, n / 10, n / 100, n / 1000, n / 1e6, n + 0.5, n / 100 + 0.005, n / 1000 + 0.0005)),
    fc.constantFrom(0, -0, 2.675, 1.005, 0.125, 9.995, 99.95, 999999.5, 0.0004, -0.0004, 1e21, 123456789012345680000, 1e-7, Number.MAX_VALUE, Number.MIN_VALUE),
  );
  const options = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).map(([a, b]) => ({ max: Math.max(a, b), min: Math.min(a, b) }));

  it('are what Intl.NumberFormat writes in zh-CN and en, decimals and percentages, signed or not', () => {
    // One formatter per set of options (there are a few hundred): making one costs more than
    // formatting with it.
    const formatters = new Map<string, Intl.NumberFormat>();
    fc.assert(
      fc.property(value, options, fc.boolean(), fc.constantFrom('decimal' as const, 'percent' as const), fc.constantFrom('zh-CN', 'en'), (v, { max, min }, signed, style, locale) => {
        const plain = plainNumber(v, style, max, min, signed);
        const key = `${locale} ${style} ${max} ${min} ${signed}`;
        let format = formatters.get(key);
        if (format === undefined) {
          format = new Intl.NumberFormat(locale, {
            ...(style === 'percent' ? { style } : {}),
            maximumFractionDigits: max,
            minimumFractionDigits: min,
            signDisplay: signed ? 'exceptZero' : 'auto',
          });
          formatters.set(key, format);
        }
        const intl = format.format(v);
        if (plain !== undefined) same(plain, intl, `${v} ${style} ${min}–${max}${signed ? ' signed' : ''} ${locale}`);
        // Only values JavaScript writes with an exponent are left to Intl.
        else matches(String(Math.abs(v)), /e/);
      }),
      // FORMAT_RUNS lets a developer run a longer campaign.
      { numRuns: Number(process.env.FORMAT_RUNS ?? 20_000) },
    );
  }, 600_000);
});

describe('figures as published', () => {
  it.each([
    [2929, '2,929'],
    [2521.58, '2,521.58'],
    [2379.2, '2,379.2'],
    [7.3, '7.3'],
    [0, '0'],
    [-0, '0'],
    [1234567.891, '1,234,567.891'],
    [0.123456, '0.1235'],
  ])('%d → %s', (value, text) => {
    expect(formatData(value, 'zh-CN')).toBe(text);
    expect(formatData(value, 'en')).toBe(text);
  });

  it('counts the decimals a figure was written with', () => {
    expect(dataDecimals(2521.58)).toBe(2);
    expect(dataDecimals(0.1 + 0.2)).toBe(1);
    expect(dataDecimals(3)).toBe(0);
  });
});

describe('computed values', () => {
  it('show 亿元 to the unit, small amounts with decimals, percentages and counts with one', () => {
    expect(formatComputed(3364.431202108449, 'level', '亿元', 'zh-CN')).toBe('3,364');
    expect(formatComputed(271.4, 'level', '亿元', 'zh-CN')).toBe('271');
    expect(formatComputed(45.26, 'level', '亿元', 'zh-CN')).toBe('45.3');
    expect(formatComputed(7.6234, 'level', '万元', 'zh-CN')).toBe('7.62');
    expect(formatComputed(0.41234, 'ratio', '', 'en')).toBe('0.412');
    expect(formatComputed(89.97, 'percentage', '%', 'zh-CN')).toBe('90');
    expect(formatComputed(58.966, 'multiple', '家', 'zh-CN')).toBe('59');
    expect(formatComputed(4.666, 'rank', '位', 'zh-CN')).toBe('4.7');
    expect(computedDecimals(1e9, 'level', '元')).toBe(0);
  });

  it('never prints a negative zero', () => {
    expect(formatDecimal(-0.0001, 'zh-CN', 1)).toBe('0');
    expect(formatDecimal(-0.0001, 'en', 1, 1)).toBe('0.0');
    expect(formatDecimal(-0.00001, 'en', 1, 1, true)).toBe('0.0');
  });
});

describe('percentages and rates', () => {
  it('show fractions as percentages with one decimal', () => {
    expect(formatPercent(0.6698343, 'zh-CN')).toBe('67.0%');
    expect(formatPercent(0.6, 'en')).toBe('60.0%');
    expect(formatPercent(1.2, 'en')).toBe('120.0%');
    expect(formatPercent(-0.25, 'zh-CN')).toBe('-25.0%');
  });

  it('show compound growth as a signed percentage, linear % change as percentage points', () => {
    expect(formatRate(0.0717565, 'compound', '亿元', 'level', 'zh-CN')).toBe('+7.2%');
    expect(formatRate(-0.031, 'compound', '亿元', 'level', 'en')).toBe('-3.1%');
    expect(formatRate(1, 'linear', '%', 'percentage', 'zh-CN')).toBe('+1.0个百分点');
    expect(formatRate(1, 'linear', '%', 'percentage', 'en')).toBe('+1.0 pp');
    expect(formatRate(-0.6667, 'linear', '位', 'rank', 'zh-CN')).toBe('-0.7位/年');
    expect(formatRate(450, 'flow', '亿元', 'cumulative', 'en')).toBe('+45 billion yuan/yr');
    expect(formatRate(0.565, 'linear', '亿吨', 'level', 'en')).toBe('+56.5 million tonnes/yr');
    expect(formatRate(450, 'flow', '亿元', 'cumulative', 'zh-CN')).toBe('+450亿元/年');
  });
});

describe('unknown numbers', () => {
  it('print a dash and keep the reason', () => {
    expect(num(null, String, 'zh-CN', '2024年缺数：未公布')).toEqual({ text: '—', value: null, note: '2024年缺数：未公布' });
    expect(num(Number.NaN, String, 'en')).toEqual({ text: '—', value: null, note: null });
    expect(num(3, (v) => `${v}!`, 'en', 'ignored')).toEqual({ text: '3!', value: 3, note: null });
  });
});

describe('units and dates', () => {
  it('translate Chinese units for English readers and place them after the number', () => {
    expect(unitLabel('亿元', 'en')).toBe('100 million yuan');
    expect(unitLabel('亿元', 'zh-CN')).toBe('亿元');
    expect(unitLabel('toString', 'en')).toBe('toString');
    expect(withUnit('2,929', '亿元', 'zh-CN')).toBe('2,929亿元');
    expect(withUnit('88', '%', 'en')).toBe('88%');
    expect(withUnit('45', '家', 'en')).toBe('45 enterprises');
  });

  it('rescale Chinese myriad units in English running text, keeping the precision', () => {
    expect(formatAmount(2929, '亿元', 'level', 'zh-CN', false)).toBe('2,929亿元');
    expect(formatAmount(2929, '亿元', 'level', 'en', false)).toBe('292.9 billion yuan');
    expect(formatAmount(2379.2, '亿元', 'level', 'en', false)).toBe('237.92 billion yuan');
    expect(formatAmount(3364.431, '亿元', 'level', 'en', true)).toBe('336.4 billion yuan');
    expect(formatAmount(7.34, '万元', 'level', 'en', false)).toBe('73.4 thousand yuan');
    expect(formatAmount(45, '家', 'multiple', 'en', false)).toBe('45 enterprises');
  });

  it('read a unit the table lacks as a scale and a base unit, "A/B" as "A per B", and leave one with an unknown part as written', () => {
    const cases: Array<[string, string]> = [
      ['亿吨', '100 million tonnes'],
      ['亿吨标准煤', '100 million tce'],
      ['吨标准煤/万元', 'tce per 10,000 yuan'],
      ['立方米/万元', 'm³ per 10,000 yuan'],
      ['万亩', '10,000 mu'],
      // A base unit whole before a scale is taken off it: 千瓦 is kW, 万千瓦 ten thousand of them.
      ['千瓦时', 'kWh'],
      ['万千瓦', '10,000 kW'],
      ['千人', '1,000 persons'],
      // Alone after "per", in the singular.
      ['kg/人', 'kg per person'],
      ['人/万人', 'persons per 10,000 persons'],
      // Not half translated: a part it does not know keeps the unit as written.
      ['张/千人', '张/千人'],
      ['亿斤', '亿斤'],
      ['万', '万'],
      ['千瓦/', '千瓦/'],
      ['吨/万元/年', '吨/万元/年'],
      ['‰', '‰'],
      ['constructor', 'constructor'],
    ];
    expect(cases.map(([unit]) => [unit, unitLabel(unit, 'en')])).toEqual(cases);
    for (const [unit] of cases) expect(unitLabel(unit, 'zh-CN')).toBe(unit);
  });

  it('rescale a figure in English running text to the largest scale it reaches', () => {
    expect(formatAmount(7.065, '亿吨', 'level', 'en', false)).toBe('706.5 million tonnes');
    expect(formatAmount(0.565, '亿吨', 'level', 'en', true)).toBe('56.5 million tonnes');
    expect(formatAmount(14.2, '亿吨', 'level', 'en', false)).toBe('1.42 billion tonnes');
    expect(formatAmount(52.3, '万亩', 'level', 'en', false)).toBe('523 thousand mu');
    expect(formatAmount(0.05, '万元', 'level', 'en', false)).toBe('500 yuan');
    expect(formatAmount(0, '亿元', 'cumulative', 'en', false)).toBe('0 billion yuan');
    // No scale, or one only below the line: the unit as the table writes it.
    expect(formatAmount(36.5, '立方米', 'level', 'en', false)).toBe('36.5 m³');
    expect(formatAmount(0.52, '吨标准煤/万元', 'level', 'en', false)).toBe('0.52 tce per 10,000 yuan');
    expect(formatAmount(120, '千瓦时', 'level', 'en', false)).toBe('120 kWh');
    expect(formatAmount(7.065, '亿吨', 'level', 'zh-CN', false)).toBe('7.065亿吨');
  });

  it('write dates in words', () => {
    expect(formatDate('2025-03-01', 'zh-CN')).toBe('2025年3月1日');
    expect(formatDate('2024-06', 'zh-CN')).toBe('2024年6月');
    expect(formatDate('2024', 'zh-CN')).toBe('2024年');
    expect(formatDate('2025-03-01', 'en')).toBe('1 March 2025');
    expect(formatDate('2024-06', 'en')).toBe('June 2024');
    expect(formatDate('2024-13', 'en')).toBe('2024-13');
    expect(formatDate('soon', 'zh-CN')).toBe('soon');
  });
});
