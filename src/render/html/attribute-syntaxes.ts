import { isDateWithOptionalTime, isTimeDatetime } from './date-strings.js';
import { isLanguageTag, languageAdvice } from '../../util/language-tags.js';
import { isMediaQueryList } from './media-queries.js';

// What HTML allows in the values of the attributes raw HTML may keep, for `checkAttributeValues`.

/** What an attribute's value must be: a test, the words a message says it with, and maybe what to write instead. */
export interface Syntax {
  test: (value: string) => boolean;
  words: string;
  /** What to write instead, in a sentence, maybe made for the value written (default: the warning's usual hint). */
  advice?: string | ((value: string) => string);
}

// A + or - in a math function without a space on each side (calc(40em+1px), calc(1px -2px)), which CSS reads as no operator.
const tightOperator = /(?:calc|min|max|clamp)\([^;]*?(?:[\w%)][+-][\w(.]|[\w%)]\s[+-][\d.])/i;

const integer: Syntax = { test: (value) => /^-?\d+$/.test(value), words: 'a whole number, like 3 or -1' };
const pixels: Syntax = { test: (value) => /^\d+$/.test(value), words: 'a whole number of pixels, like 300, without a unit' };
const oneOf = (...values: string[]): Syntax => ({ test: (value) => values.includes(value.toLowerCase()), words: `${values.filter(Boolean).slice(0, -1).join(', ')} or ${values.at(-1)!}` });
// An empty `preload` is `auto`.
const preload = oneOf('', 'none', 'metadata', 'auto');

const language: Syntax = { test: isLanguageTag, words: 'a language tag like en or pt-BR', advice: languageAdvice };
// An empty lang or hreflang says the language is unknown.
const languageOrEmpty: Syntax = { ...language, test: (value) => value === '' || isLanguageTag(value) };
const token = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const mediaType = new RegExp(`^${token}/${token}(?:\\s*;\\s*${token}=(?:${token}|"[^"]*"))*$`);

// The attributes the sanitizer's schema lets raw HTML keep whose values HTML constrains (the
// HTML standard's attribute index, https://html.spec.whatwg.org/#attributes-3), by element (`*`
// for any), as hast names them. Each gave a page the Nu Html Checker rejects.
const syntaxes: Record<string, Record<string, Syntax>> = {
  '*': {
    dir: oneOf('ltr', 'rtl', 'auto'),
    tabIndex: integer,
    lang: languageOrEmpty,
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
      advice: (value) =>
        `Write a media query as in CSS: all, screen or print, and features in parentheses joined by and, like (min-width: 600px) and (orientation: landscape), with units on lengths.${tightOperator.test(value) ? ' In calc(), min(), max() and clamp(), put a space on each side of + and -, as in calc(40em + 1px).' : ''}`,
    },
  },
  track: {
    kind: oneOf('subtitles', 'captions', 'descriptions', 'chapters', 'metadata'),
    srcLang: language,
    label: { test: (value) => value !== '', words: 'a text, not empty' },
  },
  a: { hrefLang: languageOrEmpty },
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
export const booleans: Record<string, string> = {
  checked: 'checked', compact: 'compact', controls: 'controls', default: 'default', disabled: 'disabled', isMap: 'ismap', itemScope: 'itemscope',
  loop: 'loop', multiple: 'multiple', muted: 'muted', noHref: 'nohref', noShade: 'noshade', noWrap: 'nowrap', open: 'open', playsInline: 'playsinline',
  readOnly: 'readonly', selected: 'selected',
};

/** What the value of `property` of element `name` must be, if HTML constrains it. */
export function syntaxOf(name: string, property: string): Syntax | undefined {
  const own = Object.hasOwn(syntaxes, name) ? syntaxes[name]! : {};
  return Object.hasOwn(own, property) ? own[property] : undefined;
}

/** Whether `value` is an accesskey's list of keys: single characters, separated by spaces, each once. */
function isKeyList(value: string): boolean {
  const keys = value.split(/[\t\n\f\r ]+/).filter(Boolean);
  return keys.every((key) => [...key].length === 1) && new Set(keys).size === keys.length;
}

function isAbsoluteUrl(value: string): boolean {
  return URL.canParse(value);
}
