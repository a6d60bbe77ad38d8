// Drive the CLI in-process and build plan folders from fixtures for tests.
import { cpSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../src/cli.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const BASE_PLAN = join(FIXTURES, 'base-plan');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `cixi-plan ...args` in-process, as if typed in `cwd`. */
export async function run(args: string[], options: { cwd?: string; isTTY?: boolean; env?: Record<string, string> } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? ROOT,
  });
  return { code, stdout, stderr };
}

const made: string[] = [];

/** Remove the temporary folders made so far (after each test file). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
afterAll(removeTempDirs);

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = 'cixi-plan-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * Copy the base plan to a temporary folder and lay the files of
 * `test/fixtures/<overlay>/` over it (same relative paths).
 * Returns the folder, which holds plan.yaml and data/.
 */
export function planWith(overlay?: string): string {
  const dir = tempDir();
  cpSync(BASE_PLAN, dir, { recursive: true });
  if (overlay) {
    const src = join(FIXTURES, overlay);
    if (!existsSync(src)) throw new Error(`no fixture ${overlay}`);
    cpSync(src, dir, { recursive: true });
  }
  return dir;
}
