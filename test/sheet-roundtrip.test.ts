// The yearly loop for a statistics office: `sheet` writes the workbook, a person fills it
// in cell by cell, `import` writes the year file, and `validate` and `report` take it
// from there. The year file that comes back equals the hand-written one.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, tempDir } from './support/cli.js';
import { cellAt, fillRow, openWorkbook, saveWorkbook } from './support/sheet.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1740787200' }; // 2025-03-01T00:00:00Z

/** Copy a fixture plan to `<tmp>/plan` and return the temporary folder. */
function copyPlan(fixture: string): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, fixture), join(dir, 'plan'), { recursive: true });
  return dir;
}

describe('sheet → fill in → import → validate → report', () => {
  it('gives back the hand-written year file of the base plan, byte for byte', async () => {
    const handWritten = readFileSync(join(FIXTURES, 'base-plan/data/2024.yaml'), 'utf8');
    const dir = copyPlan('base-plan');
    rmSync(join(dir, 'plan/data/2024.yaml'));

    const made = await run(['sheet', '2024', '--out', 'fill-in.xlsx'], { cwd: dir, env: EPOCH });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('还没有 data/2024.yaml，所以是空白的');

    // The statistics office fills it in: figures, a status picked from the drop-down,
    // the source, a reason where there is no figure; unit and scope left to the plan's.
    const wb = await openWorkbook(join(dir, 'fill-in.xlsx'));
    const ind = wb.getWorksheet('指标')!;
    for (const [id, value] of [['gdp', 2929], ['air', 88], ['firms', 45], ['investment', 1000], ['rank', 6]] as const) {
      fillRow(ind, id, { value, status: '核实数', source: 'stats-2022' });
    }
    fillRow(ind, 'chains', { missing: '未公布' });
    fillRow(ind, 'income', { missing: '未公布' });
    fillRow(wb.getWorksheet('里程碑')!, 'station', { state: '推进中', date: '2024-06', expected: '2027-12', source: 'stats-2022' });
    await saveWorkbook(wb, join(dir, 'filled.xlsx'));

    const imported = await run(['import', '2024', 'filled.xlsx'], { cwd: dir, env: EPOCH });
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe('✓ plan/data/2024.yaml（新建）：从 filled.xlsx 新增观测7条，新增里程碑状态1条；下一步运行 `cixi-plan report 2024`\n');
    expect(imported.code).toBe(0);
    expect(readFileSync(join(dir, 'plan/data/2024.yaml'), 'utf8')).toBe(handWritten);

    expect((await run(['validate'], { cwd: dir })).code).toBe(0);
    const report = await run(['report', '2024', '--format', 'md'], { cwd: dir, env: EPOCH });
    expect(report.code).toBe(0);
    const original = copyPlan('base-plan');
    expect((await run(['report', '2024', '--format', 'md'], { cwd: original, env: EPOCH })).code).toBe(0);
    expect(readFileSync(join(dir, 'out/2024/report.md'), 'utf8')).toBe(readFileSync(join(original, 'out/2024/report.md'), 'utf8'));
  });

  it('merges into an existing file: comments, flow maps, key order and untouched entries stay', async () => {
    const dir = copyPlan('target-kinds');
    const before = readFileSync(join(dir, 'plan/data/2024.yaml'), 'utf8');
    expect((await run(['sheet', '2024', '--out', 'fill-in.xlsx'], { cwd: dir, env: EPOCH })).code).toBe(0);
    const wb = await openWorkbook(join(dir, 'fill-in.xlsx'));
    const ind = wb.getWorksheet('指标')!;
    // Pre-filled with the file, with its decimals: 600.00 shows as 600.00.
    expect(cellAt(ind, 'output', 'value').value).toBe(600);
    expect(cellAt(ind, 'output', 'value').numFmt).toBe('0.00');
    expect(cellAt(ind, 'output', 'status').value).toBe('初步核算');
    expect(cellAt(ind, 'firms', 'missing').value).toBe('测试数据：未公布');
    // A revised figure in the cell formatted 0.00; a figure where there was none.
    fillRow(ind, 'output', { value: 612.5, status: '核实数', published: '2025-09-30' });
    fillRow(ind, 'firms', { value: 210, status: 'final', source: 'bulletin', missing: null });
    await saveWorkbook(wb, join(dir, 'filled.xlsx'));

    const dry = await run(['import', '2024', 'filled.xlsx', '--dry-run'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(readFileSync(join(dir, 'plan/data/2024.yaml'), 'utf8')).toBe(before);
    expect(dry.stdout).toContain('-  output: {value: 600.00, unit: 亿元, scope: 全县, status: preliminary, source: bulletin}');
    expect(dry.stdout).toContain('+  output: {value: 612.50, unit: 亿元, scope: 全县, status: final, published: "2025-09-30", source: bulletin}');
    expect(dry.stdout).toContain('试运行：plan/data/2024.yaml 将修改观测2条；没有写入任何文件');

    const done = await run(['import', '2024', 'filled.xlsx'], { cwd: dir });
    expect(done.code).toBe(0);
    const after = readFileSync(join(dir, 'plan/data/2024.yaml'), 'utf8');
    await expect(after).toMatchFileSnapshot('./__golden__/import-target-kinds-2024.yaml');
    // Everything the sheet did not change is as it was, line for line.
    const changed = new Set(['output', 'firms'].map((id) => `  ${id}:`));
    const kept = (text: string) => text.split('\n').filter((l) => ![...changed].some((c) => l.startsWith(c)));
    expect(kept(after)).toEqual(kept(before));
    expect((await run(['validate'], { cwd: dir })).code).toBe(0);

    // Importing the same workbook again changes nothing.
    const again = await run(['import', '2024', 'filled.xlsx'], { cwd: dir });
    expect(again.stdout).toContain('无需改动');
    expect(readFileSync(join(dir, 'plan/data/2024.yaml'), 'utf8')).toBe(after);
  });

  it('takes a figure typed beside the reason the sheet was pre-filled with, and drops the reason; not beside a new reason', async () => {
    const dir = copyPlan('target-kinds');
    expect((await run(['sheet', '2024', '--out', 'fill-in.xlsx'], { cwd: dir, env: EPOCH })).code).toBe(0);
    const wb = await openWorkbook(join(dir, 'fill-in.xlsx'));
    const ind = wb.getWorksheet('指标')!;
    expect(cellAt(ind, 'firms', 'missing').value).toBe('测试数据：未公布');
    // The figure typed in, the pre-filled reason left standing.
    fillRow(ind, 'firms', { value: 210, status: 'final', source: 'bulletin' });
    await saveWorkbook(wb, join(dir, 'kept-reason.xlsx'));
    const dry = await run(['import', '2024', 'kept-reason.xlsx', '--dry-run'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('-  firms: {missing: 测试数据：未公布}');
    expect(dry.stdout).toMatch(/\+ {2}firms: \{value: 210, [^\n]*status: final, source: bulletin\}/);
    expect(dry.stdout).not.toMatch(/\+.*firms.*missing/);
    // A CSV with no column for the reason: the figure replaces it too (the sheet cannot clear it).
    writeFileSync(join(dir, 'figures.csv'), 'id,value,status,source\nfirms,210,final,bulletin\n');
    const csv = await run(['import', '2024', 'figures.csv', '--dry-run'], { cwd: dir });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('-  firms: {missing: 测试数据：未公布}');
    expect(csv.stdout).not.toMatch(/\+.*firms.*missing/);
    // A reason written anew beside a figure: which one is meant cannot be told.
    cellAt(ind, 'firms', 'missing').value = '统计局尚未发布';
    await saveWorkbook(wb, join(dir, 'new-reason.xlsx'));
    const both = await run(['import', '2024', 'new-reason.xlsx'], { cwd: dir });
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/new-reason\.xlsx 错误 missing-with-value 指标!\w+\d+：`firms` 标为缺失，却又写了 `value`/);
  });

  it('writes the same bytes twice under SOURCE_DATE_EPOCH, and never replaces a workbook without --force', async () => {
    const dir = copyPlan('base-plan');
    expect((await run(['sheet', '2024', '--out', 'a.xlsx'], { cwd: dir, env: EPOCH })).code).toBe(0);
    expect((await run(['sheet', '2024', '--out', 'b.xlsx'], { cwd: dir, env: EPOCH })).code).toBe(0);
    expect(readFileSync(join(dir, 'a.xlsx')).equals(readFileSync(join(dir, 'b.xlsx')))).toBe(true);

    writeFileSync(join(dir, 'a.xlsx'), 'filled in by someone');
    const refused = await run(['sheet', '2024', '--out', 'a.xlsx'], { cwd: dir, env: EPOCH });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('a.xlsx 已存在：其中可能有别人填好的数字');
    expect(readFileSync(join(dir, 'a.xlsx'), 'utf8')).toBe('filled in by someone');
    expect((await run(['sheet', '2024', '--out', 'a.xlsx', '--force'], { cwd: dir, env: EPOCH })).code).toBe(0);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('README, "A year\'s figures from a spreadsheet"', () => {
  it('runs the five commands as written, the workbook filled in between', async () => {
    const readme = readFileSync(join(FIXTURES, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf("## A year's figures from a spreadsheet"));
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
    const commands = block.split('\n').filter((l) => l.startsWith('npx cixi-plan ')).map((l) => l.replace(/#.*$/, '').trim().split(/\s+/).slice(2));
    expect(commands.map((c) => c[0])).toEqual(['sheet', 'import', 'import', 'report']);
    const dir = copyPlan('base-plan');
    const [sheet, dryRun, apply, report] = commands as [string[], string[], string[], string[]];
    expect((await run(sheet, { cwd: dir, env: EPOCH })).code).toBe(0);
    const file = join(dir, sheet[sheet.indexOf('--out') + 1]!);
    const wb = await openWorkbook(file);
    fillRow(wb.getWorksheet('指标')!, 'gdp', { value: 3050.7, status: '初步核算', source: 'stats-2022' });
    await saveWorkbook(wb, file);
    const dry = await run(dryRun, { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+    value: 3050.7');
    expect(existsSync(join(dir, 'plan/data/2025.yaml'))).toBe(false);
    expect((await run(apply, { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'plan/data/2025.yaml'), 'utf8')).toContain('  gdp:\n    value: 3050.7\n    unit: 亿元\n    scope: 全市\n    status: preliminary\n    source: stats-2022\n');
    const r = await run([...report, '--quiet'], { cwd: dir, env: EPOCH });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'out/2025/report.xlsx'))).toBe(true);
  }, 120_000);
});

describe('a workbook imported as `sheet` wrote it', () => {
  const YEARS: Array<[string, number]> = [
    ['base-plan', 2021], ['base-plan', 2022], ['base-plan', 2024],
    ['target-kinds', 2020], ['target-kinds', 2022], ['target-kinds', 2023], ['target-kinds', 2024],
    ['national-plan', 2020], ['national-plan', 2021], ['national-plan', 2022], ['national-plan', 2023], ['national-plan', 2024],
  ];
  it.each(YEARS)('changes nothing in %s %i', async (fixture, year) => {
    const dir = copyPlan(fixture);
    expect((await run(['sheet', String(year), '--out', 'w.xlsx'], { cwd: dir, env: EPOCH })).code).toBe(0);
    const r = await run(['import', String(year), 'w.xlsx'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`✓ plan/data/${year}.yaml 已与 w.xlsx 一致；无需改动\n`);
    expect(r.code).toBe(0);
  });
});

describe('the fill-in workbook', () => {
  it('locks the reference columns, unlocks the fields, offers drop-downs and labels each header twice', async () => {
    const dir = copyPlan('base-plan');
    expect((await run(['sheet', '2024', '--out', 'w.xlsx'], { cwd: dir, env: EPOCH })).code).toBe(0);
    const wb = await openWorkbook(join(dir, 'w.xlsx'));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['指标', 'visible'], ['里程碑', 'visible'], ['来源', 'visible'], ['说明', 'visible'], ['列表', 'hidden'],
    ]);
    const ind = wb.getWorksheet('指标')!;
    expect(ind.getCell('G1').value).toBe('本年值\nvalue');
    expect(ind.getCell('A1').value).toBe('编号\nid');
    // Protected without a password.
    const protection = (ind as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toBeUndefined();
    expect(cellAt(ind, 'gdp', 'name').protection?.locked).not.toBe(false);
    expect(cellAt(ind, 'gdp', 'last_value').value).toBe(2521.58);
    expect(cellAt(ind, 'gdp', 'last_value').numFmt).toBe('0.00');
    expect(cellAt(ind, 'gdp', 'value').protection?.locked).toBe(false);
    expect(cellAt(ind, 'gdp', 'value').value).toBe(2929);
    expect(cellAt(ind, 'gdp', 'status').dataValidation).toMatchObject({ type: 'list', formulae: ['"初步核算,核实数,预计数"'] });
    expect(cellAt(ind, 'gdp', 'source').dataValidation).toMatchObject({ type: 'list', formulae: ["'列表'!$B$1:$B$2"] });
    expect(cellAt(ind, 'gdp', 'scope').dataValidation).toMatchObject({ type: 'list', formulae: ["'列表'!$A$1:$A$2"] });
    const ms = wb.getWorksheet('里程碑')!;
    expect(cellAt(ms, 'station', 'state').value).toBe('推进中');
    expect(cellAt(ms, 'park', 'last_state').value).toBe('推进中（2022-12）');
    expect(cellAt(ms, 'park', 'state').dataValidation).toMatchObject({ formulae: ['"未启动,推进中,已完成,延期"'] });
    expect(wb.getWorksheet('来源')!.getCell('A3').value).toBe('stats-2022');
    expect(wb.getWorksheet('说明')!.getCell('B2').value).toBe(2024);
  });
});
