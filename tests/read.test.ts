import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedParse, hasCachedParse } from '../src/build/cachedStages.js';
import { parseOnWorkers } from '../src/build/parallelParse.js';
import { openRecordCache } from '../src/build/recordCache.js';
import { workerScript } from '../src/build/workerScript.js';
import { formatDiagnostic } from '../src/errors.js';
import { parseArticle } from '../src/parse/parseArticle.js';
import { decodeText } from '../src/read/decode.js';
import { readSourceFile, readSources, sourceText } from '../src/read/readSources.js';
import { tempDir } from './helpers/project.js';

const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('decoding', () => {
  it('strips a BOM and normalises CRLF and CR line endings', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('a\r\nb\rc\n')]);
    expect(decodeText(bytes)).toEqual({ text: 'a\nb\nc\n', usedFallback: false });
  });

  it('reads invalid UTF-8 as Windows-1252', () => {
    const bytes = new Uint8Array([...Buffer.from('caf'), 0xe9, 0x20, 0x93, ...Buffer.from('quoted'), 0x94]);
    expect(decodeText(bytes)).toEqual({ text: 'café “quoted”', usedFallback: true });
  });
});

describe('reading an input folder', () => {
  it('reads articles recursively, skips hidden and temporary files, notes the rest', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, '2024/05'), { recursive: true });
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, '2024/05/a.md'), '# A\n\nBody');
    writeFileSync(path.join(dir, '2024/b.txt'), 'B\nBody');
    writeFileSync(path.join(dir, 'c.markdown'), 'C');
    writeFileSync(path.join(dir, '.hidden.md'), 'x');
    writeFileSync(path.join(dir, '.git/config'), 'x');
    writeFileSync(path.join(dir, 'a.md~'), 'x');
    writeFileSync(path.join(dir, '.a.md.swp'), 'x');
    writeFileSync(path.join(dir, '#a.md#'), 'x');
    writeFileSync(path.join(dir, 'photo.jpg'), 'x');
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x4e, 0xe9, 0x0a]));
    writeFileSync(path.join(dir, 'entities.yml'), 'entities: []');
    const result = readSources(dir, dir);
    expect(result.sources.map((s) => [s.relativePath, s.format])).toEqual([
      ['2024/05/a.md', 'markdown'],
      ['2024/b.txt', 'text'],
      ['c.markdown', 'markdown'],
      ['latin1.txt', 'text'],
    ]);
    expect(result.registryPath).toBe(path.join(dir, 'entities.yml'));
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'latin1.txt: warning: is not valid UTF-8; read it as Windows-1252. Save the file as UTF-8 to be sure every character is right.',
      'photo.jpg: note: ignored: not an article. Articles are .md, .markdown or .txt files.',
    ]);
    // The texts are not kept: each is read again, and decoded the same way, when parsed.
    expect(result.sources.map((s) => s.text)).toEqual([null, null, null, null]);
    const latin1 = result.sources.find((s) => s.relativePath === 'latin1.txt')!;
    expect(latin1.contentHash).toBe(sha256(Buffer.from([0x4e, 0xe9, 0x0a])));
    expect(sourceText(latin1)).toBe('Né\n');
    expect(latin1.contentHash).toBe(sha256(Buffer.from([0x4e, 0xe9, 0x0a])));
  });

  it('keeps the decoded text of a file read for a watch session', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x4e, 0xe9, 0x0d, 0x0a]));
    const found = readSourceFile(dir, 'latin1.txt', dir);
    expect(found.source?.text).toBe('Né\n');
    expect(found.diagnostics.map(formatDiagnostic)).toEqual(['latin1.txt: warning: is not valid UTF-8; read it as Windows-1252. Save the file as UTF-8 to be sure every character is right.']);
  });
});

describe('a file changed between the read and the parse', () => {
  const before = '---\ntitle: Before\n---\n\nThe council met.\n';
  const after = '---\ntitle: After\n---\n\nThe council met again.\n';

  it('is parsed as it is now, and its record cached under the hash of what was parsed', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), before);
    const [source] = readSources(dir, dir).sources;
    expect(source!.contentHash).toBe(sha256(before));
    writeFileSync(path.join(dir, 'a.md'), after);

    const cacheDir = tempDir();
    const cache = openRecordCache(cacheDir, 'test');
    const article = cachedParse(cache, parseArticle)(source!).article!;
    expect(article.title).toBe('After');
    expect(article.contentHash).toBe(sha256(after));
    expect(source!.contentHash).toBe(sha256(after));
    cache.save();
    // Nothing is filed under the hash of the bytes the read stage saw: a later build of them parses them.
    const saved = openRecordCache(cacheDir, 'test');
    expect(hasCachedParse(saved, source!)).toBe(true);
    expect(hasCachedParse(saved, { ...source!, contentHash: sha256(before) })).toBe(false);
  });

  it.skipIf(!workerScript('build/parseWorker'))('gives a worker thread\'s parse the hash of what it parsed', async () => {
    const dir = tempDir();
    for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `a${String(i).padStart(2, '0')}.md`), before);
    const sources = readSources(dir, dir).sources;
    for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `a${String(i).padStart(2, '0')}.md`), after);
    const parsed = await parseOnWorkers(sources, 1);
    expect(parsed.map((file) => [file.contentHash, file.result.article?.contentHash, file.result.article?.title])).toEqual(sources.map(() => [sha256(after), sha256(after), 'After']));
  });
});
