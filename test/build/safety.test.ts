import { mkdir, readFile, realpath, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, listTree, makeWebzine, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

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
    expect(run.stdout).toContain('content/issues/1/30-secret.md:1:1: error: "content/issues/1/30-secret.md" leads outside the webzine\'s content folder [path/outside-root]');
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
