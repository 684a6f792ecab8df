import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { deserialize } from 'node:v8';
import type { BodyContent, CompiledFile } from '../../src/compile/compiled.js';
import { serializeEntry, writeEntryFiles } from '../../src/compile/file-cache.js';

/**
 * Rewrites every entry of a cache folder as an attacker would, with mimeo's own code: each body's
 * HTML starts with a script, and the entry's hashes match, so only where it came from gives it away.
 */
export async function forgeCacheEntries(cache: string): Promise<number> {
  let forged = 0;
  for (const shard of await readdir(path.join(cache, 'files'))) {
    for (const name of await readdir(path.join(cache, 'files', shard))) {
      const files = { meta: path.join(cache, 'files', shard, name), content: path.join(cache, 'bodies', shard, name) };
      const meta = deserialize(await readFile(files.meta)) as { key: string; payload: Uint8Array };
      const file = deserialize(meta.payload) as CompiledFile;
      const { content } = deserialize(await readFile(files.content)) as { content: BodyContent };
      file.body.content = { ...content, html: `<script>alert(1)</script>${content.html}`, issueHtml: `<script>alert(1)</script>${content.issueHtml}` };
      if (!writeEntryFiles(files, serializeEntry(meta.key, file))) throw new Error(`could not forge ${files.meta}`);
      forged++;
    }
  }
  return forged;
}
