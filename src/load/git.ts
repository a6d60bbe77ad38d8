// Read a plan folder as it stands at a git revision, without touching the working
// tree or the index: only read-only plumbing (rev-parse, ls-tree, cat-file), run
// through execFile with argument arrays (no shell). Problems a user must fix come
// back as a value (`{ok: false, message}`), which the CLI reports with exit 2; a
// single unreadable file becomes a diagnostic, as for the working tree.

import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Bilingual, Diagnostic } from '../diagnostic.js';
import { displayPath } from './files.js';
import { IO_ERROR, MAX_FILE_BYTES, MAX_PLAN_BYTES, MAX_YEAR_FILES, decodeText, fileDiagnostic, folderLimit, type PlanSources, type SourceText } from './source-text.js';

/** A plan folder read at a revision. */
export interface RevisionPlan {
  /** The revision as given, e.g. `main`. */
  revision: string;
  /** The full commit id it resolved to. */
  commit: string;
  /** Texts named like the working tree's files plus `@<revision>`: `plan/data/2024.yaml@main`. */
  sources: PlanSources;
  /** Files that could not be read (not text, too large). */
  diagnostics: Diagnostic[];
}

/** A problem that stops reading a revision; caught at this module's boundary. */
// Why a revision cannot be read, in both languages (git's own words, quoted, stay English).
class GitProblem extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
  }
}

/** A plan folder read at a revision, or why it could not be read. */
export type RevisionRead = { ok: true; plan: RevisionPlan } | { ok: false; message: Bilingual };

/** What `git` printed and how it ended. */
interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

// A plan folder's files in all, and the headers of `cat-file --batch` (a line per file).
const MAX_BUFFER = MAX_PLAN_BYTES + 1024 * 1024;

/**
 * Variables that point git at another repository than the one holding the plan folder
 * (git hooks set some of them): the plan folder alone says which repository to read.
 */
const REPOSITORY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
];

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_LITERAL_PATHSPECS: '1', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', LANGUAGE: 'C' };
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  return env;
}

// Run git with arguments (never through a shell). Paths are not quoted or escaped
// (core.quotepath=false, and -z where git lists paths), pathspecs are literal, and
// messages are in English so they can be recognised.
// `input`, if given, is written to git's standard input. node:child_process is loaded here,
// when --rev needs it, not with the module: it takes 3 ms of every other run to load.
async function git(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      'git',
      ['-c', 'core.quotepath=false', ...args],
      {
        cwd,
        encoding: 'buffer',
        maxBuffer: MAX_BUFFER,
        windowsHide: true,
        env: gitEnv(),
      },
      (error, stdout, stderr) => {
        const err = error as (NodeJS.ErrnoException & { code?: string | number }) | null;
        if (err && typeof err.code === 'string') {
          if (err.code === 'ENOENT') {
            reject(new GitProblem('git was not found: reading a revision (--rev) needs git on the PATH', '找不到 git：读取版本（--rev）需要 PATH 中有 git'));
          } else if (err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
            reject(new GitProblem(`git printed more than ${MAX_BUFFER / 1048576} MiB for \`git ${args.join(' ')}\``, `\`git ${args.join(' ')}\` 输出超过 ${MAX_BUFFER / 1048576} MiB`));
          } else {
            reject(new GitProblem(`git could not be run (${err.code})`, `无法运行 git（${err.code}）`));
          }
          return;
        }
        resolvePromise({
          code: err ? (typeof err.code === 'number' ? err.code : 1) : 0,
          stdout: stdout,
          stderr: stderr.toString('utf8').trim(),
        });
      },
    );
    if (input !== undefined) {
      // A git that exits before reading all of it closes the pipe: its exit code says why.
      child.stdin?.on('error', () => {});
      child.stdin?.end(input);
    }
  });
}

// The nearest existing folder at or above `path` (git needs an existing folder to start from).
function existingFolder(path: string): string {
  let dir = path;
  for (;;) {
    try {
      if (statSync(dir).isDirectory()) return dir;
    } catch {
      // Not there: try the parent.
    }
    const parent = dirname(dir);
    if (parent === dir) return dir;
    dir = parent;
  }
}

/** Where a folder lies in its git repository: the repository's root and the folder's path inside it. */
interface RepoLocation {
  /** The repository's top-level folder, as git reports it. */
  root: string;
  /** The folder's path from the root, with `/` separators and a trailing `/` (empty for the root). */
  prefix: string;
}

