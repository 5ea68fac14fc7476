/** Which entities' and articles' pages a watch build looks at again (`touchedEntities`, `touchedArticles`): those an edit may have changed, and no others. */
import { describe, expect, it } from 'vitest';
import type { Archive } from '../src/link/archive.js';
import { touchedArticles } from '../src/render/pages/touchedArticles.js';
import { touchedEntities } from '../src/render/pages/touchedEntities.js';
import type { PageReuse, RenderContext } from '../src/render/renderContext.js';
import type { Config } from '../src/config.js';
import { ArticleChangeLog, type ArticleChanges } from '../src/link/articleChanges.js';

/** A memo that only keeps what `swap` is given, as a watch session's does between builds that wrote their site. */
function swapOnly(listsTouchedOnly = true): PageReuse {
  const kept = new Map<string, unknown>();
  return {
    made: () => {
      throw new Error('not used');
    },
    pages: (_key, _inputs, make) => make(),
    listTouchedOnly: () => listsTouchedOnly,
    forget: () => undefined,
    value: (_key, _inputs, make) => make(),
    swap: <T>(key: string, value: T): T | null => {
      const last = kept.get(key) as T | undefined;
      kept.set(key, value);
      return last ?? null;
    },
  };
}

const entity = (id: string, name = id) => ({ id, name, type: 'person', url: `entities/${id}/`, articles: [], mentions: 1 });
const article = (id: string, title = id) => ({ id, title });
const event = (id: string, entities: string[], articles: string[]) => ({ id, entities, articles, sources: articles.map((articleId) => ({ articleId, anchor: 's-1' })) });

function archiveOf(parts: { entities: object[]; articles: object[]; events: object[]; appearances?: Map<string, unknown>; coMentions?: Map<string, unknown>; neighbours?: Map<string, unknown> }): Archive {
  return {
    articleById: new Map(parts.articles.map((a) => [(a as { id: string }).id, a])),
    neighbours: parts.neighbours ?? new Map(),
    events: parts.events,
    entityIndex: {
      byId: new Map(parts.entities.map((e) => [(e as { id: string }).id, e])),
      appearances: parts.appearances ?? new Map(),
      coMentions: parts.coMentions ?? new Map(),
      bodyLinks: new Map(),
      ofArticle: new Map(),
      related: new Map(),
    },
  } as unknown as Archive;
}

describe('touchedEntities', () => {
  const config = {} as Config;
  const nav: RenderContext['nav'] = [];
  const contextFor = (reuse: PageReuse | undefined, archive: Archive): RenderContext => ({ archive, config, nav, env: null as never, ...(reuse ? { reuse } : {}) });

  it('lists every entity (null) in a single build, in the first build of a session, and when the writer writes the whole site', () => {
    const archive = archiveOf({ entities: [entity('x')], articles: [], events: [] });
    expect(touchedEntities(contextFor(undefined, archive))).toBeNull();
    expect(touchedEntities(contextFor(swapOnly(), archive))).toBeNull();
    // A writer that rewrites the whole site (the output folder was removed) keeps no group it is not given.
    const whole = swapOnly(false);
    touchedEntities(contextFor(whole, archive));
    expect(touchedEntities(contextFor(whole, archiveOf({ entities: [entity('x')], articles: [], events: [] })))).toBeNull();
  });

  it('lists the entities whose record, appearances or co-mentions changed, and those named by an event whose source article or named entity changed', () => {
    const reuse = swapOnly();
    const [x, y, z, w] = ['x', 'y', 'z', 'w'].map((id) => entity(id));
    const a = article('a');
    const b = article('b');
    const appearancesOfY = [{ article: b }];
    const shared = event('e1', ['x'], ['a']);
    const byW = event('e2', ['w', 'z'], ['b']);
    touchedEntities(contextFor(reuse, archiveOf({ entities: [x, y, z, w], articles: [a, b], events: [shared, byW], appearances: new Map([['y', appearancesOfY]]) })));
    // Nothing changed: nothing touched.
    expect(touchedEntities(contextFor(reuse, archiveOf({ entities: [x, y, z, w], articles: [a, b], events: [shared, byW], appearances: new Map([['y', appearancesOfY]]) })))).toEqual(new Set());
    // Article a's headline changed: x's page lists event e1 with a's headline. Entity w renamed: z's page shows e2 naming it.
    const touched = touchedEntities(contextFor(reuse, archiveOf({ entities: [x, y, z, entity('w', 'W renamed')], articles: [article('a', 'New headline'), b], events: [shared, byW], appearances: new Map([['y', appearancesOfY]]) })));
    expect([...touched!].sort()).toEqual(['w', 'x', 'z']);
    // New records showing what the old ones showed (an edit changed a count, not a headline or name): only the changed records' own pages.
    const same = touchedEntities(contextFor(reuse, archiveOf({ entities: [x, y, z, entity('w', 'W renamed')], articles: [article('a', 'New headline'), b], events: [shared, byW], appearances: new Map([['y', appearancesOfY]]) })));
    expect([...same!].sort()).toEqual(['w']);
    // A new appearance list for y, and an event gone: y, and the entities the gone event named.
    const again = touchedEntities(contextFor(reuse, archiveOf({ entities: [x, y, z, w], articles: [a, b], events: [shared], appearances: new Map([['y', [...appearancesOfY]]]) })));
    expect([...again!].sort()).toEqual(['w', 'x', 'y', 'z']);
  });
});

