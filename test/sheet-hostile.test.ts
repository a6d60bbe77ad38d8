// Hostile and careless spreadsheets: each problem is reported at its cell with its code,
// the import exits 1 and the year file is left as it was. CSV files in the encodings
// Excel saves import correctly when they are valid.
import { execFileSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, run, tempDir } from './support/cli.js';
import { cellAt, columnOf, encodeGb18030, fillRow, openWorkbook, rowOf, saveWorkbook } from './support/sheet.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1740787200' };

let blank: string; // a workbook of the base plan's 2024, as `sheet` writes it

beforeAll(async () => {
  const dir = tempDir();
  blank = join(dir, 'blank.xlsx');
  const r = await run(['sheet', '2024', '--plan', join(FIXTURES, 'base-plan'), '--out', blank], { env: EPOCH });
  expect(r.code).toBe(0);
});

/** A copy of the base plan; its 2024 file's text before the import. */
function plan(): { dir: string; before: string } {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'base-plan'), join(dir, 'plan'), { recursive: true });
  return { dir, before: readFileSync(join(dir, 'plan/data/2024.yaml'), 'utf8') };
}

/** Edit the blank workbook, import it, and check that nothing was written. */
async function importEdited(edit: (wb: Awaited<ReturnType<typeof openWorkbook>>) => void | Promise<void>, args: string[] = []) {
  const { dir, before } = plan();
  const wb = await openWorkbook(blank);
  await edit(wb);
  await saveWorkbook(wb, join(dir, 'in.xlsx'));
  const r = await run(['import', '2024', 'in.xlsx', '--lang', 'en', ...args], { cwd: dir });
  const after = readFileSync(join(dir, 'plan/data/2024.yaml'), 'utf8');
  return { ...r, unchanged: after === before, dir };
}

