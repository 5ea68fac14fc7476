/**
 * One entity, many names: merges the names found across the archive into entities. Merges, in order,
 * each explained where it happens: the curator's registry, the gazetteer's spellings of one place
 * (`US`, `U.S.`, `United States`), abbreviation definitions (`IRGC`), spelling variants of one word
 * (`Huthi` / `Houthis`), and short names that end a longer person's name (`Raisi` → `Ebrahim
 * Raisi`). A short name that could end several people's names is not merged on a guess: it stays
 * ambiguous and the mention finder settles it per article, or drops it.
 */
import { transliterate } from 'transliteration';
import type { EntityType } from '../../types.js';
import type { Gazetteer, GazetteerPlace } from './gazetteer.js';
import { nameKey } from './gazetteer.js';
import { ADJECTIVE_ENDING, ORGANIZATION_HEADS, OTHER_HEADS, PLACE_HEADS } from './lexicon.js';
import type { Registry, RegistryEntity } from './registry.js';
import { tokenize } from './tokens.js';

/** Everything seen of one name (one token key sequence) over the archive. */
export interface NameInfo {
  /** Token keys joined with spaces. */
  key: string;
  /** Each way it was written, with counts. */
  forms: Map<string, number>;
  /** Times found as a candidate (0 for names known only from the registry or the gazetteer). */
  count: number;
  /** Number of words. */
  words: number;
  /** Votes of the contexts it was found in. */
  cues: Record<EntityType, number>;
  /** A single all-caps word. */
  acronym: boolean;
  /** The gazetteer place it names. */
  place: GazetteerPlace | null;
  /** Abbreviations this name was defined as (`Name (ABBR)`). */
  defines: Set<string>;
  /** Every word of it is capitalised mid-sentence more often than not, across the archive. */
  proper: boolean;
}

/** An entity before its mentions are counted. */
export interface EntityGroup {
  /** Entity id: slug of the canonical name. */
  id: string;
  /** Canonical name. */
  name: string;
  /** Kind. */
  type: EntityType;
  /** Keys of every name that refers to it. */
  keys: string[];
  /** The registry entry that describes it, if any. */
  registry: RegistryEntity | null;
}

/** The merged names: entities, and which entity each name refers to. */
export interface Resolution {
  /** Entities, sorted by id. */
  groups: EntityGroup[];
  /** Entity ids by name key; several when a short name is ambiguous. */
  lookup: Map<string, string[]>;
  /** How each name may be written, as capitalisation patterns (`T` title, `U` all caps, `l` lower): `US` matches `U.S.` but not `us`. */
  shapes: Map<string, Set<string>>;
}

/** A new, empty NameInfo for `key`. */
export function newNameInfo(key: string, words: number): NameInfo {
  return { key, forms: new Map(), count: 0, words, cues: { person: 0, organization: 0, place: 0, other: 0 }, acronym: false, place: null, defines: new Set(), proper: false };
}

