// User templates (--templates) are code the report runs: ones that loop without end, nest too
// deep or write Markdown the PDF cannot nest fail with a located error, exit 2, and write nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
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
});
