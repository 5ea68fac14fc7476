/**
 * Comparing a file of the new site with the previous site's copy, and writing it, without ever
 * holding more than one piece of a big file (see `Chunked`).
 */
import { open, readFile, stat, writeFile } from 'node:fs/promises';
import type { Chunked } from '../render/page.js';

/** A file's new bytes: whole, in pieces, or a static file to copy. */
export type NewBytes = { bytes: Uint8Array } | { chunked: Chunked } | { source: string };

/** True when the file at `existing` holds exactly the bytes `file` would write; false when it cannot be read. */
export async function sameBytes(existing: string, file: NewBytes): Promise<boolean> {
  try {
    if ('bytes' in file) return Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).equals(await readFile(existing));
    if ('source' in file) return (await stat(existing)).size === (await stat(file.source)).size && (await readFile(existing)).equals(await readFile(file.source));
    return await samePieces(existing, file.chunked);
  } catch {
    return false;
  }
}

/** Compares piece by piece, stopping at the first difference. */
async function samePieces(existing: string, chunked: Chunked): Promise<boolean> {
  const handle = await open(existing, 'r');
  try {
    const { size } = await handle.stat();
    let position = 0;
    for (const chunk of chunked.chunks()) {
      const bytes = Buffer.from(chunk);
      if (position + bytes.length > size) return false;
      const old = Buffer.allocUnsafe(bytes.length);
      const { bytesRead } = await handle.read(old, 0, bytes.length, position);
      if (bytesRead !== bytes.length || !old.equals(bytes)) return false;
      position += bytes.length;
    }
    return position === size;
  } finally {
    await handle.close();
  }
}

/** Writes pieces one after another: the file's text is never whole in memory. */
export async function writePieces(target: string, chunked: Chunked): Promise<void> {
  const handle = await open(target, 'w');
  try {
    for (const chunk of chunked.chunks()) {
      const bytes = Buffer.from(chunk);
      for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
    }
  } finally {
    await handle.close();
  }
}

/** Writes bytes (a page's, or its pieces). */
export async function writeBytes(target: string, file: { bytes: Uint8Array } | { chunked: Chunked }): Promise<void> {
  if ('bytes' in file) await writeFile(target, file.bytes);
  else await writePieces(target, file.chunked);
}
