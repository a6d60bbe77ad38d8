import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { splitPointer } from '../src/diagnostic.js';
import type { Diagnostic } from '../src/diagnostic.js';
import type { Indicator, LevelTarget, Observation, PlanData, YearData } from '../src/model.js';
import { RULES, checkRules } from '../src/validate/rules.js';
import { createSuggester, editDistance, suggest } from '../src/validate/suggest.js';
import { PLAN_FILE, buildPlan, indicatorOf, obsOf, yearFile, yearOf } from './support/plan-builder.js';

/** The parts of a diagnostic every test pins. */
function where(d: Diagnostic): { code: string; severity: string; file: string; pointer: string | undefined } {
  return { code: d.code, severity: d.severity, file: d.file, pointer: d.pointer };
}

/** The diagnostics of `code`, located. */
function located(data: PlanData, code: string): ReturnType<typeof where>[] {
  return checkRules(data).filter((d) => d.code === code).map(where);
}

/** The single diagnostic of `code` (fails when there is not exactly one). */
function onlyOne(data: PlanData, code: string): Diagnostic {
  const found = checkRules(data).filter((d) => d.code === code);
  expect(found, `diagnostics with code ${code}`).toHaveLength(1);
  return found[0]!;
}

const plan = (pointer: string, code: string, severity = 'error') => ({ code, severity, file: PLAN_FILE, pointer });
const inYear = (year: number, pointer: string, code: string, severity = 'warning') => ({
  code, severity, file: yearFile(year), pointer,
});

