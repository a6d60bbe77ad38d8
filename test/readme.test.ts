// The README documents what the code does; these checks keep the two in step.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_NAMES } from '../src/codes/index.js';
import { formatListMarkdown } from '../src/views/explain.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('holds the code tables exactly as `explain --list --format markdown --lang en` prints them', () => {
    const start = readme.indexOf('<!-- codes:start -->\n');
    const end = readme.indexOf('<!-- codes:end -->');
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + '<!-- codes:start -->\n'.length, end).trimEnd()).toBe(formatListMarkdown('en').trimEnd());
  });

  it('lists every code of the catalogue', () => {
    for (const code of CODE_NAMES) expect(readme).toContain(`| \`${code}\` |`);
  });
});

describe('README, "Target kinds"', () => {
  const goldens = ['national-plan', 'target-kinds'].map((name) =>
    readFileSync(new URL(`./__golden__/report-${name}-2024.zh-CN.md`, import.meta.url), 'utf8'));

  it('shows for each kind a row the report really prints', () => {
    const rows = [...readme.matchAll(/<!-- target-kind:([a-z]+) -->\n```text\n(\|.*\|)\n```\n/g)];
    expect(rows.map((r) => r[1])).toEqual(['level', 'change', 'growth', 'cumulative', 'held', 'relative', 'qualitative']);
    for (const [, kind, row] of rows) expect(goldens.some((g) => g.includes(row!)), kind).toBe(true);
  });
});
