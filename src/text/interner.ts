/**
 * One copy of each equal string. Records held to the end of a build (mentions, timeline events)
 * repeat a few short strings many times over (`s-p-3-2`, `2024-05-19`, a name as written), each
 * made afresh by the stage that found it; interned, a million of them share a few thousand copies.
 * A copy kept here is flattened, so it never holds on to a larger text it was cut from (see
 * `src/parse/detach.ts`).
 */
import { flatCopy } from './flatCopy.js';

export class Interner {
  private readonly strings = new Map<string, string>();

  /** The kept copy of `text` (kept now if it is the first). */
  get(text: string): string {
    let kept = this.strings.get(text);
    if (kept === undefined) {
      kept = flatCopy(text);
      this.strings.set(kept, kept);
    }
    return kept;
  }
}
