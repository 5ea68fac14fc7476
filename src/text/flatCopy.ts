/**
 * A copy of a string that holds on to nothing else. V8 keeps a cut-out piece of a string (a
 * "sliced string", 13 characters or more) as a pointer into its parent, so a sentence kept from a
 * paragraph keeps the whole paragraph alive. Records kept to the end of a build copy what they
 * keep of a text that is itself let go (see `src/parse/detach.ts` and `src/build/bodyStore.ts`).
 */
export function flatCopy(text: string): string {
  // Shorter pieces are copied by V8 itself. A structured clone copies the characters into a flat
  // string of their own (about 0.7 µs for a sentence).
  return text.length > 12 ? structuredClone(text) : text;
}
