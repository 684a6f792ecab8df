import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';

// mimeo's folders in the system's temporary folder (a build's compiled fragments without the
// cache, `mimeo dev`'s private cache) are removed when the process exits, which `mimeo build`
// and `mimeo dev` do on a signal once the JavaScript gives way (they check every 50 ms). No
// handler here removes them at the signal itself. A folder left by a process that a signal
// (or a crash) stopped is removed by the next mimeo process that makes one of the same kind, once
// the process named in it is gone and the folder has not changed for `staleAfter`. Only folders
// of this machine and PID namespace are judged (a process of another container sharing the
// temporary folder would look gone while working), and only real folders of this user that no
// one else may write in, as `mkdtemp` makes them: never a link, nor anyone else's.

const staleAfter = 60 * 60 * 1000;

/** This machine and PID namespace, in a folder's name: process ids mean something only there. */
const place = createHash('sha1').update(`${hostname()}\0${pidNamespace()}`).digest('hex').slice(0, 8);

function pidNamespace(): string {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return '';
  }
}

const made = new Set<string>();
let exitRegistered = false;
const swept = new Set<string>();

/**
 * Makes a new folder `<kind>-<place>-<pid>-XXXXXX` in the system's temporary folder, removed when
 * the process exits (or by {@link removeTemporaryFolder}); `undefined` when none can be made.
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
    const folder = mkdtempSync(path.join(parent, `${kind}-${place}-${process.pid}-`));
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
  const pattern = new RegExp(`^${kind}-${place}-(\\d+)-[\\w]{6}$`);
  const now = Date.now();
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    const folder = path.join(parent, name);
    if (!isOwnPrivateFolder(folder) || now - lastChange(folder) < staleAfter) continue;
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // Left as it is: the next one may manage.
    }
  }
}

/** Whether `folder` is a folder (not a link) of this user that no one else may write in, as `mkdtemp` makes them. */
function isOwnPrivateFolder(folder: string): boolean {
  const stats = lstatSync(folder, { throwIfNoEntry: false });
  if (!stats?.isDirectory()) return false;
  if (process.getuid !== undefined && stats.uid !== process.getuid()) return false;
  return (stats.mode & 0o077) === 0;
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

/** The latest modification time of `folder` and of what it holds, down to its grandchildren (links not followed). */
function lastChange(folder: string, depth = 2): number {
  let latest = lstatSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? Number.POSITIVE_INFINITY;
  if (depth === 0) return latest;
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      latest = Math.max(latest, entry.isDirectory() ? lastChange(file, depth - 1) : (lstatSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0));
    }
  } catch {
    // A folder that can not be listed is judged by its own time.
  }
  return latest;
}
