import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAll, git } from '../support/git.js';
import { readGemtext } from '../support/gemtext.js';
import { checkHtml } from '../support/vnu.js';
import { readSitemap } from '../support/xml.js';
import { arabicEdition, build, languagesOf, twoLanguages } from '../support/languages.js';
import { formatDiagnostics } from '../../src/diagnostics/format.js';
import { createIncrementalBuild } from '../../src/watch/incremental-build.js';
import { listTree, makeWebzine, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

describe('a webzine in two languages', () => {
  let built: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    built = await build(await makeWebzine(twoLanguages));
  });

  it('publishes a complete French edition under fr/, on the web and in the capsule, with its own feeds', async () => {
    const web = await listTree(path.join(built.out, 'web'));
    expect(web.filter((file) => file.startsWith('fr/'))).toEqual([
      'fr/about/index.html',
      'fr/atom.xml',
      'fr/authors/index.html',
      'fr/index.html',
      'fr/issues/1/first/index.html',
      'fr/issues/1/index.html',
      'fr/issues/1/second/index.html',
      'fr/rss.xml',
      'fr/tags/index.html',
      'fr/tags/news/index.html',
    ]);
    const capsule = await listTree(path.join(built.out, 'gemini'));
    expect(capsule.filter((file) => file.startsWith('fr/'))).toEqual([
      'fr/about.gmi',
      'fr/atom.xml',
      'fr/authors.gmi',
      'fr/index.gmi',
      'fr/issues/1/first.gmi',
      'fr/issues/1/index.gmi',
      'fr/issues/1/second.gmi',
      'fr/tags/index.gmi',
      'fr/tags/news/index.gmi',
    ]);
  });

  it('marks each page with its language and links every edition of it with hreflang', async () => {
    const french = await built.read('web/fr/issues/1/first/index.html');
    expect(french).toContain('<html lang="fr" dir="ltr">');
    expect(french).toContain('<link rel="alternate" hreflang="en" href="https://zine.example/issues/1/first/">');
    expect(french).toContain('<link rel="alternate" hreflang="fr" href="https://zine.example/fr/issues/1/first/">');
    expect(await built.read('web/issues/1/first/index.html')).toContain('<link rel="alternate" hreflang="fr" href="https://zine.example/fr/issues/1/first/">');
  });

  it('puts a narrow no-break space before the colons of the French edition, as French writes them', async () => {
    const footer = (html: string) => html.slice(html.indexOf('<p class="colophon__feeds">'), html.indexOf('</p>', html.indexOf('<p class="colophon__feeds">')));
    expect(footer(await built.read('web/fr/issues/1/first/index.html'))).toMatch(/^<p class="colophon__feeds">S&#39;abonner\u202F: <a /);
    expect(footer(await built.read('web/issues/1/first/index.html'))).toMatch(/^<p class="colophon__feeds">Subscribe: <a /);
    // The capsule's labels too: a contributor's fediverse handle.
    expect(readGemtext(await built.read('gemini/fr/authors.gmi')).map((line) => line.line)).toContain('Fédivers\u202F: @grace@social.example');
    expect(readGemtext(await built.read('gemini/authors.gmi')).map((line) => line.line)).toContain('Fediverse: @grace@social.example');
  });

  it('offers a language switcher that leads to the same page in the other edition', async () => {
    expect(await built.read('web/issues/1/first/index.html')).toContain('<a href="../../../fr/issues/1/first/" hreflang="fr" lang="fr" dir="ltr">Français</a>');
  });

  it('links each capsule page to the same page in the other edition, by its language\'s own name (the front page in its list of editions)', async () => {
    const editions = async (file: string) => readGemtext(await built.read(`gemini/${file}`)).filter((line) => line.type === 'link' && /(English|Français)$/.test(line.line)).map((line) => line.line);
    expect(await editions('issues/1/first.gmi')).toEqual(['=> ../../fr/issues/1/first.gmi Français']);
    expect(await editions('fr/issues/1/first.gmi')).toEqual(['=> ../../../issues/1/first.gmi English']);
    // An article not translated yet is in the French edition all the same, as on the web.
    expect(await editions('issues/1/second.gmi')).toEqual(['=> ../../fr/issues/1/second.gmi Français']);
    expect(await editions('fr/issues/1/index.gmi')).toEqual(['=> ../../../issues/1/ English']);
    expect(await editions('about.gmi')).toEqual(['=> fr/about.gmi Français']);
    expect(await editions('fr/authors.gmi')).toEqual(['=> ../authors.gmi English']);
    expect(await editions('fr/index.gmi')).toEqual(['=> ../ English']);
  });

  it('shows an untranslated article in its original language, marked, in the French edition', async () => {
    const page = await built.read('web/fr/issues/1/second/index.html');
    expect(languagesOf(page, 'The second article')).toEqual(['en']);
    expect(languagesOf(page, 'Details')).toEqual(['en']);
    expect(page).toContain('class="notice notice--untranslated"');
    expect(await built.read('gemini/fr/issues/1/second.gmi')).toContain("Ce texte n'a pas encore été traduit");
  });

  it('puts the note that an article is not translated inside the article, after its header, on the issue page and on its own', async () => {
    // The notice's parent and the elements just before and after it, as `tag.class`.
    const around = (html: string) => {
      const name = (node: RootContent | undefined) => (node?.type === 'element' ? `${node.tagName}.${String((node.properties['className'] as string[] | undefined)?.[0])}` : '');
      const found: string[][] = [];
      const visit = (node: Root | Element) => {
        const elements = (node.children as RootContent[]).filter((child): child is Element => child.type === 'element');
        elements.forEach((child, index) => {
          if (name(child) === 'p.notice') found.push([name(node as RootContent), name(elements[index - 1]), name(elements[index + 1])]);
          visit(child);
        });
      };
      visit(fromHtml(html));
      return found;
    };
    expect(around(await built.read('web/fr/issues/1/index.html'))).toEqual([['article.issue-article', 'header.article-header', 'div.prose']]);
    expect(around(await built.read('web/fr/issues/1/second/index.html'))).toEqual([['article.article', 'header.article-header', 'div.prose']]);
  });

  it("keeps the edition's own words around an untranslated article in the edition's language", async () => {
    const page = await built.read('web/fr/issues/1/second/index.html');
    // The breadcrumb's "n° 1 · Premières lueurs", the byline's "Par … et …".
    for (const words of ['n°', 'Premières lueurs', 'Par']) expect(new Set(languagesOf(page, words)), words).toEqual(new Set(['fr']));
    const issue = await built.read('web/fr/issues/1/index.html');
    // In the contents and over the article.
    expect(languagesOf(issue, 'The second article')).toEqual(['en', 'en']);
    expect(languagesOf(issue, 'Details')).toEqual(['en']);
    expect(new Set(languagesOf(issue, 'Par'))).toEqual(new Set(['fr']));
  });

  it('resolves links to the same edition, anchors included', async () => {
    const editorial = await built.read('web/fr/issues/1/index.html');
    expect(editorial).toContain('href="../../about/#histoire"');
    expect(await built.read('web/fr/issues/1/first/index.html')).toContain('href="../second/#details"');
    expect(await built.read('gemini/fr/issues/1/index.gmi')).toContain('=> ../../about.gmi page à propos');
  });

  it('gives each edition a feed of its own, in its language', async () => {
    const feed = parseFeed(await built.read('web/fr/atom.xml'));
    expect(feed.items.map((item) => [item.id, item.title])).toEqual([['https://zine.example/fr/issues/1/', 'n° 1\u202F: Premières lueurs']]);
    for (const [file, language] of [['web/atom.xml', 'en'], ['web/fr/atom.xml', 'fr'], ['web/fr/rss.xml', 'fr'], ['gemini/atom.xml', 'en'], ['gemini/fr/atom.xml', 'fr']]) {
      expect(parseFeed(await built.read(file!)).language, file).toBe(language);
      // A reader subscribed to both editions tells them apart by their titles.
      expect(parseFeed(await built.read(file!)).title, file).toBe(language === 'fr' ? 'Test Zine — Français' : 'Test Zine');
    }
    expect(await built.read('web/fr/index.html')).toContain('title="Test Zine — Français (');
    expect(feed.items[0]!.content).toContain('Bienvenue dans le premier numéro');
    // The second article is not translated: its title and text say they are English, as on its page.
    const content = feed.items[0]!.content!;
    expect(languagesOf(content, 'The details are')).toEqual(['en']);
    expect(languagesOf(content, 'The second article')).toEqual(['en']);
    expect(content).toMatch(/<h2 lang="en" dir="ltr"><a href="https:\/\/zine\.example\/fr\/issues\/1\/second\/">/);
    expect(languagesOf(content, 'Bienvenue dans le premier numéro')).toEqual(['']);
    const capsuleIndex = readGemtext(await built.read('gemini/fr/index.gmi')).map((line) => line.line);
    expect(capsuleIndex).toContain('=> issues/1/ 2026-03-01 n° 1\u202F: Premières lueurs');
    expect(capsuleIndex).toContain('=> ../ English');
  });

  it('lists each edition of a translated page in the sitemap, with the other as its alternate', async () => {
    const sitemap = await built.read('web/sitemap.xml');
    expect(sitemap).toContain('<url><loc>https://zine.example/fr/about/</loc><xhtml:link rel="alternate" hreflang="en" href="https://zine.example/about/"/><xhtml:link rel="alternate" hreflang="fr" href="https://zine.example/fr/about/"/></url>');
  });

  it('is valid HTML in both editions', async () => {
    expect(await checkHtml([path.join(built.out, 'web')])).toEqual([]);
  });

  it("gives a page not translated yet the original's address as canonical, and names no language version of it, nor it of the original", async () => {
    const copy = await built.read('web/fr/issues/1/second/index.html');
    expect(copy).toContain('<link rel="canonical" href="https://zine.example/issues/1/second/">');
    expect(copy).not.toContain('hreflang="en" href=');
    expect(copy).not.toContain('<link rel="alternate" hreflang');
    // Alone in its language, the original has no alternate to name.
    const original = await built.read('web/issues/1/second/index.html');
    expect(original).toContain('<link rel="canonical" href="https://zine.example/issues/1/second/">');
    expect(original).not.toContain('<link rel="alternate" hreflang');
    // Readers still find the other edition in the language switcher.
    expect(copy).toContain('<a href="../../../../issues/1/second/" hreflang="en" lang="en" dir="ltr">English</a>');
    expect(original).toContain('<a href="../../../fr/issues/1/second/" hreflang="fr" lang="fr" dir="ltr">Français</a>');
  });

  it('keeps its own canonical address and both alternates on a translated page, and on an issue page partly translated', async () => {
    const alternates = ['<link rel="alternate" hreflang="en" href="https://zine.example/issues/1/first/">', '<link rel="alternate" hreflang="fr" href="https://zine.example/fr/issues/1/first/">'];
    const translated = await built.read('web/fr/issues/1/first/index.html');
    expect(translated).toContain('<link rel="canonical" href="https://zine.example/fr/issues/1/first/">');
    for (const link of alternates) expect(translated).toContain(link);
    // Its editorial and first article are French, its second article English.
    const issue = await built.read('web/fr/issues/1/index.html');
    expect(issue).toContain('<link rel="canonical" href="https://zine.example/fr/issues/1/">');
    expect(issue).toContain('<link rel="alternate" hreflang="fr" href="https://zine.example/fr/issues/1/">');
  });

  it('lists in the sitemap the translations with their alternates, and no page not translated yet', async () => {
    const urls = readSitemap(await built.read('web/sitemap.xml'));
    const french = urls.filter((url) => url.loc.startsWith('https://zine.example/fr/')).map((url) => url.loc);
    expect(french).toEqual(['https://zine.example/fr/', 'https://zine.example/fr/about/', 'https://zine.example/fr/authors/', 'https://zine.example/fr/issues/1/', 'https://zine.example/fr/issues/1/first/', 'https://zine.example/fr/tags/', 'https://zine.example/fr/tags/news/']);
    const pair = ['en https://zine.example/issues/1/first/', 'fr https://zine.example/fr/issues/1/first/'];
    expect(urls.find((url) => url.loc === 'https://zine.example/issues/1/first/')?.alternates).toEqual(pair);
    expect(urls.find((url) => url.loc === 'https://zine.example/fr/issues/1/first/')?.alternates).toEqual(pair);
    expect(urls.find((url) => url.loc === 'https://zine.example/issues/1/second/')).toEqual({ loc: 'https://zine.example/issues/1/second/', lastmod: '2026-03-01', alternates: [] });
  });
});

