import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '@rowanmanning/feed-parser';
import { xmlErrors } from '../support/xml.js';
import { fixtures, makeWebzine, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

let web: string;

beforeAll(async () => {
  const root = await makeWebzine();
  const out = await temporaryFolder();
  const run = await runCli(['build', '--root', root, '--out', out]);
  expect(run.code).toBe(0);
  web = path.join(out, 'web');
});
afterAll(removeTemporaryFolders);

const page = (file: string) => readFile(path.join(web, file), 'utf8');

/**
 * Builds the base webzine after `change`, expecting a build without errors or warnings; gives
 * a reader of the web tree.
 */
async function buildChanged(change: (root: string) => Promise<unknown>, ...options: string[]): Promise<(file: string) => Promise<string>> {
  const { read, said } = await buildSaying(change, ...options);
  expect(said).not.toMatch(/error|warning/);
  return read;
}

/** The same, for a build that may warn: gives what it said too. */
async function buildSaying(change: (root: string) => Promise<unknown>, ...options: string[]): Promise<{ read: (file: string) => Promise<string>; said: string }> {
  const root = await makeWebzine();
  await change(root);
  const out = await temporaryFolder();
  const run = await runCli(['build', '--root', root, '--out', out, ...options]);
  expect(run.code).toBe(0);
  return { read: (file) => readFile(path.join(out, 'web', file), 'utf8'), said: run.stdout + run.stderr };
}
const trusted = (root: string) => appendFile(path.join(root, 'content/site.yml'), 'markdown:\n  html: trust\n');
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe('links of drafts', () => {
  it('are checked by check, as they will be published, but never keep build from publishing the rest', async () => {
    const root = await makeWebzine(path.join(fixtures, 'errors/draft-issue-links'));
    const checked = await runCli(['check', '--root', root]);
    expect([checked.code, checked.stdout]).toEqual([1, expect.stringContaining('content/issues/2/10-coming.md:5:40: error: the link "20-latr.md" points to nothing in the webzine')]);
    const out = await temporaryFolder();
    const built = await runCli(['build', '--root', root, '--out', out]);
    expect([built.code, built.stdout + built.stderr]).toEqual([0, expect.not.stringMatching(/error|warning/)]);
    await expect(readFile(path.join(out, 'web/issues/2/index.html'), 'utf8')).rejects.toThrow();
  });

  it("are told by check of a link to a document's own draft, but from a translation that says draft: true too", async () => {
    const root = await makeWebzine(path.join(fixtures, 'errors/link-to-own-draft-in-draft-issue'));
    await appendFile(path.join(root, 'content/site.yml'), 'languages: [fr]\n');
    const news = path.join(root, 'content/issues/2/10-news.fr.md');
    await writeFile(news, '---\ntitle: Nouvelles\nauthors: [grace]\n---\nLisez [les lettres](60-letters.md).\n');
    const published = await runCli(['check', '--root', root]);
    expect(published.stdout).toContain('content/issues/2/10-news.fr.md:5:7: error: the link "60-letters.md" points to a draft, which is not published [link/draft-target]');
    await writeFile(news, '---\ntitle: Nouvelles\nauthors: [grace]\ndraft: true\n---\nLisez [les lettres](60-letters.md).\n');
    const draft = await runCli(['check', '--root', root]);
    expect([draft.code, draft.stdout]).toEqual([1, expect.stringContaining('content/issues/2/10-news.md:5:6: error')]);
    expect(draft.stdout).not.toContain('10-news.fr.md');
  });
});

describe('links between Markdown files', () => {
  it('rewrites a link to another article with an anchor to that article page, relative to the page', async () => {
    expect(hrefs(await page('issues/1/first/index.html'))).toContain('../second/#details');
  });

  it('rewrites the same link from the issue page, one folder up', async () => {
    expect(hrefs(await page('issues/1/index.html'))).toContain('second/#details');
  });

  it('rewrites a link from the editorial to a page anchor', async () => {
    expect(hrefs(await page('issues/1/index.html'))).toContain('../../about/#history');
  });

  it('keeps a same-page anchor on the article page as written', async () => {
    expect(hrefs(await page('issues/1/second/index.html'))).toContain('#details');
  });

  it('prefixes a same-page anchor inside the issue page with the article id', async () => {
    const html = await page('issues/1/index.html');
    expect(hrefs(html)).toContain('#second:details');
    expect(html).toContain('id="second:details"');
  });

  it('writes the canonical URL from baseUrl', async () => {
    expect(await page('issues/1/second/index.html')).toContain('<link rel="canonical" href="https://zine.example/issues/1/second/">');
  });

  it('links the hashed stylesheet relatively from every depth', async () => {
    const home = await page('index.html');
    const stylesheet = /href="(style\.[0-9a-f]{10}\.css)"/.exec(home)?.[1];
    expect(stylesheet).toBeDefined();
    expect(await page('issues/1/first/index.html')).toContain(`href="../../../${stylesheet}"`);
  });

  it('links the 404 page from the site root, since it is served at any depth', async () => {
    expect(hrefs(await page('404.html'))).toContain('/about/');
  });

  it('marks the menu entry of the page being read as current, and none on the 404 page', async () => {
    const current = (html: string) => [...html.matchAll(/<a href="([^"]*)" aria-current="page">/g)].map((m) => m[1]);
    expect(current(await page('index.html'))).toEqual(['./']);
    expect(current(await page('about/index.html'))).toEqual(['./']);
    expect(current(await page('404.html'))).toEqual([]);
  });
});

describe("site.yml's own menu entries", () => {
  it('lead where they say from every page: a path with its anchor or query, an escaped file name, another site', async () => {
    const read = await buildChanged(async (root) => {
      await mkdir(path.join(root, 'content/static/files'), { recursive: true });
      await writeFile(path.join(root, 'content/static/files/annual report.txt'), 'Figures.\n');
      const menu = ['/about/#history', '/files/annual%20report.txt', '/atom.xml?from=menu', '/issues/1/', 'https://example.org/a%20b'].map((url, index) => `  - title: Entry ${index}\n    url: "${url}"\n`);
      await appendFile(path.join(root, 'content/site.yml'), `menu:\n${menu.join('')}`);
    });
    const entries = (html: string) => [...html.matchAll(/<a href="([^"]*)"[^>]*>Entry \d</g)].map((m) => m[1]);
    expect(entries(await read('index.html'))).toEqual(['about/#history', 'files/annual%20report.txt', 'atom.xml?from=menu', 'issues/1/', 'https://example.org/a%20b']);
    expect(entries(await read('issues/1/first/index.html'))).toEqual(['../../../about/#history', '../../../files/annual%20report.txt', '../../../atom.xml?from=menu', '../', 'https://example.org/a%20b']);
  });
});

describe("site.yml's menu entries that name a file of content/", () => {
  it('lead to its page or file from every page, as a link in Markdown does, in each edition to its own page', async () => {
    const read = await buildChanged(async (root) => {
      await mkdir(path.join(root, 'content/static/files'), { recursive: true });
      await writeFile(path.join(root, 'content/static/files/report.pdf'), '%PDF-1.4\n');
      // The translation has no "history" heading: its menu entry leads to the top of its page.
      await writeFile(path.join(root, 'content/pages/about.fr.md'), '---\ntitle: À propos\n---\n## Histoire\n\nDans un abri.\n');
      const menu = ['pages/about.md#history', 'issues/1/20-second.md', 'static/files/report.pdf'].map((url, index) => `  - title: Entry ${index}\n    url: "${url}"\n`);
      await appendFile(path.join(root, 'content/site.yml'), `languages: [fr]\nmenu:\n${menu.join('')}`);
    });
    const entries = (html: string) => [...html.matchAll(/<a href="([^"]*)"[^>]*>Entry \d</g)].map((m) => m[1]);
    expect(entries(await read('index.html'))).toEqual(['about/#history', 'issues/1/second/', 'files/report.pdf']);
    expect(entries(await read('issues/1/first/index.html'))).toEqual(['../../../about/#history', '../second/', '../../../files/report.pdf']);
    expect(entries(await read('fr/issues/1/first/index.html'))).toEqual(['../../../about/', '../second/', '../../../../files/report.pdf']);
  });
});

describe('links to articles and pages with a ?query', () => {
  it('keep it, before their anchor, on the web and in the feeds; the capsule links the page', async () => {
    const root = await makeWebzine();
    await appendFile(path.join(root, 'content/site.yml'), 'geminiUrl: gemini://zine.example/\n');
    await writeFile(
      path.join(root, 'content/issues/1/30-queries.md'),
      '---\ntitle: Queries\n---\nSee [the tip](20-second.md?x=1), [its details](20-second.md?x=1&y=a%20b#details), [about](/about/?from=queries), [this one](?print=1) and [the feed](/atom.xml?v=2).\n',
    );
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect([run.code, run.stdout]).toEqual([0, expect.not.stringMatching(/error|warning/)]);
    const read = (file: string) => readFile(path.join(out, file), 'utf8');
    const expected = (up: string, self: string) => [`${up}second/?x=1`, `${up}second/?x=1&#x26;y=a%20b#details`, `${up}../../about/?from=queries`, `${self}?print=1`, `${up}../../atom.xml?v=2`];
    expect(hrefs(await read('web/issues/1/queries/index.html'))).toEqual(expect.arrayContaining(expected('../', './')));
    expect(hrefs(await read('web/issues/1/index.html'))).toEqual(expect.arrayContaining(expected('', 'queries/')));
    const atom = await read('web/atom.xml');
    expect(atom).toContain('href="https://zine.example/issues/1/second/?x=1&#x26;y=a%20b#details"');
    expect(atom).toContain('href="https://zine.example/about/?from=queries"');
    const gemtext = await read('gemini/issues/1/queries.gmi');
    expect(gemtext).toContain('=> second.gmi the tip\n');
    expect(gemtext).not.toContain('?');
  });
});

describe('links of an article to itself', () => {
  const self = ['---', 'title: Self', '---', '## Part', '', 'See [this article](30-self.md), [its part](30-self.md#part) and [the first](10-first.md).', '', '<del cite="30-self.md">Struck</del> <del cite="10-first.md">there</del>.', ''].join('\n');
  const cites = (html: string) => [...html.matchAll(/cite="([^"]*)"/g)].map((m) => m[1]);

  it('lead to the top of its own page, and to its section on the issue page and in the feeds, as links to its headings do', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-self.md'), self);
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect([run.code, run.stdout]).toEqual([0, expect.not.stringMatching(/error|warning/)]);
    const read = (file: string) => readFile(path.join(out, 'web', file), 'utf8');
    const own = await read('issues/1/self/index.html');
    expect(own).toContain('<a href="#">this article</a>, <a href="#part">its part</a> and <a href="../first/">the first</a>');
    expect(cites(own)).toEqual(['#', '../first/']);
    const issue = await read('issues/1/index.html');
    expect(issue).toContain('<article class="issue-article" id="self">');
    expect(issue).toContain('<a href="#self">this article</a>, <a href="#self:part">its part</a> and <a href="first/">the first</a>');
    expect(cites(issue)).toEqual(['#self', 'first/']);
    for (const feed of ['atom.xml', 'rss.xml']) {
      const xml = await read(feed);
      expect(xmlErrors(xml), feed).toEqual([]);
      const content = parseFeed(xml).items[0]!.content ?? '';
      expect(content, feed).toContain('<a href="https://zine.example/issues/1/#self">this article</a>, <a href="https://zine.example/issues/1/#self:part">its part</a> and <a href="https://zine.example/issues/1/first/">the first</a>');
      expect(cites(content), feed).toEqual(['https://zine.example/issues/1/#self', 'https://zine.example/issues/1/first/']);
    }
  });
});

