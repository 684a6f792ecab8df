import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFolder } from '../../src/util/make-folder.js';

const folder = mkdtempSync(path.join(tmpdir(), 'mimeo-folders-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('makeFolder', () => {
  it('makes the missing folders of a path and gives the topmost it made', () => {
    expect(makeFolder(path.join(folder, 'a', 'b', 'c'))).toBe(path.join(folder, 'a'));
    expect(statSync(path.join(folder, 'a', 'b', 'c')).isDirectory()).toBe(true);
    expect(makeFolder(path.join(folder, 'a', 'b'))).toBeUndefined();
    expect(makeFolder(path.join(folder, 'a', 'b', 'd') + path.sep)).toBe(path.join(folder, 'a', 'b', 'd'));
  });

  // Two builds (or a build's cache writers) make the same folders at the same moment: the one
  // that finds a folder made a moment before by the other goes on. The first version threw EEXIST
  // a few times in a thousand, and a cache entry went unwritten.
  it('goes on when another thread makes the same folders at the same moment', async () => {
    const tries = 300;
    const source = `
      const { workerData, parentPort } = require('node:worker_threads');
      const { mkdirSync, statSync } = require('node:fs');
      const path = require('node:path');
      import(workerData.module).then(({ makeFolder }) => {
        let failures = 0;
        for (let index = 0; index < workerData.tries; index++) {
          try { makeFolder(path.join(workerData.folder, 'race-' + index, 'cache', 'ab')); } catch { failures++; }
        }
        parentPort.postMessage(failures);
      });`;
    const module = new URL('../../lib/util/make-folder.js', import.meta.url).href;
    const workers = Array.from({ length: 6 }, () => new Worker(source, { eval: true, workerData: { module, folder, tries } }));
    const failures = await Promise.all(workers.map((worker) => new Promise<number>((resolve, reject) => worker.once('message', resolve).once('error', reject))));
    expect(failures).toEqual([0, 0, 0, 0, 0, 0]);
    for (let index = 0; index < tries; index++) expect(statSync(path.join(folder, `race-${index}`, 'cache', 'ab')).isDirectory()).toBe(true);
  }, 30_000);
});
