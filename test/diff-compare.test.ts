// The pure diff stage: sides built from small plans, compared and rendered.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { at } from '../src/diagnostic.js';
import { buildSide, diffSides, statusMovement, type Diff } from '../src/diff/index.js';
import { formatDiff } from '../src/views/diff.js';
import type { IndicatorStatus } from '../src/assess/types.js';
import { buildData, gdp, indicator, milestone, state, yearFile, PLAN_FILE } from './support/assess-builder.js';

const plain = new Chalk({ level: 0 });

// Two versions of one plan in report year 2024, as for `diff --rev`.
function compare(from: Parameters<typeof buildData>[0], to: Parameters<typeof buildData>[0], diagnostics: { from?: ReturnType<typeof at>[]; to?: ReturnType<typeof at>[] } = {}): Diff {
  const a = buildSide({ data: buildData(from), year: 2024, diagnostics: diagnostics.from ?? [], label: 'main', origin: 'revision', revision: 'main', commit: 'a'.repeat(40) });
  const b = buildSide({ data: buildData(to), year: 2024, diagnostics: diagnostics.to ?? [], label: 'working tree', origin: 'working_tree' });
  return diffSides(a, b, 'revisions');
}

const binding = gdp({ attribute: 'binding' });

describe('statusMovement', () => {
  const cases: Array<[IndicatorStatus, IndicatorStatus, string | null]> = [
    ['far_behind', 'behind', 'up'],
    ['behind', 'on_track', 'up'],
    ['on_track', 'ahead', 'up'],
    ['ahead', 'met', 'up'],
    ['met', 'far_behind', 'down'],
    ['on_track', 'behind', 'down'],
    ['ahead', 'no_data', 'to_no_data'],
    ['no_data', 'behind', 'from_no_data'],
    ['met', 'no_target', 'to_no_target'],
    ['no_target', 'met', 'from_no_target'],
    ['no_data', 'no_target', 'to_no_target'],
    ['behind', 'behind', null],
  ];
  for (const [from, to, movement] of cases) {
    it(`${from} → ${to}: ${movement}`, () => expect(statusMovement(from, to)).toBe(movement));
  }
});

describe('diffSides', () => {
  it('lifts a 预警 when a revised value puts a binding indicator back on course', () => {
    const diff = compare(
      { indicators: [binding], values: { gdp: { 2021: 2379.2, 2024: 2500 } } },
      { indicators: [binding], values: { gdp: { 2021: 2379.2, 2024: 2929 } } },
    );
    const [d] = diff.pillars[0]!.indicators;
    expect(d!.from!.warning).toBe(true);
    expect(d!.to!.warning).toBe(false);
    expect(d!.warning_change).toBe('resolved');
    expect(d!.status_change?.movement).toBe('up');
    expect(diff.summary).toMatchObject({ warnings_new: 0, warnings_resolved: 1, status_up: 1 });
    expect(diff.from).toMatchObject({ label: 'main', origin: 'revision', revision: 'main', commit: 'a'.repeat(40), warnings: 1 });
    expect(diff.to).toMatchObject({ label: 'working tree', origin: 'working_tree', revision: null, warnings: 0 });
  });

  it('reports a new 预警 the other way round', () => {
    const diff = compare(
      { indicators: [binding], values: { gdp: { 2021: 2379.2, 2024: 2929 } } },
      { indicators: [binding], values: { gdp: { 2021: 2379.2, 2024: 2500 } } },
    );
    expect(diff.pillars[0]!.indicators[0]!.warning_change).toBe('new');
    expect(diff.summary.warnings_new).toBe(1);
    const text = formatDiff(diff, { chalk: plain });
    expect(text).toContain('新增预警');
    expect(text.split('\n')[0]).toBe('main → 工作区 · 2024年 · test-plan');
  });

  it('lists added and removed indicators and milestones', () => {
    const rd = indicator({ id: 'rd', name: '研发投入', pillar: 'quality', actions: ['ecology'] });
    const diff = compare(
      { indicators: [gdp(), rd], milestones: [milestone({ id: 'old' })], values: { gdp: { 2021: 2379.2, 2024: 2929 }, rd: { 2021: 50, 2024: 60 } } },
      { indicators: [gdp()], milestones: [milestone({ id: 'new' })], values: { gdp: { 2021: 2379.2, 2024: 2929 } } },
    );
    const all = diff.pillars.flatMap((p) => p.indicators);
    expect(all.map((d) => [d.id, d.presence, d.changed])).toEqual([
      ['gdp', 'both', false],
      ['rd', 'removed', true],
    ]);
    expect(all[1]!.to).toBeNull();
    const ms = diff.pillars.flatMap((p) => p.milestones);
    expect(ms.map((m) => [m.id, m.presence])).toEqual([
      ['new', 'added'],
      ['old', 'removed'],
    ]);
    expect(diff.summary).toMatchObject({ indicators_removed: 1, indicators_added: 0, indicators_changed: 1, milestones_changed: 2 });
    const text = formatDiff(diff, { chalk: plain });
    expect(text).toContain('指标已删除');
    expect(text).toContain('新增里程碑');
  });

  it('notices a changed target', () => {
    const diff = compare(
      { indicators: [gdp()], values: { gdp: { 2021: 2379.2, 2024: 2929 } } },
      { indicators: [gdp({ target: { year: 2026, value: 3300, comparator: '>=' } })], values: { gdp: { 2021: 2379.2, 2024: 2929 } } },
    );
    const d = diff.pillars[0]!.indicators[0]!;
    expect(d).toMatchObject({ target_changed: true, value_changed: false, completion_changed: true });
    expect(formatDiff(diff, { chalk: plain })).toContain('目标值 3,200（2026年） → 3,300（2026年）');
  });

  it('reports milestone state changes', () => {
    const station = milestone({ id: 'station', name: '高铁站建成' });
    const diff = compare(
      { milestones: [station], states: { station: { 2024: state('in-progress') } } },
      { milestones: [station], states: { station: { 2024: state('done', { date: '2024-10' }) } } },
    );
    const m = diff.pillars[0]!.milestones[0]!;
    expect(m).toMatchObject({ changed: true, status_change: { from: 'on_schedule', to: 'done' }, state_change: { from: 'in-progress', to: 'done' } });
    expect(formatDiff(diff, { chalk: plain })).toMatch(/~ +高铁站建成 station +2026年到期 +推进中 → 已完成 +按期推进 → 已完成/);
  });
});