describe('links to copied files', () => {
  it('keep the ?query and #fragment they were written with, which a reader\'s viewer reads: a PDF\'s #page=3', async () => {
    const read = await buildChanged(async (root) => {
      await mkdir(path.join(root, 'content/static/files'), { recursive: true });
      await writeFile(path.join(root, 'content/static/files/a b.pdf'), '%PDF-1.4\n');
      await writeFile(path.join(root, 'content/issues/1/report.pdf'), '%PDF-1.4\n');
      await writeFile(
        path.join(root, 'content/issues/1/30-files.md'),
        '---\ntitle: Files\n---\nSee [page 3](report.pdf#page=3), [the second version](report.pdf?v=2), [page 2](/files/a%20b.pdf#page=2 "Annual"), [the drawing](<cover.svg#layer one>) and [the whole report](report.pdf).\n\n<a href="cover.svg#view">raw</a>\n',
      );
    }, '--base-url', 'https://zine.example/');
    const expected = (up: string) => [`${up}report.pdf#page=3`, `${up}report.pdf?v=2`, `${up}../../files/a%20b.pdf#page=2`, `${up}cover.svg#layer%20one`, `${up}report.pdf`, `${up}cover.svg#view`];
    expect(hrefs(await read('issues/1/files/index.html'))).toEqual(expect.arrayContaining(expected('../')));
    expect(hrefs(await read('issues/1/index.html'))).toEqual(expect.arrayContaining(expected('')));
    const atom = await read('atom.xml');
    expect(atom).toContain('href="https://zine.example/issues/1/report.pdf#page=3"');
    expect(atom).toContain('href="https://zine.example/files/a%20b.pdf#page=2"');
  });
});

