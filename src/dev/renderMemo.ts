/**
 * Re-rendering only the pages whose inputs changed, without knowing any page kind: every template
 * render goes through `RenderMemo`, which gives back the previous output when the template and
 * every variable are the same as last time. Unchanged records are the very same objects from one
 * build to the next (see `BuildSteps.keep`), so comparing them is mostly one identity check.
 * One step earlier, pages made through `renderPageFrom` are reused from the records they are made
 * from (`page`), so their variables are not even made; `value` does the same for any value (a data
 * export's per-record text, a feed).
 *
 * The memo is only valid while the templates and settings are unchanged: the dev session clears it
 * on a template change and starts a new one on a settings change. Filters that read more than their
 * arguments are checked too (see `RenderMemo`).
 */
import type nunjucks from 'nunjucks';
import type { PageReuse } from '../render/renderContext.js';

/** One call of a filter added per build, as a render made it. */
interface FilterCall {
  /** The filter's name. */
  name: string;
  /** What `this` was (Nunjucks passes the render context). */
  self: unknown;
  /** The arguments. */
  args: unknown[];
  /** What it returned. */
  result: unknown;
}

/** What was rendered last time for one template and page. */
interface Rendered {
  /** The variables it was rendered with. */
  vars: unknown;
  /** Calls it made to filters added per build (which may read the whole archive). */
  calls: FilterCall[];
  /** The output. */
  output: string;
  /** The records the page was made from, when it was rendered through `page` (see `renderPageFrom`). */
  inputs?: readonly unknown[];
}

/**
 * Filters added after the environment was made (the publishing filters are added on every build
 * and read the archive, not just their arguments) are tracked: a page is reused only if calling
 * each such filter again, as the page did, still gives the same result.
 */
export class RenderMemo implements PageReuse {
  private readonly rendered = new Map<string, Rendered>();
  /** The latest version of each tracked filter. */
  private readonly filters = new Map<string, (...args: unknown[]) => unknown>();
  /** The calls made by the render under way. */
  private recording: FilterCall[] | null = null;
  /** Renders done and renders skipped since the last `resetCounts`, for the terminal and tests. */
  counts = { rendered: 0, reused: 0 };

  /** Makes `env.render` answer from the memo when it can. Returns the same environment. */
  wrap(env: nunjucks.Environment): nunjucks.Environment {
    const render = env.render.bind(env);
    const memoised = (name: string, vars?: object): string => {
      // Pages are told apart by their URL (set by renderPage); a collision only costs a render.
      const key = `${name}\n${String((vars as { url?: unknown } | undefined)?.url ?? '')}`;
      const previous = this.rendered.get(key);
      if (previous && sameValue(previous.vars, vars) && this.sameCalls(previous.calls)) {
        this.counts.reused++;
        return previous.output;
      }
      const calls: FilterCall[] = [];
      this.recording = calls;
      try {
        const output = render(name, vars);
        this.counts.rendered++;
        this.rendered.set(key, { vars, calls, output });
        return output;
      } finally {
        this.recording = null;
      }
    };
    const addFilter = env.addFilter.bind(env);
    const filters = this.filters;
    const memo = this;
    const tracked = (name: string, filter: (...args: unknown[]) => unknown, async?: boolean) => {
      filters.set(name, filter);
      return addFilter(
        name,
        function (this: unknown, ...args: unknown[]) {
          const result = filters.get(name)!.apply(this, args);
          memo.recording?.push({ name, self: this, args, result });
          return result;
        },
        async,
      );
    };
    env.render = memoised as typeof env.render;
    env.addFilter = tracked as typeof env.addFilter;
    return env;
  }

  /**
   * A page whose variables need not even be made: the same template at the same URL, made from
   * inputs equal to last time's, with the tracked filters answering as they did. The check is the
   * render memo's own one step earlier: the variables are a function of the inputs (and of the
   * settings and navigation, which `renderPageFrom` adds to them).
   */
  page(template: string, url: string, inputs: readonly unknown[], render: () => string): string {
    const key = `${template}\n${url}`;
    const previous = this.rendered.get(key);
    if (previous?.inputs && sameValue(previous.inputs, inputs) && this.sameCalls(previous.calls)) {
      this.counts.reused++;
      // The newer records: next build's are likelier to be these very objects.
      previous.inputs = inputs;
      return previous.output;
    }
    const output = render();
    const entry = this.rendered.get(key);
    // Remembered only when `render` went through the memo for this very page (it always does, through renderPageFrom).
    if (entry && entry.output === output) {
      entry.inputs = inputs;
      // The inputs decide from now on: the variables (views made for this render) need not stay in memory.
      entry.vars = null;
    }
    return output;
  }

  /** Values kept by `value`, by key, with the inputs each was made from. */
  private readonly values = new Map<string, { inputs: readonly unknown[]; value: unknown }>();

  value<T>(key: string, inputs: readonly unknown[], make: () => T): T {
    const previous = this.values.get(key);
    if (previous && sameValue(previous.inputs, inputs)) {
      previous.inputs = inputs;
      return previous.value as T;
    }
    const value = make();
    this.values.set(key, { inputs, value });
    return value;
  }

  /** Forgets everything (templates changed). */
  clear(): void {
    this.rendered.clear();
    this.values.clear();
  }

  resetCounts(): void {
    this.counts = { rendered: 0, reused: 0 };
  }

  private sameCalls(calls: readonly FilterCall[]): boolean {
    return calls.every((call) => sameValue(this.filters.get(call.name)?.apply(call.self, call.args), call.result));
  }
}

/**
 * Deep equality that errs on the side of "different": plain objects and arrays are compared by
 * content (keys in order, since a template may loop over them), anything else (Maps, class
 * instances, functions) only by identity. A false "different" costs one render; a false "same"
 * would leave a stale page, so there is none.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // A record shared by many pages (an entity, a related article) is compared in full only once.
  if (provenEqual.get(b) === a) return true;
  const before = compared;
  if (!sameContent(a, b)) return false;
  // Only big ones are noted: a WeakMap entry costs more than comparing a small record again.
  if (compared - before >= NOTED_FROM) provenEqual.set(b, a);
  return true;
}

/** Objects compared by content so far (a running count, to tell how big a comparison was). */
let compared = 0;
/** Objects a comparison must have walked for its result to be noted in `provenEqual`. */
const NOTED_FROM = 32;

/**
 * For an object found equal to an older one, that older one. Records are never changed once made
 * (the memo keeps last build's variables to compare with on the same assumption), so the answer holds.
 */
const provenEqual = new WeakMap<object, object>();

function sameContent(a: object, b: object): boolean {
  compared++;
  const prototype = Object.getPrototypeOf(a) as unknown;
  if (prototype !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], other[i])) return false;
    return true;
  }
  if (prototype !== Object.prototype && prototype !== null) return false;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== otherKeys[i]) return false;
    if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
