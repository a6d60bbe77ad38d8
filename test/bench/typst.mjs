// The yardstick of `npm run bench`: Typst (typst-ts-node-compiler, in Node) typesetting the
// report's Markdown with the same Noto Sans SC fonts on A4 with the PDF report's margins and type
// sizes, a 目录, running header and page numbers; text and tables, no charts.
//
//   node test/bench/typst.mjs report.md out.pdf    typeset (what the bench times)
//
// markdownToTypst turns the Markdown into Typst markup through marked's lexer, simply: headings,
// paragraphs, lists, tables, quotes, code, rules, strong, emphasis, code spans and links; every
// ASCII punctuation character of the text is escaped, so plan text is never read as markup.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Lexer } from 'marked';

const require = createRequire(import.meta.url);

/** The two weights the PDF report embeds. */
export const FONT_FILES = [
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
].map((f) => require.resolve(f));

const escapeText = (text) => text.replace(/[!-/:-@[-`{-~]/g, '\\$&').replace(/\n/g, ' ');
const str = (text) => JSON.stringify(text);

function inline(tokens) {
  let out = '';
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'strong': out += `#strong[${inline(t.tokens)}]`; break;
      case 'em': out += `#emph[${inline(t.tokens)}]`; break;
      case 'del': out += `#strike[${inline(t.tokens)}]`; break;
      case 'codespan': out += `#raw(${str(t.text)})`; break;
      case 'br': out += ' \\\n'; break;
      case 'link': out += `#link(${str(t.href)})[${inline(t.tokens)}]`; break;
      case 'image': out += escapeText(t.text); break;
      case 'html': break;
      case 'text': out += t.tokens ? inline(t.tokens) : escapeText(t.text); break;
      default: out += escapeText(t.raw ?? '');
    }
  }
  return out;
}

function blocks(tokens, indent = '') {
  const out = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'heading': out.push(`${'='.repeat(Math.min(t.depth, 3))} ${inline(t.tokens)}`); break;
      case 'paragraph': out.push(indent + inline(t.tokens)); break;
      case 'text': out.push(indent + inline(t.tokens ?? [{ type: 'text', text: t.text }])); break;
      case 'list':
        for (const item of t.items) {
          const [first, ...rest] = blocks(item.tokens, `${indent}  `);
          out.push(`${indent}${t.ordered ? '+' : '-'} ${(first ?? '').trimStart()}`, ...rest);
        }
        break;
      case 'table': {
        const align = t.align.map((a) => (a === 'right' ? 'right' : a === 'center' ? 'center' : 'left'));
        const cell = (c) => `[${inline(c.tokens)}]`;
        out.push(
          `#table(columns: ${t.header.length}, align: (${align.join(', ')},), stroke: none,`,
          `  table.hline(), table.header(${t.header.map(cell).join(', ')}), table.hline(stroke: 0.5pt),`,
          ...t.rows.map((row) => `  ${row.map(cell).join(', ')},`),
          '  table.hline())',
        );
        break;
      }
      case 'blockquote': out.push(`#quote(block: true)[\n${blocks(t.tokens).join('\n\n')}\n]`); break;
      case 'code': out.push(`#raw(block: true, ${str(t.text)})`); break;
      case 'hr': out.push('#line(length: 100%, stroke: 0.5pt)'); break;
      default: break; // html comments, spaces
    }
  }
  return out;
}

/** The Markdown as a Typst document set like the PDF report (A4, its margins and sizes). */
export function markdownToTypst(markdown, title) {
  const body = blocks(Lexer.lex(markdown)).join('\n\n');
  return `#set document(title: ${str(title)})
#set page(paper: "a4", margin: (top: 70pt, bottom: 66pt, left: 62pt, right: 62pt),
  header: context { if counter(page).get().first() > 1 [#set text(8pt); ${escapeText(title)} #h(1fr)] },
  footer: context [#set text(8pt); #h(1fr) 第 #counter(page).display() 页 / 共 #counter(page).final().first() 页 #h(1fr)])
#set text(font: "Noto Sans SC", size: 10.5pt, lang: "zh")
#set par(leading: 0.75em, justify: true)
#show heading.where(level: 1): set text(16pt)
#show heading.where(level: 2): set text(14pt)
#show heading.where(level: 3): set text(12pt)
#show table: set text(9pt)
#outline()
#pagebreak()

${body}
`;
}

/** Typeset Typst markup with the report's fonts; the PDF bytes. */
export async function typesetTypst(source) {
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: FONT_FILES }] });
  const result = compiler.compile({ mainFileContent: source });
  if (!result.result) throw new Error(`typst: ${JSON.stringify(result.takeDiagnostics())}`);
  return compiler.pdf(result.result);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [input, output] = process.argv.slice(2);
  const markdown = readFileSync(input, 'utf8');
  const title = /^# (.*)$/m.exec(markdown)?.[1] ?? 'report';
  writeFileSync(output, await typesetTypst(markdownToTypst(markdown, title)));
}