describe('the context of a page not translated yet', () => {
  it("gives the page's own address as page.url, from which absolute_url reads, and the original's as page.canonical", async () => {
    const root = await makeWebzine(twoLanguages);
    await writeFile(path.join(root, 'content/site.yml'), `${await readFile(path.join(root, 'content/site.yml'), 'utf8')}theme: own\n`);
    await mkdir(path.join(root, 'themes/own/templates/partials'), { recursive: true });
    const footer = await readFile(path.join(repoRoot, 'themes/default/templates/partials/footer.liquid'), 'utf8');
    const addresses = '<p class="addresses">{{ page.url }} {{ page.canonical }} {{ "./" | absolute_url }}</p>';
    await writeFile(path.join(root, 'themes/own/templates/partials/footer.liquid'), `${addresses}\n${footer}`);
    const { read } = await build(root);
    expect(await read('web/fr/issues/1/second/index.html')).toContain('<p class="addresses">https://zine.example/fr/issues/1/second/ https://zine.example/issues/1/second/ https://zine.example/fr/issues/1/second/</p>');
    expect(await read('web/fr/issues/1/first/index.html')).toContain('<p class="addresses">https://zine.example/fr/issues/1/first/ https://zine.example/fr/issues/1/first/ https://zine.example/fr/issues/1/first/</p>');
  });
});

describe('an issue page in an edition', () => {
  /** The canonical address, `hreflang` alternates and place in the sitemap of the French issue page, once `removed` translations are gone. */
  const frenchIssue = async (removed: string[]) => {
    const root = await makeWebzine(twoLanguages);
    for (const file of removed) await rm(path.join(root, 'content/issues/1', file));
    const { read } = await build(root);
    const html = await read('web/fr/issues/1/index.html');
    const sitemap = readSitemap(await read('web/sitemap.xml'));
    return {
      canonical: /<link rel="canonical" href="([^"]*)">/.exec(html)?.[1],
      alternates: [...html.matchAll(/<link rel="alternate" hreflang="([^"]*)"/g)].map((match) => match[1]),
      listed: sitemap.some((url) => url.loc === 'https://zine.example/fr/issues/1/'),
    };
  };

  it('is the edition\'s own while one of its articles is translated, its editorial not', async () => {
    expect(await frenchIssue(['issue.fr.md'])).toEqual({ canonical: 'https://zine.example/fr/issues/1/', alternates: ['en', 'fr'], listed: true});
  });

  it("is a copy of the original's, with its address as canonical, when neither its editorial nor any article is translated", async () => {
    expect(await frenchIssue(['issue.fr.md', '10-first.fr.md'])).toEqual({ canonical: 'https://zine.example/issues/1/', alternates: [], listed: false});
  });
});

describe("page.root in a capsule page of another edition", () => {
  it("leads to the capsule's root, where content/static/ is copied, as on the web; the footer leads to the edition's front page and feed", async () => {
    const root = await makeWebzine(twoLanguages);
    await mkdir(path.join(root, 'content/static/files'), { recursive: true });
    await writeFile(path.join(root, 'content/static/files/report.pdf'), '%PDF-1.4\n');
    const template = path.join(root, 'themes/default/templates/gemini/page.liquid');
    await mkdir(path.dirname(template), { recursive: true });
    const page = await readFile(path.join(repoRoot, 'themes/default/templates/gemini/page.liquid'), 'utf8');
    await writeFile(template, page.replace('{{ content.gemtext }}', '{{ content.gemtext }}\n=> {{ page.root }}files/report.pdf The report'));
    const { out, read } = await build(root);
    const links = readGemtext(await read('gemini/fr/about.gmi')).filter((line) => line.type === 'link').map((line) => line.line);
    expect(links).toEqual(['=> ../files/report.pdf The report', '=> ./ Test Zine', "=> atom.xml S'abonner\u202F: Flux Atom", '=> ../about.gmi English']);
    expect(await readFile(path.join(out, 'gemini/fr', '../files/report.pdf'), 'utf8')).toBe('%PDF-1.4\n');
    expect(await read('web/fr/about/index.html')).toContain('<link rel="icon" href="../../favicon.svg" type="image/svg+xml">');
  });
});

