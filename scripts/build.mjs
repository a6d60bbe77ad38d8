// Build dist/ from src/ (npm run build; also `prepare`, so `npm install` runs it):
//
// 1. Every source module is transpiled by esbuild to dist/, module by module, as the tests and
//    the build's own steps below load them. esbuild only strips the types: the type check of
//    the sources and the tests is `npm run typecheck`, a test of `npm test` (test/typecheck.test.ts).
// 2. The CLI is bundled for start-up speed: dist/bundle/cli.cjs and a few chunks instead of
//    hundreds of modules, with the work every run repeated done once here.
// 3. The chunks are written as CommonJS, so that bin/load-bundle.js can compile them with
//    V8's code cache; bin/cixi-plan.js runs the bundle through it.
// 4. A training run of the bundle writes those caches (scripts/code-cache.mjs).
//
// The bundle:
//
// - The package's Handlebars templates are precompiled: src/render/precompiled.ts is
//   replaced by their code (src/render/precompile.ts), so a run compiles only the files a
//   user's --templates folder changes.
// - The two JSON Schemas become ajv's standalone code: src/validate/validators.ts is
//   replaced by it (src/validate/validator-code.ts), so a run never compiles a schema and
//   ajv's compiler is not in the bundle.
// - Each command stays a chunk loaded when named, and the PDF typesetter (with pdfkit and
//   fontkit) only when a PDF is asked for.
// - yaml is taken as its ES module build, without a read of the environment per token.
// - dist/bundle/meta.json says what each chunk holds and imports (test/bundle.test.ts reads it).
//
// A build whose inputs are those of the last one does nothing (`npm test` builds first, just
// after `npm ci` has): dist/build-inputs.sha256, written last, is the digest of every file the
// build reads that is not in a package, of the installed packages' versions and of the Node.js
// and options the code caches are made for (scripts/build-inputs.mjs). `npm run build --
// --force` builds anyway, for an edit inside node_modules/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, transform } from 'esbuild';
import { builtFrom, inputsDigest, stampFile } from './build-inputs.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const fail = (message) => {
  console.error(`build: ${message}`);
  process.exit(1);
};

// 0. The digest of the inputs, and nothing to do when dist/ was built from them.
const digest = inputsDigest(root);
if (!process.argv.includes('--force') && builtFrom(root, digest)) {
  console.log('build: dist/ is up to date (the inputs are those of the last build; `npm run build -- --force` builds anyway)');
  process.exit(0);
}

// 1. dist/ afresh: a module whose source is gone must not stay behind to be imported.
rmSync(join(root, 'dist'), { recursive: true, force: true });
const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
  .map((e) => relative(root, join(e.parentPath, e.name)));
// esbuild prints why a file does not compile, then rejects: exit 1 without a stack trace.
const failed = () => process.exit(1);
await build({
  absWorkingDir: root,
  entryPoints: sources,
  outbase: 'src',
  outdir: 'dist',
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
}).catch(failed);

// 2. The bundle.
const { precompiledTemplatesModule } = await dist('render/precompile.js');
const { loadTemplates } = await dist('load/templates.js');
const { MARKDOWN_FORMAT, HTML_FORMAT, PDF_FORMAT } = await dist('render/formats.js');
const { standaloneValidatorsModule } = await dist('validate/validator-code.js');

