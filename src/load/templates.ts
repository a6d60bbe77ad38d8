// Read a format's templates from disk: the package's templates/ folder (found from
// this module's location), overlaid by a user's --templates folder file by file, so
// a user may override one partial and keep the rest. The render stage reads no file:
// the CLI calls this before rendering.

import { lstat, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { bilingual, type Bilingual } from '../diagnostic.js';
import { displayPath, readRegularFile } from './files.js';
import { packagePath } from '../paths.js';

/** One template file: its text and the path shown in diagnostics. */
export interface TemplateFile {
  /** Partial name (`cover`, `charts/trend`); '' for the main template. */
  name: string;
  /** Path as shown to the user. */
  file: string;
  text: string;
}

/** The templates of one format: the main template and its partials. */
export interface TemplateSet {
  main: TemplateFile;
  partials: TemplateFile[];
}

/** Where a format's templates are, relative to a templates folder. */
export interface TemplateLayout {
  /** Main template, e.g. `report.md.hbs`; null for a format built without templates (xlsx). */
  template: string | null;
  /** Folders of partials; a partial in a later folder replaces one of the same name. */
  partials: readonly string[];
}

/** The templates of a format built without templates. */
export const NO_TEMPLATES: TemplateSet = { main: { name: '', file: '', text: '' }, partials: [] };

export type LoadResult = { ok: true; templates: TemplateSet } | { ok: false; message: Bilingual };

/**
 * Bytes a format's template files may have in all. The package's come to 27 KB at most (HTML);
 * Handlebars parses and compiles about 5,000 mustaches a second, so templates of megabytes
 * would hold the report for minutes.
 */
export const MAX_TEMPLATE_BYTES = 256 * 1024;

/** The package's own templates folder. */
export function builtinTemplatesDir(): string {
  return packagePath('templates');
}

// Every *.hbs entry under dir that is not a folder (a link, or a FIFO a reader must refuse, is
// taken, not skipped: a user's override is never ignored in silence), relative paths with '/'
// and without the extension; [] when dir is absent.
async function hbsFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter((e) => !e.isDirectory() && e.name.endsWith('.hbs'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/').replace(/\.hbs$/, ''))
    .sort();
}

// What is at path, links followed: a folder, something else, or nothing (or nothing readable).
async function kindOf(path: string): Promise<'folder' | 'other' | 'none'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'none';
  }
}

// Whether there is an entry at path, of any kind (a broken link too).
async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Load the main template and partials of a format. With `userDir`, each file found
 * there replaces the package's file of the same name. Paths in diagnostics are shown
 * relative to `cwd`.
 */
export async function loadTemplates(format: TemplateLayout, userDir: string | null, cwd: string): Promise<LoadResult> {
  if (format.template === null) return { ok: true, templates: NO_TEMPLATES };
  const builtin = builtinTemplatesDir();
  const user = userDir === null ? null : resolve(cwd, userDir);
  const kind = user === null ? 'folder' : await kindOf(user);
  if (kind === 'none') return { ok: false, message: { en: `--templates ${userDir}: no such folder`, zh: `--templates ${userDir}：没有这个文件夹` } };
  if (kind === 'other') return { ok: false, message: { en: `--templates ${userDir}: not a folder`, zh: `--templates ${userDir}：不是文件夹` } };
  let total = 0;
  // Read one file: a regular file (a link to one is followed), within what is left of the limit.
  const read = async (path: string, name: string): Promise<TemplateFile | Bilingual> => {
    const shown = displayPath(path, cwd);
    const file = await readRegularFile(path, MAX_TEMPLATE_BYTES - total);
    if (!file.ok) {
      if (file.reason === 'too-large') {
        const limit = MAX_TEMPLATE_BYTES.toLocaleString('en-US');
        const all = file.size === null ? null : (total + file.size).toLocaleString('en-US');
        return {
          en: `${shown}: with this file the templates of ${format.template} come to ${all === null ? 'more than the limit' : `${all} bytes`}, over the limit of ${limit}`,
          zh: `${shown}：加上此文件，${format.template} 的模板共 ${all === null ? '超过上限' : `${all} 字节`}，超过 ${limit} 字节的上限`,
        };
      }
      const why = bilingual(file.message);
      return { en: `${shown}: ${why.en}`, zh: `${shown}：${why.zh}` };
    }
    total += file.bytes.length;
    return { name, file: shown, text: file.bytes.toString('utf8').replace(/^\uFEFF/, '') };
  };
  const pick = async (rel: string): Promise<string> =>
    user !== null && (await exists(join(user, rel))) ? join(user, rel) : join(builtin, rel);

  try {
    const main = await read(await pick(format.template), '');
    if (!('text' in main)) return { ok: false, message: main };
    // Partial name -> its file relative to a templates folder; later folders win.
    const chosen = new Map<string, string>();
    for (const folder of format.partials) {
      const names = [...(await hbsFiles(join(builtin, folder))), ...(user === null ? [] : await hbsFiles(join(user, folder)))];
      for (const name of names) chosen.set(name, join(folder, `${name}.hbs`));
    }
    const partials: TemplateFile[] = [];
    for (const name of [...chosen.keys()].sort()) {
      const file = await read(await pick(chosen.get(name)!), name);
      if (!('text' in file)) return { ok: false, message: file };
      partials.push(file);
    }
    return { ok: true, templates: { main, partials } };
  } catch (err) {
    return { ok: false, message: { en: `cannot read templates: ${(err as Error).message}`, zh: `无法读取模板：${(err as Error).message}` } };
  }
}
