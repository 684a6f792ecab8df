import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesFile } from '../support/expected.js';
import { fixtures, listTree, makeWebzine, readTree, removeTemporaryFolders, runCli, temporaryFolder, updatingFixtures } from '../support/webzine.js';

// The base webzine built whole, every file compared with test/fixtures/outputs/base/.
const expectedFolder = path.join(fixtures, 'outputs/base');
let built: Map<string, Buffer>;

beforeAll(async () => {
  const root = await makeWebzine();
  const out = await temporaryFolder();
  expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
  built = await readTree(out);
});
afterAll(removeTemporaryFolders);

describe('the base webzine', () => {
  it('makes exactly the expected files', async () => {
    if (updatingFixtures) return;
    expect([...built.keys()]).toEqual(await listTree(expectedFolder));
  });

  it('makes every file with the expected bytes', async () => {
    for (const [file, bytes] of built) {
      if (updatingFixtures) await mkdir(path.dirname(path.join(expectedFolder, file)), { recursive: true });
      await expectMatchesFile(bytes.toString('utf8'), path.join(expectedFolder, file));
    }
  });
});
