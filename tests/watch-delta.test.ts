/**
 * The delta rules of a watch session's entity and link stages: each build changes the kept sums
 * (names, entity records, co-mentions, name order) by the articles that changed, and must give
 * what a cold build of the same articles gives. Each case runs a sequence of archives through one
 * pair of memos and compares every step with a cold build.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTRY, EntityMemo, extractEntities, parseRegistry, type Registry } from '../src/extract/entities/index.js';
import { extractEvents } from '../src/extract/events/extract.js';
import { extractTimeline } from '../src/extract/events/stage.js';
import { TimelineMemo } from '../src/extract/events/timelineMemo.js';
import { buildArchive } from '../src/link/buildArchive.js';
import { LinkMemo } from '../src/link/linkEntities.js';
import { KeptOrder } from '../src/link/nameOrder.js';
import type { Article } from '../src/types.js';
import { articleFromText } from './helpers/article-fixture.js';
import { comparableIndex } from './helpers/comparable-index.js';

const article = (id: string, text: string, date: string | null = '2005-01-01'): Article => articleFromText(text, { id, date });

/** A watch session's two memos, building archive after archive; each build is checked against a cold one. */
function session(registry: Registry = EMPTY_REGISTRY) {
  const entityMemo = new EntityMemo();
  const linkMemo = new LinkMemo();
  return (articles: Article[]) => {
    const cold = extractEntities(articles, registry);
    const { mentionsByArticle, mentionsChanged, ...warm } = extractEntities(articles, registry, entityMemo);
    expect(JSON.stringify(warm)).toBe(JSON.stringify(cold));
    // The same mentions, one list per article, in the same order.
    expect([...mentionsByArticle!.values()].flat()).toEqual(warm.mentions);
    expect([...mentionsByArticle!].every(([id, list]) => list.every((m) => m.articleId === id))).toBe(true);
    const coldArchive = buildArchive(articles, { ...cold, events: [] });
    // With the lists the link stage has not read, an edit's build changes the last archive's maps in place (see `linkWatched`).
    const warmArchive = buildArchive(articles, { ...warm, mentionsByArticle: mentionsByArticle!, mentionsChanged: mentionsChanged!, events: [] }, linkMemo);
    expect(mentionsChanged!.size).toBe(0);
    expect(warmArchive.entities).toEqual(coldArchive.entities);
    expect(comparableIndex(warmArchive.entityIndex)).toEqual(comparableIndex(coldArchive.entityIndex));
    expect(warmArchive.articles).toEqual(coldArchive.articles);
    expect(warmArchive.articleById).toEqual(coldArchive.articleById);
    expect(warmArchive.neighbours).toEqual(coldArchive.neighbours);
    return warm;
  };
}

const a = article('a', 'In London, Tony Blair met Gordon Brown. The Treasury said little.', '2005-01-02');
const b = article('b', 'Mr Blair and Mr Brown spoke in London. Blair left for Paris.', '2005-03-04');
const c = article('c', 'Angela Merkel met Gordon Brown in Berlin. Merkel said Berlin was calm.', '2005-02-01');

