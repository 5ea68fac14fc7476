/** Escaping for XML text and attribute values, and removal of characters XML 1.0 cannot hold. */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text safe inside an XML element or a quoted attribute. Control characters other than tab and
 * newline are not allowed in XML 1.0 at all, not even escaped, so they are dropped: a stray one in
 * a scraped article must not make the whole feed unreadable.
 */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}
