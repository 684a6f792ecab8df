import type { Element, ElementContent, Nodes, Properties, Root } from 'hast';
import { isTimeDatetime } from './date-strings.js';
import { booleans, syntaxOf, type Syntax } from './attribute-syntaxes.js';
import { misplacedAttribute, type AttributeContext } from './attribute-places.js';
import { alwaysMatches, alwaysMatchingWords, imageChoiceOf, imageReading, readingsOf, sourceChoice, type Reading } from './image-choice.js';
import { keepingId } from './kept-id.js';
import { walk } from '../../parse/walk.js';
import { attributeName } from './attribute-name.js';

/** An attribute of raw HTML whose value HTML does not allow, or a `<time>` that gives no date, where it was written. */
export interface InvalidValue {
  line: number;
  column: number;
  /** The element's name. */
  element: string;
  /** The attribute, as HTML names it; empty for a `<time>` whose text gives no date. */
  attribute: string;
  /** The value as written (or the `<time>`'s text), cut short when long; `undefined` when the attribute HTML wants is not written. */
  value?: string;
  /** What HTML allows, in words, after "must be" (after "must have" when there is no `value`). */
  expected: string;
  /** What to write instead, in a sentence, when the warning's usual hint would not say it. */
  advice?: string;
  /**
   * What became of it: left out, left out with its `<source>` (of a `<picture>`), written as a
   * boolean attribute (on), the `<time>` shown as its text, or kept (`trust`).
   */
  repair: 'removed' | 'source' | 'boolean' | 'text' | 'kept';
}

/** An attribute of raw HTML on an element HTML does not give it to, or where HTML does not allow it there, where it was written. */
export interface MisplacedAttribute {
  line: number;
  column: number;
  /** The element's name. */
  element: string;
  /** The attribute, as HTML names it. */
  attribute: string;
  /** Where HTML allows it, in words after "allows it". */
  expected: string;
}

/** How {@link checkAttributeValues} treats what it finds. */
export interface ValueOptions {
  /**
   * Whether invalid values are mended, and misplaced attributes left out, or only invalid values
   * told of (`markdown.html: trust`, which keeps any attribute, on any element).
   */
  repair: boolean;
  /** Told of each invalid value (default: nobody). */
  invalid?: ((invalid: InvalidValue) => void) | undefined;
  /** Told of each attribute left out for standing where HTML does not allow it (default: nobody). */
  misplaced?: ((misplaced: MisplacedAttribute) => void) | undefined;
}

/**
 * Where the walk is: what {@link misplacedAttribute} asks, the ids of the header cells of the table
 * it is in, the element that keeps each id on the page, and, in a `<picture>`, where the ids of
 * the sources left out go (after it).
 */
interface Context extends AttributeContext {
  headerIds: ReadonlySet<string>;
  owners: ReadonlyMap<string, Element>;
  displaced?: ElementContent[];
  /** In a `<picture>`, what each of its `<source>` elements is read against (see `readingsOf`). */
  readings?: ReadonlyMap<Element, Reading>;
}

/**
 * Leaves out of raw HTML, after the sanitizer, each attribute whose value HTML does not allow
 * (`<img width="50%">`, `<td colspan="all">`, `<time datetime="soon">`), writes a boolean
 * attribute given a value as the browser reads it (`controls="false"` is `controls`), and shows a
 * `<time>` that gives no date (`<time>next week</time>`, with no `datetime` it could fall back on)
 * as its text (in a `<span>` with its id, when it has one). A `<source>` of a `<picture>` whose
 * `srcset`, `media` or `type` goes goes whole (its id on a `<span>` after the `<picture>`), and
 * so does one that always matches while a `<source>` or the `<img>` after it has a `srcset`.
 * Each is told to `invalid`; with `repair` false (`trust`) nothing changes. With
 * `repair`, it also leaves out each attribute that GitHub's list keeps on any element where HTML
 * does not allow it (`<div width>`, `<ul start>`, `<li value>` outside an `<ol>`), told to `misplaced`.
 */
export function checkAttributeValues(tree: Root, options: ValueOptions): void {
  visit(tree, { parent: '', link: false, item: false, headerIds: new Set(), owners: idOwnersOf(tree) }, options);
}

/**
 * The element that keeps each id: the first that has it, as `finishElements` in
 * markdown-to-html.ts leaves it, after this check. A `<th id="h">` that repeats an id goes without
 * it, so a `headers="h"` of its table names nothing.
 */
function idOwnersOf(tree: Root): Map<string, Element> {
  const owners = new Map<string, Element>();
  walk(tree as Nodes, (node) => {
    if (node.type !== 'element') return;
    const id = node.properties['id'];
    if (typeof id === 'string' && !owners.has(id)) owners.set(id, node);
  });
  return owners;
}

function visit(parent: Root | Element, context: Context, options: ValueOptions): void {
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index]!;
    if (child.type !== 'element') continue;
    const undated = child.tagName === 'time' && !isDatedTime(child);
    if (undated) {
      const written = child.properties['dateTime'];
      const value = typeof written === 'string' ? written : textOf(child).trim();
      tell(options, child, '', clip(value), timeWords, options.repair ? 'text' : 'kept');
      if (options.repair) {
        parent.children.splice(index, 1, ...keepingId(child, child.children));
        index--;
        continue;
      }
    }
    // A kept `<time>`'s datetime was told of with it.
    const kept = checkProperties(child, context, options, undated ? 'dateTime' : undefined);
    if (!kept) {
      parent.children.splice(index, 1);
      context.displaced?.push(...keepingId(child, []));
      index--;
      continue;
    }
    const { tagName, properties } = child;
    const displaced: ElementContent[] = [];
    visit(child, {
      parent: tagName,
      link: context.link || (tagName === 'a' && properties['href'] !== undefined),
      item: context.item || properties['itemScope'] === true,
      headerIds: tagName === 'table' ? headerIdsOf(child, context.owners) : context.headerIds,
      owners: context.owners,
      ...(tagName === 'picture' ? { displaced, readings: readingsOf(child, options.repair) } : {}),
    }, options);
    parent.children.splice(index + 1, 0, ...displaced);
    index += displaced.length;
  }
}

