import { describe, expect, it } from 'vitest';
import { createCollector } from '../../src/diagnostics/diagnostic.js';
import type { ThemeFiles } from '../../src/load/load-theme.js';
import type { ContentIndex } from '../../src/scaffold/content-index.js';
import { planScaffold } from '../../src/scaffold/plan-scaffold.js';
import type { Plan, ScaffoldRequest } from '../../src/scaffold/types.js';

function themeOf(templates: Record<string, string>): ThemeFiles {
  return new Map(
    Object.entries(templates).map(([name, text]) => [name, { bytes: Buffer.from(text), displayPath: `themes/default/${name}`, absolutePath: `/theme/${name}` }]),
  );
}

const theme = themeOf({
  'scaffolds/issue.md': 'issue {{ number }} in {{ folder }}\n',
  'scaffolds/article.md': 'title: {{ title | yaml }} ({{ slug }}, {{ order }}, issue {{ number }} in {{ folder }})\n',
  'scaffolds/page.md': 'title: {{ title | yaml }} ({{ slug }})\n',
  'scaffolds/sections/20-tip.md': 'tip {{ order }} {{ slug }} in {{ number }}\n',
  'scaffolds/sections/10-news.md': 'news\n',
  'templates/home.liquid': 'not a scaffold',
});

const index: ContentIndex = {
  issues: [
    { folderName: '01', number: 1, draft: false, fileNames: ['10-a.md', 'issue.md'] },
    { folderName: '02', number: 2, draft: true, fileNames: ['10-a.md', '35-b.md', 'issue.md'] },
    { folderName: '03', number: 3, draft: false, fileNames: ['issue.md'] },
  ],
};

function plan(request: ScaffoldRequest, content: ContentIndex = index): Plan {
  const { report, diagnostics } = createCollector();
  const result = planScaffold(request, content, theme, report);
  expect(diagnostics).toEqual([]);
  return result;
}

