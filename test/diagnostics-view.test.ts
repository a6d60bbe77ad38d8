// Printing diagnostics for a terminal or a CI log: code frames clipped around the
// column on long lines, a cap per code, and plan text never printed raw.
import { describe, expect, it } from 'vitest';
import type { Code, Diagnostic } from '../src/diagnostic.js';
import { diagnosticsToGithub, formatDiagnostics, makeChalk } from '../src/views/diagnostics.js';

const plain = makeChalk(false);
const FILE = 'plan/data/2024.yaml';

function warning(line: number, col: number, endCol: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: 'warning', code: 'preliminary-value', message: 'is preliminary', file: FILE, line, col, endLine: line, endCol, ...extra };
}

// The frame's two lines: `1 | <text>` and `  | <underline>`.
function frame(printed: string): { text: string; marks: string } {
  const lines = printed.split('\n');
  return { text: lines[1]!.replace(/^\d+ \| /, ''), marks: lines[2]!.replace(/^ +\| /, '') };
}

describe('code frames on long lines', () => {
  it('shows a window of about 60 columns either side of the column, with … marks', () => {
    const line = 'a'.repeat(10_000) + 'TARGET' + 'b'.repeat(10_000);
    const printed = formatDiagnostics([warning(1, 10_001, 10_007)], new Map([[FILE, line]]), plain);
    const { text, marks } = frame(printed);
    expect(text).toBe(`…${'a'.repeat(60)}TARGET${'b'.repeat(54)}…`);
    expect(marks).toBe(`${' '.repeat(61)}^^^^^^`);
  });

  it('counts wide characters as two columns and underlines under them', () => {
    const line = '字'.repeat(1_000) + 'status: preliminary' + '字'.repeat(1_000);
    const printed = formatDiagnostics([warning(1, 1_009, 1_020)], new Map([[FILE, line]]), plain);
    const { text, marks } = frame(printed);
    // 60 columns either side of `preliminary`: `status: ` and 26 wide characters on the left.
    expect(text).toBe(`…${'字'.repeat(26)}status: preliminary${'字'.repeat(24)}…`);
    expect(marks).toBe(`${' '.repeat(61)}${'^'.repeat(11)}`);
  });

  it('prints a short line whole, without marks', () => {
    const printed = formatDiagnostics([warning(2, 5, 8)], new Map([[FILE, 'year: 2024\n  x: abcdef\n']]), plain);
    expect(printed).toBe(`${FILE}:2:5 warning preliminary-value is preliminary\n2 |   x: abcdef\n  |     ^^^\n= explain: cixi-plan explain preliminary-value`);
  });

  it('cuts an underline that runs past the window at the window', () => {
    const line = 'k: ' + 'v'.repeat(5_000);
    const { text, marks } = frame(formatDiagnostics([warning(1, 4, 5_004)], new Map([[FILE, line]]), plain));
    expect(text).toBe(`k: ${'v'.repeat(60)}…`);
    expect(marks).toBe(`   ${'^'.repeat(60)}`);
  });

  it('reads each file once however many diagnostics point into it', () => {
    // A Map that counts how often a file's text is fetched: once per file, not per diagnostic.
    let reads = 0;
    class CountingMap extends Map<string, string> {
      override get(key: string): string | undefined {
        reads++;
        return super.get(key);
      }
    }
    const text = Array.from({ length: 500 }, (_, i) => `  k${i}: v`).join('\n');
    const diagnostics = Array.from({ length: 500 }, (_, i) => warning(i + 1, 3, 5));
    formatDiagnostics(diagnostics, new CountingMap([[FILE, text]]), plain, { verbose: true });
    expect(reads).toBe(1);
  });
});

