// The real CLI interrupted at known moments of its write, not after guessed sleeps:
// CIXI_PLAN_TEST_PAUSE makes it stop before it writes anything, once its temporary files are
// written, or between two renames, say so on stderr and wait on a FIFO (CIXI_PLAN_TEST_FIFO); the test then sends
// a signal, and may let the run go on by writing to the FIFO. SIGINT and SIGTERM remove
// the run's temporary files and keep the previous set (or, between renames, finish the set
// first); SIGKILL can leave temporary files, which the next run removes, and between two
// renames a mixed set, which the run ids in the files expose.
import { spawn, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_PLAN, ROOT, run, tempDir } from './support/cli.js';
import { runIds } from './support/run-id.js';

const OLD = '1740787200';
const NEW = '1800000000';
const SLOW = 180_000;
const TEMP = /^\.(report\.(md|html|pdf|xlsx)|assessment\.json)\.cixi-plan-\d+-[0-9a-f]{8}\.tmp$/;
const SET = ['assessment.json', 'report.html', 'report.md', 'report.pdf', 'report.xlsx'];

// The previous set, written by one run for the file.
let written: Promise<Map<string, Buffer>> | undefined;
async function writeOldSet(): Promise<Map<string, Buffer>> {
  const out = tempDir();
  const r = await run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--quiet'], { env: { SOURCE_DATE_EPOCH: OLD } });
  expect(r.code).toBe(0);
  return files(join(out, '2024'));
}

/** Put the previous set into a fresh out/ and return out/2024 with its bytes. */
async function previousSet(): Promise<{ out: string; dir: string; before: Map<string, Buffer> }> {
  const before = await (written ??= writeOldSet());
  expect([...before.keys()]).toEqual(SET);
  const out = tempDir();
  const dir = join(out, '2024');
  mkdirSync(dir);
  for (const [name, bytes] of before) writeFileSync(join(dir, name), bytes);
  return { out, dir, before };
}

function files(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

const temps = (dir: string) => readdirSync(dir).filter((f) => TEMP.test(f));

interface Paused {
  /** Send a signal to the paused run. */
  kill(signal: NodeJS.Signals): void;
  /** Let the paused run go on (resolves once it has read the FIFO). */
  resume(): Promise<void>;
  /** How the run ended. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Start `report 2024` of the base plan into `out` (the new set) and wait until it pauses at `point`. */
async function pausedRun(out: string, point: string): Promise<Paused> {
  const fifo = join(tempDir(), 'resume');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  const child = spawn(process.execPath, [join(ROOT, 'bin/cixi-plan.js'), 'report', '2024', '--plan', BASE_PLAN, '--out', out, '--quiet'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', SOURCE_DATE_EPOCH: NEW, CIXI_PLAN_TEST_PAUSE: point, CIXI_PLAN_TEST_FIFO: fifo },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const paused = new Promise<boolean>((resolve) =>
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(`cixi-plan: paused at ${point}\n`)) resolve(true);
    }),
  );
  const reached = await Promise.race([paused, ended.then(() => false)]);
  if (!reached) throw new Error(`the run ended without pausing at ${point}: ${stderr}`);
  return { kill: (signal) => child.kill(signal), resume: () => writeFile(fifo, '\n'), ended };
}

describe('a run interrupted before it writes anything', () => {
  // Paused with the main thread blocked, as rendering a large report or a heavy template
  // blocks it: a handled signal would wait for the event loop, here for ever (nothing writes
  // to the FIFO). With no temporary file or lock to remove, the run has no handler yet and
  // the signal ends it at once.
  it.each(['SIGINT', 'SIGTERM'] as const)('%s ends the run at once, the previous set untouched', async (signal) => {
    const { out, dir, before } = await previousSet();
    const paused = await pausedRun(out, 'before-temps');
    expect(temps(dir)).toEqual([]);
    paused.kill(signal);
    expect((await paused.ended).signal).toBe(signal);
    expect(files(dir)).toEqual(before);
  }, SLOW);
});