/** Merges names into entities. */
export function resolveNames(found: ReadonlyMap<string, NameInfo>, registry: Registry, gazetteer: Gazetteer): Resolution {
  const never = new Set(registry.never.map(nameKey));
  const separate = new Set(registry.separate.map(nameKey));
  const names = new Map<string, NameInfo>();
  for (const [key, info] of [...found].sort(byKey)) if (!never.has(key)) names.set(key, info);
  const sets = new DisjointSets();
  // The infos given are never changed (a watch session keeps them from build to build): one this
  // function must change is first copied, once (`own` holds the copies and the infos made here).
  const own = new Set<NameInfo>();
  const writable = (key: string): NameInfo => {
    const info = names.get(key)!;
    if (own.has(info)) return info;
    const copy = { ...info, forms: new Map(info.forms), cues: { ...info.cues }, defines: new Set(info.defines) };
    names.set(key, copy);
    own.add(copy);
    return copy;
  };
  const declare = (name: string): string => {
    const key = nameKey(name);
    let info = names.get(key);
    if (!info) {
      info = newNameInfo(key, key.split(' ').length);
      names.set(key, info);
      own.add(info);
    }
    const acronym = info.words === 1 && shapePattern(name) === 'U';
    if (!info.forms.has(name) || (acronym && !info.acronym)) {
      info = writable(key);
      if (!info.forms.has(name)) info.forms.set(name, 0);
      info.acronym ||= acronym;
    }
    return key;
  };

  // 1. The registry: a curator's word beats every guess.
  const registryByKey = new Map<string, RegistryEntity>();
  for (const entity of registry.entities) {
    const keys = [entity.name, ...entity.aliases].filter((name) => !never.has(nameKey(name))).map(declare);
    const [first] = keys;
    if (first === undefined) continue;
    for (const key of keys) if (!registryByKey.has(key)) registryByKey.set(key, entity);
    for (const key of keys) sets.union(first, key);
  }
  // 2. Gazetteer spellings of one place.
  // By key, each read as it is now: an info copied by `writable` during the loop is read as copied.
  for (const key of [...names.keys()]) {
    const info = names.get(key)!;
    if (!info.place || info.count === 0) continue;
    const canonical = declare(info.place.name);
    for (const name of info.place.names) if (!never.has(nameKey(name))) sets.union(canonical, declare(name));
    if (names.get(canonical)!.place !== info.place) writable(canonical).place = info.place;
  }
  // 3. Abbreviations defined once (`Islamic Revolutionary Guards Corps (IRGC)`); two different expansions leave it alone.
  const expansions = new Map<string, Set<string>>();
  for (const info of names.values()) for (const abbreviation of info.defines) expansions.set(abbreviation, (expansions.get(abbreviation) ?? new Set()).add(info.key));
  for (const [abbreviation, keys] of expansions) {
    const [expansion] = keys;
    if (keys.size === 1 && expansion !== undefined && names.has(abbreviation) && !separate.has(abbreviation)) sets.union(expansion, abbreviation);
  }
  // 4. Spelling variants of one word: same consonants, one letter apart, plural `s` ignored (`Huthi`, `Houthis`).
  const byConsonants = new Map<string, NameInfo[]>();
  for (const info of names.values()) {
    if (info.words !== 1 || info.acronym || info.place || info.count === 0 || separate.has(info.key) || info.key.length < 5) continue;
    const stem = singular(info.key);
    const skeleton = stem[0] + stem.slice(1).replace(/[aeiouy]/g, '');
    append(byConsonants, skeleton, info);
  }
  for (const bucket of byConsonants.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const a = bucket[i] as NameInfo;
        const b = bucket[j] as NameInfo;
        if (editDistanceAtMostOne(singular(a.key), singular(b.key))) sets.union(a.key, b.key);
      }
    }
  }
  // 5. Short names that end exactly one person's full name (`Raisi`, `Amir-Abdollahian`, `Ali Khamenei`).
  const fullNamesByLastWord = new Map<string, NameInfo[]>();
  for (const info of names.values()) {
    if (info.words < 2 || !clearlyPerson(info)) continue;
    const last = info.key.split(' ').at(-1) ?? '';
    append(fullNamesByLastWord, last, info);
  }
  const ambiguous = new Map<string, string[]>();
  for (const info of names.values()) {
    if (info.acronym || info.place || separate.has(info.key) || info.count === 0 || registryByKey.has(info.key)) continue;
    if (info.words === 1 && info.cues.person === 0 && ADJECTIVE_ENDING.test(info.key)) continue; // `European`, not a surname
    const last = info.key.split(' ').at(-1) ?? '';
    // A word used far more often alone than in the full name is a name of its own (`Scotland`, not `Jason Scotland`).
    const longer = (fullNamesByLastWord.get(last) ?? []).filter(
      (full) => full.words > info.words && full.key.endsWith(` ${info.key}`) && info.count <= 10 * full.count,
    );
    const roots = [...new Set(longer.map((full) => sets.find(full.key)))].sort();
    if (roots.length === 1) sets.union(roots[0] as string, info.key);
    else if (roots.length > 1) ambiguous.set(info.key, roots);
  }

  // 6. `Exchequer Gordon Brown`, `Conservative Michael Howard`: a word glued before a known person's name.
  for (const info of [...names.values()]) {
    if (info.words < 3 || info.count === 0 || registryByKey.has(info.key) || info.cues.organization > 0 || info.cues.place > 0) continue;
    const parts = info.key.split(' ');
    for (let cut = 1; cut <= parts.length - 2; cut++) {
      const rest = names.get(parts.slice(cut).join(' '));
      if (rest && rest.count > 0 && clearlyPerson(rest) && sets.find(info.key) === info.key) {
        names.delete(info.key);
        break;
      }
    }
  }

  // Entities: one per set that holds a name actually found, or a registry entry.
  const members = new Map<string, NameInfo[]>();
  for (const info of names.values()) {
    if (ambiguous.has(info.key)) continue;
    const root = sets.find(info.key);
    append(members, root, info);
  }
  // Evidence a name is a person's, from the archive itself: surnames used alone, and first names of people a title named.
  const standalone = new Set([...names.values()].filter((info) => info.words === 1 && info.count > 0).map((info) => info.key));
  for (const info of names.values()) if (info.words >= 2 && info.cues.person > 0 && clearlyPerson(info)) standalone.add(`${info.key.split(' ')[0]} `);
  const drafts = [...members].map(([root, infos]) => draftGroup(infos, findRegistry(infos, registryByKey), standalone, root));
  drafts.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const used = new Set<string>();
  const idByRoot = new Map<string, string>();
  const groups: EntityGroup[] = [];
  for (const draft of drafts) {
    if (draft.infos.every((info) => info.count === 0) && !draft.group.registry) continue;
    const id = uniqueId(slug(draft.group.name), draft.group.type, used);
    idByRoot.set(draft.root, id);
    // Field by field, not `{ ...draft.group, id }` (see README, "Development": one hidden class per object).
    const { group } = draft;
    groups.push({ name: group.name, type: group.type, keys: group.keys, registry: group.registry, id });
  }
  const lookup = new Map<string, string[]>();
  const shapes = new Map<string, Set<string>>();
  for (const group of groups) for (const key of group.keys) lookup.set(key, [group.id]);
  for (const [key, roots] of ambiguous) {
    const ids = roots.map((root) => idByRoot.get(sets.find(root))).filter((id): id is string => id !== undefined);
    if (ids.length > 0) lookup.set(key, [...new Set(ids)].sort());
  }
  for (const info of names.values()) shapes.set(info.key, new Set([...info.forms.keys()].map(shapePattern)));
  groups.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { groups, lookup, shapes };
}

