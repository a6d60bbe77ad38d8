// `cixi-plan schema [plan|year]`: print a shipped JSON Schema verbatim, the same file
// the validator uses and editors read through the `yaml-language-server` line.

import type { Command } from 'commander';
import { schemaText, type SchemaName } from '../validate/schema-files.js';
import { UserError, type Context } from './context.js';
import { USAGE } from './usage.js';

const NAMES: readonly SchemaName[] = ['plan', 'year'];

export function registerSchema(program: Command, ctx: Context): void {
  program
    .command('schema')
    .description('print the JSON Schema of the plan file (plan) or of a year file (year), for editors and other tools')
    .argument('[name]', 'plan or year', 'plan')
    .action((name: string) => {
      if (!(NAMES as readonly string[]).includes(name)) {
        throw new UserError(USAGE.unknownSchema(name));
      }
      ctx.io.stdout(schemaText(name as SchemaName));
    });
}
