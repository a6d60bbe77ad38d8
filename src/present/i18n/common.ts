// Words both languages share.

import type { Comparator } from '../../model.js';

/** Comparators as printed. */
export const COMPARATORS: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

