// npm run bench: the speed of the installed tool (bin/cixi-plan.js, the bundle the build
// writes), each figure beside its target. A benchmark, not a test: it asserts nothing and
// exits 0 whatever it finds. Every run is a fresh process, as a user's would be.
//
// 1. Start-up and the shipped plan: CPU seconds (user + system, all threads) of the whole
//    process, the median of several runs, interleaved.
// 2. The PDF against Typst in the same run: `report --format pdf` beside Typst
//    (typst-ts-node-compiler, in Node, loading its fonts) typesetting the same report's
//    Markdown (report.md: text and tables, no charts) with the same fonts (typst.mjs).
// 3. Generated plans (generate-plan.mjs): each command's CPU and peak memory, the three
//    formats' wall time (the median of three runs), and the cost per indicator, which stays flat
//    when time grows linearly; the largest plan again with every observation key misspelt (an
//    error and a "did you mean" search each).
//
//   npm run bench                       sizes 1,000, 3,000 and 10,000; 7 runs of each small case
//   npm run bench -- 1000 3000          only these generated sizes
//   npm run bench -- --runs 3 --no-large
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate-plan.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const work = join(root, 'out', 'bench');
const bin = join(root, 'bin', 'cixi-plan.js');
const rusage = join(root, 'test', 'bench', 'rusage.cjs');
const typst = join(root, 'test', 'bench', 'typst.mjs');
const EPOCH = '1740787200';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args[i + 1]);
};
const RUNS = option('--runs', 7);
const sizes = args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--runs').map(Number);
const SIZES = args.includes('--no-large') ? [] : sizes.length > 0 ? sizes : [1000, 3000, 10000];

if (!existsSync(join(root, 'dist', 'bundle', 'cli.cjs'))) {
  console.error('build first: npm run build (npm run bench does it)');
  process.exit(2);
}
mkdirSync(work, { recursive: true });

/** Run a node script in a fresh process: wall seconds, CPU seconds, peak RSS in MiB. */
function measure(script, argv, { expect = 0 } = {}) {
  const stats = join(work, `rusage-${process.pid}.json`);
  rmSync(stats, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', rusage, script, ...argv], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, CIXI_BENCH_RUSAGE: stats, NO_COLOR: '1' },
    maxBuffer: 1 << 28,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== expect || !existsSync(stats)) {
    throw new Error(`${[script, ...argv].join(' ')} exited ${r.status ?? r.signal}:\n${r.stderr.slice(-2000)}`);
  }
  const { cpu, maxRSS } = JSON.parse(readFileSync(stats, 'utf8'));
  return { wall, cpu, mib: maxRSS / 1024 };
}

const cixi = (argv, options) => measure(bin, argv, options);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const sec = (x) => `${x.toFixed(2)} s`;
const verdict = (ok) => (ok ? 'ok' : 'MISSED');

// Run each case RUNS times, the cases interleaved so that a change in the machine's load falls on all.
function medians(cases) {
  const cpu = cases.map(() => []);
  const mib = cases.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    cases.forEach((c, i) => {
      const m = c.run();
      cpu[i].push(m.cpu);
      mib[i].push(m.mib);
    });
  }
  return cases.map((c, i) => ({ ...c, cpu: median(cpu[i]), min: Math.min(...cpu[i]), max: Math.max(...cpu[i]), mib: median(mib[i]) }));
}

async function pages(file) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`cixi-plan bench: node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, load average ${load()}`);
console.log(`CPU = user + system seconds of the whole process (all threads), median of ${RUNS} interleaved runs (min–max)\n`);

// 1. Start-up and the shipped plan.
const shippedOut = join(work, 'shipped');
const out = (name) => ['--out', join(shippedOut, name), '--quiet'];
const small = medians([
  { name: 'node -e 0 (Node.js alone)', run: () => measure('-e', ['0']) },
  { name: 'cixi-plan --version', target: 0.1, run: () => cixi(['--version']) },
  { name: 'cixi-plan validate', target: 0.15, run: () => cixi(['validate']) },
  { name: 'report 2024 --format md,html', run: () => cixi(['report', '2024', '--format', 'md,html', ...out('text')]) },
  { name: 'report 2024 --format md', run: () => cixi(['report', '2024', '--format', 'md', ...out('md')]) },
  { name: 'report 2024 --format pdf', run: () => cixi(['report', '2024', '--format', 'pdf', ...out('pdf')]) },
  { name: 'report 2024 --format md,html,pdf', target: 0.45, run: () => cixi(['report', '2024', '--format', 'md,html,pdf', ...out('three')]) },
  { name: 'report 2024 (every format, xlsx too)', run: () => cixi(['report', '2024', ...out('all')]) },
  { name: 'Typst, the same content', run: () => measure(typst, [join(shippedOut, 'md', '2024', 'report.md'), join(shippedOut, 'typst.pdf')]) },
]);
const byName = (name) => small.find((c) => c.name.startsWith(name));
console.log(`Shipped plan (plan/, 14 indicators)${' '.repeat(16)}CPU     (min–max)        peak     target`);
for (const c of small.filter((c) => !c.name.startsWith('Typst'))) {
  const target = c.target === undefined ? '' : `≤ ${sec(c.target)}  ${verdict(c.cpu <= c.target)}`;
  console.log(`  ${c.name.padEnd(48)}${sec(c.cpu).padStart(7)}  (${c.min.toFixed(2)}–${c.max.toFixed(2)})${`${c.mib.toFixed(0)} MiB`.padStart(10)}     ${target}`);
}

