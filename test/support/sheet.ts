// Fill in a workbook the way a person does, cell by cell with exceljs, and make CSV
// files in the encodings Excel saves.
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

/** Open an .xlsx file with exceljs. */
export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

export async function saveWorkbook(wb: ExcelJS.Workbook, path: string): Promise<void> {
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

/** The column number whose header names `field` on its second line. */
export function columnOf(ws: ExcelJS.Worksheet, field: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, c) => {
    if (String(cell.value ?? '').split('\n').at(-1) === field) found = c;
  });
  if (found === 0) throw new Error(`no column ${field} on ${ws.name}`);
  return found;
}

/** The row number of an id (column A). */
export function rowOf(ws: ExcelJS.Worksheet, id: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(1).value === id) found = r;
  });
  if (found === 0) throw new Error(`no row ${id} on ${ws.name}`);
  return found;
}

/** The cell of an id's field. */
export function cellAt(ws: ExcelJS.Worksheet, id: string, field: string): ExcelJS.Cell {
  return ws.getCell(rowOf(ws, id), columnOf(ws, field));
}

/** Type into the cells of one row: a field → value map (null empties a cell). */
export function fillRow(ws: ExcelJS.Worksheet, id: string, values: Record<string, string | number | null>): void {
  for (const [field, value] of Object.entries(values)) cellAt(ws, id, field).value = value;
}

let gbTable: Map<string, number[]> | undefined;

// GB18030's codes for the characters of the BMP, found by decoding every code: the two-byte
// GBK range (the Chinese of the tests), then the four-byte codes of the rest (³ ² ½ have none
// of two bytes), each character's shortest.
function gbCodes(): Map<string, number[]> {
  if (gbTable !== undefined) return gbTable;
  gbTable = new Map();
  const decoder = new TextDecoder('gb18030');
  const add = (code: number[]) => {
    const ch = decoder.decode(new Uint8Array(code));
    if (ch.length === 1 && ch !== '\ufffd' && !gbTable!.has(ch)) gbTable!.set(ch, code);
  };
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) add([a, b]);
  }
  for (let a = 0x81; a <= 0x84; a++) {
    for (let b = 0x30; b <= 0x39; b++) {
      for (let c = 0x81; c <= 0xfe; c++) {
        for (let d = 0x30; d <= 0x39; d++) add([a, b, c, d]);
      }
    }
  }
  return gbTable;
}

/** Encode text as GB18030 (ASCII, and the BMP by its two- or four-byte codes). */
export function encodeGb18030(text: string): Buffer {
  const codes = gbCodes();
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (codes.has(ch)) bytes.push(...codes.get(ch)!);
    else throw new Error(`no GB18030 code for ${ch}`);
  }
  return Buffer.from(bytes);
}
