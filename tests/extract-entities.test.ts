/**
 * The entity extractor: tokens, candidates, merging, mention finding and the registry, on small
 * hand-built articles, then the quality pins of the issue on the seeds (with and without the
 * registry), then a sample of the BBC corpus for precision and speed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockPlainText, EMPTY_REGISTRY, EntityMemo, extractEntities, parseRegistry, type Registry } from '../src/extract/entities/index.js';
import { compactTokens, expandTokens, TokenBuffer, unpackTokens } from '../src/extract/entities/packedTokens.js';
import { loadGazetteer } from '../src/extract/entities/gazetteer.js';
import { GAZETTEER_DATA } from '../src/extract/entities/gazetteerData.js';
import { gazetteerData } from '../src/extract/entities/gazetteerSource.js';
import { newWordTable, tokenize, tokenizeInto } from '../src/extract/entities/tokens.js';
import { formatDiagnostic } from '../src/errors.js';
import type { Article, Entity } from '../src/types.js';
import { articleFromText } from './helpers/article-fixture.js';
import { parsedFolder } from './helpers/parsed-seeds.js';
import { BBC, SEEDS } from './helpers/project.js';

const article = (id: string, text: string, date: string | null = null): Article => articleFromText(text, { id, date });
const byName = (entities: Entity[], name: string): Entity | undefined => entities.find((entity) => entity.name === name);
const names = (entities: Entity[]): string[] => entities.map((entity) => entity.name);

describe('tokens', () => {
  it('strips possessives, keeps initialisms and splits country compounds', () => {
    const tokens = tokenize('Iran’s talks with the U.S. and US-Iran ties, Amir-Abdollahian said.', (key) => key === 'iran' || key === 'us');
    expect(tokens.map((t) => t.text)).toEqual(['Iran', 'talks', 'with', 'the', 'U.S.', 'and', 'US', 'Iran', 'ties', 'Amir-Abdollahian', 'said']);
    expect(tokens[0]?.closesName).toBe(true);
    expect(tokens[4]?.key).toBe('us');
    expect(tokens[9]?.key).toBe('amirabdollahian');
  });

  it('masks URLs, handles and all-caps speaker labels', () => {
    const tokens = tokenize('REPORTER: Ask @Bobby_LaValley at https://Example.com/Iran or pic.twitter.com/AbC');
    expect(tokens.filter((t) => !t.masked).map((t) => t.text)).toEqual(['Ask', 'at', 'or']);
  });
});

describe('gazetteer', () => {
  it('is the table the packages give (run `npm run gazetteer` after upgrading them)', () => {
    expect(GAZETTEER_DATA).toEqual(gazetteerData());
  });

  it('knows countries by their spellings, cities, regions and demonyms', () => {
    const gazetteer = loadGazetteer();
    expect(['us', 'usa', 'united states of america', 'united states'].map((key) => gazetteer.byKey.get(key)?.name)).toEqual(Array(4).fill('United States'));
    expect(gazetteer.byKey.get('kerman')?.kind).toBe('city');
    expect(gazetteer.byKey.get('africa')?.kind).toBe('country');
    expect(gazetteer.byKey.has('is')).toBe(false); // Iceland's code, a word in prose
    expect(gazetteer.demonyms.has('iranian')).toBe(true);
  });
});

describe('extractEntities on hand-built articles', () => {
  it('strips titles, types by cues and resolves surnames to the full name', () => {
    const { entities } = extractEntities(
      [
        article('a', 'Officials said Iranian President Ebrahim Raisi died in the crash in the country’s East Azerbaijan province.\nRaisi was 63, spokesman Matthew Miller said.'),
        article('b', 'Later, Miller said Raisi had asked for help.'),
      ],
      EMPTY_REGISTRY,
    );
    expect(byName(entities, 'Ebrahim Raisi')).toMatchObject({ type: 'person', aliases: ['Raisi'], articles: ['a', 'b'], mentions: 3 });
    expect(byName(entities, 'Matthew Miller')).toMatchObject({ type: 'person', articles: ['a', 'b'] });
    expect(byName(entities, 'East Azerbaijan')?.type).toBe('place');
    expect(names(entities)).not.toContain('President');
    expect(names(entities)).not.toContain('Officials');
  });

  it('merges an abbreviation with its definition and spelling variants of one name', () => {
    const { entities } = extractEntities(
      [
        article('a', 'A commander of the Islamic Revolutionary Guards Corps (IRGC) was killed. The IRGC vowed revenge.'),
        article('b', 'Yemen-based Huthi rebels fired again. The Houthis said so.'),
      ],
      EMPTY_REGISTRY,
    );
    expect(byName(entities, 'Islamic Revolutionary Guards Corps')).toMatchObject({ type: 'organization', aliases: ['IRGC'], mentions: 3 });
    const houthis = entities.find((entity) => entity.aliases.includes('Huthi') || entity.name === 'Huthi');
    expect(houthis?.mentions).toBe(2);
    expect(byName(entities, 'Yemen')?.type).toBe('place');
  });

  it('does not merge a short name that ends two people’s names', () => {
    const { entities, mentions } = extractEntities(
      [
        article('a', 'The minister John Smith met officials. Smith said little.'),
        article('b', 'The coach Adam Smith lost again. Smith was angry.'),
        article('c', 'Nobody knows which Smith spoke first at the meeting.'),
      ],
      EMPTY_REGISTRY,
    );
    expect(byName(entities, 'John Smith')?.articles).toEqual(['a']);
    expect(byName(entities, 'Adam Smith')?.articles).toEqual(['b']);
    expect([...mentions].filter((m) => m.articleId === 'c')).toEqual([]);
  });

  it('never reads removed text, headings or handles', () => {
    const base = article('a', 'Raisi spoke.\nShort Heading About Tehran\nPresident Ebrahim Raisi met the press in Tehran today.');
    base.removed = [{ reason: 'seo-links', text: 'Jonathan Roumie Married\nChance Brown', line: 9 }];
    base.blocks.push({ type: 'embed', anchor: 'e-9', kind: 'tweet', author: 'Bobby LaValley', handle: 'Bobby_LaValley', date: null, dateText: '', text: 'Footage of the Crash Site of President Ebrahim Raisi', url: null });
    const { entities, mentions } = extractEntities([base], EMPTY_REGISTRY);
    expect(names(entities).sort()).toEqual(['Ebrahim Raisi', 'Tehran']);
    // Mentions count in embedded posts, never in headings.
    expect([...mentions].filter((m) => m.blockAnchor === 'e-9').map((m) => m.surface)).toEqual(['Ebrahim Raisi']);
    expect([...mentions].some((m) => m.blockAnchor.startsWith('h-'))).toBe(false);
  });

  it('tells the pronoun `us` and shouted speaker labels from names', () => {
    const { mentions } = extractEntities(
      [article('a', 'Iran asked us for help, the U.S. said. The US refused.\nMATTHEW MILLER: No.\nState Department spokesman Matthew Miller confirmed it.')],
      EMPTY_REGISTRY,
    );
    expect([...mentions].map((m) => m.surface)).toEqual(['Iran', 'U.S.', 'US', 'State Department', 'Matthew Miller']);
  });

  it('gives offsets into the block text and is independent of input order', () => {
    const a = article('a', 'In London, Tony Blair met Gordon Brown.', '2005-01-02');
    const b = article('b', 'Mr Blair and Mr Brown spoke in London.', '2005-03-04');
    const one = extractEntities([a, b], EMPTY_REGISTRY);
    const two = extractEntities([b, a], EMPTY_REGISTRY);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const text = (a.blocks[0] as { content: { text: string } }).content.text;
    for (const m of [...one.mentions].filter((m) => m.articleId === 'a')) expect(text.slice(m.start, m.end)).toBe(m.surface);
    // Newest first.
    expect(byName(one.entities, 'Tony Blair')?.articles).toEqual(['b', 'a']);
    expect(byName(one.entities, 'Tony Blair')?.url).toBe('entities/tony-blair/');
  });

  it('finds the same with a watch session’s memo, build after build, and with words too long to pack', () => {
    const memo = new EntityMemo();
    const a = article('a', 'In London, Tony Blair met Gordon Brown.', '2005-01-02');
    const b = article('b', `Mr Blair and Mr Brown spoke in London. ${'Z'.repeat(9000)} then Blair left.`, '2005-03-04');
    const plain = JSON.stringify(extractEntities([a, b], EMPTY_REGISTRY));
    expect(byName(extractEntities([a, b], EMPTY_REGISTRY).entities, 'Tony Blair')?.articles).toEqual(['b', 'a']);
    expect(withoutByArticle(extractEntities([a, b], EMPTY_REGISTRY, memo))).toBe(plain);
    expect(withoutByArticle(extractEntities([b, a], EMPTY_REGISTRY, memo))).toBe(plain);
    const edited = article('a', 'In Paris, Tony Blair met Gordon Brown.', '2005-01-02');
    expect(withoutByArticle(extractEntities([edited, b], EMPTY_REGISTRY, memo))).toBe(JSON.stringify(extractEntities([edited, b], EMPTY_REGISTRY)));
  });

  it('gives the cold result with a memo after edits that keep and that change the names, deletions and re-additions', () => {
    const memo = new EntityMemo();
    const a = article('a', 'In London, Tony Blair met Gordon Brown. The Treasury said little.', '2005-01-02');
    const b = article('b', 'Mr Blair and Mr Brown spoke in London. Blair left for Paris.', '2005-03-04');
    const c = article('c', 'Gordon Brown and the Treasury met in Paris. Brown said the treasury was calm.', '2005-02-01');
    const cold = (list: Article[]) => JSON.stringify(extractEntities(list, EMPTY_REGISTRY));
    const warm = (list: Article[]) => withoutByArticle(extractEntities(list, EMPTY_REGISTRY, memo));
    expect(warm([a, b, c])).toBe(cold([a, b, c]));
    const first = memo.lastNames;
    // Only lower-case words added: the same candidates, so the same resolution is reused.
    const quiet = article('a', 'In London, Tony Blair met Gordon Brown. The Treasury said little. it rained all day.', '2005-01-02');
    expect(warm([quiet, b, c])).toBe(cold([quiet, b, c]));
    expect(memo.lastNames?.resolution).toBe(first?.resolution);
    // A name counted once more: a new resolution, but the same names and ids, so the same matcher.
    const more = article('a', 'In London, Tony Blair met Gordon Brown. The Treasury said little. Tony Blair left.', '2005-01-02');
    expect(warm([more, b, c])).toBe(cold([more, b, c]));
    expect(memo.lastNames?.resolution).not.toBe(first?.resolution);
    expect(memo.lastNames?.matcher).toBe(first?.matcher);
    // New names, and a word whose statistics flip (`treasury` now more often lower case).
    const loud = article('a', 'In Berlin, Angela Merkel met Gordon Brown. the treasury and the treasury said little.', '2005-01-02');
    expect(warm([loud, b, c])).toBe(cold([loud, b, c]));
    expect(memo.lastNames?.resolution).not.toBe(first?.resolution);
    expect(warm([loud, c])).toBe(cold([loud, c]));
    expect(warm([a, b, c])).toBe(cold([a, b, c]));
    expect(warm([b])).toBe(cold([b]));
    expect(warm([a, b, c])).toBe(cold([a, b, c]));
  });

  it('keeps tokens compact and gives them back unchanged', () => {
    const text = 'Iran’s talks with the U.S. and US-Iran ties, Amir-Abdollahian said.\nREPORTER: see https://example.com/Iran';
    const words = newWordTable();
    const buffer = new TokenBuffer(2);
    tokenizeInto(buffer, text, (key) => key === 'iran', words);
    const ranges = [{ first: 0, end: buffer.length }];
    const compact = compactTokens(buffer, ranges);
    expect(compact).not.toBeNull();
    const back = new TokenBuffer();
    expandTokens(compact as Int32Array, back, ranges);
    expect(unpackTokens(text, back.data, 0, back.length, words.keys)).toEqual(tokenize(text, (key) => key === 'iran'));
    const long = new TokenBuffer();
    tokenizeInto(long, `A ${'b'.repeat(9000)}`, () => false, words);
    expect(compactTokens(long, [{ first: 0, end: long.length }])).toBeNull();
  });

  it('stays linear on hostile input', () => {
    const hostile = `${'A.'.repeat(20000)} ${'Aa-'.repeat(20000)} ${'Big '.repeat(20000)}${'x'.repeat(50000)}`;
    const started = performance.now();
    extractEntities([article('a', hostile)], EMPTY_REGISTRY);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('parseRegistry', () => {
  it('reads entities, links, never and separate', () => {
    const { registry, diagnostics } = parseRegistry(
      'entities:\n  - name: Ebrahim Raisi\n    type: person\n    aliases: [Raisi]\n    description: President of Iran.\n    wikipedia: https://en.wikipedia.org/wiki/Ebrahim_Raisi\nnever: [Great Satan]\nseparate: [Miller]\n',
      'entities.yml',
    );
    expect(diagnostics).toEqual([]);
    expect(registry.entities[0]).toEqual({ name: 'Ebrahim Raisi', type: 'person', aliases: ['Raisi'], description: 'President of Iran.', links: [{ label: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Ebrahim_Raisi' }], line: 2 });
    expect(registry.never).toEqual(['Great Satan']);
    expect(registry.separate).toEqual(['Miller']);
  });

  it('reports bad entries with their line and keeps the good ones', () => {
    const { registry, diagnostics } = parseRegistry(
      'entities:\n  - name: Good\n  - name: Bad\n    type: planet\n  - name: Worse\n    wikipedia: javascript:alert(1)\n  - name: Other\n    colour: red\n',
      'seeds/entities.yml',
    );
    expect(registry.entities.map((e) => e.name)).toEqual(['Good']);
    expect(diagnostics.map((d) => [d.line, d.field])).toEqual([
      [4, 'entities.type'],
      [6, 'entities.wikipedia'],
      [8, 'entities'],
    ]);
    expect(formatDiagnostic(diagnostics[0]!)).toBe(
      'seeds/entities.yml:4: entities.type: Invalid option: expected one of "person"|"organization"|"place"|"other". Fix this entry; it was skipped.',
    );
    expect(diagnostics.every((d) => d.severity === 'error' && d.file === 'seeds/entities.yml')).toBe(true);
  });

  it('rejects broken YAML, alias bombs and a name listed twice', () => {
    expect(parseRegistry('entities: [\n', 'r.yml').diagnostics[0]).toMatchObject({ severity: 'error', line: 2 });
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n';
    const started = performance.now();
    expect(parseRegistry(bomb, 'r.yml').diagnostics.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(500);
    const twice = parseRegistry('entities:\n  - name: A\n    aliases: [X]\n  - name: B\n    aliases: [X]\n', 'r.yml');
    expect(twice.diagnostics[0]).toMatchObject({ line: 4, message: '"X" is listed for both "A" and "B".' });
  });

  it('applies names, types, never and separate on top of the extractor', () => {
    const registry: Registry = parseRegistry(
      'entities:\n  - name: Associated Press\n    type: organization\n    aliases: [AP]\n    description: News agency.\n  - name: Reuters\n    type: organization\nnever: [Great Satan]\nseparate: [Smith]\n',
      'r.yml',
    ).registry;
    const articles = [article('a', 'The AP and Reuters reported that Iran called the US the "Great Satan" again. The minister John Smith and Smith agreed.')];
    const { entities } = extractEntities(articles, registry);
    expect(byName(entities, 'Associated Press')).toMatchObject({ type: 'organization', aliases: ['AP'], description: 'News agency.' });
    expect(byName(entities, 'Reuters')?.type).toBe('organization');
    expect(names(entities)).not.toContain('Great Satan');
    expect(byName(entities, 'Smith')?.mentions).toBe(1);
  });
});

/** The seeds through the real read and parse stages (chrome, spam, embeds and headings handled there). */
const seeds = parsedFolder(SEEDS);
const seedId = (prefix: string): string => seeds.articles.find((a) => a.id.startsWith(prefix))?.id ?? prefix;
const REPOST = seedId('an-unusual-request');
const SEO_POST = seedId('iran-asked-us-for-help');
const BLOG = seedId('us-secretly-warned');

