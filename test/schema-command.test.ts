// `cixi-plan schema [plan|year]`: the shipped JSON Schema files, verbatim.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from './support/cli.js';

const file = (name: string) => readFileSync(join(ROOT, 'src/schema', `${name}.schema.json`), 'utf8');

describe('cixi-plan schema', () => {
  it('prints the plan schema by default, byte for byte', async () => {
    const r = await run(['schema']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(file('plan'));
  });

  it('prints either schema by name, from any folder', async () => {
    const cwd = tempDir();
    for (const name of ['plan', 'year']) {
      const r = await run(['schema', name], { cwd });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(file(name));
      expect(JSON.parse(r.stdout)).toHaveProperty('$schema', 'http://json-schema.org/draft-07/schema#');
    }
  });

  it('refuses an unknown schema name with exit 2', async () => {
    const r = await run(['schema', 'years']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('错误：没有模式 `years`：可选 `plan`（plan.yaml）或 `year`（data/<年份>.yaml）\n');
  });
});
