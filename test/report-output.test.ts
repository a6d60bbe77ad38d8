// What `cixi-plan report` does to out/<year>/ when things go wrong: a full or read-only
// disk, a folder in the way, a symlink, an output folder that cannot be created, leftovers
// of a killed run. The files are one set: none is replaced unless all were written,
// and each names the run that wrote it.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { BASE_PLAN, ROOT, run, tempDir } from './support/cli.js';
import { inTmpfs, TMPFS } from './support/namespace.js';
import { runIds } from './support/run-id.js';

const EPOCH = '1740787200'; // 2025-03-01T00:00:00Z
const LATER = '1800000000';
const SLOW = 180_000;
const bin = join(ROOT, 'bin/cixi-plan.js');
const TEMP = /\.cixi-plan-\d+-[0-9a-f]{8}\.tmp$/;

/** Run `report 2024` of the base plan in-process into `out`. */
function report(out: string, epoch = EPOCH, extra: string[] = []) {
  return run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--quiet', ...extra], { env: { SOURCE_DATE_EPOCH: epoch } });
}

/** Every entry of a folder with its bytes (a folder as `folder`). */
function snapshot(dir: string): Map<string, Buffer | 'folder'> {
  return new Map(readdirSync(dir).sort().map((f) => [f, statSync(join(dir, f)).isDirectory() ? 'folder' : readFileSync(join(dir, f))]));
}

