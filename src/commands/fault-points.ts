// Test-only pauses of the writer, so that a test interrupts a run at a known moment
// instead of guessing with sleeps. With CIXI_PLAN_TEST_FIFO naming a FIFO (mkfifo),
// CIXI_PLAN_TEST_PAUSE=before-temps pauses with the reports made and nothing written yet,
// blocking the main thread as rendering does; =temps-written pauses once every temporary
// file is written and synced, before any rename; =renamed-<n> pauses right after the n-th
// rename. At the pause the process says `cixi-plan: paused at <point>` on stderr and waits
// until a line is written to the FIFO. Unset, as outside tests: no pause.

import { open, openSync, readSync, closeSync, read, close } from 'node:fs';
import type { WriteHooks } from './output.js';

/** The writer hooks that CIXI_PLAN_TEST_PAUSE and CIXI_PLAN_TEST_FIFO ask for, if any. */
export function faultPoints(env: Record<string, string | undefined>, stderr: (text: string) => void): WriteHooks | undefined {
  const point = env.CIXI_PLAN_TEST_PAUSE;
  const fifo = env.CIXI_PLAN_TEST_FIFO;
  if (!point || !fifo) return undefined;
  const say = () => stderr(`cixi-plan: paused at ${point}\n`);
  // Block the main thread until a line comes through the FIFO.
  const block = () => {
    try {
      const fd = openSync(fifo, 'r');
      readSync(fd, Buffer.alloc(1), 0, 1, null);
      closeSync(fd);
    } catch {
      // No FIFO to wait on: go on.
    }
  };
  return {
    // Blocks the main thread, as synchronous work such as rendering does: with nothing to
    // clean up, a signal must end the run here at once.
    beforeTemps: () => {
      if (point !== 'before-temps') return;
      say();
      block();
    },
    // Waits off the main thread, so that SIGINT and SIGTERM are handled at once.
    afterTemps: async () => {
      if (point !== 'temps-written') return;
      say();
      await new Promise<void>((resolve) =>
        open(fifo, 'r', (err, fd) => {
          if (err) return resolve();
          read(fd, Buffer.alloc(1), 0, 1, null, () => close(fd, () => resolve()));
        }),
      );
    },
    // Blocks the main thread: the renames are one synchronous step, and a signal waits until they are done.
    afterRename: (n) => {
      if (point !== `renamed-${n}`) return;
      say();
      block();
    },
  };
}
