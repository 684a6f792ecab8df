import { readFile, writeFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { updatingFixtures } from './webzine.js';

/**
 * Compares `actual` with the expected file. A missing expected file fails the test; it is written
 * only with `UPDATE_FIXTURES=1`, and the diff is reviewed in the pull request (STYLE §6).
 */
export async function expectMatchesFile(actual: string, expectedPath: string): Promise<void> {
  if (updatingFixtures) {
    await writeFile(expectedPath, actual);
    return;
  }
  const expected = await readFile(expectedPath, 'utf8').catch(() => undefined);
  if (expected === undefined) throw new Error(`missing expected file ${expectedPath}; run with UPDATE_FIXTURES=1 and review it`);
  expect(actual).toBe(expected);
}