// The pid of a process that has ended.
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('a failed run replaces no file of the set', () => {
  it('a folder standing at report.pdf fails before report.md and report.html are touched', async () => {
    const out = tempDir();
    expect((await report(out, EPOCH, ['--format', 'md,html'])).code).toBe(0);
    const dir = join(out, '2024');
    mkdirSync(join(dir, 'report.pdf'));
    const before = snapshot(dir);
    const r = await report(out, LATER);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`错误：无法写入 ${join(dir, 'report.pdf')}：已有同名文件夹；没有替换任何文件\n`);
    expect([...snapshot(dir).keys()]).toEqual([...before.keys()]);
    expect(snapshot(dir)).toEqual(before);
  }, SLOW);

  it('replaces a symlink in the output folder, never the file it points to', async () => {
    const out = tempDir();
    const dir = join(out, '2024');
    mkdirSync(dir, { recursive: true });
    const precious = join(tempDir(), 'precious.md');
    writeFileSync(precious, 'keep me\n');
    symlinkSync(precious, join(dir, 'report.md'));
    expect((await report(out, EPOCH, ['--format', 'md'])).code).toBe(0);
    expect(readFileSync(precious, 'utf8')).toBe('keep me\n');
    expect(lstatSync(join(dir, 'report.md')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('示例市');
  }, SLOW);

  it('removes the temporary files of dead runs and keeps those of a live one', async () => {
    const out = tempDir();
    const dir = join(out, '2024');
    mkdirSync(dir, { recursive: true });
    const dead = `.report.md.cixi-plan-${deadPid()}-0123abcd.tmp`;
    const mine = `.report.pdf.cixi-plan-${process.pid}-deadbeef.tmp`; // a dead run whose pid is now ours
    const live = `.report.html.cixi-plan-${process.ppid}-89abcdef.tmp`;
    const other = '.report.md.swp';
    for (const name of [dead, mine, live, other]) writeFileSync(join(dir, name), 'half a report');
    // The leftovers of every format are removed, whatever formats this run writes.
    expect((await report(out, EPOCH, ['--format', 'md'])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([other, live, 'assessment.json', 'report.md'].sort());
  }, SLOW);
});

describe('an output folder that cannot be created is an error (exit 2), never a hang', () => {
  it.each([
    // (/proc/2024 exists when a process has pid 2024: then no file can be created in it.)
    ['/proc', /^error: cannot (create folder \/proc\/2024: \/proc does not accept new folders \(ENOENT\)|write \/proc\/2024\/report\.md \(E[A-Z]+: .*\); no file was replaced)\n$/],
    ['/proc/x', /^error: cannot create folder \/proc\/x: \/proc does not accept new folders \(ENOENT\)\n$/],
  ])('--out %s', (out, message) => {
    const r = spawnSync(process.execPath, [bin, 'report', '2024', '--plan', BASE_PLAN, '--out', out, '--format', 'md', '--quiet', '--lang', 'en'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', SOURCE_DATE_EPOCH: EPOCH },
      timeout: 60_000,
    });
    expect(r.signal, 'the run hung and was killed').toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  }, SLOW);

  it('a path under a regular file', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    const r = await run(['report', '2024', '--plan', BASE_PLAN, '--out', join(file, 'x'), '--format', 'md', '--quiet'], { env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`错误：无法创建文件夹 ${join(file, 'x', '2024')}：${file} 是文件，不是文件夹\n`);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  }, SLOW);
});

describe.runIf(TMPFS.ok)('a full or read-only disk (tmpfs in a private mount namespace)', () => {
  const env = { SOURCE_DATE_EPOCH: EPOCH, NODE: process.execPath, BIN: bin, PLAN: BASE_PLAN };
  const cli = '"$NODE" "$BIN" report 2024 --plan "$PLAN" --quiet --out "$1"';

  it('a disk too full for the new set: exit 2, the previous report byte for byte, no temporary file', () => {
    const mount = tempDir();
    const seen = tempDir();
    // 400 KiB holds one set of the base plan (~260 KiB) but not a second one beside it.
    const r = inTmpfs(
      mount,
      'size=400k',
      `${cli} || exit 90
cp -r "$1/2024" "$SEEN/before"
SOURCE_DATE_EPOCH=${LATER} ${cli} 2> "$SEEN/stderr"; echo $? > "$SEEN/code"
cp -r "$1/2024" "$SEEN/after"`,
      { ...env, SEEN: seen },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(seen, 'code'), 'utf8')).toBe('2\n');
    expect(readFileSync(join(seen, 'stderr'), 'utf8')).toMatch(/^错误：无法写入 \S+\/2024\/report\.\w+（ENOSPC: no space left on device）；没有替换任何文件\n$/);
    const before = snapshot(join(seen, 'before'));
    const after = snapshot(join(seen, 'after'));
    expect([...after.keys()]).toEqual(['assessment.json', 'report.html', 'report.md', 'report.pdf', 'report.xlsx']);
    expect(after).toEqual(before);
  }, SLOW);

  it('a disk too small for the first set: exit 2 and no file at all', () => {
    const mount = tempDir();
    const seen = tempDir();
    const r = inTmpfs(mount, 'size=100k', `${cli} 2> "$SEEN/stderr"; echo $? > "$SEEN/code"; ls -A "$1/2024" > "$SEEN/ls"`, { ...env, SEEN: seen });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(seen, 'code'), 'utf8')).toBe('2\n');
    expect(readFileSync(join(seen, 'stderr'), 'utf8')).toContain('（ENOSPC: no space left on device）；没有替换任何文件');
    expect(readFileSync(join(seen, 'ls'), 'utf8')).toBe('');
  }, SLOW);

  it('a read-only folder: exit 2 with EROFS, the previous report kept', () => {
    const mount = tempDir();
    const seen = tempDir();
    const r = inTmpfs(
      mount,
      'size=1m',
      `${cli} --format md || exit 90
cp "$1/2024/report.md" "$SEEN/before.md"
mount -o remount,ro "$1" || exit 91
SOURCE_DATE_EPOCH=${LATER} ${cli} --format md 2> "$SEEN/stderr"; echo $? > "$SEEN/code"
"$NODE" "$BIN" report 2024 --plan "$PLAN" --out "$1/new" --format md --quiet 2> "$SEEN/stderr-new"; echo $? > "$SEEN/code-new"
cp "$1/2024/report.md" "$SEEN/after.md"; ls -A "$1/2024" > "$SEEN/ls"`,
      { ...env, SEEN: seen },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(seen, 'code'), 'utf8')).toBe('2\n');
    expect(readFileSync(join(seen, 'stderr'), 'utf8')).toMatch(/^错误：无法写入 \S+\/2024\/report\.md（EROFS: read-only file system）；没有替换任何文件\n$/);
    expect(readFileSync(join(seen, 'after.md')).equals(readFileSync(join(seen, 'before.md')))).toBe(true);
    expect(readFileSync(join(seen, 'ls'), 'utf8')).toBe('assessment.json\nreport.md\n');
    expect(readFileSync(join(seen, 'code-new'), 'utf8')).toBe('2\n');
    expect(readFileSync(join(seen, 'stderr-new'), 'utf8')).toMatch(/^错误：无法创建文件夹 \S+\/new（EROFS: read-only file system）\n$/);
  }, SLOW);
});
if (!TMPFS.ok) console.warn(`report-output: full and read-only disk tests skipped: ${TMPFS.reason}`);

