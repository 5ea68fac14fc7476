/**
 * A watch rebuild writes its pages first and leaves the data exports (the bulk of an edit's work
 * on a big archive, read by no page) to be made once edits pause: the edited page is on disk with
 * the build, the exports follow, and once the session is idle the site is a clean build's again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevSession } from '../src/dev/devSession.js';
import { cleanBuildSnapshot, differences, snapshotTree, tempProject } from './helpers/devProject.js';

describe('data exports in a watch session', () => {
  let session: DevSession | null = null;
  afterEach(async () => {
    await session?.close();
    session = null;
  });

  it('are written after the pages, once edits pause, and then equal a clean build', async () => {
    const config = tempProject();
    const plain = (title: string) => `---\ntitle: ${title}\ndate: 2019-01-02\n---\n\nsome quiet words about nothing much.\n`;
    writeFileSync(path.join(config.input, 'plain.md'), plain('First Headline'));
    // A long quiet period, so the test can look between the rebuild and the exports.
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 2_000, write: () => {} });
    const exported = () => readFileSync(path.join(config.output, 'data/articles.json'), 'utf8');
    expect(exported()).toContain('First Headline');
    const built = new Promise<void>((resolve) => session!.onBuilt(() => resolve()));
    writeFileSync(path.join(config.input, 'plain.md'), plain('Second Headline'));
    session.changed({ kind: 'article', path: 'plain.md' });
    await built;
    const article = session.lastResult!.archive!.articles.find((a) => a.sourcePath === 'plain.md')!;
    expect(readFileSync(path.join(config.output, article.url, 'index.html'), 'utf8')).toContain('Second Headline');
    expect(exported()).toContain('First Headline');
    await session.idle();
    expect(exported()).toContain('Second Headline');
    expect(exported()).not.toContain('First Headline');
    expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
  }, 120_000);

  it('are written once for a burst of edits, from the last build', async () => {
    const config = tempProject();
    const plain = (title: string) => `---\ntitle: ${title}\ndate: 2019-01-02\n---\n\nsome quiet words about nothing much.\n`;
    writeFileSync(path.join(config.input, 'plain.md'), plain('Headline 0'));
    session = await DevSession.start({ config, reloadConfig: () => config, cwd: config.root, watch: false, quietMs: 1, searchQuietMs: 500, write: () => {} });
    const steps = session.currentSteps;
    let writes = 0;
    const writeExports = steps.writeExports.bind(steps);
    steps.writeExports = async () => {
      writes++;
      return writeExports();
    };
    for (let i = 1; i <= 3; i++) {
      const built = new Promise<void>((resolve) => session!.onBuilt(() => resolve()));
      writeFileSync(path.join(config.input, 'plain.md'), plain(`Headline ${i}`));
      session.changed({ kind: 'article', path: 'plain.md' });
      await built;
    }
    await session.idle();
    expect(writes).toBe(1);
    expect(readFileSync(path.join(config.output, 'data/articles.json'), 'utf8')).toContain('Headline 3');
    expect(differences(snapshotTree(config.output), (await cleanBuildSnapshot(config))!)).toEqual([]);
  }, 120_000);
});
