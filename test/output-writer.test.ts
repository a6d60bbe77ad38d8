// The writer of report sets, with faults injected at its file-system calls: short writes,
// a full disk part-way, failing fsync, close or rename, refused folders. Whatever fails
// before the renames, the previous files stay byte for byte and no temporary file is left.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FileContent, nodeFs, removeTempFilesSync, tempOwner, tempPathFor, writeFileSet, writeNewFolder, type OutputFile, type WriterFs } from '../src/commands/output.js';
import { tempDir } from './support/cli.js';

const fault = (code: string, syscall: string) => Object.assign(new Error(`${code}: injected, ${syscall}`), { code });

/** A folder holding the previous set (a.md, b.pdf, c.json) and the new set to write there. */
function setUp(): { dir: string; files: OutputFile[]; before: Map<string, Buffer> } {
  const dir = tempDir();
  const files: OutputFile[] = [
    { path: join(dir, 'a.md'), content: '新'.repeat(5_000) },
    { path: join(dir, 'b.pdf'), content: new Uint8Array(50_000).fill(7) },
    // In pieces, as report writes assessment.json.
    { path: join(dir, 'c.json'), content: [Buffer.from('{"new": '), new Uint8Array(0), Buffer.from('true}\n')] },
  ];
  for (const f of files) writeFileSync(f.path, `old ${f.path}\n`);
  return { dir, files, before: contents(dir) };
}

function contents(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

const asBuffer = (c: FileContent) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c instanceof Uint8Array ? Buffer.from(c) : Buffer.concat(c));

