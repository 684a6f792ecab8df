import type { Element, ElementContent } from 'hast';
import type { Code, FootnoteReference, Heading, Html, Image, ImageReference, Link, LinkReference, Paragraph, Parents } from 'mdast';
import { defaultHandlers, type Handlers, type State } from 'mdast-util-to-hast';
import { toString as textOf } from 'mdast-util-to-string';
import { isUnsafeUrl, removedScheme } from '../../transform/link-target.js';
import { withCallsAfter } from './footnote-calls.js';
import type { AddSlot, FragmentOptions } from './markdown-to-html.js';

/** The index of a link, image or definition among its body's resources (set by `compileFile`). */
function resourceOf(node: { data?: unknown }): number | undefined {
  return (node.data as { resource?: number } | undefined)?.resource;
}

/**
 * Whether a link's text is its address: an autolink (`<https://x.example>`), a bare URL, or an
 * e-mail address linked with `mailto:`.
 */
function isBareUrl(node: Link): boolean {
  const text = textOf(node);
  return text === node.url || (node.url.startsWith('mailto:') && text === node.url.slice('mailto:'.length));
}

/** What the handlers of Markdown's nodes note down as they make the body's elements. */
export interface Notes {
  /** Each link that {@link isBareUrl}, by its slot's marker. */
  bareLinks: Set<string>;
  /** Each heading, by its offset, which its element keeps through raw HTML's parser and the sanitizer. */
  headings: Map<number, Heading>;
  /** Each footnote call, as its `<sup>` element. */
  calls: Set<Element>;
}

/**
 * The handlers of Markdown's nodes, which note down in `notes` what later steps need. A
 * footnote call written in a link's text is put after the link (see footnote-calls.ts).
 */
export function handlersFor(options: FragmentOptions, addSlot: AddSlot, notes: Notes): Handlers {
  const { bareLinks, headings, calls } = notes;
  const withCalls = (made: number, link: ElementContent | ElementContent[]) => (calls.size === made || Array.isArray(link) || link.type !== 'element' ? link : withCallsAfter(link, calls));
  const handlers: Handlers = {
    heading(state: State, node: Heading) {
      const element = defaultHandlers.heading(state, node);
      if (node.position?.start.offset !== undefined) headings.set(node.position.start.offset, node);
      element.tagName = `h${Math.min(6, Math.max(2, node.depth))}`;
      return element;
    },
    // An image the page leaves out shows its alt text (see `patchUrl`): a paragraph of such images
    // without any is left out, as in the capsule, rather than left empty.
    paragraph(state: State, node: Paragraph) {
      const element = defaultHandlers.paragraph(state, node);
      return element.children.every((child) => child.type === 'text' && child.value.trim() === '') ? undefined : element;
    },
    // A block that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe
    // scrollable-region-focusable), and Firefox alone makes it so by itself.
    code(state: State, node: Code) {
      const pre = defaultHandlers.code(state, node);
      pre.properties['tabIndex'] = 0;
      return pre;
    },
    link(state: State, node: Link) {
      const made = calls.size;
      const link = patchUrl(defaultHandlers.link(state, node), 'href', node, options, addSlot);
      const href = 'properties' in link ? link.properties['href'] : undefined;
      if (typeof href === 'string' && href.startsWith('\uFDD0') && isBareUrl(node)) bareLinks.add(href);
      return withCalls(made, link);
    },
    image: (state: State, node: Image) => patchUrl(defaultHandlers.image(state, node), 'src', node, options, addSlot),
    linkReference(state: State, node: LinkReference) {
      const made = calls.size;
      return withCalls(made, patchReference(defaultHandlers.linkReference(state, node), 'href', state, node.identifier, options, addSlot));
    },
    footnoteReference(state: State, node: FootnoteReference) {
      const call = defaultHandlers.footnoteReference(state, node);
      calls.add(call);
      return call;
    },
    imageReference: (state: State, node: ImageReference) => patchReference(defaultHandlers.imageReference(state, node), 'src', state, node.identifier, options, addSlot),
  };
  if (options.html === 'escape') handlers['html'] = escapeHtml;
  return handlers;
}

/** Raw HTML shown as text; a block of it becomes a paragraph of text. */
function escapeHtml(_state: State, node: Html, parent: Parents | undefined): ElementContent {
  const text = { type: 'text' as const, value: node.value };
  const inline = parent !== undefined && 'children' in parent && parent.type !== 'root' && parent.type !== 'blockquote' && parent.type !== 'listItem';
  return inline ? text : { type: 'element', tagName: 'p', properties: {}, children: [text] };
}

function patchUrl(element: Element, key: 'href' | 'src', resource: { url: string; data?: unknown }, options: FragmentOptions, addSlot: AddSlot): Element | ElementContent[] {
  // The sanitizer sees the slot, not the URL: what it would take out is taken out here. A link
  // keeps its text, an image its alt text, as in the capsule (see compile-file.ts).
  const type = key === 'href' ? 'link' : 'image';
  if (isUnsafeUrl(resource.url) || (options.html !== 'trust' && removedScheme(resource.url, type) !== undefined)) return type === 'link' ? element.children : altTextOf(element);
  const index = resourceOf(resource);
  const url = element.properties[key];
  if (typeof url === 'string' && index !== undefined) element.properties[key] = addSlot({ resource: index, url });
  return element;
}

/** An image's alt text as text, shown where the image could not be. */
function altTextOf(image: Element): ElementContent[] {
  const alt = image.properties['alt'];
  return typeof alt === 'string' && alt !== '' ? [{ type: 'text', value: alt }] : [];
}

function patchReference(result: ElementContent | ElementContent[], key: 'href' | 'src', state: State, identifier: string, options: FragmentOptions, addSlot: AddSlot) {
  if (Array.isArray(result) || result.type !== 'element') return result;
  const definition = state.definitionById.get(identifier.toUpperCase());
  return definition ? patchUrl(result, key, definition, options, addSlot) : result;
}
