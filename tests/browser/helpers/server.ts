/**
 * A tiny static file server for a built site, started by the browser tests on a free local port.
 * It serves `folder/index.html` for `folder/`, answers 404 with the site's own 404.html, refuses
 * paths that leave the root, and records every request so tests can check none was unexpected.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** One request the server answered. */
export interface ServedRequest {
  /** The request path, decoded, without the query. */
  path: string;
  /** The status answered. */
  status: number;
}

/** A running server for one site folder. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT/`, with the trailing slash. */
  origin: string;
  /** Every request answered so far, in order. */
  requests: ServedRequest[];
  /** Stops the server. */
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The file a request path names inside `root`, or null when there is none (or it escapes `root`). */
export function fileFor(root: string, requestPath: string): string | null {
  const wanted = path.resolve(root, `.${requestPath}`);
  if (wanted !== root && !wanted.startsWith(root + path.sep)) return null;
  const candidate = requestPath.endsWith('/') ? path.join(wanted, 'index.html') : wanted;
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : null;
}

export async function serveFolder(folder: string): Promise<StaticServer> {
  const root = path.resolve(folder);
  const requests: ServedRequest[] = [];
  const server: Server = createServer((request, response) => {
    let requestPath: string;
    try {
      requestPath = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      requestPath = '\0';
    }
    const file = fileFor(root, requestPath);
    const notFound = fileFor(root, '/404.html');
    const status = file ? 200 : 404;
    requests.push({ path: requestPath, status });
    const served = file ?? notFound;
    response.writeHead(status, { 'content-type': served ? (TYPES[path.extname(served)] ?? 'application/octet-stream') : 'text/plain' });
    if (request.method === 'HEAD') response.end();
    else if (served) createReadStream(served).pipe(response);
    else response.end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
