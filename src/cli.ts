/**
 * The command line: argument parsing, printing and exit codes only. Exit 0 on success, 1 when
 * content (articles, registry, templates) has errors, 2 for usage or configuration errors.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from './build.js';
import { resolveConfig, type ConfigOverrides } from './config.js';
import { UsageError, type Diagnostic } from './errors.js';
import { printDiagnostics } from './report.js';
import { SEARCH_STAGE } from './search/indexSearch.js';

export const HELP = `Usage: dossier <command> [options]

Turns a folder of news articles (.md with YAML front matter, or scraped .txt) into a static site.

Commands:
  build            Build the site once (the default command).
  serve            Build, serve on http://127.0.0.1:8080, rebuild on changes and reload the browser.

Options:
  --input DIR      Folder of articles, read recursively (default: seeds, or "input" in dossier.yml).
  --out DIR        Folder to write the site to (default: dist, or "output" in dossier.yml).
  --config FILE    Settings file to read (default: ./dossier.yml when present).
  --base-url URL   Public address of the site (https://example.org/archive/), for canonical URLs and feeds.
  --portable       Write a site that works opened straight from disk (file://).
  --watch          With build: rebuild when articles, templates, static files or settings change.
  --port N         With serve: port to listen on (default 8080; the next free one if taken).
  --host HOST      With serve: address to bind (default 127.0.0.1).
  --quiet          Print only errors and the summary line.
  -h, --help       Show this help.
  -v, --version    Show the version.

Exit codes: 0 built, 1 content errors (nothing in the output folder changed), 2 usage or configuration errors.
`;

const OPTIONS = {
  input: { type: 'string' },
  out: { type: 'string' },
  config: { type: 'string' },
  'base-url': { type: 'string' },
  portable: { type: 'boolean' },
  watch: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The parsed command line. */
export interface Command {
  /** Which command to run. */
  name: 'build' | 'serve';
  /** Settings that override the configuration file. */
  overrides: ConfigOverrides;
  /** Rebuild on changes. */
  watch: boolean;
  /** Port for `serve`. */
  port: number;
  /** Address for `serve`. */
  host: string;
  /** Print less. */
  quiet: boolean;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[], cwd: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`dossier: ${(error as Error).message}\nRun "dossier --help" for the options.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${await version()}\n`);
    return 0;
  }
  const name = positionals[0] ?? 'build';
  if ((name !== 'build' && name !== 'serve') || positionals.length > 1) {
    process.stderr.write(`dossier: unknown command "${positionals.join(' ')}". Commands are "build" and "serve"; run "dossier --help".\n`);
    return 2;
  }
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`dossier: --port "${values.port}" is not a port number (0-65535).\n`);
    return 2;
  }
  const command: Command = {
    name,
    overrides: {
      ...(values.input !== undefined ? { input: values.input } : {}),
      ...(values.out !== undefined ? { output: values.out } : {}),
      ...(values.config !== undefined ? { configPath: values.config } : {}),
      ...(values['base-url'] !== undefined ? { baseUrl: values['base-url'] } : {}),
      ...(values.portable ? { portable: true } : {}),
    },
    watch: values.watch ?? false,
    port,
    host: values.host ?? '127.0.0.1',
    quiet: values.quiet ?? false,
  };
  try {
    return await run(command, cwd);
  } catch (error) {
    if (error instanceof UsageError) {
      printDiagnostics(error.diagnostics, false);
      process.stderr.write(`dossier: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function run(command: Command, cwd: string): Promise<number> {
  const config = resolveConfig(cwd, command.overrides);
  if (command.name === 'serve' || command.watch) {
    const { startDev } = await import('./dev/startDev.js');
    return startDev(config, command, cwd);
  }
  const started = performance.now();
  const result = await build(config, { cwd });
  printDiagnostics(result.diagnostics, command.quiet);
  const ms = Math.round(performance.now() - started);
  const out = path.relative(cwd, config.output) || '.';
  if (!result.ok) {
    const count = result.diagnostics.filter((d: Diagnostic) => d.severity === 'error').length;
    process.stderr.write(`Build failed: ${count} error${count === 1 ? '' : 's'}; ${out}/ was left as it was.\n`);
    return 1;
  }
  const search = result.timings[SEARCH_STAGE] === undefined ? '' : `, search index ${Math.round(result.timings[SEARCH_STAGE])} ms`;
  process.stdout.write(`Built ${result.articles} article${result.articles === 1 ? '' : 's'} into ${out}/ (${result.pages} files) in ${ms} ms${search}.\n`);
  return 0;
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
