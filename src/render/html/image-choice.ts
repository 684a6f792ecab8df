import type { Element } from 'hast';
import { syntaxOf, type Syntax } from './attribute-syntaxes.js';
import { hasWidths, imageChoiceProblems, type ImageChoiceProblems, type SrcsetProblem } from './image-candidates.js';

// What `checkAttributeValues` finds wrong with the `srcset` and `sizes` of an `<img>` or of a
// `<source>` of a `<picture>`, in the words its warnings say it with.

/**
 * What makes a `<source>` of a `<picture>` offer its image: a browser skips one whose type or
 * media it can not read (a media query it can not read is `not all`), and HTML wants one that
 * always matches to be the last (#the-source-element), so the whole `<source>` goes.
 */
export const sourceChoice = new Set(['srcSet', 'media', 'type']);

/** Whether an `<img>` is lazy-loaded, as the Nu Html Checker reads `loading` for `sizes` (in lower case only). */
function isLazy(image: Element): boolean {
  return image.properties['loading'] === 'lazy';
}

/**
 * What the Nu Html Checker reads the `srcset` and `sizes` of an `<img>`, or of a `<source>` of a
 * `<picture>`, against, and so what a message about them says.
 */
export interface Reading {
  /**
   * What makes `sizes="auto"` and widths without `sizes` wrong: the `<img>` itself, or for a
   * `<source>`, a `<source>` or the `<img>` after it; `undefined` when nothing does (a lazy-loaded
   * `<img>`, and the last `<source>` before one).
   */
  eager: 'image' | 'source' | undefined;
  /** For a `<source>`: what after it gives widths (`300w`), a `<source>` or the `<img>`, which it then must give too; `undefined` when nothing does. */
  widths: 'source' | 'image' | undefined;
  /**
   * For a `<source>`: whether a `<source>` or the `<img>` after it has a `srcset` (lazy-loaded or
   * not), which a `<source>` that always matches would hide from the browser (see {@link alwaysMatches}).
   */
  followed: boolean;
}

/** What the `srcset` and `sizes` of an `<img>` are read against: its own `loading`. */
export function imageReading(image: Element): Reading {
  return { eager: isLazy(image) ? undefined : 'image', widths: undefined, followed: false };
}

/**
 * What each `<source>` of `picture` is read against. The Nu Html Checker (vnu 26.9,
 * `Assertions.startElement`) reads the sources of a `<picture>` again at each `<source>` with a
 * `srcset` after them, and at its `<img>` unless that is lazy-loaded: there it rejects a
 * `sizes="auto"`, widths without `sizes`, and, when the later element's own `srcset` gives
 * widths, densities (or an address alone) without `sizes` too, which HTML allows; and before any
 * `<source>` or `<img>` with a `srcset`, a `<source>` that always matches. Read from the last, so
 * that a `<source>` or `srcset` this check leaves out (with `repair`) counts for none before it.
 */
export function readingsOf(picture: Element, repair: boolean): Map<Element, Reading> {
  const readings = new Map<Element, Reading>();
  let after: Reading = { eager: undefined, widths: undefined, followed: false };
  for (const child of picture.children.toReversed()) {
    if (child.type !== 'element') continue;
    const srcset = listText(child, 'srcSet');
    if (child.tagName === 'img') {
      // With `repair`, a `srcset` this check leaves out gives nothing.
      const kept = srcset !== undefined && (!repair || imageChoiceProblems(srcset, listText(child, 'sizes'), { lazy: isLazy(child) }).srcset === undefined);
      if (!isLazy(child)) after = { ...after, eager: after.eager ?? 'image', widths: after.widths ?? (kept && hasWidths(srcset) ? 'image' : undefined) };
      after = { ...after, followed: after.followed || kept };
    }
    if (child.tagName !== 'source') continue;
    readings.set(child, after);
    if (srcset === undefined || (repair && !keepsSource(child, after))) continue;
    after = { eager: 'source', widths: hasWidths(srcset) ? 'source' : after.widths, followed: true };
  }
  return readings;
}

/**
 * Whether a `<source>` of a `<picture>` read against `reading` keeps its place: whether its
 * `srcset`, `media` and `type` are allowed (see {@link sourceChoice}), and it does not always
 * match while something follows it.
 */
function keepsSource(source: Element, reading: Reading): boolean {
  if (reading.followed && alwaysMatches(source) !== undefined) return false;
  const images = imageChoiceOf(source, reading);
  return [...sourceChoice].every((key) => {
    const value = listText(source, key);
    const syntax = Object.hasOwn(images, key) ? images[key]!.syntax : syntaxOf('source', key);
    return value === undefined || !syntax || syntax.test(value);
  });
}

/**
 * Whether a `<source>` of a `<picture>` matches whatever the screen and whatever the browser
 * reads, and why: a `media` that is empty or `all` (its value as written), or neither `media` nor
 * `type` (`null`); `undefined` when it does not. HTML wants such a `<source>` to be the last with a
 * `srcset` (#the-source-element), as a browser takes it and never reaches what follows it.
 */
export function alwaysMatches(source: Element): string | null | undefined {
  const media = listText(source, 'media');
  if (media === undefined) return listText(source, 'type') === undefined ? null : undefined;
  // Trimmed of ASCII whitespace and read in any case, as HTML says.
  const trimmed = media.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase();
  return trimmed === '' || trimmed === 'all' ? media : undefined;
}