describe('writeFileSet', () => {
  it('writes every byte when the file system takes a few at a time', async () => {
    const { dir, files } = setUp();
    let calls = 0;
    const fs: WriterFs = { ...nodeFs, write: (fd, data, offset, length) => (calls++, nodeFs.write(fd, data, offset, Math.min(length, 777))) };
    const r = await writeFileSet(files, { fs });
    expect(r.ok).toBe(true);
    for (const f of files) expect(readFileSync(f.path).equals(asBuffer(f.content))).toBe(true);
    expect(calls).toBeGreaterThan(80);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.pdf', 'c.json']);
  });

  it('fails on a write that makes no progress instead of looping', async () => {
    const { dir, files, before } = setUp();
    const r = await writeFileSet(files, { fs: { ...nodeFs, write: async () => 0 } });
    expect(r).toMatchObject({ ok: false, path: files[0]!.path, message: { en: `cannot write ${files[0]!.path} (short write: 0 of 15000 bytes written); no file was replaced` }, replaced: [] });
    expect(contents(dir)).toEqual(before);
  });

  it('a disk that fills up in the middle of the second file replaces nothing and leaves no temporary file', async () => {
    const { dir, files, before } = setUp();
    let budget = 20_000; // bytes the disk still takes
    const fs: WriterFs = {
      ...nodeFs,
      write: async (fd, data, offset, length) => {
        if (budget === 0) throw fault('ENOSPC', 'write');
        const n = Math.min(length, budget);
        budget -= n;
        return nodeFs.write(fd, data, offset, n);
      },
    };
    const r = await writeFileSet(files, { fs });
    expect(r).toMatchObject({ ok: false, message: { en: `cannot write ${files[1]!.path} (ENOSPC: injected); no file was replaced` }, replaced: [] });
    expect(contents(dir)).toEqual(before);
  });

  it.each([
    ['fsync', { fsync: async () => Promise.reject(fault('EIO', 'fsync')) }],
    ['close', { close: async () => Promise.reject(fault('EIO', 'close')) }],
    ['open', { open: async () => Promise.reject(fault('EDQUOT', 'open')) }],
  ] as const)('a failing %s is a failure before any rename', async (_name, over) => {
    const { dir, files, before } = setUp();
    const r = await writeFileSet(files, { fs: { ...nodeFs, ...over } });
    expect(r).toMatchObject({ ok: false, path: files[0]!.path, replaced: [] });
    expect(r.ok || r.message.en).toMatch(/^cannot write .*a\.md \((EIO|EDQUOT): injected\); no file was replaced$/);
    expect(contents(dir)).toEqual(before);
  });

  it('says which files a rename that fails half-way left replaced, and removes the other temporary files', async () => {
    const { dir, files } = setUp();
    let renames = 0;
    const fs: WriterFs = {
      ...nodeFs,
      renameSync: (from, to) => {
        if (++renames === 2) throw fault('EIO', 'rename');
        nodeFs.renameSync(from, to);
      },
    };
    const r = await writeFileSet(files, { fs });
    expect(r).toEqual({
      ok: false,
      path: files[1]!.path,
      message: {
        en: `cannot replace ${files[1]!.path} (EIO: injected); a.md replaced, the rest left from before: run again`,
        zh: `无法替换 ${files[1]!.path}（EIO: injected）；已替换 a.md，其余仍是上次的：请再运行一次`,
      },
      replaced: [files[0]!.path],
    });
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.pdf', 'c.json']);
    expect(readFileSync(files[0]!.path, 'utf8')).toBe(files[0]!.content);
    expect(readFileSync(files[1]!.path, 'utf8')).toBe(`old ${files[1]!.path}\n`);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const { files } = setUp();
    chmodSync(files[0]!.path, 0o640);
    expect((await writeFileSet(files)).ok).toBe(true);
    expect(statSync(files[0]!.path).mode & 0o777).toBe(0o640);
  });

  it.each([
    ['EACCES', 'permission denied'],
    ['EROFS', 'read-only file system'],
    ['ENOSPC', 'no space left on device'],
  ])('names the folder it cannot create (%s)', async (code, text) => {
    const dir = tempDir();
    const target = join(dir, 'out', '2024', 'report.md');
    const fs: WriterFs = { ...nodeFs, mkdir: async () => Promise.reject(Object.assign(new Error(`${code}: ${text}, mkdir '${join(dir, 'out')}'`), { code })) };
    const r = await writeFileSet([{ path: target, content: 'x' }], { fs });
    expect(r).toMatchObject({ ok: false, path: join(dir, 'out'), message: { en: `cannot create folder ${join(dir, 'out')} (${code}: ${text})` } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('lets the signal handler remove the temporary files of a write in progress', async () => {
    const { dir, files, before } = setUp();
    const seen: string[][] = [];
    const r = await writeFileSet(files, {
      hooks: {
        afterTemps: () => {
          seen.push(readdirSync(dir).filter((f) => tempOwner(f) === process.pid));
          removeTempFilesSync(); // what bin/cixi-plan.js does on SIGINT, before dying of it
          seen.push(readdirSync(dir).filter((f) => tempOwner(f) !== undefined));
        },
      },
    });
    expect(seen[0]).toHaveLength(3);
    expect(seen[1]).toEqual([]);
    expect(r.ok).toBe(false);
    expect(contents(dir)).toEqual(before);
  });
});

describe('temporary names', () => {
  it('are hidden, name their target and the pid of their run, and stay short', () => {
    const path = tempPathFor('/out/2024/report.md', 4242);
    expect(path).toMatch(/^\/out\/2024\/\.report\.md\.cixi-plan-4242-[0-9a-f]{8}\.tmp$/);
    expect(tempOwner(path.slice('/out/2024/'.length))).toBe(4242);
    expect(tempOwner('report.md')).toBeUndefined();
    expect(tempOwner('.report.md.swp')).toBeUndefined();
    const long = tempPathFor(`/x/${'慈'.repeat(200)}`, 1);
    expect(Buffer.byteLength(long.slice(3))).toBeLessThan(255);
  });
});

describe('writeNewFolder', () => {
  it('creates the folder with its files, or nothing at all', async () => {
    const parent = tempDir();
    const ok = await writeNewFolder(join(parent, 'a', 'plan'), [
      { path: 'plan.yaml', content: 'plan: 1\n' },
      { path: 'data/2025.yaml', content: 'year: 2025\n' },
    ]);
    expect(ok.ok).toBe(true);
    expect(readFileSync(join(parent, 'a', 'plan', 'data', '2025.yaml'), 'utf8')).toBe('year: 2025\n');

    let writes = 0;
    const fs: WriterFs = { ...nodeFs, write: async (fd, data, offset, length) => (++writes === 2 ? Promise.reject(fault('ENOSPC', 'write')) : nodeFs.write(fd, data, offset, length)) };
    const failed = await writeNewFolder(join(parent, 'b'), [
      { path: 'plan.yaml', content: 'plan: 1\n' },
      { path: 'data/2025.yaml', content: 'year: 2025\n' },
    ], { fs });
    expect(failed).toMatchObject({ ok: false, message: { en: `cannot write ${join(parent, 'b')} (ENOSPC: injected)` } });
    expect(readdirSync(parent)).toEqual(['a']);
  });

  it('fills an empty folder but never replaces one with files in it', async () => {
    const parent = tempDir();
    mkdirSync(join(parent, 'empty'));
    expect((await writeNewFolder(join(parent, 'empty'), [{ path: 'x', content: '1' }])).ok).toBe(true);
    const r = await writeNewFolder(join(parent, 'empty'), [{ path: 'y', content: '2' }]);
    expect(r).toMatchObject({ ok: false, message: { en: expect.stringMatching(/^cannot write .*empty \((ENOTEMPTY|EEXIST): /) } });
    expect(readdirSync(join(parent, 'empty'))).toEqual(['x']);
    expect(readdirSync(parent)).toEqual(['empty']);
  });
});

describe('the folder lock', () => {
  it('takes over the lock of a run that is gone, and leaves none behind', async () => {
    const { dir, files } = setUp();
    writeFileSync(join(dir, '.cixi-plan.lock'), '999999\n');
    const r = await writeFileSet(files, { isAlive: (pid) => pid !== 999999 });
    expect(r.ok).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.pdf', 'c.json']);
  });

  it('waits for a live run, and when it never lets go replaces nothing and says who holds it', async () => {
    const { dir, files, before } = setUp();
    writeFileSync(join(dir, '.cixi-plan.lock'), '4242\n');
    const r = await writeFileSet(files, { isAlive: () => true, lockWait: 200 });
    expect(r).toMatchObject({ ok: false, replaced: [] });
    expect(!r.ok && r.message.en).toBe(`another cixi-plan run (pid 4242) is writing to ${dir}; waited 0.2 s, no file was replaced (remove ${join(dir, '.cixi-plan.lock')} if no run is left)`);
    expect(contents(dir)).toEqual(new Map([...before, ['.cixi-plan.lock', Buffer.from('4242\n')]]));
  });

  // A run's lock is a regular file holding a pid; anything else at its name is no run's. Read
  // as a lock, a FIFO waited for a writer for ever, and a link to /dev/zero read without end.
  it.each([
    ['a FIFO', (lock: string) => expect(spawnSync('mkfifo', [lock]).status).toBe(0)],
    ['a link to /dev/zero', (lock: string) => symlinkSync('/dev/zero', lock)],
    ['a folder', (lock: string) => mkdirSync(join(lock, 'inside'), { recursive: true })],
    ['a file too large to hold a pid', (lock: string) => writeFileSync(lock, `4242${' '.repeat(100)}\n`)],
  ])('takes over %s at the lock’s name at once, and leaves none behind', async (_, make) => {
    const { dir, files } = setUp();
    make(join(dir, '.cixi-plan.lock'));
    const r = await writeFileSet(files, { isAlive: () => true, lockWait: 60_000 });
    expect(r.ok).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.pdf', 'c.json']);
  });

  it('waits, then says so, for a stale lock it cannot remove (instead of trying again without end)', async () => {
    const { dir, files, before } = setUp();
    writeFileSync(join(dir, '.cixi-plan.lock'), '999999\n');
    let removals = 0;
    const fs: WriterFs = { ...nodeFs, rm: (path) => (path.endsWith('.cixi-plan.lock') ? (removals++, Promise.reject(fault('EROFS', 'rm'))) : nodeFs.rm(path)) };
    const r = await writeFileSet(files, { fs, isAlive: (pid) => pid !== 999999, lockWait: 200 });
    expect(r).toMatchObject({ ok: false, replaced: [] });
    expect(!r.ok && r.message.en).toContain('another cixi-plan run (pid 999999) is writing to');
    // Tried again after each pause, not in a tight loop: a handful in 0.2 s.
    expect(removals).toBeGreaterThan(1);
    expect(removals).toBeLessThan(30);
    expect(contents(dir)).toEqual(new Map([...before, ['.cixi-plan.lock', Buffer.from('999999\n')]]));
  });

  it('goes on as soon as the live run lets go', async () => {
    const { dir, files } = setUp();
    const lock = join(dir, '.cixi-plan.lock');
    writeFileSync(lock, '4242\n');
    let released = false;
    const isAlive = () => {
      // The holder finishes while we wait.
      if (!released) setTimeout(() => { released = true; rmSync(lock, { force: true }); }, 50);
      return !released;
    };
    const r = await writeFileSet(files, { isAlive });
    expect(r.ok).toBe(true);
    expect(released).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.pdf', 'c.json']);
  });
});

