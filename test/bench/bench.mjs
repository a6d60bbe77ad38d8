// npm run bench: time `cixi-plan report` (all three formats, and PDF alone) on the
// shipped plan and on generated plans of 100, 1,000 and 10,000 indicators, and print
// wall time and peak memory (max RSS) of each run. A benchmark, not a test: it
// asserts nothing; the targets are printed beside the figures.
//
//   npm run bench                 every size
//   npm run bench -- 100 1000     only these generated sizes (and the shipped plan)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate-plan.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const work = join(root, 'out', 'bench');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const plans = [{ name: 'shipped plan (14)', dir: join(root, 'plan'), year: 2024 }];
for (const n of sizes.length > 0 ? sizes : [100, 1000, 10000]) {
  const dir = join(work, `plan-${n}`);
  if (!existsSync(join(dir, 'plan.yaml'))) generatePlan(dir, n);
  plans.push({ name: `${n.toLocaleString('en-US')} indicators`, dir, year: 2024 });
}

// Run the built CLI in a child process; GNU time is not on every machine, so the child
// reports its own peak RSS (process.resourceUsage().maxRSS, KiB) on exit.
function timeReport(plan, formats) {
  const out = join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const script = `
    import { main } from ${JSON.stringify(join(root, 'dist/cli.js'))};
    const code = await main(${JSON.stringify(['report', String(plan.year), '--plan', plan.dir, '--out', out, '--format', formats, '--quiet'])},
      { stdout: () => {}, stderr: (t) => process.stderr.write(t), isTTY: false, env: { SOURCE_DATE_EPOCH: '1740787200' }, cwd: process.cwd() });
    process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + ' CODE ' + code + '\\n'));`;
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const m = /MAXRSS (\d+) CODE (\d+)/.exec(r.stderr);
  if (!m || m[2] !== '0') throw new Error(`report failed on ${plan.name}: ${r.stderr.slice(-2000)}`);
  return { seconds, mib: Number(m[1]) / 1024 };
}

if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('build first: npx tsc -p tsconfig.json (npm test does it)');
  process.exit(2);
}
console.log(`cixi-plan report: wall time and peak memory, node ${process.version}, ${process.platform}/${process.arch}`);
console.log('targets: shipped plan, all formats ≤ 0.5 s; 10,000 indicators ≤ 10 s and ≤ 1 GiB; time growing no faster than linearly\n');
console.log(`${'plan'.padEnd(22)}${'md,html,pdf'.padStart(16)}${'peak'.padStart(11)}${'pdf only'.padStart(14)}${'peak'.padStart(11)}`);
for (const plan of plans) {
  const all = timeReport(plan, 'md,html,pdf');
  const pdf = timeReport(plan, 'pdf');
  const cell = (r) => [`${r.seconds.toFixed(2)} s`.padStart(14), `${r.mib.toFixed(0)} MiB`.padStart(11)].join('');
  console.log(`${plan.name.padEnd(22)}${cell(all)}${cell(pdf)}`);
}
