import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// mimeo's folders in the system's temporary folder (a build's compiled fragments without the
// cache, `mimeo dev`'s private cache) are removed when the process exits. No signal handler
// removes them: one would keep Ctrl+C waiting until the JavaScript busy compiling or writing
// gives way, which takes a minute for a big webzine. A folder left by a process that a signal
// (or a crash) stopped is removed by the next mimeo process that makes one of the same kind, once
// the process named in it is gone and the folder has not changed for `staleAfter`: a process of
// another PID namespace (a container) sharing the temporary folder may look gone while working.

const staleAfter = 60 * 60 * 1000;

const made = new Set<string>();
let exitRegistered = false;
const swept = new Set<string>();

/**
 * Makes a new folder `<kind>-<pid>-XXXXXX` in the system's temporary folder, removed when the
 * process exits (or by {@link removeTemporaryFolder}); `undefined` when none can be made.
 */
export function makeTemporaryFolder(kind: string): string | undefined {
  if (!exitRegistered) {
    exitRegistered = true;
    process.once('exit', () => made.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  }
  const parent = tmpdir();
  if (!swept.has(kind)) {
    swept.add(kind);
    removeLeftovers(parent, kind);
  }
  try {
    const folder = mkdtempSync(path.join(parent, `${kind}-${process.pid}-`));
    made.add(folder);
    return folder;
  } catch {
    return undefined;
  }
}

/** Removes a folder {@link makeTemporaryFolder} made, now. */
export function removeTemporaryFolder(folder: string): void {
  if (!made.delete(folder)) return;
  rmSync(folder, { recursive: true, force: true });
}

/** Removes the folders of `kind` in `parent` whose process is gone and that have not changed for {@link staleAfter}. */
function removeLeftovers(parent: string, kind: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  const pattern = new RegExp(`^${kind}-(\\d+)-[\\w]{6}$`);
  const now = Date.now();
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    const folder = path.join(parent, name);
    if (now - lastChange(folder) < staleAfter) continue;
    // Another user's folder (a shared temporary folder) can not be removed, and is left alone.
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // Left for its owner.
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // Another user's process can not be signalled, but is running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The latest modification time of `folder` and of what it holds, down to its grandchildren. */
function lastChange(folder: string, depth = 2): number {
  let latest = statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? Number.POSITIVE_INFINITY;
  if (depth === 0) return latest;
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      latest = Math.max(latest, entry.isDirectory() ? lastChange(file, depth - 1) : (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0));
    }
  } catch {
    // A folder that can not be listed is judged by its own time.
  }
  return latest;
}
