/**
 * Records a build makes by the thousand share their hidden class. On Node 20's V8, an object made by
 * `{ ...record, newField }` in optimised code gets a hidden class of its own: about 230 bytes more
 * per object, 0.6 µs to make instead of 0.02 µs, and every property read of such objects megamorphic (see
 * README, "Development"). The check needs V8's `%HaveSameMap`, so it runs in a child process with
 * `--allow-natives-syntax`, against the compiled lib/ (`npm test` compiles first).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/publish-build.js';

describe('records made in bulk', () => {
  it('share one hidden class per kind, once the code making them is optimised', () => {
    const output = execFileSync(process.execPath, ['--allow-natives-syntax', path.join(REPO, 'tests/helpers/object-shapes-child.mjs')], { encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(output)).toEqual({ 'sentences of a block': true, 'texts of an article': true, entities: true, 'timeline events': true });
  }, 90_000);
});
