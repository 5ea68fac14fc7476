/**
 * Word cues around a date expression: whether the clause reports the past or announces the
 * future (news reports the past, so that is the default), and whether the date is given loosely.
 * All patterns are single alternations of literal words: linear, no nested quantifiers.
 */

/** Words that announce something still to come. */
const FUTURE_CUE =
  /\b(?:will|won['’]t|shall|going to|due to|is due|are due|expected to|set to|slated|scheduled|plans? to|planned|intends? to|upcoming|forthcoming|next|coming|later this|tomorrow)\b|['’]ll\b/gi;

/** Words that report something that happened: auxiliaries, common irregular past forms, `ago`. */
const PAST_CUE =
  /\b(?:was|were|had|did|said|says|told|went|made|came|took|gave|found|met|held|began|won|lost|left|became|fell|rose|saw|got|ran|sent|brought|thought|struck|hit|ago|earlier|last|previously|already|[a-z]{3,}ed)\b/gi;

/** An auxiliary right before a participle: the participle then says nothing about tense. */
const AUXILIARY_BEFORE = /\b(?:will|shall|would|to|is|are|be|being|been)\s+(?:be\s+)?$/i;

/** Words just before a date expression that make it loose (`about`, `early`, `earlier this`). */
const APPROXIMATE_BEFORE =
  /\b(?:about|around|approximately|roughly|some|nearly|almost|circa|c\.|early|mid|late|earlier|later|within|by|before|after|the end of|the start of|the beginning of|the middle of|more than|less than|over)[\s-]*$/i;

/** Words inside a date expression that make it loose. */
const APPROXIMATE_INSIDE = /\b(?:about|around|approximately|roughly|a few|several|some|nearly|almost|within|weeks?|weekend)\b/i;

/** How far (in characters) a tense cue may sit from the date expression and still govern it. */
const CUE_REACH = 80;

/**
 * The tense of the clause around `[start, end)` in `sentence`: the nearest tense cue wins,
 * and reporting (past) is the default when there is none.
 */
export function clauseTense(sentence: string, start: number, end: number): 'past' | 'future' {
  const inside = sentence.slice(start, end);
  if (/\b(?:ago|last|earlier|previous)\b/i.test(inside)) return 'past';
  if (/\b(?:next|within|in \w+ (?:days?|weeks?|months?|years?))\b/i.test(inside)) return 'future';
  const future = nearestCue(FUTURE_CUE, sentence, start, end);
  const past = nearestCue(PAST_CUE, sentence, start, end);
  // A word like `scheduled` is both a future cue and an `-ed` form: the tie goes to the future.
  return future !== Infinity && future <= past ? 'future' : 'past';
}

/** Distance from the date expression to the nearest match of `cue` outside it, or Infinity. */
function nearestCue(cue: RegExp, sentence: string, start: number, end: number): number {
  let best = Infinity;
  const skipParticiples = cue === PAST_CUE;
  const from = Math.max(0, start - CUE_REACH);
  const window = sentence.slice(from, Math.min(sentence.length, end + CUE_REACH));
  for (const m of window.matchAll(cue)) {
    const at = from + (m.index ?? 0);
    const after = at + m[0].length;
    // `will be held`, `is expected`: a participle after an auxiliary carries no past tense.
    if (skipParticiples && AUXILIARY_BEFORE.test(sentence.slice(Math.max(0, at - 16), at))) continue;
    if (after <= start) best = Math.min(best, start - after);
    else if (at >= end) best = Math.min(best, at - end);
  }
  return best;
}

/** True when the words at or just before the date expression say it is loose. */
export function isApproximate(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, start - 24), start);
  return APPROXIMATE_BEFORE.test(before) || APPROXIMATE_INSIDE.test(sentence.slice(start, end));
}
