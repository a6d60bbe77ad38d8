// The shipped JSON Schema files: where they are and their text (what `cixi-plan schema`
// prints, editors read, and ajv compiles).

import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';

export type SchemaName = 'plan' | 'year';

/** Path of a shipped JSON Schema file. */
export function schemaPath(name: SchemaName): string {
  return packagePath('src', 'schema', `${name}.schema.json`);
}

/** The JSON Schema text as shipped (what `cixi-plan schema` prints). */
export function schemaText(name: SchemaName): string {
  return readFileSync(schemaPath(name), 'utf8');
}
