import { chmod, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { committedHistoryOf, isChangedSinceCommit, parseStatus, readCommittedTexts, readGitHistory } from '../../src/load/git-history.js';
import { parseLog } from '../../src/load/git-log.js';
import { commitAll, git } from '../support/git.js';
import { makeWebzine, removeTemporaryFolders, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const ada = { author: 'Ada Quill', email: 'ada@secret.example' };
const bo = { author: 'Bo Rivet', email: 'bo@secret.example' };

/**
 * One record as `git log --raw --no-abbrev -z` writes it: the blobs before and after, each a
 * digit repeated (`0`: no file), the status letters, then the path, or the old and new ones.
 */
function raw(status: string, paths: string[], before: string, after: string): string {
  const mode = (blob: string) => (blob === '0' ? '000000' : '100644');
  return `\n:${mode(before)} ${mode(after)} ${before.repeat(40)} ${after.repeat(40)} ${status}\0${paths.join('\0')}\0`;
}

describe('parseLog', () => {
  it('gives each file its first and last dates and its authors, newest first', () => {
    const log = `\x012026-03-02T10:00:00+01:00\x02Bo\0${raw('M', ['content/a.md'], '1', '2')}\x012026-03-01T00:00:00Z\x02Ada\0${raw('A', ['content/a.md'], '0', '1')}`;
    expect(parseLog(log).get('content/a.md')).toEqual({ created: '2026-03-01T00:00:00.000Z', modified: '2026-03-02T09:00:00.000Z', authors: ['Bo', 'Ada'], age: 0 });
  });

  it('follows a rename back to the commits made under the old name', () => {
    const log = `\x012026-03-02T00:00:00Z\x02Bo\0${raw('R090', ['content/old.md', 'content/new.md'], '1', '2')}\x012026-03-01T00:00:00Z\x02Ada\0${raw('A', ['content/old.md'], '0', '1')}`;
    expect([...parseLog(log)]).toEqual([['content/new.md', { created: '2026-03-01T00:00:00.000Z', modified: '2026-03-02T00:00:00.000Z', authors: ['Bo', 'Ada'], age: 0 }]]);
  });

  it('marks a file whose last change is its deletion, and not one added again since, whose history starts there', () => {
    const log = `\x012026-03-03T00:00:00Z\x02Cy\0${raw('A', ['content/b.md'], '0', '3')}\x012026-03-02T00:00:00Z\x02Bo\0${raw('D', ['content/a.md'], '1', '0')}${raw('D', ['content/b.md'], '2', '0')}\x012026-03-01T00:00:00Z\x02Ada\0${raw('A', ['content/a.md'], '0', '1')}${raw('A', ['content/b.md'], '0', '2')}`;
    const files = parseLog(log);
    expect(files.get('content/a.md')).toEqual({ created: '2026-03-01T00:00:00.000Z', modified: '2026-03-02T00:00:00.000Z', authors: ['Bo', 'Ada'], age: 1, deleted: true });
    expect(files.get('content/b.md')).toEqual({ created: '2026-03-03T00:00:00.000Z', modified: '2026-03-03T00:00:00.000Z', authors: ['Cy'], age: 0 });
  });

  it('gives a file moved onto the path of one deleted earlier its own history, moved or changed as it moved', () => {
    const log = (rename: string) => `\x012026-03-04T00:00:00Z\x02Dee\0${raw(rename, ['content/other.md', 'content/extra.md'], '4', rename === 'R100' ? '4' : '5')}\x012026-03-03T00:00:00Z\x02Cy\0${raw('A', ['content/other.md'], '0', '4')}\x012026-03-02T00:00:00Z\x02Bo\0${raw('D', ['content/extra.md'], '1', '0')}\x012026-03-01T00:00:00Z\x02Ada\0${raw('A', ['content/extra.md'], '0', '1')}`;
    expect([...parseLog(log('R100'))]).toEqual([['content/extra.md', { created: '2026-03-03T00:00:00.000Z', modified: '2026-03-03T00:00:00.000Z', authors: ['Cy'], age: 1 }]]);
    expect([...parseLog(log('R090'))]).toEqual([['content/extra.md', { created: '2026-03-03T00:00:00.000Z', modified: '2026-03-04T00:00:00.000Z', authors: ['Dee', 'Cy'], age: 0 }]]);
  });

  it('follows a rename back to the commits made under the old name since a file there was deleted, and no further', () => {
    const log = `\x012026-03-04T00:00:00Z\x02Dee\0${raw('R100', ['content/old.md', 'content/new.md'], '2', '2')}\x012026-03-03T00:00:00Z\x02Cy\0${raw('A', ['content/old.md'], '0', '2')}\x012026-03-02T00:00:00Z\x02Bo\0${raw('D', ['content/old.md'], '1', '0')}\x012026-03-01T00:00:00Z\x02Ada\0${raw('R100', ['content/older.md', 'content/old.md'], '1', '1')}\x012026-02-01T00:00:00Z\x02Eve\0${raw('A', ['content/older.md'], '0', '1')}`;
    expect([...parseLog(log)]).toEqual([['content/new.md', { created: '2026-03-03T00:00:00.000Z', modified: '2026-03-03T00:00:00.000Z', authors: ['Cy'], age: 1 }]]);
  });

  it('marks the path a file left for another folder as a deletion there at the move, with no authors and the path it went to, and its arrival in the other, but not a move within its folder', () => {
    const log = `\x012026-03-03T00:00:00Z\x02Cy\0${raw('R100', ['content/1/b.md', 'content/2/b.md'], '1', '1')}\x012026-03-02T00:00:00Z\x02Bo\0${raw('R100', ['content/1/a.md', 'content/1/b.md'], '1', '1')}\x012026-03-01T00:00:00Z\x02Ada\0${raw('A', ['content/1/a.md'], '0', '1')}`;
    expect([...parseLog(log)]).toEqual([
      ['content/1/b.md', { created: '2026-03-03T00:00:00.000Z', modified: '2026-03-03T00:00:00.000Z', authors: [], age: 0, deleted: true, movedTo: 'content/2/b.md' }],
      ['content/2/b.md', { created: '2026-03-01T00:00:00.000Z', modified: '2026-03-01T00:00:00.000Z', authors: ['Ada'], age: 2, arrived: '2026-03-03T00:00:00.000Z' }],
    ]);
  });

  it('gives the path a file left for another folder no path it went to once it was deleted there since', () => {
    const log = `\x012026-03-03T00:00:00Z\x02Cy\0${raw('D', ['content/2/a.md'], '1', '0')}\x012026-03-02T00:00:00Z\x02Bo\0${raw('R100', ['content/1/a.md', 'content/2/a.md'], '1', '1')}\x012026-03-01T00:00:00Z\x02Ada\0${raw('A', ['content/1/a.md'], '0', '1')}`;
    expect(parseLog(log).get('content/1/a.md')).toEqual({ created: '2026-03-02T00:00:00.000Z', modified: '2026-03-02T00:00:00.000Z', authors: [], age: 1, deleted: true });
  });

  it('marks no deletion at the path a file left when it was moved back there since, and dates its arrival by the move back', () => {
    const log = `\x012026-03-03T00:00:00Z\x02Cy\0${raw('R100', ['content/2/a.md', 'content/1/a.md'], '1', '1')}\x012026-03-02T00:00:00Z\x02Bo\0${raw('R100', ['content/1/a.md', 'content/2/a.md'], '1', '1')}\x012026-03-01T00:00:00Z\x02Ada\0${raw('A', ['content/1/a.md'], '0', '1')}`;
    expect([...parseLog(log)]).toEqual([
      ['content/2/a.md', { created: '2026-03-03T00:00:00.000Z', modified: '2026-03-03T00:00:00.000Z', authors: [], age: 0, deleted: true, movedTo: 'content/1/a.md' }],
      ['content/1/a.md', { created: '2026-03-01T00:00:00.000Z', modified: '2026-03-01T00:00:00.000Z', authors: ['Ada'], age: 2, arrived: '2026-03-03T00:00:00.000Z' }],
    ]);
  });

  it('dates the arrival of a file a branch moved to another folder at the merge that landed it', () => {
    const log = `\x012026-03-04T00:00:00Z\x02Cy\x02m1 b1\x02m2\0${raw('R100', ['content/1/a.md', 'content/2/a.md'], '1', '1')}\x012026-03-02T00:00:00Z\x02Bo\x02m1\x02b1\0${raw('R100', ['content/1/a.md', 'content/2/a.md'], '1', '1')}\x012026-03-01T00:00:00Z\x02Ada\x02\x02m1\0${raw('A', ['content/1/a.md'], '0', '1')}`;
    expect(parseLog(log, new Set(['m2', 'm1'])).get('content/2/a.md')).toEqual({ created: '2026-03-01T00:00:00.000Z', modified: '2026-03-01T00:00:00.000Z', authors: ['Ada'], age: 2, commit: 'm1', arrived: '2026-03-04T00:00:00.000Z' });
  });

  it('neither ends a history nor marks a file deleted at a deletion made on a branch whose merge kept the file', () => {
    const log = `\x012026-03-04T00:00:00Z\x02Cy\x02m1 b1\x02m2\0${raw('M', ['content/other.md'], '2', '3')}\x012026-03-03T00:00:00Z\x02Bo\x02m0\x02b1\0${raw('D', ['content/a.md'], '1', '0')}${raw('M', ['content/other.md'], '2', '3')}\x012026-03-01T00:00:00Z\x02Ada\x02\x02m0\0${raw('A', ['content/a.md'], '0', '1')}${raw('A', ['content/other.md'], '0', '2')}`;
    expect(parseLog(log, new Set(['m2', 'm1', 'm0'])).get('content/a.md')).toEqual({ created: '2026-03-01T00:00:00.000Z', modified: '2026-03-01T00:00:00.000Z', authors: ['Ada'], age: 2, commit: 'm0' });
  });

  it('ends a history at a deletion made on a branch that made a file anew there, which its merge shows as a change', () => {
    const log = `\x012026-03-04T00:00:00Z\x02Cy\x02m1 b2\x02m2\0${raw('M', ['content/a.md'], '1', '3')}\x012026-03-03T00:00:00Z\x02Bo\x02b1\x02b2\0${raw('A', ['content/a.md'], '0', '3')}\x012026-03-02T00:00:00Z\x02Dee\x02m1\x02b1\0${raw('D', ['content/a.md'], '1', '0')}\x012026-03-01T00:00:00Z\x02Ada\x02\x02m1\0${raw('A', ['content/a.md'], '0', '1')}`;
    expect(parseLog(log, new Set(['m2', 'm1'])).get('content/a.md')).toEqual({ created: '2026-03-03T00:00:00.000Z', modified: '2026-03-04T00:00:00.000Z', authors: ['Bo'], age: 0, commit: 'm2' });
  });
});

describe('parseLog of a file deleted and committed back', () => {
  it('goes on past a deletion that the next record at its path undid, adding back the blob it removed, which is no change', () => {
    const log = `\x012026-03-03T00:00:00Z\x02Cy\0${raw('A', ['content/a.md'], '0', '1')}\x012026-03-02T00:00:00Z\x02Bo\0${raw('D', ['content/a.md'], '1', '0')}\x012026-03-01T00:00:00Z\x02Ada\0${raw('A', ['content/a.md'], '0', '1')}`;
    expect([...parseLog(log)]).toEqual([['content/a.md', { created: '2026-03-01T00:00:00.000Z', modified: '2026-03-03T00:00:00.000Z', authors: ['Cy', 'Ada'], age: 0 }]]);
  });

  it('carries the whole history to the name the file was moved to since', () => {
    const log = `\x012026-03-04T00:00:00Z\x02Dee\0${raw('R100', ['content/a.md', 'content/b.md'], '1', '1')}\x012026-03-03T00:00:00Z\x02Cy\0${raw('A', ['content/a.md'], '0', '1')}\x012026-03-02T00:00:00Z\x02Bo\0${raw('D', ['content/a.md'], '1', '0')}\x012026-03-01T00:00:00Z\x02Ada\0${raw('A', ['content/a.md'], '0', '1')}`;
    expect([...parseLog(log)]).toEqual([['content/b.md', { created: '2026-03-01T00:00:00.000Z', modified: '2026-03-03T00:00:00.000Z', authors: ['Cy', 'Ada'], age: 1 }]]);
  });

  it('ends the history at a deletion followed there by a file moved in, even one holding the same blob', () => {
    const log = `\x012026-03-04T00:00:00Z\x02Dee\0${raw('R100', ['content/other.md', 'content/a.md'], '1', '1')}\x012026-03-03T00:00:00Z\x02Cy\0${raw('A', ['content/other.md'], '0', '1')}\x012026-03-02T00:00:00Z\x02Bo\0${raw('D', ['content/a.md'], '1', '0')}\x012026-03-01T00:00:00Z\x02Ada\0${raw('A', ['content/a.md'], '0', '1')}`;
    expect([...parseLog(log)]).toEqual([['content/a.md', { created: '2026-03-03T00:00:00.000Z', modified: '2026-03-03T00:00:00.000Z', authors: ['Cy'], age: 1 }]]);
  });

  it('goes on past a deletion a merged branch made, which the merge shows, when the main line reverted it', () => {
    const log = `\x012026-03-05T00:00:00Z\x02Cy\x02m2\x02m3\0${raw('A', ['content/a.md'], '0', '1')}\x012026-03-04T00:00:00Z\x02Dee\x02m1 b1\x02m2\0${raw('D', ['content/a.md'], '1', '0')}\x012026-03-02T00:00:00Z\x02Bo\x02m1\x02b1\0${raw('D', ['content/a.md'], '1', '0')}\x012026-03-01T00:00:00Z\x02Ada\x02\x02m1\0${raw('A', ['content/a.md'], '0', '1')}`;
    expect(parseLog(log, new Set(['m3', 'm2', 'm1'])).get('content/a.md')).toEqual({ created: '2026-03-01T00:00:00.000Z', modified: '2026-03-05T00:00:00.000Z', authors: ['Cy', 'Ada'], age: 0, commit: 'm3' });
  });

  it('goes on past a deletion a branch reverted before its merge', () => {
    const log = `\x012026-03-05T00:00:00Z\x02Dee\x02m1 b2\x02m2\0${raw('M', ['content/other.md'], '2', '3')}\x012026-03-03T00:00:00Z\x02Cy\x02b1\x02b2\0${raw('A', ['content/a.md'], '0', '1')}\x012026-03-02T00:00:00Z\x02Bo\x02m1\x02b1\0${raw('D', ['content/a.md'], '1', '0')}${raw('M', ['content/other.md'], '2', '3')}\x012026-03-01T00:00:00Z\x02Ada\x02\x02m1\0${raw('A', ['content/a.md'], '0', '1')}${raw('A', ['content/other.md'], '0', '2')}`;
    expect(parseLog(log, new Set(['m2', 'm1'])).get('content/a.md')).toMatchObject({ created: '2026-03-01T00:00:00.000Z', authors: ['Cy', 'Ada'] });
  });
});

describe('parseLog of symbolic links', () => {
  /** A record as {@link raw} writes one, with the modes it is given (`120000`: a symbolic link). */
  const moded = (modes: string, status: string, paths: string[], before: string, after: string) => raw(status, paths, before, after).replace(/:\d+ \d+ /, `:${modes} `);

  it('gives a file whose last record made it a symbolic link the blob of its text, carried to the name it was moved to', () => {
    const log = `\x012026-03-02T00:00:00Z\x02Bo\0${moded('120000 120000', 'R100', ['content/1/same.png', 'content/2/same.png'], '1', '1')}\x012026-03-01T00:00:00Z\x02Ada\0${moded('000000 120000', 'A', ['content/1/same.png'], '0', '1')}`;
    expect(parseLog(log).get('content/2/same.png')).toEqual({ created: '2026-03-01T00:00:00.000Z', modified: '2026-03-01T00:00:00.000Z', authors: ['Ada'], age: 1, arrived: '2026-03-02T00:00:00.000Z', linkBlob: '1'.repeat(40) });
  });

  it('gives none to a link made a plain file since', () => {
    const log = `\x012026-03-02T00:00:00Z\x02Bo\0${moded('120000 100644', 'T', ['content/same.png'], '1', '2')}\x012026-03-01T00:00:00Z\x02Ada\0${moded('000000 120000', 'A', ['content/same.png'], '0', '1')}`;
    expect(parseLog(log).get('content/same.png')).toEqual({ created: '2026-03-01T00:00:00.000Z', modified: '2026-03-02T00:00:00.000Z', authors: ['Bo', 'Ada'], age: 0 });
  });

  it('gives none to a plain file that a branch made a link, when the merge kept the main line\'s file', () => {
    const log = `\x012026-03-04T00:00:00Z\x02Cy\x02m1 b1\x02m2\0\x012026-03-03T00:00:00Z\x02Bo\x02m1\x02b1\0${moded('100644 120000', 'T', ['content/same.png'], '1', '2')}\x012026-03-01T00:00:00Z\x02Ada\x02\x02m1\0${moded('000000 100644', 'A', ['content/same.png'], '0', '1')}`;
    const file = parseLog(log, new Set(['m2', 'm1'])).get('content/same.png');
    expect(file?.created).toBe('2026-03-01T00:00:00.000Z');
    expect(file).not.toHaveProperty('linkBlob');
  });
});

describe('a commit that tells nothing trustworthy', () => {
  it('is skipped alone: a date no clock shows, an author whose name holds control characters', async () => {
    const log = `\x013170843-11-16T09:46:39+00:00\x02Eve\0${raw('M', ['content/a.md'], '1', '2')}\x012026-03-01T00:00:00Z\x02Ada\0${raw('A', ['content/a.md'], '0', '1')}`;
    expect(parseLog(log).get('content/a.md')).toEqual({ created: '2026-03-01T00:00:00.000Z', modified: '2026-03-01T00:00:00.000Z', authors: ['Ada'], age: 1 });
    const root = await temporaryFolder();
    await commitAll(root, [
      { ...ada, date: '2026-03-01T09:00:00Z', files: { 'content/issues/1/10-a.md': 'one\n' } },
      { author: 'Eve\x01bogus\x02x', email: 'eve@example.org', date: '2026-03-02T09:00:00Z', files: { 'content/issues/1/10-a.md': 'two\n' } },
      { ...bo, date: '2026-03-03T09:00:00Z', files: { 'content/issues/1/20-b.md': 'three\n' } },
    ]);
    const history = await readGitHistory(root);
    expect(history.missing).toBeUndefined();
    expect(history.files.get('content/issues/1/20-b.md')?.authors).toEqual(['Bo Rivet']);
    expect(history.files.get('content/issues/1/10-a.md')?.authors).toEqual(['Ada Quill']);
  });
});

describe("an author's name", () => {
  it('loses the characters no page may hold: noncharacters, control characters, line breaks', () => {
    const log = `\x012026-03-01T00:00:00Z\x02Ada\uFFFE Qu\u0007ill\tthe\nfirst\0${raw('A', ['content/a.md'], '0', '1')}`;
    expect(parseLog(log).get('content/a.md')?.authors).toEqual(['Ada Quillthefirst']);
  });
});

describe('parseStatus', () => {
  it('reads modified, untracked and renamed paths relative to the webzine with their letters, but not deleted ones', () => {
    expect([...parseStatus(' M zine/content/a.md\0?? zine/content/b.md\0R  zine/content/c.md\0zine/content/old.md\0 D zine/content/d.md\0D  zine/content/e.md\0', 'zine/')]).toEqual([
      ['content/a.md', ' M'],
      ['content/b.md', '??'],
      ['content/c.md', 'R '],
    ]);
  });

  it('reads a file taken out of the index (git rm --cached) as untracked, not as deleted', () => {
    expect([...parseStatus('D  content/a.md\0?? content/a.md\0', '')]).toEqual([['content/a.md', '??']]);
  });

  it('keeps the files of a conflict in which one side deleted them, which are in the tree, and skips those missing from it', () => {
    expect([...parseStatus('DU content/a.md\0UD content/b.md\0AU content/c.md\0UA content/d.md\0DD content/e.md\0MD content/f.md\0', '')]).toEqual([
      ['content/a.md', 'DU'],
      ['content/b.md', 'UD'],
      ['content/c.md', 'AU'],
      ['content/d.md', 'UA'],
    ]);
  });
});

describe('parseStatus of a file added with intent (git add -N)', () => {
  it('skips the source path of a rename or copy Git sees in the work tree, not in the index', () => {
    expect([...parseStatus(' R content/b.md\0content/a.md\0 C content/d.md\0content/c.md\0 A content/e.md\0', '')]).toEqual([
      ['content/b.md', ' R'],
      ['content/d.md', ' C'],
      ['content/e.md', ' A'],
    ]);
  });

  it('reads a file moved and added with intent as moved, and its old path not at all', async () => {
    const root = await temporaryFolder();
    await commitAll(root, [{ ...ada, date: '2026-03-01T09:00:00Z', files: { 'content/a.md': 'one\n' } }]);
    await rename(path.join(root, 'content/a.md'), path.join(root, 'content/b.md'));
    await git(root, ['add', '-N', 'content/b.md']);
    expect([...(await readGitHistory(root)).uncommitted]).toEqual([['content/b.md', ' R']]);
  });
});

describe('committedHistoryOf', () => {
  const last = { created: '2026-03-01T00:00:00.000Z', modified: '2026-03-02T00:00:00.000Z', authors: ['Ada'], age: 0 };
  const history = (letters: string | undefined, deleted = false) => ({
    files: new Map([['content/a.md', { ...last, ...(deleted ? { deleted: true as const } : {}) }]]),
    uncommitted: new Map(letters === undefined ? [] : [['content/a.md', letters]]),
  });

  it('gives a file committed as it is, or changed since, its last commit', () => {
    expect(committedHistoryOf(history(undefined), 'content/a.md')).toEqual(last);
    expect(committedHistoryOf(history(' M'), 'content/a.md')).toEqual(last);
  });

  it('gives nothing to a file the commit holds no version of, nor to one made where the last change was a deletion', () => {
    expect(committedHistoryOf(history('??'), 'content/a.md')).toBeUndefined();
    expect(committedHistoryOf(history('A '), 'content/a.md')).toBeUndefined();
    expect(committedHistoryOf(history(' M', true), 'content/a.md')).toBeUndefined();
  });

  it('gives nothing to a file made where the last change was a deletion that git status does not list (ignored)', () => {
    expect(committedHistoryOf(history(undefined, true), 'content/a.md')).toBeUndefined();
  });

  it('gives nothing to a file in a conflict whose other side changed it where ours deleted it (DU)', async () => {
    const root = await temporaryFolder();
    await commitAll(root, [{ ...ada, date: '2026-03-01T09:00:00Z', files: { 'content/a.md': 'one\n' } }]);
    await git(root, ['checkout', '-qb', 'other']);
    await commitAll(root, [{ ...bo, date: '2026-03-02T09:00:00Z', files: { 'content/a.md': 'two\n' } }]);
    await git(root, ['checkout', '-q', 'main']);
    await commitAll(root, [{ ...ada, date: '2026-03-03T09:00:00Z', files: { 'content/a.md': null } }]);
    // The merge stops at the conflict, and so fails.
    await git(root, ['merge', '-q', 'other'], { GIT_COMMITTER_NAME: 'Ada Quill', GIT_COMMITTER_EMAIL: ada.email }).catch(() => undefined);
    const found = await readGitHistory(root);
    expect([...found.uncommitted]).toEqual([['content/a.md', 'DU']]);
    expect(committedHistoryOf(found, 'content/a.md')).toBeUndefined();
  });
});

describe('isChangedSinceCommit', () => {
  const cases: Array<[letters: string, changed: boolean]> = [
    [' M', true], ['M ', true], ['MM', true], [' T', true], ['T ', true],
    ['??', false], ['A ', false], ['AM', false], ['R ', false], ['RM', false], ['C ', false], [' A', false], [' R', false], [' C', false],
    ['UU', true], ['AA', true], ['AU', true], ['UD', true], ['UA', false], ['DU', false],
  ];
  it.each(cases)('tells whether the commit holds a version of a file given %j: %s', (letters, changed) => {
    expect(isChangedSinceCommit(letters)).toBe(changed);
  });
});

describe('what the log says of a change', () => {
  const at = (date: string, name: string, email: string) => ({ GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, GIT_COMMITTER_DATE: date });

  it('dates a change when it landed: a rebased commit at its committing, a merged branch at its merge, whose maintainer wrote nothing', async () => {
    const root = await temporaryFolder();
    await commitAll(root, [{ ...ada, date: '2026-03-01T09:00:00Z', files: { 'content/a.md': 'one\n', 'content/b.md': 'one\n' } }]);
    // Written on 5 March, applied (rebased) on 20 March.
    await writeFile(path.join(root, 'content/a.md'), 'two\n');
    await git(root, ['commit', '-qam', 'rebased', '--no-verify'], { ...at('2026-03-20T09:00:00Z', 'Ada Quill', ada.email), GIT_AUTHOR_DATE: '2026-03-05T09:00:00Z' });
    // Bo's branch, merged by Cy on 25 March.
    await git(root, ['checkout', '-qb', 'pull-request']);
    await writeFile(path.join(root, 'content/b.md'), 'two\n');
    await git(root, ['commit', '-qam', 'on a branch'], at('2026-03-10T09:00:00Z', 'Bo Rivet', bo.email));
    await git(root, ['checkout', '-q', 'main']);
    await git(root, ['merge', '-q', '--no-ff', '-m', 'merge', 'pull-request'], at('2026-03-25T09:00:00Z', 'Cy Merger', 'cy@secret.example'));
    const history = await readGitHistory(root);
    expect(history.files.get('content/a.md')).toMatchObject({ modified: '2026-03-20T09:00:00.000Z', authors: ['Ada Quill'] });
    expect(history.files.get('content/b.md')).toMatchObject({ created: '2026-03-01T09:00:00.000Z', modified: '2026-03-25T09:00:00.000Z', authors: ['Bo Rivet', 'Ada Quill'], age: 0 });
  });

  it('lands nothing at a merge made on a branch, bringing it up to date with the main one', async () => {
    const root = await temporaryFolder();
    await commitAll(root, [{ ...ada, date: '2026-03-01T09:00:00Z', files: { 'content/x.md': 'one\n', 'content/y.md': 'one\n' } }]);
    await git(root, ['checkout', '-qb', 'pull-request']);
    await writeFile(path.join(root, 'content/y.md'), 'two\n');
    await git(root, ['commit', '-qam', 'on the branch'], at('2026-03-03T09:00:00Z', 'Bo Rivet', bo.email));
    await git(root, ['checkout', '-q', 'main']);
    await writeFile(path.join(root, 'content/x.md'), 'two\n');
    await git(root, ['commit', '-qam', 'on main'], at('2026-03-05T09:00:00Z', 'Ada Quill', ada.email));
    // "Update branch": main merged into the pull request, then the pull request into main.
    await git(root, ['checkout', '-q', 'pull-request']);
    await git(root, ['merge', '-q', '--no-ff', '-m', 'update', 'main'], at('2026-03-07T09:00:00Z', 'Bo Rivet', bo.email));
    await git(root, ['checkout', '-q', 'main']);
    await git(root, ['merge', '-q', '--no-ff', '-m', 'merge', 'pull-request'], at('2026-03-09T09:00:00Z', 'Cy Merger', 'cy@secret.example'));
    const history = await readGitHistory(root);
    expect(history.files.get('content/x.md')).toMatchObject({ modified: '2026-03-05T09:00:00.000Z', authors: ['Ada Quill'] });
    expect(history.files.get('content/y.md')).toMatchObject({ modified: '2026-03-09T09:00:00.000Z', authors: ['Bo Rivet', 'Ada Quill'] });
  });

  it('counts no commit that changed only a file\'s mode, by its date nor by its author, on the main line or through a merge', async () => {
    const root = await temporaryFolder();
    await commitAll(root, [{ ...ada, date: '2026-03-01T09:00:00Z', files: { 'content/a.md': 'one\n', 'content/b.md': 'one\n' } }]);
    await chmod(path.join(root, 'content/a.md'), 0o755);
    await git(root, ['commit', '-qam', 'mode only'], at('2026-03-05T09:00:00Z', 'Cy Chmod', 'cy@secret.example'));
    await git(root, ['checkout', '-qb', 'pull-request']);
    await chmod(path.join(root, 'content/b.md'), 0o755);
    await git(root, ['commit', '-qam', 'mode only, on a branch'], at('2026-03-07T09:00:00Z', 'Bo Rivet', bo.email));
    await git(root, ['checkout', '-q', 'main']);
    await git(root, ['merge', '-q', '--no-ff', '-m', 'merge', 'pull-request'], at('2026-03-09T09:00:00Z', 'Cy Merger', 'cy@secret.example'));
    const history = await readGitHistory(root);
    const first = (await git(root, ['rev-list', '--max-parents=0', 'HEAD'])).trim();
    expect(history.files.get('content/a.md')).toEqual({ created: '2026-03-01T09:00:00.000Z', modified: '2026-03-01T09:00:00.000Z', authors: ['Ada Quill'], age: 3, commit: first });
    expect(history.files.get('content/b.md')).toEqual({ created: '2026-03-01T09:00:00.000Z', modified: '2026-03-01T09:00:00.000Z', authors: ['Ada Quill'], age: 3, commit: first });
  });

  it('names people as the repository\'s .mailmap does, never by an e-mail address, whatever the Git configuration', async () => {
    const root = await temporaryFolder();
    await commitAll(root, [
      { author: 'Ada Q', email: 'ada@old.example', date: '2026-03-01T09:00:00Z', files: { 'content/a.md': 'one\n' } },
      { author: 'Zoë Ünicode', email: 'zoe@secret.example', date: '2026-03-02T09:00:00Z', files: { 'content/a.md': 'two\n' } },
      { author: 'bob@corp.example', email: 'bob@corp.example', date: '2026-03-03T09:00:00Z', files: { 'content/a.md': 'three\n' } },
    ]);
    await writeFile(path.join(root, '.mailmap'), 'Ada Quill <ada@x.example> <ada@old.example>\n');
    // A maintainer's settings that would re-encode names, or map them otherwise.
    await writeFile(path.join(root, 'other.mailmap'), 'Someone Else <ada@x.example> <ada@old.example>\n');
    await git(root, ['config', 'i18n.logOutputEncoding', 'ISO-8859-1']);
    await git(root, ['config', 'mailmap.file', path.join(root, 'other.mailmap')]);
    await git(root, ['config', 'core.abbrev', '20']);
    const history = await readGitHistory(root);
    expect(history.files.get('content/a.md')?.authors).toEqual(['Zoë Ünicode', 'Ada Quill']);
    expect(history.commit).toHaveLength(12);
    expect(history.mailmap).toBeDefined();
  });
});

describe('readGitHistory on a real repository', () => {
  it('reads every content file, renames followed, authors by name, in one pass', async () => {
    const root = await temporaryFolder();
    await commitAll(root, [
      { ...ada, date: '2026-03-01T09:00:00Z', files: { 'content/issues/1/10-a.md': 'one\n', 'README.md': 'x\n' } },
      { ...bo, date: '2026-03-05T09:00:00Z', moves: { 'content/issues/1/10-a.md': 'content/issues/1/20-b.md' } },
      { ...ada, date: '2026-03-07T09:00:00Z', files: { 'content/issues/1/20-b.md': 'one\ntwo\n' } },
    ]);
    const history = await readGitHistory(root);
    const head = (await git(root, ['rev-parse', 'HEAD'])).trim();
    expect([...history.files]).toEqual([
      // Bo's commit only renamed the file: it carries the history over, and is no change of it.
      ['content/issues/1/20-b.md', { created: '2026-03-01T09:00:00.000Z', modified: '2026-03-07T09:00:00.000Z', authors: ['Ada Quill'], age: 0, commit: head }],
    ]);
    expect(history.commit).toBe((await git(root, ['rev-parse', 'HEAD'])).slice(0, 12));
    expect(history.missing).toBeUndefined();
  });

  it('lists modified and untracked content files as uncommitted', async () => {
    const root = await temporaryFolder();
    await commitAll(root, [{ ...ada, date: '2026-03-01T09:00:00Z', files: { 'content/a.md': 'one\n' } }]);
    await writeFile(path.join(root, 'content/a.md'), 'changed\n');
    await writeFile(path.join(root, 'content/b.md'), 'new\n');
    expect([...(await readGitHistory(root)).uncommitted].sort()).toEqual([['content/a.md', ' M'], ['content/b.md', '??']]);
  });

  it('with a memory (mimeo dev), reads the log again only when HEAD moved, and what is uncommitted every time', async () => {
    const root = await temporaryFolder();
    await commitAll(root, [{ ...ada, date: '2026-03-01T09:00:00Z', files: { 'content/a.md': 'one\n' } }]);
    const memory = {};
    const first = await readGitHistory(root, memory);
    await writeFile(path.join(root, 'content/a.md'), 'saved\n');
    const saved = await readGitHistory(root, memory);
    expect(saved.files).toBe(first.files);
    expect([...saved.uncommitted]).toEqual([['content/a.md', ' M']]);
    await commitAll(root, [{ ...bo, date: '2026-03-04T09:00:00Z', files: { 'content/a.md': 'two\n' } }]);
    const committed = await readGitHistory(root, memory);
    const head = (await git(root, ['rev-parse', 'HEAD'])).trim();
    expect(committed.files.get('content/a.md')).toEqual({ created: '2026-03-01T09:00:00.000Z', modified: '2026-03-04T09:00:00.000Z', authors: ['Bo Rivet', 'Ada Quill'], age: 0, commit: head });
    expect(committed.uncommitted.size).toBe(0);
    expect(committed.commit).toBe((await git(root, ['rev-parse', 'HEAD'])).slice(0, 12));
  });

  it('says there is no repository outside Git', async () => {
    expect((await readGitHistory(await makeWebzine())).missing).toBe('no-repository');
  });

  it('says a repository with files added but nothing committed has no commit yet, not that it is no repository', async () => {
    const root = await makeWebzine();
    await git(root, ['init', '-q', '-b', 'main']);
    await git(root, ['add', '-A']);
    expect((await readGitHistory(root)).missing).toBe('no-commit');
  });

  it('says Git could not read the history when a commit\'s files are missing from the repository', async () => {
    const root = await temporaryFolder();
    await commitAll(root, [{ ...ada, date: '2026-03-01T09:00:00Z', files: { 'content/a.md': 'one\n' } }]);
    const tree = await git(root, ['rev-parse', 'HEAD^{tree}']);
    await rm(path.join(root, '.git/objects', tree.slice(0, 2), tree.slice(2)), { force: true });
    const history = await readGitHistory(root);
    expect([history.missing, history.commit]).toEqual(['unreadable', (await git(root, ['rev-parse', 'HEAD'])).slice(0, 12)]);
  });

  it('says a shallow clone has no history to trust', async () => {
    const origin = await temporaryFolder();
    await commitAll(origin, [
      { ...ada, date: '2026-03-01T09:00:00Z', files: { 'content/a.md': 'one\n' } },
      { ...bo, date: '2026-03-02T09:00:00Z', files: { 'content/a.md': 'two\n' } },
    ]);
    const clone = path.join(await temporaryFolder(), 'clone');
    await git(path.dirname(clone), ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
    const history = await readGitHistory(clone);
    expect(history.missing).toBe('shallow');
    // HEAD's own date is there all the same: what templates read as "now".
    expect(history.committed).toBe('2026-03-02T09:00:00.000Z');
    expect(await readFile(path.join(clone, 'content/a.md'), 'utf8')).toBe('two\n');
  });
});

describe('readGitHistory with GIT_DIR or GIT_WORK_TREE in the environment', () => {
  /** Runs `read` with the environment's variables `set` (`undefined`: unset), then puts them back. */
  async function withEnvironment<T>(set: Record<string, string | undefined>, read: () => Promise<T>): Promise<T> {
    const before = Object.fromEntries(Object.keys(set).map((name) => [name, process.env[name]]));
    const assign = (values: Record<string, string | undefined>) => {
      for (const [name, value] of Object.entries(values)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    };
    assign(set);
    try {
      return await read();
    } finally {
      assign(before);
    }
  }

  /** A bare repository of a webzine pushed to, checked out into a folder of its own as a `post-receive` hook does. */
  async function deployed(): Promise<{ bare: string; site: string }> {
    const source = await makeWebzine();
    await commitAll(source, [{ ...ada, date: '2026-03-01T09:00:00Z' }]);
    const bare = await temporaryFolder();
    await git(bare, ['clone', '-q', '--bare', source, '.']);
    const site = await temporaryFolder();
    await git(bare, ['--work-tree', site, 'checkout', '-q', '-f', 'main']);
    return { bare, site };
  }

  it('says GIT_DIR names no repository of the webzine when a hook left it relative (GIT_DIR=.), and reads nothing', async () => {
    const { site } = await deployed();
    const history = await withEnvironment({ GIT_DIR: '.', GIT_WORK_TREE: undefined }, () => readGitHistory(site));
    expect(history).toEqual({ files: new Map(), uncommitted: new Map(), missing: 'elsewhere', redirected: [['GIT_DIR', '.']] });
  });

  it('takes no date from another repository that GIT_DIR names, which does not hold the webzine', async () => {
    const root = await makeWebzine();
    await commitAll(root, [{ ...ada, date: '2026-03-01T09:00:00Z' }]);
    const other = await temporaryFolder();
    await commitAll(other, [{ ...bo, date: '2026-05-01T09:00:00Z', files: { 'content/issues/1/10-first.md': 'another\n' } }]);
    const history = await withEnvironment({ GIT_DIR: path.join(other, '.git'), GIT_WORK_TREE: undefined }, () => readGitHistory(root));
    expect([history.missing, history.redirected, history.files.size]).toEqual(['elsewhere', [['GIT_DIR', path.join(other, '.git')]], 0]);
  });

  it('reads the repository that GIT_DIR and GIT_WORK_TREE name on purpose, a work tree kept apart from it', async () => {
    const { bare, site } = await deployed();
    const history = await withEnvironment({ GIT_DIR: bare, GIT_WORK_TREE: site }, () => readGitHistory(site));
    expect([history.missing, history.files.get('content/site.yml')?.authors, history.uncommitted.size]).toEqual([undefined, ['Ada Quill'], 0]);
  });

  it('reads a repository kept apart by --separate-git-dir, or a worktree of one, without GIT_DIR', async () => {
    const root = await makeWebzine();
    const separate = await temporaryFolder();
    await git(root, ['init', '-q', '-b', 'main', '--separate-git-dir', path.join(separate, 'repo.git')]);
    await commitAll(root, [{ ...ada, date: '2026-03-01T09:00:00Z' }]);
    const worktree = path.join(await temporaryFolder(), 'tree');
    await git(root, ['worktree', 'add', '-q', worktree, '-b', 'other']);
    const [apart, tree] = await withEnvironment({ GIT_DIR: undefined, GIT_WORK_TREE: undefined }, () => Promise.all([readGitHistory(root), readGitHistory(worktree)]));
    expect([apart.missing, apart.files.get('content/site.yml')?.authors, tree.missing, tree.files.get('content/site.yml')?.authors]).toEqual([undefined, ['Ada Quill'], undefined, ['Ada Quill']]);
  });
});

describe('readCommittedTexts', () => {
  it('gives the text each commit holds, and nothing for a file it does not hold, a folder, or a name with spaces that is missing', async () => {
    const root = await temporaryFolder();
    await commitAll(root, [
      { ...ada, date: '2026-03-01T09:00:00Z', files: { 'content/a b.md': 'first\n', 'content/c.md': 'ünïcode\n' } },
      { ...ada, date: '2026-03-02T09:00:00Z', files: { 'content/a b.md': 'second\n' } },
    ]);
    const [first, second] = (await git(root, ['rev-list', 'HEAD'])).trim().split('\n').reverse();
    const texts = await readCommittedTexts(root, [
      [first!, 'content/a b.md'],
      [first!, 'content/no such file.md'],
      [second!, 'content'],
      [second!, 'content/a b.md'],
      [first!, 'content/c.md'],
      ['not-a-commit', 'content/c.md'],
    ]);
    expect(texts).toEqual(['first\n', undefined, undefined, 'second\n', 'ünïcode\n', undefined]);
  });
});
