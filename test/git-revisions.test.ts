// `cixi-plan diff --rev`: the plan read from git revisions of a temporary repository
// made here (two commits changing one observation), never from the working tree.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Diff } from '../src/diff/index.js';
import { readPlanAtRevision } from '../src/load/git.js';
import { BASE_PLAN, run, tempDir } from './support/cli.js';

// Run git in a test repository only: variables a git hook may set (which would point
// at another repository) are dropped, and hooks are off.
function git(cwd: string, ...args: string[]): string {
  const env = { ...process.env };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_PREFIX']) delete env[name];
  return execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// A repository whose plan lives in a sub-folder with a Chinese name, to exercise
// path prefixes and unquoted non-ASCII paths.
const PLAN = '规划/plan';
let repo: string;
let first: string;
let second: string;

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(file, text.replace(from, to));
}

beforeAll(() => {
  repo = join(tempDir('cixi-plan-git-'), '仓库');
  mkdirSync(repo);
  git(repo, 'init', '-q', '--initial-branch=main');
  git(repo, 'config', 'user.name', 'Test');
  git(repo, 'config', 'user.email', 'test@example.invalid');
  git(repo, 'config', 'commit.gpgsign', 'false');
  cpSync(BASE_PLAN, join(repo, PLAN), { recursive: true });
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'base plan');
  first = git(repo, 'rev-parse', 'HEAD').trim();
  // One observation changes: GDP 2024 is revised from 2929 to 3250, which meets the 3200 target.
  edit(join(repo, PLAN, 'data/2024.yaml'), 'value: 2929', 'value: 3250');
  git(repo, 'commit', '-q', '-am', 'revise GDP 2024');
  second = git(repo, 'rev-parse', 'HEAD').trim();
  // Revision names with `/` and `.`, as pull requests and releases name them.
  git(repo, 'branch', 'feature/x.y', first);
  git(repo, 'tag', 'v1.0', first);
  git(repo, 'branch', 'release/2024', first);
  // A second repository as `origin`, fetched: origin/main and origin/release/2024 are
  // remote-tracking refs, and the local release/2024 is gone.
  const upstream = join(dirname(repo), 'upstream.git');
  git(repo, 'clone', '-q', '--bare', repo, upstream);
  git(repo, 'branch', '-D', 'release/2024');
  git(repo, 'remote', 'add', 'origin', upstream);
  git(repo, 'fetch', '-q', 'origin');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

async function diffJson(args: string[], cwd = repo): Promise<Diff> {
  const r = await run(['diff', ...args, '--plan', PLAN, '--json'], { cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Diff;
}

function changed(diff: Diff): string[] {
  return diff.pillars.flatMap((p) => [...p.indicators, ...p.milestones]).filter((d) => d.changed).map((d) => d.id);
}

describe('diff --rev', () => {
  it('shows what the second commit does to the 2024 report (A..B)', async () => {
    const diff = await diffJson(['--rev', 'HEAD~1..HEAD', '2024']);
    expect(diff.mode).toBe('revisions');
    expect(diff.from).toMatchObject({ label: 'HEAD~1', origin: 'revision', revision: 'HEAD~1', commit: first, year: 2024 });
    expect(diff.to).toMatchObject({ label: 'HEAD', origin: 'revision', revision: 'HEAD', commit: second, year: 2024 });
    expect(changed(diff)).toEqual(['gdp']);
    const gdp = diff.pillars[0]!.indicators[0]!;
    expect(gdp).toMatchObject({
      id: 'gdp',
      value_changed: true,
      value_delta: 321,
      status_change: { from: 'ahead', to: 'met', movement: 'up' },
      warning_change: null,
    });
    expect(diff.summary).toMatchObject({ indicators_changed: 1, indicators_unchanged: 6, milestones_changed: 0, status_up: 1 });
  });

  // The year of a file comes from its path, never from the name shown with `@revision`.
  it.each([
    { rev: 'origin/main', from: 'second', changed: [] },
    { rev: 'feature/x.y', from: 'first', changed: ['gdp'] },
    { rev: 'v1.0', from: 'first', changed: ['gdp'] },
    { rev: 'HEAD~1', from: 'first', changed: ['gdp'] },
    { rev: 'main..HEAD', from: 'second', changed: [] },
    { rev: 'origin/main..HEAD', from: 'second', changed: [] },
    { rev: 'origin/release/2024..HEAD', from: 'first', changed: ['gdp'] },
    { rev: 'v1.0..feature/x.y', from: 'first', changed: [] },
  ])('reads revision $rev', async ({ rev, from, changed: expected }) => {
    const diff = await diffJson(['--rev', rev, '2024']);
    expect(diff.from.commit).toBe(from === 'first' ? first : second);
    expect(changed(diff)).toEqual(expected);
  });

  it('accepts two --rev options and an empty side of `..` as HEAD', async () => {
    const twoOptions = await diffJson(['--rev', first, '--rev', 'main', '2024']);
    expect(changed(twoOptions)).toEqual(['gdp']);
    const openEnded = await diffJson(['--rev', 'HEAD~1..', '2024']);
    expect(openEnded.to.commit).toBe(second);
    const reversed = await diffJson(['--rev', 'HEAD..HEAD~1', '2024']);
    expect(reversed.pillars[0]!.indicators[0]!.status_change).toEqual({ from: 'met', to: 'ahead', movement: 'down' });
  });

  it('finds no change between a revision and itself', async () => {
    const diff = await diffJson(['--rev', 'HEAD..HEAD', '2024']);
    expect(diff.has_changes).toBe(false);
    const text = await run(['diff', '--rev', 'HEAD..HEAD', '2024', '--plan', PLAN], { cwd: repo });
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('HEAD → HEAD · 2024年 · demo-2022-2026');
    expect(text.stdout).toContain('没有变化。');
  });

  it('compares a lone --rev with the working tree, without touching it', async () => {
    const file = join(repo, PLAN, 'data/2024.yaml');
    const before = readFileSync(file, 'utf8');
    edit(file, 'value: 88\n', 'value: 80\n'); // air quality falls (uncommitted)
    const status = git(repo, 'status', '--porcelain');
    try {
      const diff = await diffJson(['--rev', 'HEAD', '2024']);
      expect(diff.to).toMatchObject({ label: 'working tree', origin: 'working_tree', commit: null });
      expect(changed(diff)).toEqual(['air']);
      const air = diff.pillars[1]!.indicators[0]!;
      expect(air).toMatchObject({ id: 'air', value_delta: -8, status_change: { from: 'on_track', to: 'far_behind', movement: 'down' } });
      // Reading revisions changed nothing on disk or in the index.
      expect(git(repo, 'status', '--porcelain')).toBe(status);
      expect(readFileSync(file, 'utf8')).toContain('value: 80\n');
    } finally {
      writeFileSync(file, before);
    }
  });

  it('works from a sub-folder of the repository (paths relative to the current folder)', async () => {
    const r = await run(['diff', '--rev', 'HEAD~1..HEAD', '2024', '--plan', 'plan', '--json'], { cwd: join(repo, '规划') });
    expect(r.code).toBe(0);
    expect(changed(JSON.parse(r.stdout) as Diff)).toEqual(['gdp']);
  });

  it('names files like the working tree, with @revision', async () => {
    const got = await readPlanAtRevision(PLAN, 'HEAD~1', repo);
    if (!got.ok) throw new Error(got.message.en);
    const read = got.plan;
    expect(read.commit).toBe(first);
    expect(read.sources.plan?.file).toBe('规划/plan/plan.yaml@HEAD~1');
    expect(read.sources.years.map((y) => y.file)).toEqual([
      '规划/plan/data/2021.yaml@HEAD~1',
      '规划/plan/data/2022.yaml@HEAD~1',
      '规划/plan/data/2024.yaml@HEAD~1',
    ]);
    expect(read.sources.years[2]!.text).toContain('value: 2929');
    expect(read.diagnostics).toEqual([]);
  });

  it('prints each invalid side’s errors at file@rev:line:col and exits 1', async () => {
    const file = join(repo, PLAN, 'data/2024.yaml');
    const before = readFileSync(file, 'utf8');
    edit(file, 'value: 3250', 'value: "3250"');
    try {
      const r = await run(['diff', '--rev', 'HEAD', '2024', '--plan', PLAN], { cwd: repo });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/规划\/plan\/data\/2024\.yaml:\d+:\d+ 错误 schema-type/);
      expect(r.stderr).toContain('在工作区（1个错误）无效：比较的两边都必须通过校验');
      expect(r.stdout).toBe('');
      // The same bad file committed: now the revision side fails, named with @rev.
      git(repo, 'commit', '-q', '-am', 'quote a number');
      const bad = await run(['diff', '--rev', 'HEAD~1..HEAD', '2024', '--plan', PLAN, '--lang', 'en'], { cwd: repo });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/规划\/plan\/data\/2024\.yaml@HEAD:\d+:\d+ error schema-type/);
      expect(bad.stderr).toContain('is invalid at HEAD (1 error)');
    } finally {
      git(repo, 'reset', '-q', '--hard', second);
      expect(readFileSync(file, 'utf8')).toBe(before);
    }
  });
});

describe('diff --rev errors', () => {
  it('refuses a folder outside any git repository (exit 2)', async () => {
    const dir = tempDir('cixi-plan-nogit-');
    cpSync(BASE_PLAN, join(dir, 'plan'), { recursive: true });
    // Even if the temporary folder lies inside some repository, git must not look above it.
    vi.stubEnv('GIT_CEILING_DIRECTORIES', dirname(dir));
    const r = await run(['diff', '--rev', 'main..HEAD', '2024'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('错误：plan 不在 git 仓库中：--rev 从 git 历史读取规划（比较年份请用 `diff <起始年> <结束年>`）\n');
    const en = await run(['diff', '--rev', 'main..HEAD', '2024', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toBe('error: plan is not in a git repository: --rev reads the plan from git history (use `diff <from-year> <to-year>` to compare years)\n');
    expect(r.stdout).toBe('');
  });

  it('refuses an unknown revision (exit 2)', async () => {
    const r = await run(['diff', '--rev', 'no-such-branch..HEAD', '2024', '--plan', PLAN, '--lang', 'en'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown revision `no-such-branch` in .*: name a branch, tag or commit/);
  });

  it('refuses a year outside the plan, naming the revision, in the plan’s language (exit 1)', async () => {
    const zh = await run(['diff', '--rev', 'HEAD~1..HEAD', '2019', '--plan', PLAN], { cwd: repo });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/^错误：2019年不在HEAD~1的规划期内：请选择2021年（基期）至\d{4}年之间的年份\n/m);
    const en = await run(['diff', '--rev', 'HEAD~1', '2019', '--plan', PLAN, '--lang', 'en'], { cwd: repo });
    expect(en.stderr).toMatch(/^error: 2019 is outside the plan at HEAD~1: choose a year from 2021/m);
  });

  it('refuses a year whose data file neither side has (exit 1), and compares one that a side adds', async () => {
    const none = await run(['diff', '--rev', 'HEAD~1..HEAD', '2025', '--plan', PLAN, '--lang', 'en'], { cwd: repo });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^error: no data for 2025: add data\/2025\.yaml to the plan folder \(year files present: 2021, 2022, 2024\)/m);
    expect(none.stdout).toBe('');
    // The working tree adds data/2025.yaml (uncommitted): every figure of it is new.
    const added = join(repo, PLAN, 'data/2025.yaml');
    writeFileSync(added, readFileSync(join(repo, PLAN, 'data/2024.yaml'), 'utf8').replace('year: 2024', 'year: 2025'));
    try {
      const r = await run(['diff', '--rev', 'HEAD', '2025', '--plan', PLAN, '--json'], { cwd: repo });
      expect(r.stderr).not.toContain('错误');
      expect(r.code).toBe(0);
      const diff = JSON.parse(r.stdout) as Diff;
      expect(diff.has_changes).toBe(true);
      expect(diff.summary.indicators_changed).toBeGreaterThan(0);
    } finally {
      rmSync(added);
    }
  });

  it('refuses a revision that looks like an option', async () => {
    const r = await run(['diff', '--rev=--output=x', '2024', '--plan', PLAN, '--lang', 'en'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`--output=x` is not a revision');
  });

  it('says so when the plan folder does not exist at a revision', async () => {
    const r = await run(['diff', '--rev', 'HEAD', '2024', '--plan', 'elsewhere', '--lang', 'en'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('elsewhere/plan.yaml does not exist at HEAD');
  });

  it('says so when git is not installed', async () => {
    vi.stubEnv('PATH', join(tempDir('cixi-plan-empty-path-'), 'bin'));
    const r = await run(['diff', '--rev', 'HEAD', '2024', '--plan', PLAN], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('错误：找不到 git：读取版本（--rev）需要 PATH 中有 git\n');
  });
});

describe('reading a plan folder at a revision (load/git.ts)', () => {
  // Every blob in one `git cat-file --batch`: files with the same content (one blob),
  // a symbolic link and a file past the size limit are each read or refused as on disk.
  it('reads every file once, and refuses a link and an oversized file with the reasons a disk read gives', async () => {
    const dir = join(tempDir('cixi-plan-git-'), 'repo');
    mkdirSync(join(dir, 'plan/data'), { recursive: true });
    git(dir, 'init', '-q', '--initial-branch=main');
    git(dir, 'config', 'user.name', 'Test');
    git(dir, 'config', 'user.email', 'test@example.invalid');
    const year = 'year: 2022\nobservations: {}\n';
    writeFileSync(join(dir, 'plan/plan.yaml'), 'plan: {}\n');
    writeFileSync(join(dir, 'plan/data/2022.yaml'), year);
    writeFileSync(join(dir, 'plan/data/2023.yaml'), year);
    writeFileSync(join(dir, 'plan/data/2025.yaml'), `# ${'x'.repeat(9 * 1024 * 1024)}\n`);
    execFileSync('ln', ['-s', '2022.yaml', join(dir, 'plan/data/2024.yaml')]);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'files of every kind');
    const read = await readPlanAtRevision('plan', 'HEAD', dir);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { sources, diagnostics } = read.plan;
    expect(sources.plan?.text).toBe('plan: {}\n');
    expect(sources.years.map((y) => [y.file, y.text])).toEqual([
      ['plan/data/2022.yaml@HEAD', year],
      ['plan/data/2023.yaml@HEAD', year],
    ]);
    expect(diagnostics.map((d) => [d.file, d.code, d.message])).toEqual([
      ['plan/data/2024.yaml@HEAD', 'io-error', 'is not a regular file at this revision'],
      ['plan/data/2025.yaml@HEAD', 'file-too-large', 'is 9.0 MiB; plan files are limited to 8 MiB'],
    ]);
  });
});
