/**
 * File operations packed for the writer thread (see `writerThread.ts`): the pages' text encoded
 * straight into one buffer per batch, transferred whole, and the operations as a flat list of
 * plain values. Posting each page's text as a string cost 5.5 s of the main thread at 4,000
 * articles (cloning a rope of many pieces); posting one object and one encoded buffer per piece
 * still cost over a second of messaging and a buffer for the collector to finalise per page.
 */
import type { FileOp } from './stagingFiles.js';

/** One batch as it crosses to the thread. */
export interface PackedOps {
  /**
   * The operations, flat: `b` file compare (begin), `p` length (a piece: the next `length` bytes of
   * `bytes`), `e` (end), `c` file source compare (copy), `s` (stage).
   */
  ops: Array<string | number | boolean>;
  /** The pieces' bytes, one after another. */
  bytes: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();

/** Packs operations into batches of about `size` bytes of pieces. */
export class OpPacker {
  private ops: PackedOps['ops'] = [];
  private readonly size: number;
  /** Buffers given back by the thread, for the next batches. */
  private readonly spare: Uint8Array<ArrayBuffer>[] = [];
  private bytes: Uint8Array<ArrayBuffer>;
  private used = 0;

  /** `size`: bytes of a batch's buffer (at least 4: one character always fits an empty buffer). */
  constructor(size: number) {
    this.size = Math.max(size, 4);
    this.bytes = new Uint8Array(this.size);
  }

  /** Bytes of pieces in the batch so far. */
  get filled(): number {
    return this.used;
  }

  /** Operations in the batch so far. */
  get count(): number {
    return this.ops.length;
  }

  /** Adds `op`, handing each batch that fills up to `full` (a piece may run over several). */
  add(op: FileOp, full: (batch: PackedOps) => void): void {
    switch (op.op) {
      case 'begin':
        this.ops.push('b', op.file, op.compare);
        return;
      case 'piece':
        return typeof op.piece === 'string' ? this.addText(op.piece, full) : this.addBytes(op.piece, full);
      case 'end':
        this.ops.push('e');
        return;
      case 'copy':
        this.ops.push('c', op.file, op.source, op.compare);
        return;
      case 'stage':
        this.ops.push('s');
        return;
    }
  }

  /** The batch so far (null when empty); the packer starts a new one. */
  take(): PackedOps | null {
    if (this.ops.length === 0) return null;
    const batch = { ops: this.ops, bytes: this.bytes.subarray(0, this.used) };
    this.ops = [];
    this.bytes = this.spare.pop() ?? new Uint8Array(this.size);
    this.used = 0;
    return batch;
  }

  /**
   * Takes back the buffer of a batch the thread is done with, for a later batch: a new buffer per
   * batch would wait for the thread's rare collections to be freed (4,000 articles: 75 MiB more
   * resident at the peak), and each is zeroed when made.
   */
  recycle(buffer: ArrayBuffer): void {
    if (buffer.byteLength === this.size) this.spare.push(new Uint8Array(buffer));
  }

  private addText(text: string, full: (batch: PackedOps) => void): void {
    let rest = text;
    for (;;) {
      // Encodes as much as fits; never splits a character (nor a surrogate pair).
      const { read, written } = encoder.encodeInto(rest, this.bytes.subarray(this.used));
      if (written > 0) this.ops.push('p', written);
      this.used += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      full(this.take()!);
    }
  }

  private addBytes(bytes: Uint8Array, full: (batch: PackedOps) => void): void {
    for (let at = 0; at < bytes.length; ) {
      if (this.used === this.bytes.length) full(this.take()!);
      const length = Math.min(bytes.length - at, this.bytes.length - this.used);
      this.bytes.set(bytes.subarray(at, at + length), this.used);
      this.ops.push('p', length);
      this.used += length;
      at += length;
    }
  }
}

/** The operations of a packed batch, its pieces as views of its buffer. */
export function* unpackOps({ ops, bytes }: PackedOps): Generator<FileOp> {
  let at = 0;
  for (let i = 0; i < ops.length; ) {
    switch (ops[i++]) {
      case 'b':
        yield { op: 'begin', file: ops[i++] as string, compare: ops[i++] as boolean };
        break;
      case 'p': {
        const length = ops[i++] as number;
        yield { op: 'piece', piece: bytes.subarray(at, (at += length)) };
        break;
      }
      case 'e':
        yield { op: 'end' };
        break;
      case 'c':
        yield { op: 'copy', file: ops[i++] as string, source: ops[i++] as string, compare: ops[i++] as boolean };
        break;
      case 's':
        yield { op: 'stage' };
        break;
      default:
        throw new Error(`internal: unknown packed file operation ${String(ops[i - 1])}`);
    }
  }
}