describe('root-relative links to another edition', () => {
  it('lead into that edition, whichever edition the page is in', async () => {
    const root = await makeWebzine(twoLanguages);
    await writeFile(path.join(root, 'content/issues/1/30-third.md'), '---\ntitle: Third\n---\n[en français](/fr/about/#histoire), [accueil](/fr/) and [feed](/fr/atom.xml).\n');
    const { read } = await build(root);
    const page = await read('web/issues/1/third/index.html');
    expect(page).toContain('href="../../../fr/about/#histoire"');
    expect(page).toContain('href="../../../fr/"');
    expect(page).toContain('href="../../../fr/atom.xml"');
    expect(await read('web/fr/issues/1/third/index.html')).toContain('href="../../../about/#histoire"');
  });
});

describe('untranslated text on a page of another edition', () => {
  it('is marked with its language wherever it shows: menu, contents, archive, issue header, cover, authors', async () => {
    const root = await makeWebzine(twoLanguages);
    const second = path.join(root, 'content/issues/1/20-second.md');
    await writeFile(second, (await readFile(second, 'utf8')).replace('title: The second article', 'title: The second article\nsummary: Second things second.'));
    await writeFile(path.join(root, 'content/pages/contact.md'), '---\ntitle: Write to us\nmenu: true\n---\nBy post.\n');
    await mkdir(path.join(root, 'content/issues/2'));
    await cp(path.join(root, 'content/issues/1/cover.svg'), path.join(root, 'content/issues/2/cover.svg'));
    await writeFile(path.join(root, 'content/issues/2/issue.md'), '---\ntitle: Second light\ndate: 2026-04-01\nsummary: The next one.\n---\nAgain.\n');
    // The latest issue is featured, with its cover; the one before it is in the archive.
    await mkdir(path.join(root, 'content/issues/3'));
    await cp(path.join(root, 'content/issues/1/cover.svg'), path.join(root, 'content/issues/3/cover.svg'));
    await writeFile(path.join(root, 'content/issues/3/issue.md'), '---\ntitle: Third light\ndate: 2026-05-01\ncover: cover.svg\ncoverAlt: Two lamps.\n---\nOnce more.\n');
    const { read } = await build(root);
    // The element that shows `text` says it is English.
    const marked = (html: string, text: string) => new RegExp(`<[a-z]+ [^>]*lang="en"[^>]*>${text}<`).test(html);
    const home = await read('web/fr/index.html');
    for (const text of ['Write to us', 'Second light', 'The next one.']) expect(marked(home, text), text).toBe(true);
    expect(home).toMatch(/alt="Two lamps\." lang="en"/);
    const issue = await read('web/fr/issues/1/index.html');
    for (const text of ['The second article', 'Second things second.']) expect(marked(issue, text), text).toBe(true);
    expect(marked(issue, 'Le premier article')).toBe(false);
    expect(marked(await read('web/fr/authors/index.html'), 'The second article')).toBe(true);
    // Nothing is marked in the original edition.
    expect(marked(await read('web/index.html'), 'Write to us')).toBe(false);
    expect(marked(await read('web/issues/1/index.html'), 'The second article')).toBe(false);
  });
});

describe("the issues of an authors page of another edition", () => {
  it("mark an untranslated issue's title with its language and direction, not the edition's words before it, nor a translated title", async () => {
    const root = await makeWebzine(twoLanguages);
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguage: en\nlanguages: [fr, ar]\n');
    // Arabic strings in the webzine's own theme (English words will do), for an edition written from right to left.
    await mkdir(path.join(root, 'themes/default/i18n'), { recursive: true });
    await cp(path.join(repoRoot, 'themes/default/i18n/en.yml'), path.join(root, 'themes/default/i18n/ar.yml'));
    // Issue 2 has no issue.fr.md nor issue.ar.md: its title stays English in every edition.
    await mkdir(path.join(root, 'content/issues/2'));
    await writeFile(path.join(root, 'content/issues/2/issue.md'), '---\ntitle: Brownout\ndate: 2026-04-01\neditors: [ada]\n---\nAgain.\n');
    await writeFile(path.join(root, 'content/issues/2/10-watts.md'), '---\ntitle: Measuring watts\nauthors: [ada]\n---\nText.\n');
    const { read, out } = await build(root);
    const untranslated = '<span lang="en" dir="ltr">Brownout</span>';
    const french = await read('web/fr/authors/index.html');
    // Under the article Ada wrote for it, and among the issues she edited.
    expect(languagesOf(french, 'Brownout')).toEqual(['en', 'en']);
    expect(french.split(untranslated)).toHaveLength(3);
    expect(french).toContain(`<span class="author__issue">Numéro 2\u202F: ${untranslated}</span>`);
    expect(french).toContain(`<a href="../issues/2/">Numéro 2\u202F: ${untranslated}</a>`);
    expect(new Set(languagesOf(french, 'Numéro'))).toEqual(new Set(['fr']));
    // Issue 1 is translated: its title is the edition's language, with nothing added.
    expect(new Set(languagesOf(french, 'Premières lueurs'))).toEqual(new Set(['fr']));
    expect(french).toContain('<a href="../issues/1/">Numéro 1\u202F: Premières lueurs</a>');
    const arabic = await read('web/ar/authors/index.html');
    expect(arabic).toMatch(/<html lang="ar" dir="rtl">/);
    expect(languagesOf(arabic, 'Brownout')).toEqual(['en', 'en']);
    expect(arabic.split(untranslated)).toHaveLength(3);
    // Nothing is marked in the original edition.
    const english = await read('web/authors/index.html');
    expect(english).not.toContain('lang="en"><');
    expect(english).toContain('<span class="author__issue">Issue 2: Brownout</span>');
    expect(english).toContain('<a href="../issues/2/">Issue 2: Brownout</a>');
    expect(await checkHtml([path.join(out, 'web/authors'), path.join(out, 'web/fr/authors'), path.join(out, 'web/ar/authors')])).toEqual([]);
  });
});

describe('a regional language', () => {
  it('takes the UI strings of its language, under any of its own', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguage: en-GB\nlanguages: [fr-CA]\n');
    await mkdir(path.join(root, 'themes/default/i18n'), { recursive: true });
    await writeFile(path.join(root, 'themes/default/i18n/fr-CA.yml'), 'contents: Table des matières\n');
    const { read } = await build(root);
    const issue = await read('web/fr-CA/issues/1/index.html');
    expect(issue).toContain('<html lang="fr-CA" dir="ltr">');
    expect(issue).toContain('>Table des matières<');
    expect(issue).toContain('>Accueil<');
    expect(await read('web/issues/1/index.html')).toContain('>Contents<');
  });
});

