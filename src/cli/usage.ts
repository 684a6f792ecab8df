/** A mistake in how mimeo was called: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
  }
}

/** Exit codes of every command (SPEC §4). */
export const exitCodes = { success: 0, content: 1, usage: 2, internal: 3 } as const;

/** Where commands print: standard output for results, standard error for diagnostics. */
export interface Terminal {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether standard error is a terminal someone watches (not a pipe, not CI). */
  isInteractive: boolean;
}
