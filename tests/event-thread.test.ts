/**
 * Finding dates on the event thread must not change what a build produces: the candidates made
 * again on the main thread are `extractEvents`' own, field for field and in order, and a build
 * with the thread writes the same site as one without. No timing assertions: the gain is measured
 * by `npm run bench`.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { MessagePort } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { build, type BuildOptions } from '../src/build.js';
import { EventThread, eventThreadFor } from '../src/build/eventThread.js';
import { packEvents, proseOf, unpackEvents } from '../src/build/packedEvents.js';
import { PARALLEL_FROM } from '../src/build/parallelParse.js';
import { workerScript } from '../src/build/workerScript.js';
import { resolveConfig } from '../src/config.js';
import { extractEvents } from '../src/extract/events/extract.js';
import type { Article, SourceFile } from '../src/types.js';
import { parsedFolder } from './helpers/parsed-seeds.js';
import { REPO, snapshotFolder, tempDir } from './helpers/project.js';

/** Articles with dates in paragraphs, lists, quotes, headings and tables, dated and undated. */
function archive(): string {
  const input = tempDir('dossier-event-thread-');
  cpSync(path.join(REPO, 'seeds'), input, { recursive: true });
  for (let i = 0; i < 12; i++) {
    const folder = path.join(input, `20${10 + (i % 9)}`, '05');
    mkdirSync(folder, { recursive: true });
    const date = i % 4 === 3 ? '' : `date: 20${10 + (i % 9)}-05-1${i % 10}\n`;
    writeFileSync(
      path.join(folder, `story-${i}.md`),
      `---\ntitle: "Harbour story ${i}"\n${date}---\n\n## Opened on March 3, 2009\n\nMaria Lopez, the mayor of Springfield, said on March 3, 2009 that the harbour would reopen. It closed last week after a storm on Sunday.\n\n- The Harbour Trust said in June 2011 it would pay.\n- Work began two years ago, in May.\n\n> The council voted on 4 April 2012 to close the quay for good, a spokesman said.\n\n| When | What |\n| --- | --- |\n| 5 May 2013 | Reopening of the harbour |\n`,
    );
  }
  return input;
}

async function buildWith(input: string, options: Partial<BuildOptions>) {
  const output = path.join(tempDir('dossier-event-thread-out-'), 'site');
  const result = await build(resolveConfig(REPO, { input, output }), { cwd: REPO, ...options });
  return { result, output };
}

