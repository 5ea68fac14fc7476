/**
 * The search index of a portable site. Opened from disk (file://), browsers refuse the module
 * import and the fetches Pagefind needs, but still run classic scripts from the same folder. So a
 * portable build also writes `search/portable-index.js`: the titles, dates, summaries and entities
 * of every article, assigned to `window.DOSSIER_SEARCH`, which the search page searches by word.
 * It is a fallback, not a full-text index: body text would make the file as large as the archive.
 */
import type { Config } from '../config.js';
import type { Archive } from '../link/archive.js';
import { relativeUrl } from '../publish/links.js';
import { entitiesByArticle, searchFilters } from '../publish/templateFilters.js';
import { formatDate } from '../render/formatDate.js';
import { jsonForScript } from '../render/jsonForScript.js';
import type { Page } from '../render/page.js';

/** Path of the portable index in the site. */
export const PORTABLE_INDEX = 'search/portable-index.js';

/** One article in the portable index. */
export interface PortableRecord {
  /** The headline. */
  title: string;
  /** The article's file relative to the site root (`articles/x/index.html`). */
  url: string;
  /** The date as readers see it, or '' when unknown. */
  date: string;
  /** The publication year, or null. */
  year: string | null;
  /** The listing summary. */
  summary: string;
  /** Mentioned entities: filter name (type label) and name. */
  entities: { filter: string; name: string }[];
}

export function portableIndexPage(archive: Archive, config: Pick<Config, 'portable'>): Page {
  const mentioned = entitiesByArticle(archive);
  const records: PortableRecord[] = archive.articles.map((article) => {
    const filters = searchFilters(article, mentioned.get(article.id) ?? []);
    return {
      title: article.title,
      url: relativeUrl(config, '', article.url),
      date: formatDate(article.date, article.datePrecision),
      year: filters.year,
      summary: article.summary,
      entities: filters.entities,
    };
  });
  return { path: PORTABLE_INDEX, content: `window.DOSSIER_SEARCH = ${jsonForScript(records)};\n` };
}
