// User templates (--templates) are code the report runs: ones that loop without end, nest too
// deep or write Markdown the PDF cannot nest fail with a located error, exit 2, and write nothing.
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_PLAN, ROOT, run, tempDir } from './support/cli.js';

const SLOW = 120_000;

// A folder of user templates holding `files` (paths relative to it).
function templates(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('hostile user templates', () => {
  it('stops ten nested {{#each}} (days of work) at the work limit, in the real executable', () => {
    const nested = '{{#each @root.statusTable.rows}}'.repeat(10) + 'x' + '{{/each}}'.repeat(10);
    const dir = templates({ 'report.md.hbs': nested });
    const out = tempDir();
    // The timeout only keeps a regression from hanging the suite; the limit stops it in seconds.
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/cixi-plan.js'), 'report', '2024', '--plan', BASE_PLAN, '--out', out, '--format', 'md', '--templates', dir, '--lang', 'en'], {
      encoding: 'utf8',
      timeout: SLOW,
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'report.md.hbs')}:1:289 error template-limit the templates do too much work: more than 8,000,000 loop iterations`);
    expect(r.stderr).toContain('error: cannot render report.md: 1 template error; nothing was written');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual([]);
  }, SLOW);

  it('stops work inside loops that the loops alone do not count, at the work limit', async () => {
    // 200 KB, under the size limit: 14³ iterations of the innermost loop on the shipped plan
    // (far under the 8,000,000 steps of loops), each with 20 calls of 2,000 field lookups.
    // Before the work limit, a minute of work; now stopped at 40,000,000 operations. (Each
    // kind of work inside a loop is stopped in report-template-work.test.ts, at a lower limit.)
    let text = `{{md ${Array(2_000).fill('name').join(' ')}}}`.repeat(20);
    for (let i = 0; i < 3; i++) text = `{{#each @root.statusTable.rows}}${text}{{/each}}`;
    const dir = templates({ 'report.md.hbs': text });
    const out = tempDir();
    const r = await run(['report', '2024', '--plan', join(ROOT, 'plan'), '--out', out, '--format', 'md', '--templates', dir, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'report.md.hbs')}:1:`);
    expect(r.stderr).toContain(' error template-limit the templates do too much work: more than 40,000,000 operations in all');
    expect(r.stderr).toContain('error: cannot render report.md: 1 template error; nothing was written');
    expect(readdirSync(out)).toEqual([]);
  }, SLOW);

  it('says a path of 3,000 parts nests too deep, instead of an internal error', async () => {
    // Compiled, the path is one expression nested 3,000 deep, past what V8 parses on its stack.
    const dir = templates({ 'report.md.hbs': `{{md cover.title${'.[0]'.repeat(3_000)}}}` });
    const out = tempDir();
    const r = await run(['report', '2024', '--plan', join(ROOT, 'plan'), '--out', out, '--format', 'md', '--templates', dir, '--lang', 'en']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'report.md.hbs')} error template-limit the templates nest too deep for the stack`);
    expect(readdirSync(out)).toEqual([]);
  }, SLOW);

  it('stops a partial that calls itself at its call', async () => {
    const dir = templates({ 'partials/md/cover.hbs': '# 封面\n\n{{> cover}}\n' });
    const out = tempDir();
    const r = await run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--format', 'md', '--templates', dir, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'partials/md/cover.hbs')}:3:1 error template-limit partials nested more than 32 deep`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses PDF Markdown nested 2,000 deep at its line, instead of overflowing the stack', async () => {
    const dir = templates({ 'report.pdf.hbs': `{{> cover}}\n\n${'>'.repeat(2000)} {{md cover.title}}\n` });
    const out = tempDir();
    const r = await run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--format', 'pdf', '--templates', dir, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/report\.pdf\.hbs error pdf-nesting Markdown nested more than 16 levels deep \(block quotes, lists, emphasis or links\) at line \d+ of the Markdown that report\.pdf\.hbs renders/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual([]);
  }, SLOW);

  it('refuses an override that is not a regular file instead of hanging or passing it over', async () => {
    // A FIFO would block a plain read; /dev/zero never ends; a broken link reads as nothing.
    const cases: Array<[string, (path: string) => void, string]> = [
      ['report.md.hbs', (path) => execFileSync('mkfifo', [path]), 'is a named pipe (FIFO), not a regular file'],
      ['partials/md/cover.hbs', (path) => execFileSync('mkfifo', [path]), 'is a named pipe (FIFO), not a regular file'],
      ['partials/md/cover.hbs', (path) => symlinkSync('/dev/zero', path), 'is a device, not a regular file'],
      ['partials/md/cover.hbs', (path) => symlinkSync(join(path, '..', 'absent.hbs'), path), 'does not exist'],
      ['partials/md/cover.hbs', (path) => mkdirSync(path), 'is a directory, not a file'],
    ];
    for (const [name, make, message] of cases) {
      const dir = templates({});
      mkdirSync(join(dir, name, '..'), { recursive: true });
      make(join(dir, name));
      const out = tempDir();
      const r = await run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--format', 'md', '--templates', dir, '--lang', 'en']);
      expect(r.code, `${name}: ${message}`).toBe(2);
      expect(r.stderr).toContain(`${join(dir, name)}: ${message}`);
      expect(readdirSync(out)).toEqual([]);
    }
  });

  it('follows a link to a regular template, and counts it against the size limit', async () => {
    const dir = templates({ 'mine/cover.hbs': '# Our own cover: {{md cover.title}}\n' });
    mkdirSync(join(dir, 'partials/md'), { recursive: true });
    symlinkSync(join(dir, 'mine/cover.hbs'), join(dir, 'partials/md/cover.hbs'));
    const out = tempDir();
    const r = await run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--format', 'md', '--templates', dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, '2024', 'report.md'), 'utf8')).toMatch(/^# Our own cover: /);
    writeFileSync(join(dir, 'mine/cover.hbs'), `{{!-- ${'x'.repeat(300_000)} --}}\n`);
    const big = await run(['report', '2024', '--plan', BASE_PLAN, '--out', out, '--format', 'md', '--templates', dir, '--lang', 'en']);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/cover\.hbs: with this file the templates of report\.md\.hbs come to [\d,]+ bytes, over the limit of 262,144/);
  });
});
