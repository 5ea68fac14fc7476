/**
 * The Nunjucks environment: autoescaping on, templates from the configured folder, and the few
 * filters templates need to stay free of logic.
 */
import nunjucks from 'nunjucks';
import type { Config } from '../config.js';
import { formatDate } from './formatDate.js';
import { linkTarget } from './page.js';
import { jsonForScript } from './jsonForScript.js';
import { installNunjucksEscape } from './nunjucksEscape.js';
import { installFrameSet } from './nunjucksFrame.js';
import { installMemberLookup } from './nunjucksMemberLookup.js';

installNunjucksEscape();
installFrameSet();
installMemberLookup();

/** Variables every template gets (besides what its page kind passes). */
export interface PageContext {
  /** Relative prefix from the page to the site root. */
  root: string;
  /** The page's own path relative to the site root (`articles/x/`). */
  url: string;
  [key: string]: unknown;
}

/** How the environment loads templates. */
export interface EnvironmentOptions {
  /**
   * Re-read and recompile every template on every render. Off by default: a build makes its own
   * environment, so compiled templates cannot go stale within it, and compiling once instead of
   * per page is most of the render stage's time. A long-lived environment (a dev server keeping
   * one across rebuilds) turns it on, or makes a fresh environment per build.
   */
  noCache?: boolean;
}

export function createEnvironment(config: Pick<Config, 'templates' | 'portable' | 'baseUrl'>, options: EnvironmentOptions = {}): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(config.templates, { noCache: options.noCache ?? false }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  /** `{{ 'articles/x/' | url }}`: a link relative to the current page (naming index.html in portable sites). */
  env.addFilter('url', function (this: { ctx: PageContext }, target: string) {
    const link = `${this.ctx.root}${linkTarget(target, config.portable)}`;
    return link === '' ? './' : link;
  });
  /** `{{ 'articles/x/' | absoluteUrl }}`: the public address of a page, or '' without a base URL. */
  env.addFilter('absoluteUrl', (target: string) => (config.baseUrl ? `${config.baseUrl}${target}` : ''));
  /** `{{ article.date | date(article.datePrecision) }}`: a date at its precision. */
  env.addFilter('date', (date: string | null, precision?: 'day' | 'month' | 'year' | null) => formatDate(date, precision));
  /** `{{ data | jsonScript }}`: JSON safe inside a `<script>` element. */
  env.addFilter('jsonScript', (value: unknown) => new nunjucks.runtime.SafeString(jsonForScript(value)));
  return env;
}
