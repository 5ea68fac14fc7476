/**
 * The browser side of live reload, served as its own same-origin file (the site's
 * Content-Security-Policy allows no inline script) and added to HTML responses only while serving.
 */

/** URL of the reload client. */
export const RELOAD_SCRIPT_URL = '/__dossier/reload.js';
/** URL of the server-sent events stream that says when to reload. */
export const RELOAD_EVENTS_URL = '/__dossier/events';

/** The client: reload on every `reload` event. EventSource reconnects by itself if the server restarts. */
export const RELOAD_CLIENT = `// Dossier live reload: served by "dossier serve" only, never part of the built site.
(() => {
  const events = new EventSource(${JSON.stringify(RELOAD_EVENTS_URL)});
  events.addEventListener('reload', () => location.reload());
})();
`;

/** The tag added to every HTML page served. */
export const RELOAD_TAG = `<script src="${RELOAD_SCRIPT_URL}" defer></script>`;

/** `html` with the reload tag before `</head>` (or `</body>`, or at the end). */
export function injectReloadTag(html: string): string {
  // The first </head> is the real one (text in the body is escaped); failing that, the last </body>.
  const head = html.indexOf('</head>');
  const at = head !== -1 ? head : html.lastIndexOf('</body>');
  return at === -1 ? `${html}${RELOAD_TAG}\n` : `${html.slice(0, at)}${RELOAD_TAG}\n${html.slice(at)}`;
}
