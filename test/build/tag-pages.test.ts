import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../support/vnu.js';
import { listTree, makeWebzine, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

/**
 * The base webzine with a capsule, a French edition and a second issue: the first article (issue 1)
 * is tagged news; issue 2 has two articles tagged Solar and solar, one translated into French,
 * and a draft tagged solar and draft-only.
 */
async function taggedWebzine(): Promise<string> {
  const root = await makeWebzine();
  await appendFile(path.join(root, 'content/site.yml'), 'geminiUrl: gemini://zine.example/\nlanguages: [fr]\n');
  const second = path.join(root, 'content/issues/2');
  await mkdir(second, { recursive: true });
  await writeFile(path.join(second, 'issue.md'), '---\ntitle: Second light\ndate: 2026-04-01\neditors: [ada]\n---\nWelcome back.\n');
  await writeFile(path.join(second, '10-panels.md'), '---\ntitle: Panels on the roof\nauthors: [grace]\nsummary: Two panels, one server.\ntags: [Solar, news]\n---\nText.\n');
  await writeFile(path.join(second, '10-panels.fr.md'), '---\ntitle: Des panneaux sur le toit\nsummary: Deux panneaux, un serveur.\n---\nTexte.\n');
  await writeFile(path.join(second, '20-battery.md'), '---\ntitle: The battery\nauthors: [ada]\ntags: [solar]\n---\nText.\n');
  await writeFile(path.join(second, '30-unfinished.md'), '---\ntitle: Not yet\ndraft: true\ntags: [Solar, draft-only]\n---\nText.\n');
  return root;
}

async function build(root: string, ...flags: string[]): Promise<{ out: string; stdout: string }> {
  const out = await temporaryFolder();
  const run = await runCli(['build', '--root', root, '--out', out, ...flags]);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return { out, stdout: run.stdout + run.stderr };
}

const read = (out: string, file: string) => readFile(path.join(out, file), 'utf8');
/** The titles a tag page lists, in its order. */
const listed = (html: string) => [...html.matchAll(/<h2 class="tagged__title"><a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((match) => [match[2], match[1]]);

describe('the tag pages', () => {
  it("link each of an article's tags to a page that lists it and the other articles with that tag, newest issue first, and an index with each tag's count", async () => {
    const { out, stdout } = await build(await taggedWebzine());
    const article = await read(out, 'web/issues/2/panels/index.html');
    expect(article).toContain('<li class="tag"><a href="../../../tags/solar/">Solar</a></li>\n<li class="tag"><a href="../../../tags/news/">news</a></li>');
    // Solar and solar are one page, titled as most articles spell it (the draft's Solar counts), the other spelling warned of.
    const solar = await read(out, 'web/tags/solar/index.html');
    expect(solar).toContain('<title>Tag: Solar · Test Zine</title>');
    expect(listed(solar)).toEqual([['Panels on the roof', '../../issues/2/panels/'], ['The battery', '../../issues/2/battery/']]);
    expect(solar).toContain('<p class="tagged__issue"><a href="../../issues/2/">Issue 2: Second light</a> · <time datetime="2026-04-01">April 1, 2026</time></p>');
    expect(stdout).toContain('content/issues/2/20-battery.md:4:7: warning: the tag "solar" reads as "Solar" does, so it is listed on that tag\'s page (/tags/solar/), which shows it as "Solar" [tag/spelling]');
    expect(listed(await read(out, 'web/tags/news/index.html'))).toEqual([['Panels on the roof', '../../issues/2/panels/'], ['The first article', '../../issues/1/first/']]);
    const index = await read(out, 'web/tags/index.html');
    const entries = [...index.matchAll(/<a href="([^"]*)">([^<]*)<\/a> <span class="tag-index__count">\((\d+)\)<\/span>/g)].map((match) => match.slice(1));
    expect(entries).toEqual([['news/', 'news', '2'], ['solar/', 'Solar', '2']]);
    expect(await read(out, 'web/sitemap.xml')).toContain('<loc>https://zine.example/tags/solar/</loc>');
  });

  it('leave a draft out of build, and show it marked with --drafts, with the tag only it has', async () => {
    const root = await taggedWebzine();
    const published = await build(root);
    expect((await listTree(path.join(published.out, 'web/tags'))).sort()).toEqual(['index.html', 'news/index.html', 'solar/index.html']);
    expect(await read(published.out, 'web/tags/solar/index.html')).not.toContain('Not yet');
    const drafts = await build(root, '--drafts');
    const solar = await read(drafts.out, 'web/tags/solar/index.html');
    expect(listed(solar).map(([title]) => title)).toEqual(['Panels on the roof', 'The battery', 'Not yet']);
    expect(solar).toContain('>Not yet</a> <span class="badge badge--draft">Draft</span>');
    const draftOnly = await read(drafts.out, 'web/tags/draft-only/index.html');
    expect(draftOnly).toContain('<meta name="robots" content="noindex">');
    expect(await read(drafts.out, 'web/sitemap.xml')).not.toContain('draft-only');
  });

  it("list the French edition's articles by their French titles, the tags in the original's words", async () => {
    const { out } = await build(await taggedWebzine());
    const solar = await read(out, 'web/fr/tags/solar/index.html');
    expect(solar).toContain('<title>Mot-clé\u202F: Solar · Test Zine</title>');
    expect(solar).toContain('<h1 class="page-header__title" lang="en" dir="ltr">Solar</h1>');
    expect(listed(solar)).toEqual([['Des panneaux sur le toit', '../../issues/2/panels/'], ['The battery', '../../issues/2/battery/']]);
    expect(await read(out, 'web/fr/issues/2/panels/index.html')).toContain('<a href="../../../tags/solar/">Solar</a>');
  });

  it('make the same pages in the capsule, and link them from each article', async () => {
    const { out } = await build(await taggedWebzine());
    expect(await read(out, 'gemini/tags/index.gmi')).toMatch(/^# Tags\n\n=> news\/ news \(2\)\n=> solar\/ Solar \(2\)\n/);
    expect(await read(out, 'gemini/tags/solar/index.gmi')).toMatch(
      /^# Tag: Solar\n\n=> \.\.\/\.\.\/issues\/2\/panels\.gmi Panels on the roof \(Grace Ink\), No\. 2, April 1, 2026\n=> \.\.\/\.\.\/issues\/2\/battery\.gmi The battery \(Ada Quill\), No\. 2, April 1, 2026\n\n=> \.\.\/ All tags\n/,
    );
    expect(await read(out, 'gemini/issues/2/panels.gmi')).toContain('=> ../../tags/solar/ Tag: Solar\n=> ../../tags/news/ Tag: news\n');
    expect(await read(out, 'gemini/fr/tags/solar/index.gmi')).toContain('=> ../../issues/2/panels.gmi Des panneaux sur le toit (Grace Ink), n° 2');
  });

  it('give a tag of no Latin letters an address spelt in them, and one the slugger keeps nothing of a stable one', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-scripts.md'), '---\ntitle: Scripts\ntags: ["日本語", "Ελληνικά", "!!!"]\n---\nText.\n');
    const { out } = await build(root);
    const page = await read(out, 'web/issues/1/scripts/index.html');
    expect([...page.matchAll(/<li class="tag"><a href="([^"]*)">([^<]*)<\/a>/g)].map((match) => [match[2], match[1]])).toEqual([
      ['日本語', '../../../tags/ribenyu/'],
      ['Ελληνικά', '../../../tags/ellinika/'],
      ['!!!', '../../../tags/tag-e84c538e/'],
    ]);
    expect(await read(out, 'web/tags/tag-e84c538e/index.html')).toContain('<h1 class="page-header__title">!!!</h1>');
  });

  it('are addresses a link in Markdown may lead to, on the web and in the capsule, and a tag no article has is none', async () => {
    const root = await taggedWebzine();
    const about = path.join(root, 'content/pages/about.md');
    await appendFile(about, '\nRead [about the sun](/tags/solar/) and [every tag](/tags/).\n');
    const { out } = await build(root);
    expect(await read(out, 'web/about/index.html')).toContain('<a href="../tags/solar/">about the sun</a> and <a href="../tags/">every tag</a>');
    expect(await read(out, 'gemini/about.gmi')).toContain('=> tags/solar/ about the sun\n=> tags/ every tag\n');
    await appendFile(about, '\nAnd [the moon](/tags/solr/).\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/content\/pages\/about\.md:\d+:\d+: error: .*\/tags\/solr\/.*\[link\/missing-target\]\n  Did you mean "\/tags\/solar\/"\?/);
  });

  it("are where a draft's link may lead, to the page of a tag only drafts have, which the build that publishes it writes", async () => {
    const root = await taggedWebzine();
    await appendFile(path.join(root, 'content/issues/2/30-unfinished.md'), '\nSee [the others on this](/tags/draft-only/).\n');
    const run = await runCli(['check', '--root', root]);
    expect([run.code, run.stdout]).toEqual([0, expect.not.stringContaining('link/missing-target')]);
    const { out } = await build(root, '--drafts');
    expect(await read(out, 'web/issues/2/unfinished/index.html')).toContain('<a href="../../../tags/draft-only/">the others on this</a>');
  });

  it('are valid HTML, as the Nu Html Checker sees them', async () => {
    const { out } = await build(await taggedWebzine(), '--drafts');
    expect(await checkHtml([path.join(out, 'web/tags'), path.join(out, 'web/fr/tags'), path.join(out, 'web/issues/2')])).toEqual([]);
  });
});

describe('a page at the address of the tags index', () => {
  it('is a path/conflict, not written over it', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/pages/tags.md'), '---\ntitle: Our tags\n---\nText.\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/pages/tags.md:1:1: error: this file would be written to web/tags/index.html, where mimeo writes a file of its own (from content/site.yml) [path/conflict]\n  Rename this file: that place is taken.');
  });

  it('is refused as an alias', async () => {
    const root = await makeWebzine();
    const about = path.join(root, 'content/pages/about.md');
    await writeFile(about, (await readFile(about, 'utf8')).replace('---\n', '---\naliases: [/tags/news/]\n'));
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('error: the alias /tags/news/ is the address of the page of the tag "news", which mimeo makes [alias/taken]');
  });
});