describe('watch-session deltas of the entity and link stages', () => {
  it('drops an article from an entity when it stops naming it, and keeps the other records', () => {
    const build = session();
    const first = build([a, b, c]);
    const edited = article('a', 'In London, Tony Blair spoke. The Treasury said little.', '2005-01-02');
    const second = build([edited, b, c]);
    const brown = (list: typeof first.entities) => list.find((entity) => entity.name === 'Gordon Brown');
    expect(brown(first.entities)?.articles).toContain('a');
    expect(brown(second.entities)?.articles).not.toContain('a');
    // An entity the edit did not touch keeps its very record.
    const merkel = (list: typeof first.entities) => list.find((entity) => entity.name === 'Angela Merkel');
    expect(merkel(second.entities)).toBe(merkel(first.entities));
    build([a, b, c]);
  });

  it('makes again the records an edit of an article changes, and only those, however its other entities are named', () => {
    const build = session();
    const first = build([a, b, c]);
    const named = (list: typeof first.entities, name: string) => list.find((entity) => entity.name === name);
    // A sentence naming nobody: every entity of the article keeps its very record.
    const added = build([article('a', 'In London, Tony Blair met Gordon Brown. The Treasury said little. It rained.', '2005-01-02'), b, c]);
    for (const name of ['Tony Blair', 'Gordon Brown', 'London']) expect(named(added.entities, name)).toBe(named(first.entities, name));
    // As many mentions of Blair, another spelling: his aliases change (checked against a cold build).
    build([article('a', 'In London, Mr Blair met Gordon Brown. The Treasury said little. It rained.', '2005-01-02'), b, c]);
    // The same mentions, a later date: a moves up every list of articles it is on.
    build([article('a', 'In London, Mr Blair met Gordon Brown. The Treasury said little. It rained.', '2005-06-02'), b, c]);
    // And another headline at the same date as b: ties go by title.
    build([{ ...article('a', 'In London, Mr Blair met Gordon Brown. The Treasury said little. It rained.', '2005-03-04'), title: 'zzz' }, b, c]);
    build([{ ...article('a', 'In London, Mr Blair met Gordon Brown. The Treasury said little. It rained.', '2005-03-04'), title: 'aaa' }, b, c]);
    build([a, b, c]);
  });

  it('follows a rename (same text, new id and place in the listing)', () => {
    const build = session();
    build([a, b, c]);
    const renamed = article('z', 'In London, Tony Blair met Gordon Brown. The Treasury said little.', '2005-05-02');
    const after = build([renamed, b, c]);
    expect(after.entities.find((entity) => entity.name === 'Gordon Brown')?.articles).toEqual(['z', 'b', 'c']);
    build([a, b, c]);
  });

  it('drops an entity whose last mention is deleted, and brings it back', () => {
    const build = session();
    build([a, b, c]);
    const after = build([a, b]);
    expect(after.entities.map((entity) => entity.name)).not.toContain('Angela Merkel');
    expect(build([a, b, c]).entities.map((entity) => entity.name)).toContain('Angela Merkel');
    build([c]);
    build([]);
    build([b, c]);
  });

  it('changes the canonical name when an edit changes which spelling is most used', () => {
    const build = session();
    const shouted = article('d', 'Tony BLAIR spoke. Tony BLAIR left. Tony Blair stayed.', '2005-04-01');
    const first = build([a, b, shouted]);
    const quiet = article('d', 'Tony Blair spoke. Tony Blair left. Tony BLAIR stayed.', '2005-04-01');
    const second = build([a, b, quiet]);
    const blair = (list: typeof first.entities) => list.find((entity) => entity.id.startsWith('tony-blair'))?.name;
    expect(blair(first.entities)).toBe('Tony BLAIR');
    expect(blair(second.entities)).toBe('Tony Blair');
    build([a, b, shouted]);
  });

  it('drops a registry entity whose last mention goes while every name found stays the same', () => {
    // "Treasury" opens its sentence, so it is no name found in the text, only the registry's: its going changes no name's sums.
    const registry = parseRegistry('entities:\n  - name: Treasury\n    type: organization\n', 'entities.yml').registry;
    const build = session(registry);
    const named = article('a', 'In London, Tony Blair met Gordon Brown. Treasury officials said little.');
    const unnamed = article('a', 'In London, Tony Blair met Gordon Brown. Some officials said little.');
    const names = (articles: Article[]) => build(articles).entities.map((entity) => entity.name);
    expect(names([named, b])).toContain('Treasury');
    expect(names([unnamed, b])).not.toContain('Treasury');
    expect(names([named, b])).toContain('Treasury');
  });

  it('keeps the names and co-mentions right through edits that add, merge and split names', () => {
    const registry = parseRegistry('entities:\n  - name: Gordon Brown\n    type: person\n    aliases: [Chancellor Brown]\n  - name: Nobody Here\n    type: person\n', 'entities.yml').registry;
    const build = session(registry);
    const d = article('d', 'Chancellor Brown met Angela Merkel and Tony Blair in Paris.', '2005-06-01');
    build([a, b, c, d]);
    build([a, b, c, article('d', 'Chancellor Brown met Angela Merkel in Paris. Ebrahim Raisi and Raisi spoke.', '2005-06-01')]);
    build([a, article('b', 'Mr Blair and Mr Brown spoke in London. Brown left for Paris with Angela Merkel.', '2005-03-04'), c, d]);
    build([article('a', 'Houthis and Huthi fighters met in Sanaa. Tony Blair was told.', '2005-01-02'), b, c, d]);
    build([a, b, c, d]);
    build([d, c]);
  });
});

