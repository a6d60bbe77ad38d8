// The two schemas' validation functions. From the sources (tests, dist/ module by module),
// ajv compiles them on first use. The bundle the build writes (scripts/build.mjs) replaces
// this module with ajv's standalone code for the same schemas and options (validator-code.ts),
// so a run of the installed tool never compiles a schema. Same code either way: ajv writes it.

import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { schemaText, type SchemaName } from './schema-files.js';

/**
 * ajv's options. No coercion and no defaults: a null or a string where a number belongs is
 * an error, never silently 0. Verbose: errors carry the data and the schema they concern.
 */
export const AJV_OPTIONS: Options = { allErrors: true, strict: true, strictRequired: false, verbose: true, coerceTypes: false, useDefaults: false };

let validators: Record<SchemaName, ValidateFunction> | undefined;

/** The validation function of a shipped schema, compiled once per process. */
export function schemaValidator(name: SchemaName): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv(AJV_OPTIONS);
    validators = {
      plan: ajv.compile(JSON.parse(schemaText('plan'))),
      year: ajv.compile(JSON.parse(schemaText('year'))),
    };
  }
  return validators[name];
}