interface Draft {
  root: string;
  sortKey: string;
  infos: NameInfo[];
  group: Omit<EntityGroup, 'id'>;
}

function draftGroup(infos: NameInfo[], registry: RegistryEntity | null, standalone: ReadonlySet<string>, root: string): Draft {
  const found = infos.filter((info) => info.count > 0);
  const place = [...infos].sort((a, b) => b.count - a.count || compare(a.key, b.key)).find((info) => info.place)?.place ?? null;
  const expansion = found.filter((info) => info.defines.size > 0).sort((a, b) => b.count - a.count || compare(a.key, b.key))[0];
  const best = [...(found.length > 0 ? found : infos)].sort(
    (a, b) => Number(a.acronym) - Number(b.acronym) || b.words - a.words || b.count - a.count || compare(a.key, b.key),
  )[0] as NameInfo;
  const name = registry?.name ?? place?.name ?? displayForm(expansion ?? best);
  return { root, sortKey: nameKey(name), infos, group: { name, type: registry?.type ?? typeOf(infos, place, standalone), keys: infos.map((info) => info.key).sort(), registry } };
}

/** `standalone` holds surnames used alone (`miller`) and, with a trailing space, first names of titled people (`john `). */
function typeOf(infos: NameInfo[], place: GazetteerPlace | null, standalone: ReadonlySet<string>): EntityType {
  if (place) return 'place';
  const votes: Record<EntityType, number> = { person: 0, organization: 0, place: 0, other: 0 };
  for (const info of infos) for (const kind of ['person', 'organization', 'place'] as const) votes[kind] += info.cues[kind];
  // A kind counts when at least a fifth of the name's uses point to it: one stray cue among fifty proves little.
  const total = infos.reduce((sum, info) => sum + info.count, 0);
  const ranked = (['place', 'person', 'organization'] as const).filter((kind) => votes[kind] > 0 && votes[kind] * 5 >= total).sort((a, b) => votes[b] - votes[a]);
  if (ranked[0]) return ranked[0];
  // No context said what it is: a two-to-four-word name reads as a person's when its last word also
  // stands alone (`… Miller said`) or its first word starts the name of someone a title named (`John …`).
  const person = infos.some((info) => {
    if (info.count === 0 || info.words < 2 || !personShaped(info)) return false;
    const words = info.key.split(' ');
    return standalone.has(words.at(-1) ?? '') || (info.proper && standalone.has(`${words[0]} `));
  });
  return person ? 'person' : 'other';
}