describe('watch-session deltas of the link stage alone', () => {
  it('checks the mentions again for unknown entities, and lists appearances, when an entity comes or goes though the lists are the same', () => {
    const { mentionsByArticle, mentionsChanged: _, ...extracted } = extractEntities([a, b, c], EMPTY_REGISTRY, new EntityMemo());
    for (const inPlace of [false, true]) {
      const linkMemo = new LinkMemo();
      const link = (entities: typeof extracted.entities) => {
        // In place: told that no list changed, the link stage changes the last archive's maps for the articles naming an entity that came or went.
        const warm = buildArchive([a, b, c], { ...extracted, entities, mentionsByArticle: mentionsByArticle!, ...(inPlace ? { mentionsChanged: new Set<string>() } : {}), events: [] }, linkMemo);
        const cold = buildArchive([a, b, c], { ...extracted, entities, events: [] });
        expect(comparableIndex(warm.entityIndex)).toEqual(comparableIndex(cold.entityIndex));
      };
      // The same mention lists each time: only the entities the archive holds change.
      const brown = extracted.entities.find((entity) => entity.name === 'Gordon Brown')!;
      link(extracted.entities);
      link(extracted.entities.filter((entity) => entity !== brown));
      link(extracted.entities);
      // An entity no article names still has its (empty) list of appearances, and loses it when it goes.
      const ghost = { ...brown, id: 'zz-ghost', name: 'Ghost', aliases: [], articles: [], mentions: 0 };
      link([...extracted.entities, ghost]);
      link(extracted.entities);
    }
  });
});

describe('watch-session deltas of the candidates', () => {
  it('finds again the names of an unchanged article when an edit elsewhere changes how one of its words is judged', () => {
    const build = session();
    // "Wharfside" is capitalised mid-sentence in a and c and never in lower case: a name.
    const a2 = article('a', 'Officials met at Wharfside on Monday and later left Wharfside by boat. Tony Blair visited Wharfside.');
    const c2 = article('c', 'Ships reached Wharfside at noon, said Angela Merkel.');
    const other = (text: string) => article('z', text);
    expect(build([a2, c2, other('The council met on Tuesday.')]).entities.map((e) => e.name)).toContain('Wharfside');
    build([a2, c2, other('The council met on Tuesday.')]);
    // Now mostly written in lower case elsewhere: no longer name-like, so a's and c's names change though they did not.
    const flipped = build([a2, c2, other('The wharfside was busy. A wharfside master said the wharfside would close. The wharfside reopened and the wharfside shops too.')]);
    expect(flipped.entities.map((e) => e.name)).not.toContain('Wharfside');
    build([a2, c2, other('The council met on Tuesday.')]);
  });

  it('checks the kept candidates against every answer changed since they were checked, after edits that changed none', () => {
    const build = session();
    const a2 = article('a', 'Officials met at Wharfside on Monday and later left Wharfside by boat. Tony Blair visited Wharfside.');
    const c2 = article('c', 'Ships reached Wharfside at noon, said Angela Merkel.');
    const other = (text: string) => article('z', text);
    build([a2, c2, other('The council met on Tuesday.')]);
    // Edits of z alone that change no word's answer: a's and c's candidates are not even looked at.
    build([a2, c2, other('The council met on Wednesday.')]);
    build([a2, c2, other('The council met on Thursday.')]);
    // Then one that does: a's and c's candidates, last checked builds ago, are found again.
    expect(build([a2, c2, other('The wharfside was busy. A wharfside master said the wharfside would close. The wharfside reopened and the wharfside shops too.')]).entities.map((e) => e.name)).not.toContain('Wharfside');
    build([a2, c2, other('The council met on Friday.')]);
    expect(build([a2, c2, other('The council met on Friday, at Wharfside.')]).entities.map((e) => e.name)).toContain('Wharfside');
  });
});

