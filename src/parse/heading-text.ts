import type { Heading, PhrasingContent } from 'mdast';

// Raw HTML elements whose text no reader sees: the sanitizer takes them out with their text
// (`strip` in src/render/html/sanitize-schema.ts), and a browser shows neither where HTML is
// trusted. GitHub's sanitizer also drops a script with its text (html-pipeline's
// SanitizationFilter, `remove_contents`); what it does with a style is not documented.
const unseenStart = /^<(script|style)[\s/>]/i;
const unseenEnd = /^<\/(script|style)\s*>$/i;

/** Where a walk through a heading is: whether it met raw HTML, and in which unseen element it is. */
interface State {
  html: boolean;
  unseen: string | undefined;
}

/**
 * The text of a heading that holds raw HTML as its reader sees it, which GitHub makes its id of
 * (the text of the heading it rendered: html-pipeline's TableOfContentsFilter reads `node.text`):
 * tags and comments left out, the text between tags kept (`Head <b>raw</b> x` reads `Head raw x`),
 * and that of a `<script>` or `<style>` left out too. Character references are decoded already, as
 * the Markdown parser decodes them. Everything else counts as in `mdast-util-to-string`, which
 * makes the text of a heading without raw HTML (an image by its alt). Whitespace is kept as it
 * stands: GitHub gave `## <a name="foo"></a> Foo` the id `-foo` (remarkjs/remark-slug#11).
 * `undefined` when the heading holds no raw HTML.
 */
export function textShown(heading: Heading): string | undefined {
  const state: State = { html: false, unseen: undefined };
  const text = textOf(heading.children, state);
  return state.html ? text : undefined;
}

function textOf(nodes: readonly PhrasingContent[], state: State): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'html') {
      state.html = true;
      state.unseen = unseenAfter(node.value, state.unseen);
    } else if ('children' in node) text += textOf(node.children, state);
    else if (state.unseen === undefined) text += 'value' in node ? node.value : 'alt' in node ? (node.alt ?? '') : '';
  }
  return text;
}

/** Which unseen element the text after `tag` is in, when the text before it was in `unseen`. */
function unseenAfter(tag: string, unseen: string | undefined): string | undefined {
  if (unseen === undefined) return unseenStart.exec(tag)?.[1]?.toLowerCase();
  // Only its own end tag closes a script or a style: its text holds no other element.
  return unseenEnd.exec(tag)?.[1]?.toLowerCase() === unseen ? undefined : unseen;
}
