/**
 * A cold build's body links, packed (`PackedPerArticle`): each article's links read back as the map a
 * watch session makes, block by block in order, with the first mention of each entity per section.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../src/extract/entities/index.js';
import { EMPTY_REGISTRY } from '../src/extract/entities/registry.js';
import { bodyLinksOf, packedBodyLinksOf } from '../src/link/bodyLinks.js';
import { knownOfList } from '../src/link/knownMentions.js';
import { PackedPerArticle } from '../src/link/packedPerArticle.js';
import { bodyLinksCodec } from '../src/link/packedBodyLinks.js';
import { articleFromText } from './helpers/article-fixture.js';
import { RecordNumbers } from '../src/link/packedPerArticle.js';
import { entityGroupsCodec, entityListCodec, relatedCodec } from '../src/link/packedEntityLists.js';
import type { Article, Entity } from '../src/types.js';

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
    const packed = new PackedPerArticle(bodyLinksCodec());
    packed.set('a', new Map());
    expect(() => packed.set('a', new Map())).toThrow(/added twice/);
  });

  it('keep entity lists, groups and related articles as the same records, scores to the last bit', () => {
    const entity = (id: string, type: Entity['type']) => ({ id, type, name: id }) as Entity;
    const entities = [entity('iran', 'place'), entity('raisi', 'person'), entity('un', 'organization'), entity('tehran', 'place')];
    const articles = ['a', 'b', 'c'].map((id) => ({ id }) as Article);
    const entityNumbers = new RecordNumbers(entities);
    const lists = new PackedPerArticle(entityListCodec(entityNumbers));
    const groups = new PackedPerArticle(entityGroupsCodec(entityNumbers));
    const related = new PackedPerArticle(relatedCodec(new RecordNumbers(articles), entityNumbers));
    const ranked = [entities[3]!, entities[1]!, entities[0]!, entities[2]!];
    lists.set('a', ranked).set('b', []);
    groups.set('a', [
      { type: 'person', label: 'People', entities: [entities[1]!] },
      { type: 'organization', label: 'Organizations', entities: [entities[2]!] },
      { type: 'place', label: 'Places', entities: [entities[3]!, entities[0]!] },
    ]);
    const score = Math.log(7 / 3) + Math.log(101 / 2);
    related.set('a', [{ article: articles[2]!, score, shared: [entities[1]!, entities[3]!] }, { article: articles[1]!, score: 0.1, shared: [] }]);
    expect(lists.get('a')).toEqual(ranked);
    expect(lists.get('a')![0]).toBe(entities[3]);
    expect(lists.get('b')).toEqual([]);
    expect(groups.get('a')!.map((group) => [group.type, group.label, group.entities.map((e) => e.id)])).toEqual([
      ['person', 'People', ['raisi']],
      ['organization', 'Organizations', ['un']],
      ['place', 'Places', ['tehran', 'iran']],
    ]);
    const back = related.get('a')!;
    expect(back.map((r) => r.article)).toEqual([articles[2], articles[1]]);
    expect(back[0]!.article).toBe(articles[2]);
    expect(back[0]!.score).toBe(score);
    expect(back[1]!.score).toBe(0.1);
    expect(back[0]!.shared.map((e) => e.id)).toEqual(['raisi', 'tehran']);
    expect(back[1]!.shared).toEqual([]);
    expect(() => new RecordNumbers(entities).numberOf(entity('nobody', 'other'))).toThrow(/nobody/);
  });
});
