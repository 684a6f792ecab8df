import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { GitHistory } from './git-history.js';

/**
 * Reports each file of content/ that Git holds as a symbolic link but that is checked out as a
 * plain file holding the link's text (`core.symlinks=false`, the default of Git for Windows, and
 * what Git does where the file system has no links): the site would publish that path in place
 * of the file it leads to. Also one whose bytes were committed as the link's text: such a Git
 * keeps a link a link whatever its file holds, so a copy put in its place and committed is a
 * link to nowhere where links are made. Only files the history says are links are read: a
 * webzine that has none pays nothing.
 */
export function reportLinksAsFiles(root: string, history: GitHistory, report: Report): void {
  for (const [file, { linkBlob, deleted }] of history.files) {
    if (linkBlob === undefined || deleted) continue;
    const text = linkTextAt(path.join(root, file), linkBlob);
    if (text !== undefined) reportRule(report, 'git/link-checked-out-as-file', { file }, { file, ...(isPath(text) ? { target: text.toString('utf8') } : {}) });
  }
}

/**
 * The bytes of the plain file at `absolutePath` when they are the blob `blob` (the link's text),
 * or `undefined`: a real link, no file, or a file with other bytes (a copy put in the link's place
 * and not committed yet, which is published as it is).
 */
function linkTextAt(absolutePath: string, blob: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    if (!lstatSync(absolutePath).isFile()) return undefined;
    bytes = readFileSync(absolutePath);
  } catch {
    // Gone since Git was read, or unreadable: reading content/ tells about that file.
    return undefined;
  }
  return blobId(bytes, blob.length) === blob ? bytes : undefined;
}

// Longer than any path a system lets a link hold (PATH_MAX is 4096 on Linux, 1024 on macOS).
const longestPath = 4096;

/** Whether a link's text is a path: UTF-8, of one line, with no NUL, and no longer than a system takes (else a file's bytes). */
function isPath(text: Buffer): boolean {
  return text.length <= longestPath && !text.includes(0) && !text.includes(0x0a) && !text.includes(0x0d) && isUtf8(text);
}

/** The id Git gives a blob of these bytes, in a repository whose ids have `length` digits (40: SHA-1, 64: SHA-256). */
function blobId(bytes: Buffer, length: number): string {
  const hash = createHash(length === 64 ? 'sha256' : 'sha1');
  return hash.update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
