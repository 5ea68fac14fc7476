/**
 * A faster `Frame.set` for Nunjucks' runtime. Compiled templates call it for every `{% set %}`,
 * every loop variable and every macro argument, and the original splits each name on `.` (to allow
 * `set a.b = …`) before storing it: that split was the largest single item of the render stage's
 * profile. Names without a dot are stored directly, exactly as the original stores a one-part name.
 * Names with a dot are nearly all a loop's (`loop.index`, `loop.first` and five more, written on every
 * turn of every `{% for %}`): their parts are split once per name and kept, then stored as the
 * original stores them.
 */
import { createRequire } from 'node:module';

/** The part of Nunjucks' `Frame` this file touches. */
interface Frame {
  /** The frame's own variables (a prototype-less object). */
  variables: Record<string, unknown>;
  /** The frame a variable being written lives in, when `forWrite` (or null). */
  resolve(name: string, forWrite: boolean): Frame | null | undefined;
  /** Stores a variable. */
  set(name: string, val: unknown, resolveUp?: boolean): void;
}

/** Nunjucks' runtime module, the one compiled templates use (the same instance `import nunjucks` loads). */
const runtime = createRequire(import.meta.url)('nunjucks/src/runtime.js') as { Frame: { prototype: Frame } };

/** The `Frame.set` Nunjucks shipped with, kept for tests. */
export const originalFrameSet = runtime.Frame.prototype.set;

/**
 * The parts of each dotted name seen, split once. The names are the literal ones compiled
 * templates write (a few dozen); the bound only guards against a template that makes names up.
 */
const dottedNames = new Map<string, readonly string[]>();
const MOST_DOTTED_NAMES = 4096;

function partsOf(name: string): readonly string[] {
  let parts = dottedNames.get(name);
  if (parts === undefined) {
    parts = name.split('.');
    if (dottedNames.size < MOST_DOTTED_NAMES) dottedNames.set(name, parts);
  }
  return parts;
}

/** Nunjucks' `Frame.set`, without splitting a name on every write. */
export function frameSet(this: Frame, name: string, val: unknown, resolveUp?: boolean): void {
  if (!name.includes('.')) {
    // As the original: with `resolveUp`, the frame that already holds the name takes the write.
    const frame = resolveUp ? this.resolve(name, true) : null;
    (frame ?? this).variables[name] = val;
    return;
  }
  const parts = partsOf(name);
  if (resolveUp) {
    const frame = this.resolve(parts[0]!, true);
    if (frame) {
      frame.set(name, val);
      return;
    }
  }
  // As the original: each part but the last names an object, made when missing.
  let holder = this.variables;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    if (!holder[part]) holder[part] = {};
    holder = holder[part] as Record<string, unknown>;
  }
  holder[parts[parts.length - 1]!] = val;
}

/** Puts `frameSet` in place of Nunjucks' own (once per process). */
export function installFrameSet(): void {
  runtime.Frame.prototype.set = frameSet;
}
