/**
 * A cold build's body links, packed (`PackedBodyLinks`): each article's links read back as the map a
 * watch session makes, block by block in order, with the first mention of each entity per section.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../src/extract/entities/index.js';
import { EMPTY_REGISTRY } from '../src/extract/entities/registry.js';
import { bodyLinksOf, packedBodyLinksOf } from '../src/link/bodyLinks.js';
import { knownOfList } from '../src/link/knownMentions.js';
import { PackedBodyLinks } from '../src/link/packedBodyLinks.js';
import { articleFromText } from './helpers/article-fixture.js';

const texts = [
  'In London, Tony Blair met Gordon Brown. Later Blair left London.\n\nBlair came back to London.',
  'Nothing here names anyone.',
  'Mr Blair and Mr Brown spoke in London. Brown stayed.',
];

describe('packed body links', () => {
  it('read back, article by article, as the links a watch session chooses', () => {
    const articles = texts.map((text, i) => articleFromText(text, { id: `a${i}`, date: `2005-0${i + 1}-01` }));
    const { entities, mentions } = extractEntities(articles, EMPTY_REGISTRY);
    const byId = new Map(entities.map((entity) => [entity.id, entity]));
    const mentionsOf = knownOfList(mentions, byId, new Map(articles.map((article) => [article.id, article])));
    const packed = packedBodyLinksOf(articles, mentionsOf);
    const plain = bodyLinksOf(articles, mentionsOf, new Map());
    const fields = (links: ReadonlyMap<string, ReadonlyMap<string, ReadonlyArray<{ entityId: string; start: number; end: number }>>>) =>
      [...links].map(([id, own]) => [id, [...own].map(([anchor, list]) => [anchor, list.map(({ entityId, start, end }) => [entityId, start, end])])]);
    expect(fields(packed)).toEqual(fields(plain));
    // Each entity once per section: Blair and London are linked in the first paragraph only.
    const first = packed.get('a0')!;
    expect([...first.keys()]).toEqual(['p-1']);
    expect(first.get('p-1')!.map((link) => link.entityId)).toEqual(expect.arrayContaining(['london', 'tony-blair', 'gordon-brown']));
    expect(new Set(first.get('p-1')!.map((link) => link.entityId)).size).toBe(first.get('p-1')!.length);
    // An article with no link is still a key, with no links.
    expect(packed.has('a1')).toBe(true);
    expect(packed.get('a1')!.size).toBe(0);
    expect(packed.get('nowhere')).toBeUndefined();
    expect(packed.size).toBe(3);
    expect([...packed.keys()]).toEqual(['a0', 'a1', 'a2']);
    // Each read is made afresh: what a caller changes is not kept.
    packed.get('a0')!.clear();
    expect(packed.get('a0')!.size).toBe(1);
  });

  it('refuses an article added twice', () => {
    const packed = new PackedBodyLinks();
    packed.add('a', new Map());
    expect(() => packed.add('a', new Map())).toThrow(/added twice/);
  });
});
