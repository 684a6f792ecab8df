import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path/posix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gemtextProblems, readGemtext } from '../support/gemtext.js';
import { listTree, makeWebzine, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

// The sample webzine's capsule, read as a Gemini client would read it.
let capsule: string;
let files: string[];
const gmi = (file: string) => readFile(path.join(capsule, file), 'utf8');

beforeAll(async () => {
  const out = await temporaryFolder();
  expect((await runCli(['build', '--root', repoRoot, '--out', out])).code).toBe(0);
  capsule = path.join(out, 'gemini');
  files = await listTree(capsule);
});
afterAll(removeTemporaryFolders);

describe('the sample webzine\'s capsule', () => {
  it('has an index, the issues with their articles, the pages, the authors and a feed', () => {
    for (const file of ['index.gmi', 'about.gmi', 'contribute.gmi', 'authors.gmi', 'atom.xml', 'issues/3/index.gmi', 'issues/3/disk-watch.gmi', 'issues/1/cover.svg']) {
      expect(files).toContain(file);
    }
    expect(files.some((file) => file.startsWith('issues/4/'))).toBe(false);
  });

  it('lists the issues on the index in the Gemini subscription format, newest first', async () => {
    const index = await gmi('index.gmi');
    expect(index.split('\n')[0]).toBe('# Pilot Light');
    expect(index.split('\n').filter((line) => /^=> issues\//.test(line))).toEqual([
      '=> issues/3/ 2026-09-19 No. 3: Long Uptime',
      '=> issues/2/ 2026-05-30 No. 2: Brownout',
      '=> issues/1/ 2026-02-14 No. 1: Cold Start',
    ]);
  });

  it('links each article to the previous, the next and its issue', async () => {
    const links = readGemtext(await gmi('issues/3/disk-watch.gmi')).filter((line) => line.type === 'link').map((line) => line.line);
    expect(links).toContain('=> headlines.gmi Previous: Headlines: one year on');
    expect(links).toContain('=> interview-gopher-hole.gmi Next: Twenty-nine years down the gopher hole');
    expect(links).toContain('=> ./ Back to the issue: Long Uptime');
  });

  it('is gemtext everywhere: closed preformatted blocks, link lines with URLs, headings no deeper than ###', async () => {
    for (const file of files.filter((f) => f.endsWith('.gmi'))) expect(gemtextProblems(await gmi(file)), file).toEqual([]);
  });

  it('has no relative link that leads to a missing file', async () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.gmi'))) {
      for (const { type, line } of readGemtext(await gmi(file))) {
        const url = /^=>\s*(\S+)/.exec(line)?.[1];
        if (type !== 'link' || !url || /^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
        const target = path.normalize(path.join(path.dirname(file), decodeURIComponent(url)));
        const resolved = target === '.' || url.endsWith('/') ? path.join(target, 'index.gmi') : target;
        if (!files.includes(resolved)) broken.push(`${file}: ${line}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('turns links between Markdown files into links between .gmi files', async () => {
    expect(await gmi('issues/3/index.gmi')).toContain('=> disk-watch.gmi a disk watchdog in forty lines of C');
  });
});

describe('a link written for the web without a scheme', () => {
  it('leads to the https address in the capsule, as it does on the web, not to a gemini one', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\n');
    await writeFile(path.join(root, 'content/issues/1/30-elsewhere.md'), '---\ntitle: Elsewhere\n---\nSee [the other zine](//other.example/issue/2).\n');
    const out = await temporaryFolder();
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    expect(await readFile(path.join(out, 'gemini/issues/1/elsewhere.gmi'), 'utf8')).toContain('=> https://other.example/issue/2 the other zine');
    expect(await readFile(path.join(out, 'web/issues/1/elsewhere/index.html'), 'utf8')).toContain('href="//other.example/issue/2"');
  });
});

describe('an issue cover with alt text', () => {
  it('is linked on its issue\'s page in the capsule by its alt text, after the issue\'s header as on the web page', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\n');
    const out = await temporaryFolder();
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    const lines = readGemtext(await readFile(path.join(out, 'gemini/issues/1/index.gmi'), 'utf8')).map((line) => line.line);
    expect(lines.slice(0, 7)).toEqual(['# No. 1: First light', '', 'March 1, 2026', 'Edited by Ada Quill', 'Contributors: A Reader, Ada Quill, Grace Ink', '=> cover.svg A lamp drawn in two lines.', '']);
    expect(await listTree(path.join(out, 'gemini/issues/1'))).toContain('cover.svg');
  });
});

describe('an issue cover without alt text', () => {
  it('is linked in the capsule as the cover of its issue, by number', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\n');
    const issue = path.join(root, 'content/issues/1/issue.md');
    await writeFile(issue, (await readFile(issue, 'utf8')).replace(/^coverAlt: .*\n/m, ''));
    const out = await temporaryFolder();
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    expect(await readFile(path.join(out, 'gemini/issues/1/index.gmi'), 'utf8')).toContain('=> cover.svg Cover of No. 1\n');
  });
});

describe('an issue with no articles', () => {
  it('has no Contents heading in the capsule, as on the web page, only its link to the previous issue after the editorial', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\n');
    await mkdir(path.join(root, 'content/issues/2'));
    await writeFile(path.join(root, 'content/issues/2/issue.md'), '---\ntitle: Quiet month\ndate: 2026-04-01\n---\nNothing but this note.\n');
    const out = await temporaryFolder();
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    const page = await readFile(path.join(out, 'gemini/issues/2/index.gmi'), 'utf8');
    expect(page.slice(0, page.indexOf('---'))).toBe('# No. 2: Quiet month\n\nApril 1, 2026\n\nNothing but this note.\n\n=> ../1/ Previous: No. 1: First light\n\n');
    expect(await readFile(path.join(out, 'web/issues/2/index.html'), 'utf8')).not.toContain('Contents');
    expect(await readFile(path.join(out, 'gemini/issues/1/index.gmi'), 'utf8')).toContain('## Contents\n\n=> first.gmi');
  });
});

describe('links and images in raw HTML', () => {
  it('are links in the capsule too, where the web page keeps them', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\n');
    const body = [
      '---',
      'title: Raw',
      '---',
      'Read <a href="10-first.md">the <em>first</em> article</a>, see <img src="cover.svg" alt="the cover">, not <a href="javascript:alert(1)">this</a>.',
      '',
      '<p>See <a href="../../pages/about.md#history">the history</a><br>and <img src="cover.svg" alt="the lamp">.</p>',
      '',
    ].join('\n');
    await writeFile(path.join(root, 'content/issues/1/30-raw.md'), body);
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout).toBe(0);
    const lines = readGemtext(await readFile(path.join(out, 'gemini/issues/1/raw.gmi'), 'utf8')).map((line) => line.line);
    expect(lines).toEqual(expect.arrayContaining(['Read the first article, see the cover, not this.', '=> first.gmi the first article', '=> cover.svg the cover', 'See the history', 'and the lamp.', '=> ../../about.gmi the history', '=> cover.svg the lamp']));
    expect(lines.join('\n')).not.toContain('javascript');
  });
});

/** Builds the base webzine with an article of `body`: its web page's text, its capsule's lines and what the build said. */
async function buildArticle(body: string) {
  const root = await makeWebzine();
  await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\n');
  await writeFile(path.join(root, 'content/issues/1/30-elsewhere.md'), `---\ntitle: Elsewhere\n---\n${body}\n`);
  const out = await temporaryFolder();
  const run = await runCli(['build', '--root', root, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  const web = await readFile(path.join(out, 'web/issues/1/elsewhere/index.html'), 'utf8');
  const lines = readGemtext(await readFile(path.join(out, 'gemini/issues/1/elsewhere.gmi'), 'utf8')).map((line) => line.line);
  return { web: /<div class="prose">\n([^]*?)\n<\/div>/.exec(web)?.[1], lines, said: run.stderr };
}

describe('links to addresses of other kinds than the web\'s', () => {

  it('are kept on the web page as in the capsule: ftp, tel, ssh, sftp, news, magnet, an autolink and raw HTML', async () => {
    const { web, lines } = await buildArticle('[ftp](ftp://ftp.openbsd.org/pub/) and [call](tel:+15551234), [ssh](ssh://host.example), [sftp](sftp://host.example/x), [news](news:comp.lang.c), [torrent](magnet:?xt=urn:btih:c12f), <ftp://ftp.example/x> and <a href="ftp://raw.example/">raw</a>.');
    expect(web).toBe(
      '<p><a href="ftp://ftp.openbsd.org/pub/">ftp</a> and <a href="tel:+15551234">call</a>, <a href="ssh://host.example">ssh</a>, <a href="sftp://host.example/x">sftp</a>, <a href="news:comp.lang.c">news</a>, <a href="magnet:?xt=urn:btih:c12f">torrent</a>, <a href="ftp://ftp.example/x" class="bare-url">ftp://ftp.example/x</a> and <a href="ftp://raw.example/">raw</a>.</p>',
    );
    expect(lines).toEqual(expect.arrayContaining(['=> ftp://ftp.openbsd.org/pub/ ftp', '=> tel:+15551234 call', '=> ssh://host.example ssh', '=> sftp://host.example/x sftp', '=> news:comp.lang.c news', '=> magnet:?xt=urn:btih:c12f torrent', '=> ftp://ftp.example/x', '=> ftp://raw.example/ raw']));
  });

  it('are kept from raw HTML whatever the case of their scheme, as a browser reads it, and a script\'s is not', async () => {
    const { web, lines, said } = await buildArticle('<a href="HTTPS://x.example/">web</a>, <a href="Tel:+15551234">call</a>, <img src="HTTPS://x.example/a.png" alt="a lamp"> and <a href="JavaScript:alert(1)">bad</a>.');
    expect(web).toBe('<p><a href="https://x.example/">web</a>, <a href="tel:+15551234">call</a>, <img src="https://x.example/a.png" alt="a lamp"> and <a>bad</a>.</p>');
    expect(lines).toEqual(expect.arrayContaining(['=> https://x.example/ web', '=> tel:+15551234 call', '=> https://x.example/a.png a lamp']));
    expect(lines.join('\n')).not.toMatch(/javascript/i);
    expect(said.match(/\[html\/removed\]/g)).toEqual(['[html/removed]']);
  });

  it('are left out of the web page and the capsule alike when the web page can not keep them, with their text and a warning', async () => {
    const { web, lines, said } = await buildArticle('Run [the tool](foo:bar) or [x](localhost:8080/).');
    expect(web).toBe('<p>Run the tool or x.</p>');
    expect(lines.filter((line) => line.startsWith('=>') && !/\.gmi|\.\/|atom\.xml/.test(line))).toEqual([]);
    expect(lines).toContain('Run the tool or x.');
    expect(said).toContain('content/issues/1/30-elsewhere.md:4:5: warning: the link "foo:bar" starts with "foo:", which is not a kind of address the site links to, so only its text is shown [link/unknown-scheme]');
    expect(said).toContain('content/issues/1/30-elsewhere.md:4:28: warning: the link "localhost:8080/" starts with "localhost:", which is not a kind of address the site links to, so only its text is shown [link/unknown-scheme]');
  });
});

describe('an image written out in the text as a data: address', () => {
  it('shows its alt text on the web page as in the capsule, and leaves no empty paragraph where one has none', async () => {
    const { web, lines, said } = await buildArticle('Before.\n\n![A lamp](data:image/png;base64,iVBORw0KGgo) in a line.\n\n![](data:image/png;base64,iVBORw0KGgo)\n\nAfter.');
    expect(web).toBe('<p>Before.</p>\n<p>A lamp in a line.</p>\n<p>After.</p>');
    expect(lines.slice(lines.indexOf('Before.'), lines.indexOf('After.') + 1)).toEqual(['Before.', '', 'A lamp in a line.', '', 'After.']);
    expect(said).toContain('content/issues/1/30-elsewhere.md:6:1: warning: the image "data:image/png;base64,iVBORw0KGgo" is written out in the text (a data: address), which the site does not show, so its description (alt text) is shown in its place [image/unsupported-url]');
  });
});

describe('drafts built with --drafts', () => {
  let out: string;
  const draftGmi = (file: string) => readFile(path.join(out, 'gemini', file), 'utf8');
  const lines = async (file: string) => readGemtext(await draftGmi(file)).map((line) => line.line);

  beforeAll(async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\n');
    await writeFile(path.join(root, 'content/issues/1/30-late.md'), '---\ntitle: Late news\nauthors: [ada]\ndraft: true\n---\nNot quite ready.\n');
    await mkdir(path.join(root, 'content/issues/2'));
    await writeFile(path.join(root, 'content/issues/2/issue.md'), '---\ntitle: Coming\n---\nSoon.\n');
    await writeFile(path.join(root, 'content/issues/2/10-next.md'), '---\ntitle: Next time\n---\nText.\n');
    out = await temporaryFolder();
    const run = await runCli(['build', '--drafts', '--root', root, '--out', out]);
    expect(run.code, run.stdout).toBe(0);
  });

  it('are marked on the index, a draft issue without its date and without a gap where the date goes', async () => {
    expect((await lines('index.gmi')).filter((line) => line.startsWith('=> issues/'))).toEqual(['=> issues/2/ No. 2: Coming [Draft]', '=> issues/1/ 2026-03-01 No. 1: First light']);
  });

  it('are marked on a draft issue\'s page, beside its date, and in its contents', async () => {
    const issue = await lines('issues/2/index.gmi');
    expect(issue).toContain('Not yet published [Draft]');
    expect(issue).toContain('=> next.gmi Next time [Draft]');
  });

  it('are marked in the contents of a published issue and on the draft article\'s own page', async () => {
    const issue = await lines('issues/1/index.gmi');
    expect(issue).toContain('March 1, 2026');
    expect(issue).toContain('=> first.gmi The first article (Ada Quill)');
    expect(issue).toContain('=> late.gmi Late news (Ada Quill) [Draft]');
    expect(await lines('issues/1/late.gmi')).toContain('No. 1, March 1, 2026 [Draft]');
    expect(await lines('issues/1/first.gmi')).toContain('No. 1, March 1, 2026');
  });

  it('stay gemtext', async () => {
    for (const file of (await listTree(path.join(out, 'gemini'))).filter((f) => f.endsWith('.gmi'))) expect(gemtextProblems(await draftGmi(file)), file).toEqual([]);
  });
});