/** A full name that reads as a person's: a title named it so in a fifth of its uses, or two proper words shaped like a person's name. */
function clearlyPerson(info: NameInfo): boolean {
  if (info.cues.person > 0 && info.cues.person * 5 >= info.count) return true;
  // `English Premiership`, `South Asian`: a word like an adjective makes it something else.
  const adjective = info.key.split(' ').some((word) => ADJECTIVE_ENDING.test(word));
  return info.words === 2 && info.proper && !adjective && info.cues.organization === 0 && info.cues.place === 0 && personShaped(info);
}

/** A name that could be a person's: two to four capitalised words, no organisation or place head noun, no context against it. */
function personShaped(info: NameInfo): boolean {
  if (info.cues.person > 0) return true;
  if (info.cues.organization > 0 || info.cues.place > 0 || info.place || info.acronym || info.words > 4) return false;
  const last = info.key.split(' ').at(-1) ?? '';
  return !ORGANIZATION_HEADS.has(last) && !PLACE_HEADS.has(last) && !OTHER_HEADS.has(last) && [...info.forms.keys()].some((form) => /^T+$/.test(shapePattern(form)));
}

function findRegistry(infos: NameInfo[], registryByKey: ReadonlyMap<string, RegistryEntity>): RegistryEntity | null {
  const entries = infos.map((info) => registryByKey.get(info.key)).filter((entry): entry is RegistryEntity => entry !== undefined);
  return entries.sort((a, b) => a.line - b.line)[0] ?? null;
}

/** The most frequent way a name was written. */
function displayForm(info: NameInfo): string {
  return [...info.forms].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0]?.[0] ?? info.key;
}

/** Capitalisation pattern of a name: one letter per word, `U` all caps, `T` capitalised, `l` lower case. */
export function shapePattern(name: string): string {
  let pattern = shapePatterns.get(name);
  if (pattern === undefined) {
    // Bounded: a long watch session sees new spellings; starting over costs only some tokenizing.
    if (shapePatterns.size >= MAX_SHAPE_PATTERNS) shapePatterns.clear();
    shapePatterns.set(name, (pattern = patternOf(name)));
  }
  return pattern;
}

/** Each name's pattern, remembered: every build asks again for every spelling in the archive. */
const shapePatterns = new Map<string, string>();
const MAX_SHAPE_PATTERNS = 200_000;

function patternOf(name: string): string {
  return tokenize(name)
    .map((token) => (token.shape === 'upper' ? 'U' : token.shape === 'lower' ? 'l' : 'T'))
    .join('');
}

/** URL-safe id from a name: ASCII letters, digits and hyphens. */
export function slug(name: string): string {
  let found = slugs.get(name);
  if (found === undefined) {
    // Bounded like `shapePatterns`: a watch session resolves every name again after an edit that changes names.
    if (slugs.size >= MAX_SHAPE_PATTERNS) slugs.clear();
    slugs.set(name, (found = transliterate(name).toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'entity'));
  }
  return found;
}

/** Each name's slug, remembered (transliterating is the costliest step of naming an entity). */
const slugs = new Map<string, string>();

function uniqueId(base: string, type: EntityType, used: Set<string>): string {
  let id = used.has(base) ? `${base}-${type}` : base;
  for (let n = 2; used.has(id); n++) id = `${base}-${type}-${n}`;
  used.add(id);
  return id;
}

function singular(key: string): string {
  return key.length > 4 && key.endsWith('s') && !key.endsWith('ss') ? key.slice(0, -1) : key;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Adds `item` to the list under `key` (in place: copying the list on every add is quadratic in its length). */
function append<T>(lists: Map<string, T[]>, key: string, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byKey<T>(a: [string, T], b: [string, T]): number {
  return compare(a[0], b[0]);
}

/** Union-find over name keys; the smaller key is the root, so the result does not depend on order. */
class DisjointSets {
  private readonly parent = new Map<string, string>();

  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) as string;
    let node = key;
    while (node !== root) {
      const next = this.parent.get(node) as string;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}
