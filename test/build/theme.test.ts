import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHtmlParser } from '../../src/model/active-content.js';
import { scriptIn } from '../../src/theme/page-script.js';
import { commitAll, git } from '../support/git.js';
import { fixtures, makeWebzine, readTree, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

/** Builds `root` into a new folder; resolves to a reader of its outputs, once the build passed. */
async function build(root: string): Promise<(file: string) => Promise<string>> {
  const out = await temporaryFolder();
  const run = await runCli(['build', '--root', root, '--out', out]);
  expect(run.stdout + run.stderr).not.toContain('error');
  expect(run.code).toBe(0);
  return (file) => readFile(path.join(out, file), 'utf8');
}

describe("a webzine theme's UI strings", () => {
  it('add to the built-in strings of their language, key by key, instead of replacing the file', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'themes/own/i18n'), { recursive: true });
    await mkdir(path.join(root, 'themes/own/templates/partials'), { recursive: true });
    await writeFile(path.join(root, 'content/site.yml'), `${await readFile(path.join(root, 'content/site.yml'), 'utf8')}theme: own\n`);
    // Only what the theme adds (a string of its own) or changes (the contents heading).
    await writeFile(path.join(root, 'themes/own/i18n/en.yml'), 'made_by: Made by volunteers\ncontents: In this issue\n');
    const footer = await readFile(path.join(repoRoot, 'themes/default/templates/partials/footer.liquid'), 'utf8');
    await writeFile(path.join(root, 'themes/own/templates/partials/footer.liquid'), footer.replace('<footer class="colophon">', '<footer class="colophon">\n<p class="made-by">{{ strings.made_by }}</p>'));
    const read = await build(root);
    const issue = await read('web/issues/1/index.html');
    expect(issue).toContain('<p class="made-by">Made by volunteers</p>');
    expect(issue).toContain('>In this issue</h2>');
    // The built-in strings the theme did not repeat are still there: the skip link keeps its text.
    expect(issue).toContain('<a class="skip-link" href="#_main">Skip to content</a>');
  });
});

describe('a template saved with a byte order mark', () => {
  it('puts no mark in the page, and the capsule page still starts with its heading', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), `${await readFile(path.join(root, 'content/site.yml'), 'utf8')}geminiUrl: gemini://zine.example/\n`);
    await mkdir(path.join(root, 'themes/default/templates/gemini'), { recursive: true });
    await mkdir(path.join(root, 'themes/default/templates/partials'), { recursive: true });
    for (const template of ['partials/footer.liquid', 'gemini/page.liquid']) {
      await cp(path.join(repoRoot, 'themes/default/templates', template), path.join(root, 'themes/default/templates', template));
      const file = path.join(root, 'themes/default/templates', template);
      await writeFile(file, `\uFEFF${await readFile(file, 'utf8')}`);
    }
    const read = await build(root);
    expect(await read('web/about/index.html')).not.toContain('\uFEFF');
    expect(await read('gemini/about.gmi')).toMatch(/^# About\n/);
  });
});

describe('a mistake in a partial that no page uses', () => {
  it('fails check and every build, with the cache or without, until it is mended', async () => {
    const root = await makeWebzine();
    const cache = await temporaryFolder();
    const partial = path.join(root, 'themes/default/templates/partials/later.liquid');
    await mkdir(path.dirname(partial), { recursive: true });
    const builds = async () => {
      const out = await temporaryFolder();
      return [
        await runCli(['check', '--root', root, '--cache-dir', cache]),
        await runCli(['build', '--root', root, '--out', out, '--cache-dir', cache]),
        await runCli(['build', '--root', root, '--out', out, '--cache-dir', cache]),
        await runCli(['build', '--root', root, '--out', out, '--no-cache']),
      ].map((run) => run.code);
    };
    await writeFile(partial, '<p>{{ strings.draft | upcase }}</p>\n');
    expect(await builds()).toEqual([0, 0, 0, 0]);
    // Broken after a build that found the theme sound: the theme is read again, as its files changed.
    await writeFile(partial, '<p>{{ strings.draft | upcasee }}</p>\n');
    expect(await builds()).toEqual([1, 1, 1, 1]);
    const run = await runCli(['check', '--root', root, '--cache-dir', cache]);
    expect(run.stdout).toContain('themes/default/templates/partials/later.liquid:1:');
    expect(run.stdout).toContain('undefined filter: upcasee [template/syntax]\n  Did you mean "upcase"?');
  });
});

describe("a theme's own settings, extra: in site.yml", () => {
  it('reach every template as site.extra, escaped on the web; params: is told to be extra:', async () => {
    const root = await makeWebzine();
    const site = await readFile(path.join(root, 'content/site.yml'), 'utf8');
    await writeFile(path.join(root, 'content/site.yml'), `${site}params:\n  motto: Read & write\n`);
    const told = await runCli(['check', '--root', root]);
    expect(told.code).toBe(1);
    expect(told.stdout).toContain('content/site.yml:4:1: error: "params" is not a setting of site.yml [site-config/unknown-key]\n  Did you mean "extra"?');
    await writeFile(path.join(root, 'content/site.yml'), `${site}geminiUrl: gemini://zine.example/\nextra:\n  motto: Read & write\n  issues_shown: 3\n`);
    for (const template of ['partials/footer.liquid', 'gemini/partials/footer.liquid']) {
      const own = path.join(root, 'themes/default/templates', template);
      await mkdir(path.dirname(own), { recursive: true });
      const text = await readFile(path.join(repoRoot, 'themes/default/templates', template), 'utf8');
      await writeFile(own, `${text}\n{{ site.extra.motto }} ({{ site.extra.issues_shown | plus: 1 }})\n`);
    }
    const read = await build(root);
    expect(await read('web/about/index.html')).toContain('Read &amp; write (4)');
    expect(await read('gemini/about.gmi')).toContain('Read & write (4)');
  });
});

