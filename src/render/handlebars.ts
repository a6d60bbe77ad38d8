// Handlebars in two parts: the runtime, enough to run templates the build precompiled (every
// run), and the compiler, loaded from node_modules the first time a template must be compiled
// (a user's --templates, the build, the tests). The full package is twice the code to load.

import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import * as runtimeModule from 'handlebars/runtime.js';

/** Handlebars' runtime: create(), template(), helpers, partials, Exception. */
export const Runtime = ((runtimeModule as unknown as { default?: unknown }).default ?? runtimeModule) as typeof Handlebars;

let full: typeof Handlebars | undefined;

/** The whole of Handlebars, with its parser and compiler; loaded on first use. */
export function compiler(): typeof Handlebars {
  full ??= createRequire(import.meta.url)('handlebars') as typeof Handlebars;
  return full;
}