const seedRegistry = (): Registry => parseRegistry(seeds.registryText ?? '', 'seeds/entities.yml').registry;

describe.each([
  ['without the registry', (): Registry => EMPTY_REGISTRY],
  ['with the registry', seedRegistry],
])('the seeds %s', (_label, registry) => {
  const { entities, mentions } = extractEntities(seeds.articles, registry());
  const find = (alias: string): Entity | undefined => entities.find((e) => e.name === alias || e.aliases.includes(alias));

  it('finds each person once, linked to both Raisi articles', () => {
    for (const [name, alias] of [['Ebrahim Raisi', 'Raisi'], ['Matthew Miller', 'Miller'], ['Hossein Amirabdollahian', 'Amir-Abdollahian'], ['Ali Khamenei', 'Ali Khamenei']] as const) {
      const entity = byName(entities, name);
      expect(entity, name).toBeDefined();
      expect(entity?.type).toBe('person');
      expect(entity?.articles).toEqual([REPOST, SEO_POST]); // dated first, the undated SEO post last
      expect(find(alias)).toBe(entity);
      const surname = name.split(' ').at(-1) as string;
      expect(entities.filter((e) => e.name.includes(surname))).toEqual([entity]);
    }
  });

  it('links the Houthis in the SEO post and the blog repost', () => {
    const houthis = find('Huthi');
    expect(houthis).toBe(find('Houthis'));
    expect(houthis?.articles.sort()).toEqual([SEO_POST, BLOG].sort());
  });

  it('has the IRGC as one organisation with its expansion', () => {
    const irgc = find('IRGC');
    expect(irgc?.type).toBe('organization');
    expect([irgc?.name, ...(irgc?.aliases ?? [])]).toContain('Islamic Revolutionary Guards Corps');
    expect(entities.filter((e) => /Revolutionary Guard/.test(e.name))).toHaveLength(1);
  });

  it('has no title, speaker label, heading or spam entity', () => {
    for (const bad of ['President', 'REPORTER', 'MATTHEW', 'MATTHEW MILLER', 'Complex Tapestry', 'Bobby', 'Bobby LaValley', 'Jonathan Roumie', 'Corde Broadus', 'Daily Caller', 'Marietemara Leaked Vids', 'Washington’s Initial Stance']) {
      expect(find(bad), bad).toBeUndefined();
    }
    // Names the extractor chose itself (the registry may name `The Wall Street Journal`).
    expect(entities.filter((e) => e.links.length === 0 && /^(The|A|An|It|In)\b/.test(e.name))).toEqual([]);
  });

  it('merges US, U.S. and United States', () => {
    const us = find('United States');
    expect(find('U.S.')).toBe(us);
    expect(find('US')).toBe(us);
    expect(us?.type).toBe('place');
    expect(us?.articles).toHaveLength(3);
  });

  it('points every mention at its text, never at a heading or removed text', () => {
    const articles = new Map(seeds.articles.map((a) => [a.id, a]));
    for (const m of mentions) {
      const block = articles.get(m.articleId)?.blocks.find((b) => b.anchor === m.blockAnchor);
      expect(block && block.type !== 'heading').toBe(true);
      expect(blockPlainText(block!).slice(m.start, m.end)).toBe(m.surface);
    }
  });

  it('takes nothing from the removed spam footer and related headlines', () => {
    const removed = seeds.articles.flatMap((a) => a.removed.map((r) => r.text)).join('\n');
    for (const spam of ['Jonathan Roumie', 'Corde Broadus', 'Marietemara', 'Daily Caller', 'Defense Ministry', 'Delhi', 'India']) {
      expect(removed).toContain(spam);
      expect(entities.filter((e) => [e.name, ...e.aliases].some((n) => n.includes(spam))), spam).toEqual([]);
    }
    // `Israel targets Iran's Defense Ministry…` was a related headline under the SEO post: no link from it.
    expect(find('Israel')?.articles).toEqual([BLOG]);
  });
});