describe('the cap per code', () => {
  const many = (code: Code, severity: Diagnostic['severity'], n: number) =>
    Array.from({ length: n }, (_, i) => warning(i + 1, 1, 2, { code, severity }));
  const diagnostics = [...many('schema-type', 'error', 30), ...many('preliminary-value', 'warning', 25), ...many('unit-mismatch', 'warning', 3)];

  it('prints the first 20 of each code, then how many more there are', () => {
    const printed = formatDiagnostics(diagnostics, new Map(), plain);
    expect(printed.match(/ error schema-type /g)).toHaveLength(20);
    expect(printed.match(/ warning preliminary-value /g)).toHaveLength(20);
    expect(printed.match(/ warning unit-mismatch /g)).toHaveLength(3);
    expect(printed.endsWith(
      '\n\n… and 10 more `schema-type` errors (use --verbose to see all)\n' +
        '… and 5 more `preliminary-value` warnings (use --verbose to see all)',
    )).toBe(true);
  });

  it('prints every diagnostic when verbose', () => {
    const printed = formatDiagnostics(diagnostics, new Map(), plain, { verbose: true });
    expect(printed.match(/ error schema-type /g)).toHaveLength(30);
    expect(printed.match(/ warning preliminary-value /g)).toHaveLength(25);
    expect(printed).not.toContain('more `');
  });

  it('says "1 more … warning" for one', () => {
    const printed = formatDiagnostics(many('unit-mismatch', 'warning', 21), new Map(), plain);
    expect(printed.endsWith('\n\n… and 1 more `unit-mismatch` warning (use --verbose to see all)')).toBe(true);
  });

  it('leaves GitHub annotations uncapped', () => {
    expect(diagnosticsToGithub(diagnostics).split('\n').filter((l) => l.startsWith('::'))).toHaveLength(58);
  });
});

// An indicator named like this retitles and clears a terminal when printed raw.
const HOSTILE = 'GDP\u001b]0;PWNED\u0007\u001b[2J\u009b1m \u202eevil\u2066 a\nb\tc\r';
const SHOWN = 'GDP\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J\\u{9b}1m <U+202E>evil<U+2066> a\\nb\\tc\\r';
// What may reach a terminal: printable text, our newlines, and our own colour codes.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const withoutColours = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('plan text in diagnostics', () => {
  const d = warning(1, 11, 14, { message: `unknown key \`${HOSTILE}\``, hint: `did you mean \`${HOSTILE}\`?`, file: `plan/${HOSTILE}.yaml` });
  const texts = new Map([[d.file, `x: ${HOSTILE}: 1`]]);

  it('shows control characters and bidi controls visibly in the message, hint, file and frame', () => {
    const printed = formatDiagnostics([d], texts, plain);
    expect(printed).not.toMatch(RAW_CONTROL);
    expect(printed).toContain(`unknown key \`${SHOWN}\``);
    expect(printed).toContain(`hint: did you mean \`${SHOWN}\`?`);
    expect(printed).toContain(`plan/${SHOWN}.yaml:1:11 `);
  });

  it('keeps its own colours but nothing else that a terminal would act on', () => {
    const printed = formatDiagnostics([d], texts, makeChalk(true));
    expect(printed).toMatch(/\u001b\[/);
    expect(withoutColours(printed)).not.toMatch(RAW_CONTROL);
    expect(withoutColours(printed)).not.toContain('\u001b');
  });

  it('underlines the escaped text where it is shown', () => {
    // Column 11 is `P` of PWNED, after `x: GDP`, the ESC (shown in 6 columns) and `]0;`.
    const { text, marks } = frame(formatDiagnostics([d], texts, plain));
    expect(text.slice(marks.indexOf('^'), marks.indexOf('^') + 3)).toBe('PWN');
  });

  it('cannot start a second workflow command in a GitHub annotation', () => {
    const injected = warning(1, 1, 2, { message: `a%0A\n::error file=x::pwned ${HOSTILE}`, hint: '\r\n::warning::again' });
    const out = diagnosticsToGithub([injected]);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.slice(0, -1)).not.toMatch(/[\n\r]/);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain('::warning file=plan/data/2024.yaml,line=1,col=1,endLine=1,title=preliminary-value::a%250A\\n::error file=x::pwned GDP\\u{1b}]0;');
    expect(out).toContain('(hint: \\r\\n::warning::again)');
  });
});
