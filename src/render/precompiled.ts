// Templates compiled when the package was built. From the sources (tests, dist/ module by
// module) the map is empty and every template is compiled when a report is rendered. The bundle the
// build writes (scripts/build.mjs) replaces this module with one holding the package's own
// templates as Handlebars.precompile wrote them (precompile.ts), so a run compiles only the
// files a user's --templates folder changes.

/** Where a template calls a partial by name (Handlebars' source location, 1-based line, 0-based column). */
export interface PartialCall {
  name: string;
  loc: hbs.AST.SourceLocation;
}

/** A template checked and compiled at build time. */
export interface PrecompiledTemplate {
  /** What Handlebars.precompile wrote, evaluated: the argument of Handlebars.template. */
  spec: TemplateSpecification;
  /** The partials it calls by a literal name. */
  calls: PartialCall[];
  /** The block depth (TemplateLimits.blockDepth) it was checked against; deeper limits pass too. */
  blockDepth: number;
}

/** Precompiled templates by templateKey(escaping, text). */
export const PRECOMPILED_TEMPLATES: ReadonlyMap<string, PrecompiledTemplate> = new Map();
