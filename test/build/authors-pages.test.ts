import { mkdir, readFile, writeFile, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWebzine, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

describe('the authors pages', () => {
  it('list what each author wrote in the issues\' order, an article written together under each of its authors, and the issues each edited', async () => {
    const root = await makeWebzine();
    await appendFile(path.join(root, 'content/site.yml'), 'geminiUrl: gemini://zine.example/\n');
    const second = path.join(root, 'content/issues/2');
    await mkdir(second, { recursive: true });
    await writeFile(path.join(second, 'issue.md'), '---\ntitle: Second light\ndate: 2026-04-01\nsummary: The second issue.\neditors: [grace, ada]\n---\nWelcome back.\n');
    await writeFile(path.join(second, '10-together.md'), '---\ntitle: Written together\nauthors: [grace, ada]\n---\nText.\n');
    await writeFile(path.join(second, '20-alone.md'), '---\ntitle: Written alone\nauthors: [ada]\n---\nText.\n');
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stderr).toBe(0);

    const web = await readFile(path.join(out, 'web/authors/index.html'), 'utf8');
    const section = (name: string) => web.slice(web.indexOf(name), web.indexOf('</section>', web.indexOf(name)));
    const titles = (html: string) => [...html.matchAll(/<li><a href="[^"]*">([^<]*)<\/a>/g)].map((match) => match[1]);
    const edited = (html: string) => [...html.matchAll(/class="author__edited">.*$/gm)].flatMap((match) => [...match[0].matchAll(/<a href="[^"]*">([^<]*)<\/a>/g)].map((link) => link[1]));
    const ada = section('Ada Quill');
    const grace = section('Grace Ink');
    // Issue 2's articles, in its order, before issue 1's.
    expect(titles(ada)).toEqual(['Written together', 'Written alone', 'The first article']);
    expect(titles(grace).filter((title) => title === 'Written together')).toHaveLength(1);
    expect(titles(grace)).not.toContain('Written alone');
    expect(edited(ada)).toEqual(['Issue 2: Second light', 'Issue 1: First light']);
    expect(edited(grace)).toEqual(['Issue 2: Second light']);

    const capsule = await readFile(path.join(out, 'gemini/authors.gmi'), 'utf8');
    const adaLines = capsule.slice(capsule.indexOf('Ada Quill'), capsule.indexOf('Grace Ink') > capsule.indexOf('Ada Quill') ? capsule.indexOf('Grace Ink') : undefined);
    const order = ['Written together', 'Written alone', 'The first article'].map((title) => adaLines.indexOf(title));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('take a handle written with its @ (authors: ["@ada"], the form the YAML hint gives) as that contributor, not as a name', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-at.md'), '---\ntitle: Written with an at\nauthors: ["@ada", "@grace"]\n---\nText.\n');
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const page = await readFile(path.join(out, 'web/issues/1/at/index.html'), 'utf8');
    expect(page).toContain('<a class="byline__name" href="../../../authors/#ada"><bdi>Ada Quill</bdi></a>');
    expect(page).toContain('Grace Ink');
    expect(page).not.toContain('@ada');
    const web = await readFile(path.join(out, 'web/authors/index.html'), 'utf8');
    expect(web).not.toContain('@ada');
    expect(web.slice(web.indexOf('Ada Quill'))).toContain('Written with an at');
  });

  it('keep a handle\'s anchor (#ada) for its contributor when a name written in authors: reads alike ("Äda"), which gets another', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-guest.md'), '---\ntitle: A guest\nauthors: [grace, "Äda"]\n---\nText.\n');
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const web = await readFile(path.join(out, 'web/authors/index.html'), 'utf8');
    const ids = [...web.matchAll(/<section class="author" id="([^"]*)">\n<h2 class="author__name">(?:<a href="[^"]*">)?<bdi>([^<]*)</g)].map((match) => [match[2], match[1]]);
    // "Äda" reads as "ada", and took the #ada of Ada Quill before.
    expect(ids).toEqual([['A Reader', 'a-reader'], ['Ada Quill', 'ada'], ['Grace Ink', 'grace'], ['Äda', 'ada-1']]);
    const byline = (who: string, anchor: string, up: string) => `<a class="byline__name" href="${up}authors/#${anchor}"><bdi>${who}</bdi></a>`;
    const guestPage = await readFile(path.join(out, 'web/issues/1/guest/index.html'), 'utf8');
    expect(guestPage).toContain(`By ${byline('Grace Ink', 'grace', '../../../')} and ${byline('Äda', 'ada-1', '../../../')}</p>`);
    const ownPage = await readFile(path.join(out, 'web/issues/1/first/index.html'), 'utf8');
    expect(ownPage).toContain(`By ${byline('Ada Quill', 'ada', '../../../')}</p>`);
    const issue = await readFile(path.join(out, 'web/issues/1/index.html'), 'utf8');
    expect(issue).toContain(`Edited by ${byline('Ada Quill', 'ada', '../../')}</p>`);
    expect(issue).toContain(`By ${byline('Grace Ink', 'grace', '../../')} and ${byline('Äda', 'ada-1', '../../')}</p>`);
    expect(issue).not.toContain('#ada-1"><bdi>Ada Quill');
  });

  it('give a name the anchor after a handle that reads alike even when that handle wrote nothing yet, and one without letters ("!!!") the one after a handle called author', async () => {
    const root = await makeWebzine();
    await appendFile(path.join(root, 'content/authors.yml'), 'zoe:\n  name: Zoë Marsh\nauthor:\n  name: Anonymous Author\n');
    await writeFile(path.join(root, 'content/issues/1/30-guest.md'), '---\ntitle: A guest\nauthors: ["Zoé", "!!!", "???"]\n---\nText.\n');
    await writeFile(path.join(root, 'content/issues/1/40-signed.md'), '---\ntitle: Signed\nauthors: [author]\n---\nText.\n');
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const web = await readFile(path.join(out, 'web/authors/index.html'), 'utf8');
    const ids = [...web.matchAll(/<section class="author" id="([^"]*)">\n<h2 class="author__name">(?:<a href="[^"]*">)?<bdi>([^<]*)</g)].map((match) => [match[2], match[1]]);
    expect(ids).toEqual([['!!!', 'author-1'], ['???', 'author-2'], ['A Reader', 'a-reader'], ['Ada Quill', 'ada'], ['Anonymous Author', 'author'], ['Grace Ink', 'grace'], ['Zoé', 'zoe-1']]);
    const guestPage = await readFile(path.join(out, 'web/issues/1/guest/index.html'), 'utf8');
    expect(guestPage).toContain('href="../../../authors/#zoe-1"><bdi>Zoé</bdi>');
    expect(guestPage).toContain('href="../../../authors/#author-1"><bdi>!!!</bdi>');
    expect(guestPage).toContain('href="../../../authors/#author-2"><bdi>???</bdi>');
    const signed = await readFile(path.join(out, 'web/issues/1/signed/index.html'), 'utf8');
    expect(signed).toContain('href="../../../authors/#author"><bdi>Anonymous Author</bdi>');
  });

  it('take a handle written in other capitals (authors: [Ada, "@GRACE"], editors: [ADA]), or the name authors.yml gives it ("Ada Quill"), as that contributor, not as another person', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-capitals.md'), '---\ntitle: Written in capitals\nauthors: [Ada, "@GRACE"]\n---\nText.\n');
    await writeFile(path.join(root, 'content/issues/1/40-named.md'), '---\ntitle: Signed in full\nauthors: [Ada Quill]\n---\nText.\n');
    const issueFile = path.join(root, 'content/issues/1/issue.md');
    await writeFile(issueFile, (await readFile(issueFile, 'utf8')).replace('editors: [ada]', 'editors: [ADA]'));
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const page = await readFile(path.join(out, 'web/issues/1/capitals/index.html'), 'utf8');
    expect(page).toContain('By <a class="byline__name" href="../../../authors/#ada"><bdi>Ada Quill</bdi></a> and <a class="byline__name" href="../../../authors/#grace"><bdi>Grace Ink</bdi></a>');
    const named = await readFile(path.join(out, 'web/issues/1/named/index.html'), 'utf8');
    expect(named).toContain('By <a class="byline__name" href="../../../authors/#ada"><bdi>Ada Quill</bdi></a></p>');
    const issue = await readFile(path.join(out, 'web/issues/1/index.html'), 'utf8');
    expect(issue).toContain('Edited by <a class="byline__name" href="../../authors/#ada"><bdi>Ada Quill</bdi></a>');
    const web = await readFile(path.join(out, 'web/authors/index.html'), 'utf8');
    expect([...web.matchAll(/<h2[^>]*>(.*?)<\/h2>/g)].map((match) => match[1]!.replace(/<[^>]*>/g, ''))).toEqual(['A Reader', 'Ada Quill', 'Grace Ink']);
  });

  it('tell a mistyped handle written with its @ as a handle authors.yml lacks, with the nearest one', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-at.md'), '---\ntitle: Written with an at\nauthors: ["@adaa"]\n---\nText.\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/issues/1/30-at.md:3:11: error: "@adaa" looks like a handle, and authors.yml has no such handle [author/unknown-handle]\n  Did you mean "ada"?');
  });
});
