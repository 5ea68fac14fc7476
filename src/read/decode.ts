/**
 * Turning bytes into text: UTF-8 (with or without BOM) when valid, otherwise Windows-1252, which is
 * what stray Latin-1 bytes in real scraped corpora almost always are.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const windows1252 = new TextDecoder('windows-1252');

/** The decoded text and whether the fallback encoding had to be used. */
export interface DecodedText {
  /** Text with BOM removed and every line ending (`\r\n`, lone `\r`) turned into `\n`. */
  text: string;
  /** True when the bytes were not valid UTF-8 and were read as Windows-1252. */
  usedFallback: boolean;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  let text: string;
  let usedFallback = false;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = windows1252.decode(bytes);
    usedFallback = true;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: text.replace(/\r\n?/g, '\n'), usedFallback };
}
