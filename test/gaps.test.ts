// `cixi-plan gaps <year>`: the terminal table and the JSON assessment.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { completionBar, fit, wrap } from '../src/views/gaps.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { run, tempDir } from './support/cli.js';

describe('gaps text view', () => {
  it('renders the base fixture grouped by pillar, with bars, pace marker and footer', async () => {
    const r = await run(['gaps', '2024', '--plan', 'test/fixtures/base-plan']);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('./__golden__/gaps-base-plan-2024.txt');
  });

  it.each([80, 100, 120])('fits a %i-column terminal, Chinese wide characters aligned', async (columns) => {
    const r = await run(['gaps', '2024'], { env: { COLUMNS: String(columns) } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    // Every table row puts its status column at the same display offset as the header's.
    const header = lines.find((l) => l.includes('完成进度'))!;
    const statusAt = stringWidth(header.slice(0, header.indexOf('状态')));
    const gdp = lines.find((l) => l.includes('地区生产总值'))!;
    expect(stringWidth(gdp.slice(0, gdp.indexOf('快于序时')))).toBe(statusAt);
  });

  it.each([
    ['Infinity', '100'],
    ['1e9', '1000'],
    ['536870888', '1000'],
    ['-5', '100'],
    ['abc', '100'],
  ])('takes COLUMNS=%s as %s columns', async (columns, as) => {
    const r = await run(['gaps', '2024'], { env: { COLUMNS: columns } });
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await run(['gaps', '2024'], { env: { COLUMNS: as } })).stdout);
  });

  it('shows the shipped plan: GDP 快于序时 at 67.0% against a 60.0% pace', async () => {
    const r = await run(['gaps', '2024']);
    expect(r.stdout).toContain('规划期序时进度为60.0%');
    expect(r.stdout).toMatch(/地区生产总值 +亿元 +2,379.2 +2,929 +≥3,200 +█+┃█░+ +67\.0% 快于序时/);
    expect(r.stdout).toMatch(/自营进出口总额 +亿元 +≥1,000 +1,124.2\*/);
  });

  it('colours statuses on a TTY only', async () => {
    const plain = await run(['gaps', '2024', '--plan', 'test/fixtures/base-plan']);
    const tty = await run(['gaps', '2024', '--plan', 'test/fixtures/base-plan'], { isTTY: true });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect(tty.stdout).toMatch(/\u001b\[32m快于序时/);
  });
});

describe('a plan without indicators', () => {
  it('prints each pillar with its one line and no empty table', async () => {
    const dir = join(tempDir(), 'empty');
    expect((await run(['init', dir, '--region', '示例县', '--start', '2026', '--end', '2030'])).code).toBe(0);
    const plan = parseDocument(readFileSync(join(dir, 'plan.yaml'), 'utf8'));
    plan.set('indicators', []);
    plan.set('milestones', []);
    writeFileSync(join(dir, 'plan.yaml'), plan.toString());
    writeFileSync(join(dir, 'data', '2026.yaml'), 'year: 2026\nobservations: {}\n');
    writeFileSync(join(dir, 'data', '2025.yaml'), 'year: 2025\nobservations: {}\n');
    const r = await run(['gaps', '2026', '--plan', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\n经济实力\n  本领域无量化指标。\n');
    expect(r.stdout).not.toContain('完成进度');
  });
});

describe('gaps --json', () => {
  it('prints the whole assessment with its formula components, and round-trips', async () => {
    const r = await run(['gaps', '2024', '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a.schema_version).toBe(2);
    const gdp = a.indicators.find((i: { id: string }) => i.id === 'gdp');
    expect(gdp.status).toBe('ahead');
    expect(gdp.completion).toBeCloseTo(0.6698, 4);
    expect(gdp.components.completion.inputs).toEqual({ vt: 2929, v0: 2379.2, V: 3200 });
  });
});

describe('gaps errors', () => {
  it('rejects a year outside the plan with exit 1', async () => {
    const r = await run(['gaps', '2030']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('错误：2030年不在规划期内：请选择2021年（基期）至2026年之间的年份\n');
  });

  it('rejects a year of the plan that has no data with exit 1', async () => {
    const r = await run(['gaps', '2026']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有2026年的数据：请在规划文件夹中添加 data/2026.yaml');
  });

  it('rejects a year that is not a year with exit 2', async () => {
    const r = await run(['gaps', 'last', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: the report year must be a four-digit year, not `last`\n');
  });

  it('refuses invalid data with its diagnostics and exit 1', async () => {
    const r = await run(['gaps', '2024', '--plan', 'test/fixtures/validate/unknown-pillar', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('plan.yaml:33:13 error unknown-pillar');
    expect(r.stdout).toBe('');
  });
});

describe('gaps view pieces', () => {
  it('fits text by display width, cutting with an ellipsis', () => {
    expect(fit('地区生产总值', 8)).toBe('地区生… ');
    expect(stringWidth(fit('地区生产总值', 8))).toBe(8);
    expect(fit('GDP', 6, 'right')).toBe('   GDP');
  });

  it('wraps English at spaces and Chinese between characters, numbers whole', () => {
    expect(wrap('Indicators by status: target met 0 · far behind 7 · no data 1', 30)).toEqual([
      'Indicators by status: target',
      '  met 0 · far behind 7 · no',
      '  data 1',
    ]);
    expect(wrap('预警：空气质量优良率按目前进度预计2030年为88.5%', 20)).toEqual(['预警：空气质量优良率', '  按目前进度预计2030', '  年为88.5%']);
    // A word longer than the line is cut; every line fits.
    const long = wrap(`see ${'x'.repeat(50)} now`, 20);
    expect(long[0]).toBe('see');
    for (const line of long) expect(stringWidth(line)).toBeLessThanOrEqual(20);
    expect(long.join('').replace(/\s/g, '')).toBe(`see${'x'.repeat(50)}now`);
  });

  it('fills the bar to the completion and puts the marker at the pace', () => {
    expect(completionBar(0.5, 0.6, 10).join('')).toBe('█████░┃░░░');
    expect(completionBar(1.4, 1, 4).join('')).toBe('███┃');
    expect(completionBar(-0.2, 0, 4).join('')).toBe('┃░░░');
  });
});
