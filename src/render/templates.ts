// Compile and run a format's Handlebars templates: an isolated Handlebars instance
// per run, strict mode (a misspelt field fails), partials, the escaping the format
// asks for. Only template files are ever compiled, never plan text. Every failure
// becomes a Diagnostic pointing at the template file, line and column. Pure: the
// template texts come in, a string goes out. User templates are code: what a render may do
// is bounded (limits.ts), and a limit hit is a `template-limit` diagnostic at the block or
// partial call that hit it.

import { createHash } from 'node:crypto';
import type Handlebars from 'handlebars';
import { withText, type Code, type Diagnostic, type Text } from '../diagnostic.js';
import { compiler, Runtime } from './handlebars.js';
import { escapeMarkdown, markdownCode } from './escape.js';
import { templateEscaping, type Escaping, type TemplateFormatSpec } from './formats.js';
import { Budget, deepBlockInText, isLimitError, limitError, limitText, limitWork, templateLimits, tooDeepBlock, type TemplateLimits } from './limits.js';
import { PRECOMPILED_TEMPLATES, type PartialCall, type PrecompiledTemplate } from './precompiled.js';

import type { TemplateFile, TemplateSet } from '../load/templates.js';

export type { TemplateFile, TemplateSet } from '../load/templates.js';

export type TemplateResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

/** Helpers each escaping provides to templates. */
const HELPERS: Record<Escaping, Record<string, (text: unknown, options: Handlebars.HelperOptions) => string>> = {
  markdown: {
    /** {{md text}}: plan text escaped for inline Markdown and table cells. */
    md: (text, options) => escapeMarkdown(asText(text, 'md', options)),
    /** {{code text}}: a code span (text bars). */
    code: (text, options) => markdownCode(asText(text, 'code', options)),
    /** {{align column.align}}: the delimiter cell of a table column (---, ---:, :---:). */
    align: (value, options) => {
      const a = asText(value, 'align', options);
      return a === 'right' ? '---:' : a === 'center' ? ':---:' : '---';
    },
  },
  html: {},
};

/** Where a template failed, carried up through nested partials. */
class TemplateFailure extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

interface Located {
  lineNumber?: number;
  column?: number;
  endLineNumber?: number;
  endColumn?: number;
  message?: string;
}

interface HelperLoc {
  loc?: { start: { line: number; column: number }; end?: { line: number; column: number } };
}

// A helper's argument must be text or a number; anything else is a template bug.
function asText(value: unknown, helper: string, options: Handlebars.HelperOptions): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const loc = (options as unknown as HelperLoc).loc;
  throw new Runtime.Exception(`{{${helper}}} needs text, got ${value === null ? 'null' : typeof value}`, loc ? ({ loc } as never) : undefined);
}

function templateDiagnostic(file: TemplateFile, code: Code, message: Text, line: number, col: number, end?: { line: number; col: number }): Diagnostic {
  const d = withText({ severity: 'error', code, file: file.file, line, col }, message);
  if (end) {
    d.endLine = end.line;
    d.endCol = end.col;
  }
  return d;
}

// Handlebars adds " - line:col" to located messages; we print the position ourselves. What a
// template author meets most is said in both languages; the rest is Handlebars' English.
function cleanMessage(message: string): Text {
  const text = message.replace(/ - \d+:\d+$/, '');
  const field = /^"([^"]+)" not defined in /.exec(text)?.[1];
  if (field !== undefined) return { en: `"${field}" is not a field of the report model here (strict mode)`, zh: `"${field}" 不是报告模型在此处的字段（严格模式）` };
  return text;
}

/** Nesting past the limit, in both languages. */
const tooDeepText = (depth: number): Text => ({ en: `blocks nested more than ${depth} deep`, zh: `块嵌套超过${depth}层` });

/**
 * A syntax error of Handlebars' parser: what it expected and found, or the block whose end
 * does not match; any other message as Handlebars words it, after the title.
 */
