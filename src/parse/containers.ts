import { firstCharacter, passQuoteMarker, type Place } from './block-starts.js';

/** An open quote (`>`) or list item, and how deep the tree is inside it. */
export interface Container {
  quote: boolean;
  /** How far an item's content is indented from where its marker's line part starts. */
  width: number;
  /** Whether an item has had nothing in it yet: a blank line then ends it (CommonMark 5.2). */
  empty: boolean;
  depth: number;
  /** How many quotes it is in, itself included. */
  quotes: number;
}

/** Goes past the markers of the open containers that the line continues, and gives how many it does. */
export function matchContainers(stack: Container[], line: string, place: Place): number {
  // An item takes only columns: where the text starts is looked for again only after a `>`.
  let start = firstCharacter(line, place);
  // A blank line goes on with every item but an empty one, which can only be the innermost.
  const innermost = stack.at(-1);
  if (start.at === line.length && innermost?.quotes === 0) return stack.length - (innermost.empty ? 1 : 0);
  for (let index = 0; index < stack.length; index++) {
    const container = stack[index]!;
    if (container.quote) {
      if (start.column - place.base > 3 || line[start.at] !== '>') return index;
      passQuoteMarker(line, start, place);
      start = firstCharacter(line, place);
    } else if (start.at === line.length) {
      if (container.empty) return index;
    } else {
      if (start.column - place.base < container.width) return index;
      place.base += container.width;
    }
  }
  return stack.length;
}
