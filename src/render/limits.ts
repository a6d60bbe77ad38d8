// Limits on what a template may do. Users' templates (--templates) are code we run: ten
// nested {{#each}} over the indicators would run for days, a partial that calls itself
// forever. Handlebars runs synchronously and cannot be interrupted, so work is counted rather
// than timed: the same templates and model always stop at the same place, on any machine,
// and the render stays pure. Every limit is far above what the package's templates need for
// a plan of 10,000 indicators.

import type Handlebars from 'handlebars';
import { Runtime } from './handlebars.js';

/** How much one render may do. */
export interface TemplateLimits {
  /** Blocks ({{#each}}, {{#if}}, {{#with}}, {{^…}}, partial blocks) inside one another in one file. */
  blockDepth: number;
  /** Partials inside one another while rendering. */
  partialDepth: number;
  /** {{#each}} iterations and partial calls in one render: the measure of its work. */
  steps: number;
  /** Characters (UTF-16 code units) of output, of the whole and of any one loop or partial. */
  output: number;
}

/** The limits of a format's render; the output limit is the format's own (FormatSpec.maxOutput). */
export function templateLimits(maxOutput: number): TemplateLimits {
  return { blockDepth: 24, partialDepth: 32, steps: 8_000_000, output: maxOutput };
}

type Loc = hbs.AST.SourceLocation;

/** A limit hit while rendering, at a place in a template (Handlebars' own error, so it carries line and column). */
export function limitError(message: string, loc: Loc | undefined): Error {
  const error = new Runtime.Exception(message, loc ? ({ loc } as never) : undefined);
  (error as { limit?: boolean }).limit = true;
  return error;
}

/** Whether an error is a limit hit (limitError) rather than a template mistake. */
export function isLimitError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { limit?: unknown }).limit === true;
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

  constructor(readonly limits: TemplateLimits) {}

  /** Count one iteration or partial call; false once the render has done too much. */
  step(): boolean {
    return ++this.steps <= this.limits.steps;
  }

  /** Message for running out of steps. */
  tooMuchWork(): string {
    return `the templates do too much work: more than ${this.limits.steps.toLocaleString('en-US')} loop iterations and partial calls (a loop inside a loop inside a loop?)`;
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
      const out = fn.apply(this, args);
      written += out.length;
      if (written > budget.limits.output) throw limitError(budget.tooMuchOutput(), loc);
      return out;
    };
    return each.call(this, context, { ...options, fn: Object.assign(counted, fn) });
  };
}
