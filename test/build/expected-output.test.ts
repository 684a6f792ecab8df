import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesFile } from '../support/expected.js';
import { fixtures, listTree, makeWebzine, readTree, removeTemporaryFolders, repoRoot, runCli, temporaryFolder, updatingFixtures } from '../support/webzine.js';

// The base webzine built whole, every file compared with test/fixtures/outputs/base/, but for the
// stylesheet: a copy of the theme's, checked by the content hash in its name.
const expectedFolder = path.join(fixtures, 'outputs/base');
const stylesheet = /^web\/style\.[0-9a-f]{10}\.css$/;
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
    expect([...built.keys()].filter((file) => !stylesheet.test(file))).toEqual(await listTree(expectedFolder));
  });

  it('names its stylesheet by the hash of the theme\'s, and copies it as it is', async () => {
    const css = await readFile(path.join(repoRoot, 'themes/default/assets/style.css'));
    const name = `web/style.${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;
    expect([...built.keys()].filter((file) => stylesheet.test(file))).toEqual([name]);
    expect(built.get(name)).toEqual(css);
  });

  it('makes every file with the expected bytes', async () => {
    for (const [file, bytes] of built) {
      if (stylesheet.test(file)) continue;
      if (updatingFixtures) await mkdir(path.dirname(path.join(expectedFolder, file)), { recursive: true });
      await expectMatchesFile(bytes.toString('utf8'), path.join(expectedFolder, file));
    }
  });
});
