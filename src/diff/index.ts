// The diff stage: compare two assessments of a plan (two report years, or one year at
// two git revisions of the data). Pure: no I/O; src/views/diff.ts prints it.

export * from './types.js';
export { buildSide, warningKey, type SideInput } from './side.js';
export { diffSides, statusMovement } from './compare.js';
