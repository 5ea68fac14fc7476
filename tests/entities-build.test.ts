/**
 * Entities end to end: build the seeds and check the entity index, the entity pages, the links in
 * article bodies, the side lists, related articles, the co-mention graph and the data export; then
 * the same without the registry, and a registry with errors.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { buildFolder, copyOf, readOut, SEEDS, tempDir } from './helpers/project.js';

interface EntityRecord {
  id: string;
  url: string;
  name: string;
  type: string;
  aliases: string[];
  articles: string[];
  mentions: number;
}

/** Entity links in an article page, with the element they sit in (`p`, `h2`, `blockquote`…) and the section they belong to. */
function entityLinks(html: string): Array<{ href: string; text: string; parent: string; section: number }> {
  const links: Array<{ href: string; text: string; parent: string; section: number }> = [];
  const stack: string[] = [];
  let section = 0;
  let current: { href: string; text: string; parent: string; section: number } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (/^h[2-6]$/.test(name) && stack.includes('div')) section++;
        if (name === 'a' && /^entity-(person|organization|place|other)$/.test(attributes.class ?? '')) {
          current = { href: attributes.href ?? '', text: '', parent: [...stack].reverse().find((tag) => !['strong', 'em', 'span'].includes(tag)) ?? '', section };
        }
        stack.push(name);
      },
      ontext(text) {
        if (current) current.text += text;
      },
      onclosetag(name) {
        stack.pop();
        if (name === 'a' && current) {
          links.push(current);
          current = null;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return links;
}

describe('entities in the built seeds', async () => {
  const output = path.join(tempDir(), 'site');
  const result = await buildFolder(SEEDS, output);
  const entities = JSON.parse(readOut(output, 'data/entities.json')) as EntityRecord[];
  const articles = JSON.parse(readOut(output, 'data/articles.json')) as Array<{ id: string; url: string; entities: string[] }>;
  const byName = new Map(entities.map((e) => [e.name, e]));
  const raisiArticle = articles.find((a) => a.id.startsWith('an-unusual-request'))!;
  const seoArticle = articles.find((a) => a.id.startsWith('iran-asked-us'))!;

  it('builds with the registry and no errors', () => {
    expect(result.ok).toBe(true);
    expect(result.diagnostics.filter((d) => d.severity !== 'note')).toEqual([]);
    expect(result.timings.extract).toBeGreaterThan(0);
  });

  it('writes data/entities.json as DESIGN.md describes, consistent with articles.json', () => {
    const raisi = byName.get('Ebrahim Raisi')!;
    expect(raisi).toMatchObject({ id: 'ebrahim-raisi', url: 'entities/ebrahim-raisi/', type: 'person', articles: [raisiArticle.id, seoArticle.id] });
    expect(raisi.aliases).toContain('Raisi');
    for (const entity of entities) {
      expect(Object.keys(entity).slice(0, 7)).toEqual(['id', 'url', 'name', 'type', 'aliases', 'articles', 'mentions']);
      expect(existsSync(path.join(output, entity.url, 'index.html')), entity.url).toBe(true);
      for (const id of entity.articles) expect(articles.find((a) => a.id === id)?.entities).toContain(entity.id);
    }
    for (const article of articles) for (const id of article.entities) expect(entities.find((e) => e.id === id)?.articles).toContain(article.id);
  });

  it('writes an index grouped by type with counts, a graph and an A–Z list', () => {
    const html = readOut(output, 'entities/index.html');
    const people = entities.filter((e) => e.type === 'person').length;
    expect(html).toMatch(new RegExp(`<a href="#person">People</a> <span class="count">${people}</span>`));
    expect(html).toContain('<svg class="entity-graph"');
    expect(html).toMatch(/<a href="\.\.\/entities\/ebrahim-raisi\/"><circle class="node node-person"/);
    expect(html).toContain('id="a-z"');
    expect(html).toContain('id="letter-E"');
    expect(readOut(output, 'index.html')).toContain('href="entities/">Entities</a>');
  });

  it('gives each entity a page with its articles, sentences, links and companions', () => {
    const html = readOut(output, 'entities/ebrahim-raisi/index.html');
    expect(html).toContain('<h1 id="entity-name" class="page-title">Ebrahim Raisi</h1>');
    expect(html).toContain('President of Iran from 2021');
    expect(html).toContain('href="https://en.wikipedia.org/wiki/Ebrahim_Raisi" rel="nofollow noopener"');
    const first = html.indexOf(`../../${raisiArticle.url}"`);
    const second = html.indexOf(`../../${seoArticle.url}"`);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first); // newest first, the undated post last
    expect(html).toContain('Raisi was found dead on Monday, according to the Associated Press.');
    expect(html).toMatch(/Often mentioned with[\s\S]*href="\.\.\/\.\.\/entities\/matthew-miller\/"/);
  });

  it('links the first mention per section in paragraphs, never in headings or quoted posts', () => {
    for (const article of articles) {
      const links = entityLinks(readOut(output, `${article.url}index.html`));
      expect(links.length, article.id).toBeGreaterThan(0);
      for (const link of links) expect(link.parent, `${article.id}: ${link.text}`).toBe('p');
      const seen = new Set<string>();
      for (const link of links) {
        const key = `${link.section}:${link.href}`;
        expect(seen.has(key), `${article.id}: ${link.text} twice in section ${link.section}`).toBe(false);
        seen.add(key);
      }
    }
    const raisiLinks = entityLinks(readOut(output, `${raisiArticle.url}index.html`));
    expect(raisiLinks.find((l) => l.href === '../../entities/ebrahim-raisi/')?.text).toBe('Ebrahim Raisi');
  });

  it('lists the article’s entities by type and related articles', () => {
    const html = readOut(output, `${raisiArticle.url}index.html`);
    expect(html).toMatch(/<h2 id="in-this-article"[\s\S]*<h3>People<\/h3>[\s\S]*Ebrahim Raisi[\s\S]*<h3>Places<\/h3>/);
    expect(html).toMatch(new RegExp(`<h2 id="related-articles"[\\s\\S]*href="../../${seoArticle.url}"`));
  });

  it('makes no page for spam, speaker labels or titles', () => {
    for (const id of ['president', 'reporter', 'matthew-miller-2', 'complex-tapestry', 'jonathan-roumie-married', 'corde-broadus', 'the-daily-caller', 'bobby-lavalley']) {
      expect(existsSync(path.join(output, 'entities', id)), id).toBe(false);
    }
  });
});

describe('entities without the registry, and with a broken one', () => {
  it('still finds the people when the registry is removed', async () => {
    const input = copyOf(SEEDS);
    rmSync(path.join(input, 'entities.yml'));
    const output = path.join(tempDir(), 'site');
    const result = await buildFolder(input, output);
    expect(result.ok).toBe(true);
    const entities = JSON.parse(readOut(output, 'data/entities.json')) as EntityRecord[];
    for (const name of ['Ebrahim Raisi', 'Matthew Miller', 'Hossein Amirabdollahian', 'Ali Khamenei']) {
      expect(entities.find((e) => e.name === name)?.articles, name).toHaveLength(2);
    }
  });

  it('fails with the registry’s line when it is invalid, writing nothing', async () => {
    const input = copyOf(SEEDS);
    writeFileSync(path.join(input, 'entities.yml'), 'entities:\n  - name: Ebrahim Raisi\n    type: president\n');
    const output = path.join(tempDir(), 'site');
    const result = await buildFolder(input, output);
    expect(result.ok).toBe(false);
    const error = result.diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({ line: 3, field: 'entities.type', stage: 'extract' });
    expect(error?.file).toMatch(/entities\.yml$/);
    expect(existsSync(output)).toBe(false);
  });
});
