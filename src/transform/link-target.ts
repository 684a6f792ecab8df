/**
 * Where a link or image of a Markdown body leads, decided once and rendered by every output.
 * `edition` is the prefix of another edition (`fr/`) that a root-relative link named; without it
 * a link leads into the edition of the page it is on.
 */
export type LinkTarget =
  /** Another document (or the same one) by its key, the original's path, maybe at one of its anchors. */
  | { kind: 'document'; path: string; anchor?: string; edition?: string }
  /** A copied file, by its output path: `issues/3/cover.svg`. */
  | { kind: 'asset'; output: string }
  /** A generated page that no document stands for: `''` (home), `authors/`, `atom.xml`. */
  | { kind: 'route'; route: string; anchor?: string; edition?: string }
  /** A URL that could run code; the link keeps its text only. */
  | { kind: 'removed' };

/** mdast node data carrying a resolved target. */
export interface TargetData {
  target?: LinkTarget;
}

/** The resolved target of a link, image or definition node, if it is a local one. */
export function targetOf(node: { data?: unknown }): LinkTarget | undefined {
  return (node.data as TargetData | undefined)?.target;
}
