/**
 * Write a synthetic, valid plan folder with `n` indicators to `dir` (see generate-plan.mjs); with
 * `misspelt`, every observation key names no indicator.
 */
export function generatePlan(dir: string, n: number, options?: { misspelt?: boolean }): void;
