/**
 * JSON to embed in a `<script>` element. `<`, `>`, `&` and the two line separators are written as
 * \u escapes, so no string inside (say, an article title containing `</script>`) can close the
 * element or start a comment, and the JSON still parses to the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