describe('a template that escapes a value itself, as Jekyll and Shopify themes do', () => {
  it('shows it once escaped with escape, escape_once or xml_escape last; a filter after them is escaped again', async () => {
    const read = await build(await makeWebzine(path.join(fixtures, 'theme/escape-filter-in-template')));
    const html = await read('web/questions/index.html');
    // What a reader sees: the text of each element, character references decoded.
    const shown: string[] = [];
    visit(fromHtml(html), 'element', (node) => {
      if (node.tagName !== 'html' && node.tagName !== 'head' && node.tagName !== 'body') shown.push(`${node.tagName}: ${toString(node)}`);
    });
    const title = 'Q&A: <b>"fair" use</b>';
    expect(shown).toEqual([
      `title: ${title}`,
      `h1: ${title}`,
      `p: ${title}`,
      `p: ${title}`,
      `p: ${title}`,
      // `replace` put a tag back into the escaped text: it is text still, not a bold element.
      'p: Q&amp;A: <b>&#34;fair&#34; use&lt;/b&gt;',
    ]);
  });
});

describe('JSON-LD and absolute addresses in a template', () => {
  it('script_json keeps a title that closes the script as data, and absolute_url reads addresses from the page, or from the site with /', async () => {
    const root = await makeWebzine();
    const site = await readFile(path.join(root, 'content/site.yml'), 'utf8');
    await writeFile(path.join(root, 'content/site.yml'), `${site.replace('https://zine.example/', 'https://zine.example/sub/')}theme: own\n`);
    const title = `Owls </script><script>alert(1)</script> & "friends" <!-- ' style='position:fixed' x='`;
    const article = path.join(root, 'content/issues/1/10-first.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`));
    await mkdir(path.join(root, 'themes/own/templates'), { recursive: true });
    const template = await readFile(path.join(repoRoot, 'themes/default/templates/article.liquid'), 'utf8');
    const head = [
      '{%- block head %}',
      '<script type="application/ld+json">{"headline": {{ article.title | script_json }}, "up": {{ page.root | absolute_url | script_json }}}</script>',
      '<link rel="me" href="{{ "/authors/" | absolute_url }}">',
      '<link rel="author" href="{{ "../../../authors/" | absolute_url }}">',
      `<meta name="single" content='{{ article.title | script_json }}'><meta name="double" content="{{ article.title | script_json }}">`,
      '<meta name="json" content="{{ article.title | json }}">',
      '{%- endblock %}',
    ].join('\n');
    await writeFile(path.join(root, 'themes/own/templates/article.liquid'), template.replace('{%- block content %}', `${head}\n{%- block content %}`));
    const read = await build(root);
    const page = await read('web/issues/1/first/index.html');
    const data = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1] ?? '';
    expect(JSON.parse(data)).toEqual({ headline: title, up: 'https://zine.example/sub/' });
    // Misplaced in an attribute, it gives the contributor no attribute of their own: in single
    // quotes it is the value, in double quotes JSON's own quotes end it, and the rest is one name.
    const metas = new Map<string, Record<string, unknown>>();
    visit(fromHtml(page), 'element', (node) => {
      if (node.tagName === 'meta' && typeof node.properties['name'] === 'string') metas.set(node.properties['name'], node.properties);
    });
    expect(JSON.parse(String(metas.get('single')!['content']))).toBe(title);
    expect(Object.keys(metas.get('double')!).filter((key) => key !== 'name' && key !== 'content')).toHaveLength(1);
    // What an attribute takes is json, escaped as any value.
    expect(JSON.parse(String(metas.get('json')!['content']))).toBe(title);
    expect(page).toContain('<link rel="me" href="https://zine.example/sub/authors/">');
    expect(page).toContain('<link rel="author" href="https://zine.example/sub/authors/">');
  });
  it('absolute_url on the 404 page, which has no address, reads an address from the site too, baseUrl\'s path included', async () => {
    const root = await makeWebzine();
    const site = await readFile(path.join(root, 'content/site.yml'), 'utf8');
    await writeFile(path.join(root, 'content/site.yml'), `${site.replace('https://zine.example/', 'https://zine.example/sub/')}theme: own\n`);
    await mkdir(path.join(root, 'themes/own/templates/partials'), { recursive: true });
    const footer = await readFile(path.join(repoRoot, 'themes/default/templates/partials/footer.liquid'), 'utf8');
    const links = '<p class="links">{{ "/authors/" | absolute_url }} {{ page.root | absolute_url }} {{ page.stylesheet | absolute_url }} {{ "cover.svg" | absolute_url }}</p>';
    await writeFile(path.join(root, 'themes/own/templates/partials/footer.liquid'), `${links}\n${footer}`);
    const read = await build(root);
    const stylesheet = /href="\/sub\/(style\.[0-9a-f]+\.css)"/.exec(await read('web/404.html'))?.[1];
    // Those of the context start from baseUrl's path already; a relative one names no place on a page served everywhere.
    expect(await read('web/404.html')).toContain(`<p class="links">https://zine.example/sub/authors/ https://zine.example/sub/ https://zine.example/sub/${stylesheet} cover.svg</p>`);
    expect(await read('web/issues/1/index.html')).toContain(`<p class="links">https://zine.example/sub/authors/ https://zine.example/sub/ https://zine.example/sub/${stylesheet} https://zine.example/sub/issues/1/cover.svg</p>`);
  });
});

