/**
 * End to end: the seeds built into a site, checking the timeline's quality pins on the pages and
 * the data exports. Built twice: from the raw seed files, and from copies with front matter dates
 * (as a curator would add them), whose bodies are byte-identical.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { resolveConfig } from '../src/config.js';
import { TimelineEventSchema, type TimelineEvent } from '../src/types.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const seeds = path.join(repo, 'seeds');
const work = mkdtempSync(path.join(tmpdir(), 'dossier-timeline-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Publication dates a curator would put in front matter (002's is its dateline, 000's its newest tweet). */
const FRONT_MATTER_DATES: Record<string, string> = { '000_738bf16bdcb4b154.txt': '2024-05-20', '002_cc6656fa01f43e34.txt': '2024-01-30' };

interface Built {
  out: string;
  events: TimelineEvent[];
  read: (page: string) => string;
}

async function buildSite(name: string, input: string): Promise<Built> {
  const out = path.join(work, `${name}-out`);
  const config = { ...resolveConfig(repo, { input, output: out }), templates: path.join(repo, 'templates'), public: path.join(repo, 'public') };
  const result = await build(config, { cwd: repo });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const events = JSON.parse(readFileSync(path.join(out, 'data/timeline.json'), 'utf8')) as TimelineEvent[];
  return { out, events, read: (page) => readFileSync(path.join(out, page), 'utf8') };
}

function withFrontMatter(): string {
  const dir = path.join(work, 'dated-seeds');
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt'))) {
    const body = readFileSync(path.join(seeds, file), 'utf8');
    const date = FRONT_MATTER_DATES[file];
    writeFileSync(path.join(dir, file), date ? `---\ndate: ${date}\n---\n${body}` : body);
  }
  return dir;
}

/** The event on `date` whose sentence contains `words`. */
function event(events: TimelineEvent[], date: string, words: string): TimelineEvent | undefined {
  return events.find((e) => e.date === date && e.text.includes(words));
}

const SPAM_FOOTER = ['Corde Broadus', 'Jonathan Roumie', 'Net Worth', 'Only Fans', 'Daily Caller', 'Defense Ministry headquarters', 'Delhi Tonight'];

for (const variant of ['raw seeds', 'seeds with front matter dates'] as const) {
  describe(`timeline of the ${variant}`, () => {
    let site: Built;
    beforeAll(async () => {
      site = await buildSite(variant === 'raw seeds' ? 'raw' : 'dated', variant === 'raw seeds' ? seeds : withFrontMatter());
    });

    it('pins the dated happenings, each linked to its article at the sentence', () => {
      const pins = [
        event(site.events, '2020-01-03', 'Soleimani was killed'),
        event(site.events, '2024-01-03', 'Two explosions on January 3'),
        event(site.events, '2024-01-25', 'official said on January 25'),
        event(site.events, '2024-05-19', 'helicopter crash on Sunday'),
        event(site.events, '2024-05-20', 'Raisi was found dead on Monday'),
      ];
      for (const pin of pins) {
        expect(pin).toBeDefined();
        expect(pin!.precision).toBe('day');
        for (const source of pin!.sources) {
          const articles = JSON.parse(site.read('data/articles.json')) as Array<{ id: string; url: string; events: string[] }>;
          const article = articles.find((a) => a.id === source.articleId)!;
          expect(article.events).toContain(pin!.id);
          expect(site.read(`${article.url}index.html`)).toContain(`id="${source.anchor}"`);
          expect(site.read(`timeline/${pin!.date.slice(0, 4)}/index.html`)).toContain(`href="../../${article.url}#${source.anchor}"`);
        }
        const page = site.read(`timeline/${pin!.date.slice(0, 4)}/index.html`);
        expect(page).toContain(`id="e-${pin!.id}"`);
        expect(pin!.url).toBe(`timeline/${pin!.date.slice(0, 4)}/#e-${pin!.id}`);
      }
    });

    it('shows the 1979 hostage crisis at year precision', () => {
      const crisis = event(site.events, '1979', '1979 hostage crisis');
      expect(crisis).toMatchObject({ precision: 'year', approximate: false });
      expect(site.read('timeline/1979/index.html')).toContain('<time datetime="1979">1979</time>');
    });

    it('resolves against the dates the parser found: the dateline of 002, the newest post of 000', () => {
      const articles = JSON.parse(site.read('data/articles.json')) as Array<{ id: string; sourcePath: string; date: string | null }>;
      expect(articles.map((a) => [a.sourcePath, a.date]).sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'en'))).toEqual([
        ['000_738bf16bdcb4b154.txt', '2024-05-20'],
        ['001_693b5509a5bf158d.txt', null],
        ['002_cc6656fa01f43e34.txt', '2024-01-30'],
      ]);
      // 001 has no date: its `on Monday` stays off the timeline, only the absolute 1979 is placed.
      const undatedId = articles.find((a) => a.date === null)!.id;
      const undated = site.events.filter((e) => e.articles.includes(undatedId));
      expect(undated.map((e) => e.date)).toEqual(['1979']);
    });

    it('takes nothing from the spam footer, the dateline or embedded posts, and places nothing after 2024', () => {
      for (const e of site.events) {
        for (const spam of SPAM_FOOTER) expect(e.text).not.toContain(spam);
        expect(e.text).not.toMatch(/^30 January 2024$|\(@\w+\)/);
        expect(e.date.slice(0, 4) <= '2024').toBe(true);
        expect(TimelineEventSchema.parse(e)).toEqual(e);
      }
    });

    it('writes the timeline index with an SVG axis linking each year into the list', () => {
      const index = site.read('timeline/index.html');
      expect(index).toContain('<svg');
      for (const year of new Set(site.events.map((e) => e.date.slice(0, 4)))) {
        expect(index).toContain(`href="../timeline/${year}/"`);
        expect(existsSync(path.join(site.out, `timeline/${year}/index.html`))).toBe(true);
      }
      expect(index).not.toContain('<script');
    });

    it('exports a TimelineJS document with one slide per event', () => {
      const doc = JSON.parse(site.read('data/timelinejs.json')) as { events: Array<{ unique_id: string; start_date: { year: string } }> };
      expect(doc.events.map((e) => e.unique_id)).toEqual(site.events.map((e) => e.id));
      for (const slide of doc.events) expect(slide.start_date.year).toMatch(/^\d{4}$/);
    });
  });
}
