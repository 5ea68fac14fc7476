/**
 * Where the gazetteer comes from: the `world-countries` package (names, official names, English
 * spellings and demonyms of 250 countries, from mledoze/countries, with their regions) and the
 * `city-timezones` package (the Natural Earth populated places, about 7,300 cities with population
 * and province). `gazetteerData()` applies the rules below and returns the compact table that
 * `scripts/gazetteer.mjs` writes to `gazetteerData.ts`. Only that script and a test call this; the
 * build reads the generated table.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { nameKey, type GazetteerData, type GazetteerPlace } from './gazetteer.js';

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

/** Derives the table from the two packages. */
export function gazetteerData(): GazetteerData {
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
  const places = [...new Set(byKey.values())];
  const index = new Map(places.map((place, i) => [place, i]));
  return {
    places: places.map((place) => [place.name, place.kind, place.names]),
    keys: [...byKey].map(([key, place]): [string, number] => [key, index.get(place) as number]).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    demonyms: [...demonyms].sort(),
    countryWords: [...countryWords].sort(),
  };
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
