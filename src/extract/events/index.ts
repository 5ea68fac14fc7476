/** Event extraction: dated sentences per article, merged across the archive into a timeline. */
export type { EventCandidate } from './candidate.js';
export { extractEvents, datesIn, dateReference } from './extract.js';
export { buildTimeline, eventAnchor } from './merge.js';
export { sentenceAnchor, articleSentences } from './sentences.js';
export { extractTimeline } from './stage.js';
/** `npm run bench` times the timeline per article through this name (bench/run.mjs PER_ARTICLE_PROBES). */
export { extractEvents as extractArticleEvents } from './extract.js';
