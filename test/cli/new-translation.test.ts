import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWebzine, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

async function frenchWebzine(): Promise<string> {
  const root = await makeWebzine();
  await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguages: [fr]\n');
  return root;
}

describe('mimeo new translation', () => {
  it('copies an article to its translation file with a note on what to translate, and the edition builds', async () => {
    const root = await frenchWebzine();
    const run = await runCli(['new', 'translation', 'content/issues/1/20-second.md', 'fr', '--root', root]);
    expect(run).toMatchObject({ code: 0, stdout: 'content/issues/1/20-second.fr.md\n' });
    const text = await readFile(path.join(root, 'content/issues/1/20-second.fr.md'), 'utf8');
    expect(text).toBe(
      '---\ntitle: The second article\nauthors: [grace, A Reader]\n---\n\n<!-- Translation into fr of 20-second.md: translate the title, the summary and the text below,\n     and keep the rest of the front matter as it is. Remove this note when you are done. -->\n\n## Details\n\nThe details are [here](#details).\n',
    );
    const out = await temporaryFolder();
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    expect(await readFile(path.join(out, 'web/fr/issues/1/second/index.html'), 'utf8')).toContain('<html lang="fr" dir="ltr">');
  });

  it('takes the file by a path from the current folder too, and puts the note after front matter that ends the file', async () => {
    const root = await frenchWebzine();
    await writeFile(path.join(root, 'content/pages/empty.md'), '---\ntitle: Empty for now\n---');
    const run = await runCli(['new', 'translation', path.join(root, 'content/pages/empty.md'), 'fr', '--root', root]);
    expect(run).toMatchObject({ code: 0, stdout: 'content/pages/empty.fr.md\n' });
    expect(await readFile(path.join(root, 'content/pages/empty.fr.md'), 'utf8')).toMatch(/^---\ntitle: Empty for now\n---\n\n<!-- Translation into fr of empty\.md/);
    const fromIssue = await runCli(['new', 'translation', '20-second.md', 'fr', '--root', '../../..'], path.join(root, 'content/issues/1'));
    expect(fromIssue).toMatchObject({ code: 0, stdout: 'content/issues/1/20-second.fr.md\n' });
    expect((await runCli(['check', '--root', root])).code).toBe(0);
  });

  it('refuses a language the webzine does not have, listing those it has', async () => {
    const run = await runCli(['new', 'translation', 'content/issues/1/20-second.md', 'de', '--root', await frenchWebzine()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"de" is not a language of the webzine: the languages of site.yml are fr');
  });

  it('refuses a language written otherwise than site.yml writes it, with the one it stands for', async () => {
    const root = await frenchWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguages: [fr, pt-BR]\n');
    for (const written of ['pt_BR', 'PT-br']) {
      const run = await runCli(['new', 'translation', 'content/pages/about.md', written, '--root', root]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`"${written}" is not a language of the webzine: the languages of site.yml are fr, pt-BR. Did you mean pt-BR?\n`);
    }
  });

  it('says that a file to translate does not exist', async () => {
    const run = await runCli(['new', 'translation', 'content/pages/nope.md', 'fr', '--root', await frenchWebzine()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('mimeo: there is no file "content/pages/nope.md" under content/: give the path of the file to translate, like content/issues/3/20-current.md\n');
  });

  it('sends a translation asked of a translation to its original', async () => {
    const root = await frenchWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguages: [fr, de]\n');
    await writeFile(path.join(root, 'content/issues/1/20-second.fr.md'), '---\ntitle: Le second\n---\nTexte.\n');
    const run = await runCli(['new', 'translation', 'content/issues/1/20-second.fr.md', 'de', '--root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('mimeo: "content/issues/1/20-second.fr.md" is a translation (into fr) of 20-second.md; translate the original: mimeo new translation content/issues/1/20-second.md de\n');
  });

  it('refuses to overwrite a translation that exists', async () => {
    const root = await frenchWebzine();
    await runCli(['new', 'translation', 'content/pages/about.md', 'fr', '--root', root]);
    const again = await runCli(['new', 'translation', 'content/pages/about.md', 'fr', '--root', root]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('content/pages/about.fr.md already exists');
  });
});

describe('mimeo new page and the addresses mimeo publishes itself', () => {
  it('refuses a page that would take the address of an edition', async () => {
    const run = await runCli(['new', 'page', 'FR', '--root', await frenchWebzine()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('a page can not be called "fr": mimeo publishes /fr/ itself');
  });

  it('refuses a translation into the original language, saying the file is in it already and listing the languages to translate into', async () => {
    const root = await frenchWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguage: en\nlanguages: [fr, pt-BR]\n');
    for (const written of ['en', 'EN']) {
      const run = await runCli(['new', 'translation', 'content/pages/about.md', written, '--root', root]);
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr: 'mimeo: "content/pages/about.md" is in en already, the webzine\'s original language (language: en in site.yml); the languages to translate it into are fr, pt-BR\nSee `mimeo new --help`.\n',
      });
    }
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguage: de\n');
    expect((await runCli(['new', 'translation', 'content/pages/about.md', 'de', '--root', root])).stderr).toContain(
      'mimeo: "content/pages/about.md" is in de already, the webzine\'s original language (language: de in site.yml); site.yml lists no other language in `languages`\n',
    );
  });
});

describe('mimeo new through a symbolic link', () => {
  it('writes nothing outside content/ when a folder of the way is a link out', async () => {
    const { mkdir, symlink, rm, readdir } = await import('node:fs/promises');
    const root = await frenchWebzine();
    const outside = await temporaryFolder();
    await rm(path.join(root, 'content/pages'), { recursive: true });
    await symlink(outside, path.join(root, 'content/pages'));
    await mkdir(path.join(outside, 'keep'), { recursive: true });
    const run = await runCli(['new', 'page', 'Escape', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/pages/escape.md would be written outside content/ through a symbolic link; nothing was written');
    expect(await readdir(outside)).toEqual(['keep']);
  });
});