describe('watch-session deltas of the timeline', () => {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  /** An article with `n` dated sentences, each naming its own day. */
  const dated = (id: string, n: number, offset = 0, words = 'the council voted on the harbour budget') =>
    article(
      id,
      Array.from({ length: n }, (_, i) => {
        const day = offset * n + i; // distinct days for distinct offsets: few merges, so many events
        return `On ${(day % 28) + 1} ${MONTHS[Math.floor(day / 28) % 12]} 2024, ${i % 3 === 0 ? 'Maria Lopez said ' : ''}${words} ${id} ${i}.`;
      }).join(' '),
      '2024-12-31',
    );

  /** One memo through a sequence of archives, each checked against a cold merge. */
  function timelineSession() {
    const memo = new TimelineMemo();
    const entityMemo = new EntityMemo();
    return (articles: Article[]) => {
      const { mentions } = extractEntities(articles, EMPTY_REGISTRY);
      const cold = extractTimeline(articles, mentions);
      // The mentions by article as a watch session gives them (an unchanged article's list kept).
      // With the ids whose mentions changed (an edit's build then reads only those and the records replaced), emptied as the link stage would.
      const { mentionsByArticle, mentionsChanged } = extractEntities(articles, EMPTY_REGISTRY, entityMemo);
      const warm = memo.timeline(articles, mentionsByArticle!, extractEvents, mentionsChanged);
      mentionsChanged!.clear();
      expect(JSON.stringify(warm)).toBe(JSON.stringify(cold));
      return warm;
    };
  }

  it('merges again only what changed, and gives the cold timeline through edits, deletions and renames', () => {
    const build = timelineSession();
    const archive = Array.from({ length: 6 }, (_, i) => dated(`a${i}`, 8, i));
    const first = build(archive);
    // An edit that adds no date keeps every event record.
    const quiet = article('a0', 'Nothing dated here.', '2024-12-31');
    const again = build(archive);
    expect(again).toBe(first);
    build([quiet, ...archive.slice(1)]);
    build([dated('a0', 8, 3, 'the court heard the strike report'), ...archive.slice(1)]);
    // An edit that names someone new in sentences it keeps: its events list the entity.
    build([dated('a0', 8, 3, 'Tony Blair heard the strike report'), ...archive.slice(1)]);
    build([dated('a0', 8, 3, 'Tony Blair heard the strike report'), dated('a1', 8, 1, 'Tony Blair heard the report'), ...archive.slice(2)]);
    build(archive.slice(2));
    build([dated('renamed', 8, 0), ...archive.slice(1)]);
    build(archive);
  });

  it('gives events new URLs when their year is split into months, and back', () => {
    const build = timelineSession();
    const small = Array.from({ length: 20 }, (_, i) => dated(`s${i}`, 12, i, `event number ${i} happened in town`));
    const year = (events: ReturnType<typeof build>) => events.filter((event) => event.date.startsWith('2024'));
    expect(year(build(small)).length).toBeLessThanOrEqual(250);
    const big = [...small, ...Array.from({ length: 10 }, (_, i) => dated(`t${i}`, 12, i + 5, `another thing ${i} took place`))];
    const split = year(build(big));
    expect(split.length).toBeGreaterThan(250);
    expect(split.some((event) => event.url.startsWith('timeline/2024/01/'))).toBe(true);
    build(small);
    build(big.slice(3));
  });
});

describe('KeptOrder', () => {
  it('gives the order a full sort gives as records come and go', () => {
    const order = new KeptOrder<{ id: string; name: string }>((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let items: Array<{ id: string; name: string }> = [];
    for (let step = 0; step < 60; step++) {
      const fresh = Array.from({ length: Math.floor(random() * 4) }, (_, i) => ({ id: `${step}-${i}`, name: ['Émile', 'emile', 'Zoë', 'adam', 'Adam', 'ñu'][Math.floor(random() * 6)]! }));
      items = [...items.filter(() => random() > 0.2), ...fresh];
      const expected = [...items].sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
      expect(order.of(items)).toEqual(expected);
      expect([...order.ranks()]).toEqual(expected.map((item, i) => [item.id, i]));
    }
  });

  it('gives the order a full sort gives as records are replaced in place, renamed or not, and swap places in the input', () => {
    const compare = (a: { id: string; name: string }, b: { id: string; name: string }) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const order = new KeptOrder<{ id: string; name: string }>(compare);
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const names = ['Émile', 'emile', 'Zoë', 'adam', 'Adam', 'ñu', 'Bob'];
    let items = Array.from({ length: 40 }, (_, i) => ({ id: `r${i}`, name: names[i % names.length]! }));
    for (let step = 0; step < 80; step++) {
      items = items.slice();
      // A few records made anew (some renamed), sometimes many, sometimes two swapping places.
      const changes = step % 10 === 9 ? 36 : Math.floor(random() * 4);
      for (let k = 0; k < changes; k++) {
        const i = Math.floor(random() * items.length);
        items[i] = { id: items[i]!.id, name: random() < 0.5 ? items[i]!.name : names[Math.floor(random() * names.length)]! };
      }
      if (step % 7 === 3) [items[0], items[1]] = [items[1]!, items[0]!];
      const expected = [...items].sort(compare);
      expect(order.of(items)).toEqual(expected);
      expect([...order.ranks()]).toEqual(expected.map((item, i) => [item.id, i]));
    }
  });
});
