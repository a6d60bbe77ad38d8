// File-system access for the CLI: read a plan folder into texts. Problems with a
// single file become diagnostics; a missing folder or plan file is a usage error.

import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { IO_ERROR, MAX_FILE_BYTES, decodeText, fileDiagnostic, type PlanSources, type SourceText } from './source-text.js';

export { IO_ERROR, MAX_FILE_BYTES } from './source-text.js';

export type ReadPlanResult =
  | { ok: true; sources: PlanSources; diagnostics: Diagnostic[] }
  | { ok: false; message: string };

/** Show a path relative to the working directory when it lies inside it. */
export function displayPath(path: string, cwd: string): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  return rel === '' ? '.' : rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel) ? abs : rel.split(sep).join('/');
}

// Read one file as UTF-8 text, refusing directories, huge files and binary data.
async function readText(path: string, file: string): Promise<SourceText | Diagnostic> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fileDiagnostic(file, IO_ERROR, 'is a directory, not a YAML file');
    if (info.size > MAX_FILE_BYTES) {
      return fileDiagnostic(file, 'file-too-large', `is ${(info.size / 1048576).toFixed(1)} MiB; plan files are limited to ${MAX_FILE_BYTES / 1048576} MiB`);
    }
    return decodeText(await readFile(path), file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
    return fileDiagnostic(file, IO_ERROR, `cannot be read (${code})`);
  }
}

/**
 * Read `<dir>/plan.yaml` and every `<dir>/data/*.yaml` (or `.yml`), sorted by name.
 * Paths in the result are shown relative to `cwd`.
 */
export async function readPlanFolder(dir: string, cwd: string): Promise<ReadPlanResult> {
  const root = resolve(cwd, dir);
  try {
    const info = await stat(root);
    if (!info.isDirectory()) return { ok: false, message: `plan folder ${displayPath(dir, cwd)} is not a folder` };
  } catch {
    return { ok: false, message: `plan folder ${displayPath(dir, cwd)} not found (use --plan DIR, or \`cixi-plan init DIR\` to start one)` };
  }
  const planPath = join(root, 'plan.yaml');
  const diagnostics: Diagnostic[] = [];
  const planRead = await readText(planPath, displayPath(planPath, cwd));
  if ('code' in planRead) {
    if (planRead.code === IO_ERROR) {
      try {
        await stat(planPath);
      } catch {
        return { ok: false, message: `${displayPath(planPath, cwd)} not found: a plan folder holds plan.yaml and data/<year>.yaml` };
      }
    }
    diagnostics.push(planRead);
  }
  const years: SourceText[] = [];
  const dataDir = join(root, 'data');
  let names: string[] = [];
  try {
    names = (await readdir(dataDir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      diagnostics.push(fileDiagnostic(displayPath(dataDir, cwd), IO_ERROR, `cannot be read (${(err as NodeJS.ErrnoException).code})`));
    }
  }
  for (const name of names) {
    const path = join(dataDir, name);
    const read = await readText(path, displayPath(path, cwd));
    if ('code' in read) diagnostics.push(read);
    else years.push(read);
  }
  const plan = 'code' in planRead ? null : planRead;
  return { ok: true, sources: { plan, years }, diagnostics };
}
