/** A hand-built archive big enough that every listing paginates (for the bounded-pages tests). */
import { eventAnchor } from '../../src/extract/events/merge.js';
import { MONTH_PAGE_LIMIT, placeEvents } from '../../src/extract/events/pages.js';
import type { Archive } from '../../src/link/archive.js';
import { buildArchive } from '../../src/link/buildArchive.js';
import type { Entity, Mention, TimelineEvent } from '../../src/types.js';
import { makeArticle, makeEntity, mention } from './hand-built.js';

export const ARTICLES = 130;
export const PEOPLE = 420;
export const MAY_EVENTS = 2 * MONTH_PAGE_LIMIT + 40;
/** The id of the one event every article reports: more reports than an event lists where it is shown, and than a page holds. */
export const MUCH_REPORTED = `ev${MAY_EVENTS}`;

/** A name whose initial cycles through the alphabet (`Aler 0`, `Bler 1`…), with a few digits and a leading `The`. */
export function nameOf(i: number): string {
  if (i % 97 === 0) return `${i} Club`;
  if (i % 89 === 0) return `The ${String.fromCharCode(65 + (i % 26))}ward ${i}`;
  return `${String.fromCharCode(65 + (i % 26))}ler ${i}`;
}

/** `ARTICLES` dated articles that all name `Big`, `PEOPLE` people named once each, a May with more events than a page holds, and a June event every article reports. */
export function bigArchive(): Archive {
  const articles = Array.from({ length: ARTICLES }, (_, i) => {
    const id = `a${String(i).padStart(3, '0')}`;
    const day = new Date(Date.UTC(2003, 0, 1 + i * 3)).toISOString().slice(0, 10);
    return makeArticle(id, { title: `Report ${i}`, date: day, datePrecision: 'day', dateSource: 'front-matter' });
  });
  const entities: Entity[] = [makeEntity('big', 'organization', articles.map((a) => a.id), 'Big')];
  const mentions: Mention[] = articles.map((a) => mention('big', a.id));
  for (let i = 0; i < PEOPLE; i++) {
    const article = articles[i % ARTICLES]!.id;
    entities.push(makeEntity(`p${i}`, 'person', [article], nameOf(i)));
    mentions.push(mention(`p${i}`, article));
  }
  const event = (n: number, date: string, reporters = [articles[n % ARTICLES]!]): TimelineEvent => ({
    id: `ev${n}`, date, precision: 'day', approximate: false, future: false, text: `Event number ${n}.`,
    articles: reporters.map((a) => a.id), entities: ['big'], sources: reporters.map((a) => ({ articleId: a.id, anchor: 'p-1' })), url: '',
  });
  const raw = [
    ...Array.from({ length: MAY_EVENTS }, (_, n) => event(n, `2004-05-${String((n % 28) + 1).padStart(2, '0')}`)),
    event(MAY_EVENTS, '2004-06-02', articles),
    event(MAY_EVENTS + 1, '2003-02-01'),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return buildArchive(articles, { entities, mentions, events: placeEvents(raw, eventAnchor) });
}

