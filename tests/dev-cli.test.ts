/**
 * `dossier serve` and `dossier build --watch` as a curator runs them (the compiled CLI; `npm test`
 * compiles first): the default address, the next free port when one is taken, and rebuilds on save.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject } from './helpers/devProject.js';
import { REPO } from './helpers/project.js';

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

/** Starts the CLI in `cwd`; `output()` is everything it printed so far. */
function startCli(args: string[], cwd: string) {
  const child = spawn(process.execPath, [path.join(REPO, 'bin/dossier.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const waitFor = async (pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> => {
    const started = Date.now();
    for (;;) {
      const match = pattern.exec(output);
      if (match) return match;
      if (child.exitCode !== null) throw new Error(`the CLI exited (${child.exitCode}):\n${output}`);
      if (Date.now() - started > timeoutMs) throw new Error(`waited for ${pattern} in vain:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const stop = () => new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
  return { waitFor, stop, output: () => output };
}

function fetchText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('dossier serve', () => {
  it('serves on 127.0.0.1 and moves to the next free port when the one asked for is taken, saying so', async () => {
    const config = tempProject();
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const cli = startCli(['serve', '--port', String(taken)], config.root);
      const [, url, port] = await cli.waitFor(/Serving dist\/ at (http:\/\/127\.0\.0\.1:(\d+)\/)/);
      expect(Number(port)).not.toBe(taken);
      expect(cli.output()).toContain(`Port ${taken} is in use, so the site is served on port ${port} instead.`);
      const home = await fetchText(url!);
      expect(home.status).toBe(200);
      expect(home.body).toContain('/__dossier/reload.js');
      expect(await cli.stop()).toBe(0);
    } finally {
      blocker.close();
    }
  });
});

describe('dossier build --watch', () => {
  it('rebuilds the page of an article when it is saved, without a server', async () => {
    const config = tempProject();
    const cli = startCli(['build', '--watch'], config.root);
    await cli.waitFor(/Watching for changes/);
    expect(cli.output()).not.toContain('Serving');
    const data = JSON.parse(readFileSync(path.join(config.output, 'data/articles.json'), 'utf8')) as { url: string; sourcePath: string }[];
    const first = data[0]!;
    const source = path.join(config.input, first.sourcePath);
    writeFileSync(source, `${readFileSync(source, 'utf8')}\nSaved while watching.\n`);
    await cli.waitFor(/Rebuilt after/);
    expect(readFileSync(path.join(config.output, first.url, 'index.html'), 'utf8')).toContain('Saved while watching.');
    expect(readFileSync(path.join(config.output, first.url, 'index.html'), 'utf8')).not.toContain('__dossier');
    expect(await cli.stop()).toBe(0);
  });
});
