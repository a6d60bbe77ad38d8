// Read the run id each file of a report set carries: assessment.json's run.inputs_sha256,
// the last-line comment of report.md and report.html, the Keywords of the PDF and the workbook.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../../src/sheet/excel.js';
import { openPdf } from './read-pdf.js';

const MARK = /<!-- cixi-plan run ([0-9a-f]{64}) -->\n$/;

/** The run id of each file present in `dir` (undefined for a file without one). */
export async function runIds(dir: string): Promise<Record<string, string | undefined>> {
  const ids: Record<string, string | undefined> = {};
  for (const name of ['report.md', 'report.html']) {
    if (existsSync(join(dir, name))) ids[name] = MARK.exec(readFileSync(join(dir, name), 'utf8'))?.[1];
  }
  if (existsSync(join(dir, 'report.pdf'))) {
    const info = (await (await openPdf(readFileSync(join(dir, 'report.pdf')))).getMetadata()).info as { Keywords?: string };
    ids['report.pdf'] = /cixi-plan run ([0-9a-f]{64})/.exec(info.Keywords ?? '')?.[1];
  }
  if (existsSync(join(dir, 'report.xlsx'))) {
    const wb = await readWorkbook(readFileSync(join(dir, 'report.xlsx')));
    ids['report.xlsx'] = /cixi-plan run ([0-9a-f]{64})/.exec(wb.keywords ?? '')?.[1];
  }
  if (existsSync(join(dir, 'assessment.json'))) {
    ids['assessment.json'] = (JSON.parse(readFileSync(join(dir, 'assessment.json'), 'utf8')) as { run?: { inputs_sha256?: string } }).run?.inputs_sha256;
  }
  return ids;
}
