// The present stage on the base plan: a ReportModel with every label localized,
// every number formatted and every chart laid out, in the order officials expect (docs/architecture.md).
import { describe, expect, it } from 'vitest';
import { BASE_PLAN } from './support/cli.js';
import { buildModel, TEST_DATE } from './support/report.js';
import type { ReportModel } from '../src/present/index.js';

const zh = (await buildModel(BASE_PLAN, 2024, 'zh-CN')).model;
const en = (await buildModel(BASE_PLAN, 2024, 'en')).model;

function row(model: ReportModel, id: string) {
  const r = model.statusTable.rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
}

describe('buildReportModel', () => {
  it('lists the sections in the order officials expect', () => {
    expect(zh.sections.map((s) => s.id)).toEqual(['overview', 'status-table', 'pillars', 'actions', 'milestones', 'data-notes']);
    expect(zh.sections.map((s) => s.title)).toEqual([
      '一、总体评估', '二、主要指标完成情况表', '三、分领域指标', '四、十大行动', '五、重大项目与里程碑', '六、数据说明',
    ]);
    expect(zh.sections[2]!.children.map((c) => c.title)).toEqual(['硬核实力', '品质魅力']);
  });

  it('puts the cover first: title, region, year, date and data status', () => {
    expect(zh.cover.title).toBe('示例市五年规划2024年度实施进展报告');
    expect(zh.cover.fields.map((f) => f.label)).toEqual(['规划', '地区', '编制单位', '报告年度', '规划期', '生成日期', '数据状况']);
    expect(zh.cover.dataStatus).toMatchObject({ total: 7, current: 5, stale: 2, missing: 0 });
    expect(zh.meta.generatedAt).toBe(TEST_DATE);
    expect(zh.meta.generatedAtText).toBe('2025年3月1日');
    expect(en.meta.generatedAtText).toBe('1 March 2025');
  });

  it('gives the status table its ten columns in order, one row per indicator', () => {
    expect(zh.statusTable.columns.map((c) => c.label)).toEqual(['类别', '指标', '单位', '属性', '基期值', '本年值', '目标值', '完成进度', '序时进度', '状态']);
    expect(en.statusTable.columns.map((c) => c.key)).toEqual(zh.statusTable.columns.map((c) => c.key));
    expect(zh.statusTable.rows.map((r) => r.id)).toEqual(['gdp', 'air', 'firms', 'chains', 'investment', 'rank', 'income']);
    expect(row(zh, 'gdp')).toMatchObject({
      pillar: '硬核实力', name: '地区生产总值', unit: '亿元', attribute: '预期性',
      baseline: { text: '2,379.2' }, value: { text: '2,929' }, target: { text: '≥3,200' },
      completion: { text: '67.0%' }, pace: { text: '60.0%' }, status: { code: 'ahead', label: '快于序时', tone: 'good' },
    });
    expect(row(zh, 'firms').target.text).toBe('≥60（基期值×2）');
    expect(row(zh, 'air')).toMatchObject({ attribute: '约束性', warning: true, target: { text: '>90' } });
  });

  it('marks an earlier year’s value and says why, judged at that year’s pace', () => {
    const chains = row(zh, 'chains');
    expect(chains.value.text).toBe('3（2022年）');
    expect(chains.value.note).toBe('沿用2022年数据；2024年缺数：未公布');
    expect(chains.pace.text).toBe('20.0%（2022年）');
  });

  it('prints a dash for what cannot be computed, with the reason', () => {
    const investment = row(zh, 'investment');
    expect(investment.completion).toEqual({ text: '—', value: null, note: '累计值无法计算：无2023年数据文件' });
    expect(investment.value.text).toBe('1,000（2024年当年值）');
    const income = row(zh, 'income');
    expect(income.target).toEqual({ text: '—', value: null, note: '监测指标，规划未设量化目标' });
    expect(income.status.label).toBe('无目标');
  });

  it('lists 预警 and highlights', () => {
    expect(zh.overview.warnings).toEqual([
      { anchor: 'ind-2', name: '空气质量优良率', attribute: '约束性', text: '按目前进度预计2026年为90%，未达到目标>90%。' },
    ]);
    expect(zh.overview.highlights[0]).toBe('7项指标中5项可评估，其中4项达到或快于序时进度，占80.0%。');
    expect(zh.overview.indicatorCounts.rows.find((r) => r.code === 'ahead')!.count).toBe(3);
    expect(zh.overview.timePace).toBe('截至2024年，规划期序时进度为60.0%。');
  });

  it('makes the overview one page: a headline, the counts as bars of the statuses that occur, key points', () => {
    const o = zh.overview;
    expect(o.headline).toBe('截至2024年，规划期序时进度为60.0%。7项指标中5项可评估，其中4项达到或快于序时进度，占80.0%。');
    // Only the statuses some indicator has, in status order; a second status of the same tone is lighter.
    expect(o.indicatorBar.segments.map((s) => [s.code, s.count, s.tone, s.shade])).toEqual([
      ['ahead', 3, 'good', 0],
      ['on_track', 1, 'fair', 0],
      ['behind', 1, 'warn', 0],
      ['no_data', 1, 'none', 0],
      ['no_target', 1, 'none', 1],
    ]);
    expect(o.indicatorBar.caption).toBe('指标完成情况（7项）');
    expect(o.indicatorBar.line).toBe('快于序时 3 · 基本符合序时 1 · 滞后 1 · 无数据 1 · 无目标 1');
    // The geometry has a segment per status, in the same order, wider for a larger count.
    const widths = o.indicatorBar.geometry.segments.map((g) => g.width);
    expect(widths).toHaveLength(5);
    expect(widths[0]!).toBeGreaterThan(widths[1]! * 2.5);
    expect(o.milestoneBar!.line).toBe('存在风险 1 · 逾期 1');
    expect(o.binding).toBe('约束性指标1项：预警1项，均已评估。');
    // What the headline, the bars and the binding line say is not repeated as a key point.
    expect(o.keyPoints[0]).toBe('快于序时（3项）：地区生产总值、标志性产业链、全国百强县排名。');
    expect(o.keyPoints.join('')).not.toMatch(/可评估|约束性|重大项目/);
    expect(en.overview.indicatorBar.line).toBe('Ahead of pace 3 · On pace 1 · Behind pace 1 · No data 1 · No target 1');
  });

  it('puts each milestone’s completion standard in its row, after its due year', () => {
    expect(zh.milestones.columns.map((c) => c.key)).toEqual(['name', 'action', 'due', 'doneWhen', 'state', 'expected', 'status', 'note']);
    expect(zh.milestones.rows[0]!.doneWhen).toBe('站房竣工并投入使用');
  });

  it('draws a trend chart and a completion bar for each pillar indicator with data', () => {
    const gdp = zh.pillars.items[0]!.indicators.find((d) => d.row.id === 'gdp')!;
    expect(gdp.trend!.observed!.points).toHaveLength(3);
    expect(gdp.trend!.target!.label.text).toBe('目标2026：≥3,200');
    expect(gdp.trend!.projection!.label.text).toBe('预测2026：3,364');
    expect(gdp.trend!.title).toBe('地区生产总值（亿元）');
    expect(gdp.trend!.desc).toContain('2021年基期值2,379.2亿元');
    expect(gdp.progress!.pace!.x).toBeCloseTo(0.6 * gdp.progress!.width, 2);
    expect(gdp.progress!.text).toBe('████████████┃█░░░░░░░');
    expect(gdp.legend.map((l) => l.key)).toEqual(['observed', 'baseline', 'target', 'projection']);
    expect(gdp.trendTable!.years).toEqual(['2021', '2022', '2023', '2024', '2025', '2026']);
    expect(gdp.trendTable!.rows[0]).toEqual({ label: '实际值', cells: ['2,379.2', '2,521.58', '—', '2,929', '', ''] });

    const investment = zh.pillars.items[0]!.indicators.find((d) => d.row.id === 'investment')!;
    expect(investment.progress).toBeNull();
    expect(investment.noProgress).toBe('完成进度无法计算（累计值无法计算：无2023年数据文件）');
    expect(investment.trend!.observed!.points).toHaveLength(1); // only 2022: 2023 is missing

    const rank = zh.pillars.items[0]!.indicators.find((d) => d.row.id === 'rank')!;
    const [first, , last] = rank.trend!.observed!.points;
    expect(last!.y).toBeLessThan(first!.y); // rank 6 drawn above rank 8
  });

  it('groups actions with their indicators and milestones, and localizes milestone reasons', () => {
    expect(zh.actions.items.map((a) => `${a.ordinal} ${a.title}`)).toEqual(['行动一 产业升级提速行动', '行动二 生态环境提标行动']);
    expect(zh.actions.items[0]!.indicators.map((i) => i.name)).toHaveLength(5);
    expect(zh.milestones.rows.map((r) => [r.name, r.status.label, r.note])).toEqual([
      ['高铁站建成', '存在风险', '预计2027年12月完成，晚于完成时限2026年。来源：示例市2022年统计公报'],
      ['城市公园建成', '逾期', '完成时限为2023年，2024年仍为“推进中”。来源：示例市2022年统计公报'],
    ]);
  });

  it('says where every figure comes from, with data-quality warnings and methodology', () => {
    const gdp = zh.dataNotes.figures.groups[0]!;
    expect(gdp.rows.map((r) => [r.figure, r.year, r.value, r.status, r.source])).toEqual([
      ['基期值', '2021年', '2,379.2亿元', '核实数', '示例市2022年统计公报'],
      ['本年值', '2024年', '2,929亿元', '核实数', '示例市2022年统计公报'],
    ]);
    expect(zh.dataNotes.quality.items).toEqual([
      { location: 'data/2024.yaml:25', subject: '累计有效投资 2024年', problem: '累计值缺年度数据', severity: '警告', code: 'cumulative-incomplete' },
    ]);
    expect(zh.dataNotes.staleMissing.stale.map((s) => s.name)).toEqual(['标志性产业链', '城镇居民人均可支配收入']);
    expect(zh.dataNotes.sources.items[1]!.url).toBe('https://example.invalid/stats-2022');
    expect(zh.dataNotes.methodology.paragraphs.length).toBeGreaterThanOrEqual(4);
  });

  it('uses English labels and English names where the plan gives them', () => {
    expect(en.statusTable.columns.map((c) => c.label)).toEqual(['Pillar', 'Indicator', 'Unit', 'Type', 'Baseline', 'Latest', 'Target', 'Completion', 'Time pace', 'Status']);
    expect(row(en, 'gdp')).toMatchObject({ name: 'GDP', pillar: 'Economic strength', unit: '100 million yuan', status: { label: 'ahead of pace' } });
    expect(row(en, 'firms').name).toBe('专精特新小巨人企业');
    expect(en.meta.title).toBe('Demo City five-year plan: progress report 2024');
    expect(en.pillars.items[0]!.indicators[0]!.altName).toBe('地区生产总值');
  });

  it('is plain data and deterministic', async () => {
    expect(JSON.parse(JSON.stringify(zh))).toEqual(zh);
    expect((await buildModel(BASE_PLAN, 2024, 'zh-CN')).model).toEqual(zh);
  });
});
