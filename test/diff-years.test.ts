// `cixi-plan diff <from> <to>`: two report years of the base plan, compared per
// indicator and milestone, through the CLI in-process.
import { describe, expect, it } from 'vitest';
import type { Diff, IndicatorDiff, MilestoneDiff } from '../src/diff/index.js';
import { BASE_PLAN, run } from './support/cli.js';

async function diffJson(args: string[]): Promise<Diff> {
  const r = await run(['diff', ...args, '--plan', BASE_PLAN, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Diff;
}

function indicators(diff: Diff): IndicatorDiff[] {
  return diff.pillars.flatMap((p) => p.indicators);
}

function milestones(diff: Diff): MilestoneDiff[] {
  return diff.pillars.flatMap((p) => p.milestones);
}

// The changes of an indicator as one line each, for exact comparison.
function changeLines(diff: Diff): string[] {
  return indicators(diff)
    .filter((d) => d.changed)
    .map((d) =>
      [
        d.id,
        `value ${d.from?.value ?? '—'}→${d.to?.value ?? '—'}`,
        d.status_change ? `${d.status_change.from}→${d.status_change.to} (${d.status_change.movement})` : `status ${d.to?.status}`,
        d.warning_change ? `预警 ${d.warning_change}` : '',
        ...d.quality.new.map((w) => `+${w.code}@${w.data_year}`),
        ...d.quality.resolved.map((w) => `-${w.code}@${w.data_year}`),
      ]
        .filter(Boolean)
        .join(' | '),
    );
}

describe('diff between two years', () => {
  it('reports exactly what changed from 2022 to 2024 in the base plan', async () => {
    const diff = await diffJson(['2022', '2024']);
    expect(diff.schema_version).toBe(1);
    expect(diff.mode).toBe('years');
    expect(diff.has_changes).toBe(true);
    expect(diff.from).toMatchObject({ label: '2022', origin: 'year', year: 2022, time_pace: 0.2, revision: null, commit: null });
    expect(diff.to).toMatchObject({ label: '2024', origin: 'year', year: 2024, time_pace: 0.6 });
    // Pillars in plan order; within each, changed indicators first, in plan order.
    expect(diff.pillars.map((p) => [p.id, p.indicators.map((d) => d.id), p.milestones.map((m) => m.id)])).toEqual([
      ['economy', ['gdp', 'firms', 'investment', 'rank', 'chains'], ['station']],
      ['quality', ['air', 'income'], ['park']],
    ]);
    expect(changeLines(diff)).toEqual([
      'gdp | value 2521.58→2929 | on_track→ahead (up)',
      'firms | value 36→45 | on_track→behind (down)',
      'investment | value 900→1000 | on_track→no_data (to_no_data) | +cumulative-incomplete@2024',
      'rank | value 7→6 | status ahead',
      'air | value 86→88 | status on_track',
    ]);
    // chains: 2024 is missing, so 2022's 3 stands in both years; income has no target.
    const chains = indicators(diff).find((d) => d.id === 'chains')!;
    expect(chains).toMatchObject({ changed: false, value_changed: false, status_change: null });
    expect(chains.from).toMatchObject({ value: 3, value_year: 2022, stale: false });
    expect(chains.to).toMatchObject({ value: 3, value_year: 2022, stale: true });
    expect(diff.summary).toEqual({
      indicators: 7,
      indicators_changed: 5,
      indicators_unchanged: 2,
      status_up: 1,
      status_down: 1,
      status_other: 1,
      warnings_new: 0,
      warnings_resolved: 0,
      quality_new: 1,
      quality_resolved: 0,
      indicators_added: 0,
      indicators_removed: 0,
      milestones: 2,
      milestones_changed: 2,
      milestones_unchanged: 0,
    });
  });

  it('gives value and completion deltas and keeps the binding indicator’s 预警 unchanged', async () => {
    const diff = await diffJson(['2022', '2024']);
    const gdp = indicators(diff).find((d) => d.id === 'gdp')!;
    expect(gdp.value_delta).toBeCloseTo(407.42, 9);
    expect(gdp.completion_delta).toBeCloseTo(gdp.to!.completion! - gdp.from!.completion!, 12);
    expect(gdp).toMatchObject({ value_changed: true, completion_changed: true, target_changed: false, presence: 'both' });
    const air = indicators(diff).find((d) => d.id === 'air')!;
    expect(air.from!.warning).toBe(true);
    expect(air.to!.warning).toBe(true);
    expect(air.warning_change).toBeNull();
  });

  it('reports milestone state and status changes', async () => {
    const diff = await diffJson(['2022', '2024']);
    const [station, park] = milestones(diff);
    expect(station).toMatchObject({
      id: 'station',
      pillar: 'economy',
      changed: true,
      status_change: { from: 'no_data', to: 'at_risk' },
      state_change: { from: null, to: 'in-progress' },
      schedule_changed: true,
    });
    expect(station!.to).toMatchObject({ expected: '2027-12', due: 2026, state_year: 2024 });
    // The park was due in 2023 and is still in progress: overdue, though its state is unchanged.
    expect(park).toMatchObject({ id: 'park', changed: true, status_change: { from: 'on_schedule', to: 'overdue' }, state_change: null });
  });

  it('reverses cleanly: 2024 → 2022 moves the same statuses the other way', async () => {
    const diff = await diffJson(['2024', '2022']);
    expect(changeLines(diff)).toEqual([
      'gdp | value 2929→2521.58 | ahead→on_track (down)',
      'firms | value 45→36 | behind→on_track (up)',
      'investment | value 1000→900 | no_data→on_track (from_no_data) | -cumulative-incomplete@2024',
      'rank | value 6→7 | status ahead',
      'air | value 88→86 | status on_track',
    ]);
  });

  it('finds nothing to report for the same year twice', async () => {
    const diff = await diffJson(['2024', '2024']);
    expect(diff.has_changes).toBe(false);
    expect(diff.summary.indicators_unchanged).toBe(7);
    expect(diff.summary.milestones_unchanged).toBe(2);
    const text = await run(['diff', '2024', '2024', '--plan', BASE_PLAN]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('没有变化。');
  });

  it('prints the changes first and counts the unchanged in the text view', async () => {
    const r = await run(['diff', '2022', '2024', '--plan', BASE_PLAN]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('2022年 → 2024年 · demo-2022-2026');
    expect(r.stdout).toContain('指标 7 项：5 项有变化，2 项未变化（状态变化 3 项：上升 1，下降 1，其他 1）');
    expect(r.stdout).toContain('里程碑 2 项：2 项有变化，0 项未变化');
    expect(r.stdout).toContain('硬核实力 economy · 指标 4 项有变化、1 项未变化 · 里程碑 1 项有变化、0 项未变化');
    const row = (id: string) => lines.find((l) => l.includes(` ${id} `))!;
    expect(row('gdp')).toMatch(/^ {2}↑ +地区生产总值 gdp +2,521\.58 → 2,929 亿元（\+407\.42） +17\.3% → 67\.0% +基本符合序时 → 快于序时$/);
    expect(row('firms')).toMatch(/^ {2}↓ .*36 → 45 家（\+9）.*基本符合序时 → 滞后$/);
    expect(row('investment')).toContain('累计 900 → — 亿元');
    expect(r.stdout).toContain('+ 警告 cumulative-incomplete');
    // Unchanged indicators are counted, not listed.
    expect(lines.some((l) => l.includes(' chains '))).toBe(false);
    expect(lines.some((l) => l.includes(' income '))).toBe(false);
    // Columns line up across pillars: the completion column starts at the same width.
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('colours the text only on a terminal', async () => {
    const tty = await run(['diff', '2022', '2024', '--plan', BASE_PLAN], { isTTY: true });
    expect(tty.stdout).toMatch(/\u001b\[/);
    const noColor = await run(['diff', '2022', '2024', '--plan', BASE_PLAN], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('diff in English', () => {
  it('names indicators and pillars by their English names, cut to fit, the ids whole; JSON keeps the plan’s names', async () => {
    const plan = 'test/fixtures/national-plan';
    const text = await run(['diff', '2022', '2024', '--plan', plan, '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('\nEconomic development economy · indicators 3 changed, 0 unchanged\n');
    expect(text.stdout).toMatch(/\n {2}↓ {2}Labour productivity gro… labour-productivity +4\.2 → 4\.9 %/);
    expect(text.stdout).not.toContain('全员劳动生产率增长');
    const json = JSON.parse((await run(['diff', '2022', '2024', '--plan', plan, '--json'])).stdout) as Diff;
    expect(json.pillars[0]!.indicators.find((d) => d.id === 'labour-productivity')!.name).toBe('全员劳动生产率增长');
  });

  it('starts every row label of the header table and every summary line with a capital', async () => {
    const text = (await run(['diff', '2022', '2024', '--lang', 'en'])).stdout;
    const lines = text.split('\n');
    // The rows of the header table: from the line of the two years to the first empty line.
    const table = lines.slice(2, lines.indexOf(''));
    const labels = table.map((l) => l.trim().split(/ {2,}/)[0]!);
    expect(labels).toEqual(expect.arrayContaining(['Time pace', 'Ahead of pace', 'No data', 'Early warnings', 'Data-quality warnings']));
    expect(labels.filter((l) => !/^[A-Z]/.test(l))).toEqual([]);
    expect(text).toContain('\nEarly warnings: 0 new, 0 lifted · data-quality warnings: ');
  });
});

describe('diff argument errors', () => {
  const cases: Array<{ name: string; args: string[]; code: number; stderr: RegExp }> = [
    { name: 'one year without --rev', args: ['diff', '2024', '--lang', 'en'], code: 2, stderr: /diff needs two years/ },
    { name: 'one year without --rev, in the plan’s language', args: ['diff', '2024'], code: 2, stderr: /^错误：diff 需要两个年份/ },
    { name: 'a year that is not a year', args: ['diff', '2022', 'soon', '--lang', 'en'], code: 2, stderr: /four-digit year, not `soon`/ },
    { name: 'a year that is not a year, in the plan’s language', args: ['diff', '2022', 'soon'], code: 2, stderr: /^错误：第二个年份应为四位数，而不是 `soon`\n$/ },
    { name: 'a year before the base year', args: ['diff', '2019', '2024', '--lang', 'en'], code: 1, stderr: /2019 is outside the plan: choose a year from 2021/ },
    { name: 'a year before the base year, in the plan’s language', args: ['diff', '2019', '2024'], code: 1, stderr: /^错误：2019年不在规划期内：请选择2021年（基期）至2026年之间的年份\n$/ },
    // As gaps and report take a year: the base plan has no data file for 2023 or 2025.
    { name: 'a year without its data file', args: ['diff', '2024', '2025', '--lang', 'en'], code: 1, stderr: /^error: no data for 2025: add data\/2025\.yaml to the plan folder \(year files present: 2021, 2022, 2024\)/ },
    { name: 'a first year without its data file, in the plan’s language', args: ['diff', '2023', '2024'], code: 1, stderr: /^错误：没有2023年的数据/ },
    { name: 'two years with --rev', args: ['diff', '--rev', 'HEAD', '2022', '2024', '--lang', 'en'], code: 2, stderr: /with --rev, give one report year/ },
    { name: 'three --rev options', args: ['diff', '--rev', 'a', '--rev', 'b', '--rev', 'c', '2024', '--lang', 'en'], code: 2, stderr: /too many --rev options/ },
    { name: 'A...B', args: ['diff', '--rev', 'a...b', '2024', '--lang=en'], code: 2, stderr: /symmetric difference/ },
    { name: 'A...B, in the plan’s language', args: ['diff', '--rev', 'a...b', '2024'], code: 2, stderr: /^错误：不支持 `...`（对称差）/ },
    { name: 'a missing plan folder', args: ['diff', '2022', '2024', '--plan', 'no-such-plan', '--lang', 'en'], code: 2, stderr: /plan folder no-such-plan not found/ },
    { name: 'a missing plan folder, in Chinese without a plan to say otherwise', args: ['diff', '2022', '2024', '--plan', 'no-such-plan'], code: 2, stderr: /^错误：找不到规划文件夹 no-such-plan/ },
  ];
  for (const c of cases) {
    it(`${c.name} → exit ${c.code}`, async () => {
      const args = c.args.includes('--plan') ? c.args : [...c.args, '--plan', BASE_PLAN];
      const r = await run(args);
      expect(r.code).toBe(c.code);
      expect(r.stderr).toMatch(c.stderr);
      expect(r.stderr).not.toContain('    at ');
      expect(r.stdout).toBe('');
    });
  }

  it('refuses an invalid plan with its errors at file:line:col (exit 1)', async () => {
    const r = await run(['diff', '2021', '2024', '--plan', 'test/fixtures/validate/unknown-pillar']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('plan.yaml:33:13 错误 unknown-pillar');
    expect(r.stderr).toContain('无效（1个错误）');
    expect(r.stdout).toBe('');
  });
});
