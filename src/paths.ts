// Find files shipped with the package (schemas, templates) from this module's own
// location, never from the current directory.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package's root folder: the nearest ancestor of this module holding package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cixi-plan: cannot find the package root from ' + import.meta.url);
    dir = parent;
  }
  root = dir;
  return root;
}

/** A path inside the package, e.g. packagePath('templates', 'report.md.hbs'). */
export function packagePath(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}

let version: string | undefined;

/** The version in the package's package.json, read once per process. */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  return version;
}
