// The encoding of a CSV given to `import`: bytes that are valid UTF-8 are UTF-8, whatever
// characters they hold (μg/m³, ±5%, café, km², ½, Ⅱ, fullwidth digits); GB18030, what Excel
// and WPS save on Chinese Windows, is read when the bytes are not valid UTF-8. Each file
// is imported into a copy of the base plan and the year file's text is compared.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, tempDir } from './support/cli.js';
import { encodeGb18030 } from './support/sheet.js';

/** Import `bytes` as in.csv into a copy of the base plan; the year file's text before and after. */
async function importCsv(bytes: Buffer, lang: 'en' | 'zh-CN' = 'en') {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'base-plan'), join(dir, 'plan'), { recursive: true });
  const before = readFileSync(join(dir, 'plan/data/2024.yaml'), 'utf8');
  writeFileSync(join(dir, 'in.csv'), bytes);
  const r = await run(['import', '2024', 'in.csv', '--lang', lang], { cwd: dir });
  const text = readFileSync(join(dir, 'plan/data/2024.yaml'), 'utf8');
  return { ...r, text, unchanged: text === before };
}

/** The symbols of statistics tables that are not Chinese, each on its own (the detection is per file). */
const SYMBOLS = ['PM2.5 μg/m³', '±5%', 'café', 'km²', '½', 'ⅡⅢ', '３０００'];
const ALL = 'PM2.5 μg/m³ ±5% café km² ½ Ⅱ ３０００';

describe('a CSV in UTF-8 without a BOM is read as UTF-8', () => {
  for (const note of SYMBOLS) {
    it(`a note of ${note} alone`, async () => {
      const r = await importCsv(Buffer.from(`id,note\ngdp,${note}\n`, 'utf8'));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.text).toContain(`    source: stats-2022\n    note: ${note}\n  air:\n`);
    });
  }

  it('μ ³ ± é ² ½ Ⅱ and fullwidth digits together, in a note and a quote', async () => {
    const r = await importCsv(Buffer.from(`id,quote,note\r\ngdp,${ALL},${ALL}\r\n`, 'utf8'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.text).toContain(`    quote: ${ALL}\n    note: ${ALL}\n  air:\n`);
  });

  it('fullwidth digits in a number cell are refused, quoted as they were typed', async () => {
    const en = await importCsv(Buffer.from('id,value\ngdp,３０００\n', 'utf8'));
    expect(en.code).toBe(1);
    expect(en.unchanged).toBe(true);
    expect(en.stderr).toContain('in.csv error schema-type Indicators!B2: value: expected a number, got "３０００"');
    const zh = await importCsv(Buffer.from('id,value\ngdp,３０００\n', 'utf8'), 'zh-CN');
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('指标!B2：`value`：应为数字，却是 "３０００"');
  });
});

describe('a CSV that is not valid UTF-8 is read as GB18030', () => {
  it('the encoder of these tests gives the bytes iconv gives', () => {
    // printf '±μ³½约' | iconv -f utf-8 -t gb18030 | xxd -p
    expect(encodeGb18030('±μ³½约').toString('hex')).toBe('a1c0a6cc8130853681308635d4bc');
  });

  it.each([
    ['the same symbols beside Chinese', (note: string) => `编号,备注\r\ngdp,${note}\r\n`, `慈溪${ALL}，地区生产总值`],
    ['no Chinese at all: ± and μ are not UTF-8 in GB18030', (note: string) => `id,note\ngdp,${note}\n`, 'PM2.5 μg/m³ ±5%'],
  ])('%s', async (_, csv, note) => {
    const bytes = encodeGb18030(csv(note));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await importCsv(bytes);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.text).toContain(`    source: stats-2022\n    note: ${note}\n  air:\n`);
  });

  it('约 alone, whose two bytes D4 BC are also UTF-8 (Armenian Լ), is still Chinese', async () => {
    const bytes = encodeGb18030('id,note\ngdp,约3100亿元\n'); // 亿元 is not UTF-8: the file is GB18030
    const alone = encodeGb18030('id,note\ngdp,约3100\n'); // valid UTF-8 as well
    expect(new TextDecoder('utf-8', { fatal: true }).decode(alone)).toBe('id,note\ngdp,Լ3100\n');
    for (const b of [bytes, alone]) {
      const r = await importCsv(b);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.text).toContain(`    note: ${b === bytes ? '约3100亿元' : '约3100'}\n  air:\n`);
    }
  });
});

describe('a byte-order mark', () => {
  it('UTF-8 with a BOM (Excel’s “CSV UTF-8”) holding the same symbols', async () => {
    const r = await importCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`id,note\ngdp,${ALL}\n`, 'utf8')]));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.text).toContain(`    source: stats-2022\n    note: ${ALL}\n  air:\n`);
  });
});