/** What a warning about a `<source>` that always matches says: what HTML wants, after "must have" or "must be", and what to write. */
export const alwaysMatchingWords = {
  absent: 'a media or type attribute, as a <source> or an <img> with a srcset follows it',
  media: 'a media query that not every screen matches, not empty and not all, as a <source> or an <img> with a srcset follows it',
  advice:
    'Give this <source> the media query it is for (media="(max-width: 600px)") or the type of its images (type="image/webp"), or make it the last <source>, before an <img> without a srcset: a browser takes the first <source> that matches, and one that always matches hides what follows it.',
};

/** The value of attribute `key` of `element` as written (a list joined with commas), or `undefined` when it has none. */
function listText(element: Element, key: string): string | undefined {
  const value = element.properties[key];
  return Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : undefined;
}

/** What becomes of the `srcSet` and `sizes` of an `<img>` or a `<source>` of a `<picture>`: a syntax that fails, or a place (`sizes` beside no widths). */
type ImageChoice = Record<string, { syntax?: Syntax; place?: string }>;

/** What is wrong with the `srcset` and `sizes` of an `<img>` or of a `<source>` of a `<picture>`, read against `reading`, decided together, by property. */
export function imageChoiceOf(element: Element, reading: Reading): ImageChoice {
  const problems: ImageChoiceProblems = imageChoiceProblems(listText(element, 'srcSet'), listText(element, 'sizes'), { lazy: reading.eager === undefined, widthsFollow: reading.widths !== undefined });
  const fails = (words: string, advice: string): Syntax => ({ test: () => false, words, advice });
  const choice: ImageChoice = { srcSet: {}, sizes: {} };
  if (problems.srcset === 'before-widths') choice['srcSet'] = { syntax: fails(widthsAfterWords[reading.widths!], widthsAfterAdvice[reading.widths!]) };
  else if (problems.srcset) choice['srcSet'] = { syntax: fails(srcsetWords[problems.srcset], problems.srcset === 'unsized' && reading.eager === 'source' ? `${srcsetAdvice} ${lastSourceOnly}` : srcsetAdvice) };
  if (problems.sizes === 'unused') choice['sizes'] = { place: 'only beside a srcset whose images give their widths (300w)' };
  else if (problems.sizes === 'eager' && reading.eager === 'source') choice['sizes'] = { syntax: fails(sizesWords.eagerSource, `${sizesAdvice} ${lastSourceOnly}`) };
  else if (problems.sizes) choice['sizes'] = { syntax: fails(sizesWords[problems.sizes], problems.sizes === 'eager' ? eagerAdvice : sizesAdvice) };
  return choice;
}

const srcsetWords: Record<Exclude<SrcsetProblem, 'before-widths'>, string> = {
  syntax: 'image addresses separated by commas, each followed by one width like 300w or one pixel density like 2x, or by nothing (1x)',
  repeated: 'image addresses that each give another width or pixel density (an address alone is 1x)',
  mixed: 'image addresses that all give a width (300w), or none of them',
  unsized: 'image addresses with pixel densities (2x), or with widths (300w) and a sizes attribute beside them',
};
const srcsetAdvice =
  'Follow each address with its pixel density, as in srcset="lamp.png 1x, lamp-2x.png 2x", or with its width and give sizes beside it, as in srcset="lamp-600.png 600w, lamp-1200.png 1200w" sizes="(max-width: 600px) 100vw, 50vw".';
const widthsAfterWords: Record<'source' | 'image', string> = {
  source: 'image addresses with widths (300w) and a sizes attribute beside them, as a <source> after it gives widths',
  image: 'image addresses with widths (300w) and a sizes attribute beside them, as the <img> after it gives widths',
};
const widthsAfterAdvice: Record<'source' | 'image', string> = {
  source:
    'Give the width of each image of this <source> and a sizes, as in srcset="narrow-300.png 300w, narrow-600.png 600w" sizes="100vw": the Nu Html Checker rejects pixel densities (or an address alone) in a <source> before another <source> whose images give widths.',
  image:
    'Give the width of each image of this <source> and a sizes, as in srcset="narrow-300.png 300w, narrow-600.png 600w" sizes="100vw", or add loading="lazy" to the <img>: the Nu Html Checker rejects pixel densities (or an address alone) in a <source> before an <img> whose images give widths, unless it is lazy-loaded.',
};
const sizesWords: Record<'syntax' | 'eager' | 'eagerSource', string> = {
  syntax: 'sizes separated by commas, each with a unit (px, em, vw) and each but the last after a media condition, like (max-width: 600px) 100vw, 50vw',
  eager: 'sizes like (max-width: 600px) 100vw, 50vw; auto only on an image with loading="lazy"',
  eagerSource: 'sizes like (max-width: 600px) 100vw, 50vw; auto only in the last <source> before an <img> with loading="lazy"',
};
const sizesAdvice = 'Give the width the image is shown at, with a unit (300px, 50vw, calc(100vw - 2em)), after a media condition for each but the last: (max-width: 600px) 100vw, 50vw.';
const eagerAdvice = 'Add loading="lazy" to the <img>, or give the width the image is shown at: (max-width: 600px) 100vw, 50vw.';
// What the Nu Html Checker wants of a `<source>` that another follows (see `readingsOf`).
const lastSourceOnly = 'Only the last <source> before an <img loading="lazy"> may go without sizes, or begin them with auto.';