describe('ids on a page', () => {
  it('never repeat, whatever an article is called and whatever its headings say', async () => {
    // An article called `editorial`, headings that slug to the ids mimeo gives the footnotes heading and the editorial's.
    const article = '---\ntitle: Editorial, the article\n---\n## Intro\n\nA claim.[^1]\n\n## Footnote label\n\nMore.\n\n[^1]: Its source.\n';
    const read = await buildChanged(async (root) => {
      await appendFile(path.join(root, 'content/issues/1/issue.md'), '\n## Intro\n\nThe editorial has a note.[^e]\n\n[^e]: Its note.\n');
      await writeFile(path.join(root, 'content/issues/1/30-editorial.md'), article);
    });
    for (const file of ['issues/1/index.html', 'issues/1/editorial/index.html', 'atom.xml']) {
      const text = await read(file);
      const ids = [...text.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]);
      expect(ids.length, file).toBeGreaterThan(4);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index), file).toEqual([]);
    }
    // A footnote reference is described by the footnotes heading, not by the heading "Footnote label".
    const own = await read('issues/1/editorial/index.html');
    const describedBy = /<a [^>]*data-footnote-ref[^>]*aria-describedby="([^"]*)"/.exec(own)?.[1] ?? /aria-describedby="([^"]*)"[^>]*data-footnote-ref/.exec(own)?.[1];
    expect(describedBy).toBeDefined();
    expect(new RegExp(`<h2[^>]* id="${describedBy}"[^>]*>Footnotes<`).test(own)).toBe(true);
    expect(own).toMatch(/<h2 id="footnote-label">Footnote label<a class="heading-anchor"/);
  });
});

