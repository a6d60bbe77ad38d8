// The build's training run (scripts/build.mjs, step 4): load dist/bundle/ as bin/cixi-plan.js
// does, run the commands a user runs, in one process, then write beside each chunk what V8
// compiled of it (bin/load-bundle.js reads it at every run).
//
// The plan is test/fixtures/national-plan (many target kinds, five years of data), never plan/:
// an edit of the plan there must fail `cixi-plan validate` with its diagnostics, not the build.
// A chunk's cache holds the functions this run called, so a command left out here still
// works and only starts slower. Every command must give the exit code it should: a bundle
// that cannot run a valid plan fails the build here rather than on a user's machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BundleLoader, tuneV8 } from '../bin/load-bundle.js';

tuneV8();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const loader = new BundleLoader();
const { main } = loader.load(join(root, 'dist/bundle/cli.cjs'));

const plan = ['--plan', join(root, 'test/fixtures/national-plan')];
// What the commands write goes in dist/, which the build has just written, not in the system's
// temporary folder, which an install may not be able to write.
const out = mkdtempSync(join(root, 'dist', 'code-cache-run-'));
// Each command with the exit code it must give; the last two fail as a user's typing does.
const runs = [
  [['--version'], 0],
  [['--help'], 0],
  [['validate', ...plan], 0],
  [['validate', ...plan, '--format', 'json'], 0],
  [['gaps', '2024', ...plan], 0],
  [['report', '2024', ...plan, '--out', join(out, 'zh'), '--format', 'md,html,pdf,xlsx', '--quiet'], 0],
  [['report', '2024', ...plan, '--out', join(out, 'en'), '--lang', 'en', '--format', 'pdf', '--quiet'], 0],
  [['diff', '2023', '2024', ...plan], 0],
  [['explain', '--list'], 0],
  [['explain', 'baseline-missing'], 0],
  [['schema', 'year'], 0],
  [['sheet', '2025', ...plan, '--out', join(out, 'fill-in.xlsx'), '--quiet'], 0],
  [['import', '2025', join(out, 'fill-in.xlsx'), ...plan, '--dry-run'], 0],
  [['init', join(out, 'plan')], 0],
  [['validate', '--plan', join(out, 'no-such-plan')], 2],
  [['report', '2024', ...plan, '--no-such-option'], 2],
];
let failed = null;
try {
  for (const [argv, expected] of runs) {
    let stderr = '';
    const code = await main(argv, { stdout: () => {}, stderr: (text) => (stderr += text), isTTY: false, env: {}, cwd: root });
    if (code !== expected) {
      failed = `code-cache: \`cixi-plan ${argv.join(' ')}\` exited ${code}, not ${expected}\n${stderr}`;
      break;
    }
  }
  if (failed === null) loader.writeCaches();
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (failed !== null) {
  console.error(failed);
  process.exitCode = 1;
}
