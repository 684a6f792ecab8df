/** A node of a unist tree (mdast or hast), as far as walking it goes. */
interface WalkNode {
  type: string;
  children?: WalkNode[];
}

/**
 * Calls `visit` on every node of a tree, parents before children, in document order. Much
 * cheaper than unist-util-visit (no closure a node, no parents list), which matters on the
 * compile path where every body is walked several times.
 */
export function walk<Node extends WalkNode>(tree: Node, visit: (node: Node) => void): void {
  const stack: WalkNode[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    visit(node as Node);
    const { children } = node;
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}
