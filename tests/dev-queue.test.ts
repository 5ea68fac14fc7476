/** Debouncing and queueing rebuilds, and classifying file events. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyChange } from '../src/dev/classifyChange.js';
import { RebuildQueue } from '../src/dev/rebuildQueue.js';
import { SearchRefresh } from '../src/dev/searchRefresh.js';
import type { Page } from '../src/render/page.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A rebuild that records its calls, never overlaps (checked), and takes `ms`. */
function recorder(ms: number) {
  const calls: number[][] = [];
  let running = 0;
  let overlapped = false;
  const rebuild = async (changes: number[]) => {
    running++;
    if (running > 1) overlapped = true;
    calls.push(changes);
    await sleep(ms);
    running--;
  };
  return { calls, rebuild, overlapped: () => overlapped };
}

describe('RebuildQueue', () => {
  it('turns a burst of events into one rebuild', async () => {
    const { calls, rebuild } = recorder(1);
    const queue = new RebuildQueue(rebuild, 20);
    for (let i = 0; i < 200; i++) queue.push(i); // a git checkout touching 200 files
    await queue.idle();
    expect(calls).toEqual([Array.from({ length: 200 }, (_, i) => i)]);
    await queue.close();
  });

  it('keeps waiting while events keep coming closer together than the quiet period', async () => {
    const { calls, rebuild } = recorder(1);
    const queue = new RebuildQueue(rebuild, 30);
    for (let i = 0; i < 5; i++) {
      queue.push(i);
      await sleep(10);
    }
    expect(calls).toEqual([]);
    await queue.idle();
    expect(calls).toEqual([[0, 1, 2, 3, 4]]);
    await queue.close();
  });

  it('runs one build at a time, and changes during a build queue exactly one more', async () => {
    const { calls, rebuild, overlapped } = recorder(60);
    const queue = new RebuildQueue(rebuild, 5);
    queue.push(1);
    await sleep(20); // the first build is running now
    expect(calls).toEqual([[1]]);
    queue.push(2);
    await sleep(10);
    queue.push(3);
    queue.push(4);
    await queue.idle();
    expect(calls).toEqual([[1], [2, 3, 4]]);
    expect(overlapped()).toBe(false);
    await queue.close();
  });

  it('keeps going after a rebuild throws', async () => {
    const calls: number[][] = [];
    const queue = new RebuildQueue(async (changes: number[]) => {
      calls.push(changes);
      if (calls.length === 1) throw new Error('boom');
    }, 1);
    queue.push(1);
    await queue.idle();
    queue.push(2);
    await queue.idle();
    expect(calls).toEqual([[1], [2]]);
    await queue.close();
  });

  it('drops pending changes on close and waits for the running build', async () => {
    const { calls, rebuild } = recorder(40);
    const queue = new RebuildQueue(rebuild, 1);
    queue.push(1);
    await sleep(10);
    queue.push(2);
    await queue.close();
    queue.push(3);
    await sleep(20);
    expect(calls).toEqual([[1]]);
  });
});

