/**
 * The preview server: the output folder through `sirv` (content types, no directory listings,
 * `404.html` for missing pages), the reload client and its event stream, and the error page while
 * the latest build has errors. HTML responses get the reload tag on the way out; the files on disk
 * never do. Bound to 127.0.0.1 unless told otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';
import type { Diagnostic } from '../errors.js';
import { errorPage } from './errorPage.js';
import { injectReloadTag, RELOAD_CLIENT, RELOAD_EVENTS_URL, RELOAD_SCRIPT_URL } from './reloadClient.js';
import { safeRequestPath, staysInside } from './requestPath.js';

/** Ports tried after the requested one when it is taken. */
const PORT_ATTEMPTS = 20;

export interface DevServerOptions {
  /** Address to bind. */
  host: string;
  /** Port to listen on; the next free one is used when it is taken; 0 for any free port. */
  port: number;
  /** The folder to serve, asked on each request since a settings change may move it; null serves nothing (no good build yet). */
  root: () => string | null;
  /** The latest build's errors, or an empty list when it succeeded. */
  errors: () => readonly Diagnostic[];
}

/** A running preview server. */
export interface DevServer {
  /** The address to open, `http://127.0.0.1:8080/`. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** Tells every open page to reload. */
  reload(): void;
  /** Stops the server and ends every open event stream. */
  close(): Promise<void>;
}

export async function startServer(options: DevServerOptions): Promise<DevServer> {
  const clients = new Set<ServerResponse>();
  let generation = 0;
  let served: { root: string; handler: ReturnType<typeof sirv> } | null = null;
  const staticFiles = (root: string) => {
    // dev: look files up on every request, since rebuilds add and remove them.
    if (served?.root !== root) served = { root, handler: sirv(root, { dev: true, extensions: ['html'], dotfiles: false }) };
    return served.handler;
  };

  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n');
    const requestPath = safeRequestPath(req.url ?? '/');
    if (requestPath === RELOAD_SCRIPT_URL) return send(res, 200, 'text/javascript; charset=utf-8', RELOAD_CLIENT);
    if (requestPath === RELOAD_EVENTS_URL) return openEventStream(req, res, clients);
    const root = options.root();
    if (requestPath === null) return notFound(root, res);
    // While the latest build has errors, pages show them (even before the first good build).
    const errors = options.errors();
    if (errors.length > 0 && looksLikePage(requestPath)) {
      res.setHeader('Content-Security-Policy', "default-src 'self'; style-src 'unsafe-inline'");
      return send(res, 500, 'text/html; charset=utf-8', errorPage(errors, RELOAD_SCRIPT_URL));
    }
    if (root === null || !existsSync(root) || !staysInside(root, requestPath)) return notFound(root, res);
    delete req.headers.range; // the reload tag changes HTML lengths; a preview needs no ranges
    injectIntoHtml(res);
    staticFiles(root)(req, res, () => notFound(root, res));
  });

  const port = await listen(server, options.host, options.port);
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/`,
    port,
    reload() {
      generation++;
      for (const client of clients) client.write(`event: reload\ndata: ${generation}\n\n`);
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Listens on `port`, or on the next free one when it is taken. */
async function listen(server: http.Server, host: string, port: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const candidate = port === 0 ? 0 : port + attempt;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(candidate, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!inUse || port === 0 || attempt + 1 >= PORT_ATTEMPTS || candidate >= 65535) throw error;
    }
  }
}

function openEventStream(req: IncomingMessage, res: ServerResponse, clients: Set<ServerResponse>): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  clients.add(res);
  req.on('close', () => clients.delete(res));
}

/** The site's 404.html (with the reload tag), or a line of text when the site has none. */
function notFound(root: string | null, res: ServerResponse): void {
  if (root !== null && existsSync(path.join(root, '404.html')) && staysInside(root, '/404.html')) {
    return send(res, 404, 'text/html; charset=utf-8', injectReloadTag(readFileSync(path.join(root, '404.html'), 'utf8')));
  }
  send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
}

/** Paths that are pages rather than assets: folders, .html files, and names without an extension. */
function looksLikePage(requestPath: string): boolean {
  const last = requestPath.slice(requestPath.lastIndexOf('/') + 1);
  return last === '' || last.endsWith('.html') || !last.includes('.');
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  const bytes = Buffer.from(body);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.length, 'Cache-Control': 'no-store' });
  res.end(bytes);
}

/**
 * Lets sirv send the file as usual, but holds back an HTML body to add the reload tag (and fix its
 * length) before it goes out. Other types pass straight through.
 */
function injectIntoHtml(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  const write = res.write.bind(res) as (chunk: unknown) => boolean;
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  let held: { status: number; headers: OutgoingHttpHeaders; chunks: Buffer[] } | null = null;
  const patched = res as unknown as Record<'writeHead' | 'write' | 'end', unknown>;
  patched.writeHead = (status: number, headers: OutgoingHttpHeaders = {}) => {
    const type = String(headers['Content-Type'] ?? res.getHeader('content-type') ?? '');
    if (!type.startsWith('text/html')) return writeHead(status, headers);
    const { ['Content-Length']: _dropped, ...rest } = headers;
    held = { status, headers: rest, chunks: [] };
    return res;
  };
  patched.write = (chunk: unknown) => {
    if (!held) return write(chunk);
    held.chunks.push(Buffer.from(chunk as Uint8Array));
    return true;
  };
  patched.end = (chunk?: unknown) => {
    if (!held) return end(chunk);
    if (chunk && typeof chunk !== 'function') held.chunks.push(Buffer.from(chunk as Uint8Array));
    const body = Buffer.from(injectReloadTag(Buffer.concat(held.chunks).toString('utf8')));
    writeHead(held.status, { ...held.headers, 'Content-Length': body.length });
    return end(body);
  };
}