describe('ids of headings that hold raw HTML', () => {
  it('are made of the text the heading shows, as on GitHub: a link to #head-raw-x passes check and leads to it, on its page and on the issue page', async () => {
    const change = async (root: string) => {
      await writeFile(path.join(root, 'content/issues/1/30-raw-heading.md'), '---\ntitle: Raw heading\n---\n## Head <b>raw</b> x\n\nBack to [the heading](#head-raw-x).\n');
      await appendFile(path.join(root, 'content/pages/about.md'), '\nSee [the raw heading](../issues/1/30-raw-heading.md#head-raw-x).\n');
    };
    const root = await makeWebzine();
    await change(root);
    const checked = await runCli(['check', '--root', root]);
    expect(checked.code).toBe(0);
    expect((checked.stdout + checked.stderr).split('\n').filter((line) => !line.startsWith('note: '))).toEqual(['checked: 0 errors, 0 warnings', '']);
    const read = await buildChanged(change);
    const own = await read('issues/1/raw-heading/index.html');
    expect(own).toContain('<h2 id="head-raw-x">Head <b>raw</b> x<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#head-raw-x">#</a></h2>');
    expect(own).toContain('<a href="#head-raw-x">the heading</a>');
    const issue = await read('issues/1/index.html');
    expect(issue).toContain('<h3 id="raw-heading:head-raw-x">Head <b>raw</b> x<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#raw-heading:head-raw-x">#</a></h3>');
    expect(issue).toContain('<a href="#raw-heading:head-raw-x">the heading</a>');
    expect(await read('about/index.html')).toContain('<a href="../issues/1/raw-heading/#head-raw-x">the raw heading</a>');
  });
});

