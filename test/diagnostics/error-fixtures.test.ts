import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectMatchesFile } from '../support/expected.js';
import { fixtures, makeWebzine, removeTemporaryFolders, runCli } from '../support/webzine.js';

const casesFolder = path.join(fixtures, 'errors');
const cases = readdirSync(casesFolder).sort();

afterAll(removeTemporaryFolders);

// Each case is the base webzine with a few files changed; diagnostics.txt is exactly what
// `mimeo check` prints, so one file pins the message, position, rule id and hint together.
describe('mimeo check on a webzine with a mistake', () => {
  it.each(cases)('reports %s as diagnostics.txt says', async (name) => {
    const caseFolder = path.join(casesFolder, name);
    const root = await makeWebzine(caseFolder);
    const run = await runCli(['check', '--root', root]);
    await expectMatchesFile(run.stdout, path.join(caseFolder, 'diagnostics.txt'));
    const hasError = run.stdout.includes(': error: ');
    expect(run.code).toBe(hasError ? 1 : 0);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