describe('link previews (Open Graph) of the default theme', () => {
  it("give each page its title, type, description and address, and an issue's cover as an absolute image", async () => {
    const read = await build(await makeWebzine());
    const meta = (html: string) => Object.fromEntries([...html.matchAll(/<meta property="(og:[^"]+)" content="([^"]*)">/g)].map(([, key, value]) => [key, value]));
    expect(meta(await read('web/issues/1/index.html'))).toEqual({
      'og:site_name': 'Test Zine',
      'og:title': 'First light',
      'og:type': 'website',
      'og:description': 'The first issue.',
      'og:url': 'https://zine.example/issues/1/',
      'og:image': 'https://zine.example/issues/1/cover.svg',
      'og:image:alt': 'A lamp drawn in two lines.',
    });
    expect(meta(await read('web/issues/1/first/index.html'))).toMatchObject({ 'og:type': 'article', 'og:url': 'https://zine.example/issues/1/first/' });
    expect(meta(await read('web/index.html'))).toMatchObject({ 'og:title': 'Test Zine', 'og:image': 'https://zine.example/issues/1/cover.svg' });
  });
});

describe("a template's date filters", () => {
  it('write the same dates whatever the time zone and locale of the machine that builds', async () => {
    const root = await makeWebzine();
    // Chile's clocks go back at midnight on 5 April 2026, which LiquidJS's own filter, even at offset 0, showed as 4 April.
    await mkdir(path.join(root, 'content/issues/2'));
    await writeFile(path.join(root, 'content/issues/2/issue.md'), '---\ntitle: Second light\ndate: 2026-04-05\n---\nHello.\n');
    const layout = path.join(root, 'themes/default/templates/layouts/base.liquid');
    await mkdir(path.dirname(layout), { recursive: true });
    const dates = '<p class="dates">{{ issue.date | date: "%d.%m.%Y %A %-d %B %H:%M %Z" }} {{ issue.date | date_to_long_string }} {{ "2026-03-01T10:00" | date: "%H:%M" }} {{ issue.date | date: "%H:%M %Z", "Asia/Tokyo" }}</p><p>{{ issue.date | date: "%c %x %X" }}</p>';
    await writeFile(layout, (await readFile(path.join(repoRoot, 'themes/default/templates/layouts/base.liquid'), 'utf8')).replace('</body>', `${dates}\n</body>`));
    const builds = new Map<string, Map<string, Buffer>>();
    for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'America/Santiago']) {
      const out = await temporaryFolder();
      // The CLI in a process of its own: a time zone and a locale are the process's.
      const locale = zone === 'Asia/Tokyo' ? 'ja_JP.UTF-8' : zone === 'America/Santiago' ? 'de_DE.UTF-8' : 'C.UTF-8';
      const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'build', '--root', root, '--out', out, '--no-cache'], { encoding: 'utf8', env: { ...process.env, TZ: zone, LC_ALL: locale, LANG: locale } });
      expect(run.status, run.stderr).toBe(0);
      builds.set(zone, await readTree(out));
    }
    const utc = builds.get('UTC')!;
    const shown = (tree: Map<string, Buffer>, file: string) => /<p class="dates">([^<]*)<\/p>/.exec(tree.get(file)?.toString('utf8') ?? '')?.[1];
    expect(shown(utc, 'web/issues/1/index.html')).toBe('01.03.2026 Sunday 1 March 00:00 UTC 01 March 2026 10:00 09:00 Asia/Tokyo');
    expect(shown(utc, 'web/issues/2/index.html')).toBe('05.04.2026 Sunday 5 April 00:00 UTC 05 April 2026 10:00 09:00 Asia/Tokyo');
    for (const [zone, tree] of builds) {
      expect([...tree.keys()], zone).toEqual([...utc.keys()]);
      for (const [file, bytes] of tree) expect(bytes.equals(utc.get(file)!), `${file} built in ${zone}`).toBe(true);
    }
  });
});

