/**
 * When a build collects garbage itself (`src/build/memory.ts`): only once the heap is large and has
 * grown since the last collection, and inside a stage only once the heap is back at the most it
 * held in this build (below that, a collection cannot lower the build's peak).
 */
import { describe, expect, it } from 'vitest';
import { worthCollecting } from '../src/build/memory.js';

const MiB = 1024 * 1024;

describe('collecting garbage during a build', () => {
  it('waits until the heap is large and has grown by 64 MiB or a quarter of what was live', () => {
    const history = { liveAfterLast: 400 * MiB, highWater: 0 };
    expect(worthCollecting(300 * MiB, { liveAfterLast: 0, highWater: 0 }, false)).toBe(false);
    expect(worthCollecting(480 * MiB, history, false)).toBe(false);
    expect(worthCollecting(500 * MiB, history, false)).toBe(true);
    expect(worthCollecting(500 * MiB, history, true)).toBe(true);
  });

  it('inside a stage, leaves a heap below its high water to V8', () => {
    const history = { liveAfterLast: 350 * MiB, highWater: 1100 * MiB };
    expect(worthCollecting(440 * MiB, history, true)).toBe(false);
    expect(worthCollecting(1099 * MiB, history, true)).toBe(false);
    expect(worthCollecting(1100 * MiB, history, true)).toBe(true);
    // Between stages the stage's garbage has just died: collected whatever the high water.
    expect(worthCollecting(440 * MiB, history, false)).toBe(true);
  });
});
