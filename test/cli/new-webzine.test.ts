import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, git } from '../support/git.js';
import { listTree, makeWebzine, readTree, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const written = ['content/site.yml', 'content/authors.yml', '.gitignore', '.gitattributes', '.github/workflows/check-pull-request.yml', '.github/workflows/publish.yml', 'CONTRIBUTING.md'];

const nextSteps = `
Next:
1. Set baseUrl in content/site.yml to the https address the site will be served at:
   mimeo check and mimeo build need it.
2. Make package.json (npm init -y), install mimeo in it as a development dependency (see mimeo's README),
   and give it the scripts contributors run (CONTRIBUTING.md calls them so):
     "scripts": { "build": "mimeo build", "dev": "mimeo dev", "check": "mimeo check" }
3. Start the first issue, and preview it:
     npx mimeo new issue
     npm run dev
4. To publish the site on GitHub Pages, push the repository to GitHub and turn Pages on once
   (Settings → Pages → Source: GitHub Actions): .github/workflows/publish.yml then deploys dist/web/
   at every push to main.
`;

async function emptyRepository(): Promise<string> {
  const root = await temporaryFolder();
  await git(root, ['init', '-q']);
  return root;
}

/** A webzine `mimeo new webzine` started, its baseUrl set, with one published issue (and `files`) committed by Ada Quill. */
async function publishedWebzine(baseUrl: string, files: Record<string, string> = {}): Promise<string> {
  const root = await emptyRepository();
  await runCli(['new', 'webzine', 'Pilot Light', '--root', root]);
  const site = path.join(root, 'content/site.yml');
  await writeFile(site, (await readFile(site, 'utf8')).replace('# baseUrl: https://zine.example/', `baseUrl: ${baseUrl}`));
  await commitAll(root, [{
    author: 'Ada Quill',
    email: 'ada@example.org',
    date: '2026-03-01T09:00:00Z',
    files: {
      'content/issues/1/issue.md': '---\ntitle: Cold Start\ndate: 2026-03-01\n---\nThe first issue.\n',
      'content/issues/1/10-hello.md': '---\ntitle: Hello\n---\nA first article.\n',
      ...files,
    },
  }]);
  return root;
}

describe('mimeo new webzine', () => {
  it('starts a webzine in the current folder, printing each file it wrote and what to do next', async () => {
    const root = await emptyRepository();
    const run = await runCli(['new', 'webzine', 'Pilot Light'], root);
    expect(run).toEqual({ code: 0, stdout: written.map((file) => `${file}\n`).join('') + nextSteps, stderr: '' });
    expect((await listTree(root)).filter((file) => !file.startsWith('.git/'))).toEqual([...written].sort());
  });

  it('makes a webzine that checks and builds once baseUrl is set, and whose check of pull requests is valid YAML', async () => {
    const root = await emptyRepository();
    await runCli(['new', 'webzine', 'Pilot Light', '--root', root]);
    const site = path.join(root, 'content/site.yml');
    const before = await runCli(['check', '--root', root]);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('[site-config/base-url]');
    await writeFile(site, (await readFile(site, 'utf8')).replace('# baseUrl: https://zine.example/', 'baseUrl: https://zine.example/'));
    expect(await runCli(['check', '--root', root])).toMatchObject({ code: 0, stdout: '' });
    // The line the writers' guide asks for, appended to the authors.yml mimeo wrote.
    await appendFile(path.join(root, 'content/authors.yml'), 'robin: { name: Robin Night, url: https://robin.example/, fediverse: "@robin@social.example" }\n');
    expect(await runCli(['check', '--root', root])).toMatchObject({ code: 0, stdout: '' });
    const out = await temporaryFolder();
    expect((await runCli(['build', '--root', root, '--out', out, '--base-url', 'https://x.example/'])).code).toBe(0);
    expect(await readFile(path.join(out, 'web/index.html'), 'utf8')).toContain('Pilot Light');
    const workflow = parse(await readFile(path.join(root, '.github/workflows/check-pull-request.yml'), 'utf8')) as { jobs: { check: { steps: Array<{ run?: string }> } } };
    expect(workflow.jobs.check.steps.flatMap((step) => (step.run === undefined ? [] : [step.run.split(' ').slice(0, 5).join(' ')]))).toEqual(['npm ci', 'npx --no -- mimeo check']);
  });

  it('makes a webzine in which the publishing workflow\'s build, run as GitHub runs it, writes the site it uploads and the cache it keeps', async () => {
    const root = await publishedWebzine('https://ada.github.io/pilotlight/');
    const workflow = parse(await readFile(path.join(root, '.github/workflows/publish.yml'), 'utf8')) as { jobs: { build: { steps: Array<{ uses?: string; run?: string; with?: Record<string, string> }> } } };
    const steps = workflow.jobs.build.steps;
    const command = steps.find((step) => step.run?.startsWith('npx --no -- mimeo build'))!.run!;
    // From the repository's top, as the job's steps run, with no --root.
    expect(await runCli(command.replace(/^npx --no -- mimeo /, '').split(' '), root)).toMatchObject({ code: 0, stderr: '' });
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))!.with!['path']!;
    expect(await readFile(path.join(root, upload, 'issues/1/index.html'), 'utf8')).toContain('Ada Quill');
    expect(await readFile(path.join(root, upload, 'index.html'), 'utf8')).toContain('<link rel="canonical" href="https://ada.github.io/pilotlight/">');
    // The folder the workflow keeps holds the compiled Markdown: one entry for each of the two files.
    const cache = steps.find((step) => step.uses?.startsWith('actions/cache@'))!.with!['path']!;
    expect(await listTree(path.join(root, cache, 'files'))).toHaveLength(2);
  });

  it('writes nothing the second time, naming the files that are there already, exit code 1', async () => {
    const root = await emptyRepository();
    await runCli(['new', 'webzine', 'Pilot Light', '--root', root]);
    const before = await readTree(root);
    const run = await runCli(['new', 'webzine', 'Another', '--root', root]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'mimeo: content/site.yml, content/authors.yml, .github/workflows/check-pull-request.yml, .github/workflows/publish.yml, CONTRIBUTING.md already exist, and mimeo new never overwrites a file; nothing was written\n',
    });
    expect(await readTree(root)).toEqual(before);
  });

  it('leaves a .gitignore that is there as it is, and prints the lines it lacks and the scripts package.json lacks', async () => {
    const root = await emptyRepository();
    await writeFile(path.join(root, '.gitignore'), '/dist\n*.log\n');
    await writeFile(path.join(root, 'package.json'), '{ "name": "zine", "scripts": { "build": "mimeo build", "test": "true" } }\n');
    const run = await runCli(['new', 'webzine', 'Pilot Light', '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2. Add to .gitignore, which was there already and is left as it was:\n     node_modules/\n     .mimeo-cache/\n');
    expect(run.stdout).toContain('3. Add to the "scripts" of package.json the ones contributors run (CONTRIBUTING.md calls them so):\n     "dev": "mimeo dev",\n     "check": "mimeo check"\n');
    expect(run.stdout.split('\n\n')[0]!.split('\n')).toEqual(written.filter((file) => file !== '.gitignore'));
    expect(await readFile(path.join(root, '.gitignore'), 'utf8')).toBe('/dist\n*.log\n');
  });

  it('leaves a .gitattributes that is there as it is, and prints the line it lacks', async () => {
    const root = await emptyRepository();
    await writeFile(path.join(root, '.gitattributes'), '*.png binary\n');
    const run = await runCli(['new', 'webzine', 'Pilot Light', '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2. Add to .gitattributes, which was there already and is left as it was:\n     * text=auto eol=lf\n3. ');
    expect(run.stdout.split('\n\n')[0]!.split('\n')).toEqual(written.filter((file) => file !== '.gitattributes'));
    expect(await readFile(path.join(root, '.gitattributes'), 'utf8')).toBe('*.png binary\n');
  });

  it('makes a webzine that a clone with core.autocrlf=true, as on Windows, builds to the same bytes', async () => {
    const root = await publishedWebzine('https://zine.example/', {
      'content/issues/1/10-hello.md': '---\ntitle: Hello\n---\nA first article.\n\n![A mark](mark.svg)\n',
      'content/issues/1/mark.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">\n<rect width="1" height="1"/>\n</svg>\n',
      'content/static/notes.txt': 'one\ntwo\n',
    });
    const trees = [];
    for (const autocrlf of ['false', 'true']) {
      const clone = path.join(await temporaryFolder(), 'zine');
      await git(root, ['clone', '-q', '-c', `core.autocrlf=${autocrlf}`, root, clone]);
      const out = await temporaryFolder();
      expect((await runCli(['build', '--root', clone, '--out', out, '--no-cache'])).code).toBe(0);
      trees.push(await readTree(out));
    }
    expect(trees[1]!.get('web/notes.txt')?.toString()).toBe('one\ntwo\n');
    expect(trees[1]).toEqual(trees[0]);
  });

  it('renders the folder\'s own themes/default/scaffolds/webzine/ over the built-in ones', async () => {
    const root = await emptyRepository();
    await mkdir(path.join(root, 'themes/default/scaffolds/webzine'), { recursive: true });
    await writeFile(path.join(root, 'themes/default/scaffolds/webzine/site.yml'), 'title: {{ title | yaml }}\nbaseUrl: https://ours.example/\n');
    await runCli(['new', 'webzine', 'Ours', '--root', root]);
    expect(await readFile(path.join(root, 'content/site.yml'), 'utf8')).toBe('title: "Ours"\nbaseUrl: https://ours.example/\n');
  });

  it('does not look up for a webzine, but refuses to start one inside another\'s content/, exit code 2', async () => {
    const root = await makeWebzine();
    const inside = path.join(root, 'content/issues');
    const run = await runCli(['new', 'webzine', 'Nested'], inside);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `mimeo: the current folder is inside the content/ of the webzine in ${root}; start a new webzine in a folder of its own, or pass --root with it\nSee \`mimeo new --help\`.\n`,
    });
    const beside = path.join(root, 'zines');
    await mkdir(beside);
    expect((await runCli(['new', 'webzine', 'Beside'], beside)).code).toBe(0);
    expect(await listTree(path.join(beside, 'content'))).toEqual(['authors.yml', 'site.yml']);
  });

  it('refuses to start a webzine in a folder that holds site.yml itself, run there or given as --root, exit code 2', async () => {
    const above = await temporaryFolder();
    const root = path.join(above, 'zine');
    await mkdir(root);
    await writeFile(path.join(root, 'site.yml'), 'title: Mine\nbaseUrl: https://m.example/\n');
    expect(await runCli(['new', 'webzine', 'T'], root)).toEqual({
      code: 2,
      stdout: '',
      stderr: `mimeo: the current folder ${root} holds site.yml itself, and mimeo looks for it in the webzine's content/ folder; move site.yml and the rest of the webzine into ${root}/content/\nSee \`mimeo new --help\`.\n`,
    });
    expect((await runCli(['new', 'webzine', 'T', '--root', 'zine'], above)).stderr).toContain(', got zine, which holds site.yml itself; move site.yml and the rest of the webzine into zine/content/\n');
    expect(await listTree(root)).toEqual(['site.yml']);
  });

  it('has check report a mistake in a webzine scaffold of the theme, as new would', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'themes/default/scaffolds/webzine'), { recursive: true });
    await writeFile(path.join(root, 'themes/default/scaffolds/webzine/gitignore'), '{% if x %}\ndist/\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^themes\/default\/scaffolds\/webzine\/gitignore:1:1: error: .*\[template\/syntax\]$/m);
  });
});
