/** End-to-end builds of real archives: the seeds, their untouched originals, and bad input. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, sortDiagnostics } from '../src/errors.js';
import { buildFolder, copyOf, readOut, REPO, SEEDS, snapshotFolder, tempDir } from './helpers/project.js';

/** Internal links of an HTML page, resolved to output paths (folder links → index.html). */
function internalLinks(output: string, page: string): string[] {
  const html = readOut(output, page);
  const links: string[] = [];
  for (const match of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    const href = match[1]!.replace(/&amp;/g, '&');
    if (/^[a-z]+:/i.test(href) || href.startsWith('#') || href.startsWith('//')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(page), href.split('#')[0]!));
    links.push(target.endsWith('/') || target === '.' ? `${target === '.' ? '' : target}index.html` : target);
  }
  return links;
}

/** Every element of an HTML page with its attributes, as a browser's tokenizer reads them. */
function parseElements(html: string): Array<{ name: string; attributes: Record<string, string> }> {
  const elements: Array<{ name: string; attributes: Record<string, string> }> = [];
  const parser = new Parser({ onopentag: (name, attributes) => elements.push({ name, attributes }) }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  return elements;
}

function htmlPages(output: string): string[] {
  return [...snapshotFolder(output).keys()].filter((file) => file.endsWith('.html'));
}

describe('building the seeds', async () => {
  const output = path.join(tempDir(), 'site');
  const result = await buildFolder(SEEDS, output);
  const articles = JSON.parse(readOut(output, 'data/articles.json')) as Array<Record<string, unknown>>;

  it('succeeds with one page per article, a home page and the data export', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.articles).toBe(3);
    expect(articles).toHaveLength(3);
    for (const article of articles) expect(existsSync(path.join(output, String(article.url), 'index.html'))).toBe(true);
    const home = readOut(output, 'index.html');
    for (const article of articles) expect(home).toContain(`href="${String(article.url)}"`);
  });

  it('links only to files that exist', () => {
    for (const page of htmlPages(output)) {
      if (page === '404.html') continue;
      for (const link of internalLinks(output, page)) expect(existsSync(path.join(output, link)), `${page} → ${link}`).toBe(true);
    }
  });

  it('joins the articles with previous/next links', () => {
    const linked = articles.map((a) => readOut(output, `${String(a.url)}index.html`));
    const withNeighbour = linked.filter((html) => html.includes('rel="prev"') || html.includes('rel="next"'));
    expect(withNeighbour).toHaveLength(3);
  });

  it('exports every article as the data contract describes', () => {
    for (const article of articles) {
      expect(Object.keys(article)).toEqual(expect.arrayContaining(['id', 'url', 'sourcePath', 'title', 'date', 'sections', 'embeds', 'removed', 'entities', 'events', 'wordCount']));
      expect(String(article.url)).toMatch(/^articles\/[a-z0-9-]+\/$/);
      expect(readdirSync(SEEDS)).toContain(article.sourcePath);
      expect(article.date === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(String(article.date))).toBe(true);
    }
  });

  it('writes pages that declare their language, title and a single h1', () => {
    for (const page of htmlPages(output)) {
      const html = readOut(output, page);
      expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(html).toMatch(/<title>[^<]+<\/title>/);
    }
  });
});

