// Where the test files write their temporary folders (vitest.config.ts, globalSetup): a folder
// on a memory file system (tmpfs) when the machine has one with room, else the system's.
//
// The tests make and remove thousands of files: report sets, plan copies, workbooks, a 64 MiB
// plan folder. On this machine's disk (ext4 mounted with `discard`, which trims the blocks of
// every file removed) that took 2-3 s more system time than in /dev/shm, and 2.6 s more wall
// time on average over five interleaved pairs of whole runs (0.1 to 4.4 s).
// Nothing the tests check depends on the file system being a disk: the full-disk and
// read-only tests mount file systems of their own (support/namespace.ts).
//
// A TMPDIR the user set is kept. The folder is removed when the run ends, with anything a
// test left in it; one left by a run that was killed (its process gone) by the next run.
import { chmodSync, mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { join } from 'node:path';

// statfs(2)'s f_type of a tmpfs.
const TMPFS_MAGIC = 0x01021994;
// The suite holds about 70 MB at most at once (sampled every 0.4 s through a run): room for
// several times that. (A container's /dev/shm of 64 MB is too small, and is not used.)
const NEEDED_BYTES = 512 * 1024 ** 2;

/** The tmpfs folder to make the run's scratch folder in, or null. */
export function memoryFileSystem(candidates: readonly string[] = ['/dev/shm']): string | null {
  for (const dir of candidates) {
    try {
      const fs = statfsSync(dir);
      if (fs.type === TMPFS_MAGIC && fs.bavail * fs.bsize >= NEEDED_BYTES) return dir;
    } catch {
      // Not there, or not readable: try the next.
    }
  }
  return null;
}

const PREFIX = 'cixi-plan-tests-';
// A scratch folder's name: the prefix, the pid of the run that made it, then mkdtemp's letters.
const OWNED_BY = new RegExp(`^${PREFIX}(\\d+)-`);

// Whether a process is running (signal 0 only asks).
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the scratch folders of runs whose process is gone. */
function removeAbandoned(parent: string): void {
  for (const name of readdirSync(parent)) {
    const pid = OWNED_BY.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

export default function setup(): (() => void) | undefined {
  if (process.env.TMPDIR !== undefined && process.env.TMPDIR !== '') return undefined;
  const parent = memoryFileSystem();
  if (parent === null) return undefined;
  let dir: string;
  try {
    removeAbandoned(parent);
    dir = mkdtempSync(join(parent, `${PREFIX}${process.pid}-`));
  } catch {
    return undefined;
  }
  // As /tmp is: tests run the CLI as another user (read-files.test.ts) on folders made here.
  chmodSync(dir, 0o1777);
  // The workers are started after this, and take it from the environment (os.tmpdir()).
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    delete process.env.TMPDIR;
  };
}
