// The diff stage: compare two assessments of a plan (two report years, or one year at
// two git revisions of the data) and render the comparison. Pure: no I/O.

export * from './types.js';
export { buildSide, warningKey, type SideInput } from './side.js';
export { diffSides, statusMovement } from './compare.js';
export { formatDiff, formatNumber, formatPercent, type DiffViewOptions } from './format.js';
