/**
 * A much-reported event through a real build: thirteen articles state the same event, more than an
 * event lists where it is shown (`EVENT_REPORTS_SHOWN`), so the timeline and its entities' pages
 * list the first few and link to the event's own pages (`timeline/events/<id>/`, `pageSize` a
 * page), which list every report at its sentence. The watch session's side is in
 * dev-incremental.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { resolveConfig } from '../src/config.js';
import { rootFor } from '../src/render/page.js';
import { EVENT_PAGES_URL, EVENT_REPORTS_SHOWN, eventReportsUrl } from '../src/render/timeline/eventReports.js';
import type { TimelineEvent } from '../src/types.js';
import { REPO, snapshotFolder, tempDir } from './helpers/project.js';
import { SHARED_SENTENCE, writeReport } from './helpers/shared-event.js';
import { brokenLinks, hrefsOf, linkTarget } from './helpers/site-links.js';

/** Articles reporting the event: more than it lists inline, and more than three pages of `PAGE_SIZE`. */
const REPORTS = 13;
/** Reports per page of the event's own pages. */
const PAGE_SIZE = 4;
const BASE_URL = 'https://example.org/archive/';

describe('a much-reported event', () => {
  let output: string;
  let files: Map<string, string>;
  let event: TimelineEvent;
  /** Each article's URL, by id, as the data export gives it. */
  let urlOf: Map<string, string>;
  /** A source's sentence, as a site file and fragment. */
  const sentenceOf = (source: TimelineEvent['sources'][number]) => `${urlOf.get(source.articleId)}index.html#${source.anchor}`;
  const html = (file: string) => readFileSync(path.join(output, file), 'utf8');

  beforeAll(async () => {
    const input = tempDir();
    output = path.join(tempDir(), 'site');
    for (let n = 0; n < REPORTS; n++) writeReport(input, n);
    // One more article, stating an event of its own: an event with one report gets no page.
    writeReport(input, REPORTS, { reports: false });
    const config = resolveConfig(REPO, { input, output, baseUrl: BASE_URL });
    const result = await build({ ...config, pageSize: PAGE_SIZE }, { cwd: REPO });
    expect(result.ok).toBe(true);
    files = snapshotFolder(output);
    const events = JSON.parse(html('data/timeline.json')) as TimelineEvent[];
    event = events.find((e) => e.text === SHARED_SENTENCE)!;
    expect(event.sources).toHaveLength(REPORTS);
    urlOf = new Map((JSON.parse(html('data/articles.json')) as { id: string; url: string }[]).map((a) => [a.id, a.url]));
  });

  /** The pages of the event, in order. */
  const eventPages = () => [...files.keys()].filter((file) => file.startsWith(EVENT_PAGES_URL) && file.endsWith('.html')).sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  /** The `event-sources` paragraph of the event `id` (the much-reported one's by default) on the page `file`. */
  const sourcesOn = (file: string, id = event.id) => new RegExp(`<li class="event" id="e-${id}">[\\s\\S]*?<p class="event-sources">([\\s\\S]*?)</p>`).exec(html(file))![1]!;

  it('lists its first reports where it is shown, with the total and a link to the rest', () => {
    for (const file of ['timeline/2024/index.html', 'entities/maria-lopez/index.html']) {
      const sources = sourcesOn(file);
      expect(sources.startsWith(`Reported in ${REPORTS} articles: `), file).toBe(true);
      const links = hrefsOf(sources);
      expect(links, file).toHaveLength(EVENT_REPORTS_SHOWN + 1);
      expect(sources, file).toContain(` … and <a class="event-more" href="${rootFor(file)}${eventReportsUrl(event.id)}">${REPORTS - EVENT_REPORTS_SHOWN} more</a>`);
      // The first few are the event's first sources, each at its sentence.
      const inline = links.slice(0, EVENT_REPORTS_SHOWN).map((href) => linkTarget(file, href));
      expect(inline.map((target) => `${target!.file}#${target!.fragment}`), file).toEqual(event.sources.slice(0, EVENT_REPORTS_SHOWN).map(sentenceOf));
    }
  });

  it('gives only that event pages of its own, listing every report, each linked to its sentence', () => {
    const pages = eventPages();
    const url = eventReportsUrl(event.id);
    expect(pages).toEqual([`${url}index.html`, `${url}page/2/index.html`, `${url}page/3/index.html`, `${url}page/4/index.html`]);
    const reports = pages.map((file) => {
      const list = /<ol class="event-reports"[^>]*>([\s\S]*?)<\/ol>/.exec(html(file))![1]!;
      return hrefsOf(list).map((href) => linkTarget(file, href)!);
    });
    expect(reports.map((list) => list.length)).toEqual([4, 4, 4, 1]);
    expect(reports.flat().map((target) => `${target.file}#${target.fragment}`)).toEqual(event.sources.map(sentenceOf));
    // Each at a sentence its article's page marks.
    for (const target of reports.flat()) expect(html(target.file)).toContain(`<span class="event-sentence" id="${target.fragment}">`);
  });

  it('pages the reports with links between the pages, and a way back to the event’s place on the timeline', () => {
    const url = eventReportsUrl(event.id);
    const second = html(`${url}page/2/index.html`);
    expect(second).toContain(`<title>19 May 2024: ${SHARED_SENTENCE} — page 2 · Dossier</title>`);
    expect(second).toContain('<p class="more">5–8 on this page.</p>');
    expect(second).toContain('<ol class="event-reports" start="5">');
    expect(second).toContain(`<a rel="prev" href="../../../../../${url}">← Previous</a>`);
    expect(second).toContain(`<a rel="next" href="../../../../../${url}page/3/">Next →</a>`);
    expect(html(`${url}page/4/index.html`)).not.toContain('rel="next"');
    for (const file of eventPages()) {
      const page = html(file);
      expect(page).toContain(`<blockquote class="event-text"><p>${SHARED_SENTENCE}</p></blockquote>`);
      expect(page).toContain(`<a href="${rootFor(file)}entities/maria-lopez/">Maria Lopez</a>`);
      expect(page).toContain(`<p class="meta event-place"><a href="${rootFor(file)}${event.url}">See it among the events of May 2024</a></p>`);
    }
    expect(event.url).toBe(`timeline/2024/#e-${event.id}`);
  });

  it('links only to pages and anchors the site has, and lists the event pages in the sitemap', () => {
    expect(brokenLinks(files, (file) => existsSync(path.join(REPO, 'public', file)))).toEqual([]);
    const sitemap = html('sitemap.xml');
    for (const file of eventPages()) expect(sitemap).toContain(`<loc>${BASE_URL}${file.slice(0, -'index.html'.length)}</loc>`);
  });

  it('writes valid HTML', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const file of [...eventPages(), 'timeline/2024/index.html']) {
      const report = await validator.validateString(html(file), path.join(REPO, 'dist-check', file));
      for (const result of report.results) for (const m of result.messages.filter((x) => x.severity === 2)) problems.push(`${file}:${m.line} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('gives an event with few reports no page, and lists them all where it is shown', () => {
    const events = JSON.parse(html('data/timeline.json')) as TimelineEvent[];
    const own = events.find((e) => e.text.includes('closed for repairs'))!;
    expect(own.sources).toHaveLength(1);
    expect(readdirSync(path.join(output, EVENT_PAGES_URL))).toEqual([event.id]);
    expect(sourcesOn('timeline/2024/index.html', own.id)).toBe(`Source: <a href="../../${sentenceOf(own.sources[0]!).replace('index.html', '')}">Harbour report ${REPORTS}</a>`);
  });

  it('leaves the data export whole: every source of the event', () => {
    expect(event.articles).toHaveLength(REPORTS);
    expect(new Set(event.sources.map((s) => urlOf.get(s.articleId)))).toEqual(new Set(Array.from({ length: REPORTS }, (_, n) => `articles/harbour-report-${n}/`)));
  });
});