describe('dates found on the event thread', () => {
  it.skipIf(!workerScript('build/eventWorker') || availableParallelism() < 2)('start by default for any archive from PARALLEL_FROM files, however big (not for a small one, or when turned off)', () => {
    expect(eventThreadFor(PARALLEL_FROM - 1, undefined)).toBeNull();
    expect(eventThreadFor(100_000, false)).toBeNull();
    for (const files of [PARALLEL_FROM, 20_001, 100_000, 1_000_000]) {
      const thread = eventThreadFor(files, undefined);
      expect(thread).toBeInstanceOf(EventThread);
      thread!.stop();
    }
  });

  it('come back as the very candidates extractEvents makes', () => {
    const { articles } = parsedFolder(archive());
    let candidates = 0;
    for (const article of articles) {
      // A structured clone, as the thread receives it.
      const packed = packEvents(structuredClone(proseOf(article)));
      const again = unpackEvents(article, structuredClone(packed));
      const direct = extractEvents(article);
      // Same fields in the same order (the record cache stores them as JSON).
      expect(JSON.stringify(again)).toBe(JSON.stringify(direct));
      candidates += direct.length;
    }
    expect(candidates).toBeGreaterThan(20);
  });

  it.skipIf(!workerScript('build/eventWorker'))('give a build the same site as the main thread alone', async () => {
    const input = archive();
    const plain = await buildWith(input, { eventThread: false });
    // Count the articles the thread answered for, so a thread that silently did nothing fails the test.
    const of = EventThread.prototype.of;
    let answered = 0;
    const spy = vi.spyOn(EventThread.prototype, 'of').mockImplementation(function (this: EventThread, article: Article) {
      const found = of.call(this, article);
      if (found) answered++;
      return found;
    });
    const threaded = await buildWith(input, { eventThread: true });
    spy.mockRestore();
    expect(answered).toBe(threaded.result.articles);
    expect(plain.result.ok).toBe(true);
    expect(threaded.result.ok).toBe(true);
    expect(threaded.result.archive!.events).toEqual(plain.result.archive!.events);
    expect(snapshotFolder(threaded.output)).toEqual(snapshotFolder(plain.output));
    expect(plain.result.archive!.events.length).toBeGreaterThan(10);
  });

  it.skipIf(!workerScript('build/eventWorker'))('answers only for what it finished, and for the same file content', async () => {
    const { articles } = parsedFolder(archive());
    const thread = new EventThread(workerScript('build/eventWorker')!);
    const sourceOf = (article: Article): SourceFile => ({ relativePath: article.sourcePath, contentHash: article.contentHash }) as SourceFile;
    for (const article of articles.slice(0, 5)) thread.send(sourceOf(article), article);
    await thread.done();
    for (const article of articles.slice(0, 5)) expect(thread.of(article)).toEqual(extractEvents(article));
    // Handed out once (the packed copy is let go): a second ask is left to the main thread.
    expect(thread.of(articles[0]!)).toBeUndefined();
    expect(thread.of(articles[5]!)).toBeUndefined();
    expect(thread.of({ ...articles[0]!, contentHash: 'other' })).toBeUndefined();
    // Sent after the end: left to the main thread.
    thread.send(sourceOf(articles[6]!), articles[6]!);
    expect(thread.of(articles[6]!)).toBeUndefined();
  });

  it.skipIf(!workerScript('build/eventWorker'))('sends the articles it fell behind on later, between the entity stage’s articles, and answers for every one', async () => {
    const { articles } = parsedFolder(archive());
    // Many more articles than may wait for the thread at once, sent in a tight loop as the parse sends them.
    const records = Array.from({ length: 2_000 }, (_, i) => {
      const article = articles[i % articles.length]!;
      return { ...article, sourcePath: `${i}-${article.sourcePath}` };
    });
    const thread = new EventThread(workerScript('build/eventWorker')!);
    const posted = { before: 0, after: 0 };
    let resumed = false;
    const postMessage = MessagePort.prototype.postMessage;
    const post = vi.spyOn(MessagePort.prototype, 'postMessage').mockImplementation(function (this: MessagePort, message: unknown, ...rest: unknown[]) {
      const items = (message as { items?: unknown[] }).items?.length ?? 0;
      if (resumed) posted.after += items;
      else posted.before += items;
      return postMessage.call(this, message, ...(rest as [])) as void;
    });
    for (const record of records) thread.send({ relativePath: record.sourcePath, contentHash: record.contentHash } as SourceFile, record);
    resumed = true;
    thread.resume(records);
    // The entity stage calls `topUp` between its articles; here, until every article went.
    for (let turns = 0; posted.before + posted.after < records.length && turns < 10_000; turns++) {
      thread.topUp();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await thread.done();
    post.mockRestore();
    expect(posted.before).toBeLessThan(records.length);
    expect(posted.after).toBe(records.length - posted.before);
    for (const record of records) expect(thread.of(record)).toEqual(extractEvents(record));
  });

  it('sends no more than a bounded number of articles to a thread that does not keep up, and leaves the rest to the main thread', async () => {
    // A thread that never answers: everything sent to it waits.
    const silent = path.join(tempDir('dossier-event-thread-silent-'), 'silent.mjs');
    writeFileSync(silent, 'setInterval(() => {}, 1000);\n');
    const { articles } = parsedFolder(archive());
    const thread = new EventThread(silent);
    const sent: number[] = [];
    const post = vi.spyOn(MessagePort.prototype, 'postMessage').mockImplementation(function (this: MessagePort, message: unknown) {
      sent.push((message as { items: unknown[] }).items.length);
    });
    for (let i = 0; i < 2_000; i++) {
      const article = articles[i % articles.length]!;
      thread.send({ relativePath: `${i}-${article.sourcePath}`, contentHash: article.contentHash } as SourceFile, article);
    }
    post.mockRestore();
    thread.stop();
    const total = sent.reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(512);
    for (const article of articles) expect(thread.of(article)).toBeUndefined();
  });
});
