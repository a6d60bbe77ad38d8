/** Write a synthetic, valid plan folder with `n` indicators to `dir` (see generate-plan.mjs). */
export function generatePlan(dir: string, n: number): void;
