import { cp, mkdir, readFile, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, listTree, makeWebzine, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';
import { commitAll, git } from '../support/git.js';
import { forgeCacheEntries } from '../support/forge-cache.js';

afterAll(removeTemporaryFolders);

const urlAttributes = ['href', 'src', 'action', 'formAction', 'data', 'poster', 'xLinkHref', 'cite', 'background'];
const forbiddenElements = new Set(['script', 'iframe', 'object', 'embed', 'base', 'form', 'frame', 'frameset']);

/** Everything in a page that could run code or load an outside frame, as readable strings. */
function dangersIn(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html) as Nodes, 'element', (node: Element) => {
    if (forbiddenElements.has(node.tagName)) found.push(`<${node.tagName}>`);
    if (node.tagName === 'meta' && node.properties['httpEquiv'] !== undefined) found.push('<meta http-equiv>');
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`${node.tagName}[${name}]`);
      if (name === 'style') found.push(`${node.tagName}[style]`);
      const text = String(value).replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (urlAttributes.includes(name) && /^(javascript|vbscript|data):/.test(text)) found.push(`${node.tagName}[${name}=${text.slice(0, 20)}]`);
    }
  });
  return found;
}

describe('content from outsiders', () => {
  it('can not put a script, an event handler, an outside frame or a javascript: or data: URL in any page', async () => {
    const root = await makeWebzine(path.join(fixtures, 'security/xss'));
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code).toBe(0);
    const pages = (await listTree(path.join(out, 'web'))).filter((file) => file.endsWith('.html'));
    expect(pages).toContain('issues/1/second/index.html');
    for (const file of pages) expect(dangersIn(await readFile(path.join(out, 'web', file), 'utf8')), file).toEqual([]);
  });

  it('shows a title with markup as text', async () => {
    const root = await makeWebzine(path.join(fixtures, 'security/xss'));
    const out = await temporaryFolder();
    await runCli(['build', '--root', root, '--out', out]);
    const html = await readFile(path.join(out, 'web/issues/1/second/index.html'), 'utf8');
    expect(html).toContain('<h1 class="article-header__title">Second&lt;/h1&gt;&lt;script&gt;');
  });

  it.each(['check', 'build'])('never runs front matter written in JavaScript (%s)', async (command) => {
    const root = await makeWebzine();
    const marker = path.join(await temporaryFolder(), 'ran');
    const payload = `{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), 'Evil') }`;
    await writeFile(path.join(root, 'content/pages/evil.md'), `---js\n${payload}\n---\nBody.\n`);
    await writeFile(path.join(root, 'content/pages/other.md'), `---javascript \n${payload}\n---\nBody.\n`);
    const run = await runCli([command, '--root', root, ...(command === 'build' ? ['--no-cache'] : [])]);
    expect(run.code).toBe(1);
    expect(await readFile(marker, 'utf8').catch(() => 'not run')).toBe('not run');
    const said = command === 'check' ? run.stdout : run.stderr;
    expect(said).toContain('content/pages/evil.md:1:4: error: front matter must be YAML, and this one opens with "---js", which asks for another language [front-matter/language]');
    expect(said).toContain('content/pages/other.md:1:4: error: front matter must be YAML, and this one opens with "---javascript", which asks for another language [front-matter/language]');
  });

  it('does not follow a symbolic link out of the webzine', async () => {
    const root = await makeWebzine();
    const secret = path.join(await temporaryFolder(), 'secret.md');
    await writeFile(secret, '---\ntitle: Secret\n---\nThe password.\n');
    await symlink(secret, path.join(root, 'content/issues/1/30-secret.md'));
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `content/issues/1/30-secret.md:1:1: error: this symbolic link leads outside the webzine's content folder, to "${secret}" [path/outside-root]\n` +
        '  Put a copy of the file here in place of the symbolic link: mimeo never follows one out of content/, so that nothing outside it is published.\n',
    );
  });

  it('refuses an output folder that holds the webzine', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'zine'));
    const run = await runCli(['build', '--root', root, '--out', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out must not be the webzine\'s folder or hold it');
  });

  it('refuses an output folder reached through a symbolic link into content/, and writes nothing there', async () => {
    const root = await makeWebzine();
    const link = path.join(await temporaryFolder(), 'out');
    await symlink(path.join(root, 'content/issues'), link);
    const before = await listTree(path.join(root, 'content'));
    for (const out of [link, path.join(link, 'deeper')]) {
      const run = await runCli(['build', '--root', root, '--out', out]);
      expect(run.code, out).toBe(2);
      expect(run.stderr).toContain(`--out must not be inside content/, got ${out} (${path.join(await realpath(root), 'content/issues')}`);
    }
    // content/ itself a link: an output folder inside where it leads is inside content/.
    const elsewhere = await temporaryFolder();
    const moved = await makeWebzine();
    await rename(path.join(moved, 'content'), path.join(elsewhere, 'content'));
    await symlink(path.join(elsewhere, 'content'), path.join(moved, 'content'));
    const through = await runCli(['build', '--root', moved, '--out', path.join(elsewhere, 'content/out')]);
    expect(through.code).toBe(2);
    expect(through.stderr).toContain('--out must not be inside content/');
    const cache = await runCli(['build', '--root', root, '--cache-dir', path.join(link, 'cache')]);
    expect(cache.code).toBe(2);
    expect(cache.stderr).toContain('--cache-dir must not be inside content/');
    expect(await listTree(path.join(root, 'content'))).toEqual(before);
  });
});

