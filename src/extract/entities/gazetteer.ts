/**
 * Country and city names from published data sets, not typed by hand: `world-countries` (names,
 * official names, English spellings and demonyms of 250 countries, from mledoze/countries) and
 * `city-timezones` (the Natural Earth populated places, about 7,300 cities with their population).
 * Loaded once, lazily, and reduced to what the extractor needs: a map from the token keys of a
 * place name to the place's canonical name.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tokenize } from './tokens.js';

/** One place the gazetteer knows. */
export interface GazetteerPlace {
  /** The place's usual English name (`United States`, `Tehran`). */
  name: string;
  /** `country` or `city`: countries are trusted even at the start of a sentence, cities only when seen mid-sentence too. */
  kind: 'country' | 'city';
  /** Every name that refers to it, the usual one included (`US`, `USA`, `United States of America`). */
  names: string[];
}

/** The reduced gazetteer. */
export interface Gazetteer {
  /** Place by the token keys of one of its names joined with spaces (`united states`, `us`). */
  byKey: ReadonlyMap<string, GazetteerPlace>;
  /** Token keys of demonyms (`iranian`, `american`): adjectives, never mentions of the place. */
  demonyms: ReadonlySet<string>;
  /** Token keys of single-word country names, used to split compounds like `US-Iran`. */
  countryWords: ReadonlySet<string>;
}

interface CountryRecord {
  name: { common: string; official: string };
  region: string;
  subregion: string;
  cca2: string;
  cca3: string;
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

interface CityRecord {
  city: string;
  pop: number;
  province?: string;
}

/** Cities below this population are left out: small towns share their names with too many words and people. */
const MIN_CITY_POPULATION = 150_000;

let cached: Gazetteer | undefined;

/** The gazetteer, built on first use. */
export function loadGazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}

/** Joins the token keys of a name: the form every lookup in the extractor uses. */
export function nameKey(name: string): string {
  // Most names are plain ASCII words: their key is the lower-cased words (the tokenizer gives the same).
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(name)) return name.toLowerCase();
  return tokenize(name)
    .map((token) => token.key)
    .filter((key) => key !== '')
    .join(' ');
}

function buildGazetteer(): Gazetteer {
  // The packages' JSON files parsed directly: four times faster than loading them as modules.
  const require = createRequire(import.meta.url);
  const json = <T>(pkg: string, file: string): T => JSON.parse(readFileSync(path.join(path.dirname(require.resolve(pkg)), file), 'utf8')) as T;
  const countries = json<CountryRecord[]>('world-countries', 'countries.json');
  const cities = json<CityRecord[]>('city-timezones', 'data/cityMap.json');
  const byKey = new Map<string, GazetteerPlace>();
  const demonyms = new Set<string>();
  const countryWords = new Set<string>();
  const add = (place: GazetteerPlace): void => {
    for (const name of place.names) {
      const key = nameKey(name);
      if (key !== '' && !byKey.has(key)) byKey.set(key, place);
    }
  };
  for (const country of [...countries].sort((a, b) => (a.cca3 < b.cca3 ? -1 : 1))) {
    const place: GazetteerPlace = { name: country.name.common, kind: 'country', names: countryNames(country) };
    add(place);
    for (const name of place.names) if (!name.includes(' ')) countryWords.add(nameKey(name));
    const demonym = country.demonyms?.eng;
    if (demonym) for (const form of [demonym.m, demonym.f]) demonyms.add(nameKey(form));
  }
  // Continents and regions (`Africa`, `Western Asia`) are places readers name as often as countries.
  for (const region of [...new Set(countries.flatMap((country) => [country.region, country.subregion]))].sort()) {
    if (region.length >= 4) add({ name: region, kind: 'country', names: [region] });
  }
  const seen = new Set<string>();
  for (const city of [...cities].sort((a, b) => b.pop - a.pop || (a.city < b.city ? -1 : 1))) {
    if (city.pop < MIN_CITY_POPULATION || seen.has(city.city)) continue;
    seen.add(city.city);
    // `Washington, D.C.` is also written `Washington`.
    const base = city.city.split(',')[0]?.trim() ?? city.city;
    if (base.replace(/[^\p{L}]/gu, '').length < 4) continue;
    add({ name: base, kind: 'city', names: base === city.city ? [base] : [base, city.city] });
  }
  // Provinces and states of those cities (`Kerman`, `California`, `Merseyside`).
  for (const city of cities) {
    const province = city.province?.trim() ?? '';
    if (city.pop >= MIN_CITY_POPULATION && province.replace(/[^\p{L}]/gu, '').length >= 4 && !/\d/.test(province)) {
      add({ name: province, kind: 'city', names: [province] });
    }
  }
  for (const key of demonyms) byKey.delete(key);
  return { byKey, demonyms, countryWords };
}

/**
 * The English names of a country. Two- and three-letter codes are names only when prose uses them:
 * an alternative spelling in capitals other than the ISO alpha-2 code (`UK`, `UAE`, `DRC`), or the
 * alpha-2 code of a country whose alpha-3 code is also listed as a spelling (`US` beside `USA`).
 * This keeps `IS` (Iceland) and `IN` (India) out, which prose uses as words.
 */
function countryNames(country: CountryRecord): string[] {
  const names = [country.name.common, country.name.official];
  for (const spelling of country.altSpellings) {
    if (/^[A-Z]{2,4}$/.test(spelling)) {
      if (spelling !== country.cca2 || country.altSpellings.includes(country.cca3)) names.push(spelling);
    } else if (spelling.includes(country.name.common) && /^[\p{L} .'-]+$/u.test(spelling) && !spelling.includes(',')) {
      names.push(spelling);
    } else {
      // `Republic of Turkey` → `Turkey`, `Great Britain` → `Britain`: the short English name inside a formal one.
      const short = /^(?:(?:The )?(?:Republic|Kingdom|State|Commonwealth|Federation|Union) of |Great )([A-Z][a-z]+(?: [A-Z][a-z]+)?)$/.exec(spelling)?.[1];
      if (short) names.push(short, ...(spelling.startsWith('Great ') ? [spelling] : []));
    }
  }
  return [...new Set(names)];
}