describe('"now" in a template', () => {
  it('is when the commit being built was made, never the clock: empty outside Git, and the next commit\'s on its pages', async () => {
    const root = await makeWebzine();
    const [cache, out] = [await temporaryFolder(), await temporaryFolder()];
    const layout = path.join(root, 'themes/default/templates/layouts/base.liquid');
    await mkdir(path.dirname(layout), { recursive: true });
    await writeFile(layout, (await readFile(path.join(repoRoot, 'themes/default/templates/layouts/base.liquid'), 'utf8')).replace('</body>', '<p class="now">[{{ "now" | date: "%Y-%m-%d %H:%M" }}] [{{ "today" | date_to_xmlschema }}]</p>\n</body>'));
    // One output folder and cache: a page made from the same inputs is kept from the build before.
    const shown = async () => {
      const run = await runCli(['build', '--root', root, '--out', out, '--cache-dir', cache]);
      expect(run.code, run.stderr).toBe(0);
      return /<p class="now">(.*)<\/p>/.exec(await readFile(path.join(out, 'web/issues/1/first/index.html'), 'utf8'))?.[1];
    };
    expect(await shown()).toBe('[] []');
    await commitAll(root, [{ author: 'Ada', email: 'ada@example.org', date: '2026-05-17T22:30:00-07:00' }]);
    expect(await shown()).toBe('[2026-05-18 05:30] [2026-05-18T05:30:00+00:00]');
    // A commit that changes nothing the page is made of: the page is made again all the same.
    await commitAll(root, [{ author: 'Ada', email: 'ada@example.org', date: '2031-01-02T03:04:05Z', files: { 'notes.txt': 'x\n' } }]);
    expect(await shown()).toBe('[2031-01-02 03:04] [2031-01-02T03:04:05+00:00]');
  });

  it('is the commit\'s date in a shallow clone too, as actions/checkout makes by default', async () => {
    const root = await makeWebzine();
    const layout = path.join(root, 'themes/default/templates/layouts/base.liquid');
    await mkdir(path.dirname(layout), { recursive: true });
    await writeFile(layout, (await readFile(path.join(repoRoot, 'themes/default/templates/layouts/base.liquid'), 'utf8')).replace('</body>', '<p class="now">[{{ "now" | date: "%Y-%m-%d" }}]</p>\n</body>'));
    await commitAll(root, [{ author: 'Ada', email: 'ada@example.org', date: '2026-03-01T23:30:00-05:00' }]);
    const clone = path.join(await temporaryFolder(), 'shallow');
    await git(path.dirname(clone), ['clone', '-q', '--depth', '1', `file://${root}`, clone]);
    expect(await git(clone, ['rev-parse', '--is-shallow-repository'])).toBe('true');
    const shown = async (folder: string) => {
      const out = await temporaryFolder();
      const run = await runCli(['build', '--root', folder, '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      return /<p class="now">(.*)<\/p>/.exec(await readFile(path.join(out, 'web/issues/1/first/index.html'), 'utf8'))?.[1];
    };
    expect(await shown(root)).toBe('[2026-03-02]');
    expect(await shown(clone)).toBe('[2026-03-02]');
  });
});

describe('a UI string the webzine theme gives one language and English lacks', () => {
  it('is not asked of English while no template of the theme reads it', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguages: [fr]\ntheme: t\n');
    await mkdir(path.join(root, 'themes/t/i18n'), { recursive: true });
    // The default French strings, and one left over that no template reads.
    const french = await readFile(path.join(repoRoot, 'themes/default/i18n/fr.yml'), 'utf8');
    await writeFile(path.join(root, 'themes/t/i18n/fr.yml'), `${french}previous_issue: Numéro précédent\n`);
    const passed = await runCli(['check', '--root', root]);
    expect([passed.code, passed.stdout]).toEqual([0, '']);
    // Once a template reads it, English pages would show nothing in its place.
    await mkdir(path.join(root, 'themes/t/templates/partials'), { recursive: true });
    await writeFile(path.join(root, 'themes/t/templates/partials/back.liquid'), '<p>{{ strings.previous_issue }}</p>\n');
    const failed = await runCli(['check', '--root', root]);
    expect(failed.stdout).toBe('themes/t/i18n/en.yml:1:1: error: the UI string "previous_issue" is missing from the "en" strings [theme/missing-string]\n  Add a line "previous_issue: …" to this file (make it if it is not there), translated from i18n/fr.yml; a theme\'s strings file holds only the strings it adds or changes, over the default theme\'s.\n');
  });
});

describe('a UI string only ever read with a fallback', () => {
  it('is asked of no language, though the theme\'s own en.yml, copied from the default theme, has it', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguages: [fr, de]\ntheme: zine\n');
    await mkdir(path.join(root, 'themes/zine/i18n'), { recursive: true });
    await cp(path.join(repoRoot, 'themes/default/i18n/en.yml'), path.join(root, 'themes/zine/i18n/en.yml'));
    // German from the French strings, without "moved" and "colon" (mimeo's code falls back on English's) nor "sponsor", which a template tests.
    const french = await readFile(path.join(repoRoot, 'themes/default/i18n/fr.yml'), 'utf8');
    const german = french.replace(/^(moved|colon):.*\n/gm, '').replace(/^language_name:.*$/m, 'language_name: Deutsch');
    await writeFile(path.join(root, 'themes/zine/i18n/de.yml'), german);
    await appendFile(path.join(root, 'themes/zine/i18n/en.yml'), 'sponsor: With the support of our readers\n');
    await mkdir(path.join(root, 'themes/zine/templates/partials'), { recursive: true });
    await writeFile(path.join(root, 'themes/zine/templates/partials/sponsor.liquid'), '{% if strings.sponsor %}<p>{{ strings.sponsor }}</p>{% endif %}\n');
    const passed = await runCli(['check', '--root', root]);
    expect([passed.code, passed.stdout]).toEqual([0, '']);
    // One a template prints without a fallback is asked for.
    await writeFile(path.join(root, 'themes/zine/templates/partials/moved.liquid'), '<p>{{ strings.moved }}</p>\n');
    const failed = await runCli(['check', '--root', root]);
    expect(failed.stdout).toBe('themes/zine/i18n/de.yml:1:1: error: the UI string "moved" is missing from the "de" strings [theme/missing-string]\n  Add a line "moved: …" to this file (make it if it is not there), translated from i18n/en.yml; a theme\'s strings file holds only the strings it adds or changes, over the default theme\'s.\n');
  });
});