describe('what a pull request commits where mimeo writes', () => {
  const commit = (root: string) => commitAll(root, [{ author: 'Mallory', email: 'm@example.org', date: '2026-03-02T10:00:00Z' }]);

  it.each([['build'], ['check']])('refuses (%s) an output or cache folder reached through a symbolic link committed to Git, and writes nothing there', async (command) => {
    const root = await makeWebzine();
    const victim = await temporaryFolder();
    await mkdir(path.join(victim, 'web'));
    await writeFile(path.join(victim, 'web/important.txt'), 'keep me\n');
    await symlink(victim, path.join(root, 'dist'));
    await commit(root);
    const run = await runCli([command, '--root', root]);
    if (command === 'build') {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('mimeo: the output folder (dist, the default of --out) goes through dist, a symbolic link committed to Git');
    } else {
      // `check` writes no output: the link is nothing to it.
      expect(run.code, run.stderr).toBe(0);
    }
    expect(await listTree(victim)).toEqual(['web/important.txt']);
    // The cache's way: node_modules a committed link.
    const other = await makeWebzine();
    await symlink(victim, path.join(other, 'node_modules'));
    await commit(other);
    const cached = await runCli([command, '--root', other]);
    expect(cached.code).toBe(2);
    // Named as the default it is: no --cache-dir was given.
    expect(cached.stderr).toContain('mimeo: the cache folder (node_modules/.cache/mimeo, the default of --cache-dir) goes through node_modules, a symbolic link committed to Git: mimeo does not write where a commit points it; remove it (git rm node_modules) or choose another --cache-dir\n');
    expect(await listTree(victim)).toEqual(['web/important.txt']);
  });

  it('keeps a symbolic link to the output that the maintainer made, not a commit', async () => {
    const root = await makeWebzine();
    const served = await temporaryFolder();
    await symlink(served, path.join(root, 'dist'));
    await writeFile(path.join(root, '.gitignore'), 'dist\nnode_modules\n');
    await commit(root);
    const run = await runCli(['build', '--root', root]);
    expect(run.code, run.stderr).toBe(0);
    expect(await listTree(served)).toContain('web/index.html');
  });

  it('does not take compiled Markdown from cache entries committed to Git: they could hold anything', async () => {
    const root = await makeWebzine();
    await commit(root);
    const cache = path.join(root, 'node_modules/.cache/mimeo');
    const page = path.join(root, 'dist/web/issues/1/first/index.html');
    expect((await runCli(['build', '--root', root])).code).toBe(0);
    expect(await forgeCacheEntries(cache)).toBeGreaterThan(3);
    // Forged entries are taken as this machine's own (so the forgery is real), though the page
    // they make is refused for the script it would run...
    await rm(path.join(root, 'dist'), { recursive: true });
    const forged = await runCli(['build', '--root', root]);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain('[template/script]');
    // ... until they come from a commit.
    await git(root, ['add', '-f', 'node_modules/.cache/mimeo']);
    await git(root, ['commit', '-q', '-m', 'fix a typo'], { GIT_AUTHOR_NAME: 'Mallory', GIT_AUTHOR_EMAIL: 'm@example.org', GIT_COMMITTER_NAME: 'Mallory', GIT_COMMITTER_EMAIL: 'm@example.org' });
    await rm(path.join(root, 'dist'), { recursive: true });
    const run = await runCli(['build', '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).toContain(`note: the cache folder ${cache} holds files committed to Git`);
    expect(dangersIn(await readFile(page, 'utf8'))).toEqual([]);
    expect(await readFile(path.join(root, 'dist/web/atom.xml'), 'utf8')).not.toContain('<script>');
  });

  it('refuses an output folder beside the webzine, in its repository, that a committed link leads from', async () => {
    const repository = await temporaryFolder();
    const root = path.join(repository, 'zine');
    await rename(await makeWebzine(), root);
    const victim = await temporaryFolder();
    await writeFile(path.join(victim, 'keep.txt'), 'keep me\n');
    await symlink(victim, path.join(repository, 'public'));
    await commit(repository);
    const run = await runCli(['build', '--root', root, '--out', path.join(repository, 'public')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out goes through ../public, a symbolic link committed to Git');
    expect(await listTree(victim)).toEqual(['keep.txt']);
  });

  it('does not take forged entries from a cache folder that is a link to committed files', async () => {
    const root = await makeWebzine();
    await commit(root);
    const out = path.join(await temporaryFolder(), 'dist');
    const real = path.join(root, 'vendor/cache');
    expect((await runCli(['build', '--root', root, '--out', out, '--cache-dir', real])).code).toBe(0);
    await forgeCacheEntries(real);
    await git(root, ['add', '-f', 'vendor/cache']);
    await git(root, ['commit', '-q', '-m', 'vendor'], { GIT_AUTHOR_NAME: 'M', GIT_AUTHOR_EMAIL: 'm@example.org', GIT_COMMITTER_NAME: 'M', GIT_COMMITTER_EMAIL: 'm@example.org' });
    // A link the maintainer made (not committed) to the committed folder.
    const link = path.join(await temporaryFolder(), 'cache');
    await symlink(real, link);
    await rm(out, { recursive: true });
    const run = await runCli(['build', '--root', root, '--out', out, '--cache-dir', link]);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).toContain('holds files committed to Git');
    expect(dangersIn(await readFile(path.join(out, 'web/issues/1/first/index.html'), 'utf8'))).toEqual([]);
  });
});

describe('files that configure the web host', () => {
  it('are published only when site.yml lists them, so a pull request can not redirect the site', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'content/static'), { recursive: true });
    await writeFile(path.join(root, 'content/static/CNAME'), 'zine.example\n');
    await writeFile(path.join(root, 'content/static/_redirects'), '/* https://evil.example/:splat 200!\n');
    const refused = await runCli(['check', '--root', root]);
    expect(refused.code).toBe(1);
    expect(refused.stdout.split('\n').filter((line) => line.includes('[asset/host-file]')).length).toBe(2);
    await writeFile(path.join(root, 'content/site.yml'), `${await readFile(path.join(root, 'content/site.yml'), 'utf8')}hostFiles: [CNAME]\n`);
    await rm(path.join(root, 'content/static/_redirects'));
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout).toBe(0);
    expect(await readFile(path.join(out, 'web/CNAME'), 'utf8')).toBe('zine.example\n');
  });
});

