/** `Int32Slabs`: small lists cut from large blocks (a cold build's compact tokens), each its own list to its reader. */
import { describe, expect, it } from 'vitest';
import { Int32Slabs } from '../src/text/int32Slabs.js';

describe('Int32Slabs', () => {
  it('gives zero-filled lists of the length asked, none overlapping another', () => {
    const slabs = new Int32Slabs();
    const lists = [3, 0, 1000, 7].map((length) => slabs.allocate(length));
    expect(lists.map((list) => list.length)).toEqual([3, 0, 1000, 7]);
    for (const list of lists) expect(list.every((value) => value === 0)).toBe(true);
    lists.forEach((list, i) => list.fill(i + 1));
    lists.forEach((list, i) => expect(list.every((value) => value === i + 1)).toBe(true));
    // Small lists share a block; a full block starts another, so no list crosses two.
    expect(lists[0]!.buffer).toBe(lists[2]!.buffer);
    const big = slabs.allocate(4 * 1024 * 1024);
    expect(big.length).toBe(4 * 1024 * 1024);
    expect(big.buffer).not.toBe(lists[0]!.buffer);
  });

  it('starts a new block when the current one has no room left', () => {
    const slabs = new Int32Slabs();
    const first = slabs.allocate(2 * 1024 * 1024);
    const lists = Array.from({ length: 8 }, () => slabs.allocate(2 * 1024 * 1024));
    expect(new Set([first, ...lists].map((list) => list.buffer)).size).toBe(2);
    lists.forEach((list, i) => list.fill(i + 1));
    expect(first.every((value) => value === 0)).toBe(true);
    lists.forEach((list, i) => expect(list[0]).toBe(i + 1));
  });
});