describe('a UI string one template tests and another prints without a fallback', () => {
  it('is asked of every language, which would print nothing where it is printed', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguages: [fr]\ntheme: zine\n');
    await mkdir(path.join(root, 'themes/zine/i18n'), { recursive: true });
    await mkdir(path.join(root, 'themes/zine/templates'), { recursive: true });
    await writeFile(path.join(root, 'themes/zine/i18n/en.yml'), 'sponsor: Sponsored by the lamp shop\n');
    const template = (name: string) => readFile(path.join(repoRoot, `themes/default/templates/${name}.liquid`), 'utf8');
    await writeFile(path.join(root, 'themes/zine/templates/page.liquid'), (await template('page')).replace('{% endblock -%}', '<p>{{ strings.sponsor }}</p>\n{% endblock -%}'));
    await writeFile(path.join(root, 'themes/zine/templates/article.liquid'), (await template('article')).replace('{% endblock -%}', '{% if strings.sponsor %}<aside>{{ strings.sponsor }}</aside>{% endif %}\n{% endblock -%}'));
    const out = await temporaryFolder();
    const failed = await runCli(['build', '--root', root, '--out', out]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('themes/zine/i18n/fr.yml:1:1: error: the UI string "sponsor" is missing from the "fr" strings [theme/missing-string]\n');
    expect(failed.stderr).toContain('build failed: 1 error, 0 warnings');
  });
});

describe('a theme of its own, in a language the built-in theme has no strings for', () => {
  it('needs only the strings its own English file has and its templates use', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguages: [de]\ntheme: mine\n');
    await mkdir(path.join(root, 'themes/mine/i18n'), { recursive: true });
    await mkdir(path.join(root, 'themes/mine/templates'), { recursive: true });
    await writeFile(path.join(root, 'themes/mine/i18n/en.yml'), 'greeting: Hello\n');
    // Strings mimeo itself shows (the language's name, footnotes…), and none the templates do not use.
    const french = await readFile(path.join(repoRoot, 'themes/default/i18n/fr.yml'), 'utf8');
    await writeFile(path.join(root, 'themes/mine/i18n/de.yml'), `${french.replace(/^contents:.*\n/m, '').replace(/^language_name:.*$/m, 'language_name: Deutsch')}greeting: Hallo\n`);
    for (const template of ['home', 'issue', 'article', 'page', 'authors', '404']) {
      await writeFile(path.join(root, `themes/mine/templates/${template}.liquid`), '<!doctype html><html lang="{{ page.lang }}"><title>{{ page.title }}</title><p>{{ strings.greeting }}</p></html>\n');
    }
    const read = await build(root);
    expect(await read('web/de/about/index.html')).toContain('<p>Hallo</p>');
    // Without a string mimeo itself shows, the edition would be named in English.
    await writeFile(path.join(root, 'themes/mine/i18n/de.yml'), 'greeting: Hallo\n');
    expect((await runCli(['check', '--root', root])).stdout).toContain('themes/mine/i18n/de.yml:1:1: error: the UI string "language_name" is missing from the "de" strings');
    await writeFile(path.join(root, 'themes/mine/i18n/de.yml'), `${french.replace(/^contents:.*\n/m, '')}greeting: Hallo\n`);
    // Once a template shows a built-in string, German needs it too.
    await writeFile(path.join(root, 'themes/mine/templates/page.liquid'), '<!doctype html><html lang="{{ page.lang }}"><title>{{ page.title }}</title><p>{{ strings.greeting }} {{ strings.contents }}</p></html>\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.stdout).toBe('themes/mine/i18n/de.yml:1:1: error: the UI string "contents" is missing from the "de" strings [theme/missing-string]\n  Add a line "contents: …" to this file (make it if it is not there), translated from i18n/en.yml; a theme\'s strings file holds only the strings it adds or changes, over the default theme\'s.\n');
  });
});

// An SVG image that would run its script, were it opened as a document.
const svg = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>";

