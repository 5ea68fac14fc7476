/**
 * The file work of a staged write (`StagingFiles`), on the main thread and on a writer thread: a
 * file that arrives in pieces is compared with the previous site's copy piece by piece, and written
 * whole however far the two agreed; an unchanged file is the previous copy, linked; and the first
 * error on the writer thread fails the write where the caller waits, leaving the site as it was.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerScript } from '../src/build/workerScript.js';
import { LocalFiles, type FileSink } from '../src/write/fileSink.js';
import { OpPacker, unpackOps, type PackedOps } from '../src/write/packedOps.js';
import { startWrite } from '../src/write/writeSite.js';
import { BACKLOG, BATCH, ThreadFiles } from '../src/write/writerThread.js';
import { snapshotFolder, tempDir } from './helpers/project.js';

/** An output folder holding `files`, and a staging folder beside it. */
function previousSite(files: Record<string, string>): { outDir: string; staging: string } {
  const parent = tempDir();
  const outDir = path.join(parent, 'site');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    writeFileSync(path.join(outDir, file), text);
  }
  return { outDir, staging: path.join(parent, 'staging') };
}

/** Sends one file in `pieces`, compared with the previous copy. */
function sendFile(sink: FileSink, file: string, pieces: string[]): void {
  sink.send({ op: 'begin', file, compare: true });
  for (const piece of pieces) sink.send({ op: 'piece', piece });
  sink.send({ op: 'end' });
}

describe('file operations packed for the writer thread', () => {
  it('give back the same operations and the UTF-8 bytes of every piece, however the batches cut them', () => {
    const text = 'Zürich — “quoted” 🎉 lone \ud800 surrogate, 東京 and plain ASCII. '.repeat(20);
    const sent = [
      { op: 'begin', file: 'a/index.html', compare: true },
      { op: 'piece', piece: text },
      { op: 'piece', piece: '' },
      { op: 'piece', piece: new Uint8Array(Array.from({ length: 50 }, (_, i) => i)) },
      { op: 'end' },
      { op: 'copy', file: 'style.css', source: '/x/style.css', compare: false },
      { op: 'stage' },
    ] as const;
    for (const size of [7, 16, 100, 4096]) {
      const packer = new OpPacker(size);
      const batches: PackedOps[] = [];
      for (const op of sent) packer.add(op, (batch) => batches.push(batch));
      batches.push(packer.take()!);
      expect(packer.take()).toBeNull();
      const received = batches.flatMap((batch) => [...unpackOps(batch)]);
      // Pieces may be cut anywhere between characters: join each file's bytes to compare.
      const bytes = Buffer.concat(received.flatMap((op) => (op.op === 'piece' ? [op.piece as Uint8Array] : [])));
      expect(bytes.equals(Buffer.concat([Buffer.from(text), Buffer.from(sent[3].piece)]))).toBe(true);
      expect(received.filter((op) => op.op !== 'piece')).toEqual(sent.filter((op) => op.op !== 'piece'));
      if (size < 100) expect(batches.length).toBeGreaterThan(10);
    }
  });
});

describe('the writer thread', () => {
  it.skipIf(!workerScript('write/writerWorker'))('keeps no more than its backlog in flight, however fast pages come', async () => {
    const { outDir, staging } = previousSite({});
    const sink = new ThreadFiles(outDir, staging);
    const page = 'x'.repeat(100_000);
    let most = 0;
    for (let i = 0; i < 300; i++) {
      sendFile(sink, `p${i}.html`, [page, page]);
      await sink.room();
      most = Math.max(most, sink.batchesInFlight);
    }
    await sink.settle();
    await sink.close();
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(BACKLOG / BATCH + 2);
    expect(readFileSync(path.join(staging, 'p299.html'), 'utf8')).toBe(page + page);
  });
});

const sinks: Array<[string, (outDir: string, staging: string) => FileSink]> = [
  ['on the main thread', (outDir, staging) => new LocalFiles(outDir, staging)],
  ['on a writer thread', (outDir, staging) => new ThreadFiles(outDir, staging)],
];

describe.each(sinks)('the file work %s', (_, makeSink) => {
  it.skipIf(!workerScript('write/writerWorker'))('writes each file whole wherever its pieces first differ, and links the unchanged ones', async () => {
    const { outDir, staging } = previousSite({
      'same.json': '[1,2,3]',
      'later.json': '[1,2,3]',
      'first.json': '[1,2,3]',
      'shorter.json': '[1,2,3,4]',
      'longer.json': '[1,2]',
      'empty.txt': '',
    });
    const sink = makeSink(outDir, staging);
    sendFile(sink, 'same.json', ['[1,', '2,', '3]']);
    sendFile(sink, 'empty.txt', []);
    // Nothing differs yet: there is no staging folder.
    expect(await sink.settle()).toEqual({ staged: false, unchanged: 2 });
    expect(readdirSync(path.dirname(staging))).toEqual(['site']);
    sendFile(sink, 'later.json', ['[1,', '2,', '4]']);
    sendFile(sink, 'first.json', ['{', '}']);
    sendFile(sink, 'shorter.json', ['[1,2,', '3']);
    sendFile(sink, 'longer.json', ['[1,2', ',3]']);
    sendFile(sink, 'new/page.html', ['<p>', 'new', '</p>']);
    sink.send({ op: 'begin', file: 'bytes.bin', compare: false });
    sink.send({ op: 'piece', piece: new Uint8Array([0, 255, 10]) });
    sink.send({ op: 'end' });
    expect(await sink.settle()).toEqual({ staged: true, unchanged: 2 });
    await sink.close();
    const read = (file: string) => readFileSync(path.join(staging, file), 'utf8');
    expect(read('later.json')).toBe('[1,2,4]');
    expect(read('first.json')).toBe('{}');
    expect(read('shorter.json')).toBe('[1,2,3');
    expect(read('longer.json')).toBe('[1,2,3]');
    expect(read('new/page.html')).toBe('<p>new</p>');
    expect([...readFileSync(path.join(staging, 'bytes.bin'))]).toEqual([0, 255, 10]);
    // The unchanged files noted before the staging folder existed are the previous copies.
    for (const file of ['same.json', 'empty.txt']) expect(lstatSync(path.join(staging, file)).ino).toBe(lstatSync(path.join(outDir, file)).ino);
    expect(lstatSync(path.join(staging, 'later.json')).ino).not.toBe(lstatSync(path.join(outDir, 'later.json')).ino);
  });

  it.skipIf(!workerScript('write/writerWorker'))('fails where the caller waits, and the writer then leaves the site as it was', async () => {
    const { outDir, staging } = previousSite({ 'index.html': 'old' });
    const sink = makeSink(outDir, staging);
    // A file where the next one needs a folder: the second cannot be written.
    const both = async () => {
      sendFile(sink, 'a', ['file']);
      sendFile(sink, 'a/index.html', ['page']);
      await sink.settle();
    };
    await expect(both()).rejects.toThrow(/ENOTDIR|EEXIST|not a directory|file already exists/);
    await sink.close();

    const before = snapshotFolder(outDir);
    const writer = startWrite(outDir, { threaded: makeSink === sinks[1]![1] });
    const pages = async () => {
      await writer.add({ path: 'index.html', content: 'new' });
      await writer.add({ path: 'b', content: 'file' });
      await writer.add({ path: 'b/index.html', content: 'page' });
      await writer.finish([]);
    };
    await expect(pages()).rejects.toThrow();
    await writer.abandon();
    expect(snapshotFolder(outDir)).toEqual(before);
    expect(readdirSync(path.dirname(outDir)).sort()).toEqual(['site', 'staging']);
  });
});
