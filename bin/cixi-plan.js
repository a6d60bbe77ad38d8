#!/usr/bin/env node
// Thin entry: run the built CLI with the real process I/O and report its exit code.
import { setFlagsFromString } from 'node:v8';

// A run lasts about a second: V8 11 (Node 20) spends more CPU optimising functions on its
// background threads than the optimised code gives back (a quarter of validating or writing
// the PDF of the shipped plan). Let a function run eight times longer before it is
// optimised: 3,000 indicators are no slower, 10,000 about a tenth slower (the PDF's long
// run; measure again when the typesetter changes). Later V8s tier up through Maglev first:
// left as they are.
if (process.versions.v8.startsWith('11.')) setFlagsFromString('--interrupt-budget=540672');

const { main, outputErrorLine, removeTempFilesSync } = await import('../dist/bundle/cli.js');

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
