/** One file of the output, relative to its output tree (`web/` or `gemini/`). */
export interface OutputFile {
  /** Path inside the output tree, with forward slashes: `issues/3/index.html`. */
  path: string;
  /** The content; absent when the file is copied from `copyFrom`, linked from `linkFrom` or made by `make`. */
  bytes?: string | Uint8Array;
  /**
   * Makes the content when the file is written (`undefined` after a reported error): pages are
   * rendered one at a time as they are written, so the output is never all in memory.
   */
  make?: () => string | undefined;
  /** Absolute path of a file copied as it is. */
  copyFrom?: string;
  /**
   * Whether the file is one of the theme's, published from its bytes (a text asset, its line
   * endings made LF) rather than rendered: like a copied file, it is in every build's output.
   */
  themeAsset?: boolean;
  /** Absolute path of the same output in the previous build, linked (or copied) instead of written again. */
  linkFrom?: string;
  /**
   * The content file it comes from, relative to the root, for messages about conflicts; for a
   * file of the built-in theme, {@link builtInThemeSource}.
   */
  source: string;
}

const builtInThemePrefix = "the built-in theme's ";

/**
 * How messages name the file `relative` (`assets/style.css`) of mimeo's built-in theme: by the
 * theme, not by the folder mimeo happens to be installed in.
 */
export function builtInThemeSource(relative: string): string {
  return `${builtInThemePrefix}${relative}`;
}

/** Whether `source` names a file of the built-in theme ({@link builtInThemeSource}). */
export function isBuiltInThemeSource(source: string): boolean {
  return source.startsWith(builtInThemePrefix);
}

/** The output trees mimeo owns inside the output folder. */
export const outputTreeNames = ['web', 'gemini'] as const;