describe('touchedArticles', () => {
  const config = {} as Config;
  const nav: RenderContext['nav'] = [];
  const contextFor = (reuse: PageReuse, archive: Archive): RenderContext => ({ archive, config, nav, env: null as never, reuse });

  it('lists the articles whose record or neighbours changed, and those reporting an event whose other source or named entity changed', () => {
    const reuse = swapOnly();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => article(id));
    const x = entity('x');
    const shared = event('e1', [], ['a', 'b']);
    const naming = event('e2', ['x'], ['c']);
    const around = (previous: object | null, next: object | null) => ({ previous, next });
    const build = (articles: object[], entities: object[], neighbours: Map<string, unknown>) => touchedArticles(contextFor(reuse, archiveOf({ entities, articles, events: [shared, naming], neighbours })));
    expect(build([a, b, c, d], [x], new Map([['d', around(c, null)]]))).toBeNull();
    expect(build([a, b, c, d], [x], new Map([['d', around(c, null)]]))).toEqual(new Set());
    // a's headline changed: b's page lists e1 with it. x renamed: c's page lists e2 naming it. d's neighbour changed.
    const touched = build([article('a', 'New'), b, c, d], [entity('x', 'X renamed')], new Map([['d', around(b, null)]]));
    expect([...touched!].sort()).toEqual(['a', 'b', 'c', 'd']);
    // New records of a and x showing the same: a's own page only (its record changed), not b's or c's.
    const same = build([article('a', 'New'), b, c, d], [entity('x', 'X renamed')], new Map([['d', around(b, null)]]));
    expect([...same!].sort()).toEqual(['a']);
  });
});

describe('touchedArticles with a watch session log', () => {
  const config = {} as Config;
  const nav: RenderContext['nav'] = [];

  /** A memo whose swapped values are kept only when its build wrote its site (`written`), as `RenderMemo` keeps them. */
  function writtenOnly(): PageReuse & { written(): void } {
    const kept = new Map<string, unknown>();
    const pending = new Map<string, unknown>();
    return {
      ...swapOnly(),
      swap: <T>(key: string, value: T): T | null => {
        pending.set(key, value);
        return (kept.get(key) as T | undefined) ?? null;
      },
      written: () => {
        for (const [key, value] of pending) kept.set(key, value);
        pending.clear();
      },
    };
  }

  it('lists what the log says changed since the last build that wrote its site, a failed build in between included', () => {
    const reuse = writtenOnly();
    const log = new ArticleChangeLog();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => article(id));
    // One set of maps for every build, changed in place as a watch session's are: only the log tells what changed.
    const parts = { entities: [], articles: [a, b, c, d], events: [] };
    const archive = archiveOf(parts);
    const build = (changes: ArticleChanges | null) => {
      const now = { ...archive, changes: { log, version: log.add(changes) } } as Archive;
      return touchedArticles({ archive: now, config, nav, env: null as never, reuse });
    };
    expect(build(null)).toBeNull();
    reuse.written();
    const newA = article('a', 'New');
    archive.articleById.set('a', newA as never);
    // This build fails after linking: its site is not written.
    expect([...build({ records: new Map([['a', a as never]]), pages: new Set(['b']) })!].sort()).toEqual(['a', 'b']);
    expect([...build({ records: new Map(), pages: new Set(['d']) })!].sort()).toEqual(['a', 'b', 'd']);
    reuse.written();
    expect([...build({ records: new Map(), pages: new Set(['c']) })!]).toEqual(['c']);
    reuse.written();
    // A build that changed everything (articles came or went): every page is looked at.
    expect(build(null)).toBeNull();
  });
});
