import { appendFile, copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../src/diagnostics/format.js';
import { createIncrementalBuild } from '../../src/watch/incremental-build.js';
import { resolveRequest } from '../../src/watch/resolve-request.js';
import { generateZine } from '../../bench/generate.js';
import { applyRandomEdit, createRandom, edits, translationEdits, type Edit, type EditedZine } from '../support/random-edits.js';
import { commitAll, git } from '../support/git.js';
import { forgeCacheEntries } from '../support/forge-cache.js';
import { differences, toFiles } from '../support/trees.js';
import { listTree, makeWebzine, readTree, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const baseUrl = 'http://127.0.0.1:4000/';

/** A rebuild's diagnostics as `file rule-id` lines. */
function rules(outcome: { diagnostics: { ruleId: string; file: string }[] }): string[] {
  return outcome.diagnostics.map((d) => `${d.file} ${d.ruleId}`);
}

async function editedZine(seed: number): Promise<EditedZine> {
  const root = await makeWebzine();
  // A capsule too, so gemtext outputs take part.
  await writeFile(path.join(root, 'content/site.yml'), `${await readFile(path.join(root, 'content/site.yml'), 'utf8')}geminiUrl: gemini://zine.example/\n`);
  return { root, random: createRandom(seed), serial: 0 };
}

/** UI strings for German, which the default theme lacks: its English ones. */
async function germanStrings(root: string): Promise<void> {
  await mkdir(path.join(root, 'themes/default/i18n'), { recursive: true });
  await copyFile(path.join(repoRoot, 'themes/default/i18n/en.yml'), path.join(root, 'themes/default/i18n/de.yml'));
}

/** Makes random edits of `kinds` one after the other, each followed by a rebuild whose output and diagnostics must be a clean build's. */
async function expectCleanBuilds(zine: EditedZine, name: string, kinds: readonly Edit[] = edits): Promise<void> {
  const outDir = await temporaryFolder();
  const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
  expect((await incremental.rebuild([])).ok).toBe(true);
  const history: string[] = [];
  for (let step = 0; step < kinds.length + 4; step++) {
    const edit = await applyRandomEdit(zine, kinds);
    history.push(edit.name);
    const outcome = await incremental.rebuild(edit.paths);
    const clean = await build({ root: zine.root, out: outDir, drafts: true, baseUrl, write: false });
    const context = `${name}, after: ${history.join(' → ')}`;
    expect(formatDiagnostics(outcome.diagnostics, 'text'), context).toBe(formatDiagnostics(clean.diagnostics, 'text'));
    expect(outcome.ok, context).toBe(!hasErrors(clean.diagnostics));
    if (outcome.ok) expect(differences(await readTree(outDir), await toFiles(clean.trees)), context).toEqual([]);
  }
}

describe('incremental rebuilds of mimeo dev', () => {
  it("keep compiled files in build's cache, so a build after a preview compiles nothing", async () => {
    const zine = await editedZine(7);
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
    expect((await incremental.rebuild([])).ok).toBe(true);
    const cache = path.join(zine.root, 'node_modules/.cache/mimeo');
    const entries = (await listTree(cache)).filter((file) => file.startsWith('files/'));
    const markdown = (await listTree(path.join(zine.root, 'content'))).filter((file) => file.endsWith('.md'));
    expect(entries).toHaveLength(markdown.length);
    // The command build finds every file in that cache: it rewrites no entry (a rewrite is a new file).
    const written = async () => Promise.all(entries.map(async (file) => (await stat(path.join(cache, file))).ino));
    const before = await written();
    const run = await runCli(['build', '--root', zine.root, '--out', path.join(await temporaryFolder(), 'dist'), '--drafts', '--base-url', baseUrl]);
    expect(run.code).toBe(0);
    expect(await written()).toEqual(before);
    expect((await listTree(cache)).filter((file) => file.startsWith('files/'))).toEqual(entries);
  });

  it.each([1, 2])('equal a clean build --drafts, byte for byte, after every edit of random sequence %i', async (seed) => {
    await expectCleanBuilds(await editedZine(seed), `seed ${seed}`);
  });

  it.each([3, 4])('equal a clean build --drafts, byte for byte, after every edit of random sequence %i of a webzine with French and German editions', async (seed) => {
    const zine = await editedZine(seed);
    await appendFile(path.join(zine.root, 'content/site.yml'), 'languages: [fr, de]\n');
    await germanStrings(zine.root);
    // Texts translated into one language or both, a heading kept (`#details`, which the first article links to) or not.
    const translations = {
      'content/issues/1/20-second.fr.md': '---\ntitle: Le deuxième article\n---\n## Details\n\nEn français.\n',
      'content/issues/1/20-second.de.md': '---\ntitle: Der zweite Artikel\n---\n## Einzelheiten\n\nAuf Deutsch.\n',
      'content/issues/1/issue.fr.md': '---\ntitle: Première lumière\n---\nBienvenue.\n',
      'content/pages/about.de.md': '---\ntitle: Über uns\n---\n## Geschichte\n\nIn einem Schuppen.\n',
    };
    for (const [file, text] of Object.entries(translations)) await writeFile(path.join(zine.root, file), text);
    await expectCleanBuilds(zine, `seed ${seed} in three languages`, [...edits, ...translationEdits]);
  });

  it('warns of a published article whose saved body holds nothing but notes, as a build does', async () => {
    const zine = await editedZine(6);
    // An article of plain text (no heading whose anchor would go with it): only its text changes.
    const article = path.join(zine.root, 'content/issues/1/30-plain.md');
    const text = '---\ntitle: Plain\nauthors: [ada]\n---\nA plain text.\n';
    await writeFile(article, text);
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
    expect((await incremental.rebuild([])).ok).toBe(true);
    await writeFile(article, text.replace('A plain text.', '<!-- to write -->'));
    const blank = await incremental.rebuild(['content/issues/1/30-plain.md']);
    expect(rules(blank)).toContain('content/issues/1/30-plain.md article/blank');
    await writeFile(article, text);
    expect(rules(await incremental.rebuild(['content/issues/1/30-plain.md']))).not.toContain('content/issues/1/30-plain.md article/blank');
  });

  it('writes the page of an alias added to an article, and removes it with the alias, as a build would', async () => {
    const zine = await editedZine(8);
    const article = path.join(zine.root, 'content/issues/1/10-first.md');
    const text = await readFile(article, 'utf8');
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
    expect((await incremental.rebuild([])).ok).toBe(true);
    await writeFile(article, text.replace('tags: [news]', 'tags: [news]\naliases: [/issues/1/premier/]'));
    expect((await incremental.rebuild(['content/issues/1/10-first.md'])).ok).toBe(true);
    expect(await readFile(path.join(outDir, 'web/issues/1/premier/index.html'), 'utf8')).toContain('<meta http-equiv="refresh" content="0; url=../first/">');
    // What mimeo dev's server answers at the old address.
    expect(await resolveRequest(path.join(outDir, 'web'), '/issues/1/premier/', 'index.html')).toMatchObject({ kind: 'file', relative: 'issues/1/premier/index.html' });
    expect(await readFile(path.join(outDir, 'gemini/issues/1/premier.gmi'), 'utf8')).toBe('This page has moved to a new address:\n=> first.gmi The first article\n');
    await writeFile(article, text);
    expect((await incremental.rebuild(['content/issues/1/10-first.md'])).ok).toBe(true);
    expect((await listTree(outDir)).filter((file) => file.includes('premier'))).toEqual([]);
    expect(await resolveRequest(path.join(outDir, 'web'), '/issues/1/premier/', 'index.html')).toEqual({ kind: 'missing', relative: 'issues/1/premier/index.html' });
  });

  it("lists an article on a tag's page and in the tags index once the tag is added to it, and removes the page with the tag, as a build would", async () => {
    const zine = await editedZine(9);
    const second = 'content/issues/1/20-second.md';
    const text = await readFile(path.join(zine.root, second), 'utf8');
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
    expect((await incremental.rebuild([])).ok).toBe(true);
    const titles = async (file: string) => [...(await readFile(path.join(outDir, file), 'utf8')).matchAll(/class="tagged__title"><a [^>]*>([^<]*)</g)].map((match) => match[1]);
    expect(await titles('web/tags/news/index.html')).toEqual(['The first article']);
    const expectClean = async () => {
      const clean = await build({ root: zine.root, out: outDir, drafts: true, baseUrl, write: false });
      expect(differences(await readTree(outDir), await toFiles(clean.trees))).toEqual([]);
    };
    await writeFile(path.join(zine.root, second), text.replace('authors: [grace, A Reader]', 'authors: [grace, A Reader]\ntags: [news, solar]'));
    expect((await incremental.rebuild([second])).ok).toBe(true);
    expect(await titles('web/tags/news/index.html')).toEqual(['The first article', 'The second article']);
    expect(await titles('web/tags/solar/index.html')).toEqual(['The second article']);
    expect(await readFile(path.join(outDir, 'web/tags/index.html'), 'utf8')).toContain('<a href="news/">news</a> <span class="tag-index__count">(2)</span>');
    expect(await readFile(path.join(outDir, 'gemini/tags/solar/index.gmi'), 'utf8')).toContain('=> ../../issues/1/second.gmi The second article');
    await expectClean();
    await writeFile(path.join(zine.root, second), text);
    expect((await incremental.rebuild([second])).ok).toBe(true);
    expect(await titles('web/tags/news/index.html')).toEqual(['The first article']);
    expect((await listTree(outDir)).filter((file) => file.includes('solar'))).toEqual([]);
    await expectClean();
  });

  it('removes the capsule folder itself once site.yml has no geminiUrl, as a build would not make it', async () => {
    const zine = await editedZine(5);
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
    expect((await incremental.rebuild([])).ok).toBe(true);
    expect((await readdir(outDir)).sort()).toEqual(['gemini', 'web']);
    const site = path.join(zine.root, 'content/site.yml');
    await writeFile(site, (await readFile(site, 'utf8')).replace(/^geminiUrl: .*\n/m, ''));
    expect((await incremental.rebuild(['content/site.yml'])).ok).toBe(true);
    expect(await readdir(outDir)).toEqual(['web']);
  });

  it('leaves the same folder as the command build --drafts after a sequence of edits', async () => {
    const zine = await editedZine(42);
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
    await incremental.rebuild([]);
    for (let step = 0; step < 8; step++) await incremental.rebuild((await applyRandomEdit(zine)).paths);
    if (zine.broken) await incremental.rebuild((await applyRandomEdit(zine)).paths);
    const out = await temporaryFolder();
    expect((await runCli(['build', '--drafts', '--root', zine.root, '--out', out, '--base-url', baseUrl])).code).toBe(0);
    expect(differences(await readTree(outDir), await readTree(out))).toEqual([]);
  });

  it('sees every change, even one whose event was lost (once it looks for missed changes), and reports again what reading an unchanged file found', async () => {
    const zine = await editedZine(3);
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
    const second = path.join(zine.root, 'content/issues/1/20-second.md');
    // A control character is dropped with a warning, found when the file is read.
    await writeFile(second, (await readFile(second, 'utf8')).replace('The details', 'The\u0007 details'));
    expect(rules(await incremental.rebuild([]))).toEqual(['content/issues/1/20-second.md encoding/control-character']);
    const first = path.join(zine.root, 'content/issues/1/10-first.md');
    await writeFile(first, (await readFile(first, 'utf8')).replace('Some text', 'Some edited text'));
    const outcome = await incremental.rebuild(['content/issues/1/10-first.md']);
    expect(rules(outcome)).toEqual(['content/issues/1/20-second.md encoding/control-character']);
    expect(await readFile(path.join(outDir, 'web/issues/1/first/index.html'), 'utf8')).toContain('Some edited text');
    expect(await incremental.verify()).toBe(false);
    // A file changed behind the watcher's back (its event lost) is found when the session looks
    // for missed changes, and read again by the rebuild that follows.
    await writeFile(second, (await readFile(second, 'utf8')).replace('The\u0007 details', 'The details'));
    await writeFile(first, (await readFile(first, 'utf8')).replace('Some edited text', 'Some text edited twice'));
    expect(rules(await incremental.rebuild(['content/issues/1/10-first.md']))).toEqual(['content/issues/1/20-second.md encoding/control-character']);
    expect(await incremental.verify()).toBe(true);
    expect(rules(await incremental.rebuild([]))).toEqual([]);
    // So is a file added behind its back.
    await writeFile(path.join(zine.root, 'content/issues/1/30-third.md'), '---\ntitle: Third\n---\nA third article, [broken](missing.md).\n');
    await writeFile(first, (await readFile(first, 'utf8')).replace('Some text edited twice', 'Some text edited thrice'));
    expect((await incremental.rebuild(['content/issues/1/10-first.md'])).ok).toBe(true);
    expect(await incremental.verify()).toBe(true);
    expect(rules(await incremental.rebuild([]))).toEqual(['content/issues/1/30-third.md link/missing-target']);
  });

  it('checks a copied file changed or removed behind the watcher\'s back before a body edit is rebuilt', async () => {
    const zine = await editedZine(5);
    const incremental = createIncrementalBuild({ root: zine.root, outDir: await temporaryFolder(), baseUrl });
    const [cover, first] = ['content/issues/1/cover.svg', 'content/issues/1/10-first.md'];
    expect(rules(await incremental.rebuild([]))).toEqual([]);
    const edit = () => appendFile(path.join(zine.root, first), '\nOne more line.\n');
    // Made unsafe, and the watcher says nothing of it: the rebuild of the edit finds it all the same.
    await writeFile(path.join(zine.root, cover), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n');
    await edit();
    expect(rules(await incremental.rebuild([first]))).toEqual([`${cover} asset/unsafe-svg`]);
    await rm(path.join(zine.root, cover));
    await edit();
    expect(rules(await incremental.rebuild([first]))).toEqual(["content/issues/1/issue.md asset/missing"]);
  });

  it('reports an image made unsafe between two rebuilds, and again on the next rebuild until it is mended', async () => {
    const zine = await editedZine(4);
    const incremental = createIncrementalBuild({ root: zine.root, outDir: await temporaryFolder(), baseUrl });
    const cover = 'content/issues/1/cover.svg';
    const safe = await readFile(path.join(zine.root, cover), 'utf8');
    expect(rules(await incremental.rebuild([]))).toEqual([]);
    await writeFile(path.join(zine.root, cover), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n');
    expect(rules(await incremental.rebuild([cover]))).toEqual([`${cover} asset/unsafe-svg`]);
    // An edit elsewhere: the cover is not read again, and what its check found still holds.
    expect(rules(await incremental.rebuild(['content/issues/1/10-first.md']))).toEqual([`${cover} asset/unsafe-svg`]);
    await writeFile(path.join(zine.root, cover), safe);
    expect((await incremental.rebuild([cover])).ok).toBe(true);
  });

  it("rebuilds saves that change bodies alone from the last build's model, with a clean build's output and diagnostics", async () => {
    const zine = await editedZine(11);
    const [first, second, about, editorial] = ['content/issues/1/10-first.md', 'content/issues/1/20-second.md', 'content/pages/about.md', 'content/issues/1/issue.md'];
    // A French edition, where the first article is not translated (it shows the original's body) and the second is.
    await appendFile(path.join(zine.root, 'content/site.yml'), 'languages: [fr]\n');
    await writeFile(path.join(zine.root, 'content/issues/1/20-second.fr.md'), '---\ntitle: Le deuxième article\n---\n## Détails\n\nEn français.\n');
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
    expect((await incremental.rebuild([])).ok).toBe(true);
    const edit = async (file: string, change: (text: string) => string) => writeFile(path.join(zine.root, file), change(await readFile(path.join(zine.root, file), 'utf8')));
    const steps: Array<[string, () => Promise<unknown>, string[]]> = [
      ['a paragraph', () => edit(first, (t) => `${t}\nA paragraph added.\n`), [first]],
      ['a link to an anchor of another page', () => edit(first, (t) => `${t}\nSee [its history](../../pages/about.md#history).\n`), [first]],
      ['a link to an anchor not there yet', () => edit(about, (t) => `${t}\nSee [later](../issues/1/10-first.md#later).\n`), [about]],
      ['a heading, so the anchor', () => edit(first, (t) => `${t}\n## Later\n\nMore.\n`), [first]],
      ['the heading renamed, so the link broken', () => edit(first, (t) => t.replace('## Later', '## Afterwards')), [first]],
      ['the heading named back', () => edit(first, (t) => t.replace('## Afterwards', '## Later')), [first]],
      ['a broken link', () => edit(first, (t) => `${t}\nA [broken link](missing.md).\n`), [first]],
      ['the broken link mended', () => edit(first, (t) => t.replace('(missing.md)', '(20-second.md)')), [first]],
      ['two articles at once', async () => (await edit(first, (t) => `${t}\nOne.\n`), await edit(second, (t) => `${t}\nTwo.\n`)), [first, second]],
      ['a page', () => edit(about, (t) => `${t}\nIt moved to a garage.\n`), [about]],
      ['an editorial', () => edit(editorial, (t) => `${t}\nA word from the editors.\n`), [editorial]],
      ['a save that changes nothing', () => edit(first, (t) => t), [first]],
      ['a title', () => edit(first, (t) => t.replace('title: The first article', 'title: The very first article')), [first]],
    ];
    for (const [name, change, paths] of steps) {
      await change();
      const outcome = await incremental.rebuild(paths);
      const clean = await build({ root: zine.root, out: outDir, drafts: true, baseUrl, write: false });
      expect(formatDiagnostics(outcome.diagnostics, 'text'), name).toBe(formatDiagnostics(clean.diagnostics, 'text'));
      expect(outcome.ok, name).toBe(!hasErrors(clean.diagnostics));
      if (outcome.ok) expect(differences(await readTree(outDir), await toFiles(clean.trees)), name).toEqual([]);
    }
    expect(await readFile(path.join(outDir, 'web/fr/issues/1/first/index.html'), 'utf8')).toContain('A paragraph added.');
  });

  it('gives a clean build\'s dates and notes when body edits make a committed file uncommitted, and after a commit', async () => {
    const zine = await editedZine(12);
    const ada = { author: 'Ada Quill', email: 'ada@example.invalid' };
    // A French edition too: its pages show the commit and dates, and the sitemap dates its pages by their own commits.
    await appendFile(path.join(zine.root, 'content/site.yml'), 'languages: [fr]\n');
    await commitAll(zine.root, [{ ...ada, date: '2026-03-01T09:00:00Z' }]);
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
    expect((await incremental.rebuild([])).ok).toBe(true);
    const first = 'content/issues/1/10-first.md';
    const about = 'content/pages/about.fr.md';
    const steps: Array<[string, () => Promise<unknown>, string?]> = [
      ['a first edit, so the file is not committed any more', () => appendFile(path.join(zine.root, first), '\nEdited once.\n')],
      ['a second edit', () => appendFile(path.join(zine.root, first), '\nEdited twice.\n')],
      ['a commit', () => commitAll(zine.root, [{ ...ada, date: '2026-03-09T09:00:00Z' }])],
      ['an edit after the commit', () => appendFile(path.join(zine.root, first), '\nEdited thrice.\n')],
      // The sitemap dates the French page by its own commits.
      ['a translation committed', () => commitAll(zine.root, [{ ...ada, date: '2026-03-12T09:00:00Z', files: { [about]: '---\ntitle: À propos\n---\nNous.\n' } }]), about],
      ['the translation edited, not committed', () => appendFile(path.join(zine.root, about), '\nNous, encore.\n'), about],
      ['the translation alone committed again', () => commitAll(zine.root, [{ ...ada, date: '2026-03-15T09:00:00Z' }]), about],
    ];
    for (const [name, change, changed = first] of steps) {
      await change();
      const outcome = await incremental.rebuild([changed]);
      const clean = await build({ root: zine.root, out: outDir, drafts: true, baseUrl, write: false });
      expect(outcome.notes, name).toEqual(clean.notes);
      expect(formatDiagnostics(outcome.diagnostics, 'text'), name).toBe(formatDiagnostics(clean.diagnostics, 'text'));
      expect(differences(await readTree(outDir), await toFiles(clean.trees)), name).toEqual([]);
    }
  });

  it("writes a clean build's sitemap when a translation of an article or an editorial is made a draft, and when it is published again", async () => {
    const zine = await editedZine(13);
    const [article, editorial] = ['content/issues/1/20-second.fr.md', 'content/issues/1/issue.fr.md'];
    await appendFile(path.join(zine.root, 'content/site.yml'), 'languages: [fr]\n');
    await writeFile(path.join(zine.root, article), '---\ntitle: Le deuxième article\n---\n## Détails\n\nEn français.\n');
    await writeFile(path.join(zine.root, editorial), '---\ntitle: Première lumière\n---\nBienvenue.\n');
    await commitAll(zine.root, [{ author: 'Ada Quill', email: 'ada@example.invalid', date: '2026-03-01T09:00:00Z' }]);
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
    expect((await incremental.rebuild([])).ok).toBe(true);
    const edit = async (file: string, change: (text: string) => string) => writeFile(path.join(zine.root, file), change(await readFile(path.join(zine.root, file), 'utf8')));
    const drafted = (text: string) => text.replace('---\n', '---\ndraft: true\n');
    const published = (text: string) => text.replace('draft: true\n', '');
    const steps: Array<[string, string, (text: string) => string]> = [
      ['an article translation made a draft', article, drafted],
      ['the article translation published again', article, published],
      ['an editorial translation made a draft', editorial, drafted],
      ['the editorial translation published again', editorial, published],
    ];
    for (const [name, file, change] of steps) {
      await edit(file, change);
      expect((await incremental.rebuild([file])).ok, name).toBe(true);
      const clean = await build({ root: zine.root, out: outDir, drafts: true, baseUrl, write: false });
      expect(differences(await readTree(outDir), await toFiles(clean.trees)), name).toEqual([]);
    }
  });

  it('re-renders only the outputs an edit of one article body affects, and writes only those that changed', async () => {
    const zine = await editedZine(7);
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
    await incremental.rebuild([]);
    const file = 'content/issues/1/20-second.md';
    await writeFile(path.join(zine.root, file), `${await readFile(path.join(zine.root, file), 'utf8')}\nOne more line.\n`);
    const outcome = await incremental.rebuild([file]);
    expect(outcome.ok && { rendered: outcome.rendered, update: outcome.update }).toEqual({
      rendered: 5,
      update: { written: ['gemini/issues/1/second.gmi', 'web/atom.xml', 'web/issues/1/index.html', 'web/issues/1/second/index.html', 'web/rss.xml'], removed: [] },
    });
  });

  it("re-renders an untranslated article's page in an edition whose translation of the page it links to gains or loses the heading it links to", async () => {
    const zine = await editedZine(10);
    const translation = path.join(zine.root, 'content/issues/1/20-second.fr.md');
    await appendFile(path.join(zine.root, 'content/site.yml'), 'languages: [fr]\n');
    // The first article, not translated, links to the second's #details: the French page has no such heading.
    const text = (heading: string) => `---\ntitle: Le deuxième article\n---\n## ${heading}\n\nEn français.\n`;
    await writeFile(translation, text('Ailleurs'));
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
    expect((await incremental.rebuild([])).ok).toBe(true);
    const link = async () => /href="([^"]*)">link to the second article/.exec(await readFile(path.join(outDir, 'web/fr/issues/1/first/index.html'), 'utf8'))?.[1];
    expect(await link()).toBe('../second/');
    for (const [heading, href] of [['Details', '../second/#details'], ['Ailleurs', '../second/']]) {
      await writeFile(translation, text(heading!));
      expect((await incremental.rebuild(['content/issues/1/20-second.fr.md'])).ok).toBe(true);
      expect(await link(), heading).toBe(href);
      const clean = await build({ root: zine.root, out: outDir, drafts: true, baseUrl, write: false });
      expect(differences(await readTree(outDir), await toFiles(clean.trees)), heading).toEqual([]);
    }
  });

  it('re-renders, in a webzine with two more languages, only the outputs of each edition that show an edited article body', async () => {
    const zine = await editedZine(9);
    await appendFile(path.join(zine.root, 'content/site.yml'), 'languages: [fr, de]\n');
    await germanStrings(zine.root);
    // Translated into German only: the French edition shows the original's text, the German one its own.
    await writeFile(path.join(zine.root, 'content/issues/1/10-first.de.md'), '---\ntitle: Der erste Artikel\n---\n## Eröffnung\n\nEin Text.\n');
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root: zine.root, outDir, baseUrl });
    expect((await incremental.rebuild([])).ok).toBe(true);
    const file = 'content/issues/1/10-first.md';
    await appendFile(path.join(zine.root, file), '\nOne more line.\n');
    const outcome = await incremental.rebuild([file]);
    const shown = ['gemini/issues/1/first.gmi', 'web/atom.xml', 'web/issues/1/first/index.html', 'web/issues/1/index.html', 'web/rss.xml'];
    const written = [...shown, ...shown.map((output) => output.replace(/^(web|gemini)\//, '$1/fr/'))].sort();
    expect(outcome.ok && { rendered: outcome.rendered, update: outcome.update }).toEqual({ rendered: 10, update: { written, removed: [] } });
    const clean = await build({ root: zine.root, out: outDir, drafts: true, baseUrl, write: false });
    expect(differences(await readTree(outDir), await toFiles(clean.trees))).toEqual([]);
  });
});

describe('the preview, when a checkout brings a cache folder of committed files', () => {
  it('stops using that cache and what it compiled into it, so no forged entry reaches a page', async () => {
    const root = await makeWebzine();
    const who = { author: 'Ada Quill', email: 'ada@secret.example' };
    await commitAll(root, [{ ...who, date: '2026-03-01T09:00:00Z' }]);
    const outDir = await temporaryFolder();
    const incremental = createIncrementalBuild({ root, outDir, baseUrl });
    expect((await incremental.rebuild([])).ok).toBe(true);
    // The pull request: the cache this preview filled, forged and committed.
    await forgeCacheEntries(path.join(root, 'node_modules/.cache/mimeo'));
    await git(root, ['add', '-f', 'node_modules/.cache/mimeo']);
    await git(root, ['commit', '-q', '-m', 'fix a typo'], { GIT_AUTHOR_NAME: 'M', GIT_AUTHOR_EMAIL: 'm@example.org', GIT_COMMITTER_NAME: 'M', GIT_COMMITTER_EMAIL: 'm@example.org' });
    const first = 'content/issues/1/10-first.md';
    await appendFile(path.join(root, first), '\nOne more line.\n');
    const result = await incremental.rebuild([first]);
    expect(result.ok).toBe(true);
    expect(result.notes.join('\n')).toContain('holds files committed to Git');
    for (const file of ['web/issues/1/first/index.html', 'web/issues/1/second/index.html', 'web/issues/1/index.html']) {
      expect(await readFile(path.join(outDir, file), 'utf8'), file).not.toContain('<script>alert(1)</script>');
    }
  });
});

describe('a rebuild of mimeo dev, when the preview stops', () => {
  it('abandons a rebuild of saves that change bodies alone at once, as it does a full one', { timeout: 60_000 }, async () => {
    const root = await temporaryFolder();
    // Enough edited articles that compiling and rendering them takes seconds.
    generateZine(root, { articles: 250, seed: 5 });
    const stopping = new AbortController();
    const incremental = createIncrementalBuild({ root, outDir: await temporaryFolder(), baseUrl, signal: stopping.signal });
    expect((await incremental.rebuild([])).ok).toBe(true);
    const articles = (await listTree(path.join(root, 'content'))).filter((file) => /^issues\/\d+\/\d+-[^/.]+\.md$/.test(file)).map((file) => `content/${file}`);
    expect(articles.length).toBeGreaterThanOrEqual(250);
    for (const article of articles) await appendFile(path.join(root, article), '\nOne more line.\n');
    const started = performance.now();
    const rebuilt = incremental.rebuild(articles);
    stopping.abort();
    await expect(rebuilt).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