/** Resolve a JSON pointer in a value; undefined when some segment does not exist. */
function resolvePointer(root: unknown, ptr: string): unknown {
  let node: unknown = root;
  for (const seg of splitPointer(ptr)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

describe('suggest', () => {
  it('suggests the id one edit away', () => {
    expect(suggest('hard-powr', ['quality-life', 'hard-power'])).toBe('hard-power');
  });

  it('counts two swapped letters as one edit', () => {
    expect(suggest('targte', ['title', 'target', 'year'])).toBe('target');
    expect(editDistance('targte', 'target')).toBe(1);
  });

  it('ignores case when comparing', () => {
    expect(suggest('GDP', ['gdp', 'rd-share'])).toBe('gdp');
  });

  it('suggests nothing when every candidate is far away', () => {
    expect(suggest('population', ['gdp', 'rd-share'])).toBeUndefined();
    expect(suggest('全市', ['市级'])).toBeUndefined();
  });

  it('never suggests the word itself and prefers the earlier of equally near candidates', () => {
    expect(suggest('gdp', ['gdp'])).toBeUndefined();
    expect(suggest('cat', ['bat', 'hat'])).toBe('bat');
  });

  it('prefers the nearer candidate over the earlier one', () => {
    expect(suggest('industry-chain', ['industry-chains-x', 'industry-chains'])).toBe('industry-chains');
  });

  it('answers like suggest when made once for many lookups', () => {
    const near = createSuggester(['quality-life', 'hard-power', 'hard-powers']);
    expect(near('hard-powr')).toBe('hard-power');
    expect(near('hard-powr')).toBe('hard-power');
    expect(near('soft-power-x')).toBeUndefined();
    expect(createSuggester(['bat', 'hat'])('cat')).toBe('bat');
    expect(createSuggester(['hat', 'bat'])('cat')).toBe('hat');
  });

  it('stops suggesting once its budget of comparisons is spent', () => {
    const near = createSuggester(['alpha', 'beta'], 2);
    expect(near('alpah')).toBe('alpha');
    expect(near('betta')).toBeUndefined();
    expect(near('alpah')).toBe('alpha');
  });

  it('gives up early once the distance exceeds the bound', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBeGreaterThan(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('checkRules', () => {
  it('reports nothing on a valid plan', () => {
    expect(checkRules(buildPlan())).toEqual([]);
  });

  it('lists every code it reports in RULES with its severity', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('duplicate-id');
    expect(codes).toContain('observation-absent');
  });

  describe('duplicate-id', () => {
    it.each([
      ['pillars', 'pillar'],
      ['actions', 'action'],
      ['indicators', 'indicator'],
      ['milestones', 'milestone'],
      ['sources', 'source'],
      ['scopes', 'scope'],
    ] as const)('reports the second of two %s with the same id, naming the first', (plural, single) => {
      const data = buildPlan();
      const list = data.plan[plural] as Array<{ id: string }>;
      list.push({ ...list[0]! });
      const d = onlyOne(data, 'duplicate-id');
      expect(where(d)).toEqual(plan(`/${plural}/${list.length - 1}/id`, 'duplicate-id'));
      expect(d.message).toBe(`${single} id \`${list[0]!.id}\` is already used by ${single} 1 of \`${plural}\``);
    });
  });

  describe('unknown references', () => {
    it('reports an indicator whose pillar is unknown and suggests the nearest pillar', () => {
      const data = buildPlan();
      indicatorOf(data, 'gdp').pillar = 'hard-powr';
      const d = onlyOne(data, 'unknown-pillar');
      expect(where(d)).toEqual(plan('/indicators/0/pillar', 'unknown-pillar'));
      expect(d.message).toBe('indicator `gdp` refers to unknown pillar `hard-powr`');
      expect(d.hint).toBe('did you mean `hard-power`?');
    });

    it('reports an action whose pillar is unknown and says where to declare it when nothing is near', () => {
      const data = buildPlan();
      data.plan.actions[2]!.pillar = 'safety';
      const d = onlyOne(data, 'unknown-pillar');
      expect(where(d)).toEqual(plan('/actions/2/pillar', 'unknown-pillar'));
      expect(d.hint).toBe(`declare it under \`pillars\` in ${PLAN_FILE}`);
    });

    it('reports an unknown action among the actions an indicator serves', () => {
      const data = buildPlan();
      indicatorOf(data, 'little-giants').actions[1] = 'industri';
      const d = onlyOne(data, 'unknown-action');
      expect(where(d)).toEqual(plan('/indicators/2/actions/1', 'unknown-action'));
      expect(d.hint).toBe('did you mean `industry`?');
    });

    it('reports a milestone whose action is unknown', () => {
      const data = buildPlan();
      data.plan.milestones[1]!.action = 'ecolgy';
      expect(located(data, 'unknown-action')).toEqual([plan('/milestones/1/action', 'unknown-action')]);
    });

    it('reports an indicator whose scope is unknown', () => {
      const data = buildPlan();
      indicatorOf(data, 'rd-share').scope = 'town';
      expect(located(data, 'unknown-scope')).toEqual([plan('/indicators/1/scope', 'unknown-scope')]);
    });

    it.each([
      ['the plan', (d: PlanData) => { d.plan.plan.source = 'nope'; }, PLAN_FILE, '/plan/source'],
      ['an indicator', (d: PlanData) => { indicatorOf(d, 'gdp').source = 'nope'; }, PLAN_FILE, '/indicators/0/source'],
      ['a milestone', (d: PlanData) => { d.plan.milestones[1]!.source = 'nope'; }, PLAN_FILE, '/milestones/1/source'],
      ['an observation', (d: PlanData) => { obsOf(d, 2022, 'gdp').source = 'nope'; }, yearFile(2022), '/observations/gdp/source'],
      ['a milestone state', (d: PlanData) => { yearOf(d, 2023).milestones!['eco-city']!.source = 'nope'; }, yearFile(2023), '/milestones/eco-city/source'],
    ])('reports an unknown source in %s', (_what, mutate, file, pointer) => {
      const data = buildPlan();
      mutate(data);
      expect(located(data, 'unknown-source')).toEqual([{ code: 'unknown-source', severity: 'error', file, pointer }]);
    });

    it('reports an observation for an unknown indicator and suggests the declared id', () => {
      const data = buildPlan();
      yearOf(data, 2022).observations['gpd'] = { value: 1, unit: '亿元', scope: 'city', status: 'final', source: 'stats' };
      const d = onlyOne(data, 'unknown-indicator');
      expect(where(d)).toEqual(inYear(2022, '/observations/gpd', 'unknown-indicator', 'error'));
      expect(d.hint).toBe('did you mean `gdp`?');
      expect(checkRules(data)).toHaveLength(1);
    });

    it('reports an observation whose scope is unknown without also calling it a scope mismatch', () => {
      const data = buildPlan();
      obsOf(data, 2022, 'gdp').scope = 'cty';
      expect(checkRules(data).map(where)).toEqual([inYear(2022, '/observations/gdp/scope', 'unknown-scope', 'error')]);
    });

    it('reports a milestone state for an unknown milestone', () => {
      const data = buildPlan();
      yearOf(data, 2022).milestones!['rail-stations'] = { state: 'done', source: 'stats' };
      const d = onlyOne(data, 'unknown-milestone');
      expect(where(d)).toEqual(inYear(2022, '/milestones/rail-stations', 'unknown-milestone', 'error'));
      expect(d.hint).toBe('did you mean `rail-station`?');
    });

    it('treats ids that are names of Object.prototype members as unknown', () => {
      const data = buildPlan();
      indicatorOf(data, 'gdp').pillar = 'constructor';
      yearOf(data, 2022).observations['constructor'] = { missing: '无' };
      expect(checkRules(data).map(where)).toEqual([
        plan('/indicators/0/pillar', 'unknown-pillar'),
        inYear(2022, '/observations/constructor', 'unknown-indicator', 'error'),
      ]);
    });
  });

  describe('period-invalid', () => {
    it('reports a period that ends before it starts', () => {
      const data = buildPlan();
      data.plan.plan.period = { start: 2022, end: 2020 };
      const d = onlyOne(data, 'period-invalid');
      expect(where(d)).toEqual(plan('/plan/period/end', 'period-invalid'));
      expect(d.message).toBe('period ends in 2020, before it starts in 2022');
    });

    it('reports a base year that is not before the period', () => {
      const data = buildPlan();
      data.plan.plan.base_year = 2022;
      expect(located(data, 'period-invalid')).toEqual([plan('/plan/base_year', 'period-invalid')]);
    });
  });

  describe('year-outside-plan', () => {
    it('reports a target year after the period', () => {
      const data = buildPlan();
      (indicatorOf(data, 'gdp').target as LevelTarget).year = 2030;
      expect(checkRules(data).map(where)).toEqual([plan('/indicators/0/target/year', 'year-outside-plan')]);
    });

    it('reports a milestone due after the period', () => {
      const data = buildPlan();
      data.plan.milestones[0]!.due = 2027;
      expect(checkRules(data).map(where)).toEqual([plan('/milestones/0/due', 'year-outside-plan')]);
    });

    it('reports a year file before the base year', () => {
      const data = buildPlan();
      const y2020: YearData = { ...structuredClone(yearOf(data, 2021)), file: yearFile(2020), year: 2020 };
      data.years.unshift(y2020);
      expect(checkRules(data).map(where)).toEqual([inYear(2020, '/year', 'year-outside-plan', 'error')]);
    });
  });

  describe('year-file-name', () => {
    it('reports a year that does not match the file name', () => {
      const data = buildPlan();
      yearOf(data, 2023).file = yearFile(2024);
      const d = onlyOne(data, 'year-file-name');
      expect(where(d)).toEqual(inYear(2024, '/year', 'year-file-name', 'error'));
      expect(d.message).toBe('year 2023 does not match the file name `2024.yaml`');
    });

    it('reports a year file whose name is not a year', () => {
      const data = buildPlan();
      yearOf(data, 2023).file = 'plan/data/latest.yaml';
      expect(checkRules(data).map(where)).toEqual([
        { code: 'year-file-name', severity: 'error', file: 'plan/data/latest.yaml', pointer: '/year' },
      ]);
    });

    it('accepts Windows paths and .yml', () => {
      const data = buildPlan();
      yearOf(data, 2023).file = 'plan\\data\\2023.yml';
      expect(checkRules(data)).toEqual([]);
    });

    it('reads the year from the path, not from the name shown with a revision', () => {
      const data = buildPlan();
      for (const rev of ['origin/main', 'feature/x.y', 'v1.0', 'HEAD~1']) {
        const y = yearOf(data, 2023);
        y.file = `plan/data/2023.yaml@${rev}`;
        y.path = 'plan/data/2023.yaml';
        expect(checkRules(data), rev).toEqual([]);
        y.path = 'plan/data/2022.yaml';
        expect(onlyOne(data, 'year-file-name').message, rev).toBe('year 2023 does not match the file name `2022.yaml`');
      }
    });
  });

  it('reports the second of two year files for the same year (duplicate-year)', () => {
    const data = buildPlan();
    data.years.push({ ...structuredClone(yearOf(data, 2023)), file: 'plan/old/2023.yaml' });
    const d = onlyOne(data, 'duplicate-year');
    expect(where(d)).toEqual({ code: 'duplicate-year', severity: 'error', file: 'plan/old/2023.yaml', pointer: '/year' });
    expect(d.message).toContain(yearFile(2023));
  });

  describe('target-value-missing', () => {
    it('reports a multiple target without `multiple`', () => {
      const data = buildPlan();
      indicatorOf(data, 'little-giants').target = { year: 2026, comparator: '>=' };
      expect(checkRules(data).map(where)).toEqual([plan('/indicators/2/target', 'target-value-missing')]);
    });

    it('reports a multiple target that also has a value', () => {
      const data = buildPlan();
      (indicatorOf(data, 'little-giants').target as LevelTarget).value = 60;
      expect(checkRules(data).map(where)).toEqual([plan('/indicators/2/target/value', 'target-value-missing')]);
    });

    it('reports a level target without a value', () => {
      const data = buildPlan();
      delete (indicatorOf(data, 'gdp').target as LevelTarget).value;
      expect(checkRules(data).map(where)).toEqual([plan('/indicators/0/target', 'target-value-missing')]);
    });

    it('reports a count target with a multiple', () => {
      const data = buildPlan();
      (indicatorOf(data, 'industry-chains').target as LevelTarget).multiple = 2;
      expect(checkRules(data).map(where)).toEqual([plan('/indicators/3/target/multiple', 'target-value-missing')]);
    });

    it('accepts an indicator without a target', () => {
      const data = buildPlan();
      delete indicatorOf(data, 'gdp').target;
      expect(checkRules(data)).toEqual([]);
    });
  });

  it('reports a `missing` entry that also has a value (missing-with-value)', () => {
    const data = buildPlan();
    yearOf(data, 2023).observations['green-investment'] = { missing: '未公布', value: 20, status: 'final' };
    const d = onlyOne(data, 'missing-with-value');
    expect(where(d)).toEqual(inYear(2023, '/observations/green-investment/value', 'missing-with-value', 'error'));
    expect(d.message).toBe('`green-investment` is marked missing but also has `value`, `status`');
  });

  describe('action-pillar-mismatch', () => {
    it('warns about an indicator under a pillar none of its actions is under', () => {
      const data = buildPlan();
      indicatorOf(data, 'gdp').pillar = 'quality-life';
      expect(checkRules(data).map(where)).toEqual([plan('/indicators/0/pillar', 'action-pillar-mismatch', 'warning')]);
    });

    it('accepts an indicator when one of its actions is under its pillar', () => {
      const data = buildPlan();
      indicatorOf(data, 'little-giants').actions = ['ecology', 'talent'];
      expect(checkRules(data)).toEqual([]);
    });
  });

  describe('target-direction-mismatch', () => {
    it('reports `>=` on an indicator where lower is better', () => {
      const data = buildPlan();
      indicatorOf(data, 'gdp').direction = 'lower';
      const d = onlyOne(data, 'target-direction-mismatch');
      expect(where(d)).toEqual(plan('/indicators/0/target/comparator', 'target-direction-mismatch'));
      expect(checkRules(data)).toHaveLength(1);
    });

    it('reports `<` on an indicator where higher is better', () => {
      const data = buildPlan();
      (indicatorOf(data, 'rd-share').target as LevelTarget).comparator = '<';
      expect(checkRules(data).map(where)).toEqual([plan('/indicators/1/target/comparator', 'target-direction-mismatch')]);
    });

    it('accepts `=` in either direction', () => {
      const data = buildPlan();
      (indicatorOf(data, 'rd-share').target as LevelTarget).comparator = '=';
      (indicatorOf(data, 'gdp').target as LevelTarget).comparator = '=';
      indicatorOf(data, 'gdp').direction = 'lower';
      expect(checkRules(data)).toEqual([]);
    });
  });

  it('warns about a rank indicator where higher is better (rank-direction)', () => {
    const data = buildPlan();
    indicatorOf(data, 'rd-share').kind = 'rank';
    expect(checkRules(data).map(where)).toEqual([plan('/indicators/1/direction', 'rank-direction', 'warning')]);
  });

  describe('data quality', () => {
    it('warns about an observation in another currency (unit-mismatch)', () => {
      const data = buildPlan();
      obsOf(data, 2022, 'gdp').unit = '亿美元';
      const d = onlyOne(data, 'unit-mismatch');
      expect(where(d)).toEqual(inYear(2022, '/observations/gdp/unit', 'unit-mismatch'));
      expect(d.message).toBe('`gdp` 2022 is in 亿美元, but indicator `gdp` is in 亿元: not comparable');
      expect(checkRules(data)).toHaveLength(1);
    });

    it('warns about an observation of another scope (scope-mismatch)', () => {
      const data = buildPlan();
      obsOf(data, 2022, 'gdp').scope = 'city-proper';
      expect(checkRules(data).map(where)).toEqual([inYear(2022, '/observations/gdp/scope', 'scope-mismatch')]);
    });

    it('warns about a preliminary figure (preliminary-value)', () => {
      const data = buildPlan();
      obsOf(data, 2022, 'gdp').status = 'preliminary';
      expect(checkRules(data).map(where)).toEqual([inYear(2022, '/observations/gdp/status', 'preliminary-value')]);
    });

    it('warns about an estimated figure after the base year (estimated-value)', () => {
      const data = buildPlan();
      obsOf(data, 2023, 'gdp').status = 'estimate';
      expect(checkRules(data).map(where)).toEqual([inYear(2023, '/observations/gdp/status', 'estimated-value')]);
    });

    it('warns about a baseline stated as an estimate (baseline-estimate)', () => {
      const data = buildPlan();
      obsOf(data, 2021, 'gdp').status = 'estimate';
      expect(checkRules(data).map(where)).toEqual([inYear(2021, '/observations/gdp/status', 'baseline-estimate')]);
    });

    it('warns about a figure that is only a lower bound (bound-value)', () => {
      const data = buildPlan();
      obsOf(data, 2022, 'gdp').bound = 'at-least';
      const d = onlyOne(data, 'bound-value');
      expect(where(d)).toEqual(inYear(2022, '/observations/gdp/bound', 'bound-value'));
      expect(d.message).toBe('`gdp` 2022 is only a bound: at least 2521.58');
    });

    describe('control-character', () => {
      it('warns about a bidi override in a name, naming it as U+XXXX', () => {
        const data = buildPlan();
        indicatorOf(data, 'rd-share').name = 'R&D\u202E比重';
        const d = onlyOne(data, 'control-character');
        expect(where(d)).toEqual(plan('/indicators/1/name', 'control-character', 'warning'));
        expect(d.message).toBe('`name` holds U+202E (RIGHT-TO-LEFT OVERRIDE), which is invisible and can make the text read differently from what it holds');
        expect(d.hint).toBe('delete it: such characters come along when text is copied from web pages and PDFs');
      });

      it('names each kind of character once, C0 and C1 controls and zero-width ones alike', () => {
        const data = buildPlan();
        yearOf(data, 2022).milestones!['rail-station']!.note = 'a\u0007b\u200Bc\u0085d\u200Be\u2066f\uFEFF';
        const d = onlyOne(data, 'control-character');
        expect(where(d)).toEqual(inYear(2022, '/milestones/rail-station/note', 'control-character'));
        expect(d.message).toBe('`note` holds U+0007 (BELL), U+200B (ZERO WIDTH SPACE), U+0085 (NEXT LINE) and 2 more, which are invisible and can make the text read differently from what they hold');
      });

      it('looks into every string of the plan and the year files, in lists too', () => {
        const data = buildPlan();
        data.plan.sources[1]!.title = '统计\u001B[31m公报';
        data.plan.actions[0]!.measures = ['一', '二\u2069'];
        obsOf(data, 2023, 'gdp').quote = '\u00A0\u200D';
        expect(located(data, 'control-character')).toEqual([
          plan('/sources/1/title', 'control-character', 'warning'),
          plan('/actions/0/measures/1', 'control-character', 'warning'),
          inYear(2023, '/observations/gdp/quote', 'control-character'),
        ]);
      });

      it('accepts tabs, line breaks and visible Unicode', () => {
        const data = buildPlan();
        obsOf(data, 2023, 'gdp').note = '第一行\n\t第二行 — “引号” 🙂 é';
        expect(checkRules(data)).toEqual([]);
      });
    });

    describe('lookalike-character', () => {
      it('warns about Kangxi radicals and compatibility ideographs, naming the ideograph meant', () => {
        const data = buildPlan();
        indicatorOf(data, 'rd-share').name = 'R&D经费⽀出占⽐';
        const d = onlyOne(data, 'lookalike-character');
        expect(where(d)).toEqual(plan('/indicators/1/name', 'lookalike-character', 'warning'));
        expect(d.message).toBe('`name` holds ⽀ U+2F40 for 支 U+652F, ⽐ U+2F50 for 比 U+6BD4: they look the same, but a search for the ideographs does not find them');
        obsOf(data, 2023, 'gdp').quote = '全市生產總值（\uF9FE）';
        expect(located(data, 'lookalike-character')).toEqual([
          plan('/indicators/1/name', 'lookalike-character', 'warning'),
          inYear(2023, '/observations/gdp/quote', 'lookalike-character'),
        ]);
      });

      it('accepts ideographs, and compatibility code points that are ideographs themselves', () => {
        const data = buildPlan();
        // U+FA0E is a unified ideograph inside the compatibility block: no other character is meant.
        obsOf(data, 2023, 'gdp').note = '一工支比 \uFA0E';
        expect(checkRules(data)).toEqual([]);
      });
    });

    it('warns about a figure published under another name (measure-differs)', () => {
      const data = buildPlan();
      obsOf(data, 2022, 'gdp').measure = '市级生产总值';
      expect(checkRules(data).map(where)).toEqual([inYear(2022, '/observations/gdp/measure', 'measure-differs')]);
    });

    it('accepts a measure equal to the indicator name or one of its aliases', () => {
      const data = buildPlan();
      obsOf(data, 2022, 'gdp').measure = '地区生产总值';
      obsOf(data, 2022, 'little-giants').measure = '专精特新小巨人企业';
      expect(checkRules(data)).toEqual([]);
    });

    it('warns about a jump beyond ±50% from the previous year, giving both values and the change', () => {
      const data = buildPlan();
      obsOf(data, 2021, 'gdp').value = 480;
      obsOf(data, 2022, 'gdp').value = 1043.3;
      obsOf(data, 2023, 'gdp').value = 1100;
      const d = onlyOne(data, 'implausible-jump');
      expect(where(d)).toEqual(inYear(2022, '/observations/gdp/value', 'implausible-jump'));
      expect(d.message).toBe('地区生产总值 jumps +117% from 480 (2021) to 1043.3 (2022)');
    });

    it('compares with the nearest earlier year that has a value', () => {
      const data = buildPlan();
      yearOf(data, 2022).observations['gdp'] = { missing: '未公布' };
      obsOf(data, 2023, 'gdp').value = 500;
      const d = onlyOne(data, 'implausible-jump');
      expect(where(d)).toEqual(inYear(2023, '/observations/gdp/value', 'implausible-jump'));
      expect(d.message).toBe('地区生产总值 jumps -79% from 2379.2 (2021) to 500 (2023), -54% a year');
    });

    it('holds the threshold per year across a gap: a change that would pass year by year passes', () => {
      const data = buildPlan();
      yearOf(data, 2022).observations['gdp'] = { missing: '未公布' };
      // +100% in two years is +41% a year; -58% is -35% a year.
      obsOf(data, 2023, 'gdp').value = 4758.4;
      expect(located(data, 'implausible-jump')).toEqual([]);
      obsOf(data, 2023, 'gdp').value = 1000;
      expect(located(data, 'implausible-jump')).toEqual([]);
    });

    it('uses the jump threshold the plan sets', () => {
      const data = buildPlan();
      data.plan.plan.assessment = { jump_threshold: 0.05 };
      // In the order the rule finds them: indicator by indicator, year by year.
      expect(located(data, 'implausible-jump')).toEqual([
        inYear(2022, '/observations/gdp/value', 'implausible-jump'),
        inYear(2023, '/observations/gdp/value', 'implausible-jump'),
        inYear(2022, '/observations/little-giants/value', 'implausible-jump'),
        inYear(2023, '/observations/little-giants/value', 'implausible-jump'),
        inYear(2022, '/observations/industry-chains/value', 'implausible-jump'),
        inYear(2023, '/observations/industry-chains/value', 'implausible-jump'),
        inYear(2022, '/observations/green-investment/value', 'implausible-jump'),
      ]);
    });

    it('does not judge jumps of percentages, nor of values in another unit or scope', () => {
      const data = buildPlan();
      obsOf(data, 2022, 'rd-share').value = 9;
      Object.assign(obsOf(data, 2022, 'gdp'), { value: 400, unit: '亿美元' });
      Object.assign(obsOf(data, 2023, 'gdp'), { value: 1689.44, scope: 'city-proper' });
      expect(located(data, 'implausible-jump')).toEqual([]);
    });

    it('warns when an observation and its baseline come from different vintages (mixed-vintage)', () => {
      const data = buildPlan();
      obsOf(data, 2021, 'gdp').vintage = '初次发布';
      obsOf(data, 2022, 'gdp').vintage = '初次发布';
      obsOf(data, 2023, 'gdp').vintage = '五经普修订';
      const d = onlyOne(data, 'mixed-vintage');
      expect(where(d)).toEqual(inYear(2023, '/observations/gdp/vintage', 'mixed-vintage'));
      expect(checkRules(data)).toHaveLength(1);
    });

    it('warns about a year file without an entry for an indicator (observation-absent)', () => {
      const data = buildPlan();
      delete yearOf(data, 2022).observations['rd-share'];
      const d = onlyOne(data, 'observation-absent');
      expect(where(d)).toEqual(inYear(2022, '/observations', 'observation-absent'));
      expect(d.message).toContain('`rd-share`');
      expect(d.message).toContain('add an observation or `missing: <reason>`');
      expect(checkRules(data)).toHaveLength(1);
    });

    it('warns when the base year has no entry for an indicator with a target (baseline-missing)', () => {
      const data = buildPlan();
      delete yearOf(data, 2021).observations['gdp'];
      expect(checkRules(data).map(where)).toEqual([inYear(2021, '/observations', 'baseline-missing')]);
    });

    it('warns when the base year marks the baseline of a targeted indicator missing', () => {
      const data = buildPlan();
      yearOf(data, 2021).observations['little-giants'] = { missing: '未公布' };
      expect(checkRules(data).map(where)).toEqual([inYear(2021, '/observations/little-giants', 'baseline-missing')]);
    });

    it('needs no baseline for a cumulative target or an indicator without a target', () => {
      const data = buildPlan();
      yearOf(data, 2021).observations['green-investment'] = { missing: '未公布' };
      delete indicatorOf(data, 'rd-share').target;
      yearOf(data, 2021).observations['rd-share'] = { missing: '未公布' };
      expect(checkRules(data)).toEqual([]);
      delete yearOf(data, 2021).observations['green-investment'];
      expect(checkRules(data).map(where)).toEqual([inYear(2021, '/observations', 'observation-absent')]);
    });

    it('warns once on the plan when there is no year file for the base year (base-year-file-missing)', () => {
      const data = buildPlan();
      data.years = data.years.filter((y) => y.year !== 2021);
      expect(checkRules(data).map(where)).toEqual([plan('/plan/base_year', 'base-year-file-missing', 'warning')]);
    });

    it('ignores quality of entries marked missing', () => {
      const data = buildPlan();
      yearOf(data, 2023).observations['gdp'] = { missing: '未公布', unit: '亿美元', scope: 'city-proper', measure: '别的' };
      expect(checkRules(data)).toEqual([]);
    });
  });

  it('points every diagnostic at a value that exists in its file, and never throws', () => {
    const ids = fc.constantFrom('gdp', 'gpd', 'hard-power', 'talent', 'city', 'stats', 'constructor', 'x');
    fc.assert(
      fc.property(ids, ids, ids, ids, ids, fc.integer({ min: 2018, max: 2030 }), (pillar, action, scope, source, key, year) => {
        const data = buildPlan();
        indicatorOf(data, 'gdp').pillar = pillar;
        indicatorOf(data, 'gdp').actions.push(action);
        indicatorOf(data, 'rd-share').scope = scope;
        data.plan.milestones[0]!.source = source;
        const obs: Observation = { value: 1, unit: '亿元', scope, status: 'estimate', source };
        yearOf(data, 2022).observations[key] = obs;
        yearOf(data, 2023).year = year;
        const diagnostics = checkRules(data);
        const roots = new Map<string, unknown>([[data.file, data.plan], ...data.years.map((y) => [y.file, y] as const)]);
        for (const d of diagnostics) {
          expect(RULES.some((r) => r.code === d.code && r.severity === d.severity)).toBe(true);
          expect(resolvePointer(roots.get(d.file), d.pointer!), `${d.file}#${d.pointer}`).toBeDefined();
        }
      }),
      { numRuns: 200 },
    );
  });

  // How fast is `npm run bench`'s (its 10,000-indicator plan); here, what it finds at that size.
  it('checks 10,000 indicators over 5 years', () => {
    const data = buildPlan();
    const template = indicatorOf(data, 'gdp');
    const many: Indicator[] = [];
    for (let i = 0; i < 10_000; i++) many.push({ ...template, id: `ind-${i}`, name: `指标${i}`, actions: ['industry'] });
    data.plan.indicators = many;
    data.years = [2021, 2022, 2023, 2024, 2025].map((year) => {
      const observations: Record<string, Observation> = {};
      // Every third indicator is absent in odd years; every fifth jumps in 2024.
      many.forEach((ind, i) => {
        if (year % 2 === 1 && i % 3 === 0 && year !== 2021) return;
        const value = 100 + (year - 2021) * 5 + (year === 2024 && i % 5 === 0 ? 500 : 0);
        observations[ind.id] = { value, unit: '亿元', scope: 'city', status: 'final', source: 'stats' };
      });
      return { file: yearFile(year), year, observations };
    });
    const diagnostics = checkRules(data);
    expect(diagnostics.filter((d) => d.code === 'observation-absent')).toHaveLength(2 * 3334);
    // Up in 2024 for every fifth; down again in 2025 unless that indicator is absent in 2025.
    expect(diagnostics.filter((d) => d.code === 'implausible-jump')).toHaveLength(2000 + (2000 - 667));
  });
});

describe('checkRules at scale', () => {
  // The work is bounded by the suggester's budget of comparisons, not by a clock: after it, a
  // misspelt key is told where to declare it instead of what it may mean. (How fast such a
  // plan validates is `npm run bench`'s.)
  it('spends a bounded number of comparisons on hints when every observation key of 10,000 indicators is misspelt', () => {
    const data = buildPlan();
    const template = indicatorOf(data, 'gdp');
    const many: Indicator[] = [];
    for (let i = 0; i < 10_000; i++) many.push({ ...template, id: `ind-${i}`, name: `指标${i}` });
    data.plan.indicators = many;
    data.years = [2021, 2022, 2023, 2024, 2025].map((year) => {
      const observations: Record<string, Observation> = {};
      for (let i = 0; i < many.length; i++) {
        observations[`ind-${i}x`] = { value: 100, unit: '亿元', scope: 'city', status: 'final', source: 'stats' };
      }
      return { file: yearFile(year), year, observations };
    });
    const unknown = checkRules(data).filter((d) => d.code === 'unknown-indicator');
    expect(unknown).toHaveLength(50_000);
    expect(unknown[0]!.hint).toBe('did you mean `ind-0`?');
    // Each key's hint, by its file: the first keys of the first file are told what they may
    // mean, until the comparisons run out; every later key where to declare it. A later file's
    // keys get the answers already found (remembered per word) and no new ones.
    const guessed = (d: Diagnostic): boolean => /^did you mean `ind-\d+`\?$/.test(d.hint!);
    const declare = `declare it under \`indicators\` in ${PLAN_FILE}`;
    const inFirst = unknown.filter((d) => d.file === yearFile(2021));
    const firstDeclared = inFirst.findIndex((d) => !guessed(d));
    expect(firstDeclared).toBeGreaterThan(0);
    expect(firstDeclared).toBeLessThan(100);
    expect(inFirst.slice(firstDeclared).every((d) => d.hint === declare)).toBe(true);
    for (const year of [2022, 2023, 2024, 2025]) {
      expect(unknown.filter((d) => d.file === yearFile(year)).map((d) => d.hint)).toEqual(inFirst.map((d) => d.hint));
    }
  });
});
