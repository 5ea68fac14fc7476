/**
 * A build that fails while its writer thread is busy stops the thread and reports the failure. Run
 * in a process of its own: Node does not count a thread being stopped as pending work, so a process
 * with nothing else to do ended in the middle of stopping it (exit code 13), the error never said.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from './helpers/project.js';

describe('the writer thread', () => {
  it('lets the process wait for it to stop while batches are still in flight', () => {
    const parent = tempDir();
    const script = `
      const { ThreadFiles } = await import(${JSON.stringify(pathToFileURL(path.join(REPO, 'lib/write/writerThread.js')).href)});
      const files = new ThreadFiles(${JSON.stringify(path.join(parent, 'site'))}, ${JSON.stringify(path.join(parent, 'staging'))});
      // Many batches sent without waiting for room: the thread is still busy with them when it is stopped.
      const page = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 400; i++) {
        files.send({ op: 'begin', file: 'pages/' + i + '.html', compare: false });
        files.send({ op: 'piece', piece: page });
        files.send({ op: 'end' });
      }
      const inFlight = files.batchesInFlight;
      await files.close();
      console.log(JSON.stringify({ closed: true, inFlight }));`;
    // A module file, not `-e`: an evaluated script kept the process alive on its own, hiding the fault.
    const file = path.join(parent, 'close.mjs');
    writeFileSync(file, script);
    const child = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    const reported = JSON.parse(child.stdout.trim()) as { closed: boolean; inFlight: number };
    expect(reported.inFlight).toBeGreaterThan(1);
    expect(reported.closed).toBe(true);
    expect(existsSync(path.join(parent, 'site'))).toBe(false);
  });
});
