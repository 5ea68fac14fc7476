/**
 * Site settings: one YAML file at the project root (`dossier.yml`), validated like front matter,
 * with command-line flags on top. Paths in the file are relative to the file's folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UsageError, type Diagnostic } from './errors.js';
import { parseYamlSafely, zodIssuesToDiagnostics } from './parse/yaml.js';

/** The configuration file's name, looked up in the working directory unless `--config` names one. */
export const CONFIG_FILE_NAME = 'dossier.yml';

/** Settings as written in the configuration file. Every field is optional. */
export const ConfigFileSchema = z
  .object({
    /** The archive's name, shown in the header and the feeds. */
    title: z.string().min(1).optional(),
    /** One sentence about the archive, for the home page and metadata. */
    description: z.string().optional(),
    /** BCP 47 language tag of the articles (`en`, `fr-CA`), for `<html lang>`. */
    language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or fr-CA').optional(),
    /** Absolute URL where the site will be published (`https://example.org/archive/`); enables canonical URLs. */
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Folder of articles, read recursively. */
    input: z.string().min(1).optional(),
    /** Folder the site is written to. */
    output: z.string().min(1).optional(),
    /** Folder of Nunjucks templates. */
    templates: z.string().min(1).optional(),
    /** Folder of static files copied verbatim (CSS, icons). */
    public: z.string().min(1).optional(),
    /** Articles per page on the home page listing. */
    pageSize: z.number().int().min(1).max(10000).optional(),
  })
  .strict();
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

/** The resolved settings a build runs with: every path absolute, every field filled. */
export interface Config {
  /** The archive's name. */
  title: string;
  /** One sentence about the archive. */
  description: string;
  /** Language tag for `<html lang>`. */
  language: string;
  /** Absolute base URL ending in `/`, or null when unknown (then no absolute URLs are written). */
  baseUrl: string | null;
  /** Absolute path of the articles folder. */
  input: string;
  /** Absolute path of the output folder. */
  output: string;
  /** Absolute path of the templates folder. */
  templates: string;
  /** Absolute path of the static files folder. */
  public: string;
  /** Articles per home-page listing page. */
  pageSize: number;
  /** Write a site that works opened from disk (`file://`): every internal link names its index.html. */
  portable: boolean;
  /** Absolute path of the project root (the configuration file's folder, or the working directory). */
  root: string;
  /** Absolute path of the configuration file that was read, or null when there was none. */
  configFile: string | null;
}

/** Values used when neither the file nor a flag sets them. */
export const DEFAULTS = {
  title: 'Dossier',
  description: 'A news archive built with Dossier.',
  language: 'en',
  input: 'seeds',
  output: 'dist',
  templates: 'templates',
  public: 'public',
  pageSize: 50,
} as const satisfies Required<Omit<ConfigFile, 'baseUrl'>>;

/** Settings given on the command line; they override the file. */
export type ConfigOverrides = Partial<Pick<ConfigFile, 'input' | 'output' | 'baseUrl' | 'title'>> & {
  /** Write a site that works from `file://`. */
  portable?: boolean;
  /** Path of a configuration file to read instead of `./dossier.yml`. */
  configPath?: string;
};

/** The folder holding Dossier's own templates and static files, used when the project has none. */
const PACKAGE_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/**
 * Reads the configuration file (if any), validates it and applies the overrides.
 * Throws UsageError (exit 2) with line-numbered diagnostics when the file is invalid.
 */
export function resolveConfig(cwd: string, overrides: ConfigOverrides = {}): Config {
  const configFile = overrides.configPath ? path.resolve(cwd, overrides.configPath) : path.join(cwd, CONFIG_FILE_NAME);
  const hasFile = existsSync(configFile);
  if (overrides.configPath && !hasFile) {
    throw new UsageError(`${overrides.configPath}: no such configuration file.`);
  }
  const root = hasFile ? path.dirname(configFile) : cwd;
  const fromFile = hasFile ? readConfigFile(configFile, cwd) : {};
  const merged = { ...fromFile, ...definedOnly(overrides) };
  const checked = ConfigFileSchema.safeParse(merged);
  if (!checked.success) {
    const diagnostics = zodIssuesToDiagnostics(checked.error.issues, '--flags', null);
    throw new UsageError('The command-line settings are not valid.', diagnostics);
  }
  const pick = <K extends keyof typeof DEFAULTS>(key: K) => (merged[key] ?? DEFAULTS[key]) as (typeof DEFAULTS)[K];
  // Flags are relative to the working directory; file settings to the file's folder.
  const dirOf = (key: 'input' | 'output' | 'templates' | 'public'): string => {
    if (overrides[key as keyof ConfigOverrides] !== undefined) return path.resolve(cwd, String(overrides[key as keyof ConfigOverrides]));
    const fromProject = path.resolve(root, pick(key));
    if ((key === 'templates' || key === 'public') && fromFile[key] === undefined && !existsSync(fromProject)) {
      return path.join(PACKAGE_ROOT, DEFAULTS[key]);
    }
    return fromProject;
  };
  return {
    title: pick('title'),
    description: merged.description ?? DEFAULTS.description,
    language: pick('language'),
    baseUrl: merged.baseUrl ? ensureTrailingSlash(merged.baseUrl) : null,
    input: dirOf('input'),
    output: dirOf('output'),
    templates: dirOf('templates'),
    public: dirOf('public'),
    pageSize: pick('pageSize'),
    portable: overrides.portable ?? false,
    root,
    configFile: hasFile ? configFile : null,
  };
}

function readConfigFile(file: string, cwd: string): ConfigFile {
  const shown = path.relative(cwd, file) || file;
  const diagnostics: Diagnostic[] = [];
  const parsed = parseYamlSafely(readFileSync(file, 'utf8'), shown, 1, diagnostics);
  if (parsed && parsed.value !== null && parsed.value !== undefined) {
    const checked = ConfigFileSchema.safeParse(parsed.value);
    if (checked.success) return checked.data;
    diagnostics.push(...zodIssuesToDiagnostics(checked.error.issues, shown, parsed.lineOf));
  }
  if (diagnostics.length > 0) throw new UsageError(`${shown} is not a valid configuration file.`, diagnostics);
  return {};
}

function definedOnly(overrides: ConfigOverrides): Partial<ConfigFile> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined && key !== 'configPath' && key !== 'portable') out[key] = value;
  return out as Partial<ConfigFile>;
}

function ensureTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
