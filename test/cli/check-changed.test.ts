import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, git } from '../support/git.js';
import { fixtures, makeWebzine, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const who = { author: 'Ada Quill', email: 'ada@secret.example' };

/** The base webzine on main with an old mistake in about.md, and a branch that breaks 20-second.md. */
async function branchWithMistakes(): Promise<string> {
  const root = await makeWebzine();
  await writeFile(path.join(root, 'content/pages/about.md'), '---\ntitle: About\nmenu: true\n---\n## History\n\nSee [nothing](nothing.md).\n');
  await commitAll(root, [{ ...who, date: '2026-03-01T09:00:00Z' }]);
  await git(root, ['checkout', '-q', '-b', 'feature']);
  await commitAll(root, [{ ...who, date: '2026-03-02T09:00:00Z', files: { 'content/issues/1/20-second.md': '---\ntitle: The second article\n---\n## Particulars\n\nText.\n' } }]);
  return root;
}

describe('mimeo check --changed', () => {
  it('reports only the changed file and the files that link to it', async () => {
    const root = await branchWithMistakes();
    const run = await runCli(['check', '--root', root, '--changed', 'main']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'content/issues/1/10-first.md:9:18: error: the link "20-second.md#details" points to a heading "#details" that its page does not have [link/missing-anchor]\n',
    );
  });

  it('reports everything without --changed', async () => {
    const run = await runCli(['check', '--root', await branchWithMistakes()]);
    expect(run.stdout).toContain('content/pages/about.md:');
    expect(run.stdout).toContain('content/issues/1/10-first.md:');
  });

  it('counts an uncommitted file as changed', async () => {
    const root = await branchWithMistakes();
    await writeFile(path.join(root, 'content/issues/1/10-first.md'), '---\ntitle: The first article\nauthor: [ada]\n---\nText.\n');
    const run = await runCli(['check', '--root', root, '--changed', 'HEAD']);
    expect(run.stdout).toBe('content/issues/1/10-first.md:3:1: error: "author" is not a front matter field of an article [front-matter/unknown-key]\n  Did you mean "authors"?\n');
  });

  it('reports everything when the change upgrades mimeo (its lock file), which may change any check', async () => {
    const root = await branchWithMistakes();
    await git(root, ['checkout', '-q', 'main']);
    await commitAll(root, [{ ...who, date: '2026-03-03T09:00:00Z', files: { 'package-lock.json': '{ "lockfileVersion": 3 }\n' } }]);
    const run = await runCli(['check', '--root', root, '--changed', 'HEAD~1']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/pages/about.md:');
  });

  it('passes when the change is clean, whatever the rest holds', async () => {
    const root = await branchWithMistakes();
    await git(root, ['checkout', '-q', 'main']);
    const run = await runCli(['check', '--root', root, '--changed', 'HEAD']);
    expect(run).toMatchObject({ code: 0, stdout: '' });
  });

  it('reports a file the change adds under a name that can not be published, as the whole check does', async () => {
    const root = await branchWithMistakes();
    await mkdir(path.join(root, 'content/static'), { recursive: true });
    await writeFile(path.join(root, 'content/static/back\\slash.txt'), 'x\n');
    await commitAll(root, [{ ...who, date: '2026-03-03T09:00:00Z' }]);
    const run = await runCli(['check', '--root', root, '--changed', 'HEAD~1']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/static:1:1: error: the file "back\\\\slash.txt" in this folder can not be published: its name holds a backslash [path/invalid-name]');
  });

  it('reports an alias the change adds where a copied file is published at the alias, not at the file', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'content/static/docs'), { recursive: true });
    await writeFile(path.join(root, 'content/static/docs/guide.pdf'), 'A guide.\n');
    await commitAll(root, [{ ...who, date: '2026-03-01T09:00:00Z' }]);
    await git(root, ['checkout', '-q', '-b', 'feature']);
    const second = '---\ntitle: The second article\naliases: [issues/1/cover.svg, docs/guide.pdf]\n---\n## Details\n\nText.\n';
    await commitAll(root, [{ ...who, date: '2026-03-02T09:00:00Z', files: { 'content/issues/1/20-second.md': second } }]);
    const run = await runCli(['check', '--root', root, '--changed', 'main']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((line) => !line.startsWith(' '))).toEqual([
      'content/issues/1/20-second.md:3:11: error: the alias /issues/1/cover.svg/ is written to web/issues/1/cover.svg/index.html, below the file web/issues/1/cover.svg, where content/issues/1/cover.svg is written [alias/taken]',
      'content/issues/1/20-second.md:3:31: error: the alias /docs/guide.pdf/ is written to web/docs/guide.pdf/index.html, below the file web/docs/guide.pdf, where content/static/docs/guide.pdf is written [alias/taken]',
      '',
    ]);
  });

  it('exits 2 on a revision Git does not know', async () => {
    const run = await runCli(['check', '--root', await branchWithMistakes(), '--changed', 'no-such-branch']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--changed needs a Git revision of this repository, like origin/main (git branch -r lists the branches to compare with); git said: fatal:');
    // Never an option of Git's.
    const option = await runCli(['check', '--root', await branchWithMistakes(), '--changed=--output=/tmp/x']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--changed needs a Git revision of this repository, like origin/main, got "--output=/tmp/x"');
  });

  it('exits 2 outside a Git repository, saying there is none rather than no commit', async () => {
    const root = await makeWebzine();
    for (const ref of ['HEAD', 'origin/main']) {
      const run = await runCli(['check', '--root', root, '--changed', ref]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`mimeo: --changed ${ref}: the webzine is not in a Git repository, so there are no changes to tell; check it without --changed, or in a clone of its repository\nSee \`mimeo check --help\`.\n`);
    }
  });

  it('exits 2 saying there is no git command, not no repository, when Git is not on the PATH', async () => {
    const root = await branchWithMistakes();
    const searchPath = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      const run = await runCli(['check', '--root', root, '--changed', 'main']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('mimeo: --changed main: there is no git command here (not installed, or not on the PATH), and --changed asks Git what changed; install Git, or check the webzine without --changed\nSee `mimeo check --help`.\n');
    } finally {
      process.env['PATH'] = searchPath;
    }
  });
});

describe('mimeo check --format github on a webzine in a subfolder of its repository', () => {
  /** A repository with the base webzine in zine/, and a branch that breaks a link of 20-second.md. */
  async function monorepo(): Promise<string> {
    const repository = await temporaryFolder();
    await cp(path.join(fixtures, 'base'), path.join(repository, 'zine'), { recursive: true });
    await commitAll(repository, [{ ...who, date: '2026-03-01T09:00:00Z', files: { 'README.md': 'Tools and the zine.\n' } }]);
    await git(repository, ['checkout', '-q', '-b', 'feature']);
    await commitAll(repository, [{ ...who, date: '2026-03-02T09:00:00Z', files: { 'zine/content/issues/1/20-second.md': '---\ntitle: The second article\n---\n## Details\n\nSee [nothing](nothing.md).\n' } }]);
    return path.join(repository, 'zine');
  }

  it('names each file from the repository\'s top, where GitHub looks for it', async () => {
    const run = await runCli(['check', '--root', await monorepo(), '--changed', 'main', '--format', 'github']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('::error file=zine/content/issues/1/20-second.md,line=6,col=5,title=link/missing-target::the link "nothing.md" points to nothing in the webzine\n');
  });

  it('names a file of a theme outside the webzine\'s folder from the repository\'s top too', async () => {
    const zine = await monorepo();
    const shared = path.join(path.dirname(zine), 'shared/templates');
    await mkdir(shared, { recursive: true });
    await writeFile(path.join(shared, '404.liquid'), '{% if %}\n');
    await writeFile(path.join(zine, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ntheme: ../../shared\n');
    const run = await runCli(['check', '--root', zine, '--format', 'github']);
    expect(run.stdout).toContain('::error file=shared/templates/404.liquid,line=1,col=6,title=template/syntax::');
  });

  it('checks everything when the lock file at the repository\'s top changed (a mimeo upgrade)', async () => {
    const zine = await monorepo();
    await git(path.dirname(zine), ['checkout', '-q', 'main']);
    await writeFile(path.join(zine, 'content/pages/about.md'), '---\ntitle: About\n---\nSee [nothing](nothing.md).\n');
    await commitAll(path.dirname(zine), [{ ...who, date: '2026-03-03T09:00:00Z' }]);
    await commitAll(path.dirname(zine), [{ ...who, date: '2026-03-04T09:00:00Z', files: { 'package-lock.json': '{ "lockfileVersion": 3 }\n' } }]);
    const run = await runCli(['check', '--root', zine, '--changed', 'HEAD~1']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/pages/about.md:4:5: error: the link "nothing.md" points to nothing');
  });

  it('checks everything when a change touches a theme outside the webzine\'s folder', async () => {
    const zine = await monorepo();
    const repository = path.dirname(zine);
    await git(repository, ['checkout', '-q', 'main']);
    await writeFile(path.join(zine, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ntheme: ../../shared\n');
    await mkdir(path.join(repository, 'shared/templates'), { recursive: true });
    await writeFile(path.join(repository, 'shared/templates/404.liquid'), '{% layout "base.liquid" %}{% block main %}<p>Lost.</p>{% endblock %}\n');
    await commitAll(repository, [{ ...who, date: '2026-03-03T09:00:00Z' }]);
    await commitAll(repository, [{ ...who, date: '2026-03-04T09:00:00Z', files: { 'shared/templates/404.liquid': '{% if %}\n', 'docs/notes.md': 'Not the zine.\n' } }]);
    const committed = await runCli(['check', '--root', zine, '--changed', 'HEAD~1']);
    expect(committed.code).toBe(1);
    expect(committed.stdout).toContain('shared/templates/404.liquid:1:6: error:');
    expect(committed.stdout).toContain('[template/syntax]');
    // Not committed yet: a new partial with a mistake, beside the theme's other files.
    await commitAll(repository, [{ ...who, date: '2026-03-05T09:00:00Z', files: { 'shared/templates/404.liquid': '{% layout "base.liquid" %}{% block main %}<p>Lost.</p>{% endblock %}\n' } }]);
    await writeFile(path.join(repository, 'shared/templates/aside.liquid'), '{{ x | upcasee }}\n');
    const untracked = await runCli(['check', '--root', zine, '--changed', 'HEAD']);
    expect(untracked.code).toBe(1);
    expect(untracked.stdout).toContain('shared/templates/aside.liquid:1:');
  });

  it('checks everything when a change touches a theme that a link in themes/ leads to', async () => {
    const zine = await monorepo();
    const repository = path.dirname(zine);
    await git(repository, ['checkout', '-q', 'main']);
    await mkdir(path.join(repository, 'shared/templates'), { recursive: true });
    await writeFile(path.join(repository, 'shared/templates/404.liquid'), '{% layout "layouts/base.liquid" %}{% block main %}<p>Lost.</p>{% endblock %}\n');
    await mkdir(path.join(zine, 'themes'));
    await symlink('../../shared', path.join(zine, 'themes/shared'));
    await writeFile(path.join(zine, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ntheme: shared\n');
    await commitAll(repository, [{ ...who, date: '2026-03-03T09:00:00Z' }]);
    await writeFile(path.join(repository, 'shared/templates/404.liquid'), '{% if %}\n');
    const run = await runCli(['check', '--root', zine, '--changed', 'HEAD']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[template/syntax]');
  });

  it('checks everything when a lock file of another package manager changed', async () => {
    const zine = await monorepo();
    await git(path.dirname(zine), ['checkout', '-q', 'main']);
    await writeFile(path.join(zine, 'content/pages/about.md'), '---\ntitle: About\n---\nSee [nothing](nothing.md).\n');
    await commitAll(path.dirname(zine), [{ ...who, date: '2026-03-03T09:00:00Z' }]);
    await commitAll(path.dirname(zine), [{ ...who, date: '2026-03-04T09:00:00Z', files: { 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" } }]);
    const run = await runCli(['check', '--root', zine, '--changed', 'HEAD~1']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/pages/about.md:4:5: error: the link "nothing.md" points to nothing');
  });

  it('names each file from the webzine\'s folder in JSON, as in text', async () => {
    const run = await runCli(['check', '--root', await monorepo(), '--format', 'json']);
    expect((JSON.parse(run.stdout) as { file: string }).file).toBe('content/issues/1/20-second.md');
  });
});

describe('mimeo check --changed in a shallow clone', () => {
  it('says the clone lacks the shared history and how to fetch it', async () => {
    const origin = await branchWithMistakes();
    const clone = await temporaryFolder();
    await git(origin, ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, clone]);
    await git(clone, ['fetch', '-q', '--depth', '1', 'origin', 'main:refs/remotes/origin/main']);
    const run = await runCli(['check', '--root', clone, '--changed', 'origin/main']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--changed origin/main: HEAD and origin/main have no commit in common in this clone, which is shallow; fetch the whole history');
  });

  it('says the clone is shallow and how to fetch the whole history when the revision is not in it (HEAD~1)', async () => {
    const origin = await branchWithMistakes();
    const clone = await temporaryFolder();
    await git(origin, ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, clone]);
    const run = await runCli(['check', '--root', clone, '--changed', 'HEAD~1']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      'mimeo: --changed needs a Git revision of this repository, like origin/main (git branch -r lists the branches to compare with), and this clone is shallow, so it may lack HEAD~1: fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout); git said: fatal: Needed a single revision',
    );
    // The whole repository has HEAD~1; one without a revision of that name is told only what git said.
    const whole = await runCli(['check', '--root', origin, '--changed', 'no-such-branch']);
    expect(whole.stderr.split('\n')[0]).toBe('mimeo: --changed needs a Git revision of this repository, like origin/main (git branch -r lists the branches to compare with); git said: fatal: Needed a single revision');
  });
});

describe('mimeo check --changed in a repository Git refuses', () => {
  it('says Git refuses it as another user\'s, and how to trust it', async () => {
    const root = await branchWithMistakes();
    process.env['GIT_TEST_ASSUME_DIFFERENT_OWNER'] = '1';
    try {
      const run = await runCli(['check', '--root', root, '--changed', 'main']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--changed main: Git refuses to work in this repository, which another user owns ("dubious ownership"); to trust it: git config --global --add safe.directory '${root}'`);
    } finally {
      delete process.env['GIT_TEST_ASSUME_DIFFERENT_OWNER'];
    }
  });
});

describe('mimeo check --changed finds what a whole check finds in and around the change', () => {
  async function committed(extra: Record<string, string | null> = {}): Promise<string> {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguages: [fr]\n');
    await commitAll(root, [{ ...who, date: '2026-03-01T09:00:00Z', files: extra }]);
    return root;
  }
  const changedSince = (root: string) => runCli(['check', '--root', root, '--changed', 'HEAD']);

  it('warns, at the setting, when a change to site.yml lets raw HTML run script or files configure the host', async () => {
    const root = await committed();
    await mkdir(path.join(root, 'content/static'), { recursive: true });
    await writeFile(path.join(root, 'content/static/CNAME'), 'zine.example\n');
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguages: [fr]\nhostFiles: [CNAME]\nmarkdown:\n  html: trust\n');
    const widened = await changedSince(root);
    expect(widened.stdout).toContain('content/site.yml:4:12: warning: this change lets CNAME of static/ configure the web host (hostFiles), which may redirect or take over the site [site-config/widened]');
    expect(widened.stdout).toContain('content/site.yml:6:9: warning: this change sets markdown.html to trust, so raw HTML in any file may then put script on the site [site-config/widened]');
    // Once committed, a later change that keeps them says nothing of them.
    await commitAll(root, [{ ...who, date: '2026-03-02T09:00:00Z' }]);
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine, again\nbaseUrl: https://zine.example/\nlanguages: [fr]\nhostFiles: [CNAME]\nmarkdown:\n  html: trust\n');
    expect((await changedSince(root)).stdout).not.toContain('[site-config/widened]');
  });

  it('reads site.yml where the change began as the build does, so its settings count with more than a hundred aliases', async () => {
    const aliases = `extra:\n  word: &w owl\n  words: [${Array<string>(150).fill('*w').join(', ')}]\n`;
    const site = (title: string) => `title: ${title}\nbaseUrl: https://zine.example/\nlanguages: [fr]\nmarkdown:\n  html: trust\n${aliases}`;
    const root = await committed({ 'content/site.yml': site('Test Zine') });
    await writeFile(path.join(root, 'content/site.yml'), site('Test Zine, again'));
    const run = await changedSince(root);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('counts a staged change', async () => {
    const root = await committed();
    await writeFile(path.join(root, 'content/issues/1/20-second.md'), '---\ntitle: Second\n---\n[x](nope.md)\n');
    await git(root, ['add', '-A']);
    expect((await changedSince(root)).stdout).toContain('content/issues/1/20-second.md:4:1: error: the link "nope.md" points to nothing');
  });

  it('reports a link to a file the change renamed', async () => {
    const root = await committed();
    await git(root, ['mv', 'content/issues/1/20-second.md', 'content/issues/1/20-later.md']);
    expect((await changedSince(root)).stdout).toContain('content/issues/1/10-first.md:9:18: error: the link "20-second.md#details" points to nothing');
  });

  it('reports a link written with %-escapes to a copied file the change renamed', async () => {
    const root = await committed({
      'content/static/files/annual report.pdf': 'pdf\n',
      'content/issues/1/30-third.md': '---\ntitle: Third\n---\n[Our report](../../static/files/annual%20report.pdf)\n',
    });
    await git(root, ['mv', 'content/static/files/annual report.pdf', 'content/static/files/report-2026.pdf']);
    const run = await changedSince(root);
    expect(run.stdout).toContain('content/issues/1/30-third.md:4:1: error: the link "../../static/files/annual%20report.pdf" points to nothing');
    expect(run.stdout).toBe((await runCli(['check', '--root', root])).stdout);
  });

  it('reports links written with %-escapes to issue files the change removed', async () => {
    const root = await committed({
      'content/issues/1/é.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
      'content/issues/1/a%b.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
      'content/issues/1/30-third.md': '---\ntitle: Third\n---\n![accent](%C3%A9.svg) ![percent](a%25b.svg)\n',
    });
    await git(root, ['rm', '-q', 'content/issues/1/é.svg', 'content/issues/1/a%b.svg']);
    const run = await changedSince(root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'content/issues/1/30-third.md:4:1: error: the file "%C3%A9.svg" does not exist [asset/missing]\n' +
        'content/issues/1/30-third.md:4:23: error: the file "a%25b.svg" does not exist [asset/missing]\n',
    );
    expect(run.stdout).toBe((await runCli(['check', '--root', root])).stdout);
  });

  it('reports a root-relative link to a heading the change removed', async () => {
    const root = await committed({ 'content/issues/1/30-third.md': '---\ntitle: Third\n---\nSee [history](/about/#history).\n' });
    await writeFile(path.join(root, 'content/pages/about.md'), '---\ntitle: About\n---\n## Origins\n');
    expect((await changedSince(root)).stdout).toContain('content/issues/1/30-third.md:4:5: error: the link "/about/#history" points to a heading "#history"');
  });

  it('does not report a root-relative link into a file outside the change', async () => {
    const root = await committed({ 'content/issues/1/30-third.md': '---\ntitle: Third\n---\nSee [history](/about/#history).\n' });
    await writeFile(path.join(root, 'content/issues/1/30-third.md'), '---\ntitle: Third\n---\nSee [history](/about/#history) again.\n');
    expect(await changedSince(root)).toMatchObject({ code: 0, stdout: '' });
  });

  it('reports a link to a translated heading when the translation changed', async () => {
    const root = await committed({
      'content/pages/about.fr.md': '---\ntitle: À propos\n---\n## Histoire\n',
      'content/issues/1/30-third.fr.md': '---\ntitle: Troisième\n---\n[histoire](../../pages/about.md#histoire)\n',
      'content/issues/1/30-third.md': '---\ntitle: Third\n---\nText.\n',
    });
    await writeFile(path.join(root, 'content/pages/about.fr.md'), '---\ntitle: À propos\n---\n## Origines\n');
    expect((await changedSince(root)).stdout).toContain('content/issues/1/30-third.fr.md:4:1: error: the link "../../pages/about.md#histoire" points to a heading "#histoire"');
  });

  it('reports a slug the change made twice, though the error stands at the other file', async () => {
    const root = await committed();
    await writeFile(path.join(root, 'content/issues/1/05-first.md'), '---\ntitle: Also first\n---\nText.\n');
    const run = await changedSince(root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[slug/duplicate]');
    expect(run.stdout).toBe((await runCli(['check', '--root', root])).stdout);
  });

  it('reports links to the articles of an issue the change made a draft', async () => {
    const root = await committed({ 'content/issues/2/issue.md': '---\ntitle: Second light\ndate: 2026-04-01\n---\nAs [the first article](../1/10-first.md) said.\n' });
    await writeFile(path.join(root, 'content/issues/1/issue.md'), '---\ntitle: First light\n---\nNot yet.\n');
    const run = await changedSince(root);
    expect(run.stdout).toContain('content/issues/2/issue.md:5:4: error: the link "../1/10-first.md" points to');
    expect(run.stdout).toBe((await runCli(['check', '--root', root])).stdout);
  });

  it("reports site.yml's menu entry to a page the change removed", async () => {
    const root = await committed({ 'content/site.yml': 'title: Test Zine\nbaseUrl: https://zine.example/\nmenu:\n  - title: Team\n    url: /team/\n', 'content/pages/team.md': '---\ntitle: Team\n---\nUs.\n' });
    await git(root, ['rm', '-q', 'content/pages/team.md']);
    const run = await changedSince(root);
    expect(run.stdout).toContain('content/site.yml:5:10: error: the link "/team/" points to nothing');
    expect(run.stdout).toBe((await runCli(['check', '--root', root])).stdout);
  });

  it('reports everything a whole check does when the change touches site.yml', async () => {
    const root = await committed();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nlanguages: [fr, de]\n');
    const run = await changedSince(root);
    expect(run.stdout).toContain('[theme/missing-strings]');
    expect(run.stdout).toBe((await runCli(['check', '--root', root])).stdout);
  });

  it('reports files the change would write where mimeo writes its own', async () => {
    const root = await committed();
    await mkdir(path.join(root, 'content/static'));
    await writeFile(path.join(root, 'content/static/sitemap.xml'), '<urlset/>\n');
    await writeFile(path.join(root, 'content/pages/fr.md'), '---\ntitle: Fr\n---\nText.\n');
    const run = await changedSince(root);
    expect(run.code).toBe(1);
    expect(run.stdout.match(/\[path\/conflict\]/g)?.length).toBeGreaterThanOrEqual(2);
    expect(run.stdout).toBe((await runCli(['check', '--root', root])).stdout);
  });
});