// 2. The PDF against Typst.
const pdf = byName('report 2024 --format pdf');
const md = byName('report 2024 --format md');
const ty = byName('Typst');
const ourPages = await pages(join(shippedOut, 'pdf', '2024', 'report.pdf'));
const typstPages = await pages(join(shippedOut, 'typst.pdf'));
const { version: typstVersion } = JSON.parse(readFileSync(join(root, 'node_modules/@myriaddreamin/typst-ts-node-compiler/package.json'), 'utf8'));
console.log(`\nPDF against Typst (typst-ts-node-compiler ${typstVersion}), the same content and fonts, side by side`);
console.log(`  cixi-plan report 2024 --format pdf      ${sec(pdf.cpu)} CPU  ${String(ourPages).padStart(3)} pages (cover, 目录, charts, tables)`);
console.log(`    of which typesetting (pdf − md)        ${sec(pdf.cpu - md.cpu)}`);
console.log(`  Typst: report.md typeset, in Node        ${sec(ty.cpu)} CPU  ${String(typstPages).padStart(3)} pages (目录, tables; no charts)`);
console.log(`  target: cixi-plan ≤ Typst               ${(pdf.cpu / ty.cpu).toFixed(2)}× Typst's CPU  ${verdict(pdf.cpu <= ty.cpu)}`);

// 3. Generated plans.
if (SIZES.length > 0) {
  console.log(`\nGenerated plans (test/bench/generate-plan.mjs), one run each: CPU s (peak MiB); the three formats also in wall time, median of three runs`);
  console.log(`${'indicators'.padEnd(12)}${['validate', 'gaps', 'md', 'html', 'pdf'].map((s) => s.padStart(14)).join('')}${'md,html,pdf: wall'.padStart(20)}${'CPU'.padStart(9)}${'peak'.padStart(10)}${'per indicator'.padStart(15)}${'since previous'.padStart(16)}`);
  const rows = [];
  for (const n of SIZES) {
    const dir = join(work, `plan-${n}`);
    if (!existsSync(join(dir, 'plan.yaml'))) generatePlan(dir, n);
    const plan = ['--plan', dir];
    const report = (formats) => cixi(['report', '2024', ...plan, '--format', formats, '--out', join(work, `out-${n}`), '--quiet']);
    const stage = {
      validate: cixi(['validate', ...plan]),
      gaps: cixi(['gaps', '2024', ...plan]),
      md: report('md'),
      html: report('html'),
      pdf: report('pdf'),
    };
    // The three formats three times, the median by wall time: the cost per added indicator is a
    // ratio of differences, and one slow run in a noisy machine's minute moved it by half.
    const all = [report('md,html,pdf'), report('md,html,pdf'), report('md,html,pdf')].sort((a, b) => a.wall - b.wall)[1];
    const previous = rows.at(-1);
    const marginal = previous === undefined ? undefined : (all.wall - previous.all.wall) / (n - previous.n);
    rows.push({ n, all, marginal, validate: stage.validate });
    const cell = (m) => `${m.cpu.toFixed(2)} (${m.mib.toFixed(0)})`.padStart(14);
    console.log(
      `${n.toLocaleString('en-US').padEnd(12)}${Object.values(stage).map(cell).join('')}${sec(all.wall).padStart(20)}${sec(all.cpu).padStart(9)}${`${all.mib.toFixed(0)} MiB`.padStart(10)}` +
        `${`${((all.wall / n) * 1000).toFixed(2)} ms`.padStart(15)}${marginal === undefined ? '' : `${(marginal * 1000).toFixed(2)} ms`.padStart(16)}`,
    );
  }
  const largest = rows.at(-1);
  if (largest.n >= 10000) {
    console.log(`\n  ${largest.n.toLocaleString('en-US')} indicators, md,html,pdf: wall ${sec(largest.all.wall)} (target ≤ 10 s) ${verdict(largest.all.wall <= 10)}; peak ${largest.all.mib.toFixed(0)} MiB (target ≤ 1,024 MiB) ${verdict(largest.all.mib <= 1024)}`);
    // The same plan with every observation key misspelt: an error and a "did you mean" search
    // for each, which the suggester's budget of comparisons keeps from growing with ids × keys.
    const dir = join(work, `plan-${largest.n}-misspelt`);
    if (!existsSync(join(dir, 'plan.yaml'))) generatePlan(dir, largest.n, { misspelt: true });
    const misspelt = cixi(['validate', '--plan', dir], { expect: 1 });
    console.log(`  every observation key misspelt: validate ${sec(misspelt.cpu)} CPU (the valid plan: ${sec(largest.validate.cpu)}), peak ${misspelt.mib.toFixed(0)} MiB; ${(largest.n * 5).toLocaleString('en-US')} errors, and warnings for the data they leave missing`);
  }
  const marginals = rows.filter((r) => r.marginal !== undefined);
  if (marginals.length >= 2) {
    const ratio = marginals.at(-1).marginal / marginals[0].marginal;
    console.log(`  cost per added indicator, last step over first: ${ratio.toFixed(2)} (1.00 is a straight line; over 1.25 grows faster than linearly) ${verdict(ratio <= 1.25)}`);
  }
}
console.log(`\nload average at the end ${load()}`);
