/**
 * The timeline's data exports: `data/timeline.json` (the public contract in the README) and
 * `data/timelinejs.json`, which the TimelineJS viewer (timeline.knightlab.com) reads as is. Both
 * are made one event at a time (see `chunkedFile`): at 4,000 articles each is 48 MB of text.
 */
import type { Config } from '../../config.js';
import { timelineEventJson, timelineJsSlideJson } from '../../export/eventJson.js';
import { chunkedFile, indentedJson, jsonArrayTexts } from '../../export/jsonChunks.js';
import type { Archive } from '../../link/archive.js';
import type { TimelineEvent } from '../../types.js';
import { escapeHtml } from '../escape.js';
import type { Page } from '../page.js';
import { madeText, type PageReuse } from '../renderContext.js';
import { withNewline } from '../pages/dataPages.js';
import { eventDateLabel } from './eventView.js';

/** `reuse` (a watch session's) reuses each event's text from build to build (see `PageReuse.made`). */
export function timelineData(archive: Archive, reuse?: PageReuse): Page {
  const path = 'data/timeline.json';
  const records = function* () {
    for (const event of archive.events) {
      // A single build has nothing to reuse: no memo key to make (an event's id is made from packed numbers each time it is read).
      if (!reuse) yield timelineEventJson(event);
      else yield madeText(reuse, path, `timeline.json\n${event.id}`, [event], () => timelineEventJson(event));
    }
  };
  return { path, content: chunkedFile(() => withNewline(jsonArrayTexts(records()))) };
}

/** Longest headline made of an event's sentence (a TimelineJS slide's, an event page's title); longer sentences are cut at a word. */
const HEADLINE_LENGTH = 90;

/**
 * The TimelineJS document: one slide per event with its date at its precision, the sentence, and
 * links to every source. Links are absolute with a base URL, else relative to the site root.
 */
export function timelineJsData(archive: Archive, config: Pick<Config, 'title' | 'baseUrl'>, reuse?: PageReuse): Page {
  const path = 'data/timelinejs.json';
  const prefix = config.baseUrl ?? '';
  const slide = (event: TimelineEvent): string => {
    const [year, month, day] = event.date.split('-');
    const text = event.text;
    let links = '';
    for (const source of event.sources) {
      const article = archive.articleById.get(source.articleId);
      if (article) links += `${links ? ', ' : ''}<a href="${escapeHtml(`${prefix}${article.url}#${source.anchor}`)}">${escapeHtml(article.title)}</a>`;
    }
    return timelineJsSlideJson({
      id: event.id,
      year: year!,
      month,
      day,
      displayDate: eventDateLabel(event),
      headline: escapeHtml(headline(text)),
      text: `<p>${escapeHtml(text)}</p><p>Reported in: ${links}</p>`,
    });
  };
  const slides = function* () {
    for (const event of archive.events) {
      if (!reuse) {
        yield slide(event);
        continue;
      }
      // A slide shows its source articles' headlines and addresses.
      const sources = event.sources.map((source) => archive.articleById.get(source.articleId) ?? null);
      yield madeText(reuse, path, `timelinejs.json\n${event.id}`, [event, sources, prefix], () => slide(event));
    }
  };
  const title = { text: { headline: escapeHtml(config.title), text: '<p>Timeline of the archive</p>' } };
  // `JSON.stringify({ title, events }, null, 2)`, with the events written one at a time.
  const document = function* () {
    yield `{\n  "title": ${indentedJson(title, 1)},\n  "events": `;
    yield* jsonArrayTexts(slides(), 1);
    yield '\n}\n';
  };
  return { path, content: chunkedFile(document) };
}

/** An event's sentence as a headline: whole when short, else cut at a word before `HEADLINE_LENGTH`, with `…`. */
export function headline(sentence: string): string {
  if (sentence.length <= HEADLINE_LENGTH) return sentence;
  const cut = sentence.lastIndexOf(' ', HEADLINE_LENGTH);
  return `${sentence.slice(0, cut > 40 ? cut : HEADLINE_LENGTH)}…`;
}
