/** One file of the output, relative to its output tree (`web/` or `gemini/`). */
export interface OutputFile {
  /** Path inside the output tree, with forward slashes: `issues/3/index.html`. */
  path: string;
  /** The content; absent when the file is copied from `copyFrom`. */
  bytes?: string | Uint8Array;
  /** Absolute path of a file copied as it is. */
  copyFrom?: string;
  /** Absolute path of the same output in the previous build, linked (or copied) instead of written again. */
  linkFrom?: string;
  /** The content file it comes from, relative to the root, for messages about conflicts. */
  source: string;
}
