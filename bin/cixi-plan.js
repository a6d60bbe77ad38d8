#!/usr/bin/env node
// Thin entry: run the built CLI with the real process I/O and report its exit code.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BundleLoader, tuneV8 } from './load-bundle.js';

tuneV8();
const bundle = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
let cli;
try {
  cli = new BundleLoader().load(bundle);
} catch (err) {
  // A checkout that was never built, or a build removed or left unreadable: say what to run.
  if (typeof err?.code !== 'string' || typeof err.path !== 'string' || !err.path.startsWith(dirname(bundle))) throw err;
  const why = err.code === 'ENOENT' ? `${err.path} is missing` : `${err.path} cannot be read (${err.code})`;
  process.stderr.write(`error: cixi-plan is not built: ${why}; run \`npm run build\` in ${fileURLToPath(new URL('..', import.meta.url))}\n`);
  process.exit(2);
}
const { main, outputErrorLine, removeTempFilesSync } = cli;

// A reader that stops early (`cixi-plan gaps 2024 | head`) is not an error of ours; any
// other failure to write stdout (a full disk, /dev/full) is an I/O error: one line, exit 2.
let outputFailed = false;
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE' || outputFailed) return;
  outputFailed = true;
  process.exitCode = 2;
  // In the run's language (--lang, else the plan's): the line is written once that is known.
  void outputErrorLine(err, process.argv.slice(2), process.cwd()).then((line) => process.stderr.write(line));
});
process.stderr.on('error', (err) => {
  if (err.code !== 'EPIPE') process.exitCode = 2;
});

// Interrupted (Ctrl-C, kill): remove this run's temporary files, then die of the same signal.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    removeTempFilesSync();
    process.kill(process.pid, signal);
  });
}

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = outputFailed ? 2 : code;
