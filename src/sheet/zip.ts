// The zip container of an .xlsx, read from its central directory without unpacking:
// what it holds and how large it unpacks (so that a zip bomb is refused before a
// library inflates it), and every entry's timestamp set to one moment (so that the
// same workbook gives the same bytes: JSZip, which exceljs writes with, stamps the
// current time). Pure functions of bytes.

import { inflateRawSync } from 'node:zlib';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  /** Offset of the entry's central directory header. */
  centralOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory of a zip archive, or why it cannot be read. */
export function zipEntries(bytes: Uint8Array): { ok: true; entries: ZipEntry[] } | { ok: false; message: { en: string; zh: string } } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== LOCAL) return { ok: false, message: { en: 'not an .xlsx workbook (no zip archive)', zh: '不是 .xlsx 工作簿（不是 zip 压缩包）' } };
  // The end record sits in the last 22 bytes plus a comment of at most 65,535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, message: { en: 'the zip archive is damaged (no end of central directory)', zh: 'zip 压缩包已损坏（缺少中央目录结尾）' } };
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) return { ok: false, message: { en: 'the zip archive is in ZIP64 form, which a fill-in workbook never needs', zh: 'zip 压缩包是 ZIP64 格式，填报工作簿用不到' } };
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return { ok: false, message: { en: 'the zip archive is damaged (bad central directory)', zh: 'zip 压缩包已损坏（中央目录有误）' } };
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      centralOffset: at,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/**
 * The first entry that unpacks to more than its central directory says, or null. A zip's sizes
 * are only claims: a bomb claims a few kilobytes and inflates to gigabytes, which the library
 * would unpack whole before noticing. Each entry is inflated here with its claimed size as the
 * limit (stored entries are compared as they are), so at most the claimed total is unpacked.
 */
export function oversizedEntry(bytes: Uint8Array, entries: readonly ZipEntry[]): ZipEntry | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== LOCAL) return e;
    const method = view.getUint16(e.localOffset + 8, true);
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    const data = bytes.subarray(start, Math.min(bytes.length, start + e.compressedSize));
    if (method === 0) {
      if (data.length > e.uncompressedSize) return e;
      continue;
    }
    if (method !== 8) continue; // the library refuses what it cannot inflate
    try {
      inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch (err) {
      // Over the claimed size; a damaged stream is left for the library to report.
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) return e;
    }
  }
  return null;
}

/** A moment as MS-DOS packs it (local time fields, read here as UTC; 2-second steps; 1980 at the earliest). */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = date.getUTCFullYear();
  if (year < 1980) return { time: 0, day: (0 << 9) | (1 << 5) | 1 };
  const y = Math.min(year, 2107) - 1980;
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = (y << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

/**
 * Set the modification time of every entry of a zip (local and central headers) to
 * `date`, in a copy. Returns the bytes unchanged when the archive cannot be read.
 */
export function stampZip(bytes: Uint8Array, date: Date): Uint8Array {
  const read = zipEntries(bytes);
  if (!read.ok) return bytes;
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { time, day } = dosDateTime(date);
  for (const e of read.entries) {
    view.setUint16(e.centralOffset + 12, time, true);
    view.setUint16(e.centralOffset + 14, day, true);
    if (e.localOffset + 14 <= out.length && view.getUint32(e.localOffset, true) === LOCAL) {
      view.setUint16(e.localOffset + 10, time, true);
      view.setUint16(e.localOffset + 12, day, true);
    }
  }
  return out;
}