describe('every file of the set names the run that wrote it', () => {
  it('the same id in all five files, the same for the same inputs, another for other inputs', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    expect((await report(a)).code).toBe(0);
    expect((await report(b)).code).toBe(0);
    expect((await report(c, LATER)).code).toBe(0);
    const ids = await runIds(join(a, '2024'));
    const id = ids['assessment.json']!;
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(ids).toEqual({ 'report.md': id, 'report.html': id, 'report.pdf': id, 'report.xlsx': id, 'assessment.json': id });
    expect(snapshot(join(b, '2024'))).toEqual(snapshot(join(a, '2024')));
    expect((await runIds(join(c, '2024')))['report.md']).not.toBe(id);
    const json = JSON.parse(readFileSync(join(a, '2024', 'assessment.json'), 'utf8'));
    expect(json.run).toEqual({ inputs_sha256: id, tool: 'cixi-plan', version: expect.stringMatching(/^\d+\.\d+\.\d+/), files: ['report.md', 'report.html', 'report.pdf', 'report.xlsx', 'assessment.json'] });
  }, SLOW);

  it('does not depend on where the plan is or where the run starts: a copy of the plan run from elsewhere gives the same id', async () => {
    const a = tempDir();
    const b = tempDir();
    expect((await report(a, EPOCH, ['--format', 'md'])).code).toBe(0);
    const copy = join(tempDir(), 'plan-copy');
    spawnSync('cp', ['-r', BASE_PLAN, copy]);
    const r = await run(['report', '2024', '--plan', 'plan-copy', '--out', b, '--format', 'md', '--quiet'], { cwd: join(copy, '..'), env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(r.code).toBe(0);
    expect((await runIds(join(b, '2024')))['report.md']).toBe((await runIds(join(a, '2024')))['report.md']);
  }, SLOW);

  it('keeps report.md lint-clean and report.html valid with the run mark', async () => {
    const out = tempDir();
    expect((await report(out, EPOCH, ['--format', 'md,html'])).code).toBe(0);
    const md = readFileSync(join(out, '2024', 'report.md'), 'utf8');
    expect(lint({ strings: { 'report.md': md }, config: { default: true, MD013: false } })['report.md']).toEqual([]);
    const html = readFileSync(join(out, '2024', 'report.html'), 'utf8');
    const result = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html, 'report.html');
    expect(result.results.flatMap((x) => x.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
  }, SLOW);

  it('leaves no temporary file after a good run', async () => {
    const out = tempDir();
    expect((await report(out, EPOCH, ['--format', 'md'])).code).toBe(0);
    expect(readdirSync(join(out, '2024')).filter((f) => TEMP.test(f))).toEqual([]);
    expect(existsSync(join(out, '2024', 'report.md'))).toBe(true);
  }, SLOW);
});