// The same in an XML attribute, which may hold no "<".
const svgInXml = svg.replace(/[<>']/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

describe('what a web page would run', () => {
  beforeAll(loadHtmlParser);

  it('is found as a browser parses the page: a script, an event handler, a javascript: address, not data or text that speaks of them', () => {
    expect(scriptIn('<p>Hello</p><script>alert(1)</script>')).toBe('a <script> element');
    expect(scriptIn('<IMG SRC=x OnError=alert(1)>')).toBe('an event handler (onerror) on <img>');
    // A browser drops tabs and line breaks from a URL: `java<tab>script:` is `javascript:`.
    expect(scriptIn('<a href=" java\tscript:alert(1)">x</a>')).toBe('an address that runs script (href) on <a>');
    expect(scriptIn('<script type="application/ld+json">{"@type":"Blog"}</script>')).toBeUndefined();
    expect(scriptIn('<p title="say onclick=x">&lt;script&gt; and javascript: are words here</p>')).toBeUndefined();
  });

  // What a review of the check got past its first version, each caught now.
  it.each([
    '<script/x>alert(1)</script>',
    '<svg/onload=alert(1)>',
    '<img/src/onerror=alert(1)>',
    '<img alt="x"onerror=alert(1) src=x>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="javas&#x63;ript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<script data-x=" type=application/json ">alert(1)</script>',
    '<iframe srcdoc="<img src=x onerror=alert(1)>"></iframe>',
    '<svg><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg>',
    '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<a href="vbscript:x">x</a>',
    // A second review: quotes out of pairs, lists of addresses, long values, named references.
    '<img src=x\' onerror=alert(1)>',
    '<svg><a><animate attributeName="href" values="https://a.example/;javascript:alert(3)" dur="0.1s" fill="freeze"/><text>x</text></a></svg>',
    `<svg><set attributeName="href" to="https://a.example/${'x'.repeat(80)}"/><set attributeName="href" from="${'\t'.repeat(80)}javascript:alert(1)"/></svg>`,
    '<a href="javas&Tab;cript:alert(2)">x</a>',
    '<a href="javas&NewLine;cript:alert(2)">x</a>',
    '<a href="&#X6A;avascript:alert(2)">x</a>',
    '<a href="&#0000106avascript:alert(2)">x</a>',
    '<a href="&#x0006a&#x61vascript:alert(2)">x</a>',
    '<template><img src=x onerror=alert(1)></template>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<svg><set attributeName="onclick" to="alert(1)"/></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<math><mi href="javascript:alert(1)">x</mi></math>',
    '<meta http-equiv="Refresh" content="0; \'javascript:alert(1)\'">',
    '<p style="width: expression(alert(1))">x</p>',
    // An SVG or an icon as data: is an image only where a browser loads it as one: anywhere else it may be opened as a document.
    ...[`<a href="${svg}">x</a>`, `<map name="m"><area href="${svg}" alt="x"></map>`, `<iframe src="${svg}"></iframe>`, `<object data="${svg}"></object>`, `<embed src="${svg}">`],
    ...[`<form action="data:,"><button>x</button></form>`, `<button formaction="${svg}">x</button>`, `<link rel="stylesheet" href="${svg}">`, `<link rel="icon stylesheet" href="${svg}">`, `<link rel="preload" as="image" href="${svg}">`],
    ...[`<input src="${svg}">`, `<video><source src="${svg}"></video>`, `<meta http-equiv="refresh" content="0; url=${svg}">`, '<a href="data:image/x-icon;base64,AAAB">x</a>', '<a href="data:,">x</a>'],
    ...[`<svg><use href="${svg}#a"/></svg>`, `<svg><a xlink:href="${svg}"><text>x</text></a></svg>`, `<svg><image><set attributeName="href" to="${svg}"/></image></svg>`, `<svg><feImage href="${svg}"/></svg>`],
    // An <image> of MathML, where any href is a link, is not SVG's: nor is one in an <svg> written
    // straight inside <math>, which an HTML parser puts in MathML too.
    ...[`<math><image href="${svg}"/></math>`, `<svg><foreignObject><math><image href="${svg}"/></math></foreignObject></svg>`, `<math><svg><image href="${svg}"/></svg></math>`],
    // A third review: a name inside another attribute's value, whose "value" read from there held the real attribute.
    '<a title=\'x href="https://a\' href=javascript:alert(1)>x</a><p class="y">z</p>',
    '<a title=\'x href="https://a\' href="javascript:alert(1)">x</a>',
    '<a title="src=\'x" href=\'javascript:alert(1)\'>x</a>',
  ])('finds script in %s', (html) => {
    expect(scriptIn(`<p>Before.</p>${html}<p>After.</p>`)).toBeDefined();
  });

  it.each([
    '<script type="application/ld+json">{"headline": "Code <b onclick=x>"}</script>',
    '<meta name="description" content="Learn javascript: the good parts">',
    '<title>A title with <b onclick=x> in it</title>',
    '<p>It&#39;s &#x3C;img onerror=x&#x3E;, in words.</p>',
    '<img src="data:image/png;base64,AAAA" alt="">',
    // Images and icons, which a browser never runs: raster ones anywhere, with or without ;base64.
    `<img src="${svg}" alt="">`,
    '<link rel="icon" href="data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22><text y=%22.9em%22>🦉</text></svg>">',
    '<link rel="icon" href="data:,">',
    '<link rel="shortcut icon" href="data:image/x-icon;base64,AAAB">',
    '<link rel="apple-touch-icon" href="data:image/vnd.microsoft.icon;base64,AAAB">',
    '<img src="data:image/png,%89PNG" alt="">',
    '<a href="data:image/png,%89PNG">x</a>',
    `<img srcset="${svg} 2x" alt=""><picture><source srcset="${svg}"><img src="data:image/webp;base64,AAAA" alt=""></picture>`,
    `<video poster="${svg}"></video>`,
    `<input type="image" src="${svg}" alt="Send">`,
    `<svg><image href="${svg}"/><image xlink:href="${svg}"/></svg>`,
    `<math><annotation-xml encoding="text/html"><svg><image href="${svg}"/></svg></annotation-xml></math>`,
    '<p>A short script: it reads data: a line at a time, as &lt;script&gt; does.</p>',
    '<meta http-equiv="refresh" content="600; url=https://zine.example/">',
    '<a href="https://zine.example/notes/javascript:tips">x</a>',
    '<noscript><p>Hello</p></noscript>',
  ])('finds none in %s', (html) => {
    expect(scriptIn(html)).toBeUndefined();
  });

  it.each([
    ['<base href="https://evil.example/">', 'a <base> element, which sends every relative link of the page to another site'],
    ['<iframe src=https://evil.example/></iframe>', "an <iframe> element, which runs another page, and that page's script, inside this one"],
    ['<frameset><frame src=https://evil.example/></frameset>', "a <frame> element, which runs another page, and that page's script, inside this one"],
    ['<object data=https://evil.example/a.svg></object>', 'an <object> element, which runs another document or a plug-in, and its script, inside this page'],
    ['<embed src=https://evil.example/a.svg>', 'an <embed> element, which runs another document or a plug-in, and its script, inside this page'],
  ])('finds an element that brings in another page or sends links to one: %s', (html, found) => {
    // Not after other content: a browser leaves out a <frameset> that comes after the body began.
    expect(scriptIn(html)).toBe(found);
  });

  it('names what it found: the attribute, the animation, the element', () => {
    expect(scriptIn("<img src=x' onerror=alert(1)>")).toBe('an event handler (onerror) on <img>');
    expect(scriptIn('<svg><animate attributeName="href" values="https://a.example/;javascript:alert(3)"/></svg>')).toBe('an address that runs script (values) on <animate>');
    expect(scriptIn(`<a href="${svg}">x</a>`)).toBe('an address that runs script (href) on <a>');
    expect(scriptIn(`<link rel="icon stylesheet" href="${svg}">`)).toBe('an address that runs script (href) on <link>');
    expect(scriptIn('<a href="javas&Tab;cript:alert(2)">x</a>')).toBe('an address that runs script (href) on <a>');
    expect(scriptIn('<svg><a xlink:href="javascript:alert(1)"></a></svg>')).toBe('an address that runs script (xlink:href) on <a>');
    expect(scriptIn('<svg><set attributeName="onclick" to="alert(1)"/></svg>')).toBe('an event handler (onclick) written by an animation on <set>');
    expect(scriptIn('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">')).toBe('a refresh to an address that runs script on <meta>');
  });
});

describe('a theme partial that would run script or bring in another page', () => {
  // What a security review ran in Chromium from a theme's footer, each once past the check.
  it.each([
    ["<img src=x' onerror=alert(1)>", 'an event handler (onerror) on <img>', 1],
    // An SVG image as data: where a browser would open it as a document, and run its script.
    [`<a href="${svg}">x</a>`, 'an address that runs script (href) on <a>', 1],
    [`<iframe src="${svg}"></iframe>`, 'an address that runs script (src) on <iframe>', 1],
    [`<object data="${svg}"></object>`, 'an address that runs script (data) on <object>', 1],
    [`<math><image href="${svg}"/></math>`, 'an address that runs script (href) on <image>', 7],
    ['<svg><a><animate attributeName="href" values="https://a.example/;javascript:alert(3)" dur="0.1s" fill="freeze"/><text>x</text></a></svg>', 'an address that runs script (values) on <animate>', 9],
    ['<a href="javas&Tab;cript:alert(2)">x</a>', 'an address that runs script (href) on <a>', 1],
    ['<base href="https://evil.example/">', 'a <base> element, which sends every relative link of the page to another site', 1],
    ['<iframe src=https://evil.example/></iframe>', "an <iframe> element, which runs another page, and that page's script, inside this one", 1],
  ])('fails the build and the check, located once at the partial: %s', async (line, found, column) => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), `${await readFile(path.join(root, 'content/site.yml'), 'utf8')}theme: evil\n`);
    await mkdir(path.join(root, 'themes/evil/templates/partials'), { recursive: true });
    const footer = await readFile(path.join(repoRoot, 'themes/default/templates/partials/footer.liquid'), 'utf8');
    await writeFile(path.join(root, 'themes/evil/templates/partials/footer.liquid'), `${footer}${line}\n`);
    const out = await temporaryFolder();
    const built = await runCli(['build', '--root', root, '--out', out]);
    expect(built.code).toBe(1);
    // Every page renders the footer, each with its own template: one error, where the footer wrote it.
    const written = `themes/evil/templates/partials/footer.liquid:${footer.split('\n').length}:${column}`;
    expect(built.stderr).toContain(`${written}: error: the page / (made with templates/home.liquid) holds ${found}: mimeo's pages run no script [template/script]\n  Take it out of this file;`);
    expect(built.stderr.match(/\[template\/script\]/g)).toHaveLength(1);
    expect(await readdir(out)).toEqual([]);
    const checked = await runCli(['check', '--root', root]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`${written}: error: the page / (made with templates/home.liquid) holds ${found}: mimeo's pages run no script [template/script]`);
    expect(checked.stdout.match(/\[template\/script\]/g)).toHaveLength(1);
  });
});

