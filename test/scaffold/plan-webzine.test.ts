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

/** The parts of a GitHub workflow the tests read. */
interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

interface Job {
  needs?: string;
  permissions?: Record<string, string>;
  environment?: unknown;
  steps: Step[];
}

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

/** The publishing workflow `mimeo new webzine` plans, parsed. */
async function publishWorkflow(): Promise<Workflow> {
  return parse((await plannedFiles('Zine')).get('.github/workflows/publish.yml')!) as Workflow;
}

/** The one step of `job` that uses the action `uses` names (`actions/cache@`), whatever its version. */
function step(job: Job, uses: string): Step {
  const found = job.steps.filter((item) => item.uses?.startsWith(uses));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('planWebzine', () => {
  it('plans the settings, the writers, .gitignore, .gitattributes, the pull-request and publishing workflows and the writers\' guide', async () => {
    expect([...(await plannedFiles('Zine')).keys()]).toEqual([
      'content/site.yml',
      'content/authors.yml',
      '.gitignore',
      '.gitattributes',
      '.github/workflows/check-pull-request.yml',
      '.github/workflows/publish.yml',
      'CONTRIBUTING.md',
    ]);
  });

  it('writes a .gitattributes that has Git check every text file out with LF line endings', async () => {
    const attributes = (await plannedFiles('Zine')).get('.gitattributes')!;
    expect(attributes.split('\n').filter((line) => line !== '' && !line.startsWith('#'))).toEqual(['* text=auto eol=lf']);
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

  it('publishes on every push to the default branch, and when run by hand', async () => {
    const workflow = await publishWorkflow();
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
  });

  it('builds from the whole history, never a shallow clone in which dates and contributors come from front matter alone', async () => {
    const checkout = step((await publishWorkflow()).jobs['build']!, 'actions/checkout@');
    expect(checkout.with?.['fetch-depth']).toBe(0);
  });

  it('runs the build of the mimeo installed, with the cache the workflow keeps, and uploads the web site it writes', async () => {
    const build = (await publishWorkflow()).jobs['build']!;
    expect(build.steps.flatMap((item) => (item.run === undefined ? [] : [item.run]))).toEqual(['npm ci', 'npx --no -- mimeo build --cache-dir .mimeo-cache']);
    expect(step(build, 'actions/cache@').with?.['path']).toBe('.mimeo-cache');
    expect(step(build, 'actions/upload-pages-artifact@').with).toEqual({ path: 'dist/web' });
  });

  it('keys the cache as the pull-request check does, so that pull requests start from what the last publish saved', async () => {
    const planned = await plannedFiles('Zine');
    const check = parse(planned.get('.github/workflows/check-pull-request.yml')!) as Workflow;
    const publish = parse(planned.get('.github/workflows/publish.yml')!) as Workflow;
    expect(step(publish.jobs['build']!, 'actions/cache@').with).toEqual(step(check.jobs['check']!, 'actions/cache@').with);
  });

  it('deploys once the build is done, with no more permissions than a Pages deployment needs', async () => {
    const workflow = await publishWorkflow();
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs['build']!.permissions).toBeUndefined();
    const deploy = workflow.jobs['deploy']!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(deploy.steps).toEqual([{ id: 'deployment', uses: expect.stringMatching(/^actions\/deploy-pages@v\d+$/) }]);
  });

  it('deploys one run at a time, never cancelling a deployment that has started', async () => {
    expect((await publishWorkflow()).concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
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
