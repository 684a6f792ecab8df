import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, git } from '../support/git.js';
import { makeWebzine, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

interface Workflow {
  jobs: Record<string, { steps: Array<{ run?: string; with?: Record<string, unknown> }> }>;
}

describe('the shipped pull-request workflow', () => {
  it('annotates the lines a pull request broke when its command runs in a clone of a branch', async () => {
    const workflow = parse(await readFile(path.join(repoRoot, '.github/workflows/check-pull-request.yml'), 'utf8')) as Workflow;
    const steps = workflow.jobs['check']!.steps;
    expect(steps.map((step) => step.run).filter(Boolean)).toEqual(['npm ci', 'npx mimeo check --changed origin/main --format github']);
    expect(steps[0]!.with?.['fetch-depth']).toBe(0);

    const origin = await makeWebzine();
    await commitAll(origin, [{ author: 'Ada Quill', email: 'ada@secret.example', date: '2026-03-01T09:00:00Z' }]);
    const clone = path.join(await temporaryFolder(), 'pull-request');
    await git(path.dirname(clone), ['clone', '-q', `file://${origin}`, clone]);
    await writeFile(path.join(clone, 'content/issues/1/20-second.md'), '---\ntitle: The second article\ndate: soon\n---\n## Details\n');
    await commitAll(clone, [{ author: 'Bo Rivet', email: 'bo@secret.example', date: '2026-03-02T09:00:00Z' }]);

    const args = steps[steps.length - 1]!.run!.replace(/^npx mimeo /, '').split(' ');
    const run = await runCli([...args, '--root', clone]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('::error file=content/issues/1/20-second.md,line=3,col=1,title=front-matter/unknown-key::"date" is not a front matter field of an article\n');
  });
});
