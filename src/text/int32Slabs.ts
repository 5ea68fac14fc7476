/**
 * Many small `Int32Array`s cut from a few large blocks, for lists a stage makes per record and lets
 * go of all together when it ends (a cold build's compact tokens: ~6 KiB an article, ~600 MiB at
 * 100,000 articles). Allocated one by one, they come from the C allocator's heap in small pieces,
 * and when they are let go that memory stays with the process, fragmented between other
 * allocations: the build's resident size kept it for every later stage. A block this large is
 * mapped on its own (glibc maps anything above 32 MiB), so it goes back to the system as soon as
 * its last list is collected; and pages of a block never written are never resident.
 */

/** Values per block: 64 MiB. */
const BLOCK_VALUES = 16 * 1024 * 1024;

export class Int32Slabs {
  /** The block being cut, and how much of it is used. */
  private block: Int32Array | null = null;
  private used = 0;

  /** A zero-filled list of `length` values: a view into the current block, or a list of its own when large. */
  allocate(length: number): Int32Array {
    if (length > BLOCK_VALUES / 8) return new Int32Array(length);
    if (!this.block || this.used + length > this.block.length) {
      this.block = new Int32Array(BLOCK_VALUES);
      this.used = 0;
    }
    const list = this.block.subarray(this.used, this.used + length);
    this.used += length;
    return list;
  }
}
