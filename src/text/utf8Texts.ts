/**
 * Many texts kept as UTF-8 outside the JavaScript heap, read back by number. For texts a build
 * holds in the hundreds of thousands for a while (the timeline's candidate sentences until the
 * merge ends): as strings each would be an object on the heap, two bytes a character once a text
 * has one character beyond Latin-1 (an em dash), and often a cut-out piece keeping its whole
 * paragraph alive; here they cost about one byte a character and nothing for the collector to walk.
 */
import { IntList } from './intList.js';

/** The first chunk's size: a watch session keeps a few sentences per date, a cold build millions. */
const FIRST_CHUNK = 16 << 10;
/** The largest chunk: big enough to be few, small enough that the last one's spare room is little. */
const MAX_CHUNK = 8 << 20;

export class Utf8Texts {
  private readonly chunks: Buffer[] = [];
  /** Bytes in use in the last chunk. */
  private used = 0;
  /** Per text: its chunk's number, its first byte and the byte after its last. */
  private readonly places = new IntList();

  /** How many texts were added. */
  get length(): number {
    return this.places.length / 3;
  }

  /** Keeps `text`; returns its number (the count of texts added before it). */
  add(text: string): number {
    const bytes = Buffer.byteLength(text, 'utf8');
    let chunk = this.chunks[this.chunks.length - 1];
    if (!chunk || this.used + bytes > chunk.length) {
      // Each chunk twice the last, up to the largest; a text longer than that gets one of its own size.
      const size = Math.max(bytes, Math.min(MAX_CHUNK, chunk ? chunk.length * 2 : FIRST_CHUNK));
      // Its own memory, not a slice of Node's shared pool (which a small buffer would keep alive).
      this.chunks.push((chunk = Buffer.allocUnsafeSlow(size)));
      this.used = 0;
    }
    chunk.write(text, this.used, 'utf8');
    this.places.push(this.chunks.length - 1);
    this.places.push(this.used);
    this.places.push((this.used += bytes));
    return this.length - 1;
  }

  /** Text number `n`, as it was added. */
  get(n: number): string {
    const places = this.places.data;
    return this.chunks[places[n * 3]!]!.toString('utf8', places[n * 3 + 1]!, places[n * 3 + 2]!);
  }
}
