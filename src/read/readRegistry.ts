/**
 * Reads the curator's entity registry (`entities.yml` in the input folder). Only reading happens
 * here; parsing and validation belong to the extract stage (`parseRegistry`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from './decode.js';

/** The registry file's text and its path as shown in messages. */
export interface RegistrySource {
  /** Decoded text. */
  text: string;
  /** Path relative to the working directory, for diagnostics. */
  displayPath: string;
}

/** The registry at `registryPath`, or null when the input folder has none. */
export function readRegistry(registryPath: string | null, cwd: string): RegistrySource | null {
  if (registryPath === null) return null;
  return { text: decodeText(readFileSync(registryPath)).text, displayPath: path.relative(cwd, registryPath) || registryPath };
}
