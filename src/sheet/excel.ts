// The one place workbooks are made and turned into bytes with exceljs, so that every
// workbook cixi-plan writes (the fill-in workbook, report.xlsx) is dated by the moment
// it is given (SOURCE_DATE_EPOCH) and not by the clock: document properties and zip
// timestamps alike, so that the same input gives the same bytes.

import ExcelJS from 'exceljs';
import { stampZip } from './zip.js';

export type { Workbook, Worksheet, Cell, Fill } from 'exceljs';

/** A new workbook, its document properties set from `createdAt`, never from the clock. */
export function newWorkbook(createdAt: Date, props: { title: string; subject?: string; creator: string; keywords?: string }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = createdAt;
  wb.modified = createdAt;
  wb.creator = props.creator;
  wb.lastModifiedBy = props.creator;
  wb.title = props.title;
  if (props.subject !== undefined) wb.subject = props.subject;
  if (props.keywords !== undefined) wb.keywords = props.keywords;
  // A workbook opened in Excel computes nothing on load: it holds no formulas.
  wb.calcProperties.fullCalcOnLoad = false;
  return wb;
}

/** The workbook as .xlsx bytes, every zip entry dated `createdAt`. */
export async function workbookBytes(wb: ExcelJS.Workbook, createdAt: Date): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return stampZip(new Uint8Array(buffer as ArrayBuffer), createdAt);
}

/** Read .xlsx bytes into a workbook (exceljs); throws on a file it cannot read. */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  return wb;
}

/** Excel's cell value kinds, as exceljs numbers them. */
export const ValueType = ExcelJS.ValueType;
