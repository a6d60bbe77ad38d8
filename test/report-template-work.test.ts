// The work limit of a render (TemplateLimits.work): what a template does inside a loop is
// counted — every helper and block called, field looked up, value written, partial called —
// not only the loop's iterations, so a template of a few hundred kilobytes cannot run for
// hours. The package's own templates stay far below it, for 10,000 indicators too.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTML_FORMAT, MARKDOWN_FORMAT, PDF_FORMAT, type TemplateFormatSpec } from '../src/render/formats.js';
import { templateLimits, type TemplateLimits } from '../src/render/limits.js';
import { loadTemplates } from '../src/load/templates.js';
import { renderTemplates, type TemplateSet } from '../src/render/templates.js';
import { generatePlan } from './bench/generate-plan.mjs';
import { ROOT, tempDir } from './support/cli.js';
import { buildModel } from './support/report.js';

const SLOW = 120_000;

function set(main: string, partials: Record<string, string> = {}): TemplateSet {
  return {
    main: { name: '', file: 'main.hbs', text: main },
    partials: Object.entries(partials).map(([name, text]) => ({ name, file: `partials/${name}.hbs`, text })),
  };
}

const where = (r: ReturnType<typeof renderTemplates>) => (r.ok ? [] : r.diagnostics.map((d) => [d.file, d.line, d.code, d.message, d.zh?.message]));

describe('the work limit', () => {
  // A hundred thousand operations: the cases below need millions, and take seconds without the limit.
  const limits: TemplateLimits = { ...templateLimits(MARKDOWN_FORMAT.maxOutput), work: 100_000 };
  const over = (file = 'main.hbs', line = 1) => [file, line, 'template-limit',
    'the templates do too much work: more than 100,000 operations in all — helper calls, field lookups, values written, loop iterations, partial calls (many blocks or values inside a loop inside a loop?)',
    '模板的工作量过大：辅助函数调用、字段查找、写出的值、循环和局部模板调用合计超过10万次操作（是否在循环套循环中放了许多块或值？）'];
  // Ten rows, each an empty name: values that write nothing, so no output limit stops them.
  const view = { rows: Array.from({ length: 10 }, () => ({ name: '' })), empty: '', s: 'abc' };
  // `body` repeated `times` inside three loops over the rows: 1,000 iterations, so few
  // that the loop limit (8,000,000) is far off.
  const nested = (body: string, times: number) => {
    let t = body.repeat(times);
    for (let i = 0; i < 3; i++) t = `{{#each @root.rows}}${t}{{/each}}`;
    return t;
  };

  it.each([
    ['{{#if}}', '{{#if this}}{{/if}}'],
    ['{{#unless}}', '{{#unless this}}{{/unless}}'],
    ['{{#with}}', '{{#with this}}{{/with}}'],
    ['{{lookup}}', '{{lookup . "name"}}'],
    ['{{md}} (the project’s helper)', '{{md name}}'],
    ['{{#field}} sections', '{{#name}}{{/name}}{{^name}}{{/name}}'],
    ['plain {{name}}', '{{name}}'],
    ['plain {{@root.field}} and {{{raw}}}', '{{@root.empty}}{{{name}}}'],
  ])('stops %s repeated thousands of times inside nested loops', (_, body) => {
    const r = renderTemplates(MARKDOWN_FORMAT, set(nested(body, 200)), view, limits);
    expect(where(r)).toEqual([over()]);
  });

  it('counts a plain {{this}} in HTML, where values are escaped', () => {
    const rows = { rows: Array(10).fill('') };
    const r = renderTemplates(HTML_FORMAT, set(nested('{{this}}', 200)), rows, { ...limits, output: HTML_FORMAT.maxOutput });
    expect(where(r)).toEqual([over()]);
  });

  it('counts each part of a long path, and each argument of a helper', () => {
    // "abc".[0] is "a", and "a".[0] is "a" again: one argument, 200 fields looked up.
    expect(where(renderTemplates(MARKDOWN_FORMAT, set(nested(`{{#if @root.s${'.[0]'.repeat(200)}}}{{/if}}`, 10)), view, limits))).toEqual([over()]);
    // {{md}} takes the first and leaves the rest, which the template evaluated all the same.
    expect(where(renderTemplates(MARKDOWN_FORMAT, set(nested(`{{md name${' 1'.repeat(200)}}}`, 10)), view, limits))).toEqual([over()]);
  });

  it('counts partial calls, inline partials too, and reports work done in a partial against its file', () => {
    // An inline partial is called by a name from the model (a literal name must be a file).
    const inline = `{{#*inline "nothing"}}{{/inline}}${nested('{{> (lookup @root "part")}}', 200)}`;
    expect(where(renderTemplates(MARKDOWN_FORMAT, set(inline), { ...view, part: 'nothing' }, limits))).toEqual([over()]);
    const partial = renderTemplates(MARKDOWN_FORMAT, set(nested('{{> p}}', 1), { p: '\n{{name}}'.repeat(200) }), view, limits);
    expect(where(partial)).toEqual([over('partials/p.hbs', 0)]);
  });

  it('leaves loops alone to the loop limit, at the loop that went over', () => {
    // Loops with nothing inside hit the loop limit first, with its own message.
    const r = renderTemplates(MARKDOWN_FORMAT, set(nested('x', 1)), view, { ...limits, steps: 500 });
    expect(where(r)).toEqual([['main.hbs', 1, 'template-limit', 'the templates do too much work: more than 500 loop iterations and partial calls (a loop inside a loop inside a loop?)', undefined]]);
  });
});

describe('the package’s templates and the work limit', () => {
  // A part of each limit: the package's templates stay several times below them.
  const part = (spec: TemplateFormatSpec, by: number): TemplateLimits => {
    const l = templateLimits(spec.maxOutput);
    return { ...l, steps: l.steps / by, work: l.work / by };
  };

  async function renderAll(planDir: string, by = 3): Promise<void> {
    const { model } = await buildModel(planDir, 2024);
    for (const spec of [MARKDOWN_FORMAT, HTML_FORMAT, PDF_FORMAT]) {
      const loaded = await loadTemplates(spec, null, ROOT);
      if (!loaded.ok) throw new Error(loaded.message.en);
      const r = renderTemplates(spec, loaded.templates, model, part(spec, by));
      expect(r.ok ? [] : r.diagnostics, spec.template).toEqual([]);
    }
  }

  it('render the shipped plan in a third of the limits', async () => {
    await renderAll(join(ROOT, 'plan'));
  });

  // The work grows with the plan (10,000 indicators: 10.8 million operations for HTML, the
  // most): a thirtieth of the limits for 1,000 is a third of them for 10,000.
  it('render a plan of 1,000 indicators in a thirtieth of the limits', async () => {
    const dir = tempDir();
    generatePlan(dir, 1_000);
    await renderAll(dir, 30);
  }, SLOW);
});
