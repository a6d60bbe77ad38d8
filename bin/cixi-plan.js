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
const { main, outputErrorLine, removeTempFilesSync, setCleanupGuard } = cli;

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
// Messages that cannot be written (2>/dev/full) fail the run too, whenever the error comes.
let messagesFailed = false;
process.stderr.on('error', (err) => {
  if (err.code === 'EPIPE') return;
  messagesFailed = true;
  process.exitCode = 2;
});

// Interrupted (Ctrl-C, kill) while the run holds temporary files or a folder's lock: remove
// them, then die of the same signal. Handled only while there are any: a handled signal waits
// for the event loop, and synchronous work (rendering a large report) would make it wait long.
// Without a handler, the signal ends the run at once, as it does any program.
const interrupted = new Map(
  ['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => [
    signal,
    () => {
      removeTempFilesSync(); // which disarms: the signal sent next is not handled again
      process.kill(process.pid, signal);
    },
  ]),
);
setCleanupGuard((needed) => {
  for (const [signal, handler] of interrupted) {
    if (needed) process.on(signal, handler);
    else process.removeListener(signal, handler);
  }
});

const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = outputFailed || messagesFailed ? 2 : code;
