/** Event extraction: dated sentences per article, merged across the archive into a timeline. */
export type { EventCandidate } from './candidate.js';
export { extractEvents, datesIn, dateReference } from './extract.js';
export { buildTimeline, eventAnchor } from './merge.js';
export { sentenceAnchor, articleSentences } from './sentences.js';
export { extractTimeline, benchTimeline } from './stage.js';
