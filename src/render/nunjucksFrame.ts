/**
 * A faster `Frame.set` for Nunjucks' runtime. Compiled templates call it for every `{% set %}`,
 * every loop variable and every macro argument, and the original splits each name on `.` (to allow
 * `set a.b = …`) before storing it: that split was the largest single item of the render stage's
 * profile. Names without a dot (nearly all) are stored directly, exactly as the original stores a
 * one-part name; names with a dot go to the original.
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

/** Nunjucks' `Frame.set`, without the split for names that have no dot. */
export function frameSet(this: Frame, name: string, val: unknown, resolveUp?: boolean): void {
  if (name.includes('.')) {
    originalFrameSet.call(this, name, val, resolveUp);
    return;
  }
  // As the original: with `resolveUp`, the frame that already holds the name takes the write.
  const frame = resolveUp ? this.resolve(name, true) : null;
  (frame ?? this).variables[name] = val;
}

/** Puts `frameSet` in place of Nunjucks' own (once per process). */
export function installFrameSet(): void {
  runtime.Frame.prototype.set = frameSet;
}
