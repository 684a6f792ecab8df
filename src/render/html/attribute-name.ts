import { find, html } from 'property-information';

/**
 * The attribute a hast property stands for, as HTML writes it, for messages: `className` is
 * `class`, `dateTime` is `datetime`, `httpEquiv` is `http-equiv`, `xLinkHref` is `xlink:href`,
 * `ariaLabelledBy` is `aria-labelledby` and `dataNoteId` is `data-note-id` (property-information,
 * the names hast itself is made with).
 */
export function attributeName(property: string): string {
  return find(html, property).attribute;
}
