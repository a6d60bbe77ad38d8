// Colour for terminal views: one chalk instance per run, on or off as the CLI decides.

import { Chalk, type ChalkInstance } from 'chalk';

/** A chalk instance that colours only when asked (TTY and no NO_COLOR). */
export function makeChalk(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
