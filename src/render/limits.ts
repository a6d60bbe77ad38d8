// Limits on what a template may do. Users' templates (--templates) are code we run: ten
// nested {{#each}} over the indicators would run for days, a partial that calls itself
// forever, twelve thousand {{#if}} inside four loops for minutes. Handlebars runs
// synchronously and cannot be interrupted, so work is counted rather than timed: the same
// templates and model always stop at the same place, on any machine, and the render stays
// pure. Every limit is far above what the package's templates need for a plan of 10,000
// indicators.

import type Handlebars from 'handlebars';
import type { Bilingual, Text } from '../diagnostic.js';
import { Runtime } from './handlebars.js';

/** How much one render may do. */
export interface TemplateLimits {
  /** Blocks ({{#each}}, {{#if}}, {{#with}}, {{^…}}, partial blocks) inside one another in one file. */
  blockDepth: number;
  /** Partials inside one another while rendering. */
  partialDepth: number;
  /** {{#each}} iterations and partial calls in one render. */
  steps: number;
  /**
   * Operations in one render, the measure of its work (limitWork): every helper or block called
   * (1, plus 1 for each of its arguments and hash entries), field looked up, value a mustache
   * writes, loop iteration and partial called. What a loop iteration does inside is counted
   * here, so a template of a given size cannot multiply the work past this.
   */
  work: number;
  /** Characters (UTF-16 code units) of output, of the whole and of any one loop or partial. */
  output: number;
}

/**
 * The limits of a format's render; the output limit is the format's own (FormatSpec.maxOutput).
 * For a plan of 10,000 indicators the package's templates take 0.51 M steps and 5.1 M
 * operations (work) for the Markdown, 0.70 M and 10.8 M for the HTML, 0.16 M and 2.7 M for
 * the PDF: the work limit is 3.7 times the most. Spending all of it takes seconds (8 s
 * measured for thousands of {{#if}} inside loops).
 */
export function templateLimits(maxOutput: number): TemplateLimits {
  return { blockDepth: 24, partialDepth: 32, steps: 8_000_000, work: 40_000_000, output: maxOutput };
}

type Loc = hbs.AST.SourceLocation;

/** A limit hit while rendering, at a place in a template (Handlebars' own error, so it carries line and column). */
export function limitError(message: Text, loc: Loc | undefined): Error {
  const error = new Runtime.Exception(typeof message === 'string' ? message : message.en, loc ? ({ loc } as never) : undefined);
  Object.assign(error, { limit: true, text: message });
  return error;
}

/** Whether an error is a limit hit (limitError) rather than a template mistake. */
export function isLimitError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { limit?: unknown }).limit === true;
}

/** What a limit hit (limitError) says, in both languages when it was given both; undefined for any other error. */
export function limitText(error: unknown): Text | undefined {
  return isLimitError(error) ? (error as { text?: Text }).text : undefined;
}

// A limit hit found where the template's place is not known (a field looked up, a value
// written) is placed at the block it happened in, in the same file, by the first helper it
// passes through on its way out.
function placed(error: unknown, loc: Loc | undefined): unknown {
  const e = error as { lineNumber?: number; column?: number; endLineNumber?: number; endColumn?: number };
  if (loc === undefined || !isLimitError(error) || e.lineNumber !== undefined) return error;
  e.lineNumber = loc.start.line;
  e.column = loc.start.column;
  e.endLineNumber = loc.end.line;
  e.endColumn = loc.end.column;
  return error;
}

/** The first block nested deeper than `max` in a parsed template, if any. Iterative: the tree may be deep. */
export function tooDeepBlock(program: hbs.AST.Program, max: number): hbs.AST.Node | undefined {
  // Each entry: a program and the depth of the blocks directly in it (1 = not inside any block).
  const stack: Array<[hbs.AST.Program, number]> = [[program, 1]];
  while (stack.length > 0) {
    const [p, depth] = stack.pop()!;
    for (let i = p.body.length - 1; i >= 0; i--) {
      const node = p.body[i]!;
      if (node.type !== 'BlockStatement' && node.type !== 'DecoratorBlock' && node.type !== 'PartialBlockStatement') continue;
      if (depth > max) return node;
      const block = node as hbs.AST.BlockStatement;
      if (block.program) stack.push([block.program, depth + 1]);
      // `{{else if …}}` is a block inside the inverse, marked chained: it stands beside its
      // `{{#if}}`, not inside it, so a long else-if chain is not deep nesting.
      if (block.inverse) stack.push([block.inverse, (block.inverse as { chained?: boolean }).chained === true ? depth : depth + 1]);
    }
  }
  return undefined;
}

