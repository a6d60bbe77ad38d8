// Code catalogue: the semantic rules and data-quality warnings of the validate stage (see index.ts).

import type { CodeEntry } from './types.js';

export const RULE_CODES = {
  // ---------------------------------------------------------------------------------------
  // Rules: named semantic rules over schema-valid data (errors unless noted).

  'duplicate-id': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '编号重复', en: 'Duplicate id' },
    explain: {
      'zh-CN': '同一个列表（`scopes`、`sources`、`pillars`、`actions`、`indicators` 或 `milestones`）中有两项用了同一个编号。引用编号时无法确定指的是哪一项，以第一项为准。',
      en: 'Two items of one list (`scopes`, `sources`, `pillars`, `actions`, `indicators` or `milestones`) have the same id. A reference to it cannot say which is meant; the first one is used.',
    },
    fix: {
      'zh-CN': '把其中一项改为不重复的编号，并同步修改引用它的地方。',
      en: 'Give one of them another id, and update the references to it.',
    },
    example: '# plan.yaml\npillars:\n  - id: hard-power\n    name: 硬核实力慈溪\n  - id: hard-power\n    name: 品质魅力慈溪',
  },
  'unknown-pillar': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '引用了未声明的领域', en: 'Unknown pillar' },
    explain: {
      'zh-CN': '行动或指标的 `pillar` 指向一个 `pillars` 中没有声明的领域编号。',
      en: 'The `pillar` of an action or indicator names a pillar that is not declared under `pillars`.',
    },
    fix: {
      'zh-CN': '改成已声明的领域编号（提示会给出最接近的一个），或在 `pillars` 中补充声明。',
      en: 'Use a declared pillar id (the hint names the nearest one), or declare it under `pillars`.',
    },
    example: '# plan.yaml\nactions:\n  - id: opening-up\n    name: 对外开放提势行动\n    pillar: hardpower   # 已声明的是 hard-power',
  },
  'unknown-action': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '引用了未声明的行动', en: 'Unknown action' },
    explain: {
      'zh-CN': '指标的 `actions` 或里程碑的 `action` 指向一个 `actions` 中没有声明的行动编号。',
      en: 'An indicator’s `actions` or a milestone’s `action` names an action that is not declared under `actions`.',
    },
    fix: {
      'zh-CN': '改成已声明的行动编号，或在 `actions` 中补充声明。',
      en: 'Use a declared action id, or declare it under `actions`.',
    },
    example: '# plan.yaml\nindicators:\n  - id: gdp\n    actions: [industry-upgrad]   # 已声明的是 industry-upgrade',
  },
  'unknown-scope': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '引用了未声明的统计口径', en: 'Unknown scope' },
    explain: {
      'zh-CN': '指标或数据的 `scope` 指向一个 `scopes` 中没有声明的统计口径。',
      en: 'The `scope` of an indicator or an observation names a scope that is not declared under `scopes`.',
    },
    fix: {
      'zh-CN': '改成已声明的口径编号（如 `全市`、`市级`），或在 `scopes` 中补充声明并说明其范围。',
      en: 'Use a declared scope id (such as `全市` or `市级`), or declare it under `scopes` and say what it covers.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    value: 2929\n    unit: 亿元\n    scope: 全县',
  },
  'unknown-source': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '引用了未声明的资料来源', en: 'Unknown source' },
    explain: {
      'zh-CN': '规划、指标、目标、里程碑、数据或里程碑进展的 `source` 指向一个 `sources` 中没有声明的来源编号。每个数字都须能查到出处。',
      en: 'The `source` of the plan, an indicator, a target, a milestone, an observation or a milestone state names a source that is not declared under `sources`. Every figure must be traceable to where it was published.',
    },
    fix: {
      'zh-CN': '在 `plan.yaml` 的 `sources` 中声明该来源（标题、发布单位、日期、网址），或改用已声明的编号。',
      en: 'Declare the source under `sources` in plan.yaml (title, publisher, date, URL), or use a declared id.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    value: 2929\n    source: gwr-2025   # sources 中未声明',
  },
  'unknown-indicator': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '引用了未声明的指标', en: 'Unknown indicator' },
    explain: {
      'zh-CN': '年度数据文件中有一项数据对应的指标编号在规划中没有声明，或比较类目标的 `indicator` 指向一个未声明的指标。',
      en: 'A year file holds an observation for an indicator id the plan does not declare, or a relative target’s `indicator` names an undeclared indicator.',
    },
    fix: {
      'zh-CN': '改成规划中声明的指标编号（提示会给出最接近的一个），或在 `indicators` 中补充该指标。',
      en: 'Use an indicator id the plan declares (the hint names the nearest one), or add the indicator under `indicators`.',
    },
    example: '# data/2024.yaml\nobservations:\n  gpd:   # 应为 gdp\n    value: 2929',
  },
  'unknown-milestone': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '引用了未声明的里程碑', en: 'Unknown milestone' },
    explain: {
      'zh-CN': '年度数据文件的 `milestones` 中报告了一个规划未声明的里程碑。',
      en: 'A year file reports the state of a milestone the plan does not declare.',
    },
    fix: {
      'zh-CN': '改成规划中声明的里程碑编号，或在 `plan.yaml` 的 `milestones` 中补充。',
      en: 'Use a milestone id the plan declares, or add the milestone under `milestones` in plan.yaml.',
    },
    example: '# data/2025.yaml\nmilestones:\n  hsr-station:   # 应为 hsr-cixi-station\n    state: in-progress\n    source: zswb-2025-06-25',
  },
  'period-invalid': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '规划期或基期年设置有误', en: 'Period or base year invalid' },
    explain: {
      'zh-CN': '规划期的结束年早于开始年，或基期年不早于规划期的第一年。序时进度从基期年算起，基期年须在规划期之前。',
      en: 'The period ends before it starts, or the base year is not before the period’s first year. Time pace counts from the base year, so the base year must precede the period.',
    },
    fix: {
      'zh-CN': '改正 `plan.period` 或 `plan.base_year`；基期年通常是规划期第一年的前一年（如规划期2022—2026年，基期2021年）。',
      en: 'Correct `plan.period` or `plan.base_year`; the base year is usually the year before the period starts (period 2022–2026, base year 2021).',
    },
    example: '# plan.yaml\nplan:\n  period:\n    start: 2022\n    end: 2026\n  base_year: 2022',
  },
  'year-outside-plan': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '年份超出规划期', en: 'Year outside the plan' },
    explain: {
      'zh-CN': '目标年份、逐年控制目标的起始年 `from` 或里程碑的完成时限在规划期之外；较基期变化目标的基数年份晚于基期年；或年度数据文件的年份不在基期年至规划期末之间。',
      en: 'A target year, a held target’s first year `from`, or a milestone’s due year lies outside the period; a change target’s base is later than the base year; or a year file’s year lies outside the base year to the period’s end.',
    },
    fix: {
      'zh-CN': '核对规划原文，改正该年份；如果规划期本身写错，改正 `plan.period`。',
      en: 'Check the plan’s text and correct the year; if the period itself is wrong, correct `plan.period`.',
    },
    example: '# plan.yaml  （规划期2022—2026年）\nindicators:\n  - id: gdp\n    target:\n      year: 2030\n      value: 3200\n      comparator: ">="',
  },
  'year-file-name': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '数据文件名与年份不符', en: 'Year file name does not match its year' },
    explain: {
      'zh-CN': '年度数据文件须以其年份命名：`data/2024.yaml` 中须写 `year: 2024`。文件名不是四位年份，或与文件中的 `year` 不一致。',
      en: 'A year file is named after its year: `data/2024.yaml` says `year: 2024`. Here the name is not a four-digit year, or differs from the file’s `year`.',
    },
    fix: {
      'zh-CN': '按提示重命名文件，或改正文件中的 `year`。',
      en: 'Rename the file, or correct its `year`, as the hint says.',
    },
    example: '# data/2024.yaml\nyear: 2025',
  },
  'duplicate-year': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '同一年份有两个数据文件', en: 'Two files for one year' },
    explain: {
      'zh-CN': '两个年度数据文件写的是同一年份，同一指标在这一年就会有两个数据。',
      en: 'Two year files hold the same year, so an indicator could have two figures for that year.',
    },
    fix: {
      'zh-CN': '把两个文件合并为一个。',
      en: 'Merge the two files into one.',
    },
    example: '# data/2024.yaml\nyear: 2024\n\n# data/2024.yml\nyear: 2024',
  },
  'target-value-missing': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '目标缺目标值或倍数', en: 'Target value or multiple missing' },
    explain: {
      'zh-CN': '按水平值表述的目标须写明目标值：倍增类（`kind: multiple`）指标写 `multiple` 而不写 `value`；其他指标写 `value`（或区间 `min`/`max`）而不写 `multiple`。',
      en: 'A level target must say what level: for an indicator of kind `multiple` it gives `multiple` and no `value`; for any other kind it gives `value` (or a range `min`/`max`) and no `multiple`.',
    },
    fix: {
      'zh-CN': '“翻番”写作 `multiple: 2`；其他目标写 `value:` 和 `comparator:`，或用 `type` 表明目标类型（`change`、`growth`、`cumulative`、`held`、`relative`、`qualitative`）。',
      en: 'Write 翻番 as `multiple: 2`; otherwise write `value:` with a `comparator:`, or give the target a `type` (change, growth, cumulative, held, relative, qualitative).',
    },
    example: '# plan.yaml\nindicators:\n  - id: top-talent\n    kind: multiple\n    target:\n      year: 2026\n      value: 2   # 应写 multiple: 2\n      comparator: ">="',
  },
  'target-invalid': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '目标的写法不完整或相互矛盾', en: 'Target fields do not fit its type' },
    explain: {
      'zh-CN': '目标的各项写法与其类型不符：较基期变化目标须在 `by`（按单位的变化量）和 `percent`（变化百分比）中恰好写一项；区间目标不能再写 `value` 或 `comparator`，且 `min` 不能大于 `max`；水平值目标须写 `comparator`；比较类目标不能与自身比较。',
      en: 'The target’s fields do not fit its type: a change target needs exactly one of `by` (in the unit) and `percent`; a range takes no `value` or `comparator`, and `min` may not exceed `max`; a level target needs a `comparator`; a relative target cannot compare the indicator with itself.',
    },
    fix: {
      'zh-CN': '按提示删除多余的键或补上缺少的键，例如“提高1岁”写 `by: 1`，“下降10%”写 `percent: -10`。',
      en: 'Delete the extra key or add the missing one, as the message says: 提高1岁 is `by: 1`, 下降10% is `percent: -10`.',
    },
    example: '# plan.yaml\nindicators:\n  - id: life-expectancy\n    target:\n      type: change\n      year: 2026\n      by: 1\n      percent: 1.2',
  },
  'observation-without-figure': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '数据条目未给出数据', en: 'Observation has no figure' },
    explain: {
      'zh-CN': '数据条目中 `value`、`growth`、`cumulative`、`judgement` 一项都没有，也没有标明 `missing`。这样的条目说不清是有数还是缺数。',
      en: 'An observation has none of `value`, `growth`, `cumulative` and `judgement`, and is not marked `missing`: it says neither what the figure is nor why there is none.',
    },
    fix: {
      'zh-CN': '填写公布的数据；尚未公布的，写 `missing: <原因>`。',
      en: 'Write the published figure, or `missing: <reason>` when none was published.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    unit: 亿元\n    scope: 全市\n    source: nbrb-2025-11-20',
  },
  'missing-with-value': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '标为缺数的条目又填了数据', en: 'Marked missing but has a figure' },
    explain: {
      'zh-CN': '条目标明了 `missing`，却同时写了 `value`、`bound`、`status`、`growth`、`cumulative` 或 `judgement`，前后矛盾。',
      en: 'An observation marked `missing` also has a `value`, `bound`, `status`, `growth`, `cumulative` or `judgement`: it contradicts itself.',
    },
    fix: {
      'zh-CN': '有数据就删除 `missing`；确实缺数就删除数据。',
      en: 'Delete `missing` if there is a figure, or the figure if there is none.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    missing: 未公布\n    value: 2929',
  },
  'target-direction-mismatch': {
    kinds: ['rule'],
    severity: 'error',
    title: { 'zh-CN': '目标比较符与指标方向相反', en: 'Comparator against the direction' },
    explain: {
      'zh-CN': '目标的 `comparator` 与指标的 `direction` 相反：越低越好的指标用了 `>=`/`>`，或越高越好的指标用了 `<=`/`<`。两者必有一处写错，评估结果会完全颠倒。',
      en: 'The target’s `comparator` points against the indicator’s `direction`: `>=`/`>` with lower is better, or `<=`/`<` with higher is better. One of them is wrong, and the assessment would be turned upside down.',
    },
    fix: {
      'zh-CN': '对照规划原文改正 `comparator` 或 `direction`（如“控制在……以内”“下降到……以下”是越低越好、`<=`）。',
      en: 'Check the plan’s wording and correct `comparator` or `direction` (控制在……以内 or 下降到……以下 is lower is better with `<=`).',
    },
    example: '# plan.yaml\nindicators:\n  - id: energy-intensity\n    direction: lower\n    target:\n      year: 2026\n      value: 0.45\n      comparator: ">="',
  },
  'action-pillar-mismatch': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '指标所属领域与行动不一致', en: 'Pillar differs from its actions’' },
    explain: {
      'zh-CN': '指标的 `pillar` 不是它所服务的任何一个行动所属的领域，报告中该指标会出现在与其行动不同的章节里。',
      en: 'The indicator’s `pillar` is not the pillar of any action it serves, so the report shows it in another section than its actions.',
    },
    fix: {
      'zh-CN': '核对规划原文，改正指标的 `pillar` 或 `actions`；如果确属跨领域，可以保留并在 `note` 中说明。',
      en: 'Check the plan and correct the indicator’s `pillar` or `actions`; if it really spans pillars, keep it and say so in `note`.',
    },
    example: '# plan.yaml\nactions:\n  - id: opening-up\n    pillar: hard-power\nindicators:\n  - id: trade\n    pillar: safe-happy\n    actions: [opening-up]',
  },
  'rank-direction': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '位次指标方向存疑', en: 'Rank said to be better when higher' },
    explain: {
      'zh-CN': '位次类（`kind: rank`）指标写了越高越好（`direction: higher`），而位次通常是第1位最好，数字越小越好。',
      en: 'A rank indicator (`kind: rank`) says higher is better (`direction: higher`), but rank 1 is usually best: the smaller the better.',
    },
    fix: {
      'zh-CN': '一般改为 `direction: lower`。',
      en: 'Usually write `direction: lower`.',
    },
    example: '# plan.yaml\nindicators:\n  - id: county-rank\n    unit: 位\n    kind: rank\n    direction: higher',
  },
  'attribute-unknown': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '指标属性未定', en: 'Attribute unknown' },
    explain: {
      'zh-CN': '指标的 `attribute` 为 `unknown`：规划没有说明它是预期性还是约束性。本工具不作猜测，不按约束性指标评估，因此它不会触发预警。',
      en: 'The indicator’s `attribute` is `unknown`: the plan does not say whether it is expected (预期性) or binding (约束性). Nothing is guessed: it is not assessed as binding, so it never raises an early warning (预警).',
    },
    fix: {
      'zh-CN': '规划明确后，改为 `expected`（预期性）或 `binding`（约束性）。',
      en: 'Once the plan says which, write `expected` (预期性) or `binding` (约束性).',
    },
    example: '# plan.yaml\nindicators:\n  - id: air-quality\n    attribute: unknown',
  },
  'relative-unit-mismatch': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '比较的两项指标单位不同', en: 'Relative target compares different units' },
    explain: {
      'zh-CN': '比较类目标（如“与经济增长基本同步”）把两个单位不同的指标放在一起比较，比较结果可能没有意义。',
      en: 'A relative target (such as 与经济增长基本同步) compares two indicators in different units, so the comparison may mean nothing.',
    },
    fix: {
      'zh-CN': '让比较的对象同为增速或同一单位：例如居民收入增长应与地区生产总值增速（%）比较，而不是与地区生产总值（亿元）比较。',
      en: 'Compare like with like: income growth (%) is compared with GDP growth (%), not with GDP (亿元).',
    },
    example: '# plan.yaml\nindicators:\n  - id: income-growth\n    unit: "%"\n    target:\n      type: relative\n      indicator: gdp   # gdp 的单位是 亿元\n      comparator: ">="',
  },

  // Data-quality warnings on the year files.

  'unit-mismatch': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '单位与指标不一致', en: 'Unit differs from the indicator’s' },
    explain: {
      'zh-CN': '数据的 `unit` 与指标的单位不同，且规划没有为该单位声明换算关系。这个数据与目标不可比，评估时不会使用。',
      en: 'The observation’s `unit` differs from the indicator’s, and the plan declares no conversion for it. The figure is not comparable with the target and the assessment does not use it.',
    },
    fix: {
      'zh-CN': '把数据换算为指标的单位；或在指标的 `conversions` 中声明换算系数（如 `万吨: 0.0001` 换算为亿吨），由本工具换算并在报告中注明。',
      en: 'Convert the figure to the indicator’s unit, or declare the factor under the indicator’s `conversions` (e.g. `万吨: 0.0001` into 亿吨) so that it is converted and the report says so.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    value: 29290000\n    unit: 万元   # 指标单位是 亿元\n    scope: 全市',
  },
  'scope-mismatch': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '统计口径与指标不一致', en: 'Scope differs from the indicator’s' },
    explain: {
      'zh-CN': '数据的统计口径与指标不同（如市级口径与全市口径），两者可能相差很大，这个数据评估时不会使用。',
      en: 'The observation’s scope differs from the indicator’s (e.g. 市级 against 全市). The two can differ a lot, and the assessment does not use the figure.',
    },
    fix: {
      'zh-CN': '找到指标口径的数据填入；找不到的，写 `missing:` 并说明只有其他口径的数据。',
      en: 'Find the figure in the indicator’s scope; if there is none, write `missing:` saying that only another scope was published.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    value: 2100\n    unit: 亿元\n    scope: 市级   # 指标口径是 全市',
  },
  'preliminary-value': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '初步核算数，可能修订', en: 'Preliminary figure, may be revised' },
    explain: {
      'zh-CN': '数据是初步核算数（`status: preliminary`），以后可能修订，据此得出的评估结论也可能随之改变。',
      en: 'The figure is preliminary (`status: preliminary`, 初步核算) and may be revised, and so may the assessment that rests on it.',
    },
    fix: {
      'zh-CN': '核实数公布后，更新 `value` 并改为 `status: final`。',
      en: 'When the final figure is published, update `value` and write `status: final`.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    value: 2929\n    unit: 亿元\n    scope: 全市\n    status: preliminary',
  },
  'estimated-value': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '预计数，非实际统计数', en: 'Estimate, not a measured value' },
    explain: {
      'zh-CN': '数据是预计数（`status: estimate`），例如年初政府工作报告中的“预计全年”，不是实际统计结果。',
      en: 'The figure is an estimate (`status: estimate`, 预计), such as a work report’s 预计全年, not a measured value.',
    },
    fix: {
      'zh-CN': '统计数公布后替换 `value`，并改为 `status: preliminary` 或 `final`。',
      en: 'Replace `value` when the statistic is published, and write `status: preliminary` or `final`.',
    },
    example: '# data/2025.yaml\nobservations:\n  gdp:\n    value: 3080\n    unit: 亿元\n    scope: 全市\n    status: estimate',
  },
  'baseline-estimate': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '基期值为预计数', en: 'Baseline is an estimate' },
    explain: {
      'zh-CN': '基期年的数据是预计数。所有完成进度和增速都以基期值为起点，基期值一变，评估结论都会跟着变。',
      en: 'The base year’s figure is an estimate (预计). Every completion and growth rate starts from the baseline, so all of them move when it does.',
    },
    fix: {
      'zh-CN': '在基期年数据文件中换上公布的统计数，并改写 `status`。',
      en: 'Replace it with the published figure in the base year’s file, and update `status`.',
    },
    example: '# data/2021.yaml\nobservations:\n  gdp:\n    value: 2300\n    unit: 亿元\n    scope: 全市\n    status: estimate',
  },
  'bound-value': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '来源只给出上限或下限', en: 'Only a bound is known' },
    explain: {
      'zh-CN': '来源只说了“突破”“超过”“不足”某数，数据只是下限或上限（`bound`），不是确切值。评估按这个界值计算，报告会注明。',
      en: 'The source only says 突破, 超过 or 不足 some number: the figure is a lower or upper bound (`bound`), not an exact value. The assessment computes with the bound, and the report says so.',
    },
    fix: {
      'zh-CN': '找到确切数后填入 `value` 并删除 `bound`。',
      en: 'When the exact figure is found, write it as `value` and delete `bound`.',
    },
    example: '# data/2024.yaml\nobservations:\n  trade:\n    value: 1000\n    bound: at-least\n    unit: 亿元\n    scope: 全市\n    quote: 外贸进出口总额突破1000亿元',
  },
  'measure-differs': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '发布名称与指标不同，定义可能不一致', en: 'Published under another name: the definition may differ' },
    explain: {
      'zh-CN': '数据发布时使用的名称（`measure`）既不是指标名称，也不在其别名（`aliases`）中，统计定义可能不同，例如“外贸进出口总额”与“自营进出口总额”。',
      en: 'The figure was published under a name (`measure`) that is neither the indicator’s name nor one of its `aliases`, so the definition may differ, as 外贸进出口总额 may from 自营进出口总额.',
    },
    fix: {
      'zh-CN': '确认是同一统计指标后，把该名称加入指标的 `aliases`；不是同一指标的，不要填在这里。',
      en: 'If it is the same measure, add the name to the indicator’s `aliases`; if not, do not record the figure here.',
    },
    example: '# data/2024.yaml\nobservations:\n  trade:\n    value: 1318\n    unit: 亿元\n    scope: 全市\n    measure: 外贸进出口总额',
  },
  'implausible-jump': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '同比变化异常', en: 'Implausible year-over-year change' },
    explain: {
      'zh-CN': '总量、数量、累计和倍增类指标与上一个有数的年份相比，年均变化超过阈值（默认每年±50%；隔几年才有数的，按年均计算）。这往往是口径、单位或定义变了，或录入错误。比重、比率和位次类指标不作此检查。',
      en: 'A level, count, cumulative or multiple indicator changes by more than the threshold (±50% a year by default) from the previous year with a figure; across a gap of several years the change per year counts. This often means a change of scope, unit or definition, or a typing error. Percentages, ratios and ranks are not checked.',
    },
    fix: {
      'zh-CN': '核对口径、单位、定义和录入的数字；确实如此的，在 `note` 中说明原因。阈值可在 `plan.assessment.jump_threshold` 中设定。',
      en: 'Check scope, unit, definition and the number typed; if it is right, explain it in `note`. The threshold is `plan.assessment.jump_threshold`.',
    },
    example: '# data/2022.yaml\nobservations:\n  gdp:\n    value: 2008\n# data/2023.yaml\nobservations:\n  gdp:\n    value: 3400   # +69%',
  },
  'mixed-vintage': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '与基期值的数据版本不同', en: 'Figure and baseline of different vintages' },
    explain: {
      'zh-CN': '这个数据与基期值的 `vintage` 不同（例如一个是初次公布数，一个是经济普查后的修订数），两者之间算出的增长混入了修订的影响。',
      en: 'The figure and its baseline come from different `vintage`s (say, a first release and a census revision), so growth between them mixes in the revision.',
    },
    fix: {
      'zh-CN': '尽量使用同一版本的基期值和本年值（例如同时采用修订后的数）；做不到的，在 `note` 中说明。',
      en: 'Use a baseline and a value of one vintage (e.g. both revised); if that is not possible, say so in `note`.',
    },
    example: '# data/2021.yaml\nobservations:\n  gdp:\n    value: 2300\n    vintage: 初次公布\n# data/2024.yaml\nobservations:\n  gdp:\n    value: 2929\n    vintage: 修订后口径',
  },
  'observation-absent': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '数据文件未列此项', en: 'No entry in the year file' },
    explain: {
      'zh-CN': '年度数据文件中没有这个指标的条目。缺数须写明原因，以区分“没有找到”和“忘了填”。',
      en: 'A year file has no entry for an indicator. A missing figure is recorded with its reason, so that “not found” differs from “forgotten”.',
    },
    fix: {
      'zh-CN': '在该年数据文件的 `observations` 下补充这个指标的数据，或写 `missing: <原因>`。',
      en: 'Add the indicator under `observations` in that year’s file, with its figure or `missing: <reason>`.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    value: 2929\n# 没有 trade 的条目',
  },
  'baseline-missing': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '缺基期值', en: 'No baseline' },
    explain: {
      'zh-CN': '目标按水平值表述（含倍增、区间）或为未自带基数的较基期变化，而基期年没有数据（未列或标为缺数），完成进度无法计算。累计类指标和其他类型的目标不需要基期值，不作此检查。',
      en: 'An indicator whose target is a level (a value, a multiple or a range) or a change without its own base has no figure for the base year (no entry, or marked missing), so its completion cannot be computed. Cumulative indicators and the other target types need no baseline and are not checked.',
    },
    fix: {
      'zh-CN': '在基期年数据文件中填写基期值；规划文本给出了基数的较基期变化目标，可在目标的 `base` 中写明。',
      en: 'Write the baseline in the base year’s file; for a change target whose base the plan states, give it as the target’s `base`.',
    },
    example: '# data/2021.yaml\nobservations:\n  rd-intensity:\n    missing: 未找到公开数据',
  },
  'base-year-file-missing': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '缺基期年数据文件', en: 'No data file for the base year' },
    explain: {
      'zh-CN': '没有基期年的数据文件，所有指标的基期值都不知道，完成进度和增速都无法计算。',
      en: 'There is no year file for the base year, so no baseline is known and no completion or growth rate can be computed.',
    },
    fix: {
      'zh-CN': '新建 `data/<基期年>.yaml`，填写各指标的基期值。',
      en: 'Add `data/<base year>.yaml` with each indicator’s baseline.',
    },
    example: '# plan.yaml\nplan:\n  base_year: 2021\n# plan/data/ 下没有 2021.yaml',
  },
  'control-character': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '文本含不可见的控制字符', en: 'Invisible control character in text' },
    explain: {
      'zh-CN': '文本中含有控制字符（制表符和换行除外）、双向文字覆盖或隔离符，或零宽字符，诊断中以 U+XXXX 标出。这些字符看不见，却能让文本显示得与实际内容不同，或扰乱终端。',
      en: 'A text holds a control character (tab and line break aside), a bidi override or isolate, or a zero-width character, named as U+XXXX in the message. They are invisible, yet they can make a text read differently from what it holds, or disturb a terminal.',
    },
    fix: {
      'zh-CN': '删除所指出的字符（多半是从网页或文档复制时带进来的）。',
      en: 'Delete the character named (it usually came in with text copied from a web page or a document).',
    },
    example: 'indicators:\n  - id: gdp\n    name: "地区生产总值\\u202e"   # U+202E 从右至左覆盖',
  },
  'lookalike-character': {
    kinds: ['rule'],
    severity: 'warning',
    title: { 'zh-CN': '文本含外形与汉字相同的部首或兼容字符', en: 'Radical or compatibility character in place of an ideograph' },
    explain: {
      'zh-CN': '文本中有康熙部首（如 ⼀ U+2F00）或 CJK 兼容汉字，外形与常用汉字（一 U+4E00）相同，却是另一个字符：检索、排序和比较时与该汉字不相符，PDF 报告的文字层也可能把两者混为一谈。从 PDF 中复制的文字常带有这类字符。',
      en: 'A text holds a Kangxi radical (such as ⼀ U+2F00) or a CJK compatibility ideograph that looks like a common ideograph (一 U+4E00) but is another character: searching, sorting and comparing do not match it, and the PDF report’s text layer may confuse the two. Text copied from PDFs often holds such characters.',
    },
    fix: {
      'zh-CN': '把所指出的字符替换为诊断中给出的汉字（Unicode NFKC 规范化即可得到）。',
      en: 'Replace each character named with the ideograph the message gives (its Unicode NFKC normal form).',
    },
    example: 'indicators:\n  - id: industry\n    name: 规上⼯业增加值   # ⼯ U+2F2F，应为 工 U+5DE5',
  },
} as const satisfies Record<string, CodeEntry>;