describe('what a reader sees of the messy seeds', async () => {
  const output = path.join(tempDir(), 'site');
  await buildFolder(SEEDS, output);
  type Exported = { title: string; url: string; sourcePath: string; date: string | null; sections: Array<{ title: string; anchor: string }>; embeds: Array<{ author: string; handle: string; date: string }>; removed: Array<{ reason: string; text: string }> };
  const articles = JSON.parse(readOut(output, 'data/articles.json')) as Exported[];
  const bySource = (prefix: string) => articles.find((a) => a.sourcePath.startsWith(prefix))!;
  const page = (a: Exported) => readOut(output, `${a.url}index.html`);

  it('shows embedded posts as quoted posts with author, handle and date, not as body paragraphs', () => {
    const tweets = bySource('000_');
    expect(tweets.embeds.map((e) => [e.author, e.handle, e.date])).toEqual([
      ['OSINTdefender', 'sentdefender', '2024-05-20'],
      ['Bobby LaValley', 'Bobby_LaVallley', '2024-05-20'],
      ['Imtiaz Mahmood', 'ImtiazMadmood', '2024-05-20'],
    ]);
    const html = page(tweets);
    expect(html.match(/<figure class="embed embed-tweet"/g)).toHaveLength(3);
    expect(html).not.toMatch(/<p id="p-\d+">— OSINTdefender/);
    expect(tweets.title).not.toBe('An unusual request for assistance made by Iran to the United States government wasn’t fulfilled.');
    expect(tweets.date).toBe('2024-05-20');
  });

  it('turns a table of contents and glued headings into sections with anchors', () => {
    const seo = bySource('001_');
    expect(seo.sections.map((s) => s.title)).toEqual(expect.arrayContaining(["Washington's Initial Stance: A Willingness to Assist?", 'The Rationale Behind the Refusal']));
    const html = page(seo);
    for (const section of seo.sections) {
      expect(html).toContain(`<a href="#${section.anchor}">`);
      expect(html).toMatch(new RegExp(`<h2 id="${section.anchor}">`));
    }
    expect(html).not.toContain('on the global stage.Washington');
    expect(html).toContain('<strong>Iran asked us for help</strong>');
  });

  it('removes chrome, spam and engagement prompts from pages but records them', () => {
    const all = articles.map(page).join('\n');
    for (const spam of ['Noarmsgirl', 'Corde Broadus', 'Post a Comment', 'No comments:', 'Is Iran a major threat to U.S. security?', 'Iran Opens Airspace Only For India']) {
      expect(all).not.toContain(spam);
    }
    const removed = articles.flatMap((a) => a.removed.map((r) => r.reason));
    expect(removed).toEqual(expect.arrayContaining(['chrome', 'seo-links', 'related-headlines', 'engagement-prompt', 'table-of-contents']));
    expect(bySource('002_')).toMatchObject({ title: 'US Secretly Warned Iran Of Threat Within Its Borders Ahead Of Deadly Attack On Soleimani Memorial', date: '2024-01-30' });
  });
});

describe('the seeds with front matter added', () => {
  it('takes title, date, outlet and url from the front matter and keeps the body', async () => {
    const input = copyOf(SEEDS);
    const file = path.join(input, '002_cc6656fa01f43e34.txt');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `---\ntitle: "US warned Iran before the Kerman attack"\ndate: 2024-01-30\noutlet: RFE/RL\nurl: https://www.rferl.org/a/example.html\n---\n${original}`);
    const output = path.join(tempDir(), 'site');
    const result = await buildFolder(input, output);
    expect(result.ok).toBe(true);
    const articles = JSON.parse(readOut(output, 'data/articles.json')) as Array<{ title: string; date: string; sourcePath: string; url: string }>;
    const article = articles.find((a) => a.sourcePath === '002_cc6656fa01f43e34.txt')!;
    expect(article).toMatchObject({ title: 'US warned Iran before the Kerman attack', date: '2024-01-30', url: 'articles/us-warned-iran-before-the-kerman-attack/' });
    const html = readOut(output, `${article.url}index.html`);
    expect(html).toContain('<span class="outlet">RFE/RL</span>');
    expect(html).toContain('href="https://www.rferl.org/a/example.html"');
    expect(html).toContain('Two explosions on January 3 at a memorial');
  });
});

