// The order vitest starts the test files in: its own (the slowest of the last run first; on a
// fresh clone the largest files first), except that the type check starts before all: it is
// the longest single step on a fresh clone, and it waits on tsc in a child process.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class TypecheckFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (spec: TestSpecification): number => (spec.moduleId.endsWith('/typecheck.test.ts') ? 0 : 1);
    return sorted.sort((a, b) => first(a) - first(b));
  }
}
