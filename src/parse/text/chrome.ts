/**
 * Site chrome: the navigation, sharing and comment furniture of blogs and news sites that scrapers
 * copy along with the article (`Pages`, `Share this:`, `No comments:`, `Post a Comment`…). A line is
 * chrome only when the whole line is one of these phrases, so a sentence that merely starts with
 * `Home` or `Share` is never touched.
 */
import type { RemovedText } from '../../types.js';
import { removal, type Segment } from './segments.js';

/** Whole-line chrome phrases, compared case-insensitively after trimming. */
const CHROME_PHRASES = new Set([
  'pages', 'home', 'menu', 'main menu', 'navigation', 'search', 'search this blog', 'skip to content',
  'skip to main content', 'skip to navigation', 'advertisement', 'advertisements', 'sponsored',
  'sponsored content', 'share', 'share this', 'share this:', 'share this article', 'share this story',
  'share this post', 'share on facebook', 'share on twitter', 'share on x', 'tweet', 'email', 'print',
  'like this:', 'like this', 'like loading...', 'loading...', 'related', 'related:', 'related posts',
  'related articles', 'related stories', 'newer post', 'older post', 'newer posts', 'older posts',
  'previous post', 'next post', 'previous article', 'next article', 'post a comment', 'leave a comment',
  'leave a reply', 'comments', 'no comments', 'no comments:', 'subscribe', 'subscribe to: post comments (atom)',
  'subscribe to: posts (atom)', 'read more', 'continue reading', 'back to top', 'all rights reserved',
  'all rights reserved.', 'sign up for our newsletter', 'follow us', 'about', 'contact', 'contact us',
  'privacy policy', 'terms of use', 'cookie policy', 'popular posts', 'blog archive', 'report abuse',
  'you may also like', 'recommended', 'more from this author', 'trending',
]);

/**
 * Chrome lines that carry a variable part. Each is anchored and bounded so it cannot backtrack:
 * `Labels: Iran, US`, `Posted by Jane at 10:32 AM`, `12 comments:`, `© 2024 Example Media`,
 * `Click to share on Facebook (Opens in new window)`, `Email ThisBlogThis!Share to Twitter…`.
 */
const CHROME_PATTERNS: readonly RegExp[] = [
  /^(?:labels|tags|filed under|categories|category|topics):[ \t]?[^.!?]{0,200}$/i,
  /^posted (?:by|on|at|in) [^.!?]{1,80}$/i,
  /^\d{1,5} comments?:?$/i,
  /^(?:©|\(c\)|copyright ©|copyright \d{4})[^\n]{0,120}$/i,
  /^click to (?:share|email|print) [^\n]{1,80}$/i,
  /^email this ?blogthis!/i,
  /^share to (?:twitter|facebook|pinterest)/i,
  /^follow us on [^.!?]{1,40}$/i,
  /^(?:read|see) more:?$/i,
  /^(?:read|continue reading)[ \t]?[»›→…]+$/i,
];

/** True when the whole line is site chrome. */
export function isChromeLine(line: string): boolean {
  const t = line.trim().replace(/\s+/g, ' ');
  if (t.length === 0 || t.length > 240) return false;
  return CHROME_PHRASES.has(t.toLowerCase()) || CHROME_PATTERNS.some((re) => re.test(t));
}

/** Takes every standalone chrome line out of the body, wherever it stands. */
export function removeChrome(segments: readonly Segment[], removed: RemovedText[]): Segment[] {
  return segments.filter((s) => {
    if (s.kind !== 'text' || !isChromeLine(s.text)) return true;
    removed.push(removal('chrome', [s.text], s.line));
    return false;
  });
}
