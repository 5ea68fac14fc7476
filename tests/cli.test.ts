/** The command line as a user meets it: help, exit codes, the summary line, settings, determinism. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, REPO, runCli, SEEDS, snapshotFolder, tempDir } from './helpers/project.js';

describe('dossier CLI', () => {
  it('explains every option with --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const option of ['--input', '--out', '--config', '--base-url', '--portable', '--watch', '--port', '--host', '--quiet', '--help', '--version']) {
      expect(stdout).toContain(option);
    }
  });

  it('builds and prints a one-line summary, exit 0', async () => {
    const out = path.join(tempDir(), 'site');
    const { code, stdout } = await runCli(['build', '--input', SEEDS, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Built 3 articles into .*site\/ \(\d+ files\) in \d+ ms, search index \d+ ms\.\n$/);
  });

  it('exits 1 on content errors, naming the file and line', async () => {
    const out = path.join(tempDir(), 'site');
    const { code, stderr } = await runCli(['build', '--input', 'tests/fixtures/invalid', '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('tests/fixtures/invalid/impossible-date.md:4: date: "2024-13-45" is not a calendar date (month 13).');
    expect(stderr).toMatch(/Build failed: 6 errors; .*site\/ was left as it was\.\n$/);
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli(['--nope'])).code).toBe(2);
    expect((await runCli(['publish'])).code).toBe(2);
    const refused = await runCli(['build', '--out', '.']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Refusing to write the site to .: it is or contains the project folder.');
    expect((await runCli(['build', '--base-url', 'ftp://x'])).code).toBe(2);
  });

  it('reads settings from dossier.yml, validated with line numbers, and lets flags override them', async () => {
    const project = tempDir();
    const input = copyOf(SEEDS);
    writeFileSync(path.join(project, 'dossier.yml'), `title: Iran Files\ninput: ${input}\noutput: site\nlanguage: en-GB\n`);
    const ok = await runCli(['build'], { cwd: project });
    expect(ok.code).toBe(0);
    const home = snapshotFolder(path.join(project, 'site')).get('index.html')!;
    expect(home).toContain('<html lang="en-GB">');
    expect(home).toContain('<title>Iran Files</title>');
    const overridden = await runCli(['build', '--out', 'other'], { cwd: project });
    expect(overridden.stdout).toContain('into other/');

    writeFileSync(path.join(project, 'dossier.yml'), 'title: Iran Files\nbase_url: https://x.org\npageSize: -1\n');
    const bad = await runCli(['build'], { cwd: project });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('dossier.yml:3: pageSize: Too small: expected number to be >=1.');
    expect(bad.stderr).toContain('dossier.yml:2: unknown setting "base_url". Check the spelling; see the README for the settings.');
  });

  it('writes byte-identical sites whatever the time zone and locale', async () => {
    const a = path.join(tempDir(), 'a');
    const b = path.join(tempDir(), 'b');
    await runCli(['build', '--input', SEEDS, '--out', a], { env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' } });
    await runCli(['build', '--input', SEEDS, '--out', b], { env: { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' } });
    expect(snapshotFolder(b)).toEqual(snapshotFolder(a));
  });
});

describe('the package', () => {
  it('declares the dossier bin, runnable with plain node', async () => {
    const pkg = (await import(path.join(REPO, 'package.json'), { with: { type: 'json' } })).default as { bin: Record<string, string> };
    expect(pkg.bin.dossier).toBe('bin/dossier.js');
  });
});
