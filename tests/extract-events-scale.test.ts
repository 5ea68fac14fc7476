/**
 * The timeline merge made linear in time and memory must give exactly what it gave before: the
 * same events, ids, sources, entities and URLs. Compared with the previous merge, kept as a
 * reference in tests/helpers/mergeReference.ts, on the seeds, the BBC corpus (when present) and
 * generated archives built to reach every bound (more events per key than a key remembers, more
 * sentences per event than are compared, one sentence stating several dates, busy years split
 * into month pages).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildTimeline, extractEvents, type EventCandidate } from '../src/extract/events/index.js';
import { extractTimeline } from '../src/extract/events/stage.js';
import { contentWords, jaccard, jaccardSorted, keyOrder, Vocabulary } from '../src/extract/events/similarity.js';
import { memoPerArticle } from '../src/build/cachedStages.js';
import { extractEntitiesStage } from '../src/extract/extractEntitiesStage.js';
import type { Mention } from '../src/types.js';
import { parsedFolder } from './helpers/parsed-seeds.js';
import { referenceTimeline } from './helpers/mergeReference.js';
import { seededRandom } from './helpers/devProject.js';

const WORDS = 'helicopter crash minister election flooding protest strike budget reported killed announced explosions explosion bridge council hospital'.split(' ');
const NAMES = ['Raisi', 'Tokyo', 'Acme', 'Berlin', 'Smith'];
const DATES = ['2023', '2023-11', '2023-11-02', '2024', '2024-01', '2024-01-03', '2024-01-04', '2024-05-19', '2025-02'];

/** An archive of candidates and mentions drawn from a small vocabulary, so that many of them merge. */
function generated(seed: number, articles: number): { candidates: EventCandidate[]; mentions: Mention[] } {
  const next = seededRandom(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const candidates: EventCandidate[] = [];
  const mentions: Mention[] = [];
  for (let a = 0; a < articles; a++) {
    const articleId = `art-${String(a).padStart(4, '0')}`;
    const sentences = 1 + Math.floor(next() * 4);
    for (let s = 0; s < sentences; s++) {
      const blockAnchor = `p-${s + 1}`;
      const name = next() < 0.6 ? pick(NAMES) : null;
      // Common words make events merge; rarer ones (`topic123`) keep many apart, so busy years split.
      const words = Array.from({ length: 2 + Math.floor(next() * 5) }, () => (next() < 0.7 ? pick(WORDS) : `topic${Math.floor(next() * 400)}`));
      const text = `${name ?? 'Officials'} ${words.join(' ')} on the day.`;
      if (name) mentions.push({ entityId: name.toLowerCase(), articleId, blockAnchor, surface: name, start: 0, end: name.length });
      // A mention elsewhere in the block: outside the sentence, it names nothing in it.
      mentions.push({ entityId: 'elsewhere', articleId, blockAnchor, surface: 'Elsewhere', start: 500, end: 509 });
      const dates = new Set([pick(DATES), ...(next() < 0.3 ? [pick(DATES)] : [])]);
      for (const date of dates) {
        const precision = date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
        candidates.push({
          articleId, blockAnchor, blockIndex: s, part: 0, partOffset: 0, start: 0, end: text.length, anchor: `s-${blockAnchor}-1`,
          date, precision, approximate: next() < 0.5, future: next() < 0.2, dateText: date, text,
        });
      }
    }
  }
  return { candidates, mentions };
}

const seeds = fileURLToPath(new URL('../seeds', import.meta.url));

describe('the linear timeline merge', () => {
  it('gives what the previous merge gave on generated archives that reach every bound', () => {
    for (const [seed, size] of [[1, 40], [2, 400], [3, 3000]] as const) {
      const { candidates, mentions } = generated(seed, size);
      const events = buildTimeline(candidates, mentions);
      expect(JSON.stringify(events)).toBe(JSON.stringify(referenceTimeline(candidates, mentions)));
      if (size === 3000) {
        // The bounds were reached: events with more sources than are compared, years split into month pages.
        expect(Math.max(...events.map((e) => e.sources.length))).toBeGreaterThan(8);
        expect(events.some((e) => /^timeline\/\d{4}\/\d{2}\//.test(e.url))).toBe(true);
        expect(events.some((e) => /^timeline\/\d{4}\/\d{2}\/page\/2\//.test(e.url))).toBe(true);
      }
    }
  });

  it('does not depend on the order of its inputs', () => {
    const { candidates, mentions } = generated(4, 300);
    expect(buildTimeline([...candidates].reverse(), [...mentions].reverse())).toEqual(buildTimeline(candidates, mentions));
  });

  it('gives what the previous merge gave on the seeds', () => {
    const articles = parsedFolder(seeds).articles;
    const { mentions } = extractEntitiesStage(articles, null).value;
    const candidates = articles.flatMap((a) => extractEvents(a));
    expect(candidates.length).toBeGreaterThan(0);
    expect(JSON.stringify(buildTimeline(candidates, mentions))).toBe(JSON.stringify(referenceTimeline(candidates, mentions)));
  });

  it('gives the same timeline when candidates are prepared article by article as they are extracted', () => {
    const articles = parsedFolder(seeds).articles;
    const { mentions } = extractEntitiesStage(articles, null).value;
    const candidates = articles.flatMap((a) => extractEvents(a));
    expect(JSON.stringify(extractTimeline(articles, mentions))).toBe(JSON.stringify(referenceTimeline(candidates, mentions)));
    // Articles in another order, and a checkpoint between units of work, change nothing.
    let checkpoints = 0;
    const reversed = extractTimeline([...articles].reverse(), [...mentions].reverse(), extractEvents, () => checkpoints++);
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(referenceTimeline(candidates, mentions)));
    expect(checkpoints).toBeGreaterThanOrEqual(articles.length);
  });

  it('gives the same timeline with or without the per-article memo', () => {
    const articles = parsedFolder(seeds).articles;
    const { mentions } = extractEntitiesStage(articles, null).value;
    expect(extractTimeline(articles, mentions, memoPerArticle(extractEvents))).toEqual(extractTimeline(articles, mentions));
  });
});

describe('numbered content words', () => {
  const sentences = [
    'Iranian President Ebrahim Raisi died in a helicopter crash on Sunday.',
    'Explosions killed 12 people; the explosion was reported at 10:30 — officials said.',
    'ÉLECTIONS à Genève: the élection results were announced in 2024, États-Unis said.',
    'The the the and of a, an; day days year years.',
    '',
    // Letters outside the Basic Multilingual Plane, lone surrogates, emoji, combining marks, İ (two code units lower-cased).
    'İSTANBUL 𝐀𝐁𝐂𝐃 council \ud800abc def\udc00ghi 🎉🎉party ¼½¾ numbers٣٤٥ Ｆｕｌｌ naïve cafe\u0301s',
    ...Array.from({ length: 200 }, (_, i) => {
      const next = seededRandom(i + 1);
      const pool = ['a', 'b', 'Z', '1', ' ', '-', 'é', 'İ', '\ud835\udc00', '\ud800', '\udc00', '🎉', '٣', 'ing', 'ed', 's', 'the', '\u0301'];
      return Array.from({ length: 40 }, () => pool[Math.floor(next() * pool.length)]).join('');
    }),
  ];

  it('are the words of contentWords, in blocking order (longest first, then alphabetical)', () => {
    const vocabulary = new Vocabulary();
    const read = sentences.map((s) => vocabulary.read(s));
    const rank = vocabulary.ranks();
    sentences.forEach((sentence, i) => {
      const words = [...contentWords(sentence)].sort(keyOrder);
      const numbers = read[i]!.map((n) => rank[n]!).sort((a, b) => a - b);
      expect(numbers.map((n) => vocabulary.wordAt(rank.indexOf(n)))).toEqual(words);
    });
  });

  it('overlap as jaccard does on the words', () => {
    const vocabulary = new Vocabulary();
    const read = sentences.map((s) => Int32Array.from(vocabulary.read(s)).sort());
    for (let i = 0; i < sentences.length; i++) {
      for (let j = 0; j < sentences.length; j++) {
        expect(jaccardSorted(read[i]!, read[j]!)).toBe(jaccard(contentWords(sentences[i]!), contentWords(sentences[j]!)));
      }
    }
  });
});

const bbc = fileURLToPath(new URL('../../shared/corpus/bbc', import.meta.url));

describe.runIf(existsSync(bbc))('the linear timeline merge on the BBC corpus', () => {
  it('gives what the previous merge gave', () => {
    const articles = parsedFolder(bbc).articles;
    const { mentions } = extractEntitiesStage(articles, null).value;
    const candidates = articles.flatMap((a) => extractEvents(a));
    expect(JSON.stringify(buildTimeline(candidates, mentions))).toBe(JSON.stringify(referenceTimeline(candidates, mentions)));
  }, 120_000);
});
