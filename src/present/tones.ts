// How a status reads at a glance (its tone), for every view: the reports colour by
// tone, the terminal views map tones to colours (src/views/tones.ts). One table.

import type { IndicatorStatus, MilestoneStatus } from '../assess/types.js';
import type { Tone } from './types.js';

/** The tone of every indicator and milestone status. */
export const TONES: {
  readonly indicator: Readonly<Record<IndicatorStatus, Tone>>;
  readonly milestone: Readonly<Record<MilestoneStatus, Tone>>;
} = {
  indicator: {
    met: 'good',
    ahead: 'good',
    held: 'good',
    on_track: 'fair',
    behind: 'warn',
    far_behind: 'bad',
    breached: 'bad',
    no_data: 'none',
    qualitative: 'none',
    no_target: 'none',
  },
  milestone: {
    done: 'good',
    on_schedule: 'fair',
    at_risk: 'warn',
    overdue: 'bad',
    no_data: 'none',
  },
};
