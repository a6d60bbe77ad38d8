// Write the code tables of README.md between its markers from the code catalogue, as
// `cixi-plan explain --list --format markdown --lang en` prints them (npm run readme:codes).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const table = execFileSync('node', ['bin/cixi-plan.js', 'explain', '--list', '--format', 'markdown', '--lang', 'en'], { cwd: root, encoding: 'utf8' });
const readme = new URL('README.md', root);
const text = readFileSync(readme, 'utf8');
const start = '<!-- codes:start -->\n';
const end = '<!-- codes:end -->';
const a = text.indexOf(start);
const b = text.indexOf(end);
if (a < 0 || b < a) throw new Error('README.md has no codes markers');
writeFileSync(readme, text.slice(0, a + start.length) + table.trimEnd() + '\n' + text.slice(b));
