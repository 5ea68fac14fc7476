/**
 * Turning bytes into text: UTF-8 (with or without BOM) when valid, otherwise Windows-1252, which is
 * what stray Latin-1 bytes in real scraped corpora almost always are.
 */
import { isUtf8 } from 'node:buffer';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Windows-1252's bytes 0x80–0x9F (curly quotes, dashes, the euro sign…). Node's TextDecoder treats
 * the label as ISO-8859-1 and turns these into invisible control characters, so we map them
 * ourselves; the five bytes Windows-1252 leaves undefined stay as their control characters.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** The decoded text and whether the fallback encoding had to be used. */
export interface DecodedText {
  /** Text with BOM removed and every line ending (`\r\n`, lone `\r`) turned into `\n`. */
  text: string;
  /** True when the bytes were not valid UTF-8 and were read as Windows-1252. */
  usedFallback: boolean;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  // The read stage warns by the same check, made without decoding (see `readSourceFile`).
  const usedFallback = !isUtf8(bytes);
  let text = usedFallback ? decodeWindows1252(bytes) : utf8.decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: text.replace(/\r\n?/g, '\n'), usedFallback };
}
