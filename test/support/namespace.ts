// Small file systems for fault tests: a tmpfs mounted in a private mount namespace
// (`unshare -rm`, or `unshare -m` as root), seen only by the shell script run inside it,
// so a test can fill a disk or make a folder read-only without touching the machine.

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Tmpfs = { ok: true; unshare: string[] } | { ok: false; reason: string };

// Find the unshare flags that let this machine mount a tmpfs, or say why none does.
function probe(): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'cixi-plan-ns-'));
  const reasons: string[] = [];
  try {
    for (const flags of [['-rm'], ['-m']]) {
      const r = spawnSync('unshare', [...flags, 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$1"', 'sh', dir], { encoding: 'utf8' });
      if (r.status === 0) return { ok: true, unshare: flags };
      reasons.push(`unshare ${flags.join(' ')}: ${(r.error?.message ?? r.stderr).trim() || `exit ${r.status}`}`);
    }
  } finally {
    rmdirSync(dir);
  }
  return { ok: false, reason: `cannot mount a tmpfs in a private mount namespace (${reasons.join('; ')})` };
}

/** Whether tmpfs fault tests can run here, and if not, why. */
export const TMPFS: Tmpfs = probe();

/**
 * Run `script` with sh in a private mount namespace; `$1` is `mountPoint`, where a tmpfs
 * of `options` (e.g. `size=400k`) is mounted first. Extra variables come from `env`.
 */
export function inTmpfs(mountPoint: string, options: string, script: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  if (!TMPFS.ok) throw new Error(TMPFS.reason);
  return spawnSync('unshare', [...TMPFS.unshare, 'sh', '-c', `mount -t tmpfs -o "${options}" tmpfs "$1" || exit 99\n${script}`, 'sh', mountPoint], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 180_000,
  });
}