describe('a run interrupted once its temporary files are written', () => {
  it('SIGKILL: the previous set stays whole; the next run removes the leftovers and writes the new set', async () => {
    const { out, dir, before } = await previousSet();
    const paused = await pausedRun(out, 'temps-written');
    // The kill lands during the write: every temporary file is there, nothing is renamed.
    expect(temps(dir)).toHaveLength(SET.length);
    expect(files(dir)).toEqual(new Map([...before, ...temps(dir).map((t) => [t, readFileSync(join(dir, t))] as const)]));
    paused.kill('SIGKILL');
    expect((await paused.ended).signal).toBe('SIGKILL');
    expect(temps(dir)).toHaveLength(SET.length);
    for (const [name, bytes] of before) expect(readFileSync(join(dir, name)).equals(bytes), name).toBe(true);

    const again = await run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--quiet'], { env: { SOURCE_DATE_EPOCH: NEW } });
    expect(again.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(SET);
    const ids = await runIds(dir);
    expect(new Set(Object.values(ids)).size).toBe(1);
    expect(ids['report.md']).not.toBe((await runIdsOf(before))['report.md']);
  }, SLOW);

  it.each(['SIGINT', 'SIGTERM'] as const)('%s: the run removes its temporary files, keeps the previous set and dies of the signal', async (signal) => {
    const { out, dir, before } = await previousSet();
    const paused = await pausedRun(out, 'temps-written');
    expect(temps(dir)).toHaveLength(SET.length);
    paused.kill(signal);
    const ended = await paused.ended;
    expect(ended.signal).toBe(signal);
    expect(readdirSync(dir).sort()).toEqual(SET);
    expect(files(dir)).toEqual(before);
  }, SLOW);
});

describe('a run interrupted between two renames', () => {
  it('SIGKILL leaves a mixed set whose run ids differ, and the next run makes it whole', async () => {
    const { out, dir, before } = await previousSet();
    const paused = await pausedRun(out, 'renamed-2');
    paused.kill('SIGKILL');
    expect((await paused.ended).signal).toBe('SIGKILL');
    // report.md and report.html are new; report.pdf, report.xlsx and assessment.json are the previous ones.
    expect(readFileSync(join(dir, 'report.pdf')).equals(before.get('report.pdf')!)).toBe(true);
    expect(readFileSync(join(dir, 'report.md')).equals(before.get('report.md')!)).toBe(false);
    const ids = await runIds(dir);
    expect(ids['report.md']).toBe(ids['report.html']);
    expect(ids['report.pdf']).toBe(ids['assessment.json']);
    expect(ids['report.xlsx']).toBe(ids['assessment.json']);
    expect(ids['report.md']).not.toBe(ids['assessment.json']);
    expect(temps(dir)).toHaveLength(SET.length - 2);

    expect((await run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--quiet'], { env: { SOURCE_DATE_EPOCH: NEW } })).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(SET);
    expect(new Set(Object.values(await runIds(dir))).size).toBe(1);
  }, SLOW);

  it('SIGTERM waits until every file is renamed: the new set whole, no temporary file, then the run dies of it', async () => {
    const { out, dir } = await previousSet();
    const paused = await pausedRun(out, 'renamed-2');
    paused.kill('SIGTERM');
    await paused.resume();
    expect((await paused.ended).signal).toBe('SIGTERM');
    expect(readdirSync(dir).sort()).toEqual(SET);
    const ids = await runIds(dir);
    expect(new Set(Object.values(ids)).size).toBe(1);
    expect(ids['report.md']).not.toBe(undefined);
  }, SLOW);
});

// The run ids of a set held in memory.
async function runIdsOf(set: Map<string, Buffer>): Promise<Record<string, string | undefined>> {
  const dir = tempDir();
  for (const [name, bytes] of set) writeFileSync(join(dir, name), bytes);
  return runIds(dir);
}
