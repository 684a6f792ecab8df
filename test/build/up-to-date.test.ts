import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { build as buildSite } from '../../src/build.js';
import { markdownPackages } from '../../src/compile/packages.js';
import { commitAll, git } from '../support/git.js';
import { makeWebzine, readTree, removeTemporaryFolders, repoRoot, runCli, temporaryFolder, type CliRun } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const article = 'content/issues/1/10-first.md';
const unchanged = /^nothing changed since the last build: \d+ pages, \d+ feed entr(y|ies), \d+ gemtext files? are as it wrote them \(\d+\.\d\d s\)\n$/;
const built = /^built \d+ pages/;

/** A webzine with a capsule, its output folder and a cache folder outside it. */
async function zine(): Promise<{ root: string; out: string; cache: string }> {
  const root = await makeWebzine();
  await appendFile(path.join(root, 'content/site.yml'), 'geminiUrl: gemini://zine.example/\n');
  return { root, out: path.join(root, 'dist'), cache: path.join(await temporaryFolder(), 'cache') };
}

async function build(place: { root: string; out: string; cache: string }, ...extra: string[]): Promise<CliRun> {
  return runCli(['build', '--root', place.root, '--out', place.out, '--cache-dir', place.cache, ...extra]);
}

/** Every output file's bytes and state: a file written again has another state. */
async function snapshot(out: string): Promise<Map<string, string>> {
  const files = await readTree(out);
  const states = await Promise.all([...files].map(async ([file, bytes]) => {
    const stats = await stat(path.join(out, file));
    return [file, `${stats.ino}:${stats.mtimeMs}:${bytes.toString('latin1')}`] as const;
  }));
  return new Map(states);
}

/** The output a build without the cache makes of `root` now. */
async function uncached(root: string): Promise<Map<string, Buffer>> {
  const out = path.join(await temporaryFolder(), 'dist');
  const run = await runCli(['build', '--root', root, '--out', out, '--no-cache']);
  expect(run.code).toBe(0);
  return readTree(out);
}