/** Find the git repository holding `dir` (resolved against `cwd`); throws GitProblem when there is none. */
async function locateInRepo(dir: string, cwd: string): Promise<RepoLocation> {
  const abs = resolve(cwd, dir);
  const start = existingFolder(abs);
  const result = await git(start, ['rev-parse', '--show-toplevel', '--show-prefix']);
  if (result.code !== 0) {
    if (/not a git repository/i.test(result.stderr)) {
      throw new GitProblem(
        `${displayPath(dir, cwd)} is not in a git repository: --rev reads the plan from git history (use \`diff <from-year> <to-year>\` to compare years)`,
        `${displayPath(dir, cwd)} 不在 git 仓库中：--rev 从 git 历史读取规划（比较年份请用 \`diff <起始年> <结束年>\`）`,
      );
    }
    throw new GitProblem(`git cannot read ${displayPath(dir, cwd)}: ${firstLine(result.stderr)}`, `git 无法读取 ${displayPath(dir, cwd)}：${firstLine(result.stderr)}`);
  }
  const [root = '', startPrefix = ''] = result.stdout.toString('utf8').split('\n');
  if (root === '') {
    throw new GitProblem(`${displayPath(dir, cwd)} is in a bare git repository or inside .git: --rev needs a work tree`, `${displayPath(dir, cwd)} 在裸仓库或 .git 之内：--rev 需要工作区`);
  }
  // The part of the path that does not exist on disk (a folder deleted since) is appended as is.
  const rest = relative(start, abs).split(sep).filter(Boolean).join('/');
  const prefix = startPrefix + (rest ? rest + '/' : '');
  return { root, prefix };
}

/** Resolve a revision to a full commit id; throws GitProblem when git does not know it. */
async function resolveRevision(root: string, revision: string): Promise<string> {
  if (revision === '' || revision.startsWith('-') || /[\0\n]/.test(revision)) {
    throw new GitProblem(`\`${revision}\` is not a revision`, `\`${revision}\` 不是版本`);
  }
  const result = await git(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  const commit = result.stdout.toString('utf8').trim();
  if (result.code !== 0 || !/^[0-9a-f]{40,64}$/.test(commit)) {
    throw new GitProblem(
      `unknown revision \`${revision}\` in ${root}: name a branch, tag or commit (e.g. main, HEAD~1, origin/main)`,
      `${root} 中没有版本 \`${revision}\`：请给出分支、标签或提交（如 main、HEAD~1、origin/main）`,
    );
  }
  return commit;
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  size: number | null;
  path: string;
}

// Parse `git ls-tree -z -l` output: "<mode> <type> <object> <size>\t<path>\0".
function parseTree(out: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of out.toString('utf8').split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', object = '', size = '-'] = record.slice(0, tab).trim().split(/\s+/);
    entries.push({ mode, type, object, size: size === '-' ? null : Number(size), path: record.slice(tab + 1) });
  }
  return entries;
}

/** How a file read at a revision is named: as the working tree would show it, and that with `@<revision>`. */
interface ShownPath {
  path: string;
  file: string;
}

// Why a listed entry cannot be read as a plan file (the checks a file on disk gets), or null.
function blobProblem(entry: TreeEntry, shown: ShownPath): Diagnostic | null {
  const { file } = shown;
  if (entry.type !== 'blob' || entry.mode === '120000' || entry.mode === '160000') {
    return fileDiagnostic(file, IO_ERROR, { en: 'is not a regular file at this revision', zh: '在这个版本中不是普通文件' });
  }
  if (entry.size !== null && entry.size > MAX_FILE_BYTES) {
    return fileDiagnostic(file, 'file-too-large', {
      en: `is ${(entry.size / 1048576).toFixed(1)} MiB; plan files are limited to ${MAX_FILE_BYTES / 1048576} MiB`,
      zh: `有${(entry.size / 1048576).toFixed(1)} MiB；规划文件不能超过${MAX_FILE_BYTES / 1048576} MiB`,
    });
  }
  return null;
}

/**
 * The contents of blobs, by object id, read by one `git cat-file --batch` (one process for
 * a plan folder, not one per file): it prints `<id> <type> <size>` and the bytes for each id
 * asked, `<id> missing` for an id it does not have. Ids not returned could not be read; the
 * string is git's reason.
 */
async function readBlobs(root: string, objects: readonly string[]): Promise<{ blobs: Map<string, Buffer>; failure: string | null }> {
  const blobs = new Map<string, Buffer>();
  if (objects.length === 0) return { blobs, failure: null };
  const result = await git(root, ['cat-file', '--batch'], `${objects.join('\n')}\n`);
  if (result.code !== 0) return { blobs, failure: firstLine(result.stderr) };
  const out = result.stdout;
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const [id = '', type = '', size = ''] = out.subarray(at, eol).toString('latin1').split(' ');
    at = eol + 1;
    if (type === 'missing' || !/^\d+$/.test(size)) continue;
    const end = at + Number(size);
    if (type === 'blob' && end <= out.length) blobs.set(id, out.subarray(at, end));
    // The bytes, then a line feed.
    at = end + 1;
  }
  return { blobs, failure: null };
}

