/**
 * The folder of a repository Git refused to work in because another user owns it ("detected
 * dubious ownership", Git 2.35.2 and later), read from the error of a failed `git` run; `undefined`
 * for any other failure. A container that runs as root over a checkout it did not make meets it.
 */
export function refusedRepository(error: unknown): string | undefined {
  const said = typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
  const refused = /detected dubious ownership in repository at '(.*)'/.exec(said);
  return refused?.[1];
}

/** What a person runs to make Git work in the repository at `top` (see {@link refusedRepository}). */
export function trustCommand(top: string): string {
  return `git config --global --add safe.directory '${top.replaceAll("'", `'\\''`)}'`;
}
