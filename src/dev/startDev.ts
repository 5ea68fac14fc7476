/**
 * `dossier serve` and `dossier build --watch`: a watch session, plus (for serve) the preview server,
 * which reloads open pages after each build that changed something. Runs until Ctrl-C. A failed
 * build never stops it: the curator fixes the file and the next save rebuilds.
 */
import path from 'node:path';
import type { Command } from '../cli.js';
import { resolveConfig, type Config } from '../config.js';
import { DevSession } from './devSession.js';
import { startServer, type DevServer } from './server.js';

export async function startDev(config: Config, command: Command, cwd: string): Promise<number> {
  const write = (text: string) => process.stderr.write(text);
  const session = await DevSession.start({
    config,
    reloadConfig: () => resolveConfig(cwd, command.overrides),
    cwd,
    quiet: command.quiet,
    write,
  });
  let server: DevServer | null = null;
  if (command.name === 'serve') {
    server = await startServer({
      host: command.host,
      port: command.port,
      root: () => session.siteFolder,
      errors: () => (session.status.ok ? [] : session.status.diagnostics),
    });
    if (command.port !== 0 && server.port !== command.port) {
      write(`Port ${command.port} is in use, so the site is served on port ${server.port} instead.\n`);
    }
    process.stdout.write(`Serving ${path.relative(cwd, session.config.output) || '.'}/ at ${server.url} (Ctrl-C to stop).\n`);
    const live = server;
    let wasOk = session.status.ok;
    session.onBuilt((status) => {
      // Reload when the site changed, and whenever an error page must appear or go away.
      if (status.filesChanged > 0 || !status.ok || !wasOk) live.reload();
      wasOk = status.ok;
    });
  } else {
    write('Watching for changes (Ctrl-C to stop).\n');
  }

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server?.close();
  await session.close();
  return 0;
}