const sets = [];
for (const spec of [MARKDOWN_FORMAT, HTML_FORMAT, PDF_FORMAT]) {
  const loaded = await loadTemplates(spec, null, root);
  if (!loaded.ok) fail(loaded.message.en);
  sets.push({ spec, templates: loaded.templates });
}
const templates = precompiledTemplatesModule(sets);
if (!templates.ok) fail(templates.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`).join('\n'));

// Modules whose text the bundle takes from the build instead of the source file.
const generated = new Map([
  [join(root, 'src/render/precompiled.ts'), templates.source],
  [join(root, 'src/validate/validators.ts'), standaloneValidatorsModule()],
]);
const generatedModules = {
  name: 'generated-modules',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const contents = generated.get(args.path);
      return contents === undefined ? undefined : { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};
// A patch to one file of a package, made as esbuild loads it: `edit(text, changed)` gives the
// patched text, and `changed(what)` fails the build, saying what the package does another way
// now, so that no patch silently stops applying when a package is updated.
function patchModule(name, file, edit) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter: file }, (args) => {
        const changed = (what) => fail(`${relative(root, args.path)}: ${what} another way now; check the patch`);
        return { contents: edit(readFileSync(args.path, 'utf8'), changed), loader: 'js' };
      });
    },
  };
}

// yaml's CommonJS build for Node reads process.env.LOG_TOKENS for every token it parses (a
// debugging switch that would print to our stdout; the function holding it took 0.5 s of
// validating 3,000 indicators, 0.09 s without it), and as CommonJS is reached through getters
// in the bundle: take its ES module build, the same code without the switch, with warnings
// sent through process.emitWarning as the Node build sends them.
const yamlModuleBuild = {
  name: 'yaml-module-build',
  setup(b) {
    const yamlRoot = dirname(fileURLToPath(import.meta.resolve('yaml/package.json')));
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: join(yamlRoot, 'browser', 'index.js') }));
  },
};
const yamlWarnings = patchModule('yaml-warnings', /[\\/]node_modules[\\/]yaml[\\/]browser[\\/]dist[\\/]log\.js$/, (text, changed) => {
  const patched = text.replace(
    '        console.warn(warning);',
    "        if (typeof process.emitWarning === 'function')\n            process.emitWarning(warning);\n        else\n            console.warn(warning);",
  );
  if (patched === text) changed('yaml warns');
  return patched;
});

// pdfkit finds its standard fonts through its own package imports (#standard-fonts/…) and its
// colour profile next to its module: from a chunk of ours, name them through the package instead.
const pdfkitFromBundle = patchModule('pdfkit-from-bundle', /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/, (text, changed) => {
  const patched = text
    .replace(/require\$1\('#standard-fonts\//g, "require$1('pdfkit/standard-fonts/")
    .replace("new URL('./data/sRGB_IEC61966_2_1.icc', import.meta.url)", "new URL('./data/sRGB_IEC61966_2_1.icc', import.meta.resolve('pdfkit'))");
  if (/#standard-fonts|import\.meta\.url\)\.href/.test(patched)) changed('pdfkit finds its files');
  return patched;
});

// fontkit in the bundle, two patches that change no result (test/bundle.test.ts: the bundle's
// PDFs are the sources', made with fontkit as it is, byte for byte):
//
// - fontkit decodes the loca table (where each glyph is in glyf: read for a glyph's metrics,
//   and for each glyph of the subset pdfkit embeds) one number at a time through restructure,
//   6 ms for each of the two fonts at every PDF run. Take the same numbers from the bytes in
//   one copy instead, as a Uint32Array (byte order swapped by Buffer#swap32/swap16, natively):
//   fontkit only indexes it, and shifts the short offsets of version 0 in place, which a
//   Uint32Array holds as an Array would.
// - Its Arabic, Indic and Universal shapers each inflate a Unicode trie when the module loads
//   (8 ms of every PDF run), though they shape only text of their scripts: make each trie the
//   first time it is asked for a character.
const fontkitPatches = patchModule('fontkit-patches', /[\\/]node_modules[\\/]fontkit[\\/]dist[\\/]module\.mjs$/, (text, changed) => {
  const loca = /^let (\$\w+\$var\$loca) = new (\$\w+\$VersionedStruct)\('head\.indexToLocFormat', \{\n {4}0: \{\n {8}offsets: new (\$\w+\$Array)\((\$\w+\$uint16)\)\n {4}\},\n {4}1: \{\n {8}offsets: new \3\((\$\w+\$uint32)\)\n {4}\}\n\}\);$/m;
  const found = loca.exec(text);
  if (found === null) changed('fontkit defines loca');
  const [whole, name, struct, array, uint16, uint32] = found;
  let patched = text.replace(whole, () =>
    [
      `class $cixiNumbersToEnd extends ${array} {`,
      '    decode(stream, parent) {',
      '        const end = (parent != null ? parent._length : undefined) ? parent._startOffset + parent._length : stream.length;',
      '        const size = this.type.size();',
      '        const count = Math.max(0, Math.floor((end - stream.pos) / size));',
      '        const bytes = stream.buffer.subarray(stream.pos, stream.pos + count * size);',
      '        stream.pos += count * size;',
      '        const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;',
      '        if (size === 4) {',
      '            const offsets = new Uint32Array(count);',
      '            const own = Buffer.from(offsets.buffer);',
      '            own.set(bytes);',
      '            if (littleEndian) own.swap32();',
      '            return offsets;',
      '        }',
      '        const shorts = new Uint16Array(count);',
      '        const own = Buffer.from(shorts.buffer);',
      '        own.set(bytes);',
      '        if (littleEndian) own.swap16();',
      '        return Uint32Array.from(shorts);',
      '    }',
      '}',
      `let ${name} = new ${struct}('head.indexToLocFormat', {`,
      `    0: { offsets: new $cixiNumbersToEnd(${uint16}) },`,
      `    1: { offsets: new $cixiNumbersToEnd(${uint32}) }`,
      '});',
    ].join('\n'),
  );
  const tries = [...patched.matchAll(/^const (\$\w+\$var\$trie) = (new \(0, \$\w+\$unicodetrie\)\(.*\));$/gm)];
  if (tries.length !== 3) changed(`fontkit makes ${tries.length} tries, not 3,`);
  for (const [line, trie, make] of tries) {
    // Asked only for characters (.get), the only use a lazy trie answers.
    const uses = patched.split(trie).length - 1;
    if (uses !== patched.split(`${trie}.get(`).length) changed(`fontkit uses ${trie}`);
    patched = patched.replace(line, () => `const ${trie} = $cixiLazyTrie(() => ${make});`);
  }
  return `const $cixiLazyTrie = (make) => {\n    let trie;\n    return { get: (codePoint) => (trie ??= make()).get(codePoint) };\n};\n${patched}`;
});

// restructure, which fontkit decodes and encodes the font tables with, names the stream's
// method for every number it reads or writes with a template string (`read${this.fn}`): a new
// string, then a lookup by it, 70 ns a number where the read itself takes 10. Name the two
// methods once, when the number type is made.
const restructureNumberMethods = patchModule('restructure-number-methods', /[\\/]node_modules[\\/]restructure[\\/]src[\\/]Number\.js$/, (text, changed) => {
  const edits = [
    ["    if (this.type[this.type.length - 1] !== '8') {\n      this.fn += this.endian;\n    }\n", "    if (this.type[this.type.length - 1] !== '8') {\n      this.fn += this.endian;\n    }\n    this.readFn = `read${this.fn}`;\n    this.writeFn = `write${this.fn}`;\n"],
    ['    return stream[`read${this.fn}`]();', '    return stream[this.readFn]();'],
    ['    return stream[`write${this.fn}`](val);', '    return stream[this.writeFn](val);'],
  ];
  let patched = text;
  for (const [from, to] of edits) {
    if (patched.split(from).length !== 2) changed('restructure reads numbers');
    patched = patched.replace(from, () => to);
  }
  if (patched.includes('stream[`')) changed('restructure names a stream method');
  return patched;
});

// commander requires node:child_process when it loads, for subcommands that are programs of
// their own, which cixi-plan has none of: 3 ms of every run. Require it when one would be run.
const commanderChildProcess = patchModule('commander-child-process', /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/, (text, changed) => {
  const line = "const childProcess = require('node:child_process');";
  const uses = text.split('childProcess.').length - 1;
  if (!text.includes(line) || uses === 0 || uses !== text.split('childProcess.spawn(').length - 1) changed('commander uses node:child_process');
  const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
  return text.replace(line, () => lazy);
});

// unicode-trie inflates its data twice with tiny-inflate, DEFLATE in JavaScript run cold: the
// trie of unicode-properties, which fontkit reads for every word's script, took 13 ms of every
// PDF run. Inflate it with Node's zlib instead: DEFLATE's output is fixed by its input, and this
// returns what tiny-inflate returns (the destination, or the part of it filled).
const unicodeTrieInflate = patchModule('unicode-trie-inflate', /[\\/]node_modules[\\/]unicode-trie[\\/]index\.js$/, (text, changed) => {
  const line = "const inflate = require('tiny-inflate');\n";
  if (!text.startsWith(line) || text.split('inflate(').length !== 3) changed('unicode-trie inflates');
  const inflate = [
    "const { inflateRawSync } = require('zlib');",
    'const inflate = (source, dest) => {',
    '  const out = inflateRawSync(source);',
    "  if (out.length > dest.length) throw new Error('unicode-trie: the data inflates past its stated length');",
    '  dest.set(out);',
    '  return out.length < dest.length ? dest.slice(0, out.length) : dest;',
    '};',
    '',
  ].join('\n');
  return inflate + text.slice(line.length);
});

// A module that a package loads but a run seldom or never calls, replaced by a stand-in that
// loads it, from `from`'s place in node_modules, the first time it is used (`load()` in `stub`).
// `importer`, when given, limits the swap to imports from that package.
function lazyModule(name, { specifier, importer, from, stub }) {
  return {
    name,
    setup(b) {
      b.onResolve({ filter: specifier }, (args) => (importer === undefined || importer.test(args.importer) ? { path: args.path, namespace: name } : undefined));
      b.onLoad({ filter: /.*/, namespace: name }, (args) => ({
        contents: [
          "import { createRequire } from 'node:module';",
          'let loaded;',
          `const load = () => (loaded ??= createRequire(import.meta.resolve(${JSON.stringify(from)}))(${JSON.stringify(args.path)}));`,
          ...stub,
        ].join('\n'),
        loader: 'js',
      }));
    },
  };
}

const fromPdfkit = /[\\/]node_modules[\\/]pdfkit[\\/]/;

// fontkit decompresses WOFF2 fonts with brotli, whose dictionary is 0.7 MB of JavaScript to
// parse in every PDF run (0.02 s); our fonts are TrueType.
const lazyBrotli = lazyModule('lazy-brotli', {
  specifier: /^brotli\/decompress\.js$/,
  from: 'fontkit',
  stub: ['export default function brotliDecompress(...args) {', '  return load()(...args);', '}'],
});

// pdfkit encrypts with AES only PDFs that have a password (never ours), but @noble/ciphers
// computes its tables when loaded (0.02 s of every PDF run).
const lazyCiphers = lazyModule('lazy-ciphers', {
  specifier: /^@noble\/ciphers\/aes$/,
  importer: fromPdfkit,
  from: 'pdfkit',
  stub: ['export const cbc = (...args) => load().cbc(...args);', 'export const ecb = (...args) => load().ecb(...args);'],
});

// pdfkit breaks lines with linebreak only in doc.text(), which the typesetter never calls (it
// breaks its own lines), but linebreak inflates its Unicode tables when loaded (0.02 s of every
// PDF run).
const lazyLinebreak = lazyModule('lazy-linebreak', {
  specifier: /^linebreak$/,
  importer: fromPdfkit,
  from: 'pdfkit',
  stub: ['export default class LazyLineBreaker {', '  constructor(...args) {', '    return new (load())(...args);', '  }', '}'],
});

const outdir = join(root, 'dist', 'bundle');
const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'linked',
  plugins: [generatedModules, yamlModuleBuild, yamlWarnings, pdfkitFromBundle, commanderChildProcess, restructureNumberMethods, fontkitPatches, unicodeTrieInflate, lazyBrotli, lazyCiphers, lazyLinebreak],
  logLevel: 'warning',
  metafile: true,
  write: false,
}).catch(failed);

// 3. The chunks as CommonJS, for V8's code cache (bin/load-bundle.js): esbuild splits only ES
// modules, so each chunk it wrote is turned into CommonJS on its own. Imports between chunks
// become require() of the `.cjs` file (imported names stay live: each is read from the
// exports' getter when used), import() the same inside a promise, and import.meta the
// loader's parameters.
const chunkFile = (path) => path.replace(/\.js(\.LEGAL\.txt)?$/, '.cjs$1');
mkdirSync(join(outdir, 'chunks'), { recursive: true });
for (const out of result.outputFiles) {
  if (out.path.endsWith('.LEGAL.txt')) {
    writeFileSync(chunkFile(out.path), out.contents);
    continue;
  }
  const cjs = await transform(out.text, {
    loader: 'js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__cixiMetaUrl', 'import.meta.resolve': '__cixiMetaResolve' },
    legalComments: 'inline',
    logLevel: 'silent',
  }).catch(failed);
  // (The packages' own warnings, a duplicate key and the like, were esbuild's to print when it bundled them.)
  const lost = cjs.warnings.filter((w) => /import\.meta|import\(/.test(w.text));
  if (lost.length > 0) fail(`${relative(root, out.path)}: ${lost.map((w) => w.text).join('; ')}`);
  const code = cjs.code.replace(/\brequire\("(\.\/[\w/-]+)\.js"\)/g, 'require("$1.cjs")').replace(/\b([\w-]+)\.js\.LEGAL\.txt\b/g, '$1.cjs.LEGAL.txt');
  // Every chunk a chunk requires was written by this build.
  for (const [, target] of code.matchAll(/\brequire\("(\.\/[^"]+)"\)/g)) {
    if (!result.outputFiles.some((o) => chunkFile(o.path) === resolve(dirname(out.path), target))) fail(`${relative(root, out.path)} requires ${target}, which the build did not write`);
  }
  writeFileSync(chunkFile(out.path), code);
}
// What each chunk holds and imports, by the names written (the tests read it).
const outputs = Object.fromEntries(
  Object.entries(result.metafile.outputs).map(([path, o]) => [chunkFile(path), { ...o, imports: o.imports.map((i) => ({ ...i, path: chunkFile(i.path) })) }]),
);
// And the files of this package the bundle is made of (test/build-inputs.test.ts holds them to
// the build's inputs): not the packages' files, nor the stubs the lazy-module plugins make
// for packages (`lazy-brotli:brotli/decompress.js`).
const bundled = Object.keys(result.metafile.inputs).filter((path) => !/(^|\/)node_modules\//.test(path) && !/^[\w-]+:/.test(path));
writeFileSync(join(outdir, 'meta.json'), `${JSON.stringify({ sources: bundled, outputs }, null, 1)}\n`);
const chunks = Object.keys(outputs).filter((f) => f.endsWith('.cjs'));
console.log(`build: dist: ${sources.length} modules; ${relative(root, outdir)}: ${chunks.length} files, ${templates.count} templates precompiled, 2 schemas compiled`);

// 4. Train the code caches: run the bundle as bin/cixi-plan.js runs it, on a fixture plan,
// through the commands a user runs, and keep what V8 compiled (scripts/code-cache.mjs). A
// bundle that fails here fails the build.
try {
  execFileSync(process.execPath, [join(root, 'scripts/code-cache.mjs')], { cwd: root, stdio: 'inherit' });
} catch {
  fail('the bundle failed its training run (scripts/code-cache.mjs)');
}
// Last, so that a build that failed or was stopped is never taken for up to date.
writeFileSync(stampFile(root), `${digest}\n`);