describe('script that a value brings, beside a partial no page renders that writes the same', () => {
  it("is told at the page's template, not at the partial it never renders", async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), `${await readFile(path.join(root, 'content/site.yml'), 'utf8')}theme: own\n`);
    await mkdir(path.join(root, 'themes/own/templates/partials'), { recursive: true });
    await writeFile(path.join(root, 'themes/own/templates/partials/zz-back.liquid'), '<a href="javascript:history.back()">Back</a>\n');
    const page = await readFile(path.join(repoRoot, 'themes/default/templates/page.liquid'), 'utf8');
    const spelt = "{% capture go %}java{{ 'script' }}:alert(1){% endcapture %}<a href=\"{{ go }}\">Go</a>";
    await writeFile(path.join(root, 'themes/own/templates/page.liquid'), page.replace('{%- block content %}', `{%- block content %}\n${spelt}`));
    const checked = await runCli(['check', '--root', root]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain("themes/own/templates/page.liquid:1:1: error: the page /about/ made with this template holds an address that runs script (href) on <a>: mimeo's pages run no script [template/script]\n  No template of the theme writes it as such");
    expect(checked.stdout).not.toContain('zz-back');
  });
});

describe('script in a template that only drafts show', () => {
  it('fails check, which shows no drafts, as it fails build --drafts', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-later.md'), '---\ntitle: Later\ndraft: true\n---\nNot yet.\n');
    await mkdir(path.join(root, 'themes/default/templates/partials'), { recursive: true });
    const footer = await readFile(path.join(repoRoot, 'themes/default/templates/partials/footer.liquid'), 'utf8');
    await writeFile(path.join(root, 'themes/default/templates/partials/footer.liquid'), `${footer}{% if page.draft %}<script>alert(1)</script>{% endif %}\n`);
    const checked = await runCli(['check', '--root', root]);
    expect(checked.code).toBe(1);
    const written = `themes/default/templates/partials/footer.liquid:${footer.split('\n').length}:20`;
    expect(checked.stdout).toContain(`${written}: error: the page /, shown as a draft (by build --drafts and mimeo dev), (made with templates/home.liquid) holds a <script> element: mimeo's pages run no script [template/script]`);
    // Every web template is made once as a draft's page, each with the footer: told once, where it is written.
    expect(checked.stdout.split('\n').filter((line) => line.endsWith('[template/script]'))).toHaveLength(1);
    // A build shows no draft: what it publishes runs no script.
    expect((await runCli(['build', '--root', root, '--out', await temporaryFolder()])).code).toBe(0);
    const drafts = await runCli(['build', '--root', root, '--out', await temporaryFolder(), '--drafts']);
    expect(drafts.code).toBe(1);
    expect(drafts.stderr).toContain(`${written}: error: the page /issues/1/later/ (made with templates/article.liquid) holds a <script> element`);
  });
});

