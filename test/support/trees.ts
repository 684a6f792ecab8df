import { readFile } from 'node:fs/promises';
import { build } from '../../src/build.js';
import type { OutputTrees } from '../../src/write/write-outputs.js';

/** Every file of a build's trees with its bytes, keyed like the files of an output folder (`web/index.html`). */
export async function toFiles(trees: OutputTrees): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const [tree, outputs] of Object.entries(trees)) {
    for (const file of outputs) files.set(`${tree}/${file.path}`, file.copyFrom === undefined ? Buffer.from(file.bytes ?? '') : await readFile(file.copyFrom));
  }
  return files;
}

/** The files of a clean `build --drafts` of `root`, made in memory. */
export async function cleanBuild(root: string, baseUrl: string): Promise<Map<string, Buffer>> {
  return toFiles((await build({ root, out: root, drafts: true, baseUrl, write: false })).trees);
}

/** The paths whose bytes differ between two trees, or that only one has: readable when a test fails. */
export function differences(actual: Map<string, Buffer>, expected: Map<string, Buffer>): string[] {
  const paths = [...new Set([...actual.keys(), ...expected.keys()])].sort();
  return paths.flatMap((file) => {
    const [mine, theirs] = [actual.get(file), expected.get(file)];
    if (!mine) return [`missing ${file}`];
    if (!theirs) return [`stale ${file}`];
    return mine.equals(theirs) ? [] : [`different ${file}`];
  });
}
