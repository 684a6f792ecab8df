import { appendFile, chmod, chown, cp, lutimes, mkdir, readFile, readdir, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { generateZine, listArticles } from '../../bench/generate.js';
import { build as buildSite } from '../../src/build.js';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../src/diagnostics/format.js';
import { applyRandomEdit, createRandom, edits, type EditedZine } from '../support/random-edits.js';
import { commitAll, git } from '../support/git.js';
import { differences, toFiles } from '../support/trees.js';
import { listTree, makeWebzine, readTree, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const article = 'content/issues/1/10-first.md';

/** Builds `root` into `out` with the cache in `cache` (or none), expecting success. */
async function build(root: string, out: string, cache: string | undefined, ...extra: string[]): Promise<string> {
  const run = await runCli(['build', '--root', root, '--out', out, ...(cache ? ['--cache-dir', cache] : ['--no-cache']), ...extra]);
  expect(run.stderr.split('\n').filter((line) => line && !line.startsWith('note: '))).toEqual([]);
  expect(run.code).toBe(0);
  return run.stderr;
}

/** Every file of an output folder as text: compared as strings, a tree's bytes compare fast. */
async function outputOf(out: string): Promise<Record<string, string>> {
  return Object.fromEntries([...(await readTree(out))].map(([file, bytes]) => [file, bytes.toString('latin1')]));
}

/** What a build with no cache at all makes of `root`: the reference every cached build must equal. */
async function uncached(root: string): Promise<Record<string, string>> {
  const out = path.join(await temporaryFolder(), 'dist');
  await build(root, out, undefined);
  return outputOf(out);
}

/** The base webzine, a cache folder of its own outside it, and its output folder. */
async function cachedZine(): Promise<{ root: string; cache: string; out: string }> {
  const root = await makeWebzine();
  return { root, cache: path.join(await temporaryFolder(), 'cache'), out: path.join(root, 'dist') };
}

/** The inode of every file of an output folder: a file written again gets a new one. */
async function inodes(out: string): Promise<Map<string, number>> {
  return new Map(await Promise.all((await listTree(out)).map(async (file) => [file, (await stat(path.join(out, file))).ino] as const)));
}

async function cacheFiles(cache: string): Promise<string[]> {
  return (await listTree(cache)).filter((file) => file.startsWith('files/')).map((file) => path.join(cache, file));
}

describe('the build cache', () => {
  it('gives byte for byte the output of a build without it, cold and warm, and puts nothing in the output', async () => {
    const { root, cache, out } = await cachedZine();
    await build(root, out, cache);
    const cold = await outputOf(out);
    await build(root, out, cache);
    expect(await outputOf(out)).toEqual(cold);
    expect(cold).toEqual(await uncached(root));
    expect(await cacheFiles(cache)).toHaveLength(4);
  });

  it("makes again the pages of the issues before and after one whose title changed, which link it by its title", async () => {
    const { root, cache, out } = await cachedZine();
    await appendFile(path.join(root, 'content/site.yml'), 'geminiUrl: gemini://zine.example/\n');
    for (const number of [2, 3]) {
      await mkdir(path.join(root, `content/issues/${number}`));
      await writeFile(path.join(root, `content/issues/${number}/issue.md`), `---\ntitle: Issue ${number}\ndate: 2026-0${number + 2}-01\n---\nThe editorial of issue ${number}.\n`);
    }
    await build(root, out, cache);
    const middle = path.join(root, 'content/issues/2/issue.md');
    await writeFile(middle, (await readFile(middle, 'utf8')).replace('title: Issue 2', 'title: The middle one'));
    await build(root, out, cache);
    const output = await outputOf(out);
    expect(output).toEqual(await uncached(root));
    for (const page of ['web/issues/1/index.html', 'web/issues/3/index.html']) expect(output[page], page).toContain('<span class="pager__title">The middle one</span>');
    for (const page of ['gemini/issues/1/index.gmi', 'gemini/issues/3/index.gmi']) expect(output[page], page).toMatch(/^=> \.\.\/2\/ (Next|Previous): No\. 2: The middle one$/m);
  });

  it('makes again every page that shows site.extra when it changes, its hash made once a build', async () => {
    const { root, cache, out } = await cachedZine();
    const footer = path.join(root, 'themes/default/templates/partials/footer.liquid');
    await mkdir(path.dirname(footer), { recursive: true });
    await writeFile(footer, `${await readFile(path.join(repoRoot, 'themes/default/templates/partials/footer.liquid'), 'utf8')}\n<p>{{ site.extra.motto }}</p>\n`);
    await appendFile(path.join(root, 'content/site.yml'), 'extra:\n  motto: First motto\n');
    await build(root, out, cache);
    const site = path.join(root, 'content/site.yml');
    await writeFile(site, (await readFile(site, 'utf8')).replace('First motto', 'Second motto'));
    await build(root, out, cache);
    const output = await outputOf(out);
    expect(output).toEqual(await uncached(root));
    expect(output['web/about/index.html']).toContain('<p>Second motto</p>');
  });

  it('is kept in node_modules/.cache/mimeo of the webzine unless told otherwise, and --no-cache writes none', async () => {
    const root = await makeWebzine();
    await build(root, path.join(root, 'dist'), undefined);
    await expect(readdir(path.join(root, 'node_modules'))).rejects.toThrow();
    const run = await runCli(['build', '--root', root]);
    expect(run.code).toBe(0);
    expect((await listTree(path.join(root, 'node_modules/.cache/mimeo'))).filter((file) => file.startsWith('files/'))).toHaveLength(4);
  });

  it.each([
    ['the source', async (root: string) => appendFile(path.join(root, article), '\nA sentence added since.\n'), 'A sentence added since.'],
    [
      'a config option',
      async (root: string) => {
        await appendFile(path.join(root, article), '\n<kbd>Ctrl</kbd>\n');
        await appendFile(path.join(root, 'content/site.yml'), 'markdown:\n  html: escape\n');
      },
      '&#x3C;kbd>Ctrl&#x3C;/kbd>',
    ],
    [
      'a template',
      async (root: string) => {
        const template = path.join(root, 'themes/own/templates/article.liquid');
        await mkdir(path.dirname(template), { recursive: true });
        await cp(path.join(repoRoot, 'themes/default/templates/article.liquid'), template);
        await writeFile(template, (await readFile(template, 'utf8')).replace('</article>', '<!-- changed template --></article>'));
        await appendFile(path.join(root, 'content/site.yml'), 'theme: own\n');
      },
      '<!-- changed template -->',
    ],
  ])('makes new output when %s changes', async (_input, change, expected) => {
    const { root, cache, out } = await cachedZine();
    // A first build fills the cache, the change may only then be made: the second build must see it.
    await build(root, out, cache);
    await change(root);
    await build(root, out, cache);
    const page = await readFile(path.join(out, 'web/issues/1/first/index.html'), 'utf8');
    expect(page).toContain(expected);
    expect(await outputOf(out)).toEqual(await uncached(root));
  });

  it('removes the entries no build needs any more: an edited file\'s old version, a removed file', async () => {
    const { root, cache, out } = await cachedZine();
    await build(root, out, cache);
    const before = await cacheFiles(cache);
    expect(before).toHaveLength(4);
    await appendFile(path.join(root, article), '\nA sentence added since.\n');
    await build(root, out, cache);
    const after = await cacheFiles(cache);
    expect(after).toHaveLength(4);
    expect(after.filter((file) => !before.includes(file))).toHaveLength(1);
    // Fragments go with their entry.
    expect((await listTree(cache)).filter((file) => file.startsWith('bodies/'))).toHaveLength(4);
    await rm(path.join(root, 'content/issues/1/20-second.md'));
    await writeFile(path.join(root, article), (await readFile(path.join(root, article), 'utf8')).replace('[link to the second article](20-second.md#details)', 'text'));
    await build(root, out, cache);
    expect(await cacheFiles(cache)).toHaveLength(3);
    expect(await outputOf(out)).toEqual(await uncached(root));
  });

  it('is not used by another version of mimeo', async () => {
    // A copy of mimeo whose code differs in one rendered detail: the heading anchors' class.
    const copy = path.join(await temporaryFolder(), 'mimeo');
    for (const part of ['bin', 'lib', 'themes', 'package.json']) await cp(path.join(repoRoot, part), path.join(copy, part), { recursive: true });
    await symlink(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'));
    const root = await makeWebzine();
    const cache = path.join(await temporaryFolder(), 'cache');
    const cli = (bin: string) => spawnSync(process.execPath, [bin, 'build', '--root', root, '--cache-dir', cache], { encoding: 'utf8' });
    expect(cli(path.join(repoRoot, 'bin/mimeo.js')).status).toBe(0);
    const renderer = path.join(copy, 'lib/render/html/heading-anchor.js');
    await writeFile(renderer, (await readFile(renderer, 'utf8')).replace("className: ['heading-anchor']", "className: ['heading-anchor', 'changed']"));
    expect(cli(path.join(copy, 'bin/mimeo.js')).status).toBe(0);
    expect(await readFile(path.join(root, 'dist/web/issues/1/first/index.html'), 'utf8')).toContain('class="heading-anchor changed"');
  });

  it('ignores corrupted or misplaced entries, with one note, and rewrites them', async () => {
    const { root, cache, out } = await cachedZine();
    await build(root, out, cache);
    const [first, second, third, fourth] = await cacheFiles(cache);
    // Garbage, an entry cut short, one entry's bytes under another's name, and fragments with one byte changed.
    await writeFile(first!, 'not an entry');
    await writeFile(second!, (await readFile(second!)).subarray(0, 40));
    await cp(fourth!, third!);
    const fragments = fourth!.replace(`${path.sep}files${path.sep}`, `${path.sep}bodies${path.sep}`);
    const bytes = await readFile(fragments);
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 1;
    await writeFile(fragments, bytes);
    const expected = await uncached(root);
    // A file of the output removed by hand: the build can not say that nothing changed, and
    // looks every entry up. Fragments are checked when a page needs them: it renders no page again.
    await rm(path.join(out, 'web/sitemap.xml'));
    const stderr = await build(root, out, cache);
    expect(stderr.match(/^note: .*cache entr/gm)).toHaveLength(1);
    expect(stderr).toContain('3 cache entries');
    expect(await outputOf(out)).toEqual(expected);
    // A build into another folder renders every page, finds the torn fragments and builds again.
    const elsewhere = path.join(await temporaryFolder(), 'dist');
    const again = await build(root, elsewhere, cache);
    expect(again.match(/^note: .*cache entr/gm)).toHaveLength(1);
    expect(again).toContain(`a cache entry in ${cache} could not be read (${path.relative(cache, fourth!)})`);
    expect(await outputOf(elsewhere)).toEqual(expected);
    // Rewritten: the next build finds nothing wrong.
    expect(await build(root, path.join(await temporaryFolder(), 'dist'), cache)).not.toContain('cache entr');
  });

  it('names in one note the entries found torn before and after a build starts again', async () => {
    const { root, cache, out } = await cachedZine();
    await build(root, out, cache);
    const [first, second] = await cacheFiles(cache);
    await writeFile(first!, 'not an entry');
    // The second entry's fragments are found torn only when a page needs them, which makes the build start again.
    const fragments = second!.replace(`${path.sep}files${path.sep}`, `${path.sep}bodies${path.sep}`);
    await writeFile(fragments, (await readFile(fragments)).subarray(0, 50));
    const elsewhere = path.join(await temporaryFolder(), 'dist');
    const stderr = await build(root, elsewhere, cache);
    expect(stderr.match(/^note: .*cache entr/gm)).toHaveLength(1);
    expect(stderr).toContain(`2 cache entries in ${cache} could not be read`);
    expect(await outputOf(elsewhere)).toEqual(await uncached(root));
  });

  it('renders again a page of the output that was changed or removed by hand', async () => {
    const { root, cache, out } = await cachedZine();
    await build(root, out, cache);
    const expected = await outputOf(out);
    await writeFile(path.join(out, 'web/about/index.html'), 'edited by hand');
    await rm(path.join(out, 'web/issues/1/index.html'));
    await build(root, out, cache);
    expect(await outputOf(out)).toEqual(expected);
  });

  describe('after a new commit', () => {
    const ada = { author: 'Ada Quill', email: 'ada@example.invalid' };
    /**
     * The base webzine with a capsule and a French edition (and `theme`), committed and built
     * with a cache, then built again after a commit that edits the about page: every other file
     * is then one commit older.
     */
    async function committedTwice(theme?: (root: string) => Promise<void>) {
      const { root, cache, out } = await cachedZine();
      await appendFile(path.join(root, 'content/site.yml'), 'geminiUrl: gemini://zine.example/\nlanguages: [fr]\n');
      await theme?.(root);
      await commitAll(root, [{ ...ada, date: '2026-03-01T09:00:00Z' }]);
      await build(root, out, cache);
      const [before, bytesBefore] = [await inodes(out), await outputOf(out)];
      const about = path.join(root, 'content/pages/about.md');
      await commitAll(root, [{ ...ada, date: '2026-03-02T09:00:00Z', files: { 'content/pages/about.md': `${await readFile(about, 'utf8')}\nA sentence added since.\n` } }]);
      await build(root, out, cache);
      const [after, bytesAfter] = [await inodes(out), await outputOf(out)];
      const rewritten = [...after].filter(([file, inode]) => before.get(file) !== inode).map(([file]) => file);
      const changed = Object.keys(bytesAfter).filter((file) => bytesBefore[file] !== bytesAfter[file]);
      return { root, out, rewritten, changed, commit: (await git(root, ['rev-parse', 'HEAD'])).slice(0, 12) };
    }

    it('writes again only the pages that show the build\'s commit: the home pages of the default theme', async () => {
      const { root, out, rewritten, changed, commit } = await committedTwice();
      // The files are one commit older, and the same.
      expect(rewritten).toEqual(changed);
      expect(rewritten).toEqual(expect.arrayContaining(['gemini/fr/index.gmi', 'gemini/index.gmi', 'web/fr/index.html', 'web/index.html', 'web/about/index.html']));
      expect(await readFile(path.join(out, 'web/index.html'), 'utf8')).toContain(`<meta name="revision" content="${commit}">`);
      expect(await outputOf(out)).toEqual(await uncached(root));
    });

    it('makes every page again when the theme shows the commit on every page', async () => {
      const footer = async (root: string) => {
        const layout = path.join(root, 'themes/own/templates/layouts/base.liquid');
        await mkdir(path.dirname(layout), { recursive: true });
        await writeFile(layout, (await readFile(path.join(repoRoot, 'themes/default/templates/layouts/base.liquid'), 'utf8')).replace('</body>', '<p>{{ build.commit }}</p>\n</body>'));
        await appendFile(path.join(root, 'content/site.yml'), 'theme: own\n');
      };
      const { root, out, rewritten, commit } = await committedTwice(footer);
      const pages = (await listTree(out)).filter((file) => file.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(10);
      for (const page of pages) expect(await readFile(path.join(out, page), 'utf8'), page).toContain(`<p>${commit}</p>`);
      expect(rewritten).toEqual(expect.arrayContaining(pages));
      expect(await outputOf(out)).toEqual(await uncached(root));
    });
  });

  it.each([false, true])('gives the output of a clean build after every edit of a random sequence, with commits between edits (drafts: %s)', async (drafts) => {
    // Pages of the original edition are reused by the inputs the dependency graph names: an input
    // it misses would leave a page stale here. Commits change dates, contributors and the
    // build's commit; halfway through, the base URL changes too.
    const root = await makeWebzine();
    await appendFile(path.join(root, 'content/site.yml'), 'geminiUrl: gemini://zine.example/\n');
    const authors = [
      { author: 'Ada Quill', email: 'ada@example.invalid' },
      { author: 'Bo Rivet', email: 'bo@example.invalid' },
    ];
    const commit = (step: number) => commitAll(root, [{ ...authors[step % 2]!, date: `2026-03-${String(1 + step).padStart(2, '0')}T09:00:00Z` }]);
    await commit(0);
    const zine: EditedZine = { root, random: createRandom(drafts ? 6 : 5), serial: 0 };
    const [out, cacheDir] = [path.join(root, 'dist'), path.join(await temporaryFolder(), 'cache')];
    const history: string[] = [];
    const steps = edits.length + 4;
    for (let step = 0; step < steps; step++) {
      const baseUrl = step < steps / 2 ? 'https://zine.example/' : 'https://mirror.example/zine/';
      const cached = await buildSite({ root, out, cacheDir, drafts, baseUrl });
      const clean = await buildSite({ root, out, drafts, baseUrl, write: false });
      const context = `after: ${history.join(' → ')}`;
      expect(formatDiagnostics(cached.diagnostics, 'text'), context).toBe(formatDiagnostics(clean.diagnostics, 'text'));
      if (!hasErrors(clean.diagnostics)) expect(differences(await readTree(out), await toFiles(clean.trees)), context).toEqual([]);
      history.push((await applyRandomEdit(zine)).name);
      if (step % 2 === 1) {
        await commit(step + 1);
        history.push('commit');
      }
    }
  });

  it('loads no Markdown parser, and no template engine when no page changed, when every file is in the cache', async () => {
    const root = await makeWebzine();
    const cache = path.join(await temporaryFolder(), 'cache');
    const modules = path.join(await temporaryFolder(), 'modules.txt');
    const hook = path.join(path.dirname(modules), 'hook.mjs');
    // Records every module the build loads: ES modules as they load, CommonJS ones (which
    // `require` loads past the hooks) at exit.
    const record = `import { appendFileSync } from 'node:fs'; export async function load(url, context, next) { appendFileSync(${JSON.stringify(modules)}, url + '\\n'); return next(url, context); }`;
    await writeFile(
      hook,
      [
        `import { createRequire, register } from 'node:module';`,
        `import { appendFileSync } from 'node:fs';`,
        `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(record)}));`,
        `const { cache } = createRequire(import.meta.url);`,
        `process.on('exit', () => appendFileSync(${JSON.stringify(modules)}, Object.keys(cache).join('\\n')));`,
      ].join('\n'),
    );
    const cli = (out: string) => spawnSync(process.execPath, ['--import', hook, path.join(repoRoot, 'bin/mimeo.js'), 'build', '--root', root, '--cache-dir', cache, '--out', out], { encoding: 'utf8' });
    const out = path.join(await temporaryFolder(), 'dist');
    expect(cli(out).status).toBe(0);
    const cold = await readFile(modules, 'utf8');
    for (const name of ['micromark', 'liquidjs', 'gray-matter']) expect(cold).toContain(`/node_modules/${name}/`);
    // No Markdown file has a `<`, so none holds raw HTML: the HTML parser of bodies is not loaded.
    expect(cold).not.toContain('/node_modules/rehype-raw/');
    await rm(modules);
    // Into another folder: every page is rendered again, from the cache.
    expect(cli(path.join(await temporaryFolder(), 'dist')).status).toBe(0);
    const rendering = await readFile(modules, 'utf8');
    expect(rendering).toMatch(/liquidjs/);
    expect(rendering).not.toMatch(/micromark|remark-parse|mdast-util-to-hast|rehype|gray-matter/);
    await rm(modules);
    // Nothing changed since: the build says so without loading the rest of mimeo.
    expect(cli(out).stdout).toMatch(/^nothing changed since the last build: /);
    const unchanged = await readFile(modules, 'utf8');
    expect(unchanged).toMatch(/\/lib\/write\/build-stamp\.js/);
    expect(unchanged).not.toMatch(/\/lib\/build\.js|\/zod\/|micromark|remark-parse|mdast-util-to-hast|rehype|gray-matter|liquidjs/);
    await rm(modules);
    // A file of the output removed by hand: the build runs, and makes that file without a template.
    await rm(path.join(out, 'web/sitemap.xml'));
    expect(cli(out).status).toBe(0);
    const restored = await readFile(modules, 'utf8');
    expect(restored).toMatch(/\/lib\/build\.js/);
    expect(restored).not.toMatch(/micromark|remark-parse|mdast-util-to-hast|rehype|gray-matter|liquidjs/);
    await rm(modules);
    // A body with raw HTML: compiled with the HTML parser, and sanitized.
    await appendFile(path.join(root, article), '\nPress <kbd>q</kbd> to quit.<script>alert(1)</script>\n');
    expect(cli(out).status).toBe(0);
    expect(await readFile(modules, 'utf8')).toContain('/node_modules/rehype-raw/');
    const page = await readFile(path.join(out, 'web/issues/1/first/index.html'), 'utf8');
    expect(page).toContain('<kbd>q</kbd>');
    expect(page).not.toContain('<script>alert');
  });
});

describe('compiling in worker threads', () => {
  it('gives the same output as compiling on the main thread', async () => {
    const root = await temporaryFolder();
    generateZine(root, { articles: 70, seed: 3 });
    // Raw HTML in some bodies, in more than one batch: each worker loads the HTML parser when it first needs it.
    const articles = listArticles(root);
    for (const [index, file] of articles.entries()) if (index % 20 === 5) await appendFile(path.join(root, file), '\nPress <kbd>q</kbd> to quit.\n');
    const outputs = [];
    for (const jobs of ['1', '2']) {
      const out = path.join(root, `dist-${jobs}`);
      // As a child process: workers run the compiled lib/, and so does this side then.
      const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'build', '--root', root, '--out', out, '--no-cache', '--jobs', jobs], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      outputs.push(await outputOf(out));
    }
    expect(Object.keys(outputs[0]!).length).toBeGreaterThan(140);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(Object.values(outputs[0]!).filter((page) => page.includes('<kbd>q</kbd>')).length).toBeGreaterThan(3);
  });

  it('finishes when there are more workers than batches of files to give them', async () => {
    const root = await makeWebzine();
    const out = path.join(root, 'dist');
    await build(root, out, undefined, '--jobs', '4');
    expect(await outputOf(out)).toEqual(await uncached(root));
  });
});

describe('the cache options', () => {
  it.each([
    [['--no-cache', '--cache-dir', 'x'], '--no-cache and --cache-dir can not be used together'],
    [['--cache-dir', 'content/cache'], '--cache-dir must not be inside content/'],
    [['--cache-dir', 'dist/cache'], '--cache-dir must not be inside --out'],
    [['--jobs', '0'], '--jobs must be a whole number from 1 to 999, got "0"'],
  ])('refuses %j', async (args, message) => {
    const root = await makeWebzine();
    const run = await runCli(['build', '--root', root, ...args], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('a build without the cache', () => {
  // Its compiled fragments wait in a folder of the system's temporary folder until pages are made.
  const leftovers = async (temporary: string) => (await readdir(temporary)).filter((name) => name.startsWith('mimeo-compiled-'));

  it('leaves nothing in the temporary folder when it finishes', async () => {
    const root = await makeWebzine();
    const temporary = await temporaryFolder();
    const finished = spawnSync(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'build', '--root', root, '--no-cache', '--jobs', '1'], { encoding: 'utf8', env: { ...process.env, TMPDIR: temporary } });
    expect(finished.status, finished.stderr).toBe(0);
    expect(await leftovers(temporary)).toEqual([]);
  });

  it('stops at once on Ctrl+C, even while it compiles on its own thread, removing its store, and a later build removes what a killed one left', async () => {
    const root = await temporaryFolder();
    // Enough articles that compiling them on one thread takes seconds.
    generateZine(root, { articles: 600, seed: 5 });
    const temporary = await temporaryFolder();
    const env = { ...process.env, TMPDIR: temporary };
    const args = [path.join(repoRoot, 'bin/mimeo.js'), 'build', '--root', root, '--no-cache', '--jobs', '1'];
    const child = spawn(process.execPath, [...args, '--out', path.join(root, 'stopped')], { env, stdio: 'ignore' });
    const ended = new Promise<[number | null, NodeJS.Signals | null, number]>((resolve) => child.once('exit', (code, signal) => resolve([code, signal, Date.now()])));
    // Stopped once it has compiled a few files into its store (one pack a thread).
    const stored = async (store: string) => (await Promise.all((await readdir(store)).map(async (name) => (await stat(path.join(store, name))).size))).reduce((sum, size) => sum + size, 0);
    let store: string | undefined;
    for (let waited = 0; ; waited += 20) {
      [store] = await leftovers(temporary);
      if (store && (await stored(path.join(temporary, store))) > 0) break;
      if (waited > 60_000) throw new Error('the build never started compiling');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const stoppedAt = Date.now();
    child.kill('SIGINT');
    const [code, signal, exitedAt] = await ended;
    expect([code, signal]).toEqual([130, null]);
    // It would have gone on compiling the other articles for seconds before looking at the signal.
    expect(exitedAt - stoppedAt).toBeLessThan(1500);
    await expect(readdir(path.join(root, 'stopped/web'))).rejects.toThrow();
    // It removed its store on its way out; one killed outright (`kill -9`) leaves it, as made again here.
    expect(await leftovers(temporary)).toEqual([]);
    await mkdir(path.join(temporary, store!), { mode: 0o700 });
    await writeFile(path.join(temporary, store!, 'pack'), 'compiled');
    // What the stopped build left, an hour old, and beside it what must stay: a store of a running
    // process (this one), as old; a fresh one of a stopped process; one that others may write
    // in; a link named as a store; and (when the test runs as root) another user's.
    const anHourAgo = new Date(Date.now() - 61 * 60 * 1000);
    const age = async (folder: string) => {
      for (const name of await readdir(folder)) await utimes(path.join(folder, name), anHourAgo, anHourAgo);
      await lutimes(folder, anHourAgo, anHourAgo);
    };
    await age(path.join(temporary, store!));
    // The store's name tells the machine and PID namespace it was made on, then its process.
    const [, place, pid] = /^mimeo-compiled-(\w+)-(\d+)-\w{6}$/.exec(store!)!;
    expect(pid).toBe(String(child.pid));
    const kept: string[] = [];
    const leave = async (name: string, make: (folder: string) => Promise<unknown>, aged = true) => {
      const folder = path.join(temporary, name);
      await make(folder);
      if (aged) await age(folder);
      kept.push(name);
    };
    await leave(`mimeo-compiled-${place}-${process.pid}-aBc123`, (folder) => mkdir(folder, { mode: 0o700 }));
    await leave(`mimeo-compiled-${place}-${child.pid}-dEf456`, (folder) => mkdir(folder, { mode: 0o700 }), false);
    await leave(`mimeo-compiled-${place}-${child.pid}-gHi789`, async (folder) => {
      await mkdir(folder);
      await chmod(folder, 0o777);
    });
    const elsewhere = path.join(await temporaryFolder(), 'precious');
    await mkdir(elsewhere);
    await age(elsewhere);
    await leave(`mimeo-compiled-${place}-${child.pid}-jKl012`, (folder) => symlink(elsewhere, folder));
    if (process.getuid?.() === 0) {
      await leave(`mimeo-compiled-${place}-${child.pid}-mNo345`, async (folder) => {
        await mkdir(folder, { mode: 0o700 });
        await chown(folder, 65534, 65534);
      });
    }

    const small = await makeWebzine();
    const later = spawnSync(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'build', '--root', small, '--no-cache', '--jobs', '1'], { encoding: 'utf8', env });
    expect(later.status, later.stderr).toBe(0);
    expect((await leftovers(temporary)).sort()).toEqual(kept.sort());
    expect(await readdir(elsewhere)).toEqual([]);
  });
});

describe('a store that can not be written', () => {
  it.each([['1'], ['2']])('still builds everything, with --jobs %s', async (jobs) => {
    const root = await makeWebzine();
    // A cache folder below a file: no entry can be written there.
    const blocker = path.join(await temporaryFolder(), 'file');
    await writeFile(blocker, 'not a folder');
    const out = path.join(root, 'dist');
    await build(root, out, path.join(blocker, 'cache'), '--jobs', jobs);
    expect(await outputOf(out)).toEqual(await uncached(root));
  });

  it('says once, in a note, that the cache folder is a file and nothing is kept for the next build', async () => {
    const root = await makeWebzine();
    const blocker = path.join(await temporaryFolder(), 'file');
    await writeFile(blocker, 'not a folder');
    const note = (folder: string) =>
      `note: the cache folder ${folder} can not be written (${blocker} is a file, not a folder), so nothing compiled now is kept for the next build or check, which compiles everything again; give --cache-dir a folder mimeo can write to, or --no-cache`;
    for (const cache of [blocker, path.join(blocker, 'sub')]) {
      const stderr = await build(root, path.join(root, 'dist'), cache);
      expect(stderr.split('\n').filter((line) => line.startsWith('note: the cache'))).toEqual([note(cache)]);
    }
    // A folder that can be written is not named.
    expect(await build(root, path.join(root, 'dist'), path.join(await temporaryFolder(), 'cache'))).not.toContain('note: the cache folder');
  });

  it.each([['1'], ['2']])('still builds everything without the cache, in a temporary folder it can not write to, with --jobs %s', async (jobs) => {
    const root = await makeWebzine();
    const expected = await uncached(root);
    // The system's temporary folder is a file: neither the store's folder nor a pack can be made.
    const blocker = path.join(await temporaryFolder(), 'file');
    await writeFile(blocker, 'not a folder');
    const out = path.join(root, 'dist-blocked');
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'build', '--root', root, '--out', out, '--no-cache', '--jobs', jobs], { encoding: 'utf8', env: { ...process.env, TMPDIR: blocker } });
    expect(run.status, run.stderr).toBe(0);
    expect(await outputOf(out)).toEqual(expected);
  });
});
