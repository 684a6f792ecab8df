import type { Element, ElementContent, Nodes, Properties, Root } from 'hast';
import { isDateWithOptionalTime, isTimeDatetime } from './date-strings.js';
import { misplacedAttribute, type AttributeContext } from './attribute-places.js';
import { keepingId } from './kept-id.js';
import { isMediaQueryList } from './media-queries.js';
import { walk } from '../../parse/walk.js';

/** An attribute of raw HTML whose value HTML does not allow, or a `<time>` that gives no date, where it was written. */
export interface InvalidValue {
  line: number;
  column: number;
  /** The element's name. */
  element: string;
  /** The attribute, as HTML names it; empty for a `<time>` whose text gives no date. */
  attribute: string;
  /** The value as written (or the `<time>`'s text), cut short when long. */
  value: string;
  /** What HTML allows, in words, after "must be". */
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
}

/** What an attribute's value must be: a test, the words a message says it with, and maybe what to write instead. */
interface Syntax {
  test: (value: string) => boolean;
  words: string;
  advice?: string;
}

const integer: Syntax = { test: (value) => /^-?\d+$/.test(value), words: 'a whole number, like 3 or -1' };
const pixels: Syntax = { test: (value) => /^\d+$/.test(value), words: 'a whole number of pixels, like 300, without a unit' };
const oneOf = (...values: string[]): Syntax => ({ test: (value) => values.includes(value.toLowerCase()), words: `${values.filter(Boolean).slice(0, -1).join(', ')} or ${values.at(-1)!}` });
// An empty `preload` is `auto`.
const preload = oneOf('', 'none', 'metadata', 'auto');

// A language tag (BCP 47, RFC 5646 section 2.1), its irregular grandfathered tags included; the
// registry of subtags, which the Nu Html Checker also reads, is not.
const languageTag =
  /^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?|x(?:-[a-z\d]{1,8})+|en-gb-oed|i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)|sgn-(?:be-fr|be-nl|ch-de))$/i;
const language: Syntax = { test: (value) => languageTag.test(value), words: 'a language tag like en or pt-BR' };
const token = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const mediaType = new RegExp(`^${token}/${token}(?:\\s*;\\s*${token}=(?:${token}|"[^"]*"))*$`);

// The attributes the sanitizer's schema lets raw HTML keep whose values HTML constrains (the
// HTML standard's attribute index, https://html.spec.whatwg.org/#attributes-3), by element (`*`
// for any), as hast names them. Each gave a page the Nu Html Checker rejects.
const syntaxes: Record<string, Record<string, Syntax>> = {
  '*': {
    dir: oneOf('ltr', 'rtl', 'auto'),
    tabIndex: integer,
    // An empty lang says the language is unknown.
    lang: { test: (value) => value === '' || language.test(value), words: language.words },
    id: { test: (value) => value !== '' && !/\s/.test(value), words: 'a name without spaces, not empty' },
    accessKey: { test: (value) => isKeyList(value), words: 'single characters, separated by spaces, each once' },
    itemType: { test: (value) => value.split(/\s+/).filter(Boolean).every(isAbsoluteUrl), words: 'one or more absolute URLs, like https://schema.org/Person' },
  },
  img: { width: pixels, height: pixels, loading: oneOf('lazy', 'eager'), decoding: oneOf('sync', 'async', 'auto') },
  video: { width: pixels, height: pixels, preload },
  audio: { preload },
  source: {
    type: { test: (value) => mediaType.test(value.trim()), words: 'a media type, like image/webp or video/mp4' },
    media: {
      test: isMediaQueryList,
      words: 'a media query, like (min-width: 600px) or print and (orientation: landscape)',
      advice: 'Write a media query as in CSS: all, screen or print, and features in parentheses joined by and, like (min-width: 600px) and (orientation: landscape), with units on lengths.',
    },
  },
  track: {
    kind: oneOf('subtitles', 'captions', 'descriptions', 'chapters', 'metadata'),
    srcLang: language,
    label: { test: (value) => value !== '', words: 'a text, not empty' },
  },
  a: { hrefLang: { test: (value) => value === '' || language.test(value), words: language.words } },
  ol: { start: integer },
  li: { value: integer },
  td: { colSpan: { test: (value) => /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 1000, words: 'a whole number from 1 to 1000' }, rowSpan: { test: (value) => /^\d+$/.test(value) && Number(value) <= 65534, words: 'a whole number from 0 to 65534' } },
  th: { scope: oneOf('row', 'col', 'rowgroup', 'colgroup') },
  time: { dateTime: { test: isTimeDatetime, words: 'a date or time, like 2024-05-01, 2024-05, 18:30, 2024-05-01T18:30Z or PT2H' } },
  del: { dateTime: { test: isDateWithOptionalTime, words: 'a date like 2024-05-01, or a date and time with its time zone like 2024-05-01T18:30Z' } },
  ins: { dateTime: { test: isDateWithOptionalTime, words: 'a date like 2024-05-01, or a date and time with its time zone like 2024-05-01T18:30Z' } },
};
syntaxes['th'] = { ...syntaxes['td'], ...syntaxes['th'] };