describe('ids written in raw HTML', () => {
  it('are what links to them lead to: <a name> anchors become ids, and none takes the theme\'s _main', async () => {
    const body = '---\ntitle: Anchors\n---\n<a name="old"></a>An old-style anchor. <span id="_main">Not the main part.</span>\n\nBack to [the anchor](#old).\n';
    const read = await buildChanged((root) => writeFile(path.join(root, 'content/issues/1/30-anchors.md'), body));
    const own = await read('issues/1/anchors/index.html');
    expect(own).toContain('<a id="old"></a>An old-style anchor.');
    expect(own).toContain('<a href="#old">the anchor</a>');
    expect(own).not.toMatch(/<a [^>]*name=/);
    expect([...own.matchAll(/ id="_main"/g)]).toHaveLength(1);
    const issue = await read('issues/1/index.html');
    expect(issue).toContain('<a id="anchors:old"></a>');
    expect(issue).toContain('href="#anchors:old"');
  });

  it('make valid, unique ids only: an empty or spaced name, or one a heading has, stays a name, and no link may lead to it', async () => {
    const body = '---\ntitle: Anchors\n---\n## First\n\n<a name=""></a><a name="two words"></a><a name="first"></a><a name="x" id="y"></a>Text.\n\nSee [the heading](#first).\n';
    const read = await buildChanged((root) => writeFile(path.join(root, 'content/issues/1/30-anchors.md'), body));
    const own = await read('issues/1/anchors/index.html');
    const ids = [...own.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(ids).not.toContain('');
    expect(ids).not.toContain('two words');
    expect(own).toContain('<h2 id="first">');
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-anchors.md'), '---\ntitle: Anchors\n---\n<a name="x" id="y"></a>Text.\n\nSee [x](#x) and [y](#y).\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.stdout.split('\n').filter((line) => line.includes('[link/missing-anchor]'))).toEqual([expect.stringContaining('content/issues/1/30-anchors.md:6:5: error:')]);
  });

  it('that begin with _ are no link targets: a link to one is an error', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-anchors.md'), '---\ntitle: Anchors\n---\n<span id="_top">Top.</span>\n\nBack to [the top](#_top).\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/issues/1/30-anchors.md:6:9: error:');
    expect(run.stdout).toContain('[link/missing-anchor]');
  });
});

describe('headings on an issue page', () => {
  it('go one level down under the heading that introduces them: the editorial\'s too', async () => {
    const read = await buildChanged((root) => appendFile(path.join(root, 'content/issues/1/issue.md'), '\n## A word on lamps\n\nThey glow.\n'));
    const issue = await read('issues/1/index.html');
    const headings = [...issue.matchAll(/<h([2-6])[^>]*>([^<]*)/g)].map((m) => `h${m[1]} ${m[2]}`);
    expect(headings.slice(0, 2)).toEqual(['h2 Editorial', 'h3 A word on lamps']);
  });
});

describe('links and images in raw HTML', () => {
  const raw = [
    '---',
    'title: Raw',
    '---',
    'A drawing: <img src="cover.svg" alt="The cover"> and <a href="10-first.md">the first article</a>.',
    '',
    '<p>See <a href="../../pages/about.md#history">the history</a> and <a href="https://example.org/">elsewhere</a>.</p>',
    '',
  ].join('\n');

  it('are rewritten as Markdown ones are, on the page, in the issue and in the feeds', async () => {
    const read = await buildChanged((root) => writeFile(path.join(root, 'content/issues/1/30-raw.md'), raw), '--base-url', 'https://zine.example/sub/');
    const own = await read('issues/1/raw/index.html');
    expect(own).toContain('<img src="../cover.svg" alt="The cover">');
    expect(hrefs(own)).toEqual(expect.arrayContaining(['../first/', '../../../about/#history', 'https://example.org/']));
    const issue = await read('issues/1/index.html');
    expect(issue).toContain('<img src="cover.svg" alt="The cover">');
    expect(hrefs(issue)).toEqual(expect.arrayContaining(['first/', '../../about/#history']));
    const atom = await read('atom.xml');
    expect(atom).toContain('src="https://zine.example/sub/issues/1/cover.svg"');
    expect(atom).toContain('href="https://zine.example/sub/issues/1/first/"');
    expect(atom).not.toMatch(/\.md["#]/);
  });

  it('leave what Markdown made alone, and what trusted HTML keeps: footnotes, <a name> anchors, javascript: and data: URLs', async () => {
    const body = [
      '---',
      'title: Trusted',
      '---',
      '<a name="top"></a>A claim.[^1] Some <em>raw</em> emphasis.',
      '',
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="dot"> <a href="javascript:void(0)">nothing</a> <a href="#top">back to top</a>',
      '',
      '[^1]: The source.',
      '',
    ].join('\n');
    const read = await buildChanged(async (root) => {
      await trusted(root);
      await writeFile(path.join(root, 'content/issues/1/30-trusted.md'), body);
    });
    const own = await read('issues/1/trusted/index.html');
    expect(own).toContain('src="data:image/gif;base64,R0lGODlhAQABAAAAACw="');
    expect(own).toContain('href="javascript:void(0)"');
    expect(hrefs(own)).toEqual(expect.arrayContaining(['#top', '#fn:fn-1', '#fn:fnref-1']));
  });

  it('keep, sanitized, what articles use: figures, marks, abbreviations, video and audio with captions, srcset', async () => {
    const body = [
      '---',
      'title: Media',
      '---',
      '<figure><img src="cover.svg" srcset="cover.svg 600w" sizes="50vw" alt="c" onerror="alert(1)"><figcaption>The <mark>cover</mark>, in <abbr title="Scalable Vector Graphics">SVG</abbr>.</figcaption></figure>',
      '',
      '<img src="cover.svg" srcset="cover.svg 2x, javascript:alert(1) 3x" alt="d">',
      '',
      '<img src="cover.svg" srcset="https://img.example/w_300,h_200/a.jpg 2x,cover.svg 3x" alt="e">',
      '',
      '<video src="cover.svg" poster="javascript:alert(1)" controls autoplay><track src="cover.svg" kind="captions" srclang="en" label="English"></video>',
      '',
      '<audio src="cover.svg" controls></audio> <blockquote cite="10-first.md">Quoted.</blockquote>',
      '',
    ].join('\n');
    const { read, said } = await buildSaying((root) => writeFile(path.join(root, 'content/issues/1/30-media.md'), body));
    // What could run code is left out, and the contributor told where.
    expect(said.split('\n').filter((line) => / (error|warning): /.test(line))).toEqual([
      'content/issues/1/30-media.md:4:9: warning: <img> is kept without its onerror attribute: raw HTML may not hold it [html/removed]',
      'content/issues/1/30-media.md:6:1: warning: <img> is kept without its srcset attribute: raw HTML may not hold it [html/removed]',
      'content/issues/1/30-media.md:10:1: warning: <video> is kept without its poster and autoplay attributes: raw HTML may not hold them [html/removed]',
    ]);
    const own = await read('issues/1/media/index.html');
    expect(own).toContain('<figure><img src="../cover.svg" srcset="../cover.svg 600w" sizes="50vw" alt="c"><figcaption>The <mark>cover</mark>, in <abbr title="Scalable Vector Graphics">SVG</abbr>.</figcaption></figure>');
    expect(own).toContain('<video src="../cover.svg" controls><track src="../cover.svg" kind="captions" srclang="en" label="English"></video>');
    expect(own).toContain('<audio src="../cover.svg" controls></audio>');
    // A URL with commas (as image services write them) is one URL.
    expect(own).toContain('srcset="https://img.example/w_300,h_200/a.jpg 2x,../cover.svg 3x"');
    // A srcset with a URL that could run code is dropped whole.
    expect(own).toContain('<img src="../cover.svg" alt="d">');
    expect(own).not.toMatch(/javascript:|onerror|autoplay/);
  });

  it('are rewritten in srcset candidates, SVG xlink:href, and what only trusted HTML keeps (iframe, object) too', async () => {
    const body = '---\ntitle: Pictures\n---\n<picture><source srcset="cover.svg" type="image/svg+xml"><img src="cover.svg" srcset="cover.svg 2x" alt="c"></picture>\n\n<svg><a xlink:href="10-first.md"><text>first</text></a></svg>\n\n<iframe src="cover.svg"></iframe><object data="cover.svg"></object>\n';
    const read = await buildChanged(async (root) => {
      await trusted(root);
      await writeFile(path.join(root, 'content/issues/1/30-pictures.md'), body);
    });
    const own = await read('issues/1/pictures/index.html');
    expect(own).toContain('<source srcset="../cover.svg" type="image/svg+xml">');
    expect(own).toContain('srcset="../cover.svg 2x"');
    expect(own).toContain('xlink:href="../first/"');
    expect(own).toContain('<iframe src="../cover.svg"></iframe><object data="../cover.svg"></object>');
  });

  it('are checked as Markdown ones are, each error located where the HTML wrote it', async () => {
    const root = await makeWebzine();
    const broken = raw.replace('cover.svg', 'covers.svg').replace('10-first.md', '10-frist.md').replace('#history', '#histories');
    await writeFile(path.join(root, 'content/issues/1/30-raw.md'), broken);
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.includes(': error: '));
    expect(errors).toEqual([
      expect.stringMatching(/^content\/issues\/1\/30-raw\.md:4:12: error: .*covers\.svg.*\[asset\/missing\]$/),
      expect.stringMatching(/^content\/issues\/1\/30-raw\.md:4:55: error: .*10-frist\.md.*\[link\/missing-target\]$/),
      expect.stringMatching(/^content\/issues\/1\/30-raw\.md:6:8: error: .*histories.*\[link\/missing-anchor\]$/),
    ]);
  });
});
