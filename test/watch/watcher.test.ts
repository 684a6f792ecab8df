import { mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startDevSession, type DevSession, type SessionEvent } from '../../src/watch/dev-session.js';
import { watchWebzine } from '../../src/watch/watcher.js';
import { commitAll, git } from '../support/git.js';
import { cleanBuild, differences } from '../support/trees.js';
import { makeWebzine, readTree, removeTemporaryFolders, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const baseUrl = 'http://127.0.0.1:4000/';
const article = 'content/issues/1/10-first.md';
const sessions: DevSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
});

/**
 * A webzine watched by a dev session in a temporary folder, once its first build is done; the
 * watcher misses the events of `missed`. `prepare` readies the webzine before the session starts.
 */
async function watchedZine(missed = new Set<string>(), prepare: (root: string) => Promise<unknown> = async () => {}) {
  const root = await makeWebzine();
  await prepare(root);
  const outDir = await temporaryFolder();
  const events: SessionEvent[] = [];
  let wake: (() => void) | undefined;
  const watch: typeof watchWebzine = (folder, onChange, onError) => watchWebzine(folder, (path) => missed.has(path) || onChange(path), onError);
  sessions.push(
    await startDevSession({ root, outDir, baseUrl, watch }, (event) => {
      events.push(event);
      wake?.();
    }),
  );
  /** Waits, rebuild after rebuild, until `check` holds; only a session event wakes it. */
  const until = async (check: () => Promise<boolean> | boolean) => {
    for (;;) {
      const seen = events.length;
      if (await check()) return;
      if (events.length === seen) await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  await until(() => events.some((event) => event.kind === 'rebuilt' && event.outcome.ok));
  /** Waits until the preview folder holds exactly what a clean build of the webzine as it is now makes. */
  const untilBuiltRight = async () => {
    const expected = await cleanBuild(root, baseUrl);
    // A file listed may be gone when it is read: the rebuild removing it wakes `until` again.
    await until(async () => {
      const tree = await readTree(outDir).catch(() => undefined);
      return tree !== undefined && differences(tree, expected).length === 0;
    });
    expect(events.filter((event) => event.kind !== 'rebuilt')).toEqual([]);
  };
  const file = (relative: string) => path.join(root, relative);
  return { root, outDir, file, events, until, untilBuiltRight, page: () => readFile(path.join(outDir, 'web/issues/1/first/index.html'), 'utf8') };
}

describe('watching a webzine', { timeout: 15_000 }, () => {
  it('rebuilds after a commit alone, which changes dates and contributors', async () => {
    const ada = { author: 'Ada Quill', email: 'ada@secret.example' };
    const zine = await watchedZine(new Set(), (root) => commitAll(root, [{ ...ada, date: '2026-03-01T09:00:00Z' }]));
    await writeFile(zine.file(article), `${await readFile(zine.file(article), 'utf8')}\nRevised.\n`);
    await zine.untilBuiltRight();
    await commitAll(zine.root, [{ author: 'Bo Reviser', email: 'bo@secret.example', date: '2026-03-09T09:00:00Z' }]);
    await zine.untilBuiltRight();
    expect(await readFile(path.join(zine.outDir, 'web/issues/1/index.html'), 'utf8')).toContain('Bo Reviser');
  });

  it('rebuilds after a save when content/ is itself a symbolic link', async () => {
    const zine = await watchedZine(new Set(), async (root) => {
      const real = path.join(await temporaryFolder(), 'content');
      await rename(path.join(root, 'content'), real);
      await symlink(real, path.join(root, 'content'));
    });
    await writeFile(zine.file(article), `${await readFile(zine.file(article), 'utf8')}\nThrough the link.\n`);
    await zine.untilBuiltRight();
    expect(await zine.page()).toContain('Through the link.');
  });

  it('rebuilds after the first commit of a repository that had none when it started', async () => {
    const zine = await watchedZine(new Set(), (root) => git(root, ['init', '-q', '-b', 'main']));
    await commitAll(zine.root, [{ author: 'Bo Reviser', email: 'bo@secret.example', date: '2026-03-09T09:00:00Z' }]);
    await zine.untilBuiltRight();
    expect(await readFile(path.join(zine.outDir, 'web/issues/1/index.html'), 'utf8')).toContain('Bo Reviser');
  });

  it('does not follow a symbolic link out of content/', async () => {
    const root = await makeWebzine();
    const outside = await temporaryFolder();
    await writeFile(path.join(outside, 'notes.txt'), 'Elsewhere.\n');
    await mkdir(path.join(root, 'content/static'), { recursive: true });
    await symlink(outside, path.join(root, 'content/static/linked'));
    const seen: string[] = [];
    let sentinel: (() => void) | undefined;
    const watcher = await watchWebzine(root, (file) => (seen.push(file), file === article && sentinel?.()), (error) => seen.push(error.message));
    try {
      await writeFile(path.join(outside, 'notes.txt'), 'Changed elsewhere.\n');
      const saved = new Promise<void>((resolve) => (sentinel = resolve));
      await writeFile(path.join(root, article), `${await readFile(path.join(root, article), 'utf8')}\nSaved.\n`);
      await saved;
      await new Promise((resolve) => setTimeout(resolve, 300));
      // The link itself may be named; nothing behind it.
      expect(seen.filter((file) => file.startsWith('content/static/linked/'))).toEqual([]);
    } finally {
      await watcher.close();
    }
  });

  it('rebuilds when a symbolic link out of content/ is added, which the build refuses, and again when it is removed', async () => {
    const zine = await watchedZine();
    const outside = path.join(await temporaryFolder(), 'outside.txt');
    await writeFile(outside, 'Elsewhere.\n');
    await mkdir(zine.file('content/static'), { recursive: true });
    await symlink(outside, zine.file('content/static/leak.txt'));
    const refused = (event: SessionEvent) => event.kind === 'rebuilt' && !event.outcome.ok && event.outcome.diagnostics.some((diagnostic) => diagnostic.ruleId === 'path/outside-root');
    await zine.until(() => zine.events.some(refused));
    await rm(zine.file('content/static/leak.txt'));
    await zine.until(() => zine.events.slice(zine.events.findIndex(refused)).some((event) => event.kind === 'rebuilt' && event.outcome.ok));
    await zine.untilBuiltRight();
    // However its events fall into rebuilds, the link is all they name.
    expect([...new Set(zine.events.flatMap((event) => (event.kind === 'rebuilt' ? event.outcome.changes : [])))]).toEqual(['content/static/leak.txt']);
  });

  it('rebuilds after a save in place', async () => {
    const zine = await watchedZine();
    await writeFile(zine.file(article), `${await readFile(zine.file(article), 'utf8')}\nSaved in place.\n`);
    await zine.untilBuiltRight();
    expect(await zine.page()).toContain('Saved in place.');
  });

  it('rebuilds after a write to a temporary file renamed over the article', async () => {
    const zine = await watchedZine();
    const temporary = zine.file('content/issues/1/.goutputstream-QX81');
    await writeFile(temporary, `${await readFile(zine.file(article), 'utf8')}\nRenamed over.\n`);
    await rename(temporary, zine.file(article));
    await zine.untilBuiltRight();
    expect(await zine.page()).toContain('Renamed over.');
  });

  it('does not name the temporary file sed -i writes beside the article before renaming it over it', async () => {
    const root = await makeWebzine();
    const seen: string[] = [];
    const sentinels = new Map<string, () => void>();
    const watcher = await watchWebzine(root, (file) => (seen.push(file), sentinels.get(file)?.()), (error) => seen.push(error.message));
    /** Saves `file` and waits for its event: the events of what changed before it have come too. */
    const save = async (file: string) => {
      const saved = new Promise<void>((resolve) => sentinels.set(file, resolve));
      await writeFile(path.join(root, file), `${await readFile(path.join(root, file), 'utf8')}\nSaved.\n`);
      await saved;
    };
    try {
      // As GNU sed does, with a name made like mkstemp's; kept a while, so the watcher sees it.
      const temporary = path.join(root, 'content/issues/1/sedo5MHMQ');
      await writeFile(temporary, `${await readFile(path.join(root, article), 'utf8')}\nEdited by sed.\n`);
      await save('content/pages/about.md');
      await rename(temporary, path.join(root, article));
      await save('content/issues/1/issue.md');
      expect([...new Set(seen)].sort()).toEqual([article, 'content/issues/1/issue.md', 'content/pages/about.md']);
    } finally {
      await watcher.close();
    }
  });

  it('rebuilds after the article is deleted, then created again', async () => {
    const zine = await watchedZine();
    const text = await readFile(zine.file(article), 'utf8');
    await rm(zine.file(article));
    await writeFile(zine.file(article), `${text}\nCreated again.\n`);
    await zine.untilBuiltRight();
    expect(await zine.page()).toContain('Created again.');
  });

  it('rebuilds after a burst of 50 new articles, and has a page for each', async () => {
    const zine = await watchedZine();
    for (let index = 0; index < 50; index++) {
      await writeFile(zine.file(`content/issues/1/${100 + index}-burst-${index}.md`), `---\ntitle: "Burst ${index}"\n---\nNumber ${index}.\n`);
    }
    await zine.untilBuiltRight();
    const pages = [...(await readTree(zine.outDir)).keys()].filter((file) => /^web\/issues\/1\/burst-\d+\/index\.html$/.test(file));
    expect(pages.length).toBe(50);
  });

  it('finds a change whose event the watcher missed once saves pause, even after a rebuild that took its word', async () => {
    const second = 'content/issues/1/20-second.md';
    const zine = await watchedZine(new Set([second]));
    await writeFile(zine.file(second), `${await readFile(zine.file(second), 'utf8')}\nChanged unseen.\n`);
    // A body edit the watcher does report: rebuilt from the last model, without looking at the second article.
    await writeFile(zine.file(article), `${await readFile(zine.file(article), 'utf8')}\nSaved in place.\n`);
    await zine.untilBuiltRight();
    expect(await readFile(path.join(zine.outDir, 'web/issues/1/second/index.html'), 'utf8')).toContain('Changed unseen.');
  });

  it('removes the page of a deleted article', async () => {
    const zine = await watchedZine();
    await rm(zine.file('content/issues/1/20-second.md'));
    await writeFile(zine.file(article), (await readFile(zine.file(article), 'utf8')).replace('(20-second.md#details)', '(../../pages/about.md)'));
    await zine.untilBuiltRight();
    expect([...(await readTree(zine.outDir)).keys()].filter((file) => file.includes('second'))).toEqual([]);
  });
});
