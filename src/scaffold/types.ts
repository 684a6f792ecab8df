/** What `mimeo new` is asked to make. */
export type ScaffoldRequest =
  | { kind: 'issue' }
  | {
      kind: 'article';
      title: string;
      /** The issue to add it to (default: the newest draft issue). */
      issue?: number;
    }
  | { kind: 'page'; title: string };

/** A file `mimeo new` will create. */
export interface PlannedFile {
  /** Relative to the root, with forward slashes: `content/issues/5/issue.md`. */
  path: string;
  text: string;
}

/**
 * Why nothing can be made: a request that can not be met (`usage`, exit code 2) or one that
 * clashes with the content or theme (`content`, exit code 1).
 */
export interface Refusal {
  kind: 'usage' | 'content';
  message: string;
}

/**
 * The files to create, with what the editor should know about them (`notes`, one line each,
 * left out when there is none), or why there are none.
 */
export type Plan = { files: PlannedFile[]; notes?: string[] } | { refusal: Refusal };
