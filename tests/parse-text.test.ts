import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTextBody, type TextBodyResult } from '../src/parse/text/parseTextBody.js';
import type { Block, EmbedBlock } from '../src/types.js';
import { BlockSchema } from '../src/types.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const corpus = resolve(repo, '../shared/corpus/bbc');

function seed(prefix: string): string {
  const name = readdirSync(resolve(repo, 'seeds')).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} missing`);
  return readFileSync(resolve(repo, 'seeds', name), 'utf8');
}

function parse(body: string, knownTitle: string | null = null): TextBodyResult {
  return parseTextBody(body, 1, knownTitle);
}

const headings = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => (b.type === 'heading' ? [b.content.text] : []));
const paragraphs = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => (b.type === 'paragraph' ? [b.content.text] : []));
const embeds = (blocks: Block[]): EmbedBlock[] => blocks.filter((b): b is EmbedBlock => b.type === 'embed');
const reasons = (r: TextBodyResult): string[] => r.removed.map((x) => x.reason);

describe('seed 000: tweets and a poll question', () => {
  const r = parse(seed('000_'));

  it('has no headline: its first line is a full sentence', () => {
    expect(r.headline).toBeNull();
    expect(r.dateline).toBeNull();
    expect(paragraphs(r.blocks)[0]).toMatch(/^An unusual request/);
  });

  it('turns the three embedded tweets into embed blocks', () => {
    const posts = embeds(r.blocks);
    expect(posts.map((p) => [p.author, p.handle, p.date, p.dateText])).toEqual([
      ['OSINTdefender', 'sentdefender', '2024-05-20', 'May 20, 2024'],
      ['Bobby LaValley', 'Bobby_LaVallley', '2024-05-20', 'May 20, 2024'],
      ['Imtiaz Mahmood', 'ImtiazMadmood', '2024-05-20', 'May 20, 2024'],
    ]);
    expect(posts.map((p) => p.url)).toEqual([
      'https://pic.twitter.com/mLmW4CvHv6',
      'https://pic.twitter.com/iZIlrsmHOK',
      'https://pic.twitter.com/WhChAq3PKW',
    ]);
    for (const p of posts) expect(p.text).not.toContain('pic.twitter.com');
  });

  it('takes the intro and speaker-labelled lines into the second post', () => {
    const lines = embeds(r.blocks)[1]?.text.split('\n');
    expect(lines).toEqual([
      'Reporter blasts Biden’s State Department spokesman over offering condolences for Raisi’s death.',
      'REPORTER: What exactly is official condolences?',
      'MATTHEW MILLER: It’s condolences on behalf of the United States government.',
      'REPORTER: Official condolences means absolutely nothing…',
    ]);
    expect(paragraphs(r.blocks).some((p) => p.startsWith('The statement received backlash'))).toBe(true);
    expect(paragraphs(r.blocks).some((p) => /REPORTER|^— /.test(p))).toBe(false);
  });

  it('removes the poll question and nothing else', () => {
    expect(r.removed).toEqual([
      { reason: 'engagement-prompt', text: 'Is Iran a major threat to U.S. security?', line: 10 },
    ]);
    // 26 lines: one prompt and nine post lines (three attributions, six lines of post text) go.
    expect(paragraphs(r.blocks)).toHaveLength(26 - 1 - 9);
  });
});

describe('seed 001: contents, glued headings and spam', () => {
  const r = parse(seed('001_'));

  it('takes line 1 as the headline', () => {
    expect(r.headline).toEqual({ text: 'Iran Asked Us For Help: Unpacking A Diplomatic Dilemma', line: 1 });
  });

  it('turns the table of contents into 8 sections, each a heading block', () => {
    expect(r.contents).toHaveLength(8);
    expect(r.removed.find((x) => x.reason === 'table-of-contents')?.line).toBe(2);
    const found = headings(r.blocks);
    for (const entry of r.contents) expect(found).toContain(entry);
    expect(paragraphs(r.blocks).some((p) => p.startsWith('- '))).toBe(false);
  });

  it('splits out glued headings that are not in the contents', () => {
    const found = headings(r.blocks);
    expect(found).toContain('The Rationale Behind the Refusal');
    expect(found).toContain('US-Iran Relations: A Complex Tapestry');
    expect(found).toHaveLength(12);
    for (const p of paragraphs(r.blocks)) {
      expect(p).not.toMatch(/\.(?:Washington's|The Rationale|US-Iran)/);
      expect(p).toMatch(/[.!?]$/);
    }
    const first = paragraphs(r.blocks)[0] ?? '';
    expect(first.endsWith('played out on the global stage.')).toBe(true);
  });

  it('removes the SEO link list, including the item glued to the last paragraph', () => {
    const seo = r.removed.find((x) => x.reason === 'seo-links');
    expect(seo?.text.split('\n')).toEqual([
      '- Marietemara Leaked Vids',
      '- Corde Broadus',
      '- Is Jonathan Roumie Married',
      '- Chance Brown Net Worth',
      '- Noarmsgirl Only Fans',
    ]);
    expect(paragraphs(r.blocks).at(-1)).toMatch(/analyses of global affairs\.$/);
  });

  it('removes the three trailing related headlines', () => {
    const related = r.removed.find((x) => x.reason === 'related-headlines');
    expect(related?.text.split('\n')).toHaveLength(3);
    expect(related?.line).toBe(29);
    expect(reasons(r).sort()).toEqual(['headline', 'related-headlines', 'seo-links', 'table-of-contents']);
  });

  it('makes **Iran asked us for help** a strong mark', () => {
    const p = r.blocks.find((b) => b.type === 'paragraph');
    if (p?.type !== 'paragraph') throw new Error('no paragraph');
    expect(p.content.text).toContain('unfolded: Iran asked us for help.');
    expect(p.content.text).not.toContain('**');
    const mark = p.content.marks[0];
    expect(mark?.kind).toBe('strong');
    expect(p.content.text.slice(mark?.start, mark?.end)).toBe('Iran asked us for help');
  });

  it('recovers the glued headings without the table of contents too', () => {
    const lines = seed('001_').split('\n');
    const without = parse([lines[0], ...lines.slice(10)].join('\n'));
    expect(headings(without.blocks)).toHaveLength(12);
  });
});

describe('seed 002: blog chrome, dateline, headline', () => {
  const r = parse(seed('002_'));

  it('removes the blog chrome', () => {
    expect(r.removed.filter((x) => x.reason === 'chrome').map((x) => [x.text, x.line])).toEqual([
      ['Pages', 1],
      ['No comments:', 24],
      ['Post a Comment', 26],
    ]);
  });

  it('finds the dateline and the headline below it', () => {
    expect(r.dateline).toEqual({ date: '2024-01-30', precision: 'day', line: 3 });
    expect(r.headline?.text).toMatch(/^US Secretly Warned Iran Of Threat/);
    expect(r.headline?.line).toBe(5);
  });

  it('keeps the eight paragraphs', () => {
    expect(r.blocks.map((b) => b.type)).toEqual(Array(8).fill('paragraph'));
  });
});

describe('every seed yields valid blocks with empty anchors', () => {
  for (const prefix of ['000_', '001_', '002_']) {
    it(prefix, () => {
      for (const block of parse(seed(prefix)).blocks) {
        expect(BlockSchema.safeParse(block).success).toBe(true);
        expect(block.anchor).toBe('');
      }
    });
  }
});

describe('line numbers', () => {
  it('count from firstLine', () => {
    const r = parseTextBody('Pages\nA paragraph that says something.', 7, null);
    expect(r.removed).toEqual([{ reason: 'chrome', text: 'Pages', line: 7 }]);
  });

  it('removes a first line repeating the known title, whatever its quotes and case', () => {
    const r = parse('Iran’s  “Big” Request\nBody text here.', 'iran\'s "big" request');
    expect(r.headline).toEqual({ text: 'Iran’s  “Big” Request', line: 1 });
    expect(paragraphs(r.blocks)).toEqual(['Body text here.']);
  });

  it('keeps a first line that differs from the known title in the body', () => {
    const r = parse('A Standfirst Line\nBody text here.', 'The Title');
    expect(r.headline).toBeNull();
    expect(r.removed).toEqual([]);
    expect(headings(r.blocks)).toEqual(['A Standfirst Line']);
  });
});

const BBC_SAMPLE = 200;

describe('BBC corpus: normal news articles lose nothing', () => {
  it.skipIf(!existsSync(corpus))(`headline = line 1 and < 1% of paragraphs removed on ${BBC_SAMPLE} files`, () => {
    const files = ['business', 'entertainment', 'politics', 'sport', 'tech'].flatMap((cat) =>
      readdirSync(resolve(corpus, cat))
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .slice(0, BBC_SAMPLE / 5)
        .map((f) => resolve(corpus, cat, f)),
    );
    expect(files).toHaveLength(BBC_SAMPLE);
    let total = 0;
    let removed = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const r = parse(text);
      expect(r.headline?.line, file).toBe(1);
      expect(r.headline?.text, file).toBe(text.split('\n')[0]?.trim());
      total += text.split('\n').filter((l) => l.trim().length > 0).length - 1;
      removed += r.removed.filter((x) => x.reason !== 'headline').reduce((n, x) => n + x.text.split('\n').length, 0);
    }
    expect(removed / total).toBeLessThan(0.01);
  });
});