describe("a theme that site.yml names outside the webzine's repository", () => {
  /** A webzine whose theme folder is `theme`, and a folder beside it with a secret in assets/. */
  async function webzineWithSecretBeside(): Promise<{ root: string; secret: string }> {
    const parent = await temporaryFolder();
    const root = path.join(parent, 'zine');
    await cp(path.join(fixtures, 'base'), root, { recursive: true });
    const secret = path.join(parent, 'secrets');
    await mkdir(path.join(secret, 'assets'), { recursive: true });
    await writeFile(path.join(secret, 'assets/key.txt'), 'TOP SECRET\n');
    return { root, secret };
  }

  it('is an error at site.yml, and nothing of it is read or published, by .. or by a link', async () => {
    const { root, secret } = await webzineWithSecretBeside();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ntheme: ../../secrets\n');
    const check = await runCli(['check', '--root', root]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('content/site.yml:3:8: error: the theme "../../secrets" is outside the webzine\'s folder, so it was not read [theme/outside]');
    // A link in themes/ (committed or not) leads to the same place.
    await mkdir(path.join(root, 'themes'));
    await symlink(secret, path.join(root, 'themes/linked'));
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ntheme: linked\n');
    const out = await temporaryFolder();
    const build = await runCli(['build', '--root', root, '--out', out]);
    expect(build.code).toBe(1);
    expect(build.stdout + build.stderr).toContain('[theme/outside]');
    // A theme of its own whose assets/ folder is a link (here, out; in a repository, into .git,
    // whose config holds a CI's credentials): that folder is not read, and that is an error.
    await rm(path.join(root, 'themes/linked'));
    await mkdir(path.join(root, 'themes/own'));
    await symlink(path.join(secret, 'assets'), path.join(root, 'themes/own/assets'));
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ntheme: own\n');
    const own = await runCli(['build', '--root', root, '--out', out]);
    expect(own.code).toBe(1);
    expect(own.stdout + own.stderr).toContain("themes/own/assets:1:1: error: the theme's assets/ folder is a symbolic link, which mimeo does not follow, so its files were not read [theme/linked-folder]");
    expect(await listTree(out)).not.toContain('web/key.txt');
  });

  it('may not be, nor lead into, the repository\'s .git folder', async () => {
    const root = await makeWebzine();
    await commitAll(root, [{ author: 'Ada Quill', email: 'ada@example.invalid', date: '2026-03-01T09:00:00Z' }]);
    await mkdir(path.join(root, '.git/assets'));
    await writeFile(path.join(root, '.git/assets/token.txt'), 'AUTHORIZATION: basic c2VjcmV0\n');
    await mkdir(path.join(root, 'themes'));
    await symlink('../.git', path.join(root, 'themes/evil'));
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ntheme: evil\n');
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('[theme/outside]');
    expect(await listTree(out).catch(() => [])).not.toContain('web/token.txt');
  });

  it('may be elsewhere in the repository that holds the webzine (a theme shared by several)', async () => {
    const { root } = await webzineWithSecretBeside();
    const repository = path.dirname(root);
    await mkdir(path.join(repository, 'shared/assets'), { recursive: true });
    await writeFile(path.join(repository, 'shared/assets/shared.txt'), 'Shared.\n');
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ntheme: ../../shared\n');
    await commitAll(repository, [{ author: 'Ada Quill', email: 'ada@example.invalid', date: '2026-03-01T09:00:00Z' }]);
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await readFile(path.join(out, 'web/shared.txt'), 'utf8')).toBe('Shared.\n');
  });
});
