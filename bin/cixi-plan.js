#!/usr/bin/env node
// Thin entry: run the built CLI with the real process I/O and report its exit code.
import { main } from '../dist/cli.js';

// A reader that stops early (`cixi-plan gaps 2024 | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
});
