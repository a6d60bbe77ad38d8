// Two runs writing one report folder at once: each renames its set under the folder's lock,
// so the folder holds one run's whole set, never a mix. The first run is held between its
// renames (CIXI_PLAN_TEST_PAUSE=renamed-1, released through a FIFO) while the second
// writes; without the lock the second would rename all its files and the first then the
// rest of its own.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_PLAN, ROOT, run, tempDir } from './support/cli.js';
import { runIds } from './support/run-id.js';

const SLOW = 120_000;

interface Started {
  pid: number;
  ended: Promise<{ code: number | null; stderr: string }>;
  /** Resolves when the run says it paused (never, without a pause). */
  paused: Promise<void>;
}

function start(out: string, epoch: string, env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, [join(ROOT, 'bin/cixi-plan.js'), 'report', '2024', '--plan', BASE_PLAN, '--out', out, '--quiet'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', SOURCE_DATE_EPOCH: epoch, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let onPause = () => {};
  const paused = new Promise<void>((resolve) => (onPause = resolve));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.includes('cixi-plan: paused at')) onPause();
  });
  const ended = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { pid: child.pid!, ended, paused };
}

// Until `test` holds, looking again every 20 ms (the event is a file appearing in a folder).
async function until(test: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !test(); waited += 20) {
    if (waited > 60_000) throw new Error(`waited a minute for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('two runs into one folder', () => {
  it('leave the set of the run that renamed last, whole', async () => {
    const out = tempDir();
    expect((await run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--quiet'], { env: { SOURCE_DATE_EPOCH: '1740787200' } })).code).toBe(0);
    const dir = join(out, '2024');
    const fifo = join(tempDir(), 'resume');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);

    // The first run renames one file and stops, holding the folder's lock.
    const first = start(out, '1800000000', { CIXI_PLAN_TEST_PAUSE: 'renamed-1', CIXI_PLAN_TEST_FIFO: fifo });
    await Promise.race([first.paused, first.ended.then((r) => Promise.reject(new Error(`first run ended: ${r.stderr}`)))]);
    expect(readdirSync(dir)).toContain('.cixi-plan.lock');

    // The second writes its temporary files, then waits for the lock.
    const second = start(out, '1850000000');
    const secondTemps = () => readdirSync(dir).filter((f) => f.includes(`.cixi-plan-${second.pid}-`)).length;
    let secondDone = false;
    void second.ended.then(() => (secondDone = true));
    await until(() => secondTemps() >= 5 || secondDone, "the second run's temporary files");
    // It waits: without the lock it would have renamed its whole set and ended by now.
    expect(secondDone).toBe(false);

    await writeFile(fifo, '\n');
    expect((await first.ended).code).toBe(0);
    expect((await second.ended).code).toBe(0);

    const ids = await runIds(dir);
    expect(Object.keys(ids)).toHaveLength(5);
    expect(new Set(Object.values(ids)).size).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['assessment.json', 'report.html', 'report.md', 'report.pdf', 'report.xlsx']);
  }, SLOW);
});
