import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../support/vnu.js';
import { listTree, makeWebzine, readTree, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const article = 'content/issues/1/10-first-steps.md';

/** The base webzine with a capsule and a French edition, its first article renamed from 10-first.md with its old address in `aliases`. */
async function movedZine(aliases = '[/issues/1/first/, old/first]'): Promise<string> {
  const root = await makeWebzine();
  const file = (name: string) => path.join(root, name);
  await writeFile(file('content/site.yml'), `${await readFile(file('content/site.yml'), 'utf8')}geminiUrl: gemini://zine.example/\nlanguages: [fr]\n`);
  await rename(file('content/issues/1/10-first.md'), file(article));
  await writeFile(file(article), (await readFile(file(article), 'utf8')).replace('tags: [news]', `tags: [news]\naliases: ${aliases}`));
  await writeFile(file('content/issues/1/issue.md'), (await readFile(file('content/issues/1/issue.md'), 'utf8')).replace('10-first.md', '10-first-steps.md'));
  await writeFile(file('content/issues/1/10-first-steps.fr.md'), '---\ntitle: Les premiers pas\nsummary: Ce qui vient d\'abord.\n---\nBonjour.\n');
  return root;
}

async function buildInto(root: string, out: string, ...extra: string[]): Promise<void> {
  const run = await runCli(['build', '--root', root, '--out', out, ...extra]);
  expect(run.stdout + run.stderr.split('\n').filter((line) => line.includes('error')).join('\n')).not.toContain('error');
  expect(run.code).toBe(0);
}

describe('an article with aliases', () => {
  let out: string;
  const read = (file: string) => readFile(path.join(out, file), 'utf8');
  beforeAll(async () => {
    out = await temporaryFolder();
    await buildInto(await movedZine(), out);
  });

  it('leaves at its old address a page that sends readers on to the new one, with a link to follow', async () => {
    expect(await read('web/issues/1/first/index.html')).toBe(
      [
        '<!DOCTYPE html>',
        '<html lang="en" dir="ltr">',
        '<head>',
        '<meta charset="utf-8">',
        '<title>The first article</title>',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex">',
        '<link rel="canonical" href="https://zine.example/issues/1/first-steps/">',
        '<meta http-equiv="refresh" content="0; url=../first-steps/">',
        '</head>',
        '<body>',
        '<p>This page has moved to a new address:</p>',
        '<p><a href="../first-steps/">The first article</a></p>',
        '</body>',
        '</html>',
        '',
      ].join('\n'),
    );
    expect(await read('web/old/first/index.html')).toContain('<meta http-equiv="refresh" content="0; url=../../issues/1/first-steps/">');
  });

  it('writes the same page under every edition, in its language, to its edition\'s address', async () => {
    const french = await read('web/fr/issues/1/first/index.html');
    expect(french).toContain('<html lang="fr" dir="ltr">');
    expect(french).toContain('<link rel="canonical" href="https://zine.example/fr/issues/1/first-steps/">');
    expect(french).toContain('<p>Cette page a changé d\'adresse\u202F:</p>\n<p><a href="../first-steps/">Les premiers pas</a></p>');
  });

  it('writes pages the Nu Html Checker finds valid', async () => {
    expect(await checkHtml(['web/issues/1/first/index.html', 'web/fr/old/first/index.html'].map((file) => path.join(out, file)))).toEqual([]);
  });

  it('leaves in the capsule a page at the old address with a link to the new one', async () => {
    expect(await read('gemini/issues/1/first.gmi')).toBe('This page has moved to a new address:\n=> first-steps.gmi The first article\n');
    expect(await read('gemini/fr/old/first.gmi')).toBe('Cette page a changé d\'adresse\u202F:\n=> ../issues/1/first-steps.gmi Les premiers pas\n');
  });

  it('puts no alias in the sitemap or the feeds', async () => {
    for (const file of ['web/sitemap.xml', 'web/atom.xml', 'web/rss.xml', 'web/fr/atom.xml', 'gemini/atom.xml']) {
      const text = await read(file);
      if (file === 'web/sitemap.xml') expect(text).toContain('<loc>https://zine.example/issues/1/first-steps/</loc>');
      expect(text, file).not.toMatch(/issues\/1\/first\/|old\/first/);
    }
  });
});

describe('an alias of an article not translated yet', () => {
  it("names the original's address as canonical in the edition, where the page it sends readers to is a copy of the original", async () => {
    const root = await movedZine();
    await rm(path.join(root, 'content/issues/1/10-first-steps.fr.md'));
    const out = await temporaryFolder();
    await buildInto(root, out);
    const french = await readFile(path.join(out, 'web/fr/issues/1/first/index.html'), 'utf8');
    expect(french).toContain('<link rel="canonical" href="https://zine.example/issues/1/first-steps/">');
    expect(french).toContain('<meta http-equiv="refresh" content="0; url=../first-steps/">');
  });
});

describe('an alias in an edition written from right to left, whose theme gives no "moved" string', () => {
  let out: string;
  const read = (file: string) => readFile(path.join(out, file), 'utf8');
  beforeAll(async () => {
    const root = await movedZine();
    const file = (name: string) => path.join(root, name);
    await writeFile(file('content/site.yml'), `${(await readFile(file('content/site.yml'), 'utf8')).replace('languages: [fr]', 'languages: [fr, ar]')}theme: zine\n`);
    await mkdir(file('themes/zine/i18n'), { recursive: true });
    const french = await readFile(path.join(repoRoot, 'themes/default/i18n/fr.yml'), 'utf8');
    await writeFile(file('themes/zine/i18n/ar.yml'), french.replace(/^moved:.*\n/m, '').replace(/^language_name:.*$/m, 'language_name: العربية'));
    out = await temporaryFolder();
    await buildInto(root, out);
  });

  it('gives the page the edition\'s direction, and the English sentence and the untranslated title their language with its direction', async () => {
    const arabic = await read('web/ar/issues/1/first/index.html');
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('<title lang="en" dir="ltr">The first article</title>');
    expect(arabic).toContain('<p lang="en" dir="ltr">This page has moved to a new address:</p>\n<p><a href="../first-steps/" lang="en" dir="ltr">The first article</a></p>');
  });

  it('leaves unmarked a sentence the edition\'s own strings give', async () => {
    expect(await read('web/fr/issues/1/first/index.html')).toContain('<p>Cette page a changé d\'adresse\u202F:</p>');
  });

  it('is written as a page the Nu Html Checker finds valid', async () => {
    expect(await checkHtml([path.join(out, 'web/ar/issues/1/first/index.html')])).toEqual([]);
  });
});

describe('an alias that names a file', () => {
  let out: string;
  beforeAll(async () => {
    out = await temporaryFolder();
    await buildInto(await movedZine('[/old/index.html, /legacy/post.html, legacy/page.htm]'), out);
  });

  it('stands for its folder when it ends in index.html, and is written as the very file it names otherwise, in the capsule with .gmi for its extension', async () => {
    const aliasFiles = (await listTree(out)).filter((name) => /(^|\/)(old|legacy)(\/|\.gmi)/.test(name));
    expect(aliasFiles).toEqual([
      'gemini/fr/legacy/page.gmi',
      'gemini/fr/legacy/post.gmi',
      'gemini/fr/old.gmi',
      'gemini/legacy/page.gmi',
      'gemini/legacy/post.gmi',
      'gemini/old.gmi',
      'web/fr/legacy/page.htm',
      'web/fr/legacy/post.html',
      'web/fr/old/index.html',
      'web/legacy/page.htm',
      'web/legacy/post.html',
      'web/old/index.html',
    ]);
    expect(await readFile(path.join(out, 'web/legacy/post.html'), 'utf8')).toContain('<meta http-equiv="refresh" content="0; url=../issues/1/first-steps/">');
    expect(await readFile(path.join(out, 'gemini/legacy/post.gmi'), 'utf8')).toBe('This page has moved to a new address:\n=> ../issues/1/first-steps.gmi The first article\n');
  });

  it('is written as a page the Nu Html Checker finds valid', async () => {
    expect(await checkHtml([path.join(out, 'web/legacy/post.html')])).toEqual([]);
  });
});

describe('an alias with characters beyond ASCII', () => {
  let out: string;
  beforeAll(async () => {
    out = await temporaryFolder();
    await buildInto(await movedZine('[issues/1/café, /issues/1/x%20y/, /issues/1/%E2%80%9Cquoted%E2%80%9D/]'), out);
  });

  it('is written to the decoded path, which a static server maps the encoded request to, on the web and in the capsule', async () => {
    const aliasFiles = (await listTree(out)).filter((name) => /café|x y|“quoted”/.test(name));
    expect(aliasFiles).toEqual([
      'gemini/fr/issues/1/café.gmi',
      'gemini/fr/issues/1/x y.gmi',
      'gemini/fr/issues/1/“quoted”.gmi',
      'gemini/issues/1/café.gmi',
      'gemini/issues/1/x y.gmi',
      'gemini/issues/1/“quoted”.gmi',
      'web/fr/issues/1/café/index.html',
      'web/fr/issues/1/x y/index.html',
      'web/fr/issues/1/“quoted”/index.html',
      'web/issues/1/café/index.html',
      'web/issues/1/x y/index.html',
      'web/issues/1/“quoted”/index.html',
    ]);
    expect(await readFile(path.join(out, 'web/issues/1/x y/index.html'), 'utf8')).toContain('<meta http-equiv="refresh" content="0; url=../first-steps/">');
  });
});

describe('aliases and the output folder', () => {
  it('are byte for byte the same from one build of a commit to the next', async () => {
    const root = await movedZine();
    const [first, second] = [await temporaryFolder(), await temporaryFolder()];
    await buildInto(root, first, '--no-cache');
    await buildInto(root, second, '--no-cache');
    expect(await readTree(first)).toEqual(await readTree(second));
  });

  it('lose their page when removed, and get it back when added again, with the cache as without it', async () => {
    const root = await movedZine();
    const out = path.join(root, 'dist');
    const cache = path.join(await temporaryFolder(), 'cache');
    await buildInto(root, out, '--cache-dir', cache);
    const file = path.join(root, article);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('aliases: [/issues/1/first/, old/first]', 'aliases: [old/first]'));
    await buildInto(root, out, '--cache-dir', cache);
    const files = await listTree(out);
    expect(files.filter((name) => /\/first(\/|\.gmi)/.test(name))).toEqual(['gemini/fr/old/first.gmi', 'gemini/old/first.gmi', 'web/fr/old/first/index.html', 'web/old/first/index.html']);
    const uncached = await temporaryFolder();
    await buildInto(root, uncached, '--no-cache');
    expect(await readTree(out)).toEqual(await readTree(uncached));
    await writeFile(file, text);
    await buildInto(root, out, '--cache-dir', cache);
    expect(await listTree(out)).toContain('web/issues/1/first/index.html');
  });
});