describe('data-quality warnings', () => {
  const data = { indicators: [gdp()], values: { gdp: { 2021: 2379.2, 2024: 2929 } } };
  const preliminary = { ...at(yearFile(2024), '/observations/gdp/status', 'warning', 'preliminary-value', '`gdp` 2024 is preliminary (初步核算) and may be revised'),
    subject: { indicator: 'gdp', year: 2024 } };

  it('tells resolved from new by code, indicator and year, not by position', () => {
    const moved = { ...preliminary, line: 40, col: 3 };
    const same = compare(data, data, { from: [preliminary], to: [moved] });
    expect(same.has_changes).toBe(false);
    expect(same.pillars[0]!.indicators[0]!.quality).toEqual({ new: [], resolved: [], unchanged: 1 });

    const resolved = compare(data, data, { from: [preliminary] });
    const q = resolved.pillars[0]!.indicators[0]!.quality;
    expect(q.resolved.map((w) => [w.code, w.indicator, w.data_year])).toEqual([['preliminary-value', 'gdp', 2024]]);
    expect(resolved.summary.quality_resolved).toBe(1);
    expect(formatDiff(resolved, { chalk: plain })).toContain('− 已消除 preliminary-value');
  });

  it('files each warning under the indicator its subject names, never by parsing its message', () => {
    const fromPlan = { ...at(PLAN_FILE, '/indicators/0/actions', 'warning', 'action-pillar-mismatch', 'pillar mismatch'), subject: { indicator: 'gdp' } };
    const byMessage = { ...at(yearFile(2024), '/observations', 'warning', 'observation-absent', 'no entry for 地区生产总值 (gdp) in 2024: add an observation'),
      subject: { indicator: 'gdp', year: 2024 } };
    const diff = compare(data, data, { to: [fromPlan, byMessage] });
    const q = diff.pillars[0]!.indicators[0]!.quality;
    expect(q.new.map((w) => [w.code, w.indicator, w.data_year])).toEqual([
      ['action-pillar-mismatch', 'gdp', null],
      ['observation-absent', 'gdp', 2024],
    ]);
  });

  it('ignores warnings about years after the report year, errors and infos', () => {
    const later = { ...at('plan/data/2025.yaml', '/observations/gdp/status', 'warning', 'preliminary-value', 'later'), line: 3, col: 5 };
    const info = at(yearFile(2024), '/observations/gdp', 'info', 'stale-value', 'stale');
    const withLater = buildData({ ...data, values: { gdp: { 2021: 2379.2, 2024: 2929, 2025: 3000 } } });
    const side = buildSide({ data: withLater, year: 2024, diagnostics: [later, info] });
    expect(side.quality).toEqual([]);
  });

  it('puts warnings that concern no indicator or milestone under other_quality', () => {
    const general = at(PLAN_FILE, '/plan/base_year', 'warning', 'base-year-file-missing', 'there is no year file for the base year 2021');
    const diff = compare(data, data, { to: [general] });
    expect(diff.other_quality.new.map((w) => w.code)).toEqual(['base-year-file-missing']);
    expect(diff.has_changes).toBe(true);
    expect(formatDiff(diff, { chalk: plain })).toContain('其他数据质量警告');
  });
});
