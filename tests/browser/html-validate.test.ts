/**
 * html-validate (recommended preset, see .htmlvalidate.json) on every page of the seed site and of
 * the hostile fixture site. Runs in Node on the written files, so it needs no browser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, type Message } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, HOSTILE_TITLE, REPO_ROOT, type BuiltSite } from './helpers/site.js';

const validator = new HtmlValidate(new FileSystemConfigLoader());

/** The errors html-validate finds in every page of `site`, one readable line each. */
async function validationErrors(site: BuiltSite): Promise<string[]> {
  const problems: string[] = [];
  for (const file of site.htmlFiles) {
    // The config is looked up from the file name, so give it a path inside the repository.
    const report = await validator.validateString(readFileSync(path.join(site.dir, file), 'utf8'), path.join(REPO_ROOT, 'dist-check', file));
    for (const result of report.results) {
      for (const message of result.messages.filter((m: Message) => m.severity === 2)) {
        problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
  }
  return problems;
}

describe.each([
  { input: 'seeds', title: undefined },
  { input: 'tests/fixtures/hostile', title: HOSTILE_TITLE },
])('html-validate on every page of $input', ({ input, title }) => {
  let site: BuiltSite;
  beforeAll(async () => { site = await buildSite(input, title ? { title } : {}); });
  afterAll(() => site?.remove());

  it('finds no error', async () => {
    expect(site.htmlFiles.length).toBeGreaterThan(0);
    expect(await validationErrors(site)).toEqual([]);
  });
});