describe('data: images and icons in a theme and in copied HTML', () => {
  const images = [
    `<img src="${svg}" alt="">`,
    '<link rel="icon" href="data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22><text y=%22.9em%22>🦉</text></svg>">',
    '<link rel="icon" href="data:,">',
    '<link rel="icon" href="data:image/x-icon;base64,AAAB">',
    '<img src="data:image/png,%89PNG" alt="">',
    `<svg width="16" height="16"><image href="${svg}" width="16" height="16"/></svg>`,
  ];

  it('are published: a browser only ever shows them as images', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'themes/default/templates/partials'), { recursive: true });
    const footer = await readFile(path.join(repoRoot, 'themes/default/templates/partials/footer.liquid'), 'utf8');
    await writeFile(path.join(root, 'themes/default/templates/partials/footer.liquid'), `${footer}${images.join('\n')}\n`);
    await mkdir(path.join(root, 'content/static'), { recursive: true });
    await writeFile(path.join(root, 'content/static/card.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card</title>${images.slice(1, 4).join('')}</head><body>${images[0]}${images[4]}${images[5]}</body></html>\n`);
    await writeFile(path.join(root, 'content/static/owl.svg'), `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><image href="${svgInXml}" width="16" height="16"/></svg>\n`);
    const read = await build(root);
    const page = await read('web/about/index.html');
    for (const image of images) expect(page).toContain(image);
    expect(await read('web/card.html')).toContain(images[5]);
    expect(await read('web/owl.svg')).toContain('<image href="data:image/svg+xml,');
  });

  it('are refused in an <image> of MathML, where an href is a link, in copied HTML and SVG files', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'content/static'), { recursive: true });
    await writeFile(path.join(root, 'content/static/card.html'), `<!doctype html><title>Card</title>\n<p><math><image href="${svg}"/></math></p>\n`);
    await writeFile(path.join(root, 'content/static/owl.svg'), `<svg xmlns="http://www.w3.org/2000/svg" xmlns:m="http://www.w3.org/1998/Math/MathML">\n<m:image href="${svgInXml}"/></svg>\n`);
    const checked = await runCli(['check', '--root', root]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('content/static/card.html:2:10: error: this file holds a javascript: or data: link, which would run as script when it is opened on the site [asset/active-content]');
    expect(checked.stdout).toContain('content/static/owl.svg:2:1: error: this SVG image holds a javascript: or data: link, which would run as script when the image is opened on the site [asset/unsafe-svg]');
    const out = await temporaryFolder();
    const built = await runCli(['build', '--root', root, '--out', out]);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain('content/static/card.html:2:10: error:');
    expect(built.stderr).toContain('content/static/owl.svg:2:1: error:');
  });

  it('are refused in copied HTML where a browser would open one as a document', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'content/static'), { recursive: true });
    await writeFile(path.join(root, 'content/static/card.html'), `<!doctype html><title>Card</title>\n<p><a href="${svg}">the owl</a></p>\n`);
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/static/card.html:2:4: error: this file holds a javascript: or data: link, which would run as script when it is opened on the site [asset/active-content]');
  });
});

describe("a webzine's own robots.txt in content/static/", () => {
  it("is published instead of mimeo's, with no conflict; without it mimeo's names the sitemap", async () => {
    const root = await makeWebzine();
    const ours = await build(root);
    expect(await ours('web/robots.txt')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://zine.example/sitemap.xml\n');
    await mkdir(path.join(root, 'content/static'), { recursive: true });
    await writeFile(path.join(root, 'content/static/robots.txt'), 'User-agent: GPTBot\nDisallow: /\n');
    const theirs = await build(root);
    expect(await theirs('web/robots.txt')).toBe('User-agent: GPTBot\nDisallow: /\n');
  });
});

describe('the hashed stylesheet', () => {
  it('is a path/conflict when a copied file of static/ has its name, which would replace it on every page, naming the built-in theme as such', async () => {
    const root = await makeWebzine();
    const out = path.join(await temporaryFolder(), 'dist');
    expect((await runCli(['build', '--root', root, '--out', out, '--no-cache'])).code).toBe(0);
    const [stylesheet] = (await readdir(path.join(out, 'web'))).filter((name) => /^style\.[0-9a-f]{10}\.css$/.test(name));
    await mkdir(path.join(root, 'content/static'), { recursive: true });
    await writeFile(path.join(root, 'content/static', stylesheet!), 'x\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `content/static/${stylesheet}:1:1: error: this file would be written to web/${stylesheet}, where mimeo writes a file of its own (from the built-in theme's assets/style.css) [path/conflict]\n  Rename this file: that place is taken.\n`,
    );
  });
});
