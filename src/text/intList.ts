/**
 * A growable list of 32-bit integers: what the big builds keep per record instead of an object or
 * a small array per record (see `src/extract/events/prepared.ts`, `compactEvents.ts`). A typed
 * array is one block of memory the garbage collector never walks value by value.
 */
export class IntList {
  /** The values; only the first `length` are in use. */
  data: Int32Array;
  /** How many values are in use. */
  length = 0;

  /** `capacity`: room before the first growth (a watch session makes many small lists, a cold build a few big ones). */
  constructor(capacity = 256) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(Math.max(16, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values in use, in a buffer of their own at their exact size; the list lets go of its own and starts empty. */
  takeExact(): Int32Array {
    const exact = this.data.slice(0, this.length);
    this.data = new Int32Array(0);
    this.length = 0;
    return exact;
  }
}
