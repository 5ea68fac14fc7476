import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/errors.js';
import { decodeText } from '../src/read/decode.js';
import { readSources } from '../src/read/readSources.js';
import { tempDir } from './helpers/project.js';

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
    expect(result.sources.find((s) => s.relativePath === 'latin1.txt')?.text).toBe('Né\n');
  });
});