/** The ids of a table's header cells, but those of the tables inside it and those another element keeps. */
function headerIdsOf(table: Element, owners: ReadonlyMap<string, Element>): Set<string> {
  const ids = new Set<string>();
  const collect = (element: Element) => {
    for (const child of element.children) {
      if (child.type !== 'element' || child.tagName === 'table') continue;
      const id = child.properties['id'];
      if (child.tagName === 'th' && typeof id === 'string' && owners.get(id) === child) ids.add(id);
      collect(child);
    }
  };
  collect(table);
  return ids;
}

const timeWords = 'a date or time, like 2024-05-01, 18:30 or 2024-05-01T18:30Z, in its datetime attribute or else as its text';

/**
 * Checks the attributes of `element`, leaving out (with `repair`) those misplaced or of invalid
 * values; whether the element stays, which a `<source>` of a `<picture>` does not when one of
 * `sourceChoice` goes.
 */
function checkProperties(element: Element, context: Context, options: ValueOptions, told: string | undefined): boolean {
  const properties: Properties = element.properties;
  const choice = element.tagName === 'source' && context.parent === 'picture';
  const reading = choice ? context.readings?.get(element) : element.tagName === 'img' ? imageReading(element) : undefined;
  const images = reading ? imageChoiceOf(element, reading) : undefined;
  for (const [key, value] of Object.entries(properties)) {
    if (key === told || value === undefined || value === null || value === false) continue;
    const place = options.repair ? (images?.[key]?.place ?? misplacedAttribute(element, key, context)) : undefined;
    if (place !== undefined) {
      const start = element.position?.start;
      options.misplaced?.({ line: start?.line ?? 1, column: start?.column ?? 1, element: element.tagName, attribute: attributeName(key), expected: place });
      delete properties[key];
      continue;
    }
    if (value === true) continue;
    const written = Array.isArray(value) ? value.join(' ') : String(value);
    const name = Object.hasOwn(booleans, key) ? booleans[key] : undefined;
    if (name !== undefined) {
      tell(options, element, name, clip(written), '', options.repair ? 'boolean' : 'kept');
      if (options.repair) properties[key] = true;
      continue;
    }
    const syntax = images && Object.hasOwn(images, key) ? images[key]!.syntax : key === 'headers' ? headers(context.headerIds) : (syntaxOf(element.tagName, key) ?? syntaxOf('*', key));
    if (!syntax || syntax.test(written)) continue;
    const whole = choice && sourceChoice.has(key);
    const advice = typeof syntax.advice === 'function' ? syntax.advice(written) : syntax.advice;
    tell(options, element, attributeName(key), clip(written), syntax.words, !options.repair ? 'kept' : whole ? 'source' : 'removed', advice);
    if (options.repair && whole) return false;
    if (options.repair) delete properties[key];
  }
  return !(choice && reading?.followed && !tellAlwaysMatching(element, options));
}

/** Tells of a `<source>` of a `<picture>` that always matches, which something follows; whether it stays (only with `trust`). */
function tellAlwaysMatching(source: Element, options: ValueOptions): boolean {
  const media = alwaysMatches(source);
  if (media === undefined) return true;
  const repair = options.repair ? 'source' : 'kept';
  const { absent, advice } = alwaysMatchingWords;
  if (media === null) tell(options, source, 'media', undefined, absent, repair, advice);
  else tell(options, source, 'media', clip(media), alwaysMatchingWords.media, repair, advice);
  return !options.repair;
}

/**
 * Whether a `<time>` gives a date HTML can read: in its `datetime`, or else as its text, which
 * then holds no element. One whose `datetime` HTML can not read but whose text it can loses the
 * attribute only (see `checkProperties`).
 */
function isDatedTime(time: Element): boolean {
  const written = time.properties['dateTime'];
  if (typeof written === 'string' && isTimeDatetime(written)) return true;
  return time.children.every((child) => child.type !== 'element') && isTimeDatetime(textOf(time));
}

/** The text a `<time>` holds. */
function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
}

/** What a cell's `headers` must be: ids of its table's header cells (#attr-tdth-headers). */
function headers(ids: ReadonlySet<string>): Syntax {
  return { test: (value) => value.trim() !== '' && value.split(/\s+/).filter(Boolean).every((id) => ids.has(id)), words: 'the ids of header cells (<th>) of its table, separated by spaces' };
}

function tell(options: ValueOptions, element: Element, attribute: string, value: string | undefined, expected: string, repair: InvalidValue['repair'], advice?: string): void {
  const start = element.position?.start;
  options.invalid?.({ line: start?.line ?? 1, column: start?.column ?? 1, element: element.tagName, attribute, ...(value === undefined ? {} : { value }), expected, repair, ...(advice === undefined ? {} : { advice }) });
}

/** A value for a message: its first 40 characters, and an ellipsis when there are more. */
function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