/**
 * Where blocks first nest deeper than `max`, read from the text without parsing: `{{#`, `{{^`
 * (not `{{^}}`) and `{{/` counted; comments, raw blocks and escaped `\\{{` skipped; 1-based
 * line and column. Handlebars' parser takes time quadratic in the nesting (30 s for 5,000
 * levels) and overflows its stack further on, so this runs first.
 */
export function deepBlockInText(text: string, max: number): { line: number; col: number } | undefined {
  const tag = /\\\{\{|\{\{\{\{\s*([^\s}]+)[\s\S]*?\{\{\{\{\/\s*\1\s*\}\}\}\}|\{\{~?(?:!--[\s\S]*?--~?\}\}|![\s\S]*?\}\}|(#|\^(?!~?\}\})|\/))/g;
  let depth = 0;
  for (const m of text.matchAll(tag)) {
    if (m[2] === '/') depth = Math.max(0, depth - 1);
    else if (m[2] !== undefined && ++depth > max) {
      const before = text.slice(0, m.index);
      const lineStart = before.lastIndexOf('\n') + 1;
      return { line: before.split('\n').length, col: m.index - lineStart + 1 };
    }
  }
  return undefined;
}

/** The running count of a render's work and output, and the checks against its limits. */
export class Budget {
  private steps = 0;
  private work = 0;
  private readonly maxWork: number;

  constructor(readonly limits: TemplateLimits) {
    this.maxWork = limits.work;
  }

  /** Count one iteration or partial call; false once the render has done too much. */
  step(): boolean {
    return ++this.steps <= this.limits.steps;
  }

  /** Count `n` operations (TemplateLimits.work); false once the render has done too much. */
  charge(n: number): boolean {
    return (this.work += n) <= this.maxWork;
  }

  /** Message for running out of steps. */
  tooMuchWork(): string {
    return `the templates do too much work: more than ${this.limits.steps.toLocaleString('en-US')} loop iterations and partial calls (a loop inside a loop inside a loop?)`;
  }

  /** Message for running out of operations (TemplateLimits.work). */
  tooManyOperations(): Bilingual {
    const n = this.limits.work;
    // 40,000,000 in Chinese is 4000万, as the code's explanation writes its limits.
    const zh = n % 10_000 === 0 ? `${n / 10_000}万` : n.toLocaleString('en-US');
    return {
      en: `the templates do too much work: more than ${n.toLocaleString('en-US')} operations in all — helper calls, field lookups, values written, loop iterations, partial calls (many blocks or values inside a loop inside a loop?)`,
      zh: `模板的工作量过大：辅助函数调用、字段查找、写出的值、循环和局部模板调用合计超过${zh}次操作（是否在循环套循环中放了许多块或值？）`,
    };
  }

  /** Message for output over the limit. */
  tooMuchOutput(): string {
    return `the templates write more than ${this.limits.output.toLocaleString('en-US')} characters`;
  }
}

/**
 * An `each` helper that counts its iterations and output against the budget, around
 * Handlebars' own (which it calls for everything else: arrays, objects, @index, else).
 */
export function countedEach(each: Handlebars.HelperDelegate, budget: Budget): Handlebars.HelperDelegate {
  return function countingEach(this: unknown, context: unknown, options: Handlebars.HelperOptions): unknown {
    const loc = (options as unknown as { loc?: Loc }).loc;
    const fn = options.fn;
    let written = 0;
    const counted = function countedIteration(this: unknown, ...args: Parameters<typeof fn>): string {
      if (!budget.step()) throw limitError(budget.tooMuchWork(), loc);
      if (!budget.charge(1)) throw limitError(budget.tooManyOperations(), loc);
      const out = fn.apply(this, args);
      written += out.length;
      if (written > budget.limits.output) throw limitError(budget.tooMuchOutput(), loc);
      return out;
    };
    return each.call(this, context, { ...options, fn: Object.assign(counted, fn) });
  };
}

/**
 * A helper that counts its calls against the budget: 1 for the call and 1 for each argument
 * and hash entry (which the template evaluated for it: `{{lookup . 1 1 1 …}}` is one call).
 */
function countedHelper(helper: Handlebars.HelperDelegate, budget: Budget): Handlebars.HelperDelegate {
  return function countedCall(this: unknown): unknown {
    const args = arguments; // not a rest parameter: no array made for each call
    const options = args[args.length - 1] as { hash?: object; loc?: Loc } | undefined;
    let n = args.length;
    for (const _ in options?.hash) n++;
    if (!budget.charge(n)) throw limitError(budget.tooManyOperations(), options?.loc);
    try {
      return (helper as (...a: unknown[]) => unknown).apply(this, args as unknown as unknown[]);
    } catch (err) {
      throw placed(err, options?.loc);
    }
  };
}

/** What compiled templates call on Handlebars' runtime container (runtime.js, `template`) for their values. */
interface Container {
  lookupProperty(parent: unknown, name: string): unknown;
  lambda(current: unknown, context: unknown): unknown;
  invokePartial(this: Container, partial: unknown, context: unknown, options: { hash?: object }): unknown;
  partials: object;
}

type Program = (this: unknown, container: Container, ...args: unknown[]) => string;
type Decorator = (fn: unknown, props: object, container: Container, options: unknown) => unknown;

/**
 * Count all of a render's work against the budget (TemplateLimits.work), whatever the
 * templates: call after the helpers are registered on `hb`, before its templates are made.
 *
 * Compiled Handlebars is straight-line code: a template, block or loop body is one function
 * whose every statement is a call into the runtime, and the text between statements. So
 * counting those calls bounds the work of the whole render, for a template of any size:
 * - every helper, built-in (each, if, unless, with, lookup, log, blockHelperMissing behind
 *   {{#field}} and {{^field}}) or the project's ({{md}}), with its arguments and hash;
 * - every field looked up (`container.lookupProperty`: each part of a path, each helper
 *   found by name; `strict` looks up through it);
 * - every value a mustache writes, `{{name}}`, `{{this}}`, `{{{raw}}}` (`container.lambda`,
 *   which compiled templates call on each before escaping or writing it);
 * - every partial called, inline ones too (`container.invokePartial`), with the hash it takes
 *   and the context it copies for it; every loop iteration (countedEach); each entry of the
 *   partials an `{{#*inline}}` copies when its block runs.
 * Each adds to a counter; a limit hit inside a block is placed at the block.
 */
export function limitWork(hb: typeof Handlebars, budget: Budget): void {
  hb.registerHelper('each', countedEach(hb.helpers['each']!, budget));
  for (const [name, helper] of Object.entries(hb.helpers)) hb.registerHelper(name, countedHelper(helper, budget));
  const inline = hb.decorators['inline'] as unknown as Decorator | undefined;
  if (inline !== undefined) hb.registerDecorator('inline', countedInline(inline, budget) as never);

  const tooMuch = (): Error => limitError(budget.tooManyOperations(), undefined);
  // The containers (one per template, made by hb.template) already counting.
  const counting = new WeakSet<Container>();
  const count = (container: Container): void => {
    counting.add(container);
    const { lookupProperty, lambda, invokePartial } = container;
    container.lookupProperty = (parent, name) => {
      if (!budget.charge(1)) throw tooMuch();
      return lookupProperty(parent, name);
    };
    container.lambda = (current, context) => {
      if (!budget.charge(1)) throw tooMuch();
      return lambda(current, context);
    };
    container.invokePartial = function countedPartial(partial, context, options) {
      let n = 1;
      if (options.hash !== undefined) {
        // The runtime copies the context and the hash into the partial's context.
        for (const _ in options.hash) n++;
        if (typeof context === 'object' && context !== null) for (const _ in context) n++;
      }
      if (!budget.charge(n)) throw tooMuch();
      return invokePartial.call(this, partial, context, options);
    };
  };
  // The container reaches only the template's functions: its main one, the first to run,
  // starts the counting.
  const template = hb.template.bind(hb);
  hb.template = (spec) => {
    const main = (spec as { main: Program }).main;
    const counted = function countedMain(this: unknown, container: Container, context: unknown, helpers: unknown, partials: unknown, data: unknown, blockParams: unknown, depths: unknown): string {
      if (!counting.has(container)) count(container);
      return main.call(this, container, context, helpers, partials, data, blockParams, depths);
    };
    return template({ ...spec, main: counted } as TemplateSpecification);
  };
}

// The `inline` decorator: a block declaring inline partials copies all the partials in scope
// each time it runs; each one copied is counted.
function countedInline(inline: Decorator, budget: Budget): Decorator {
  return (fn, props, container, options) => {
    const block = inline(fn, props, container, options);
    if (block === fn || typeof block !== 'function') return block;
    return function countedBlock(this: unknown, ...args: unknown[]): unknown {
      let n = 1;
      for (const _ in container.partials) n++;
      if (!budget.charge(n)) throw limitError(budget.tooManyOperations(), undefined);
      return (block as (...a: unknown[]) => unknown).apply(this, args);
    };
  };
}
