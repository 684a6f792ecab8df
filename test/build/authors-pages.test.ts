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

  it('tell a mistyped handle written with its @ as a handle authors.yml lacks, with the nearest one', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-at.md'), '---\ntitle: Written with an at\nauthors: ["@adaa"]\n---\nText.\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/issues/1/30-at.md:3:11: error: "@adaa" looks like a handle, and authors.yml has no such handle [author/unknown-handle]\n  Did you mean "ada"?');
  });
});