// Boolean attributes the schema keeps (`controls`, `open`…): on when written, whatever their
// value, which HTML wants empty or their own name (hast makes those `true`; another stays text).
const booleans: Record<string, string> = {
  checked: 'checked', compact: 'compact', controls: 'controls', default: 'default', disabled: 'disabled', isMap: 'ismap', itemScope: 'itemscope',
  loop: 'loop', multiple: 'multiple', muted: 'muted', noHref: 'nohref', noShade: 'noshade', noWrap: 'nowrap', open: 'open', playsInline: 'playsinline',
  readOnly: 'readonly', selected: 'selected',
};

/**
 * Leaves out of raw HTML, after the sanitizer, each attribute whose value HTML does not allow
 * (`<img width="50%">`, `<td colspan="all">`, `<time datetime="soon">`), writes a boolean
 * attribute given a value as the browser reads it (`controls="false"` is `controls`), and shows a
 * `<time>` that gives no date (`<time>next week</time>`, with no `datetime` it could fall back on)
 * as its text (in a `<span>` with its id, when it has one). Each is told to `invalid`; with `repair` false (`trust`) nothing changes. With
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
      ...(tagName === 'picture' ? { displaced } : {}),
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

// What makes a `<source>` of a `<picture>` offer its image: a browser skips one whose type or
// media it can not read (a media query it can not read is `not all`), and HTML wants one that
// always matches to be the last (#the-source-element), so the whole `<source>` goes.
const sourceChoice = new Set(['srcSet', 'media', 'type']);

/**
 * Checks the attributes of `element`, leaving out (with `repair`) those misplaced or of invalid
 * values; whether the element stays, which a `<source>` of a `<picture>` does not when one of
 * {@link sourceChoice} goes.
 */
function checkProperties(element: Element, context: Context, options: ValueOptions, told: string | undefined): boolean {
  const properties: Properties = element.properties;
  const choice = element.tagName === 'source' && context.parent === 'picture';
  for (const [key, value] of Object.entries(properties)) {
    if (key === told || value === undefined || value === null || value === false) continue;
    const place = options.repair ? misplacedAttribute(element, key, context) : undefined;
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
    const syntax = key === 'headers' ? headers(context.headerIds) : (syntaxOf(element.tagName, key) ?? syntaxOf('*', key));
    if (!syntax || syntax.test(written)) continue;
    const whole = choice && sourceChoice.has(key);
    tell(options, element, attributeName(key), clip(written), syntax.words, !options.repair ? 'kept' : whole ? 'source' : 'removed', syntax.advice);
    if (options.repair && whole) return false;
    if (options.repair) delete properties[key];
  }
  return true;
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

/** What the value of `property` of element `name` must be, if HTML constrains it. */
function syntaxOf(name: string, property: string): Syntax | undefined {
  const own = Object.hasOwn(syntaxes, name) ? syntaxes[name]! : {};
  return Object.hasOwn(own, property) ? own[property] : undefined;
}

function tell(options: ValueOptions, element: Element, attribute: string, value: string, expected: string, repair: InvalidValue['repair'], advice?: string): void {
  const start = element.position?.start;
  options.invalid?.({ line: start?.line ?? 1, column: start?.column ?? 1, element: element.tagName, attribute, value, expected, repair, ...(advice === undefined ? {} : { advice }) });
}

/** A value for a message: its first 40 characters, and an ellipsis when there are more. */
function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** Whether `value` is an accesskey's list of keys: single characters, separated by spaces, each once. */
function isKeyList(value: string): boolean {
  const keys = value.split(/[\t\n\f\r ]+/).filter(Boolean);
  return keys.every((key) => [...key].length === 1) && new Set(keys).size === keys.length;
}

function isAbsoluteUrl(value: string): boolean {
  return URL.canParse(value);
}

/** The HTML name of a hast property: `dateTime` is `datetime`, `srcLang` is `srclang`. */
function attributeName(property: string): string {
  return property.toLowerCase();
}
