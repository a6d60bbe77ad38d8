// `cixi-plan validate --format github`: diagnostics as GitHub Actions workflow commands.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostic.js';
import { diagnosticsToGithub } from '../src/views/diagnostics.js';
import { run } from './support/cli.js';

describe('diagnosticsToGithub', () => {
  it('writes one workflow command per diagnostic with 1-based positions', () => {
    const d: Diagnostic[] = [
      { severity: 'error', code: 'schema-type', message: '`value` must be a number', file: 'plan/data/2024.yaml', line: 12, col: 7, endLine: 12, endCol: 13, hint: 'remove the quotes' },
      { severity: 'warning', code: 'preliminary-value', message: 'a,b: 100%\nnext', file: 'plan/data/a,b:c.yaml', line: 3, col: 5 },
      { severity: 'info', code: 'io-error', message: 'whole file', file: 'plan/plan.yaml', line: 0, col: 0 },
    ];
    expect(diagnosticsToGithub(d)).toBe(
      '::error file=plan/data/2024.yaml,line=12,col=7,endLine=12,endColumn=12,title=schema-type::`value` must be a number (hint: remove the quotes)\n' +
        '::warning file=plan/data/a%2Cb%3Ac.yaml,line=3,col=5,title=preliminary-value::a,b: 100%25\\nnext\n' +
        '::notice file=plan/plan.yaml,title=io-error::whole file\n',
    );
  });
});

describe('validate --format github', () => {
  it('annotates the errors of an invalid plan and exits 1', async () => {
    const r = await run(['validate', '--plan', 'test/fixtures/validate/unknown-pillar', '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=test\/fixtures\/validate\/unknown-pillar\/plan\.yaml,line=33,col=13,.*title=unknown-pillar::/m);
    expect(r.stdout).toMatch(/\ntest\/fixtures\/validate\/unknown-pillar：无效；.*\n$/);
  });

  it('annotates the shipped plan’s warnings and exits 0', async () => {
    const r = await run(['validate', '--format', 'github', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::warning file=plan\/data\/\d{4}\.yaml,line=\d+,col=\d+/m);
    expect(r.stdout).not.toMatch(/^::error/m);
    expect(r.stdout).toMatch(/\nplan: valid; 3 pillars, .*\n$/);
  });
});
