/** The seed articles (or any folder) through the real read and parse stages, for extractor tests. */
import { readFileSync } from 'node:fs';
import { assignUrls } from '../../src/parse/assignUrls.js';
import { parseArticle } from '../../src/parse/parseArticle.js';
import { readSources } from '../../src/read/readSources.js';
import type { Article } from '../../src/types.js';
import { REPO } from './project.js';

/** Parsed articles of `folder`, plus the text of its `entities.yml` when it has one. */
export function parsedFolder(folder: string): { articles: Article[]; registryText: string | null } {
  const read = readSources(folder, REPO);
  const drafts = read.sources.map((source) => parseArticle(source).article).filter((article): article is Article => article !== null);
  return { articles: assignUrls(drafts, (article) => article.sourcePath).articles, registryText: read.registryPath ? readFileSync(read.registryPath, 'utf8') : null };
}