function syntaxText(raw: string): Text {
  const expecting = /Expecting (.*)$/m.exec(raw)?.[1];
  if (expecting !== undefined) {
    const [, wanted = expecting, got] = /^(.*), got (.*)$/.exec(expecting) ?? [];
    return {
      en: `template syntax error: expecting ${expecting}`,
      zh: `模板语法错误：此处应为 ${wanted}${got === undefined ? '' : `，实际是 ${got}`}`,
    };
  }
  const line = raw.split('\n')[0]!.replace(/ - \d+:\d+$/, '');
  const mismatch = /^(\S+) doesn't match (\S+)$/.exec(line);
  if (mismatch !== null) return { en: `template syntax error: ${line}`, zh: `模板语法错误：{{#${mismatch[1]}}} 与 {{/${mismatch[2]}}} 不配对` };
  return `template syntax error: ${line}`;
}

/** Turn an error thrown while compiling or running a template into a diagnostic. */
function toDiagnostic(file: TemplateFile, err: unknown, code: Code): Diagnostic {
  if (err instanceof TemplateFailure) return err.diagnostic;
  if (err instanceof RangeError) {
    // Past the counted limits, the engine's own: a string or a stack too long.
    const what: Text = /string length/i.test(err.message)
      ? { en: 'the templates write more text than fits in memory', zh: '模板写出的文字超出内存所能容纳' }
      : { en: 'the templates nest too deep for the stack', zh: '模板嵌套太深，超出栈空间' };
    return templateDiagnostic(file, 'template-limit', what, 0, 0);
  }
  if (isLimitError(err)) code = 'template-limit';
  const e = (err ?? {}) as Located;
  const message = limitText(err) ?? cleanMessage(e.message ?? String(err));
  if (typeof e.lineNumber === 'number') {
    const end = typeof e.endLineNumber === 'number' && typeof e.endColumn === 'number'
      ? { line: e.endLineNumber, col: e.endColumn + 1 }
      : undefined;
    return templateDiagnostic(file, code, message, e.lineNumber, (e.column ?? 0) + 1, end);
  }
  return templateDiagnostic(file, code, message, 0, 0);
}

interface ParserLocation {
  Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number; last_line: number; last_column: number } } };
}

/** Parse a template; a syntax error becomes a diagnostic at the token the parser stopped on. */
function parse(hb: typeof Handlebars, file: TemplateFile, limits: TemplateLimits): hbs.AST.Program | Diagnostic {
  const tooDeep = (at: { line: number; col: number }): Diagnostic =>
    templateDiagnostic(file, 'template-limit', tooDeepText(limits.blockDepth), at.line, at.col);
  // Deep nesting is found in the text first: the parser is slow and then overflows on it.
  const deep = deepBlockInText(file.text, limits.blockDepth);
  if (deep !== undefined) return tooDeep(deep);
  try {
    return hb.parse(file.text);
  } catch (err) {
    if (err instanceof RangeError) return tooDeep({ line: 0, col: 0 });
    // The jison parser throws plain Errors; its lexer still holds the failing token's position.
    const loc = (compiler() as unknown as ParserLocation).Parser?.lexer?.yylloc;
    const message = syntaxText(err instanceof Error ? err.message : String(err));
    if (loc) {
      return templateDiagnostic(file, 'template-syntax', message, loc.first_line, loc.first_column + 1,
        { line: loc.last_line, col: loc.last_column + 1 });
    }
    return templateDiagnostic(file, 'template-syntax', message, 0, 0);
  }
}

/** Every partial a template calls by a literal name, with where it calls it. */
function partialCalls(program: hbs.AST.Program): PartialCall[] {
  const calls: PartialCall[] = [];
  const visit = (node: hbs.AST.Node | null | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const s of (node as hbs.AST.Program).body) visit(s);
        break;
      case 'BlockStatement':
      case 'DecoratorBlock': {
        const b = node as hbs.AST.BlockStatement;
        visit(b.program);
        visit(b.inverse);
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const p = node as hbs.AST.PartialStatement & { program?: hbs.AST.Program };
        // Dynamic partial names (sub-expressions) are only known when the template runs.
        const name = p.name as { type: string; original?: unknown };
        if ((name.type === 'PathExpression' || name.type === 'StringLiteral') && typeof name.original === 'string') {
          calls.push({ name: name.original, loc: p.loc });
        }
        visit(p.program);
        break;
      }
      default:
        break;
    }
  };
  visit(program);
  return calls;
}

/** The key of a template in PRECOMPILED_TEMPLATES: its text and the escaping it is compiled for. */
export function templateKey(escaping: Escaping, text: string): string {
  return createHash('sha256').update(`${escaping}\0${text}`).digest('hex');
}