describe('a build when nothing changed since the last one', () => {
  it('says so, touches no output file, and tells the last build\'s warnings and notes again', async () => {
    const place = await zine();
    // A control character is a warning: the build still writes.
    await appendFile(path.join(place.root, article), '\nA bell \u0007 rings.\n');
    const first = await build(place);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(built);
    expect(first.stderr).toContain('[encoding/control-character]');
    expect(first.stderr).toContain('note: the webzine is not in a Git repository');
    const before = await snapshot(place.out);
    const second = await build(place);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(unchanged);
    expect(second.stdout).toContain(first.stdout.match(/^built (.*) in /)![1]);
    expect(second.stderr).toBe(first.stderr);
    expect(await snapshot(place.out)).toEqual(before);
  });

  it('is a real build with --no-cache or --debug', async () => {
    const place = await zine();
    await build(place);
    for (const option of ['--debug', '--no-cache']) {
      const run = option === '--no-cache' ? await runCli(['build', '--root', place.root, '--out', place.out, option]) : await build(place, option);
      expect(run.code).toBe(0);
      expect(run.stdout, option).toMatch(built);
    }
  });

  it('builds again after any input changed, and gives what a build without the cache gives', async () => {
    const place = await zine();
    const changes: Array<[string, () => Promise<void>, ...string[]]> = [
      ['an article edited', () => appendFile(path.join(place.root, article), '\nOne more sentence.\n')],
      ['a file added', async () => {
        await mkdir(path.join(place.root, 'content/static'), { recursive: true });
        await writeFile(path.join(place.root, 'content/static/notes.txt'), 'notes\n');
      }],
      ['a file removed', () => rm(path.join(place.root, 'content/static/notes.txt'))],
      ['site.yml edited', () => appendFile(path.join(place.root, 'content/site.yml'), 'languages: [fr]\n')],
      ['a theme of the webzine', async () => {
        const layout = path.join(place.root, 'themes/default/templates/layouts/base.liquid');
        await mkdir(path.dirname(layout), { recursive: true });
        await writeFile(layout, (await readFile(path.join(repoRoot, 'themes/default/templates/layouts/base.liquid'), 'utf8')).replace('</body>', '<p>own footer</p>\n</body>'));
      }],
      ['a theme kept outside themes/', async () => {
        const layout = path.join(place.root, 'house/templates/layouts/base.liquid');
        await mkdir(path.dirname(layout), { recursive: true });
        await writeFile(layout, (await readFile(path.join(repoRoot, 'themes/default/templates/layouts/base.liquid'), 'utf8')).replace('</body>', '<p>house v1</p>\n</body>'));
        await appendFile(path.join(place.root, 'content/site.yml'), 'theme: ../house\n');
      }],
      ['that theme edited', async () => {
        const layout = path.join(place.root, 'house/templates/layouts/base.liquid');
        await writeFile(layout, (await readFile(layout, 'utf8')).replace('house v1', 'house v2'));
      }],
      ['--drafts given', async () => {}, '--drafts'],
      ['--base-url given', async () => {}, '--base-url', 'https://mirror.example/zine/'],
      ['a first commit', () => commitAll(place.root, [{ author: 'Ada Quill', email: 'ada@example.invalid', date: '2026-03-01T09:00:00Z' }])],
      ['a .mailmap written, which renames contributors', () => writeFile(path.join(place.root, '.mailmap'), 'Ada Lovelace <ada@example.invalid>\n')],
      ['a commit that changes no file', () => commitAll(place.root, [{ author: 'Bo Rivet', email: 'bo@example.invalid', date: '2026-03-02T09:00:00Z', files: {} }])],
      ['a file changed but not committed', () => appendFile(path.join(place.root, article), '\nNot committed yet.\n')],
      ['that file taken out of the index (git rm --cached), which leaves it no commit to be dated by', async () => void (await git(place.root, ['rm', '-q', '--cached', article]))],
      ['that change committed', () => commitAll(place.root, [{ author: 'Bo Rivet', email: 'bo@example.invalid', date: '2026-03-03T09:00:00Z' }])],
      ['that commit replaced (git replace) by one of another author and date', async () => {
        const env = { GIT_AUTHOR_NAME: 'Cy Quill', GIT_AUTHOR_EMAIL: 'cy@example.invalid', GIT_AUTHOR_DATE: '2026-05-05T09:00:00Z', GIT_COMMITTER_NAME: 'Cy Quill', GIT_COMMITTER_EMAIL: 'cy@example.invalid', GIT_COMMITTER_DATE: '2026-05-05T09:00:00Z' };
        const parent = await git(place.root, ['rev-parse', 'HEAD^']);
        const twin = await git(place.root, ['commit-tree', 'HEAD^{tree}', '-p', parent, '-m', 'the same change, told otherwise'], env);
        await git(place.root, ['replace', 'HEAD', twin]);
      }],
    ];
    expect((await build(place)).code).toBe(0);
    for (const [name, change, ...options] of changes) {
      await change();
      const run = await build(place, ...options);
      expect(run.code, name).toBe(0);
      expect(run.stdout, name).toMatch(built);
      expect((await build(place, ...options)).stdout, `${name}, then nothing`).toMatch(unchanged);
    }
    // The last change gave no option: the output is that of the webzine as it is.
    expect(await readTree(place.out)).toEqual(await uncached(place.root));
  });

  it('builds again when the output was changed, removed or added to by hand', async () => {
    const place = await zine();
    await build(place);
    const expected = await readTree(place.out);
    const handwork: Array<[string, () => Promise<void>]> = [
      ['a page edited', () => writeFile(path.join(place.out, 'web/about/index.html'), 'edited by hand')],
      ['a page edited, its size and time kept', async () => {
        // As `cp -p` of an edited copy leaves it: the same inode, size and time to the nanosecond.
        const page = path.join(place.out, 'web/about/index.html');
        const copy = path.join(await temporaryFolder(), 'index.html');
        await writeFile(copy, (await readFile(page, 'utf8')).replace('<html', '<HTML'));
        execFileSync('touch', ['-r', page, copy]);
        execFileSync('cp', ['-p', copy, page]);
      }],
      ['a page removed', () => rm(path.join(place.out, 'web/issues/1/index.html'))],
      ['a file added', () => writeFile(path.join(place.out, 'gemini/extra.gmi'), '# extra\n')],
      ['a tree removed', () => rm(path.join(place.out, 'gemini'), { recursive: true })],
    ];
    for (const [name, change] of handwork) {
      await change();
      expect((await build(place)).stdout, name).toMatch(built);
      expect(await readTree(place.out), name).toEqual(expected);
    }
  });

  it('does as --no-cache when a folder inside the last output became a file (web/issues): the tree is written whole', async () => {
    const place = await zine();
    await build(place);
    const expected = await readTree(place.out);
    await rm(path.join(place.out, 'web/issues'), { recursive: true });
    await writeFile(path.join(place.out, 'web/issues'), 'x\n');
    const over = await build(place);
    expect([over.code, over.stdout]).toEqual([0, expect.stringMatching(built)]);
    expect(await readTree(place.out)).toEqual(expected);
  });

  it('does as --no-cache when an output folder of the last build became a file: a previous output that is not there', async () => {
    const place = await zine();
    await build(place);
    const expected = await readTree(place.out);
    await rm(path.join(place.out, 'web'), { recursive: true });
    await writeFile(path.join(place.out, 'web'), 'x\n');
    const over = await build(place);
    expect([over.code, over.stdout]).toEqual([0, expect.stringMatching(built)]);
    expect(await readTree(place.out)).toEqual(expected);
    // The whole output folder a file: the message of a build without the cache, not "could not look at".
    await rm(place.out, { recursive: true });
    await writeFile(place.out, 'x\n');
    const blocked = await build(place);
    expect(blocked.code).toBe(3);
    expect(blocked.stderr.split('\n').filter((line) => !line.startsWith('note: '))).toEqual([
      `mimeo: could not make the output folder ${place.out}: ${place.out} is a file, not a folder`,
      'hint: give --out a folder, or a path where one can be made',
      '',
    ]);
  });

  it('compares files by their state, and a file changed with the same size and time by its bytes', async () => {
    const place = await zine();
    const file = path.join(place.root, article);
    const sameSize = async () => {
      const { atime, mtime } = await stat(file);
      const text = await readFile(file, 'utf8');
      const next = text.replace(/The (first|FIRST) article/, (_title, word: string) => `The ${word === 'first' ? 'FIRST' : 'first'} article`);
      expect(next).not.toBe(text);
      await writeFile(file, next);
      await utimes(file, atime, mtime);
    };
    // Just written: the state of the files can not be trusted (a clock ticks coarsely), their bytes are compared.
    await build(place);
    await writeFile(file, await readFile(file));
    expect((await build(place)).stdout).toMatch(unchanged);
    await sameSize();
    expect((await build(place)).stdout).toMatch(built);
    expect(await readFile(path.join(place.out, 'web/issues/1/first/index.html'), 'utf8')).toContain('The FIRST article');
    // Long enough after the last change for states to tell: a write changes the change time, which can not be set back.
    await sleep(3100);
    expect((await build(place)).stdout).toMatch(unchanged);
    // The files racy when the stamp was made are old enough now: the stamp says so, and the next check reads none.
    const [stampFile] = (await readdir(path.join(place.cache, 'outputs'))).filter((name) => name.endsWith('.stamp.json'));
    expect(Object.keys((JSON.parse(await readFile(path.join(place.cache, 'outputs', stampFile!), 'utf8')) as { racy: object }).racy)).toEqual([]);
    expect((await build(place)).stdout).toMatch(unchanged);
    // A build that records the files' states (an output removed by hand makes one).
    await rm(path.join(place.out, 'web/sitemap.xml'));
    expect((await build(place)).stdout).toMatch(built);
    expect((await build(place)).stdout).toMatch(unchanged);
    await sameSize();
    expect((await build(place)).stdout).toMatch(built);
    expect(await readTree(place.out)).toEqual(await uncached(place.root));
  });

  it('gives the right output after a failed build, which wrote nothing, and the mistake mended', async () => {
    const place = await zine();
    await build(place);
    const text = await readFile(path.join(place.root, article), 'utf8');
    await writeFile(path.join(place.root, article), text.replace(/^title: .*$/m, 'title: [broken'));
    const failed = await build(place);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    await writeFile(path.join(place.root, article), `${text}\nMended.\n`);
    expect((await build(place)).stdout).toMatch(built);
    expect(await readTree(place.out)).toEqual(await uncached(place.root));
  });

  it('builds again after a file saved again while the last build ran, once it had read it', async () => {
    const place = await zine();
    const file = path.join(place.root, article);
    await build(place);
    await appendFile(file, '\nFirst save.\n');
    // The build reads every file, then compiles the changed one: the second save comes after the read.
    let saved = false;
    const result = await buildSite({
      root: place.root,
      out: place.out,
      cacheDir: place.cache,
      progress: () => {
        if (!saved) appendFileSync(file, '\nSecond save.\n');
        saved = true;
      },
    });
    expect(saved).toBe(true);
    expect(result.diagnostics).toEqual([]);
    expect(await readFile(path.join(place.out, 'web/issues/1/first/index.html'), 'utf8')).not.toContain('Second save.');
    expect((await build(place)).stdout).toMatch(built);
    expect(await readFile(path.join(place.out, 'web/issues/1/first/index.html'), 'utf8')).toContain('Second save.');
  });

  it('is not changed by the leftovers of an editor, which no build reads', async () => {
    const place = await zine();
    await mkdir(path.join(place.root, 'themes'), { recursive: true });
    await build(place);
    await writeFile(path.join(place.root, 'content/issues/1/.10-first.md.swp'), 'vim was here');
    await writeFile(path.join(place.root, 'content/issues/1/10-first.md~'), 'a backup');
    await writeFile(path.join(place.root, 'themes/.notes.swp'), 'vim was here too');
    expect((await build(place)).stdout).toMatch(unchanged);
  });

  it('works where a package that shapes the output can not be found from mimeo (another package manager)', async () => {
    const place = await zine();
    markdownPackages.push('mimeo-no-such-package');
    try {
      expect((await build(place)).stdout).toMatch(built);
      expect((await build(place)).stdout).toMatch(unchanged);
    } finally {
      markdownPackages.pop();
    }
  });

  it('finds nothing changed in another time zone or locale, which write every date the same', async () => {
    const place = await zine();
    const zone = process.env['TZ'];
    try {
      process.env['TZ'] = 'UTC';
      await build(place);
      process.env['TZ'] = 'Pacific/Auckland';
      expect((await build(place)).stdout).toMatch(unchanged);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });

  it('is found with a theme that shows "now", which is the commit\'s date, not the clock\'s', async () => {
    const place = await zine();
    const layout = path.join(place.root, 'themes/default/templates/layouts/base.liquid');
    await mkdir(path.dirname(layout), { recursive: true });
    await writeFile(layout, (await readFile(path.join(repoRoot, 'themes/default/templates/layouts/base.liquid'), 'utf8')).replace('</body>', '<p>{{ "now" | date: "%Y" }}</p>\n</body>'));
    expect((await build(place)).stdout).toMatch(built);
    expect((await build(place)).stdout).toMatch(unchanged);
  });
});

describe('a build with a FIFO in content/', () => {
  /** The compiled CLI in a process of its own, stopped after 20 s: a read of a FIFO with no writer blocks the process it runs in. */
  const buildApart = (place: { root: string; out: string; cache: string }) =>
    spawnSync(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'build', '--root', place.root, '--out', place.out, '--cache-dir', place.cache], { encoding: 'utf8', timeout: 20_000 });

  it('leaves out a FIFO made just before the build, as the load does, instead of reading it', async () => {
    const place = await zine();
    await mkdir(path.join(place.root, 'content/static'), { recursive: true });
    execFileSync('mkfifo', [path.join(place.root, 'content/static/pipe')]);
    const run = buildApart(place);
    expect({ status: run.status, signal: run.signal }).toEqual({ status: 0, signal: null });
    expect(run.stdout).toMatch(built);
    expect((await readTree(place.out)).has('web/pipe')).toBe(false);
  });

  it('leaves out a symbolic link to a FIFO, as it leaves out the FIFO, instead of reading it', async () => {
    const place = await zine();
    await mkdir(path.join(place.root, 'content/static'), { recursive: true });
    execFileSync('mkfifo', [path.join(place.root, 'content/pipe')]);
    await symlink('../pipe', path.join(place.root, 'content/static/pipe.txt'));
    const run = buildApart(place);
    expect({ status: run.status, signal: run.signal }).toEqual({ status: 0, signal: null });
    expect(run.stdout).toMatch(built);
    expect((await readTree(place.out)).has('web/pipe.txt')).toBe(false);
  });

  it('leaves out a FIFO put where a file was that the last build read by its bytes', async () => {
    const place = await zine();
    const file = path.join(place.root, 'content/static/pipe');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'x\n');
    expect(buildApart(place).status).toBe(0);
    await rm(file);
    execFileSync('mkfifo', [file]);
    const run = buildApart(place);
    expect({ status: run.status, signal: run.signal }).toEqual({ status: 0, signal: null });
    expect(run.stdout).toMatch(built);
    expect((await readTree(place.out)).has('web/pipe')).toBe(false);
  });
});
