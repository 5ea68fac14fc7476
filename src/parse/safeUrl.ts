/**
 * Links from untrusted articles: only web, mail and relative addresses survive. Everything else
 * (`javascript:`, `data:`, `vbscript:`, and the same hidden behind entities, control characters or
 * white space) is dropped, which is how browsers themselves decide what a scheme is.
 */

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Returns the URL when it is safe to put in an `href`, otherwise null. */
export function safeUrl(raw: string): string | null {
  // Browsers ignore ASCII control characters and white space when they read a scheme.
  // eslint-disable-next-line no-control-regex
  const compact = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  if (scheme) return ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase()) ? raw.trim() : null;
  // No valid scheme. A colon before any path or query separator still means someone tried to write
  // one ("&#106;avascript:", "%6Aavascript:"): refuse rather than guess how a browser will read it.
  const colon = compact.indexOf(':');
  const separator = compact.search(/[/?]|(?<!&)#/);
  if (colon !== -1 && (separator === -1 || colon < separator)) return null;
  return raw.trim();
}

/** True for http(s) URLs only: what may be shown as an article's original address. */
export function isWebUrl(raw: string): boolean {
  return /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(raw.trim());
}