/** How a format's templates are compiled: strict, escaped as the format says, only its own helpers. */
export function compileOptions(escaping: Escaping): CompileOptions {
  return {
    strict: true,
    noEscape: escaping !== 'html',
    knownHelpers: Object.fromEntries(Object.keys(HELPERS[escaping]).map((k) => [k, true])),
    knownHelpersOnly: true,
    preventIndent: true,
  };
}

/** A template file checked and parsed: its syntax tree and the partials it calls, or what is wrong with it. */
type Checked = { ok: true; ast: hbs.AST.Program; calls: PartialCall[] } | { ok: false; diagnostic: Diagnostic };

// Parse a template and check it against the limits on its text (block nesting).
function check(hb: typeof Handlebars, file: TemplateFile, limits: TemplateLimits): Checked {
  const ast = parse(hb, file, limits);
  if (!('type' in ast)) return { ok: false, diagnostic: ast };
  const deep = tooDeepBlock(ast, limits.blockDepth);
  if (deep !== undefined) {
    const { start, end } = deep.loc;
    return {
      ok: false,
      diagnostic: templateDiagnostic(file, 'template-limit', tooDeepText(limits.blockDepth),
        start.line, start.column + 1, { line: end.line, col: end.column + 1 }),
    };
  }
  return { ok: true, ast, calls: partialCalls(ast) };
}

// Calls of partials that are not in the set, as diagnostics at the call.
function unknownPartials(file: TemplateFile, calls: readonly PartialCall[], names: ReadonlySet<string>): Diagnostic[] {
  return calls
    .filter((call) => !names.has(call.name))
    .map((call) => templateDiagnostic(file, 'template-partial', { en: `unknown partial "${call.name}"`, zh: `没有名为 "${call.name}" 的片段模板（partial）` },
      call.loc.start.line, call.loc.start.column + 1, { line: call.loc.end.line, col: call.loc.end.column + 1 }));
}

/**
 * Check and precompile one template as renderTemplates compiles it: the JavaScript source
 * of its template spec and the partials it calls, or its diagnostics. For the build, which
 * precompiles the package's templates (precompile.ts).
 */
export function precompileTemplate(escaping: Escaping, file: TemplateFile, limits: TemplateLimits): { ok: true; source: string; calls: PartialCall[] } | { ok: false; diagnostics: Diagnostic[] } {
  const hb = compiler().create();
  const options = compileOptions(escaping);
  const checked = check(hb, file, limits);
  if (!checked.ok) return { ok: false, diagnostics: [checked.diagnostic] };
  try {
    // The same passes over the tree as renderTemplates: it precompiles once to find errors,
    // then compiles (which walks the tree again).
    hb.precompile(checked.ast, options);
    return { ok: true, source: hb.precompile(checked.ast, options) as unknown as string, calls: checked.calls };
  } catch (err) {
    return { ok: false, diagnostics: [toDiagnostic(file, err, 'template-syntax')] };
  }
}

/**
 * Templates this process compiled (a user's, or any from the sources, where
 * PRECOMPILED_TEMPLATES is empty), by templateKey: a second report with them does not
 * compile them again. Bounded, for a process that renders many different templates.
 */
const COMPILED_AT_RUN = new Map<string, PrecompiledTemplate>();
const MAX_COMPILED_AT_RUN = 256;

/**
 * Compile a format's templates and render `view` with them. Errors — syntax, an
 * unknown partial or helper, a field the view does not have, a limit hit — come back as
 * diagnostics with the template's file, line and column. A template the build precompiled
 * (the same text, for the same escaping) is not compiled again.
 */