describe('UI strings that can not be read', () => {
  it('are reported once, though English underlies every language', async () => {
    const root = await makeWebzine(twoLanguages);
    await mkdir(path.join(root, 'themes/default/i18n'), { recursive: true });
    await writeFile(path.join(root, 'themes/default/i18n/en.yml'), 'home: [unclosed\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.includes('[yaml/syntax]'))).toEqual([expect.stringMatching(/^themes\/default\/i18n\/en\.yml:\d+:\d+: error: /)]);
  });
});

describe('a webzine in three languages', () => {
  it('builds an edition per language, untranslated pages in the original language', async () => {
    const root = await makeWebzine(twoLanguages);
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguages: [fr, de]\n');
    // German UI strings in the webzine's own theme (English words will do), so the theme speaks all three languages.
    const english = await readFile(path.join(repoRoot, 'themes/default/i18n/en.yml'), 'utf8');
    await mkdir(path.join(root, 'themes/default/i18n'), { recursive: true });
    await writeFile(path.join(root, 'themes/default/i18n/de.yml'), english.replace('language_name: English', 'language_name: Deutsch'));
    const { read } = await build(root);
    const german = await read('web/de/issues/1/first/index.html');
    expect(german).toContain('<html lang="de" dir="ltr">');
    expect(languagesOf(german, 'The first article')).toEqual(['en']);
    for (const language of ['en', 'fr', 'de']) expect(german).toContain(`hreflang="${language}"`);
    expect(await read('web/fr/issues/1/first/index.html')).toContain('<h1 class="article-header__title">Le premier article</h1>');
  });
});

describe('UI strings copied from en.yml for a new language', () => {
  /** Writes the built-in en.yml, its language_name changed to `name` when given, as the theme's strings for `language`; gives the line of language_name. */
  async function copyEnglish(root: string, language: string, name?: string): Promise<number> {
    const english = await readFile(path.join(repoRoot, 'themes/default/i18n/en.yml'), 'utf8');
    await mkdir(path.join(root, 'themes/default/i18n'), { recursive: true });
    await writeFile(path.join(root, `themes/default/i18n/${language}.yml`), name === undefined ? english : english.replace('language_name: English', `language_name: ${name}`));
    return english.split('\n').findIndex((text) => text.startsWith('language_name:')) + 1;
  }
  const sameName = (file: string, line: number, language: string, other: string, name: string) =>
    `${file}:${line}:16: warning: the "${language}" strings name their language "${name}", as the "${other}" strings do: the language switcher would show "${name}" twice, and one would lead to the ${language} edition [theme/same-language-name]\n`;
  const giveTheName = '  Give "language_name" the name of the language in that language, "Deutsch" for de, as readers of the edition look for it.\n';
  const siteWith = (root: string, settings: string) => writeFile(path.join(root, 'content/site.yml'), `title: Test Zine\nbaseUrl: https://zine.example/\n${settings}\n`);

  it("are warned of at their language_name while it is still English's, which the switcher would show twice", async () => {
    const root = await makeWebzine(twoLanguages);
    await siteWith(root, 'languages: [fr, de]');
    const line = await copyEnglish(root, 'de');
    const run = await runCli(['check', '--root', root]);
    expect([run.code, run.stdout]).toEqual([0, sameName('themes/default/i18n/de.yml', line, 'de', 'en', 'English') + giveTheName]);
    await copyEnglish(root, 'de', 'Deutsch');
    expect(await runCli(['check', '--root', root])).toMatchObject({ code: 0, stdout: '' });
  });

  it("are warned of when they are the original language's, and the later language's file is the built-in theme's", async () => {
    const root = await makeWebzine();
    await siteWith(root, 'language: de\nlanguages: [en]');
    const line = await copyEnglish(root, 'de');
    const run = await runCli(['check', '--root', root]);
    expect([run.code, run.stdout]).toEqual([0, sameName('themes/default/i18n/de.yml', line, 'de', 'en', 'English') + giveTheName]);
  });

  it('tell a regional language that takes its name from its base language\'s file to have a file of its own, that name being right for the base language', async () => {
    const root = await makeWebzine();
    const line = await copyEnglish(root, 'pt', 'português');
    // Whichever comes first in site.yml, pt-BR is the one told: pt.yml is pt's own.
    for (const languages of ['[pt, pt-BR]', '[pt-BR, pt]']) {
      await siteWith(root, `languages: ${languages}`);
      const run = await runCli(['check', '--root', root]);
      expect([run.code, run.stdout]).toEqual([
        0,
        sameName('themes/default/i18n/pt.yml', line, 'pt-BR', 'pt', 'português') +
          '  The pt-BR edition takes this name from i18n/pt.yml, as the pt edition does: create i18n/pt-BR.yml beside it with "language_name: português (Brasil)", the name of the language in that language (its other strings still come from pt.yml), and leave this file as it is.\n',
      ]);
    }
    await writeFile(path.join(root, 'themes/default/i18n/pt-BR.yml'), 'language_name: português (Brasil)\n');
    expect(await runCli(['check', '--root', root])).toMatchObject({ code: 0, stdout: '' });
  });

  it('tell a regional language whose own file gives no name to add one to that file, not to create it', async () => {
    const root = await makeWebzine();
    const line = await copyEnglish(root, 'pt', 'português');
    await writeFile(path.join(root, 'themes/default/i18n/pt-BR.yml'), 'skip_to_content: Pular para o conteúdo\n');
    await siteWith(root, 'languages: [pt, pt-BR]');
    const run = await runCli(['check', '--root', root]);
    expect([run.code, run.stdout]).toEqual([
      0,
      sameName('themes/default/i18n/pt.yml', line, 'pt-BR', 'pt', 'português') +
        '  The pt-BR edition takes this name from i18n/pt.yml, as the pt edition does, since i18n/pt-BR.yml gives none: add the line "language_name: português (Brasil)" to i18n/pt-BR.yml, the name of the language in that language, and leave this file as it is.\n',
    ]);
    await writeFile(path.join(root, 'themes/default/i18n/pt-BR.yml'), 'skip_to_content: Pular para o conteúdo\nlanguage_name: português (Brasil)\n');
    expect(await runCli(['check', '--root', root])).toMatchObject({ code: 0, stdout: '' });
  });
});

// Who commits in the tests below.
const who = { author: 'Ada Quill', email: 'ada@secret.example' };

/** The two-language webzine, committed once a date: the first commit holds every file, the next ones the files given. */
async function committed(...commits: Array<[date: string, files?: Record<string, string>]>): Promise<string> {
  const root = await makeWebzine(twoLanguages);
  await commitAll(root, commits.map(([date, files]) => ({ ...who, date, ...(files ? { files } : {}) })));
  return root;
}

describe('translation notes in the capsule', () => {
  it("stand over an issue's editorial as over an article: not translated yet, or changed since", async () => {
    const root = await makeWebzine(twoLanguages);
    await mkdir(path.join(root, 'content/issues/2'));
    await writeFile(path.join(root, 'content/issues/2/issue.md'), '---\ntitle: Second light\ndate: 2026-04-01\n---\nAgain.\n');
    // No editorial, no note over it: as on the web page.
    await mkdir(path.join(root, 'content/issues/3'));
    await writeFile(path.join(root, 'content/issues/3/issue.md'), '---\ntitle: Third light\ndate: 2026-05-01\n---\n');
    const issue = path.join(root, 'content/issues/1/issue.md');
    await commitAll(root, [
      { ...who, date: '2026-03-01T09:00:00Z' },
      { ...who, date: '2026-03-05T09:00:00Z', files: { 'content/issues/1/issue.md': (await readFile(issue, 'utf8')).replace('Welcome', 'A warm welcome') } },
    ]);
    const { read } = await build(root);
    const stale = readGemtext(await read('gemini/fr/issues/1/index.gmi')).map((line) => line.line);
    expect(stale).toContain("L'original de cette page a été modifié depuis sa traduction.");
    expect(stale).toContain("=> ../../../issues/1/ Lire l'original");
    expect(await read('gemini/fr/issues/2/index.gmi')).toContain("Ce texte n'a pas encore été traduit");
    expect(await read('gemini/issues/2/index.gmi')).not.toContain('has not been translated');
    expect(await read('gemini/fr/issues/3/index.gmi')).not.toContain('pas encore été traduit');
    expect(await read('web/fr/issues/3/index.html')).not.toContain('pas encore été traduit');
  });
});

describe('a translation whose original changed after it', () => {
  it('is flagged by check with a warning naming both files, and shows a notice linking to the original', async () => {
    const root = await committed(['2026-03-01T09:00:00Z'], ['2026-03-05T09:00:00Z', { 'content/issues/1/10-first.md': '---\ntitle: The first article\nauthors: [ada]\n---\n## Opening\n\nRevised text with a [link](20-second.md#details).\n' }]);
    const check = await runCli(['check', '--root', root]);
    expect(check.code).toBe(0);
    const since = (await git(root, ['rev-parse', 'HEAD~1'])).slice(0, 12);
    expect(check.stdout).toBe(
      'content/issues/1/10-first.fr.md:1:1: warning: the original, content/issues/1/10-first.md, changed on 2026-03-05, after this translation was last changed on 2026-03-01 [translation/stale]\n' +
        `  Bring the translation up to date with the original, then commit it. What changed in the original since the translation's last commit: git diff ${since}..HEAD -- content/issues/1/10-first.md\n`,
    );
    const { read } = await build(root);
    expect(await read('web/fr/issues/1/first/index.html')).toContain('<a href="../../../../issues/1/first/">Lire l&#39;original</a>');
    expect(await read('gemini/fr/issues/1/first.gmi')).toContain('=> ../../../issues/1/first.gmi Lire l\'original');
    // The sitemap dates each edition's page by its own file: the translation was not changed on the 5th.
    const sitemap = await read('web/sitemap.xml');
    expect(sitemap).toContain('<loc>https://zine.example/issues/1/first/</loc><lastmod>2026-03-05</lastmod>');
    expect(sitemap).toContain('<loc>https://zine.example/fr/issues/1/first/</loc><lastmod>2026-03-01</lastmod>');
  });

  it('gives a git diff command that shows the change from the webzine\'s folder, when that folder is a subfolder of the repository', async () => {
    const top = await temporaryFolder();
    const root = path.join(top, 'zine');
    await cp(await makeWebzine(twoLanguages), root, { recursive: true });
    const original = 'zine/content/issues/1/10-first.md';
    const revised = (await readFile(path.join(top, original), 'utf8')).replace('## Opening', '## Opening\n\nA sentence added later.');
    await commitAll(top, [{ ...who, date: '2026-03-01T09:00:00Z' }, { ...who, date: '2026-03-05T09:00:00Z', files: { [original]: revised } }]);
    const hint = (await runCli(['check', '--root', root])).stdout.split('\n')[1]!;
    const command = /: (git diff \S+\.\.HEAD -- content\/issues\/1\/10-first\.md)$/.exec(hint)?.[1];
    expect(command).toBe(`git diff ${(await git(top, ['rev-parse', 'HEAD~1'])).slice(0, 12)}..HEAD -- content/issues/1/10-first.md`);
    expect(await git(root, command!.split(' ').slice(1))).toContain('+A sentence added later.');
  });

  it("gives a capsule's templates the original's date, in the edition's language, as a web page's", async () => {
    const root = await committed(['2026-03-01T09:00:00Z'], ['2026-03-05T09:00:00Z', { 'content/issues/1/10-first.md': '---\ntitle: The first article\nauthors: [ada]\n---\n## Opening\n\nRevised.\n' }]);
    for (const tree of ['', 'gemini/']) {
      const partial = path.join(root, `themes/default/templates/${tree}partials/translation-notes.liquid`);
      await mkdir(path.dirname(partial), { recursive: true });
      await writeFile(partial, `<p>stale: {{ text.staleOriginal | json }}</p>\n`);
    }
    const { read } = await build(root);
    expect(await read('web/fr/issues/1/first/index.html')).toContain('<p>stale: {&#34;url&#34;:&#34;../../../../issues/1/first/&#34;,&#34;dateText&#34;:&#34;5 mars 2026&#34;}</p>');
    expect(await read('gemini/fr/issues/1/first.gmi')).toContain('<p>stale: {"url":"../../../issues/1/first.gmi","dateText":"5 mars 2026"}</p>');
  });

  it('dates its page in the sitemap by its own last commit, in a build that keeps a cache', async () => {
    const root = await committed(['2026-03-01T09:00:00Z']);
    const [out, cache] = [await temporaryFolder(), await temporaryFolder()];
    const cached = () => runCli(['build', '--root', root, '--out', out, '--cache-dir', cache]);
    expect((await cached()).code).toBe(0);
    const about = path.join(root, 'content/pages/about.fr.md');
    await commitAll(root, [{ ...who, date: '2026-03-07T09:00:00Z', files: { 'content/pages/about.fr.md': `${await readFile(about, 'utf8')}\nRévisé.\n` } }]);
    expect((await cached()).code).toBe(0);
    expect(await readFile(path.join(out, 'web/sitemap.xml'), 'utf8')).toContain('<loc>https://zine.example/fr/about/</loc><lastmod>2026-03-07</lastmod>');
  });

  it('is flagged by commit order even when the original\'s commit carries an older date (a rebase)', async () => {
    const root = await committed(['2026-03-01T09:00:00Z'], ['2020-01-01T09:00:00Z', { 'content/issues/1/10-first.md': '---\ntitle: The first article\n---\n## Opening\n\nRebased.\n' }]);
    expect((await runCli(['check', '--root', root])).stdout).toContain('[translation/stale]');
  });

  it('says "earlier that day" when both changed on the same day', async () => {
    const root = await committed(['2026-03-01T09:00:00Z'], ['2026-03-01T17:00:00Z', { 'content/issues/1/10-first.md': '---\ntitle: The first article\n---\n## Opening\n\nLater that day.\n' }]);
    expect((await runCli(['check', '--root', root])).stdout).toContain('changed on 2026-03-01, after this translation was last changed earlier that day [translation/stale]');
  });

  it('is not flagged once the translation is committed after the original', async () => {
    const root = await committed(
      ['2026-03-01T09:00:00Z'],
      ['2026-03-05T09:00:00Z', { 'content/issues/1/10-first.md': '---\ntitle: The first article\n---\n## Opening\n\nRevised.\n' }],
      ['2026-03-06T09:00:00Z', { 'content/issues/1/10-first.fr.md': '---\ntitle: Le premier article\n---\n## Ouverture\n\nRévisé.\n' }],
    );
    expect(await runCli(['check', '--root', root])).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('a translation with draft: true', () => {
  const original = '---\ntitle: The interview\nauthors: [ada]\n---\n## Questions\n\nAsked and answered.\n';
  const translation = (link: string) => `---\ntitle: Entrevue\nauthors: [ada]\ndraft: true\n---\n## Questions\n\nPas fini, voir [ici](${link}).\n`;

  it('is held back: its edition shows the original, as for a text not translated yet, and build --drafts shows it marked', async () => {
    const root = await makeWebzine(twoLanguages);
    await writeFile(path.join(root, 'content/issues/1/30-interview.md'), original);
    await writeFile(path.join(root, 'content/issues/1/30-interview.fr.md'), translation('20-second.md#details'));
    const { read, run } = await build(root);
    expect(run.stdout).not.toMatch(/warning|error/);
    const page = await read('web/fr/issues/1/interview/index.html');
    expect(page).toContain('<h1 class="article-header__title" lang="en" dir="ltr">The interview</h1>');
    expect(page).not.toContain('Entrevue');
    expect(await read('web/fr/issues/1/index.html')).not.toContain('Entrevue');
    expect(await read('gemini/fr/issues/1/interview.gmi')).not.toContain('Entrevue');
    const out = await temporaryFolder();
    expect((await runCli(['build', '--drafts', '--root', root, '--out', out])).code).toBe(0);
    const draft = await readFile(path.join(out, 'web/fr/issues/1/interview/index.html'), 'utf8');
    expect(draft).toContain('<h1 class="article-header__title">Entrevue</h1>');
    expect(draft).toContain('<span class="badge badge--draft">Brouillon</span>');
  });

  it('has its links checked by check all the same, as the edition that publishes it will see them', async () => {
    const root = await makeWebzine(twoLanguages);
    await writeFile(path.join(root, 'content/issues/1/30-interview.md'), original);
    await writeFile(path.join(root, 'content/issues/1/30-interview.fr.md'), translation('20-second.md#nulle-part'));
    const run = await runCli(['check', '--root', root]);
    expect([run.code, run.stdout]).toEqual([1, 'content/issues/1/30-interview.fr.md:8:16: error: the link "20-second.md#nulle-part" points to a heading "#nulle-part" that its page does not have [link/missing-anchor]\n']);
  });

  // The QA report: a link to the draft's heading failed `check` and `build`, one to the
  // original's failed `build --drafts` and `mimeo dev`, which then showed nothing at all.
  const withDraftFirst = async () => {
    const root = await makeWebzine(twoLanguages);
    const first = path.join(root, 'content/issues/1/10-first.fr.md');
    await writeFile(first, (await readFile(first, 'utf8')).replace('tags: [news]\n', 'tags: [news]\ndraft: true\n'));
    return root;
  };
  const linkingTo = async (root: string, anchor: string) =>
    writeFile(path.join(root, 'content/issues/1/20-second.fr.md'), `---\ntitle: Le second article\n---\n## Details\n\nVoir [le premier](10-first.md#${anchor}).\n`);
  /** What `mimeo dev`'s first build reports, as `check` prints it, and whether it made the preview. */
  const preview = async (root: string) => {
    const outcome = await createIncrementalBuild({ root, outDir: await temporaryFolder(), baseUrl: 'http://127.0.0.1:4000/' }).rebuild([]);
    return [outcome.ok, formatDiagnostics(outcome.diagnostics, 'text')];
  };
  /** What a build printed of its diagnostics (without the note that the webzine is not in Git). */
  const reported = (run: { stderr: string }) => run.stderr.replace(/^note: .*\n/gm, '');
  const onlyInDraft =
    'content/issues/1/20-second.fr.md:6:6: warning: the link "10-first.md#ouverture" points to a heading "#ouverture" that only the translation content/issues/1/10-first.fr.md has, which is held back as a draft: until it is published, the link leads to the top of the original shown in its place [link/draft-translation-anchor]\n' +
    '  The link is right, nothing to change: it leads to the heading once the translation is published (when it is done, remove "draft: true" from content/issues/1/10-first.fr.md).\n';
  const toTranslationsHeading =
    '  Link to one of the translation\'s headings (did you mean "#ouverture"?), or give content/issues/1/10-first.fr.md this one, before its "draft: true" is removed: builds without drafts show the original until then, which has it.\n';
  const notInDraft =
    'content/issues/1/20-second.fr.md:6:6: warning: the link "10-first.md#opening" points to a heading "#opening" that the draft translation content/issues/1/10-first.fr.md does not have: the link leads to the top of its page in this build, and is an error once the translation is published [link/draft-translation-anchor]\n' +
    toTranslationsHeading;
  const notInHeldBack =
    'content/issues/1/20-second.fr.md:6:6: warning: the link "10-first.md#opening" points to a heading "#opening" that the translation content/issues/1/10-first.fr.md, held back as a draft, does not have: the link leads to the heading of the original shown in its place until the translation is published, and is an error from then on [link/draft-translation-anchor]\n' +
    toTranslationsHeading;

  it('is warned of, not an error, when linked at a heading only it has: check and build warn, the page links the top of the original', async () => {
    const root = await withDraftFirst();
    await linkingTo(root, 'ouverture');
    expect(await runCli(['check', '--root', root])).toMatchObject({ code: 0, stdout: onlyInDraft });
    const { read, run } = await build(root);
    expect(reported(run)).toBe(onlyInDraft);
    expect(await read('web/fr/issues/1/second/index.html')).toContain('<a href="../first/">le premier</a>');
  });

  it('takes a link at a heading only it has without a word in build --drafts and mimeo dev, which show it', async () => {
    const root = await withDraftFirst();
    await linkingTo(root, 'ouverture');
    const out = await temporaryFolder();
    const drafts = await runCli(['build', '--drafts', '--root', root, '--out', out]);
    expect([drafts.code, reported(drafts)]).toEqual([0, '']);
    expect(await readFile(path.join(out, 'web/fr/issues/1/second/index.html'), 'utf8')).toContain('<a href="../first/#ouverture">le premier</a>');
    expect(await preview(root)).toEqual([true, '']);
  });

  it('is warned of by check and build when linked at a heading only the original has, which they show until the link fails with the published translation', async () => {
    const root = await withDraftFirst();
    await linkingTo(root, 'opening');
    expect(await runCli(['check', '--root', root])).toMatchObject({ code: 0, stdout: notInHeldBack });
    const { read, run } = await build(root);
    expect(reported(run)).toBe(notInHeldBack);
    expect(await read('web/fr/issues/1/second/index.html')).toContain('<a href="../first/#opening">le premier</a>');
    const first = path.join(root, 'content/issues/1/10-first.fr.md');
    await writeFile(first, (await readFile(first, 'utf8')).replace('draft: true\n', ''));
    expect(await runCli(['check', '--root', root])).toMatchObject({ code: 1, stdout: expect.stringContaining('"#opening" that the translation it leads to in this edition, content/issues/1/10-first.fr.md, does not have [link/missing-anchor]') });
  });

  it('is warned of, not an error, in build --drafts and mimeo dev when linked at a heading only the original has: the link leads to the top of the draft they show', async () => {
    const root = await withDraftFirst();
    await linkingTo(root, 'opening');
    const out = await temporaryFolder();
    const drafts = await runCli(['build', '--drafts', '--root', root, '--out', out]);
    expect([drafts.code, reported(drafts)]).toEqual([0, notInDraft]);
    expect(await readFile(path.join(out, 'web/fr/issues/1/second/index.html'), 'utf8')).toContain('<a href="../first/">le premier</a>');
    expect(await preview(root)).toEqual([true, notInDraft]);
  });
});

describe('the sitemap, beside a translation with draft: true', () => {
  /** The French addresses a sitemap lists. */
  const frenchUrls = (sitemap: string) => [...sitemap.matchAll(/<url><loc>https:\/\/zine\.example\/(fr\/[^<]*)<\/loc>/g)].map((match) => match[1]);
  /** The French addresses the sitemaps of build and of build --drafts list, once `file` says `draft: true`. */
  const listed = async (file: string) => {
    const root = await makeWebzine(twoLanguages);
    await writeFile(path.join(root, file), (await readFile(path.join(root, file), 'utf8')).replace('---\n', '---\ndraft: true\n'));
    const published = await build(root);
    const out = await temporaryFolder();
    expect((await runCli(['build', '--drafts', '--root', root, '--out', out])).code).toBe(0);
    return { build: frenchUrls(await published.read('web/sitemap.xml')), drafts: frenchUrls(await readFile(path.join(out, 'web/sitemap.xml'), 'utf8')) };
  };

  // fr/issues/1/second/ is not translated: no sitemap lists it.
  it('keeps the translated articles of an issue whose editorial translation is a draft in build --drafts, and leaves out the issue page that shows the draft', async () => {
    expect(await listed('content/issues/1/issue.fr.md')).toEqual({
      build: ['fr/', 'fr/about/', 'fr/authors/', 'fr/issues/1/', 'fr/issues/1/first/', 'fr/tags/', 'fr/tags/news/'],
      drafts: ['fr/', 'fr/about/', 'fr/authors/', 'fr/issues/1/first/', 'fr/tags/', 'fr/tags/news/'],
    });
  });

  it('leaves out the page of an article translation that is a draft, in build --drafts, which shows the draft, and in build, which shows the original in its place', async () => {
    expect(await listed('content/issues/1/10-first.fr.md')).toEqual({
      build: ['fr/', 'fr/about/', 'fr/authors/', 'fr/issues/1/', 'fr/tags/', 'fr/tags/news/'],
      // The tag's page (and the index) shows the draft, its only article: left out too.
      drafts: ['fr/', 'fr/about/', 'fr/authors/', 'fr/issues/1/'],
    });
  });
});

describe('a translation of a page with draft: true', () => {
  it('is told that a page has no drafts, and is not held back: a link to a heading only it has leads there', async () => {
    const root = await makeWebzine(twoLanguages);
    const about = path.join(root, 'content/pages/about.fr.md');
    await writeFile(about, (await readFile(about, 'utf8')).replace('order: 1\n', 'order: 1\ndraft: true\n'));
    const run = await runCli(['check', '--root', root]);
    expect([run.code, run.stdout]).toEqual([
      1,
      'content/pages/about.fr.md:5:1: error: "draft" is not a front matter field of a page [front-matter/unknown-key]\n' +
        '  A page has no drafts: remove this line, and keep the translation out of the branch you publish (on a branch of its own) until it is ready; until then the fr edition shows the original, about.md.\n',
    ]);
  });
});

describe('a translation that gives a value of its own to what stays the original\'s', () => {
  it('is warned of at each such field, with the value every edition takes', async () => {
    const root = await makeWebzine(twoLanguages);
    const article = path.join(root, 'content/issues/1/10-first.fr.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace('authors: [ada]', 'authors: [grace]').replace('tags: [news]', 'tags: [nouvelles]'));
    const about = path.join(root, 'content/pages/about.fr.md');
    await writeFile(about, (await readFile(about, 'utf8')).replace('order: 1', 'order: 2'));
    const issue = path.join(root, 'content/issues/1/issue.fr.md');
    await writeFile(issue, (await readFile(issue, 'utf8')).replace('date: 2026-03-01', 'date: 2026-03-08'));
    const run = await runCli(['check', '--root', root]);
    expect([run.code, run.stdout]).toEqual([
      0,
      'content/issues/1/10-first.fr.md:3:10: warning: this translation\'s "authors" is not used: every edition takes the original\'s, [ada] [translation/ignored-field]\n' +
        '  Remove "authors" from the translation, or give it the original\'s value; to change it in every edition, change it in content/issues/1/10-first.md.\n' +
        'content/issues/1/10-first.fr.md:5:7: warning: this translation\'s "tags" is not used: every edition takes the original\'s, [news] [translation/ignored-field]\n' +
        '  Remove "tags" from the translation, or give it the original\'s value; to change it in every edition, change it in content/issues/1/10-first.md.\n' +
        'content/issues/1/issue.fr.md:3:7: warning: this translation\'s "date" is not used: every edition takes the original\'s, 2026-03-01 [translation/ignored-field]\n' +
        '  Remove "date" from the translation, or give it the original\'s value; to change it in every edition, change it in content/issues/1/issue.md.\n' +
        'content/pages/about.fr.md:4:8: warning: this translation\'s "order" is not used: every edition takes the original\'s, 1 [translation/ignored-field]\n' +
        '  Remove "order" from the translation, or give it the original\'s value; to change it in every edition, change it in content/pages/about.md.\n',
    ]);
  });
});

describe('a translation that gives a cover of its own', () => {
  const issue = 'content/issues/1/issue.fr.md';
  const warning =
    'content/issues/1/issue.fr.md:5:8: warning: this translation\'s "cover" is not used: every edition takes the original\'s, cover.svg [translation/ignored-field]\n' +
    '  Remove "cover" from the translation, or give it the original\'s value; to change it in every edition, change it in content/issues/1/issue.md.\n';

  it('is told the cover as the original writes it, not as the site publishes it', async () => {
    const root = await makeWebzine(twoLanguages);
    await writeFile(path.join(root, issue), (await readFile(path.join(root, issue), 'utf8')).replace('cover: cover.svg', 'cover: other.svg'));
    const run = await runCli(['check', '--root', root]);
    expect([run.code, run.stdout]).toEqual([0, warning]);
  });

  it('is told the cover as the original writes it when its file is missing, besides the missing file', async () => {
    const root = await makeWebzine(twoLanguages);
    await rm(path.join(root, 'content/issues/1/cover.svg'));
    await writeFile(path.join(root, issue), (await readFile(path.join(root, issue), 'utf8')).replace('cover: cover.svg', 'cover: other.svg'));
    const run = await runCli(['check', '--root', root]);
    expect(run.stdout.split('\n').filter((line) => line.includes('[translation/ignored-field]') || line.includes('[asset/missing]'))).toEqual([
      'content/issues/1/issue.fr.md:5:8: warning: this translation\'s "cover" is not used: every edition takes the original\'s, cover.svg [translation/ignored-field]',
      'content/issues/1/issue.md:5:8: error: the file "cover.svg" does not exist [asset/missing]',
    ]);
  });

  it('is not told once it writes the original\'s, even as the path the site publishes it at would be written', async () => {
    const root = await makeWebzine(twoLanguages);
    await writeFile(path.join(root, issue), (await readFile(path.join(root, issue), 'utf8')).replace('cover: cover.svg', 'cover: ./cover.svg'));
    expect(await runCli(['check', '--root', root])).toMatchObject({ code: 0, stdout: '' });
    await writeFile(path.join(root, issue), (await readFile(path.join(root, issue), 'utf8')).replace('cover: ./cover.svg', 'cover: issues/1/cover.svg'));
    const run = await runCli(['check', '--root', root]);
    expect([run.code, run.stdout]).toEqual([0, warning]);
  });
});

describe('a translation of a page that gives a menu place the original does not', () => {
  it('is told that the original has none, not the value mimeo gives a page without one', async () => {
    const root = await makeWebzine(twoLanguages);
    await writeFile(path.join(root, 'content/pages/about.md'), '---\ntitle: About\n---\n## History\n\nIt began in a shed.\n');
    const run = await runCli(['check', '--root', root]);
    expect([run.code, run.stdout]).toEqual([
      0,
      'content/pages/about.fr.md:3:7: warning: this translation\'s "menu" is not used: every edition takes the original\'s, which has none [translation/ignored-field]\n' +
        '  Remove "menu" from the translation; to give it one in every edition, write it in content/pages/about.md.\n' +
        'content/pages/about.fr.md:4:8: warning: this translation\'s "order" is not used: every edition takes the original\'s, which has none [translation/ignored-field]\n' +
        '  Remove "order" from the translation; to give it one in every edition, write it in content/pages/about.md.\n',
    ]);
  });
});

describe('a committed translation whose original has uncommitted changes', () => {
  it('is not warned of a field the original changed since, as when the original is committed after it', async () => {
    const root = await committed(['2026-03-01T09:00:00Z']);
    const original = path.join(root, 'content/issues/1/10-first.md');
    await writeFile(original, (await readFile(original, 'utf8')).replace('authors: [ada]', 'authors: [ada, grace]'));
    expect(await runCli(['check', '--root', root])).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('an uncommitted translation that gives a value of its own to what stays the original\'s', () => {
  const warning =
    'content/issues/1/10-first.fr.md:3:10: warning: this translation\'s "authors" is not used: every edition takes the original\'s, [ada] [translation/ignored-field]\n' +
    '  Remove "authors" from the translation, or give it the original\'s value; to change it in every edition, change it in content/issues/1/10-first.md.\n';

  it('is warned of when its original is committed and unchanged', async () => {
    const root = await committed(['2026-03-01T09:00:00Z']);
    const translation = path.join(root, 'content/issues/1/10-first.fr.md');
    await writeFile(translation, (await readFile(translation, 'utf8')).replace('authors: [ada]', 'authors: [grace]'));
    const run = await runCli(['check', '--root', root]);
    expect([run.code, run.stdout]).toEqual([0, warning]);
  });

  it('is warned of when its original has uncommitted changes too, as it would be were both committed together', async () => {
    const root = await committed(['2026-03-01T09:00:00Z']);
    const original = path.join(root, 'content/issues/1/10-first.md');
    await writeFile(original, (await readFile(original, 'utf8')).replace('summary: What comes first.', 'summary: What comes before all.'));
    const translation = path.join(root, 'content/issues/1/10-first.fr.md');
    await writeFile(translation, (await readFile(translation, 'utf8')).replace('authors: [ada]', 'authors: [grace]'));
    const run = await runCli(['check', '--root', root]);
    expect([run.code, run.stdout]).toEqual([0, warning]);
  });
});

describe('a link to a heading of a translated page', () => {
  it('is checked against the translation\'s headings, which the message names', async () => {
    const root = await makeWebzine(twoLanguages);
    await writeFile(path.join(root, 'content/issues/1/20-second.fr.md'), '---\ntitle: Le second article\n---\n## Détails\n\nIci.\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'content/issues/1/10-first.fr.md:9:18: error: the link "20-second.md#details" points to a heading "#details" that the translation it leads to in this edition, content/issues/1/20-second.fr.md, does not have [link/missing-anchor]\n  Did you mean "#détails", the translation\'s heading in the place of the original\'s "#details"?\n',
    );
  });

  // The QA report: translating an article into Arabic broke a link to it, with no hint at all.
  it('is told the translation\'s heading in the place of the original\'s, written as the link takes it', async () => {
    const root = await makeWebzine(arabicEdition);
    await writeFile(path.join(root, 'content/issues/1/20-second.md'), '---\ntitle: The second article\n---\n## Release news\n\nNews.\n\n## Details\n\nMore.\n');
    await writeFile(path.join(root, 'content/issues/1/20-second.ar.md'), '---\ntitle: المقال الثاني\n---\n## أخبار الإصدار\n\nأخبار.\n\n## تفاصيل\n\nالمزيد.\n');
    const run = await runCli(['check', '--root', root]);
    expect([run.code, run.stdout]).toEqual([
      1,
      'content/issues/1/10-first.ar.md:13:8: error: the link "20-second.md#details" points to a heading "#details" that the translation it leads to in this edition, content/issues/1/20-second.ar.md, does not have [link/missing-anchor]\n' +
        '  Did you mean "#تفاصيل", the translation\'s heading in the place of the original\'s "#details"?\n',
    ]);
    // Written as the hint writes it, the link leads there.
    const first = path.join(root, 'content/issues/1/10-first.ar.md');
    await writeFile(first, (await readFile(first, 'utf8')).replace('20-second.md#details', '20-second.md#تفاصيل'));
    expect(await runCli(['check', '--root', root])).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('a translation whose original changed only what is not translated', () => {
  const issue = 'content/issues/1/issue.md';

  it('stays up to date when the issue is published, its editors or its articles\' authors change', async () => {
    const root = await makeWebzine(twoLanguages);
    const original = await readFile(path.join(root, issue), 'utf8');
    const article = await readFile(path.join(root, 'content/issues/1/10-first.md'), 'utf8');
    await commitAll(root, [
      { ...who, date: '2026-03-01T09:00:00Z', files: { [issue]: original.replace('date: 2026-03-01\n', '') } },
      // Publishing: the date is added; the editors and the article's authors change too.
      { ...who, date: '2026-03-05T09:00:00Z', files: { [issue]: original.replace('date: 2026-03-01', 'date: 2026-03-05').replace('editors: [ada]', 'editors: [ada, grace]'), 'content/issues/1/10-first.md': article.replace('authors: [ada]', 'authors: [ada, grace]') } },
    ]);
    expect(await runCli(['check', '--root', root])).toMatchObject({ code: 0, stdout: '' });
    const { read } = await build(root);
    expect(await read('web/fr/issues/1/index.html')).not.toContain('depuis sa traduction');
    expect(await read('web/fr/issues/1/first/index.html')).not.toContain('depuis sa traduction');
  });

  it('stays up to date when the original only changed its line endings, a byte order mark, spaces at line ends or blank lines around its text', async () => {
    for (const [change, edit] of [
      ['CRLF line endings', (text: string) => text.replace(/\n/g, '\r\n')],
      ['a byte order mark', (text: string) => `\uFEFF${text}`],
      ['blank lines at the end', (text: string) => `${text}\n\n`],
      ['blank lines after the front matter', (text: string) => text.replace('---\nWelcome', '---\n\n\nWelcome')],
      ['a space at the end of a line', (text: string) => text.replace('and the\n', 'and the \n')],
      ['spaces on the last line', (text: string) => `${text.trimEnd()}   \n`],
    ] as const) {
      const root = await makeWebzine(twoLanguages);
      const original = await readFile(path.join(root, issue), 'utf8');
      expect(edit(original), change).not.toBe(original);
      await commitAll(root, [
        { ...who, date: '2026-03-01T09:00:00Z' },
        { ...who, date: '2026-03-05T09:00:00Z', files: { [issue]: edit(original) } },
      ]);
      expect(await runCli(['check', '--root', root]), change).toMatchObject({ code: 0, stdout: '' });
    }
  });

  it('is stale when the title, the summary, the cover text or the body changed, even with the date', async () => {
    for (const [field, from, to] of [
      ['title', 'title: First light', 'title: First lights'],
      ['summary', 'summary: The first issue.', 'summary: The very first issue.'],
      ['cover text', 'coverAlt: A lamp drawn in two lines.', 'coverAlt: A lamp drawn in three lines.'],
      ['body', 'Welcome to the first issue.', 'Welcome, readers, to the first issue.'],
      // Two spaces at the end of a line inside a paragraph break the line there.
      ['line break', 'and the\n', 'and the  \n'],
    ]) {
      const root = await makeWebzine(twoLanguages);
      const original = await readFile(path.join(root, issue), 'utf8');
      expect(original, field).toContain(from);
      await commitAll(root, [
        { ...who, date: '2026-03-01T09:00:00Z' },
        { ...who, date: '2026-03-05T09:00:00Z', files: { [issue]: original.replace(from!, to!).replace('date: 2026-03-01', 'date: 2026-03-04') } },
      ]);
      expect((await runCli(['check', '--root', root])).stdout, field).toContain('content/issues/1/issue.fr.md:1:1: warning: the original, content/issues/1/issue.md, changed on 2026-03-05');
    }
  });

  it('is stale when the original was renamed since, as its old text can not be compared', async () => {
    const root = await makeWebzine(twoLanguages);
    const article = await readFile(path.join(root, 'content/issues/1/10-first.md'), 'utf8');
    await commitAll(root, [
      { ...who, date: '2026-03-01T09:00:00Z' },
      { ...who, date: '2026-03-02T09:00:00Z', moves: { 'content/issues/1/10-first.md': 'content/issues/1/15-first.md', 'content/issues/1/10-first.fr.md': 'content/issues/1/15-first.fr.md' } },
      { ...who, date: '2026-03-05T09:00:00Z', files: { 'content/issues/1/15-first.md': article.replace('## Opening', '## Beginning') } },
    ]);
    expect((await runCli(['check', '--root', root])).stdout).toContain('content/issues/1/15-first.fr.md:1:1: warning: the original, content/issues/1/15-first.md, changed on 2026-03-05');
  });
});

describe('an edition in a language written from right to left', () => {
  it('is laid out from right to left, and the untranslated text in it from left to right', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguage: en\nlanguages: [ar]\n');
    await writeFile(path.join(root, 'content/issues/1/10-first.ar.md'), '---\ntitle: المقال الأول\n---\nنص المقال.\n');
    // The default theme has no Arabic strings: the webzine's copy of the theme brings them (in English, for the test).
    await mkdir(path.join(root, 'themes/default/i18n'), { recursive: true });
    await cp(path.join(repoRoot, 'themes/default/i18n/en.yml'), path.join(root, 'themes/default/i18n/ar.yml'));
    const { read, out } = await build(root);
    const translated = await read('web/ar/issues/1/first/index.html');
    expect(translated).toMatch(/<html lang="ar" dir="rtl">/);
    // The second article is not translated: its text is English, left to right, inside the Arabic page.
    const untranslated = await read('web/ar/issues/1/second/index.html');
    expect(untranslated).toMatch(/<html lang="ar" dir="rtl">/);
    expect(untranslated).toMatch(/<div class="prose" lang="en" dir="ltr">/);
    expect(await read('web/issues/1/first/index.html')).toMatch(/<html lang="en" dir="ltr">/);
    expect(await checkHtml([path.join(out, 'web/ar')])).toEqual([]);
  });
});

describe('an Arabic edition of an English webzine', () => {
  let built: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    built = await build(await makeWebzine(arabicEdition));
  });

  it('points the arrows of the pager and of the front page along its lines, from right to left', async () => {
    const arrows = (html: string) => [...html.matchAll(/<span aria-hidden="true">([^<]*)<\/span>/g)].map((match) => match[1]!.trim());
    // The first article's page has no previous one; the second has no next one.
    expect(arrows(await built.read('web/ar/issues/1/first/index.html'))).toEqual(['↑', '←']);
    expect(arrows(await built.read('web/ar/issues/1/second/index.html'))).toEqual(['→', '↑']);
    expect(arrows(await built.read('web/ar/index.html'))).toEqual(['←']);
    expect(arrows(await built.read('web/issues/1/second/index.html'))).toEqual(['←', '↑']);
    expect(arrows(await built.read('web/index.html'))).toEqual(['→']);
  });

  it('gives the title of an untranslated neighbour in the pager its own language and direction', async () => {
    const first = await built.read('web/ar/issues/1/first/index.html');
    expect(first).toContain('<span class="pager__title" lang="en" dir="ltr">The second article</span>');
    expect(languagesOf(first, 'The second article')).toEqual(['en']);
    // Translated neighbours are in the page's language.
    const second = await built.read('web/ar/issues/1/second/index.html');
    expect(languagesOf(second, 'المقال الأول')).toEqual(['ar']);
    expect(languagesOf(second, 'الضوء الأول')).toEqual(['ar', 'ar']);
  });

  it("marks the site's title, tagline and menu entries of site.yml as English, the language they are written in", async () => {
    const home = await built.read('web/ar/index.html');
    expect(home).toContain('<h1 class="masthead__title" lang="en" dir="ltr">');
    expect(home).toContain('<p class="colophon__title" lang="en" dir="ltr">Test Zine</p>');
    expect(languagesOf(home, 'A zine about small computers.')).toEqual(['en', 'en']);
    expect(languagesOf(home, 'Source code.')).toEqual(['en']);
    // The menu's other entries are the edition's own words.
    expect(languagesOf(home, 'الرئيسية')).toEqual(['ar']);
    const english = await built.read('web/index.html');
    expect(english).toContain('<h1 class="masthead__title"><a href="./">Test Zine</a></h1>');
    expect(english).toContain('<li><a href="https://git.example/zine">Source code.</a></li>');
  });

  it("sets each feed entry's content from right to left, in Arabic, and leaves the English feed's as it was", async () => {
    // What a feed reader shows: the elements at the top of the entry's content, with their lang and dir.
    const top = async (file: string) => {
      const content = parseFeed(await built.read(file)).items[0]!.content!;
      return fromHtml(content, { fragment: true }).children.flatMap((node) => (node.type === 'element' ? [[node.tagName, node.properties['lang'], node.properties['dir']]] : []));
    };
    for (const file of ['web/ar/atom.xml', 'web/ar/rss.xml']) expect(await top(file), file).toEqual([['div', 'ar', 'rtl']]);
    // The issue's cover comes first, then its editorial, in no wrapper.
    expect((await top('web/atom.xml')).slice(0, 2)).toEqual([['figure', undefined, undefined], ['p', undefined, undefined]]);
  });

  it('is valid HTML in both editions', async () => {
    expect(await checkHtml([path.join(built.out, 'web')])).toEqual([]);
  });

  it("isolates each author's name in the feeds' bylines, as on its pages", async () => {
    for (const feed of ['web/ar/atom.xml', 'web/ar/rss.xml']) {
      expect(await built.read(feed), feed).toContain('<p>بقلم <bdi>Ada Quill</bdi>, <bdi>Smith &amp; &lt;Sons&gt; &quot;Ltd&quot;</bdi></p>');
    }
  });
});
