/**
 * A `memberLookup` for Nunjucks' runtime that reads the member once. Compiled templates call it for
 * every `a.b` and `a[b]`, and the original reads `obj[val]` twice (once to see whether it is a
 * function, once to return it): a getter runs twice. Many of the records pages read are views whose
 * fields are getters doing real work (an event's id and URL made from its packed numbers, an
 * appearance's sentences read back from disk), and the second run was pure waste.
 *
 * Same results: a member that is a function comes back as a function calling it on `obj` (with
 * whatever arguments the template passes), anything else as it is, and a missing object as undefined.
 */
import { createRequire } from 'node:module';

/** Nunjucks' runtime module, the one compiled templates use (the same instance `import nunjucks` loads). */
const runtime = createRequire(import.meta.url)('nunjucks/src/runtime.js') as { memberLookup: (obj: unknown, val: PropertyKey) => unknown };

/** The `memberLookup` Nunjucks shipped with, kept for tests. */
export const originalMemberLookup = runtime.memberLookup;

/** Nunjucks' `memberLookup`, reading the member once. */
export function memberLookup(obj: unknown, val: PropertyKey): unknown {
  if (obj === undefined || obj === null) return undefined;
  const member = (obj as Record<PropertyKey, unknown>)[val];
  if (typeof member === 'function') return (...args: unknown[]) => (member as (...args: unknown[]) => unknown).apply(obj, args);
  return member;
}

/** Puts `memberLookup` in place of Nunjucks' own (once per process; compiled templates look it up on the module at every call). */
export function installMemberLookup(): void {
  runtime.memberLookup = memberLookup;
}
