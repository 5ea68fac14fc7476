/**
 * A data export as a watch session writes it again: the file is made of parts (separators and
 * one numbered text per record, see `Numbered`), and after an edit most records' texts are last
 * build's, which the session no longer holds in memory. Its writer keeps only where each part sits
 * in the file on disk (`ExportLayout`), and makes the new file by copying the unchanged stretches
 * of the old one and writing the few new texts in between. At 16,000 articles the timeline export
 * alone is ~190 MB: keeping every record's text would cost twice that in memory.
 */
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { Numbered } from '../render/page.js';

/** Where each part of an export sits in the file last written. */
export interface ExportLayout {
  /** Each part in order: a numbered part's serial, or an unnumbered part's text (the separators, which are short). */
  items: Array<number | string>;
  /** The byte offset of each part in the file, then the file's size (one more number than `items`). */
  offsets: number[];
  /** Each numbered part's position in `items`. */
  positions: Map<number, number>;
}

/** Notes the parts of an export as they are written, in order, into its layout. */
export class LayoutRecorder {
  private readonly layout: ExportLayout = { items: [], offsets: [0], positions: new Map() };

  /** The next part, and how many bytes it takes. */
  add(part: string | Numbered, bytes: number): void {
    const { items, offsets, positions } = this.layout;
    if (typeof part !== 'string') positions.set(part.serial, items.length);
    items.push(typeof part === 'string' ? part : part.serial);
    offsets.push(offsets[offsets.length - 1]! + bytes);
  }

  finish(): ExportLayout {
    return this.layout;
  }
}

/** True when `parts` are exactly the parts of the file last written (every record reused, the same separators). */
export function unchangedExport(parts: readonly (string | Numbered)[], layout: ExportLayout): boolean {
  if (parts.length !== layout.items.length) return false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (typeof part === 'string' ? part !== layout.items[i] : part.text !== null || part.serial !== layout.items[i]) return false;
  }
  return true;
}

/** Bytes gathered before they are written: fewer, larger writes. */
const BUFFER_BYTES = 1 << 20;

/**
 * Writes `parts` to `target` (through a temporary file renamed over it), copying each reused
 * part's bytes from the file as last written (`layout` says where they are), and returns the new
 * layout. Runs of parts that follow each other in the old file too are copied as one stretch.
 */
export function writeSplicedExport(target: string, parts: readonly (string | Numbered)[], layout: ExportLayout | null): ExportLayout {
  const temporary = `${target}.dossier-tmp-${process.pid}`;
  const old = layout ? openSync(target, 'r') : null;
  const out = openSync(temporary, 'w');
  const recorder = new LayoutRecorder();
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let filled = 0;
  const flush = () => {
    for (let done = 0; done < filled; ) done += writeSync(out, buffer, done, filled - done);
    filled = 0;
  };
  const put = (bytes: Buffer) => {
    if (filled + bytes.length > BUFFER_BYTES) flush();
    if (bytes.length > BUFFER_BYTES) {
      for (let done = 0; done < bytes.length; ) done += writeSync(out, bytes, done, bytes.length - done);
    } else {
      bytes.copy(buffer, filled);
      filled += bytes.length;
    }
  };
  /** The stretch of the old file to copy next: from its part `runFrom` up to (not including) `runTo`. */
  let runFrom = -1;
  let runTo = -1;
  const copyRun = () => {
    if (runFrom < 0) return;
    let position = layout!.offsets[runFrom]!;
    const end = layout!.offsets[runTo]!;
    while (position < end) {
      if (filled === BUFFER_BYTES) flush();
      const read = readSync(old!, buffer, filled, Math.min(BUFFER_BYTES - filled, end - position), position);
      if (read === 0) throw new Error(`${target} is shorter than when it was written: it was changed behind the build's back`);
      filled += read;
      position += read;
    }
    runFrom = runTo = -1;
  };
  try {
    for (const part of parts) {
      const at = layout ? oldPosition(part, layout, runTo) : -1;
      if (at >= 0) {
        if (at !== runTo) {
          copyRun();
          runFrom = at;
        }
        runTo = at + 1;
        recorder.add(part, layout!.offsets[at + 1]! - layout!.offsets[at]!);
        continue;
      }
      if (typeof part !== 'string' && part.text === null) throw new Error(`the text numbered ${part.serial} is not in ${target} any more`);
      copyRun();
      const bytes = Buffer.from(typeof part === 'string' ? part : part.text!);
      put(bytes);
      recorder.add(part, bytes.length);
    }
    copyRun();
    flush();
  } catch (error) {
    closeSync(out);
    rmSync(temporary, { force: true });
    throw error;
  } finally {
    if (old !== null) closeSync(old);
  }
  closeSync(out);
  renameSync(temporary, target);
  return recorder.finish();
}

/**
 * Where `part` can be copied from in the old file, or -1 when it must be written: a reused record
 * is where the layout says; a separator is copied only when it continues the stretch being copied
 * (`next` is the old position right after it), so stretches stay long.
 */
function oldPosition(part: string | Numbered, layout: ExportLayout, next: number): number {
  if (typeof part === 'string') return next >= 0 && next < layout.items.length && layout.items[next] === part ? next : -1;
  if (part.text !== null) return -1;
  return layout.positions.get(part.serial) ?? -1;
}
