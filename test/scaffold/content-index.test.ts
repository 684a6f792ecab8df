import { describe, expect, it } from 'vitest';
import { indexContent } from '../../src/scaffold/content-index.js';

const issueFile = (folder: string, frontMatter: string) => ({ path: `content/issues/${folder}/issue.md`, text: `---\n${frontMatter}\n---\n` });

describe('indexContent', () => {
  it.each([
    ['title: T', true],
    ['title: T\ndate: 2026-01-01', false],
    ['title: T\ndate: 2026-01-01\ndraft: true', true],
    ['title: T\ndraft: false', true],
    ['title: T\ndate: 2026-01-01\ndraft: false', false],
    ['title: [unclosed', false],
  ])('reads an issue.md with %j as draft: %j', (frontMatter, draft) => {
    expect(indexContent([issueFile('1', frontMatter)]).issues.map((issue) => issue.draft)).toEqual([draft]);
  });

  it('lists the numbered issue folders by number, with the names of the files directly in them', () => {
    const index = indexContent([
      { path: 'content/site.yml', text: 'title: Z' },
      { path: 'content/issues/10/20-b.md', text: '---\ntitle: B\n---\n' },
      { path: 'content/issues/10/images/cover.svg' },
      { path: 'content/issues/10/10-a.md', text: '---\ntitle: A\n---\n' },
      { path: 'content/issues/02/cover.svg' },
      { path: 'content/issues/ideas/10-x.md', text: '---\ntitle: X\n---\n' },
      { path: 'content/pages/about.md', text: '---\ntitle: About\n---\n' },
    ]);
    expect(index).toEqual({
      issues: [
        { folderName: '02', number: 2, draft: false, fileNames: ['cover.svg'] },
        { folderName: '10', number: 10, draft: false, fileNames: ['10-a.md', '20-b.md'] },
      ],
    });
  });
});
