import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { frameSet, originalFrameSet } from '../src/render/nunjucksFrame.js';

interface TestFrame {
  variables: Record<string, unknown>;
  set(name: string, val: unknown, resolveUp?: boolean): void;
  push(isolateWrites?: boolean): TestFrame;
}
const { Frame } = createRequire(import.meta.url)('nunjucks/src/runtime.js') as { Frame: new (parent?: TestFrame, isolateWrites?: boolean) => TestFrame };

/** A frame chain (root, a child, an isolated grandchild) after `writes`, set through `set`, as plain data. */
function after(set: typeof frameSet, writes: Array<[number, string, unknown, boolean?]>): unknown {
  const root = new Frame();
  const child = root.push();
  const isolated = child.push(true);
  const frames = [root, child, isolated];
  for (const [at, name, val, resolveUp] of writes) set.call(frames[at] as never, name, val, resolveUp);
  return frames.map((frame) => JSON.parse(JSON.stringify(frame.variables)));
}

describe('frameSet', () => {
  it('stores exactly what Nunjucks’ own Frame.set stores', () => {
    const writes: Array<[number, string, unknown, boolean?]> = [
      [0, 'title', 'A'],
      [1, 'title', 'B', true],
      [1, 'fresh', 1, true],
      [2, 'title', 'C', true],
      [2, 'loop.index', 3],
      [2, 'loop.first', true],
      [1, 'a.b.c', 'deep', true],
      [0, 'a', { b: 1 }],
      [1, 'a.x', 2, true],
      [2, '', 'empty'],
      [1, 'title', undefined],
      [2, 'loop.index', 4],
      [0, 'x.y', 1],
      [1, 'x.y', 2, true],
      [2, 'x.y.z', 3],
    ];
    expect(after(frameSet, writes)).toEqual(after(originalFrameSet, writes));
  });
});
