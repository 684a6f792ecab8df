import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { xmlErrors } from '../support/xml.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, makeWebzine, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

async function buildTo(root: string): Promise<string> {
  const out = await temporaryFolder();
  const run = await runCli(['build', '--root', root, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

/** Every URL of an HTML fragment: href, src and each srcset candidate. */
function urlsIn(html: string): string[] {
  const urls = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
  for (const m of html.matchAll(/\ssrcset="([^"]*)"/g)) urls.push(...m[1]!.split(',').map((c) => c.trim().split(/\s+/)[0]!));
  return urls;
}

describe('the sample webzine\'s feeds', () => {
  let out: string;
  let atom: string;
  let rss: string;
  beforeAll(async () => {
    out = await buildTo(repoRoot);
    atom = await readFile(path.join(out, 'web/atom.xml'), 'utf8');
    rss = await readFile(path.join(out, 'web/rss.xml'), 'utf8');
  });

  it('are well-formed XML', () => {
    expect(xmlErrors(atom)).toEqual([]);
    expect(xmlErrors(rss)).toEqual([]);
  });

  it('have one Atom entry per published issue, newest first, with stable ids, links and dates', () => {
    const feed = parseFeed(atom);
    expect(feed.items.map((item) => [item.id, item.title, item.url, item.published?.toISOString()])).toEqual([
      ['https://pilotlight.example/issues/3/', 'No. 3: Long Uptime', 'https://pilotlight.example/issues/3/', '2026-09-19T00:00:00.000Z'],
      ['https://pilotlight.example/issues/2/', 'No. 2: Brownout', 'https://pilotlight.example/issues/2/', '2026-05-30T00:00:00.000Z'],
      ['https://pilotlight.example/issues/1/', 'No. 1: Cold Start', 'https://pilotlight.example/issues/1/', '2026-02-14T00:00:00.000Z'],
    ]);
    // Updated dates come from Git history: never before publication, and the feed's is the newest entry's.
    for (const item of feed.items) expect(item.updated!.getTime()).toBeGreaterThanOrEqual(item.published!.getTime());
    expect(feed.updated?.toISOString()).toBe(feed.items.map((item) => item.updated!.toISOString()).sort().pop());
  });

  it('have the same entries in RSS as in Atom', () => {
    const fromAtom = parseFeed(atom).items.map((item) => [item.id, item.title, item.url]);
    expect(parseFeed(rss).items.map((item) => [item.id, item.title, item.url])).toEqual(fromAtom);
  });

  it('carry each issue\'s editors and writers as entry authors, names only, in Atom and in RSS', () => {
    const authors = parseFeed(atom).items[0]!.authors.map((author) => author.name);
    expect(authors).toContain('Tamsin Rook');
    expect(atom).not.toMatch(/<email>/);
    // RSS's <author> must be an e-mail address: the names are the item's Dublin Core creator.
    const creators = parseFeed(rss).items[0]!.authors.map((author) => author.name);
    expect(creators.join(', ').split(', ').sort()).toEqual([...authors].sort());
    expect(rss).not.toMatch(/<author>/);
  });

  it('have only absolute URLs in entry content', () => {
    for (const item of parseFeed(atom).items) {
      const relative = urlsIn(item.content ?? '').filter((url) => !/^(https?|mailto|gemini):/.test(url));
      expect(relative, item.id ?? '').toEqual([]);
      expect(urlsIn(item.content ?? '').length).toBeGreaterThan(3);
    }
  });

  it('show headings without the anchor links the web pages give them, which readers without the stylesheet show as a bare #', async () => {
    const issue = await readFile(path.join(out, 'web/issues/3/index.html'), 'utf8');
    const anchored = [...issue.matchAll(/<h[3-6] id="[^"]+">([^<]+)<a class="heading-anchor"/g)].map((m) => m[1]!);
    expect(anchored.length).toBeGreaterThan(0);
    for (const feed of [atom, rss]) {
      const content = parseFeed(feed).items.find((item) => item.id === 'https://pilotlight.example/issues/3/')?.content ?? '';
      for (const heading of anchored) expect(content).toMatch(new RegExp(`<h[3-6] id="[^"]+">${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h[3-6]>`));
      expect(content).not.toContain('heading-anchor');
    }
  });

  it('open each entry with the issue\'s cover as its page shows it: at its absolute URL, with its alt text and caption, in Atom and in RSS', () => {
    const alt = 'A light bulb drawn in black ink with a dim yellow glow, its filament sagging, above a small server that keeps its green-yellow light on. Text reads Pilot Light, issue 2, Brownout.';
    for (const feed of [atom, rss]) {
      const contents = parseFeed(feed).items.map((item) => (item.content ?? '').slice(0, item.content?.indexOf('</figure>')));
      expect(contents[1]).toBe(`<figure><img src="https://pilotlight.example/issues/2/cover.svg" alt="${alt}"><figcaption>Cover of No.\u00a02</figcaption>`);
      expect(contents.map((content) => /^<figure><img src="([^"]*)"/.exec(content)?.[1])).toEqual([3, 2, 1].map((n) => `https://pilotlight.example/issues/${n}/cover.svg`));
    }
  });

  it('mark a cover\'s alt text in a translated edition\'s entries with its language when it is the original\'s, as the page does', async () => {
    const covers = async (file: string) => [...(await readFile(path.join(out, file), 'utf8')).matchAll(/<img (?:class="cover__image" )?src="[^"]*\/issues\/(\d)\/cover\.svg" alt="[^"]*"((?: lang="[^"]*" dir="[^"]*")?)/g)].map((m) => [m[1], m[2]]);
    const marks = [['3', ''], ['2', ' lang="en" dir="ltr"'], ['1', ' lang="en" dir="ltr"']];
    for (const feed of ['web/fr/atom.xml', 'web/fr/rss.xml']) expect(await covers(feed), feed).toEqual(marks);
    expect([...(await covers('web/fr/issues/2/index.html')), ...(await covers('web/fr/issues/3/index.html'))]).toEqual([marks[1], marks[0]]);
  });

  it('are linked from every page with the right types', async () => {
    const page = await readFile(path.join(out, 'web/issues/2/index.html'), 'utf8');
    expect(page).toContain('<link rel="alternate" type="application/atom+xml" title="Pilot Light (Atom feed)" href="../../atom.xml">');
    expect(page).toContain('<link rel="alternate" type="application/rss+xml" title="Pilot Light (RSS feed)" href="../../rss.xml">');
  });

  it('has an Atom feed in the capsule with gemini:// links to the same entries, their summaries and not their text, as the README says', async () => {
    const capsuleXml = await readFile(path.join(out, 'gemini/atom.xml'), 'utf8');
    expect(capsuleXml).not.toContain('<content');
    const capsuleFeed = parseFeed(capsuleXml);
    expect(capsuleFeed.items.map((item) => item.description)).toEqual(parseFeed(atom).items.map((item) => item.description));
    expect(capsuleFeed.items.map((item) => [item.id, item.url])).toEqual([
      ['https://pilotlight.example/issues/3/', 'gemini://pilotlight.example/issues/3/'],
      ['https://pilotlight.example/issues/2/', 'gemini://pilotlight.example/issues/2/'],
      ['https://pilotlight.example/issues/1/', 'gemini://pilotlight.example/issues/1/'],
    ]);
  });
});

describe('feeds of hostile text', () => {
  it('stay well-formed with control characters, ]]>, & and < in titles, names, tags and bodies', async () => {
    const out = await buildTo(await makeWebzine(path.join(fixtures, 'feeds/hostile-text')));
    for (const file of ['web/atom.xml', 'web/rss.xml', 'gemini/atom.xml']) {
      const xml = await readFile(path.join(out, file), 'utf8');
      expect(xmlErrors(xml), file).toEqual([]);
      expect(xml).not.toMatch(/[\u0001\u0008\u001f]/);
    }
    const atom = parseFeed(await readFile(path.join(out, 'web/atom.xml'), 'utf8'));
    // A feed reader gets the text back as written, less the control characters.
    expect(atom.items[0]!.content).toContain('Text with a control  character, a ]]> and & and < and');
    expect(atom.items[0]!.content).toContain('raw ]]> html');
    expect(atom.items[0]!.categories.map((category) => category.term)).toContain('C<3 > 2');
  });
});

describe('feeds of text that holds ]]>', () => {
  it('give RSS readers an item title exactly as written, every ]]> in it kept and no character added', async () => {
    const root = await makeWebzine();
    const issue = path.join(root, 'content/issues/1/issue.md');
    const text = await readFile(issue, 'utf8');
    await writeFile(issue, text.replace('title: First light', 'title: "Issue ]]> one ]]> two"').replace('summary: The first issue.', 'summary: "A ]]> b ]]> c"'));
    const out = await buildTo(root);
    const xml = await readFile(path.join(out, 'web/rss.xml'), 'utf8');
    expect(xmlErrors(xml)).toEqual([]);
    const rss = parseFeed(xml);
    expect(rss.items.map((item) => item.title)).toEqual(['No. 1: Issue ]]> one ]]> two']);
    expect(rss.items.map((item) => item.description)).toEqual(['A ]]> b ]]> c']);
    expect(parseFeed(await readFile(path.join(out, 'web/atom.xml'), 'utf8')).items.map((item) => item.title)).toEqual(['No. 1: Issue ]]> one ]]> two']);
  });
});

describe('feeds of a webzine published below the root of its hosts', () => {
  it('keep the path of a gemini URL written without its last slash, and describe a webzine without a description by its title', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/sub\ngeminiUrl: gemini://zine.example/sub\n');
    const out = await buildTo(root);
    const capsuleXml = await readFile(path.join(out, 'gemini/atom.xml'), 'utf8');
    const capsule = parseFeed(capsuleXml);
    expect(capsule.self).toBe('gemini://zine.example/sub/atom.xml');
    expect(capsule.items.map((item) => item.url)).toEqual(['gemini://zine.example/sub/issues/1/']);
    expect(capsuleXml).not.toMatch(/gemini:\/\/zine\.example\/(?!sub\/)/);
    const rss = parseFeed(await readFile(path.join(out, 'web/rss.xml'), 'utf8'));
    expect(rss.description).toBe('Test Zine');
    expect(rss.items.map((item) => item.url)).toEqual(['https://zine.example/sub/issues/1/']);
  });
});

describe('a feed limit', () => {
  it('keeps only the newest feed.limit issues', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nfeed:\n  limit: 1\n');
    const { mkdir, cp } = await import('node:fs/promises');
    await mkdir(path.join(root, 'content/issues/2'));
    await writeFile(path.join(root, 'content/issues/2/10-first.md'), '---\ntitle: Again\n---\nText.\n');
    await cp(path.join(root, 'content/issues/1/issue.md'), path.join(root, 'content/issues/2/issue.md'));
    await cp(path.join(root, 'content/issues/1/cover.svg'), path.join(root, 'content/issues/2/cover.svg'));
    const out = await buildTo(root);
    const atom = parseFeed(await readFile(path.join(out, 'web/atom.xml'), 'utf8'));
    expect(atom.items.map((item) => item.id)).toEqual(['https://zine.example/issues/2/']);
  });
});