export function renderTemplates(spec: TemplateFormatSpec, templates: TemplateSet, view: unknown, limits: TemplateLimits = templateLimits(spec.maxOutput)): TemplateResult {
  const hb = Runtime.create();
  const budget = new Budget(limits);
  const escaping = templateEscaping(spec.template);
  const helpers = HELPERS[escaping];
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  // Every helper call, field, value and partial call of this render counts against the budget.
  limitWork(hb, budget);

  const files = [templates.main, ...templates.partials];
  const names = new Set(templates.partials.map((p) => p.name));
  const diagnostics: Diagnostic[] = [];
  const compiled = new Map<TemplateFile, Handlebars.TemplateDelegate>();
  const calls = new Map<TemplateFile, PartialCall[]>();
  for (const file of files) {
    const key = templateKey(escaping, file.text);
    let pre = PRECOMPILED_TEMPLATES.get(key) ?? COMPILED_AT_RUN.get(key);
    if (pre === undefined || limits.blockDepth < pre.blockDepth) {
      // Compiled now (not lazily on first use), so that every file's errors are found up
      // front, and exactly as the build precompiles the package's own.
      const result = precompileTemplate(escaping, file, limits);
      if (!result.ok) {
        diagnostics.push(...result.diagnostics);
        continue;
      }
      let spec: TemplateSpecification;
      try {
        spec = new Function(`return (${result.source});`)() as TemplateSpecification;
      } catch (err) {
        // V8 parsing the compiled code: a path of thousands of parts (`a.[0].[0]…`) nests an
        // expression past its stack (RangeError), which toDiagnostic says as a limit.
        diagnostics.push(toDiagnostic(file, err, 'template-limit'));
        continue;
      }
      pre = { spec, calls: result.calls, blockDepth: limits.blockDepth };
      if (COMPILED_AT_RUN.size >= MAX_COMPILED_AT_RUN) COMPILED_AT_RUN.clear();
      COMPILED_AT_RUN.set(key, pre);
    }
    calls.set(file, pre.calls);
    diagnostics.push(...unknownPartials(file, pre.calls, names));
    compiled.set(file, hb.template(pre.spec));
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  // Run each template so that a failure inside it is reported against its own file; count
  // partial calls as work, and their depth and output against the limits, at the call.
  const running: TemplateFile[] = [];
  const guarded = (file: TemplateFile): Handlebars.TemplateDelegate => {
    const fn = compiled.get(file)!;
    return (context, runtime) => {
      const caller = running[running.length - 1];
      const limit = (message: string): TemplateFailure => {
        const at = caller === undefined ? undefined : calls.get(caller)?.find((c) => c.name === file.name)?.loc;
        return new TemplateFailure(toDiagnostic(caller ?? file, limitError(message, at), 'template-limit'));
      };
      if (caller !== undefined && !budget.step()) throw limit(budget.tooMuchWork());
      if (running.length > limits.partialDepth) throw limit(`partials nested more than ${limits.partialDepth} deep (a partial that calls itself?)`);
      running.push(file);
      let out: string;
      try {
        out = fn(context, runtime);
      } catch (err) {
        throw new TemplateFailure(toDiagnostic(file, err, 'template-error'));
      } finally {
        running.pop();
      }
      if (out.length > limits.output) throw limit(budget.tooMuchOutput());
      return out;
    };
  };
  for (const partial of templates.partials) hb.registerPartial(partial.name, guarded(partial));
  try {
    return { ok: true, text: guarded(templates.main)(view) };
  } catch (err) {
    return { ok: false, diagnostics: [toDiagnostic(templates.main, err, 'template-error')] };
  }
}

/**
 * Tidy rendered text for diffs: no trailing spaces, at most one blank line in a row,
 * no leading blank lines, exactly one final newline.
 */
export function tidy(text: string): string {
  // One pass where the definition takes two (drop spaces and tabs at line ends, then squeeze
  // three or more newlines to two): three or more newlines with only spaces and tabs between
  // them become two. Each pass copies the text, tens of megabytes for a large HTML report.
  let t = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  t = t.replace(/\n(?:[ \t]*\n){2,}|[ \t]+$/gm, (m) => (m.charCodeAt(0) === 0x0a ? '\n\n' : ''));
  let start = 0;
  while (t.charCodeAt(start) === 0x0a) start++;
  let end = t.length;
  while (end > start && t.charCodeAt(end - 1) === 0x0a) end--;
  // A slice of the text when it ends with a newline already: no copy.
  return end < t.length ? t.slice(start, end + 1) : t.slice(start) + '\n';
}

/**
 * Write empty Markdown table cells as `| |` (a template's `| {{md x}} |` gives two
 * spaces when x is empty), so every table keeps markdownlint's compact style.
 * Cell text never has spaces at its ends ({{md}} trims), so `|  |` is always an empty cell.
 */
export function compactEmptyCells(markdown: string): string {
  return markdown.replace(/^\|.*\|$/gm, (line) => line.replace(/(?<!\\)\|  (?=\|)/g, '| '));
}

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;
