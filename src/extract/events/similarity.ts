/**
 * Wording similarity between two sentences: Jaccard overlap of their content words, after
 * dropping function words and date words (two reports of one happening share its date anyway)
 * and a crude suffix strip so `explosion`/`explosions`, `kill`/`killed` meet.
 */

const STOPWORDS = new Set(
  (
    'the a an and or but of in on at to for from by with as is are was were be been being has have had ' +
    'it its this that these those he she they them his her their we our you your i not no than then ' +
    'there here who whom which what when where why how all any some more most other into over after ' +
    'before about also said says say would will could should may might can did does do just only very ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow ' +
    'day days week weeks month months year years earlier later last next ago'
  ).split(' '),
);

/** The set of stemmed content words of `text`. */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || STOPWORDS.has(raw)) continue;
    words.add(stem(raw));
  }
  return words;
}

/** Strips one common English inflection; good enough to match a word with its plural or past. */
function stem(word: string): string {
  for (const suffix of ['ings', 'ing', 'ed', 'es', 's']) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/** |a ∩ b| / |a ∪ b|, 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}
