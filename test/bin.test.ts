// The real executable, run as a subprocess: the thin entry wires argv, output
// streams and the exit code (dist/ is built by `npm test` before vitest runs).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';

const bin = join(ROOT, 'bin/cixi-plan.js');
const cixi = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 });

describe('bin/cixi-plan.js', () => {
  it('validates the shipped plan and exits 0', () => {
    const r = cixi(['validate']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^✓ plan: 3个领域，10项行动，\d+项指标，\d+个里程碑，.*条警告\n$/);
  });

  it('exits 1 with diagnostics on stderr for invalid data', () => {
    const r = cixi(['validate', '--plan', 'test/fixtures/validate/unknown-pillar']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('plan.yaml:33:13 错误 unknown-pillar');
    expect(r.stderr).not.toMatch(/\u001b\[/);
  });

  it('exits 2 on a usage error without a stack trace', () => {
    const r = cixi(['validate', '--plan', 'nowhere']);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain('    at ');
  });

  it('says to build when the bundle is missing, without a stack trace', () => {
    // A checkout's bin/ beside no dist/.
    const dir = mkdtempSync(join(tmpdir(), 'cixi-plan-unbuilt-'));
    try {
      cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
      const r = spawnSync(process.execPath, [join(dir, 'bin/cixi-plan.js'), '--version'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`error: cixi-plan is not built: ${join(dir, 'dist/bundle/cli.cjs')} is missing; run \`npm run build\` in ${dir}/\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints help and the version', () => {
    expect(cixi(['--help']).stdout).toContain('Usage: cixi-plan');
    expect(cixi(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('stays quiet when the reader closes the pipe early (| head)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" schema plan | head -c 1`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe('{');
    expect(r.stderr).not.toMatch(/EPIPE|    at /);
  });
});
