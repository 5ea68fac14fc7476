// Placeholder until the live-preview issue lands: watch and serve are not built yet.
import type { Command } from '../cli.js';
import type { Config } from '../config.js';

export async function startDev(_config: Config, command: Command, _cwd: string): Promise<number> {
  process.stderr.write(`dossier: "${command.name === 'serve' ? 'serve' : 'build --watch'}" is not available in this version yet.\n`);
  return 2;
}