describe('planScaffold', () => {
  it.each<[string, ScaffoldRequest, ContentIndex, Plan]>([
    [
      'an issue: issue.md, then the sections in order',
      { kind: 'issue' },
      index,
      {
        files: [
          { path: 'content/issues/04/issue.md', text: 'issue 4 in 04\n' },
          { path: 'content/issues/04/10-news.md', text: 'news\n' },
          { path: 'content/issues/04/20-tip.md', text: 'tip 20 tip in 4\n' },
        ],
      },
    ],
    [
      'an issue after a draft one: the same number, and a note naming the draft and how to work on it',
      { kind: 'issue' },
      { issues: [...index.issues, { folderName: '04', number: 4, draft: true, fileNames: ['issue.md'] }] },
      {
        files: [
          { path: 'content/issues/05/issue.md', text: 'issue 5 in 05\n' },
          { path: 'content/issues/05/10-news.md', text: 'news\n' },
          { path: 'content/issues/05/20-tip.md', text: 'tip 20 tip in 5\n' },
        ],
        notes: [
          'issue 4 (content/issues/04/) is still a draft, so the new issue, 5, comes after it; to work on issue 4 instead, add articles with `mimeo new article "Title" --issue 4` or edit its folder',
        ],
      },
    ],
    [
      'the first issue of an empty webzine',
      { kind: 'issue' },
      { issues: [] },
      { files: expect.arrayContaining([{ path: 'content/issues/1/issue.md', text: 'issue 1 in 1\n' }]) as never },
    ],
    [
      'an article in the newest draft issue',
      { kind: 'article', title: 'Café: "crème"' },
      index,
      { files: [{ path: 'content/issues/02/40-cafe-creme.md', text: 'title: "Café: \\"crème\\"" (cafe-creme, 40, issue 2 in 02)\n' }] },
    ],
    [
      'an article in the newest of two draft issues',
      { kind: 'article', title: 'Newest' },
      { issues: [index.issues[1]!, { folderName: '03', number: 3, draft: true, fileNames: ['issue.md'] }, { folderName: '04', number: 4, draft: false, fileNames: [] }] },
      { files: [{ path: 'content/issues/03/10-newest.md', text: 'title: "Newest" (newest, 10, issue 3 in 03)\n' }] },
    ],
    [
      'an article in the issue asked for',
      { kind: 'article', title: 'Late', issue: 3 },
      index,
      { files: [{ path: 'content/issues/03/10-late.md', text: 'title: "Late" (late, 10, issue 3 in 03)\n' }] },
    ],
    [
      'a page',
      { kind: 'page', title: 'How to help?' },
      index,
      { files: [{ path: 'content/pages/how-to-help.md', text: 'title: "How to help?" (how-to-help)\n' }] },
    ],
    [
      'no article without a draft issue',
      { kind: 'article', title: 'Orphan' },
      { issues: [index.issues[0]!] },
      { refusal: { kind: 'usage', message: 'there is no draft issue to add the article to; start one with `mimeo new issue`, or pass --issue N' } },
    ],
    [
      'no article in an issue that does not exist',
      { kind: 'article', title: 'Lost', issue: 7 },
      index,
      { refusal: { kind: 'usage', message: 'there is no issue 7 in content/issues/; the issues are 1, 2, 3' } },
    ],
    [
      'no article in an empty webzine',
      { kind: 'article', title: 'Lost', issue: 1 },
      { issues: [] },
      { refusal: { kind: 'usage', message: 'there is no issue 1 in content/issues/; there are no issues yet' } },
    ],
    [
      'no article with the slug of another in the issue',
      { kind: 'article', title: 'B!' },
      index,
      { refusal: { kind: 'content', message: 'content/issues/02/35-b.md already has the slug "b"; give the new article another title' } },
    ],
    [
      'a page whose title has letters outside a to z, spelt in Latin ones',
      { kind: 'page', title: 'Cœur, Straße, Łódź, Ελλάδα' },
      index,
      { files: [{ path: 'content/pages/coeur-strasse-lodz-ellada.md', text: 'title: "Cœur, Straße, Łódź, Ελλάδα" (coeur-strasse-lodz-ellada)\n' }] },
    ],
    [
      'an article with a very long title, named by its first words',
      { kind: 'article', title: 'A very long title '.repeat(30) },
      index,
      { files: [{ path: 'content/issues/02/40-a-very-long-title-a-very-long-title-a-very-long-title-a-very.md', text: `title: "${'A very long title '.repeat(30)}" (a-very-long-title-a-very-long-title-a-very-long-title-a-very, 40, issue 2 in 02)\n` }] },
    ],
    [
      'no page without a slug',
      { kind: 'page', title: '¿¡…!?' },
      index,
      { refusal: { kind: 'usage', message: 'the title "¿¡…!?" has no letter or digit from a to z or 0 to 9 to make its file name from' } },
    ],
  ])('plans %s', (_name, request, content, expected) => {
    expect(plan(request, content)).toEqual(expected);
  });

  it('refuses a section scaffold that is not named like an article', () => {
    const { report } = createCollector();
    const misnamed = themeOf({ 'scaffolds/issue.md': '', 'scaffolds/sections/news.md': '' });
    expect(planScaffold({ kind: 'issue' }, index, misnamed, report)).toEqual({
      refusal: { kind: 'content', message: 'themes/default/scaffolds/sections/news.md is not named like an article, NN-slug.md (20-tip.md), so it can not become one' },
    });
  });

  it('reports an error while rendering at the template and names the file it was making', () => {
    const { report, diagnostics } = createCollector();
    const failing = themeOf({ 'scaffolds/page.md': 'line one\n{% render "missing" %}\n' });
    expect(planScaffold({ kind: 'page', title: 'Help' }, index, failing, report)).toEqual({ files: [] });
    expect(diagnostics.map(({ file, line, column, ruleId, message }) => ({ file, line, column, ruleId, message }))).toEqual([
      {
        file: 'themes/default/scaffolds/page.md',
        line: 2,
        column: 1,
        ruleId: 'template/render',
        message: 'the template failed while rendering content/pages/help.md: Failed to lookup "missing" in "."',
      },
    ]);
  });
});
