import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, git } from '../support/git.js';
import { makeWebzine, removeTemporaryFolders, runCli } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const ada = { author: 'Ada Quill', email: 'ada@example.com' };

function issue(title: string, date: string): string {
  return `---\ntitle: ${title}\ndate: ${date}\n---\nWelcome.\n`;
}

/** The base webzine (issue 1, dated 2026-03-01) committed on 2026-01-10, then `files` committed on 2026-05-01. */
async function checkCommitted(files: Record<string, string>, options: { shallow?: boolean } = {}): Promise<string[]> {
  let root = await makeWebzine();
  await commitAll(root, [
    { ...ada, date: '2026-01-10T09:00:00Z' },
    { ...ada, date: '2026-05-01T09:00:00Z', files },
  ]);
  if (options.shallow) {
    const clone = await makeWebzine(undefined, { base: false });
    await git(clone, ['clone', '-q', '--depth', '1', `file://${root}`, 'zine']);
    root = `${clone}/zine`;
  }
  const run = await runCli(['check', '--root', root]);
  return run.stdout.split('\n').filter((line) => line.includes('[issue/date-far]'));
}

describe('issue/date-far', () => {
  it('warns at the date of an issue dated more than a year after the commit being built', async () => {
    expect(await checkCommitted({ 'content/issues/2/issue.md': issue('Second light', '2204-04-01') })).toEqual([
      'content/issues/2/issue.md:3:7: warning: issue 2 is dated 2204-04-01, more than a year after the commit being built (2026-05-01): it is published with that date all the same, and clients that go by date keep it above every issue to come [issue/date-far]',
    ]);
  });

  it('lets an issue dated up to a year after the commit being built be', async () => {
    expect(await checkCommitted({ 'content/issues/2/issue.md': issue('Second light', '2027-05-01') })).toEqual([]);
  });

  it('warns of an issue dated more than a year before content/ was first committed, and far from the issues next to it', async () => {
    expect(await checkCommitted({ 'content/issues/0/issue.md': issue('Zero', '1900-01-01'), 'content/issues/2/issue.md': issue('Second light', '1024-04-01'), 'content/issues/3/issue.md': issue('Third light', '2026-05-01') })).toEqual([
      'content/issues/0/issue.md:3:7: warning: issue 0 is dated 1900-01-01, more than a year before content/ was first committed (2026-01-10) and more than a year from issue 1 (2026-03-01) [issue/date-far]',
      'content/issues/2/issue.md:3:7: warning: issue 2 is dated 1024-04-01, more than a year before content/ was first committed (2026-01-10) and more than a year from issues 1 (2026-03-01) and 3 (2026-05-01) [issue/date-far]',
    ]);
  });

  it('lets an archive older than the repository keep its dates, each within a year of the next', async () => {
    const archive = { 'content/issues/2/issue.md': issue('Second light', '2015-01-01'), 'content/issues/3/issue.md': issue('Third light', '2015-06-01'), 'content/issues/4/issue.md': issue('Fourth light', '2015-12-01') };
    expect(await checkCommitted({ ...archive, 'content/issues/1/issue.md': issue('First light', '2014-07-01') })).toEqual([]);
  });

  it('compares a shallow clone with the commit it builds only, having no first commit', async () => {
    const files = { 'content/issues/0/issue.md': issue('Zero', '1900-01-01'), 'content/issues/2/issue.md': issue('Second light', '9999-12-31') };
    expect(await checkCommitted(files, { shallow: true })).toEqual([
      'content/issues/2/issue.md:3:7: warning: issue 2 is dated 9999-12-31, more than a year after the commit being built (2026-05-01): it is published with that date all the same, and clients that go by date keep it above every issue to come [issue/date-far]',
    ]);
  });
});
