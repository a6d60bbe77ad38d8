// Reasons as data: why a number is unknown, why a status is what it is. Each reason is
// a code with its parameters (years, values, the year file's own words); the present
// stage turns them into sentences in the report's language. Adding a code here makes
// the compiler ask every translation for it (src/present/reasons.ts).

import type { Comparator, MilestoneStateName, Prices } from '../model.js';

/** Why one year has no figure the assessment can use for an indicator. */
export type FigureGap =
  | { code: 'no-year-file'; year: number }
  | { code: 'no-entry'; year: number }
  | { code: 'marked-missing'; year: number; text: string }
  | { code: 'entry-without-value'; year: number }
  | { code: 'not-comparable'; year: number; field: 'unit' | 'scope'; found: string | null; wanted: string };

/** What the growth or cumulative targets read in a year: a level, a published rate. */
export type RateSource = 'levels' | 'published-growth' | 'published-cumulative';

/** Why a number of an indicator's assessment is unknown (or, for a value, stale). */
export type Reason =
  | { code: 'before-base'; year: number; base_year: number }
  | { code: 'no-target' }
  | { code: 'qualitative-target' }
  | { code: 'no-value-in-range'; from: number; to: number; gap: FigureGap }
  | { code: 'stale'; used_year: number; gap: FigureGap }
  | { code: 'no-baseline'; year: number; gap: FigureGap }
  | { code: 'multiple-needs-baseline'; multiple: number }
  | { code: 'cumulative-incomplete'; gaps: FigureGap[] }
  | { code: 'period-not-started'; start: number }
  | { code: 'non-positive'; which: 'baseline' | 'value' | 'target'; value: number }
  | { code: 'single-point'; year: number }
  | { code: 'target-year-reached'; year: number }
  | { code: 'value-at-target-year'; year: number }
  | { code: 'no-improvement-asked'; comparator: Comparator; target: number; baseline: number }
  | { code: 'not-finite' }
  | { code: 'pace-undefined' }
  | { code: 'ratio-cap' }
  | { code: 'no-growth-required' }
  | { code: 'growth-figures-missing'; years: number[]; prices: Prices | null }
  | { code: 'change-figures-missing'; years: number[] }
  | { code: 'partner-missing'; indicator: string; year: number; gap: FigureGap | null }
  | { code: 'partner-unknown'; indicator: string }
  | { code: 'no-completion'; type: 'held' | 'relative' | 'qualitative' }
  | { code: 'range-target' };

/** The rule that decided an indicator's status (see assess/status.ts for the precedence). */
export type StatusRule =
  | { code: 'no-target' }
  | { code: 'qualitative'; judgement: string | null; year: number | null }
  | { code: 'no-data'; cause: Reason }
  | { code: 'met' }
  | { code: 'met-at-end' }
  | { code: 'cap-broken' }
  | { code: 'cap-ahead' }
  | { code: 'cap-within' }
  | { code: 'no-improvement-moved-worse' }
  | { code: 'no-improvement-early' }
  | { code: 'no-improvement-late' }
  | { code: 'moving-away' }
  | { code: 'severe-shortfall'; share: number; threshold: number }
  | { code: 'ahead' }
  | { code: 'behind' }
  | { code: 'on-pace' }
  | { code: 'missed-at-end' }
  | { code: 'held'; years: number[]; unknown_years: number[] }
  | { code: 'breached'; years: number[] }
  | { code: 'relative-holds'; year: number; partner: string }
  | { code: 'relative-fails'; year: number; partner: string }
  | { code: 'out-of-range' };

/** Why a binding indicator has a 预警 or none. */
export type WarningRule =
  | { code: 'projection-misses' }
  | { code: 'projection-meets' }
  | { code: 'breached' }
  | { code: 'holding' }
  | { code: 'no-judgement'; cause: Reason };

/** Why a milestone has its status. */
export type MilestoneRule =
  | { code: 'done'; date: string | null }
  | { code: 'overdue-no-state'; due: number; year: number }
  | { code: 'overdue'; due: number; state: MilestoneStateName; year: number }
  | { code: 'late-expected'; expected: string; due: number }
  | { code: 'delayed' }
  | { code: 'on-schedule'; state: MilestoneStateName; due: number }
  | { code: 'no-state'; year: number };

/** Every reason code, for the code catalogue and its tests. */
export type ReasonCode = Reason['code'];