describe('bad input', () => {
  it('reports every problem in every file, with file and line first, and leaves the previous site as it was', async () => {
    const output = path.join(tempDir(), 'site');
    expect((await buildFolder(SEEDS, output)).ok).toBe(true);
    writeFileSync(path.join(output, 'CNAME'), 'archive.example.org\n');
    const before = snapshotFolder(output);
    const input = copyOf(path.join(REPO, 'tests/fixtures/invalid'));
    writeFileSync(path.join(input, 'fine.md'), '---\ntitle: Fine\n---\nA fine article.\n');
    const result = await buildFolder(input, output);
    expect(result.ok).toBe(false);
    const shown = (file: string) => path.relative(REPO, path.join(input, file));
    expect(sortDiagnostics(result.diagnostics).filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([
      `${shown('alias-bomb.md')}:2: YAML aliases expand too far (Excessive alias count indicates a resource exhaustion attack). Write the values out instead of repeating anchors; this looks like an alias bomb.`,
      `${shown('broken-yaml.md')}:3: invalid YAML: Missing closing "quote. Check the indentation and quoting on that line; quote values that contain a colon.`,
      `${shown('empty.md')}:1: is empty: there is no article in it. Write the article in the file, or delete it.`,
      `${shown('front-matter-only.md')}:4: has no article text after the front matter. Write the article below the closing "---", or delete the file.`,
      `${shown('impossible-date.md')}:4: date: "2024-13-45" is not a calendar date (month 13). Write it as YYYY-MM-DD, YYYY-MM or YYYY.`,
      `${shown('js-front-matter.md')}:1: front matter in "js" is not supported; only YAML is read, and code in front matter is never run. Replace the opening "---js" with "---" and write the fields as YAML.`,
    ]);
    expect(snapshotFolder(output)).toEqual(before);
    expect((globalThis as Record<string, unknown>).__dossierPwned).toBeUndefined();
  });

  it('reads a file that is not UTF-8 as Windows-1252 and says so', async () => {
    const input = tempDir();
    writeFileSync(path.join(input, 'latin.txt'), Buffer.from('Caf\xe9 society\nThe caf\xe9 opened in 1990 \x96 and closed.\n', 'latin1'));
    const output = path.join(tempDir(), 'site');
    const result = await buildFolder(input, output);
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map(formatDiagnostic)).toContain(
      `${path.relative(REPO, path.join(input, 'latin.txt'))}: warning: is not valid UTF-8; read it as Windows-1252. Save the file as UTF-8 to be sure every character is right.`,
    );
    expect(readOut(output, 'articles/cafe-society/index.html')).toContain('The café opened in 1990 – and closed.');
  });

  it('gives articles with the same headline distinct, stable URLs', async () => {
    const output = path.join(tempDir(), 'site');
    const result = await buildFolder(path.join(REPO, 'tests/fixtures/duplicates'), output);
    expect(result.ok).toBe(true);
    const urls = (JSON.parse(readOut(output, 'data/articles.json')) as Array<{ url: string; sourcePath: string }>).map((a) => [a.sourcePath, a.url]).sort();
    expect(urls).toEqual([
      ['first.md', 'articles/same-headline-twice/'],
      ['second.md', expect.stringMatching(/^articles\/same-headline-twice-[0-9a-f]{6}\/$/)],
    ]);
    expect(result.diagnostics.map(formatDiagnostic).join('\n')).toContain('has the same URL as first.md (articles/same-headline-twice/); it is published at');
    // Stable: the same again, and the same when a third file joins.
    const again = path.join(tempDir(), 'site');
    const input = copyOf(path.join(REPO, 'tests/fixtures/duplicates'));
    writeFileSync(path.join(input, 'third.md'), '---\ntitle: Other\n---\nx\n');
    await buildFolder(input, again);
    expect(readOut(again, 'data/articles.json')).toContain(urls[1]![1]);
  });

  it('never lets article markup become script, and never writes outside the output folder', async () => {
    const parent = tempDir();
    const output = path.join(parent, 'site');
    const result = await buildFolder(path.join(REPO, 'tests/fixtures/unsafe-markup'), output);
    expect(result.ok).toBe(true);
    expect(readdirSync(parent)).toEqual(['site']);
    expect(existsSync('/tmp/escaped')).toBe(false);
    const slugWarning = result.diagnostics.map(formatDiagnostic).find((m) => m.includes('slug:'));
    expect(slugWarning).toBe(
      `${path.relative(REPO, path.join(REPO, 'tests/fixtures/unsafe-markup/markup.md'))}: warning: slug: "../../../../tmp/escaped" is not a plain slug; the article's URL uses "tmp-escaped" instead. Use only lowercase letters, digits and hyphens, such as "my-article".`,
    );
    for (const page of htmlPages(output)) {
      const elements = parseElements(readOut(output, page));
      // Only data blocks and the site's own search scripts (from public/ and the search stage) may appear.
      const ownScript = (src: string | undefined) => /^(?:\.\.\/)*search(?:\.js|\/portable-index\.js)$/.test(src ?? '');
      const scripts = elements.filter((e) => e.name === 'script' && e.attributes.type !== 'application/ld+json' && !ownScript(e.attributes.src));
      expect(scripts, page).toEqual([]);
      expect(elements.filter((e) => ['iframe', 'img', 'svg', 'object', 'embed'].includes(e.name)), page).toEqual([]);
      for (const element of elements) {
        expect(Object.keys(element.attributes).filter((name) => name.startsWith('on')), page).toEqual([]);
        for (const name of ['href', 'src', 'action']) expect(element.attributes[name] ?? '', page).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
    }
    const article = readOut(output, 'articles/tmp-escaped/index.html');
    expect(article).toContain('&lt;script&gt;window.__dossierPwned = 4&lt;/script&gt;');
    expect(article).toContain('<a href="https://example.org/" rel="nofollow noopener">good one</a>');
    expect(article).toContain('Originally published at <a href="https://example.org/%22%3E%3Cscript%3Ealert(1)%3C/script%3E"');
  });
});

describe('the output folder', () => {
  it('keeps files it did not write, and removes pages it no longer writes', async () => {
    const input = copyOf(path.join(REPO, 'tests/fixtures/duplicates'));
    const output = path.join(tempDir(), 'site');
    await buildFolder(input, output);
    writeFileSync(path.join(output, 'CNAME'), 'example.org');
    writeFileSync(path.join(output, 'articles', 'keep-me.txt'), 'mine');
    readdirSync(input).filter((f) => f === 'second.md').forEach((f) => writeFileSync(path.join(input, f), '---\ntitle: Renamed\n---\nNew.\n'));
    const second = await buildFolder(input, output);
    expect(second.ok).toBe(true);
    expect(readOut(output, 'CNAME')).toBe('example.org');
    expect(readOut(output, 'articles/keep-me.txt')).toBe('mine');
    expect(existsSync(path.join(output, 'articles/renamed/index.html'))).toBe(true);
    expect(readdirSync(path.join(output, 'articles')).sort()).toEqual(['keep-me.txt', 'renamed', 'same-headline-twice']);
  });

  it('refuses to replace a file it did not write', async () => {
    const output = path.join(tempDir(), 'site');
    await buildFolder(path.join(REPO, 'tests/fixtures/duplicates'), output);
    const manifest = path.join(output, '.dossier-manifest.json');
    writeFileSync(manifest, JSON.stringify({ files: [] }));
    const result = await buildFolder(path.join(REPO, 'tests/fixtures/duplicates'), output);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)[0]).toMatch(/404\.html was not written by Dossier, and the build would replace it\./);
  });

  it.each([
    ['.', 'it is or contains the project folder'],
    ['/', 'it is the file system root'],
    ['seeds', 'it is or contains the input folder'],
    ['seeds/site', 'it lies inside the input folder'],
    ['templates', 'it is or contains the templates folder'],
  ])('refuses --out %s', async (out, why) => {
    await expect(buildFolder(SEEDS, path.resolve(REPO, out))).rejects.toThrow(why);
  });
});