describe('import refuses a hostile workbook, names the cell and writes nothing', () => {
  it('text in a number cell', async () => {
    const r = await importEdited((wb) => {
      cellAt(wb.getWorksheet('指标')!, 'gdp', 'value').value = '约3100';
    });
    expect(r.code).toBe(1);
    expect(r.unchanged).toBe(true);
    expect(r.stderr).toContain('in.xlsx error schema-type 指标!G2: value: expected a number, got "约3100"');
    expect(r.stderr).toContain('hint: type the figure alone, without units, words or formulas');
    expect(r.stderr).toContain('error: in.xlsx: 1 error; nothing was written to plan/data/2024.yaml');
  });

  it('a percentage, an error value and a date that is not one', async () => {
    const r = await importEdited((wb) => {
      const ws = wb.getWorksheet('指标')!;
      const growth = cellAt(ws, 'gdp', 'growth');
      growth.value = 0.057;
      growth.numFmt = '0.0%';
      cellAt(ws, 'air', 'value').value = { error: '#N/A' } as never;
      cellAt(ws, 'firms', 'published').value = '2025年3月';
    });
    expect(r.code).toBe(1);
    expect(r.unchanged).toBe(true);
    expect(r.stderr).toContain('指标!H2: growth: expected a number, got a percentage');
    expect(r.stderr).toContain('指标!G3: value: the cell holds the error #N/A');
    expect(r.stderr).toContain('schema-pattern 指标!M4: published: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got "2025年3月"');
  });

  it('a formula cell', async () => {
    const r = await importEdited((wb) => {
      cellAt(wb.getWorksheet('指标')!, 'air', 'value').value = { formula: 'G2*0.03', result: 87.87 } as never;
    });
    expect(r.code).toBe(1);
    expect(r.unchanged).toBe(true);
    expect(r.stderr).toContain('sheet-formula 指标!G3: holds the formula =G2*0.03; type the published figure itself');
  });

  it('merged cells', async () => {
    const r = await importEdited((wb) => {
      wb.getWorksheet('指标')!.mergeCells('Q2:R3');
    });
    expect(r.code).toBe(1);
    expect(r.unchanged).toBe(true);
    expect(r.stderr).toContain('sheet-merged-cells 指标!Q2:R3: merged cells: each cell needs its own entry');
  });

  it('an extra sheet', async () => {
    const r = await importEdited((wb) => {
      wb.addWorksheet('Sheet2').getCell('A1').value = 3100;
    });
    expect(r.code).toBe(1);
    expect(r.unchanged).toBe(true);
    expect(r.stderr).toContain('sheet-unknown-sheet Sheet2: not a sheet of the fill-in workbook');
  });

  it('a deleted header, an unknown header and a deleted id column', async () => {
    const r = await importEdited((wb) => {
      const ws = wb.getWorksheet('指标')!;
      ws.getCell(1, columnOf(ws, 'value')).value = null;
      ws.getCell(1, 20).value = '审核人';
      ws.getCell(2, 20).value = '张三';
    });
    expect(r.code).toBe(1);
    expect(r.unchanged).toBe(true);
    expect(r.stderr).toContain('sheet-missing-column 指标!G1: column G holds entries but has no header');
    expect(r.stderr).toContain('sheet-unknown-column 指标!T1: `审核人` is not a column of the 指标 sheet');
    const noId = await importEdited((wb) => {
      wb.getWorksheet('里程碑')!.getCell('A1').value = null;
    });
    expect(noId.code).toBe(1);
    expect(noId.stderr).toContain('sheet-missing-column 里程碑!A1: column A holds entries but has no header');
    expect(noId.stderr).toContain('row 1 has no `id` column');
  });

  it('an id that is not in the plan, and one id on two rows', async () => {
    const r = await importEdited((wb) => {
      const ws = wb.getWorksheet('指标')!;
      ws.getCell(rowOf(ws, 'rank'), 1).value = 'gpd';
      ws.getCell(rowOf(ws, 'income'), 1).value = 'air';
    });
    expect(r.code).toBe(1);
    expect(r.unchanged).toBe(true);
    expect(r.stderr).toContain('unknown-indicator 指标!A7: "gpd" is not an indicator of the plan');
    expect(r.stderr).toContain('hint: did you mean `gdp`?');
    expect(r.stderr).toContain('sheet-duplicate-row 指标!A8: air is already on row 3');
  });

  it('10,000 filled rows: one error, reported quickly, not one per row', async () => {
    const r = await importEdited((wb) => {
      const ws = wb.getWorksheet('指标')!;
      ws.unprotect();
      for (let i = 0; i < 10_000; i++) ws.getRow(9 + i).values = [`x-${i}`, '', '', '', '', '', i];
    });
    expect(r.code).toBe(1);
    expect(r.unchanged).toBe(true);
    expect(r.stderr).toContain('sheet-too-many-rows 指标: 10,007 filled rows, but the plan has 7 indicators; only the first 27 are checked');
    // The 20 unknown ids read past the plan's 7 rows are listed; the rest are not read.
    expect(r.stderr.match(/ error unknown-indicator /g)).toHaveLength(20);
  }, 60_000);

  it('a validation problem of the merged file points at the cell it came from', async () => {
    const r = await importEdited((wb) => {
      const ws = wb.getWorksheet('指标')!;
      fillRow(ws, 'gdp', { source: 'stats-2099' });
      // A figure beside a reason written anew (the pre-filled reason alone would give way to it).
      fillRow(ws, 'chains', { value: 4, missing: '另有原因' });
    });
    expect(r.code).toBe(1);
    expect(r.unchanged).toBe(true);
    expect(r.stderr).toContain('unknown-source 指标!N2:');
    expect(r.stderr).toContain('hint: did you mean `stats-2022`?');
    // A figure beside `missing`: the same code `validate` gives, at the figure's cell.
    expect(r.stderr).toContain('missing-with-value 指标!G5: `chains` is marked missing but also has `value`');
  });

  it('a workbook of another year', async () => {
    const { dir } = plan();
    const made = await run(['sheet', '2022', '--out', 'w2022.xlsx'], { cwd: dir, env: EPOCH });
    expect(made.code).toBe(0);
    const r = await run(['import', '2024', 'w2022.xlsx', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sheet-year-mismatch 说明!B2: the workbook is for 2022, not 2024');
  });

  it('a zip bomb that claims a small size: refused before anything inflates it whole', async () => {
    const { dir } = plan();
    // One entry claiming 100 bytes whose data inflates to 50 MB.
    const data = deflateRawSync(Buffer.alloc(50 * 1024 * 1024, 0x41));
    writeFileSync(join(dir, 'bomb.xlsx'), zipOf('xl/worksheets/sheet1.xml', data, 100));
    const r = await run(['import', '2024', 'bomb.xlsx', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sheet-too-large xl/worksheets/sheet1.xml unpacks to more than the 100 bytes the archive claims for it (a zip bomb?)');
  });

  it('files that are not spreadsheets', async () => {
    const { dir } = plan();
    writeFileSync(join(dir, 'old.xlsx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const xls = await run(['import', '2024', 'old.xlsx', '--lang', 'en'], { cwd: dir });
    expect(xls.code).toBe(1);
    expect(xls.stderr).toContain('sheet-unreadable not an .xlsx workbook (no zip archive)');
    expect(xls.stderr).toContain('old .xls');
    const txt = await run(['import', '2024', 'figures.txt', '--lang', 'en'], { cwd: dir });
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('import reads .xlsx workbooks and .csv files');
    const none = await run(['import', '2024', 'absent.csv', '--lang', 'en'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('absent.csv not found');
    // Not a regular file: refused before a byte is read, never a hang.
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    const pipe = await run(['import', '2024', 'pipe.csv', '--lang', 'en'], { cwd: dir });
    expect(pipe.code).toBe(2);
    expect(pipe.stderr).toContain('pipe.csv is a named pipe (FIFO), not a regular file');
    symlinkSync('/dev/zero', join(dir, 'zero.xlsx'));
    const zero = await run(['import', '2024', 'zero.xlsx', '--lang', 'en'], { cwd: dir });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('zero.xlsx is a device, not a regular file');
    mkdirSync(join(dir, 'folder.csv'));
    const folder = await run(['import', '2024', 'folder.csv', '--lang', 'en'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('folder.csv is a directory, not a file');
    writeFileSync(join(dir, 'open-quote.csv'), 'id,value\ngdp,"3100\n');
    const quote = await run(['import', '2024', 'open-quote.csv', '--lang', 'en'], { cwd: dir });
    expect(quote.code).toBe(1);
    expect(quote.stderr).toContain('sheet-unreadable is not valid CSV');
    // Excel's "Unicode text": UTF-16 with a byte-order mark, named as such.
    writeFileSync(join(dir, 'unicode.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,value\ngdp,3100\n', 'utf16le')]));
    const unicode = await run(['import', '2024', 'unicode.csv', '--lang', 'en'], { cwd: dir });
    expect(unicode.code).toBe(1);
    expect(unicode.stderr).toContain('unicode.csv error sheet-unreadable is UTF-16 text (what Windows editors call “Unicode”), not UTF-8 or GB18030\nhint: save it from Excel or WPS as “CSV (Comma delimited)” or “CSV UTF-8”\n');
  });
});

describe('explain', () => {
  it('covers the codes of spreadsheets, in both languages', async () => {
    for (const code of ['sheet-formula', 'sheet-merged-cells', 'sheet-unknown-sheet', 'sheet-missing-column', 'sheet-too-many-rows']) {
      const en = await run(['explain', code, '--lang', 'en']);
      expect(en.code).toBe(0);
      expect(en.stdout).toMatch(new RegExp(`^${code} · error · sheet\n`));
      const zh = await run(['explain', code, '--lang', 'zh-CN']);
      expect(zh.stdout).toContain('如何处理');
    }
  });
});

describe('import reads the CSV files Excel and WPS save', () => {
  const HEADER = '编号\nid,本年值\nvalue,数据状态\nstatus,来源\nsource,原文\nquote';
  const ROWS = [
    'gdp,2929.50,核实数,stats-2022,"全市实现地区生产总值2929.50亿元，\n比上年增长5.5%"',
    'air,88,核实数,stats-2022,',
  ];
  const quoteCsv = (s: string) => (s.includes('\n') ? `"${s}"` : s);
  const csv = [HEADER.split(',').map(quoteCsv).join(','), ...ROWS].join('\r\n') + '\r\n';

  async function importCsv(bytes: Buffer) {
    const { dir } = plan();
    writeFileSync(join(dir, 'in.csv'), bytes);
    const r = await run(['import', '2024', 'in.csv'], { cwd: dir });
    return { ...r, text: readFileSync(join(dir, 'plan/data/2024.yaml'), 'utf8') };
  }

  for (const [name, bytes] of [
    ['UTF-8 with a BOM (CSV UTF-8)', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')])],
    ['UTF-8 without a BOM', Buffer.from(csv, 'utf8')],
    ['GB18030 (CSV on Chinese Windows)', encodeGb18030(csv)],
  ] as const) {
    it(`${name}, with a newline inside a quoted cell`, async () => {
      const r = await importCsv(bytes);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('修改观测1条');
      expect(r.text).toContain('  gdp:\n    value: 2929.50\n    unit: 亿元\n    scope: 全市\n    status: final\n    source: stats-2022\n    quote: |-\n      全市实现地区生产总值2929.50亿元，\n      比上年增长5.5%\n');
      // The row of air says what its entry already holds (no quote): unchanged.
      expect(r.text).toContain('  air:\n    value: 88\n    unit: "%"\n    scope: 全市\n    status: final\n    source: stats-2022\n  firms:');
    });
  }

  it('a GB18030 file that is also bad: the cell is named in Chinese', async () => {
    const r = await importCsv(encodeGb18030('id,value\ngdp,约3100\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('指标!B2：`value`：应为数字，却是 "约3100"');
  });
});

// A zip of one deflated entry whose headers claim `claimed` unpacked bytes.
function zipOf(name: string, data: Buffer, claimed: number): Buffer {
  const file = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(claimed, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(claimed, 24);
  central.writeUInt16LE(file.length, 28);
  central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + file.length, 12);
  end.writeUInt32LE(30 + file.length + data.length, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}