/**
 * Read `<dir>/plan.yaml` and `<dir>/data/*.yaml` (or `.yml`) as they stand at
 * `revision`, with the same texts `readPlanFolder` gives for the working tree.
 * Paths are shown relative to `cwd`, followed by `@<revision>`.
 */
export async function readPlanAtRevision(dir: string, revision: string, cwd: string): Promise<RevisionRead> {
  try {
    return { ok: true, plan: await readRevision(dir, revision, cwd) };
  } catch (err) {
    if (err instanceof GitProblem) return { ok: false, message: { en: err.message, zh: err.zh } };
    throw err;
  }
}

async function readRevision(dir: string, revision: string, cwd: string): Promise<RevisionPlan> {
  const { root, prefix } = await locateInRepo(dir, cwd);
  const commit = await resolveRevision(root, revision);
  const listed = await git(root, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', `${prefix}plan.yaml`, `${prefix}data`]);
  if (listed.code !== 0) {
    throw new GitProblem(`git cannot list ${displayPath(dir, cwd)} at ${revision}: ${firstLine(listed.stderr)}`, `git 无法列出 ${revision} 中的 ${displayPath(dir, cwd)}：${firstLine(listed.stderr)}`);
  }
  const entries = parseTree(listed.stdout);
  // Show each file as the working tree would: relative to cwd, then @revision. The
  // revision may hold `/` and `.` (origin/main, v1.0), so the path is kept apart.
  const folder = resolve(cwd, dir);
  const shown = (treePath: string): ShownPath => {
    const path = displayPath(join(folder, ...treePath.slice(prefix.length).split('/')), cwd);
    return { path, file: `${path}@${revision}` };
  };
  const planEntry = entries.find((e) => e.path === `${prefix}plan.yaml`);
  if (!planEntry) {
    const where = displayPath(join(folder, 'plan.yaml'), cwd);
    throw new GitProblem(
      `${where} does not exist at ${revision} (${commit.slice(0, 12)}): a plan folder holds plan.yaml and data/<year>.yaml`,
      `${revision}（${commit.slice(0, 12)}）中没有 ${where}：规划文件夹应包含 plan.yaml 和 data/<年份>.yaml`,
    );
  }
  const diagnostics: Diagnostic[] = [];
  const yearEntries = entries
    .filter((e) => {
      const name = e.path.slice(`${prefix}data/`.length);
      return e.path.startsWith(`${prefix}data/`) && !name.includes('/') && /\.ya?ml$/i.test(name);
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // The same limits as on disk, from the sizes git lists, before a blob is read.
  const wanted: TreeEntry[] = [];
  let total = planEntry.size ?? 0;
  for (const [i, entry] of yearEntries.entries()) {
    if (i >= MAX_YEAR_FILES) {
      diagnostics.push(folderLimit(shown(entry.path).file, null));
      break;
    }
    total += entry.size ?? 0;
    if (total > MAX_PLAN_BYTES) {
      diagnostics.push(folderLimit(shown(entry.path).file, total));
      break;
    }
    wanted.push(entry);
  }
  // What keeps a file from being read (not a file, too large), found once per file.
  const problems = new Map([planEntry, ...wanted].map((e) => [e, blobProblem(e, shown(e.path))] as const));
  const readable = [...problems].filter(([, problem]) => problem === null).map(([e]) => e);
  const { blobs, failure } = await readBlobs(root, readable.map((e) => e.object));
  const read = (entry: TreeEntry): SourceText | Diagnostic => {
    const problem = problems.get(entry) ?? null;
    if (problem !== null) return problem;
    const at = shown(entry.path);
    const bytes = blobs.get(entry.object);
    if (bytes === undefined) {
      const why = failure ?? 'missing';
      return fileDiagnostic(at.file, IO_ERROR, { en: `cannot be read from git (${why})`, zh: `无法从 git 读取（${why}）` });
    }
    return decodeText(bytes, at.file, at.path);
  };
  const years: SourceText[] = [];
  for (const entry of wanted) {
    const year = read(entry);
    if ('code' in year) diagnostics.push(year);
    else years.push(year);
  }
  const planRead = read(planEntry);
  let plan: SourceText | null = null;
  if ('code' in planRead) diagnostics.push(planRead);
  else plan = planRead;
  return { revision, commit, sources: { plan, years }, diagnostics };
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.replace(/^fatal: /, '') || 'unknown error';
}
