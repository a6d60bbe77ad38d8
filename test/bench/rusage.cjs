// Preloaded by `npm run bench` (node --require): on exit, write the process's CPU time
// (user + system, all threads, seconds) and peak resident memory (KiB) to the file named by
// CIXI_BENCH_RUSAGE. GNU time is not on every machine.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.CIXI_BENCH_RUSAGE;
if (file) {
  process.on('exit', (code) => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRSS: u.maxRSS, code }));
  });
}
