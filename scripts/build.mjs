// Bundle the built CLI for start-up speed (npm run build, after tsc): dist/bundle/cli.js
// and a few chunks instead of hundreds of modules, with the work every run repeated done
// once here. bin/cixi-plan.js runs the bundle; tsc's dist/ stays for the tests.
//
// - The package's Handlebars templates are precompiled: src/render/precompiled.ts is
//   replaced by their code (src/render/precompile.ts), so a run compiles only the files a
//   user's --templates folder changes.
// - The two JSON Schemas become ajv's standalone code: src/validate/validators.ts is
//   replaced by it (src/validate/validator-code.ts), so a run never compiles a schema and
//   ajv's compiler is not in the bundle.
// - Each command stays a chunk loaded when named, and the PDF typesetter (with pdfkit and
//   fontkit, left in node_modules) only when a PDF is asked for.
// - yaml reads process.env.LOG_TOKENS for every token it parses (a debugging switch that
//   would print to our stdout): the bundle reads it as unset, a tenth of parsing time.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const fail = (message) => {
  console.error(`build: ${message}`);
  process.exit(1);
};

const { precompiledTemplatesModule } = await dist('render/precompile.js');
const { loadTemplates } = await dist('load/templates.js');
const { MARKDOWN_FORMAT, HTML_FORMAT, PDF_FORMAT } = await dist('render/formats.js');
const { standaloneValidatorsModule } = await dist('validate/validator-code.js');

const sets = [];
for (const spec of [MARKDOWN_FORMAT, HTML_FORMAT, PDF_FORMAT]) {
  const loaded = await loadTemplates(spec, null, root);
  if (!loaded.ok) fail(loaded.message);
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
const yamlWithoutTokenLog = {
  name: 'yaml-without-token-log',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const patched = text.replace(/\bnode_process\.env\.LOG_(TOKENS|STREAM)\b/g, 'undefined');
      if (patched === text) fail(`${relative(root, args.path)}: yaml no longer reads LOG_TOKENS/LOG_STREAM there; check the patch`);
      return { contents: patched, loader: 'js' };
    });
  },
};

const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
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
  // pdfkit finds its own files through its module's location; fontkit goes with it.
  external: ['pdfkit', 'fontkit'],
  // The CommonJS packages in the bundle (handlebars, commander's core) call require().
  banner: { js: "import { createRequire as __cixiCreateRequire } from 'node:module'; const require = __cixiCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'linked',
  plugins: [generatedModules, yamlWithoutTokenLog],
  logLevel: 'warning',
  metafile: true,
});
if (result.errors.length > 0) process.exit(1);
const outputs = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
console.log(`build: ${relative(root, outdir)}: ${outputs.length} files, ${templates.count} templates precompiled, 2 schemas compiled`);
