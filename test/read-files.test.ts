// Reading a plan folder from disk: only regular files inside the folder are read, never
// more than the size limit, and every other kind of entry is a clear io-error (exit 2).
// Entries that could block or exhaust a reader (a FIFO, /dev/zero) are tried in a
// subprocess of the real bin/ with a time limit, so a regression fails without hanging
// or bloating the test run.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { english } from '../src/diagnostic.js';
import { MAX_FILE_BYTES, readBounded, readPlanFolder } from '../src/load/files.js';
import { FIXTURES, ROOT, run, tempDir } from './support/cli.js';

const minimal = join(FIXTURES, 'validate/valid-minimal');
const bin = join(ROOT, 'bin/cixi-plan.js');
const LIMIT_MS = 20_000;

/** A copy of the minimal valid plan in a fresh temporary folder: `<tmp>/plan`. */
function planCopy(): { tmp: string; plan: string } {
  const tmp = tempDir();
  const plan = join(tmp, 'plan');
  cpSync(minimal, plan, { recursive: true });
  return { tmp, plan };
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real CLI in a subprocess; fail clearly if it has not finished within LIMIT_MS. */
function cixi(args: string[], options: { uid?: number; gid?: number } = {}): Finished {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: LIMIT_MS,
    killSignal: 'SIGKILL',
    ...options,
  });
  if (r.error) throw r.error;
  if (r.signal !== null) {
    throw new Error(`cixi-plan ${args.join(' ')} was killed by ${r.signal} (did not finish within ${LIMIT_MS / 1000} s): it must refuse the entry, not read it`);
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

describe('reading a plan folder: entries that are not regular files', () => {
  it('refuses a FIFO as plan.yaml without waiting for a writer (exit 2)', () => {
    const { plan } = planCopy();
    rmSync(join(plan, 'plan.yaml'));
    mkfifo(join(plan, 'plan.yaml'));
    const r = cixi(['validate', '--plan', plan, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${plan}/plan.yaml error io-error is a named pipe (FIFO), not a regular file`);
  }, LIMIT_MS + 5_000);

  it('refuses a FIFO named like a year file, in every command (exit 2)', () => {
    const { plan } = planCopy();
    mkfifo(join(plan, 'data/2025.yaml'));
    for (const args of [['validate'], ['gaps', '2024'], ['diff', '2021', '2024']]) {
      const r = cixi([...args, '--plan', plan, '--lang', 'en']);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr, args[0]).toContain(`${plan}/data/2025.yaml error io-error is a named pipe (FIFO), not a regular file`);
    }
  }, 3 * LIMIT_MS + 5_000);

  it('refuses a symbolic link to /dev/zero without reading it (exit 2)', () => {
    const { plan } = planCopy();
    symlinkSync('/dev/zero', join(plan, 'data/2025.yaml'));
    const r = cixi(['validate', '--plan', plan, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${plan}/data/2025.yaml error io-error is a symbolic link to /dev/zero, outside the plan folder`);
  }, LIMIT_MS + 5_000);

  it('refuses a socket named like a year file (exit 2)', async () => {
    const { plan } = planCopy();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(plan, 'data/2025.yaml'), resolve));
    try {
      const r = await run(['validate', '--plan', plan, '--format', 'json']);
      expect(r.code).toBe(2);
      const body = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; code: string; message: string }> };
      expect(body.diagnostics).toContainEqual(expect.objectContaining({ code: 'io-error', message: 'is a socket, not a regular file' }));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a directory named like a year file (exit 2)', async () => {
    const { plan } = planCopy();
    mkdirSync(join(plan, 'data/2025.yaml'));
    const r = await run(['validate', '--plan', plan, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('data/2025.yaml error io-error is a directory, not a YAML file');
  });

  it('refuses a device named like a year file (exit 2)', (ctx) => {
    const { plan } = planCopy();
    const device = join(plan, 'data/2025.yaml');
    try {
      execFileSync('mknod', [device, 'c', '1', '5'], { stdio: 'ignore' }); // the device /dev/zero is
    } catch {
      ctx.skip('cannot make a device node here (mknod needs root and CAP_MKNOD)');
    }
    const r = cixi(['validate', '--plan', plan, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${plan}/data/2025.yaml error io-error is a device, not a regular file`);
  }, LIMIT_MS + 5_000);
});

describe('reading a plan folder: symbolic links', () => {
  it('refuses a year file linked to a file outside the plan folder, without printing its content', async () => {
    const { tmp, plan } = planCopy();
    writeFileSync(join(tmp, 'secret.txt'), 'root:x:0:0:SECRET-FIRST-LINE\n');
    symlinkSync(join(tmp, 'secret.txt'), join(plan, 'data/2027.yaml'));
    const r = await run(['validate', '--plan', plan, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`data/2027.yaml error io-error is a symbolic link to ${tmp}/secret.txt, outside the plan folder`);
    expect(r.stderr + r.stdout).not.toContain('SECRET');
  });

  it('refuses a plan.yaml linked outside the plan folder, and a data folder linked outside', async () => {
    const { tmp, plan } = planCopy();
    renameSync(join(plan, 'plan.yaml'), join(tmp, 'plan.yaml'));
    symlinkSync('../plan.yaml', join(plan, 'plan.yaml'));
    renameSync(join(plan, 'data'), join(tmp, 'data'));
    symlinkSync('../data', join(plan, 'data'));
    const r = await run(['validate', '--plan', plan, '--format', 'json']);
    expect(r.code).toBe(2);
    const body = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; code: string; message: string }> };
    expect(body.diagnostics.map((d) => [d.file.slice(plan.length + 1), d.code, d.message])).toEqual([
      ['data', 'io-error', `is a symbolic link to ${tmp}/data, outside the plan folder`],
      ['plan.yaml', 'io-error', `is a symbolic link to ${tmp}/plan.yaml, outside the plan folder`],
    ]);
  });

  it('follows links that stay inside the plan folder, and a plan folder that is itself a link', async () => {
    const { tmp, plan } = planCopy();
    mkdirSync(join(plan, 'archive'));
    renameSync(join(plan, 'data/2024.yaml'), join(plan, 'archive/2024.yaml'));
    symlinkSync('../archive/2024.yaml', join(plan, 'data/2024.yaml'));
    symlinkSync(plan, join(tmp, 'linked-plan'));
    for (const dir of [plan, join(tmp, 'linked-plan')]) {
      const r = await run(['validate', '--plan', dir, '--lang', 'en']);
      expect(r.stderr, dir).toBe('');
      expect(r.code, dir).toBe(0);
    }
  });

  it('reports a dangling link and a loop of links as io-errors', async () => {
    const { plan } = planCopy();
    symlinkSync('nowhere.yaml', join(plan, 'data/2025.yaml'));
    symlinkSync('2027.yaml', join(plan, 'data/2026.yaml'));
    symlinkSync('2026.yaml', join(plan, 'data/2027.yaml'));
    const r = await run(['validate', '--plan', plan, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('data/2025.yaml error io-error is a symbolic link to a file that does not exist');
    expect(r.stderr).toContain('data/2026.yaml error io-error is a symbolic link that leads round in a loop');
    expect(r.stderr).toContain('data/2027.yaml error io-error is a symbolic link that leads round in a loop');
  });

  it('says so when data is a file, not a folder', async () => {
    const { plan } = planCopy();
    rmSync(join(plan, 'data'), { recursive: true });
    writeFileSync(join(plan, 'data'), 'year: 2024\n');
    const r = await run(['validate', '--plan', plan, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('data error io-error is not a folder: year files go in data/<year>.yaml');
  });
});

describe('reading a plan folder: permissions', () => {
  // Root reads everything, so as root the CLI runs as `nobody` in a subprocess.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  let locked: string[] = [];
  afterEach(() => {
    for (const path of locked) chmodSync(path, 0o755);
    locked = [];
  });
  const lock = (path: string): void => {
    chmodSync(path, 0o000);
    locked.push(path);
  };
  /** A plan copy that `nobody` may reach (mkdtemp makes 0700 folders). */
  const reachable = () => {
    const copy = planCopy();
    chmodSync(copy.tmp, 0o755);
    return copy;
  };

  it('says permission denied for a plan folder it may not enter (exit 2), not "not found"', () => {
    const { plan } = reachable();
    lock(plan);
    const r = cixi(['validate', '--plan', plan, '--lang', 'en'], asNobody);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: plan folder ${plan} cannot be read: permission denied (EACCES)\n`);
  }, LIMIT_MS + 5_000);

  it('says permission denied for a data folder and a year file it may not read (exit 2)', () => {
    const { plan } = reachable();
    lock(join(plan, 'data'));
    const r = cixi(['validate', '--plan', plan, '--lang', 'en'], asNobody);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${plan}/data error io-error cannot be read: permission denied (EACCES)`);
    chmodSync(join(plan, 'data'), 0o755);
    lock(join(plan, 'data/2024.yaml'));
    const file = cixi(['validate', '--plan', plan, '--lang', 'en'], asNobody);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain(`${plan}/data/2024.yaml error io-error cannot be read: permission denied (EACCES)`);
  }, 2 * LIMIT_MS + 5_000);
});

describe('readBounded', () => {
  // A file whose size stat does not tell (/proc, /dev/zero): bytes for ever.
  const endless = () => {
    let served = 0;
    return {
      get served() {
        return served;
      },
      async read(buffer: Buffer, offset: number, length: number) {
        buffer.fill(0x61, offset, offset + length);
        served += length;
        return { bytesRead: length };
      },
    };
  };

  it('stops after the limit + 1 bytes, whatever the size said', async () => {
    const source = endless();
    const got = await readBounded(source, MAX_FILE_BYTES);
    expect(got).toEqual({ ok: false });
    expect(source.served).toBe(MAX_FILE_BYTES + 1);
  });

  it('returns the whole content when it fits', async () => {
    let left = Buffer.from('year: 2024\n');
    const source = {
      async read(buffer: Buffer, offset: number, length: number) {
        const n = Math.min(length, left.length, 4);
        left.copy(buffer, offset, 0, n);
        left = left.subarray(n);
        return { bytesRead: n };
      },
    };
    const got = await readBounded(source, 100);
    expect(got.ok && Buffer.from(got.bytes).toString()).toBe('year: 2024\n');
  });
});

describe('a plan folder too large to read whole', () => {
  it('stops at the year file that takes the folder past 64 MiB, and says so (exit 1)', async () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, 'base-plan'), dir, { recursive: true });
    // Nine comment-only year files of 7.5 MiB each: each under the 8 MiB limit, 67.5 MiB in all.
    const big = Buffer.alloc(7.5 * 1024 * 1024, 'x');
    big.write('# ', 0);
    for (let i = 1; i <= 9; i++) writeFileSync(join(dir, 'data', `big-${i}.yaml`), big);
    const read = await readPlanFolder(dir, ROOT);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const limit = read.diagnostics.filter((d) => d.code === 'file-too-large');
    expect(limit).toHaveLength(1);
    expect(limit[0]!.file).toMatch(/big-9\.yaml$/);
    expect(english(limit[0]!.message)).toMatch(/^takes the plan folder's files to 67\.\d MiB, past the 64 MiB limit; it and the files after it are not read$/);
    expect(read.sources.years.map((y) => y.file).filter((f) => f.includes('big-'))).toHaveLength(8);
    const r = await run(['validate', '--plan', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error file-too-large takes the plan folder');
  });

  it('reads no more than 500 year files', async () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, 'base-plan'), dir, { recursive: true });
    for (let i = 0; i < 510; i++) writeFileSync(join(dir, 'data', `x${String(i).padStart(3, '0')}.yaml`), 'year: 2024\n');
    const read = await readPlanFolder(dir, ROOT);
    expect(read.ok && read.sources.years.length).toBe(500);
    expect(read.ok && read.diagnostics.map((d) => [d.code, english(d.message).split(';')[0]])).toEqual([['file-too-large', 'is past the 500th year file of the data folder']]);
  });
});
