/**
 * Letting go of memory between stages. A build holds the whole archive while it renders, and V8
 * collects old garbage lazily: without a nudge, a 16,000-article build peaks hundreds of MiB above
 * what it actually holds (the previous stage's garbage is still there when the next stage
 * allocates). A full collection after each stage (`build.ts`), when its temporary data has just
 * become garbage, costs a few tens of milliseconds and keeps the peak nearer the live size (16,000
 * articles: 2.24 → 1.52 GiB peak, same wall time).
 *
 * A full collection walks the whole live heap, so it is only worth it when the heap has grown a
 * lot since the last one. A watch session's rebuild allocates little per stage on top of a large
 * live archive: collecting after each of its stages cost 60% of a rebuild of 2,225 articles (about
 * 1 s of 1.7 s), for nothing.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Below this much heap in use, a full collection is not worth its time, and V8's heap growth is
 * left alone (see `boundHeapGrowth`). Holding memory down costs time (4,000 synthetic articles, one
 * process each, alternating: 2–3 s more cpu with a 128 MiB threshold, for a peak of ~400 instead
 * of ~480 MiB); it pays only where memory is the tighter budget, in big archives (16,000 articles
 * reach this much heap in the entity stage).
 */
const WORTH_IT_BYTES = 320 * 1024 * 1024;
/** Growth since the last collection below which another is not worth it: this much, or a quarter of what was live then. */
const GROWTH_BYTES = 64 * 1024 * 1024;

let gc: (() => void) | null | undefined;
/** Heap in use just after the last collection made here. */
let liveAfterLast = 0;

function collector(): (() => void) | null {
  if (gc !== undefined) return gc;
  try {
    // `--expose-gc` set at run time applies to contexts created afterwards.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  } catch {
    gc = null;
  }
  return gc;
}

/**
 * Runs a full garbage collection when the heap is large and has grown enough since the last one
 * for it to matter, or `always` (to measure the live heap).
 */
export function collectGarbage(always = false): void {
  if (!always) {
    // `getHeapStatistics` is a few times cheaper than `process.memoryUsage` (no RSS read), which matters for `memoryCheckpoint`.
    const used = getHeapStatistics().used_heap_size;
    if (used < WORTH_IT_BYTES || used - liveAfterLast < Math.max(GROWTH_BYTES, liveAfterLast / 4)) return;
  }
  const run = collector();
  if (!run) return;
  run();
  liveAfterLast = getHeapStatistics().used_heap_size;
  if (growthBound === 'wanted') setGrowthBound();
}

/**
 * Called between units of work inside a long stage (one article, one page): collects when the heap
 * grew enough since the last collection (see `collectGarbage`). V8 lets the old generation grow to
 * several times what was live at its last full collection before collecting again; inside a stage
 * that promotes a lot of short-lived data (the timeline's merge, rendering), that headroom, not the
 * live data, made the peak: 16,000 articles reached 1.27 GiB of heap with 0.51 GiB live. A check
 * costs about a microsecond.
 */
export type Checkpoint = () => void;

/** A checkpoint that collects when worth it (`collectGarbage`). */
export const memoryCheckpoint: Checkpoint = () => collectGarbage();

/**
 * How far V8 may let the heap grow past what was live at its last full collection, in percent,
 * while a build runs (`boundHeapGrowth`). Left to itself V8 allows up to four times the live size
 * when collections look cheap, and a stage that makes much short-lived data fills that room:
 * the link stage of 16,000 articles took the heap from 585 to 968 MiB with 618 MiB live after it.
 */
const BUILD_HEAP_GROWTH_PERCENT = 30;

/** The growth bound: not asked for, asked for by a build but not set yet (the heap is still small), or set. */
let growthBound: 'off' | 'wanted' | 'set' = 'off';

/**
 * Bounds the heap's growth between V8's own full collections for the time of a build, from the
 * first collection `collectGarbage` finds worth making (a small build never bounds it); returns
 * what restores V8's default (so a watch session's rebuilds, which allocate little, keep it).
 */
export function boundHeapGrowth(): () => void {
  growthBound = 'wanted';
  return () => {
    if (growthBound === 'set') {
      try {
        setFlagsFromString('--heap-growing-percent=0');
      } catch {
        // Nothing was changed, then.
      }
    }
    growthBound = 'off';
  };
}

function setGrowthBound(): void {
  try {
    setFlagsFromString(`--heap-growing-percent=${BUILD_HEAP_GROWTH_PERCENT}`);
    growthBound = 'set';
  } catch {
    growthBound = 'off';
  }
}

/** A checkpoint that never collects (a watch session's rebuilds: see `BuildOptions.collectGarbage`). */
export const NO_CHECKPOINT: Checkpoint = () => {};
