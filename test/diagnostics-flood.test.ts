// Many warnings, and warnings on very long lines: the commands print a readable,
// bounded amount unless --verbose, and printing stays linear in what is printed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from './support/cli.js';
import { WARNING_PLAN_YEAR, writeWarningPlan } from './support/warning-plans.js';

const MORE = /… and (\d+) more `preliminary-value` warnings \(use --verbose to see all\)/;
const frames = (stderr: string) => stderr.match(/ warning preliminary-value /g)?.length ?? 0;

describe('a plan with 45 warnings of one code', () => {
  const dir = tempDir();
  writeWarningPlan(dir, { indicators: 45 });

  it('validate prints 20 and says how many more', async () => {
    const r = await run(['validate', '--plan', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(frames(r.stderr)).toBe(20);
    expect(r.stderr).toMatch(MORE);
    expect(MORE.exec(r.stderr)![1]).toBe('25');
    expect(r.stdout).toContain('45 warnings');
  });

  it('validate --verbose prints all 45', async () => {
    const r = await run(['validate', '--plan', dir, '--lang', 'en', '--verbose']);
    expect(frames(r.stderr)).toBe(45);
    expect(r.stderr).not.toMatch(MORE);
  });

  it('validate --format json and --format github print all 45', async () => {
    const json = await run(['validate', '--plan', dir, '--lang', 'en', '--format', 'json']);
    expect(JSON.parse(json.stdout).diagnostics).toHaveLength(45);
    const github = await run(['validate', '--plan', dir, '--lang', 'en', '--format', 'github']);
    expect(github.stdout.match(/^::warning /gm)).toHaveLength(45);
  });

  it.each([
    ['gaps', [String(WARNING_PLAN_YEAR)]],
    ['diff', ['2021', String(WARNING_PLAN_YEAR)]],
    ['report', [String(WARNING_PLAN_YEAR), '--format', 'md', '--out', tempDir()]],
  ])('%s takes --verbose', async (command, args) => {
    const r = await run([command, ...args, '--plan', dir, '--lang', 'en', '--verbose']);
    expect(r.code).toBe(0);
  });

  it('report prints 20 and says how many more, --verbose all 45', async () => {
    const capped = await run(['report', String(WARNING_PLAN_YEAR), '--plan', dir, '--lang', 'en', '--format', 'md', '--out', tempDir()]);
    expect(frames(capped.stderr)).toBe(20);
    expect(MORE.exec(capped.stderr)![1]).toBe('25');
    const all = await run(['report', String(WARNING_PLAN_YEAR), '--plan', dir, '--lang', 'en', '--format', 'md', '--out', tempDir(), '--verbose']);
    expect(frames(all.stderr)).toBe(45);
  });
});

// The built CLI (dist/, which `npm test` builds) in a subprocess killed after 2 minutes:
// in-process, vitest's timeout cannot stop synchronous work. The timeout is generous and
// not a speed target (that is `npm run bench`): it only catches a return to quadratic time.
function cixi(args: string[], nodeFlags: string[] = []): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [...nodeFlags, join(ROOT, 'bin/cixi-plan.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 120_000, maxBuffer: 1 << 26 });
  return { status: r.status, stderr: r.stderr };
}

describe('a year file written as one line of JSON', () => {
  // 1,000 warnings on one line of about 80,000 characters. Before code frames were clipped
  // and each file split once, `report` ran for over 20 minutes on this and `validate
  // --verbose` longer; now each takes a few seconds.
  const dir = tempDir();
  writeWarningPlan(dir, { indicators: 1_000, layout: 'json' });

  it('validate --verbose prints all 1,000 warnings, each with a short frame', { timeout: 180_000 }, () => {
    const r = cixi(['validate', '--plan', dir, '--lang', 'en', '--verbose']);
    expect(r.status).toBe(0);
    expect(frames(r.stderr)).toBe(1_000);
    const longest = Math.max(...r.stderr.split('\n').map((l) => l.length));
    expect(longest).toBeLessThan(200);
    expect(r.stderr).toContain('1 | …');
  });

  it('report prints 20 of them and writes the report', { timeout: 180_000 }, () => {
    const r = cixi(['report', String(WARNING_PLAN_YEAR), '--plan', dir, '--lang', 'en', '--format', 'md', '--out', tempDir()]);
    expect(r.status).toBe(0);
    expect(frames(r.stderr)).toBe(20);
    expect(MORE.exec(r.stderr)![1]).toBe('980');
  });
});

describe('a warning at the end of a 200,000-character line', () => {
  // Before, string-width measured the 200,000 characters before the column: 3 to 4 minutes.
  const dir = tempDir();
  writeWarningPlan(dir, { indicators: 2_500, layout: 'json', warnings: 1 });

  it('shows 60 columns either side of it', { timeout: 180_000 }, () => {
    const r = cixi(['validate', '--plan', dir, '--lang', 'en']);
    expect(r.status).toBe(0);
    const [head, text, marks] = r.stderr.split('\n');
    expect(head).toMatch(/2024\.yaml:1:(\d{6}) warning preliminary-value /);
    expect(Number(/:1:(\d+) /.exec(head!)![1])).toBeGreaterThan(200_000);
    expect(text).toMatch(/^1 \| ….*"status":"preliminary","source":"src"}}}$/);
    expect(text!.length).toBeLessThan(140);
    // The underline starts under `"preliminary"` (wide characters before it count 2 columns).
    const at = text!.indexOf('"status":"preliminary"') + '"status":'.length;
    expect(marks).toBe(`  | ${' '.repeat(stringWidth(text!.slice('1 | '.length, at)))}${'^'.repeat('"preliminary"'.length)}`);
  });
});

describe('a file with more problems than a function call takes arguments', () => {
  // Repeated keys in one flow map, one yaml-duplicate-key error each. Collecting them with
  // push(...all) overflowed the stack at 150,000 (an internal error, exit 70). The real
  // executable runs on a sixth of Node's stack (150 KB instead of about 1 MB), where a spread
  // of 30,000 already overflows (checked first), so any spread of the errors left in the
  // validator fails here at a fifth of the work.
  const KEYS = 30_000;
  const STACK = '--stack-size=150';

  it('validate lists 20, counts the rest, and exits 1', { timeout: 180_000 }, () => {
    const probe = spawnSync(process.execPath, [STACK, '-e', `Math.max(...new Array(${KEYS}).fill(0))`], { encoding: 'utf8' });
    expect(probe.status, 'a spread of the errors fits on this stack: the test would prove nothing').not.toBe(0);
    expect(probe.stderr).toContain('Maximum call stack size exceeded');

    const dir = tempDir();
    writeFileSync(join(dir, 'plan.yaml'), `plan: {${'k, '.repeat(KEYS)}}\n`);
    mkdirSync(join(dir, 'data'));
    const r = cixi(['validate', '--plan', dir, '--lang', 'en'], [STACK]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(1);
    expect(r.stderr.match(/ error yaml-duplicate-key /g)).toHaveLength(20);
    expect(r.stderr).toMatch(new RegExp(`… and ${KEYS - 21} more \`yaml-duplicate-key\` errors`));
  });
});
