import type { Definition, FootnoteDefinition, Image, Link, Nodes, Parents } from 'mdast';
import type { GemLine } from './lines.js';

/** Where inline links go (SPEC §2.1 `gemini.links`). */
export type LinkPlacement = 'paragraph' | 'end' | 'off';

/**
 * Finds a link or image of raw HTML among the body's resources, by its type, URL and place in
 * the file: only those the web page kept (sanitized, checked, rewritten) become `=>` lines.
 * Gives the node to pass to `href`, or `undefined` for a URL the web page does not link.
 */
export type RawResource = (type: 'link' | 'image', url: string, line: number, column: number) => Link | Image | undefined;

/** A link or image met inside a block, waiting to become a `=>` line. */
export interface PendingLink {
  url: string;
  label: string;
  /** Whether it is an image, which is content and becomes a `=>` line whatever the placement, `off` included (SPEC §3). */
  image: boolean;
}

/** What is passed around while one Markdown body becomes gemtext lines. */
export interface State {
  lines: GemLine[];
  /** Inline links and images not yet written as `=>` lines. */
  pending: PendingLink[];
  placement: LinkPlacement;
  /** Footnote definitions by identifier, written as a list at the end. */
  footnotes: Map<string, FootnoteDefinition>;
  /** Link definitions by upper-cased identifier, for reference links. */
  definitions: Map<string, Definition>;
  /** Footnote identifiers in order of first reference, which gives their numbers. */
  footnoteOrder: string[];
  /**
   * The URL of a link on this capsule page, or `undefined` to drop it (a link to this very page,
   * one the web page leaves out); `type` is what the Markdown made of it (a definition may serve either).
   */
  href: (url: string, resource: Link | Image | Definition, type: 'link' | 'image') => string | undefined;
  /** The link or image that raw HTML wrote at this place with this URL, as the web page keeps it (see {@link RawResource}). */
  rawResource: RawResource;
  /** The level the web page shows the heading that raw HTML wrote at this place at, if it knows it. */
  rawHeadingLevel: (line: number, column: number) => number | undefined;
  /** Renders the block children of a node. */
  blocks: (parent: Parents) => void;
  /** Writes the pending links as `=>` lines when links go after each block, only the images with placement `off`. */
  flush: () => void;
}

/** A handler turns one block node into lines, through the state. */
export type Handler = (node: Nodes, state: State) => void;
