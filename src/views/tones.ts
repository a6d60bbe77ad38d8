// The one map from a status's tone to a terminal colour, for every terminal view.

import type { ChalkInstance } from 'chalk';
import type { Tone } from '../present/types.js';

/** The colour of a tone: good green, fair cyan, warn yellow, bad bold red, none dim. */
export function toneColor(chalk: ChalkInstance, tone: Tone): (s: string) => string {
  switch (tone) {
    case 'good':
      return chalk.green;
    case 'fair':
      return chalk.cyan;
    case 'warn':
      return chalk.yellow;
    case 'bad':
      return chalk.red.bold;
    case 'none':
      return chalk.dim;
  }
}
