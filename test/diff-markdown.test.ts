// `diff --format markdown`: the diff for a GitHub job summary, in a code block that no
// plan text can close, and the CI workflow that uses it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { codeBlock } from '../src/views/markdown.js';
import { planWith, ROOT, run } from './support/cli.js';

// A pillar heading starts its line, so a pillar named like this would close a ```text fence
// and put a heading and raw HTML into the job summary.
const FENCE_BREAKER = '```````` </pre><img src=x onerror=alert(1)>';

function hostilePlan(): string {
  const dir = planWith();
  const plan = join(dir, 'plan.yaml');
  writeFileSync(
    plan,
    readFileSync(plan, 'utf8')
      .replace('name: 硬核实力', `name: ${JSON.stringify(FENCE_BREAKER)}`)
      .replace('name: 地区生产总值', `name: ${JSON.stringify('GDP\n```\n# Injected heading\n<script>alert(2)</script>')}`),
  );
  return dir;
}

/** The top-level Markdown blocks GitHub would see (marked follows GFM). */
const blocks = (markdown: string) => marked.lexer(markdown).filter((t) => t.type !== 'space');

describe('codeBlock', () => {
  it('fences text with more backticks than its longest run, at least three', () => {
    expect(codeBlock('plain\n')).toBe('```text\nplain\n```\n');
    expect(codeBlock('a ``` b\n`````x')).toBe('``````text\na ``` b\n`````x\n``````\n');
  });
});

describe('diff --format markdown', () => {
  const dir = hostilePlan();

  it('keeps a fence-closing pillar name inside one code block', { timeout: 60_000 }, async () => {
    const text = await run(['diff', '2022', '2024', '--plan', dir]);
    // The plain text does start a line with backticks: a ```text fence would close there.
    expect(text.stdout.split('\n').some((l) => /^ {0,3}```/.test(l))).toBe(true);
    const md = await run(['diff', '2022', '2024', '--plan', dir, '--format', 'markdown'], { isTTY: true });
    expect(md.code).toBe(0);
    const tokens = blocks(md.stdout);
    expect(tokens.map((t) => t.type)).toEqual(['code']);
    expect((tokens[0] as { text: string }).text + '\n').toBe(text.stdout);
    expect(md.stdout).not.toMatch(/\u001b/);
  });

  it('refuses --json with --format, in the plan’s language', async () => {
    const r = await run(['diff', '2022', '2024', '--json', '--format', 'markdown']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("错误：选项 '--json' 不能与选项 '--format <format>' 同时使用\n");
    const en = await run(['diff', '2022', '2024', '--json', '--format', 'markdown', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^error: option '--json' cannot be used with option '--format <format>'/);
  });
});

describe('docs/ci.md', () => {
  const ci = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');
  const workflow = readFileSync(join(ROOT, 'docs/github-workflow.yml'), 'utf8');

  it('shows the same workflow as docs/github-workflow.yml', () => {
    const yaml = /```yaml\n([\s\S]*?)```\n/.exec(ci)?.[1];
    expect(yaml).toBe(workflow);
  });

  it('writes the job summary with diff --format markdown, not a hand-made fence', () => {
    const step = workflow.slice(workflow.indexOf('- name: Diff against the base branch'), workflow.indexOf('  report:'));
    expect(step).toMatch(/npx cixi-plan diff --rev "origin\/\$\{BASE_REF\}\.\.HEAD" "\$REPORT_YEAR" --format markdown/);
    expect(step).not.toContain('```');
  });
});
