/**
 * The folder of a repository Git refused to work in because another user owns it ("detected
 * dubious ownership", Git 2.35.2 and later), read from the error of a failed `git` run; `undefined`
 * for any other failure. A container that runs as root over a checkout it did not make meets it.
 */
export function refusedRepository(error: unknown): string | undefined {
  const said = typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
  // The command Git suggests is the same in every language it speaks; its words around it are not.
  const refused = /--add safe\.directory ('?)(.+)\1\s*$/m.exec(said);
  return refused?.[2];
}

/** What a person runs to make Git work in the repository at `top` (see {@link refusedRepository}). */
export function trustCommand(top: string): string {
  return `git config --global --add safe.directory '${top.replaceAll("'", `'\\''`)}'`;
}