describe('SearchRefresh', () => {
  const pages = (name: string): Page[] => [{ path: `${name}.html`, content: name }];
  /** An indexer that takes `ms` and records what it indexed; `applied` is what was handed over. */
  function indexer(ms: number) {
    const indexed: string[] = [];
    const applied: string[] = [];
    const index = async (list: readonly Page[]) => {
      indexed.push(list[0]!.path);
      await sleep(ms);
      return { files: [{ path: `pagefind/${list[0]!.path}`, content: '' }], indexed: 1, diagnostics: [] };
    };
    return { indexed, applied, index, apply: (result: { files: Page[] }) => applied.push(result.files[0]!.path) };
  }

  it('indexes only the latest pages once edits pause', async () => {
    const { indexed, applied, index, apply } = indexer(1);
    const refresh = new SearchRefresh(index, apply, 20);
    refresh.schedule(pages('a'));
    await sleep(5);
    refresh.schedule(pages('b'));
    await refresh.idle();
    expect(indexed).toEqual(['b.html']);
    expect(applied).toEqual(['pagefind/b.html']);
  });

  it('throws away an index of pages replaced while it was made', async () => {
    const { indexed, applied, index, apply } = indexer(40);
    const refresh = new SearchRefresh(index, apply, 1);
    refresh.schedule(pages('a'));
    await sleep(15); // indexing a
    refresh.schedule(pages('b'));
    await refresh.idle();
    expect(indexed).toEqual(['a.html', 'b.html']);
    expect(applied).toEqual(['pagefind/b.html']);
  });

  it('waits, after a long run, for a pause twice as long as the run before it starts again', async () => {
    const { indexed, index, apply } = indexer(150);
    const refresh = new SearchRefresh(index, apply, 1);
    expect(refresh.quietPeriod).toBe(1);
    refresh.schedule(pages('a'));
    await refresh.idle();
    expect(refresh.quietPeriod).toBeGreaterThanOrEqual(250); // twice the run, give or take the timer's granularity
    refresh.schedule(pages('b'));
    await sleep(20);
    // Still waiting for the pause: a save now would not wait behind an index run.
    expect(indexed).toEqual(['a.html']);
    await refresh.idle();
    expect(indexed).toEqual(['a.html', 'b.html']);
  });

  it('waits before its first run as long as told to expect it to take, and goes by the real run after', async () => {
    const { indexed, index, apply } = indexer(5);
    const refresh = new SearchRefresh(index, apply, 1);
    refresh.expect(100);
    expect(refresh.quietPeriod).toBe(200);
    refresh.schedule(pages('a'));
    await sleep(50);
    expect(indexed).toEqual([]);
    await refresh.idle();
    expect(indexed).toEqual(['a.html']);
    expect(refresh.quietPeriod).toBeLessThan(100);
    refresh.expect(100); // a guess no longer counts once a run was timed
    expect(refresh.quietPeriod).toBeLessThan(100);
  });

  it('drops everything on cancel', async () => {
    const { applied, index, apply } = indexer(20);
    const refresh = new SearchRefresh(index, apply, 1);
    refresh.schedule(pages('a'));
    await sleep(8);
    refresh.cancel();
    await refresh.idle();
    expect(applied).toEqual([]);
    await refresh.close();
  });
});

describe('classifyChange', () => {
  const config = { input: '/p/seeds', templates: '/p/templates', public: '/p/public', configFile: '/p/dossier.yml' };
  it('tells articles, templates, static files and settings apart', () => {
    expect(classifyChange(config, '/p/seeds/may/a.md')).toEqual({ kind: 'article', path: 'may/a.md' });
    expect(classifyChange(config, '/p/seeds/entities.yml')).toEqual({ kind: 'article', path: 'entities.yml' });
    expect(classifyChange(config, '/p/templates/layouts/base.njk')).toEqual({ kind: 'template', path: 'layouts/base.njk' });
    expect(classifyChange(config, '/p/public/style.css')).toEqual({ kind: 'static', path: 'style.css' });
    expect(classifyChange(config, '/p/dossier.yml')).toEqual({ kind: 'config', path: 'dossier.yml' });
  });
  it('ignores hidden and editor temporary files, and anything outside the watched folders', () => {
    for (const file of ['/p/seeds/.a.md.swp', '/p/seeds/a.md~', '/p/seeds/#a.md#', '/p/seeds/4913', '/p/seeds/.git/HEAD', '/p/templates/x.njk.tmp', '/p/dist/index.html', '/p/seeds']) {
      expect(classifyChange(config, file), file).toBeNull();
    }
  });
  it('works with the platform separator', () => {
    expect(classifyChange(config, path.join('/p/seeds', 'x', 'y.txt'))).toEqual({ kind: 'article', path: 'x/y.txt' });
  });
});
