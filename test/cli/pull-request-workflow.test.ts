import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, git } from '../support/git.js';
import { makeWebzine, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

interface Workflow {
  on: { pull_request: { paths: string[] } };
  jobs: Record<string, { steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> }>;
}

describe('the shipped pull-request workflow', () => {
  it('annotates the lines a pull request broke when its command runs in a clone of a branch', async () => {
    const workflow = parse(await readFile(path.join(repoRoot, '.github/workflows/check-pull-request.yml'), 'utf8')) as Workflow;
    const steps = workflow.jobs['check']!.steps;
    const command = 'npx --no -- mimeo check --changed "origin/${{ github.base_ref }}" --format github --cache-dir .mimeo-cache';
    expect(steps.map((step) => step.run).filter(Boolean)).toEqual(['npm ci', command]);
    expect(steps[0]!.with?.['fetch-depth']).toBe(0);
    // An upgrade of mimeo (the lock file) is checked too; the cache it keeps is the folder the check is given.
    expect(workflow.on.pull_request.paths).toEqual(expect.arrayContaining(['content/**', 'themes/**', 'package-lock.json']));
    expect(steps.find((step) => step.uses?.startsWith('actions/cache@'))?.with?.['path']).toBe('.mimeo-cache');

    const origin = await makeWebzine();
    await commitAll(origin, [{ author: 'Ada Quill', email: 'ada@secret.example', date: '2026-03-01T09:00:00Z' }]);
    const clone = path.join(await temporaryFolder(), 'pull-request');
    await git(path.dirname(clone), ['clone', '-q', `file://${origin}`, clone]);
    await writeFile(path.join(clone, 'content/issues/1/20-second.md'), '---\ntitle: The second article\ndate: soon\n---\n## Details\n');
    await commitAll(clone, [{ author: 'Bo Rivet', email: 'bo@secret.example', date: '2026-03-02T09:00:00Z' }]);

    // As GitHub runs it for a pull request into main, with the cache where the test keeps its folders.
    const cache = path.join(await temporaryFolder(), '.mimeo-cache');
    const args = steps[steps.length - 1]!.run!.replace(/^npx --no -- mimeo /, '').replace('${{ github.base_ref }}', 'main').replaceAll('"', '').replace('.mimeo-cache', cache).split(' ');
    const run = await runCli([...args, '--root', clone]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      '::error file=content/issues/1/20-second.md,line=3,col=1,title=front-matter/unknown-key::"date" is not a front matter field of an article%0A"date" belongs to the issue, and all its articles share it: write it in content/issues/1/issue.md, not here.\n',
    );
  });
});
