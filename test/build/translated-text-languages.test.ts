import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../support/vnu.js';
import { arabicEdition, build, languagesOf, twoLanguages } from '../support/languages.js';
import { makeWebzine, removeTemporaryFolders, repoRoot, runCli } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

/** The two-languages webzine with an Arabic edition too, its UI strings the English ones. */
async function withArabic(): Promise<string> {
  const root = await makeWebzine(twoLanguages);
  await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguage: en\nlanguages: [fr, ar]\n');
  await mkdir(path.join(root, 'themes/default/i18n'), { recursive: true });
  const english = await readFile(path.join(repoRoot, 'themes/default/i18n/en.yml'), 'utf8');
  await writeFile(path.join(root, 'themes/default/i18n/ar.yml'), english.replace('language_name: English', 'language_name: العربية'));
  return root;
}

describe('a translation with no text where its original has some', () => {
  it('is warned of by check at the translation, but not while it is a draft, nor when its original has none either', async () => {
    const root = await makeWebzine(twoLanguages);
    const issues = path.join(root, 'content/issues/1');
    await writeFile(path.join(issues, 'issue.fr.md'), '---\ntitle: "Démarrage à froid"\nsummary: Le premier numéro.\ncoverAlt: Une lampe.\n---\n');
    await writeFile(path.join(issues, '20-second.fr.md'), '---\ntitle: Le second article\ndraft: true\n---\n');
    await writeFile(path.join(root, 'content/pages/empty.md'), '---\ntitle: Empty\n---\n');
    await writeFile(path.join(root, 'content/pages/empty.fr.md'), '---\ntitle: Vide\n---\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout.split('\n').filter((line) => line.includes('[translation/'))).toEqual([
      'content/issues/1/issue.fr.md:1:1: warning: this translation has no text (its body holds nothing, or only notes between <!-- and -->) where its original, content/issues/1/issue.md, has some: its edition shows the page without text [translation/blank]',
    ]);
  });
});

describe('a translation in an issue without a date', () => {
  it('is a draft: check warns neither of a field it lacks nor of its missing text until the issue is published', async () => {
    const root = await makeWebzine(twoLanguages);
    const issue = path.join(root, 'content/issues/2');
    await mkdir(issue);
    await writeFile(path.join(issue, 'issue.md'), '---\ntitle: Coming\nsummary: The next issue.\neditors: [ada]\n---\nSoon.\n');
    await writeFile(path.join(issue, '10-news.md'), '---\ntitle: News\nsummary: What is new.\nauthors: [ada]\n---\nNews.\n');
    await writeFile(path.join(issue, '10-news.fr.md'), '---\ntitle: Nouvelles\n---\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.stdout).not.toContain('[translation/');
  });
});

describe('a translation that lacks the summary or the cover text of its original', () => {
  it("shows the original's, marked with its language and direction on the element that shows it, and puts the summary in the feeds", async () => {
    const root = await withArabic();
    await writeFile(path.join(root, 'content/issues/1/issue.fr.md'), '---\ntitle: "Démarrage à froid"\n---\nBienvenue.\n');
    await writeFile(path.join(root, 'content/issues/1/issue.ar.md'), '---\ntitle: بداية باردة\n---\nمرحبا.\n');
    const { read, out } = await build(root);
    for (const edition of ['fr', 'ar']) {
      const issue = await read(`web/${edition}/issues/1/index.html`);
      expect(issue, edition).toContain('<p class="issue__summary" lang="en" dir="ltr">The first issue.</p>');
      expect(issue, edition).toContain('<img class="cover__image" src="../../../issues/1/cover.svg" alt="A lamp drawn in two lines." lang="en" dir="ltr" decoding="async">');
      const home = await read(`web/${edition}/index.html`);
      // The only issue is the featured one: the archive, of the other issues, is empty.
      expect(languagesOf(home, 'The first issue.'), edition).toEqual(['en']);
      expect(home, edition).toContain('alt="A lamp drawn in two lines." lang="en" dir="ltr"');
      expect(parseFeed(await read(`web/${edition}/atom.xml`)).items.map((item) => item.description), edition).toEqual(['The first issue.']);
    }
    // The translated title is the edition's language, with nothing added.
    expect(languagesOf(await read('web/fr/issues/1/index.html'), 'Démarrage à froid')).toEqual(['fr']);
    expect(await checkHtml([path.join(out, 'web/fr'), path.join(out, 'web/ar')])).toEqual([]);
  });

  it('is warned of by check, field by field, at the translation', async () => {
    const root = await makeWebzine(twoLanguages);
    const first = path.join(root, 'content/issues/1/10-first.fr.md');
    await writeFile(first, (await readFile(first, 'utf8')).replace("summary: Ce qui vient d'abord.\n", ''));
    const run = await runCli(['check', '--root', root]);
    expect(run.stdout.split('\n').filter((line) => line.includes('[translation/'))).toEqual([
      'content/issues/1/10-first.fr.md:1:1: warning: this translation has no "summary", which its original, content/issues/1/10-first.md, has: its edition shows the original\'s, marked as English [translation/missing-field]',
    ]);
  });

  it('leaves the translated summary and cover text unmarked, in the edition\'s language', async () => {
    const { read } = await build(await makeWebzine(twoLanguages));
    const issue = await read('web/fr/issues/1/index.html');
    expect(issue).toContain('<p class="issue__summary">Le premier numéro.</p>');
    expect(issue).toContain('alt="Une lampe dessinée en deux traits." decoding="async">');
  });
});

describe('the tags of a translated article', () => {
  it("are marked with the original's language, the words they stay in, not the edition's; the original edition marks none", async () => {
    const root = await makeWebzine(arabicEdition);
    const { read, out } = await build(root);
    const arabic = await read('web/ar/issues/1/first/index.html');
    expect(arabic).toContain('<li class="tag" lang="en" dir="ltr"><a href="../../../tags/news/">news</a></li>');
    expect(languagesOf(arabic, 'news')).toEqual(['en']);
    // The article is translated: its title is the edition's.
    expect(languagesOf(arabic, 'المقال الأول')).toEqual(['ar', 'ar']);
    expect(await read('web/issues/1/first/index.html')).toContain('<li class="tag"><a href="../../../tags/news/">news</a></li>');
    expect(await checkHtml([path.join(out, 'web/ar/issues/1/first')])).toEqual([]);
  });
});
