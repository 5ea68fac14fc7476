/**
 * The preview server end to end, with the real watcher: safe serving (traversal, links out, hidden
 * files, content types, 404), the reload event after a change, and the error page on a broken edit
 * with recovery once it is fixed.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { DevSession } from '../src/dev/devSession.js';
import { RELOAD_TAG } from '../src/dev/reloadClient.js';
import { escapeHtml } from '../src/render/escape.js';
import { startServer, type DevServer } from '../src/dev/server.js';
import { tempProject } from './helpers/devProject.js';

interface Reply {
  status: number;
  type: string;
  body: string;
}

/** A raw GET (no URL normalisation on the client side, so `..` reaches the server as sent). */
function get(server: DevServer, rawPath: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Listens to the reload stream; `next()` resolves on the next reload event. */
function listenForReloads(server: DevServer): Promise<{ next: (timeoutMs?: number) => Promise<void>; close: () => void }> {
  return new Promise((resolve, reject) => {
    const waiting: (() => void)[] = [];
    let seen = 0;
    let consumed = 0;
    const req = http.get({ host: '127.0.0.1', port: server.port, path: '/__dossier/events' }, (res) => {
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        seen += text.split('event: reload').length - 1;
        while (seen > consumed && waiting.length > 0) {
          consumed++;
          waiting.shift()!();
        }
      });
      resolve({
        next: (timeoutMs = 10_000) =>
          new Promise<void>((done, fail) => {
            if (seen > consumed) {
              consumed++;
              return done();
            }
            const timer = setTimeout(() => fail(new Error('no reload event')), timeoutMs);
            waiting.push(() => {
              clearTimeout(timer);
              done();
            });
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

let config: Config;
let session: DevSession;
let server: DevServer;
/** What the session printed. */
const terminal: string[] = [];

beforeAll(async () => {
  config = tempProject();
  writeFileSync(path.join(config.root, 'secret.txt'), 'TOP SECRET outside the output folder');
  session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, quietMs: 10, searchQuietMs: 1, write: (text) => terminal.push(text) });
  server = await startServer({ host: '127.0.0.1', port: 0, root: () => session.siteFolder, errors: () => (session.status.ok ? [] : session.status.diagnostics) });
  session.onBuilt(() => server.reload());
});

afterAll(async () => {
  await server?.close();
  await session?.close();
});

describe('serving', () => {
  it('binds where it is told and serves pages with the reload tag, which is never written to disk', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get(server, '/');
    expect(home.status).toBe(200);
    expect(home.type).toBe('text/html;charset=utf-8');
    expect(home.body).toContain(RELOAD_TAG);
    expect(readFileSync(path.join(config.output, 'index.html'), 'utf8')).not.toContain('__dossier');
    const client = await get(server, '/__dossier/reload.js');
    expect(client.type).toMatch(/^text\/javascript/);
    expect(client.body).toContain('EventSource');
  });

  it('gives the right content types', async () => {
    const article = (readdirArticles())[0]!;
    expect((await get(server, `/articles/${article}/`)).type).toMatch(/^text\/html/);
    expect((await get(server, '/style.css')).type).toBe('text/css');
    expect((await get(server, '/favicon.svg')).type).toBe('image/svg+xml');
    expect((await get(server, '/data/articles.json')).type).toBe('application/json');
  });

  it('answers missing pages with the site\'s 404.html, status 404', async () => {
    const missing = await get(server, '/articles/no-such-article/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Page not found');
    expect(missing.body).toContain(RELOAD_TAG);
  });

  it('never serves anything outside the output folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/articles/..%2f..%2fsecret.txt',
      '/articles/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/./../secret.txt',
      '/%00/../secret.txt',
      '/%zz',
    ];
    for (const attempt of attempts) {
      const reply = await get(server, attempt);
      expect(reply.status, attempt).toBe(404);
      expect(reply.body, attempt).not.toContain('TOP SECRET');
    }
  });

  it('does not follow links that lead out of the output folder, nor serve hidden files or list folders', async () => {
    symlinkSync(path.join(config.root, 'secret.txt'), path.join(config.output, 'leak.txt'));
    symlinkSync(config.root, path.join(config.output, 'leakdir'));
    mkdirSync(path.join(config.output, 'empty-folder'));
    for (const attempt of ['/leak.txt', '/leakdir/secret.txt', '/leakdir/', '/.dossier-manifest.json', '/empty-folder/', '/articles/']) {
      const reply = await get(server, attempt);
      expect(reply.status, attempt).toBe(404);
      expect(reply.body, attempt).not.toContain('TOP SECRET');
      expect(reply.body, attempt).not.toContain('"files"');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get(server, '/', 'POST')).status).toBe(405);
    expect((await get(server, '/', 'HEAD')).status).toBe(200);
  });
});

describe('before the first good build', () => {
  it('shows the error page for pages and serves no file at all, whatever the output folder holds', async () => {
    const broken = tempProject();
    writeFileSync(path.join(broken.input, 'broken.md'), '---\ntitle: [oops\n---\n\nBody.\n');
    const failing = await DevSession.start({ config: broken, reloadConfig: () => broken, cwd: broken.root, watch: false, write: () => {} });
    const early = await startServer({ host: '127.0.0.1', port: 0, root: () => failing.siteFolder, errors: () => (failing.status.ok ? [] : failing.status.diagnostics) });
    try {
      mkdirSync(broken.output, { recursive: true });
      writeFileSync(path.join(broken.output, 'leftover.txt'), 'not from a good build');
      expect((await get(early, '/')).status).toBe(500);
      expect((await get(early, '/')).body).toContain('seeds/broken.md:');
      expect((await get(early, '/leftover.txt')).status).toBe(404);
    } finally {
      await early.close();
      await failing.close();
    }
  });
});

describe('live reload', () => {
  it('sends a reload event after an article changes, once the page on disk is updated', async () => {
    const reloads = await listenForReloads(server);
    try {
      const file = path.join(config.input, readSeedNames()[0]!);
      writeFileSync(file, `${readFileSync(file, 'utf8')}\nA paragraph added while serving.\n`);
      await reloads.next();
      const data = readFileSync(path.join(config.output, 'data/articles.json'), 'utf8');
      expect(session.status.ok).toBe(true);
      expect(data.length).toBeGreaterThan(0);
      const pages = readdirArticles().map((slug) => readFileSync(path.join(config.output, 'articles', slug, 'index.html'), 'utf8'));
      expect(pages.some((page) => page.includes('A paragraph added while serving.'))).toBe(true);
    } finally {
      reloads.close();
    }
  });

  it('shows an escaped error page for a broken article, keeps the last good site, and recovers when fixed', async () => {
    const reloads = await listenForReloads(server);
    const good = readFileSync(path.join(config.output, 'index.html'), 'utf8');
    const file = path.join(config.input, 'broken.md');
    try {
      writeFileSync(file, '---\ntitle: Fine\ndate: "<script>alert(1)</script>"\n---\n\nBody.\n');
      await reloads.next();
      expect(session.status.ok).toBe(false);
      const page = await get(server, '/');
      expect(page.status).toBe(500);
      // The same line the terminal printed, escaped.
      const printed = terminal.join('').split('\n').find((line) => line.startsWith('seeds/broken.md:'));
      expect(printed).toMatch(/^seeds\/broken\.md:\d+: date: /);
      expect(page.body).toContain(escapeHtml(printed!));
      expect(page.body).toContain('&lt;script&gt;');
      expect(page.body).not.toContain('<script>alert');
      expect(page.body).toContain('src="/__dossier/reload.js"');
      // Assets still load, and the site on disk is the last good one.
      expect((await get(server, '/style.css')).status).toBe(200);
      expect(readFileSync(path.join(config.output, 'index.html'), 'utf8')).toBe(good);

      writeFileSync(file, '---\ntitle: Fixed now\ndate: 2024-05-01\n---\n\nBody.\n');
      await reloads.next();
      expect(session.status.ok).toBe(true);
      const fixed = await get(server, '/');
      expect(fixed.status).toBe(200);
      expect(fixed.body).toContain('Fixed now');
    } finally {
      reloads.close();
    }
  });

  it('shows the template, line and message for a template syntax error, and recovers', async () => {
    const reloads = await listenForReloads(server);
    const template = path.join(config.templates, 'home.njk');
    const original = readFileSync(template, 'utf8');
    try {
      writeFileSync(template, `${original}\n{% if %}\n`);
      await reloads.next();
      expect(session.status.ok).toBe(false);
      const page = await get(server, '/');
      expect(page.status).toBe(500);
      expect(page.body).toMatch(/templates\/home\.njk:\d+: template error/);
      expect(terminal.join('')).toMatch(/templates\/home\.njk:\d+: template error/);
      writeFileSync(template, original);
      await reloads.next();
      expect(session.status.ok).toBe(true);
      expect((await get(server, '/')).status).toBe(200);
    } finally {
      reloads.close();
    }
  });
});

function readdirArticles(): string[] {
  const data = JSON.parse(readFileSync(path.join(config.output, 'data/articles.json'), 'utf8')) as { url: string }[];
  return data.map((record) => record.url.replace(/^articles\//, '').replace(/\/$/, ''));
}

function readSeedNames(): string[] {
  return ['000_738bf16bdcb4b154.txt'];
}
