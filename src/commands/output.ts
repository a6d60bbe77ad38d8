// Atomic output: every file is written to a temporary file in its own folder and
// renamed over the old one (write-file-atomic), so an interrupted or failed run
// never leaves a half-written file and never destroys the previous report.

import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** A file to write: absolute path and content (text is written as UTF-8). */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/** A file written, with its size in bytes. */
export interface WrittenFile {
  path: string;
  bytes: number;
}

export type WriteResult =
  | { ok: true; written: WrittenFile[] }
  | { ok: false; path: string; message: string; written: WrittenFile[] };

/** The size of a file's content in bytes. */
export function byteLength(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
}

/**
 * Write files one by one, each atomically (temporary file + rename), creating their
 * folders. Stops at the first failure and says which file failed and why; files
 * written before it are complete, the failed one keeps its previous content.
 */
export async function writeOutputs(files: readonly OutputFile[]): Promise<WriteResult> {
  const written: WrittenFile[] = [];
  for (const file of files) {
    try {
      await mkdir(dirname(file.path), { recursive: true });
      const data = typeof file.content === 'string' ? file.content : Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
      await writeFileAtomic(file.path, data, typeof file.content === 'string' ? { encoding: 'utf8' } : {});
      written.push({ path: file.path, bytes: byteLength(file.content) });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      return { ok: false, path: file.path, message: e.code ? `${e.code}: ${e.message.replace(/^\w+: /, '')}` : e.message, written };
    }
  }
  return { ok: true, written };
}
