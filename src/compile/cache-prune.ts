import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// How many entries were written since the last clean-up, in the cache folder.
const ledgerName = 'written-since-pruned';

/**
 * Keeps a cache folder from growing for ever. A build that looked up every Markdown file gives
 * the keys it used and how many entries it wrote (others give only the count). Once the entries
 * written since the last clean-up add up to a quarter of those used, every entry this build did
 * not use and that is older than the build is removed: an older version of a file, a removed
 * file, an entry of another version of mimeo, a write cut short. An entry another process
 * (`mimeo dev`) wrote while this build ran is newer than the build, and stays. A cache that can
 * not be read or written is left as it is.
 */
export function pruneCache(folder: string, used: ReadonlySet<string> | undefined, written: number, startedAt: number): void {
  const ledger = path.join(folder, ledgerName);
  try {
    const total = (Number.parseInt(readText(ledger), 10) || 0) + written;
    // Without the keys of every file (`mimeo dev`, `check --changed`), the entries written are only counted.
    if (used === undefined || total < Math.max(1, used.size / 4)) {
      if (written > 0) writeFileSync(ledger, `${total}\n`);
      return;
    }
    for (const tree of ['files', 'bodies']) {
      for (const prefix of namesIn(path.join(folder, tree))) {
        for (const name of namesIn(path.join(folder, tree, prefix))) {
          if (used.has(prefix + name)) continue;
          const file = path.join(folder, tree, prefix, name);
          const stats = statSync(file, { throwIfNoEntry: false });
          if (!stats?.isFile() || stats.mtimeMs >= startedAt) continue;
          rmSync(file, { force: true });
        }
      }
    }
    writeFileSync(ledger, '0\n');
  } catch {
    // Kept as it is.
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
