import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createCollector } from '../../src/diagnostics/diagnostic.js';
import { builtInThemeFolder, loadTheme } from '../../src/load/load-theme.js';
import { missingLines, planWebzine } from '../../src/scaffold/plan-webzine.js';
import type { PlannedFile } from '../../src/scaffold/types.js';
import { repoRoot } from '../support/webzine.js';

/** The files `mimeo new webzine` plans from the built-in theme's scaffolds, by path. */
async function plannedFiles(title: string): Promise<Map<string, string>> {
  const { report, diagnostics } = createCollector();
  const theme = await loadTheme(builtInThemeFolder, 'default', report);
  const plan = planWebzine(title, theme, report);
  expect(diagnostics).toEqual([]);
  const files: PlannedFile[] = 'files' in plan ? plan.files : [];
  return new Map(files.map((file) => [file.path, file.text]));
}

async function repositoryFile(file: string): Promise<string> {
  return readFile(path.join(repoRoot, file), 'utf8');
}

describe('planWebzine', () => {
  it('plans the settings, the writers, .gitignore, the pull-request workflow and the writers\' guide', async () => {
    expect([...(await plannedFiles('Zine')).keys()]).toEqual([
      'content/site.yml',
      'content/authors.yml',
      '.gitignore',
      '.github/workflows/check-pull-request.yml',
      'CONTRIBUTING.md',
    ]);
  });

  it('writes the title into site.yml so that it reads back the same, and every other setting in comments', async () => {
    const title = 'Pilot Light: the "zine" # 1';
    const site = (await plannedFiles(title)).get('content/site.yml')!;
    expect(parse(site)).toEqual({ title });
    for (const key of ['description', 'baseUrl', 'geminiUrl', 'language', 'languages', 'repoUrl', 'editPath']) expect(site).toMatch(new RegExp(`^# ${key}: `, 'm'));
  });

  it('writes an authors.yml of comments only, to which a writer appends a line of their own', async () => {
    const authors = (await plannedFiles('Zine')).get('content/authors.yml')!;
    expect(authors.split('\n').filter((line) => line !== '' && !line.startsWith('#'))).toEqual([]);
    expect(parse(`${authors}robin: { name: Robin Night }\n`)).toEqual({ robin: { name: 'Robin Night' } });
  });

  it('keeps node_modules/, dist/ and .mimeo-cache/ out of Git', async () => {
    expect((await plannedFiles('Zine')).get('.gitignore')).toBe('node_modules/\ndist/\n.mimeo-cache/\n');
  });

  it('writes the workflow of mimeo\'s own repository, byte for byte', async () => {
    const workflow = (await plannedFiles('Zine')).get('.github/workflows/check-pull-request.yml')!;
    expect(workflow).toBe(await repositoryFile('.github/workflows/check-pull-request.yml'));
    expect(workflow).toContain('"origin/${{ github.base_ref }}"');
  });

  it('writes a guide for the webzine\'s writers, titled with its title, that is the writers\' part of mimeo\'s CONTRIBUTING.md', async () => {
    const sampleTitle = (parse(await repositoryFile('content/site.yml')) as { title: string }).title;
    const guide = (await plannedFiles(sampleTitle)).get('CONTRIBUTING.md')!;
    expect(guide.split('\n')[0]).toBe(`# Writing for ${sampleTitle}`);
    const contributing = await repositoryFile('CONTRIBUTING.md');
    const start = '## Writing an article\n';
    const part = contributing.slice(contributing.indexOf(start), contributing.indexOf('## Working on mimeo\n'));
    expect(guide.slice(guide.indexOf(start))).toBe(part.replace(/\n+$/, '\n'));
  });

  it('writes a guide that says nothing of mimeo\'s own code or tests', async () => {
    const guide = (await plannedFiles('Zine')).get('CONTRIBUTING.md')!;
    for (const word of ['src/', 'npm test', 'Java', 'vitest', 'Working on mimeo']) expect(guide).not.toContain(word);
  });
});

describe('missingLines', () => {
  const wanted = 'node_modules/\ndist/\n.mimeo-cache/\n';
  it.each([
    ['', ['node_modules/', 'dist/', '.mimeo-cache/']],
    ['node_modules/\ndist/\n.mimeo-cache/\n', []],
    ['/node_modules\r\ndist\n*.log\n', ['.mimeo-cache/']],
    ['# dist/\n', ['node_modules/', 'dist/', '.mimeo-cache/']],
  ])('finds in %j the lines it lacks', (existing, lacking) => {
    expect(missingLines(existing, wanted)).toEqual(lacking);
  });
});
