/**
 * The archive's names as a watch session keeps them between builds: what `resolveNames` reads of
 * every candidate (counts, spellings, context votes, flags), summed by name key. A build takes out
 * the candidates of the texts gone or changed and adds those of the new ones, instead of gathering
 * every text's candidates again, and learns whether any name's sum changed: when none did (and the
 * registry is the same) the last resolution holds, because the resolution reads nothing else.
 *
 * The sums keep counts where the cold gathering (`resolveAll` in `extract.ts`) keeps flags
 * (`acronym ||=`, `proper ||=`, `defines.add`), so taking a candidate out is exact. `place` is the
 * gazetteer's record of the candidate's own key (`candidates.ts` emits nothing else), so all the
 * candidates of a key that carry one carry the same.
 */
import type { EntityType } from '../../types.js';
import type { Candidate } from './candidates.js';
import type { GazetteerPlace } from './gazetteer.js';
import type { NameInfo } from './resolve.js';

/** One name's sums. */
interface Sums {
  /** Number of words of the key. */
  words: number;
  /** Candidates counted. */
  count: number;
  /** Candidates by surface. */
  forms: Map<string, number>;
  /** Context votes. */
  cues: Record<EntityType, number>;
  /** Candidates that were a single all-caps word. */
  acronyms: number;
  /** Candidates that named a gazetteer place (always `place`). */
  places: number;
  /** The gazetteer place, while `places` > 0. */
  place: GazetteerPlace | null;
  /** Abbreviations defined, with counts. */
  defines: Map<string, number>;
  /** Candidates whose every word reads as a name. */
  propers: number;
}

export class NameTally {
  /** Sums by name key (a key whose count falls to 0 is dropped). */
  private readonly sums = new Map<string, Sums>();
  /** What `resolveNames` is given, by key: one record per name, made again only when its sums changed. */
  private readonly infos = new Map<string, NameInfo>();
  /** Keys changed since the last `settle`, with what their info was before (null: absent). */
  private readonly before = new Map<string, NameInfo | null>();

  /** Adds (`sign` 1) or takes out (-1) one text's candidates. */
  add(candidates: readonly Candidate[], sign: 1 | -1): void {
    for (const candidate of candidates) {
      const key = candidate.key;
      if (!this.before.has(key)) this.before.set(key, this.infos.get(key) ?? null);
      let sums = this.sums.get(key);
      if (!sums) {
        sums = { words: candidate.words, count: 0, forms: new Map(), cues: { person: 0, organization: 0, place: 0, other: 0 }, acronyms: 0, places: 0, place: null, defines: new Map(), propers: 0 };
        this.sums.set(key, sums);
      }
      sums.count += sign;
      bump(sums.forms, candidate.surface, sign);
      if (candidate.cue) sums.cues[candidate.cue] += sign;
      if (candidate.acronym) sums.acronyms += sign;
      if (candidate.place) {
        sums.places += sign;
        sums.place = sums.places > 0 ? candidate.place : null;
      }
      if (candidate.defines) bump(sums.defines, candidate.defines, sign);
      if (candidate.proper) sums.propers += sign;
    }
  }

  /**
   * Ends a round of changes: each changed name's info is made again from its sums. True when some
   * name's info differs from before the round (so the names' resolution may differ).
   */
  settle(): boolean {
    let changed = false;
    for (const [key, previous] of this.before) {
      const sums = this.sums.get(key);
      if (!sums || sums.count === 0) {
        this.sums.delete(key);
        this.infos.delete(key);
        if (previous) changed = true;
        continue;
      }
      const info = infoOf(key, sums);
      if (previous && sameInfo(previous, info)) continue;
      this.infos.set(key, info);
      changed = true;
    }
    this.before.clear();
    return changed;
  }

  /** Every name's info (as `resolveAll` gathers them; never changed by `resolveNames`). */
  names(): ReadonlyMap<string, NameInfo> {
    return this.infos;
  }
}

function bump(counts: Map<string, number>, key: string, sign: 1 | -1): void {
  const next = (counts.get(key) ?? 0) + sign;
  if (next === 0) counts.delete(key);
  else counts.set(key, next);
}

function infoOf(key: string, sums: Sums): NameInfo {
  return {
    key,
    forms: new Map(sums.forms),
    count: sums.count,
    words: sums.words,
    cues: { ...sums.cues },
    acronym: sums.acronyms > 0,
    place: sums.places > 0 ? sums.place : null,
    defines: new Set(sums.defines.keys()),
    proper: sums.propers > 0,
  };
}

function sameInfo(a: NameInfo, b: NameInfo): boolean {
  if (a.count !== b.count || a.words !== b.words || a.acronym !== b.acronym || a.place !== b.place || a.proper !== b.proper) return false;
  if (a.cues.person !== b.cues.person || a.cues.organization !== b.cues.organization || a.cues.place !== b.cues.place || a.cues.other !== b.cues.other) return false;
  if (a.forms.size !== b.forms.size || a.defines.size !== b.defines.size) return false;
  for (const [form, n] of a.forms) if (b.forms.get(form) !== n) return false;
  for (const abbreviation of a.defines) if (!b.defines.has(abbreviation)) return false;
  return true;
}
