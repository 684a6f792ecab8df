import type { Properties } from 'hast';

// The link to itself that a heading of a body ends with (see `finishElements`): shown by the
// theme's stylesheet on hover, and left out of the feeds, whose readers have no stylesheet and
// would show a bare "#" after every heading.

/** The properties of the anchor link of the heading whose id is `id`. */
export function headingAnchorProperties(id: string): Properties {
  return { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1, href: `#${id}` };
}

// As rehype-stringify writes those properties, whatever the href (filled from a slot or not).
const anchorLink = /<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="[^"<>]*">#<\/a>/g;

/** HTML without the headings' anchor links. */
export function withoutHeadingAnchors(html: string): string {
  return html.replace(anchorLink, '');
}
