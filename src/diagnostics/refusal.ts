// What the system's refusals mean, in words; any other error is told as a bug, with its stack.
const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EBUSY: 'it is in use by another program',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'the disk reported an input/output error',
};

/**
 * Why the system refused a call, in words with its code (`permission denied (EACCES)`), when
 * `error` is a refusal a machine makes (a full disk, a folder mimeo may not read); `undefined`
 * for any other error, a file missing where mimeo looks among them (more likely mimeo's mistake).
 */
export function refusalReason(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof syscall !== 'string') return undefined;
  const reason = reasons[code];
  return reason === undefined ? undefined : `${reason} (${code})`;
}

/**
 * A refusal of the file system, told where it happened (`message`) and what to do (`hint`): not a
 * bug of mimeo, so printed in one line without a stack trace, exit code 3 (SPEC §4); the
 * original error is its `cause`, shown with `--debug`.
 */
export class RefusalError extends Error {
  override name = 'RefusalError';
  constructor(
    message: string,
    readonly hint: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/** What to do when the system refuses mimeo a file or folder of content/ (the hint of such a {@link RefusalError}). */
export const contentReadHint = 'mimeo must be able to read every file and folder under content/: check their permissions (chmod) and the length of their names, or move what it can not read out of content/';