describe('the BBC corpus', () => {
  it.skipIf(!existsSync(BBC))('finds sensible entities in a sample', () => {
    const sample = ['business', 'entertainment', 'politics', 'sport', 'tech'].flatMap((topic) => parsedFolder(path.join(BBC, topic)).articles.slice(0, 40));
    // Speed is the bench's business (`npm run bench`): no timing here.
    const { entities } = extractEntities(sample, EMPTY_REGISTRY);
    const type = (name: string) => byName(entities, name)?.type;
    expect(type('Tony Blair')).toBe('person');
    expect(type('Gordon Brown')).toBe('person');
    expect(type('London')).toBe('place');
    expect(type('United States')).toBe('place');
    expect(names(entities).filter((n) => /^(The|A|He|She|It|But|And|In|I'm|Mr|Monday|January)$/.test(n))).toEqual([]);
    expect(names(entities).filter((n) => /^(President|Chancellor|Minister|Prime Minister)\b/.test(n))).toEqual([]);
  });
});

/** A memo's result as JSON, without the mentions by article only a memo gives (the same mentions again, see `EntityExtraction`). */
function withoutByArticle(result: ReturnType<typeof extractEntities>): string {
  return JSON.stringify({ ...result, mentionsByArticle: undefined, mentionsChanged: undefined });
}
