import type { Element } from 'hast';
import type { Syntax } from './attribute-syntaxes.js';
import { imageChoiceProblems, type ImageChoiceProblems } from './image-candidates.js';

// What `checkAttributeValues` finds wrong with the `srcset` and `sizes` of an `<img>` or of a
// `<source>` of a `<picture>`, in the words its warnings say it with.

/**
 * What makes a `<source>` of a `<picture>` offer its image: a browser skips one whose type or
 * media it can not read (a media query it can not read is `not all`), and HTML wants one that
 * always matches to be the last (#the-source-element), so the whole `<source>` goes.
 */
export const sourceChoice = new Set(['srcSet', 'media', 'type']);

/** Whether an `<img>` is lazy-loaded, as the Nu Html Checker reads `loading` for `sizes` (in lower case only). */
export function isLazy(image: Element): boolean {
  return image.properties['loading'] === 'lazy';
}

/** What becomes of the `srcSet` and `sizes` of an `<img>` or a `<source>` of a `<picture>`: a syntax that fails, or a place (`sizes` beside no widths). */
export type ImageChoice = Record<string, { syntax?: Syntax; place?: string }>;

/** What is wrong with the `srcset` and `sizes` of an `<img>` or of a `<source>` of a `<picture>`, decided together, by property. */
export function imageChoiceOf(element: Element, lazy: boolean): ImageChoice {
  const text = (key: string) => {
    const value = element.properties[key];
    return Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : undefined;
  };
  const problems: ImageChoiceProblems = imageChoiceProblems(text('srcSet'), text('sizes'), lazy);
  const fails = (words: string, advice: string): Syntax => ({ test: () => false, words, advice });
  const choice: ImageChoice = { srcSet: {}, sizes: {} };
  if (problems.srcset) choice['srcSet'] = { syntax: fails(srcsetWords[problems.srcset], srcsetAdvice) };
  if (problems.sizes === 'unused') choice['sizes'] = { place: 'only beside a srcset whose images give their widths (300w)' };
  else if (problems.sizes) choice['sizes'] = { syntax: fails(sizesWords[problems.sizes], problems.sizes === 'eager' ? eagerAdvice : sizesAdvice) };
  return choice;
}

const srcsetWords: Record<NonNullable<ImageChoiceProblems['srcset']>, string> = {
  syntax: 'image addresses separated by commas, each followed by one width like 300w or one pixel density like 2x, or by nothing (1x)',
  repeated: 'image addresses that each give another width or pixel density (an address alone is 1x)',
  mixed: 'image addresses that all give a width (300w), or none of them',
  unsized: 'image addresses with pixel densities (2x), or with widths (300w) and a sizes attribute beside them',
};
const srcsetAdvice =
  'Follow each address with its pixel density, as in srcset="lamp.png 1x, lamp-2x.png 2x", or with its width and give sizes beside it, as in srcset="lamp-600.png 600w, lamp-1200.png 1200w" sizes="(max-width: 600px) 100vw, 50vw".';
const sizesWords: Record<'syntax' | 'eager', string> = {
  syntax: 'sizes separated by commas, each with a unit (px, em, vw) and each but the last after a media condition, like (max-width: 600px) 100vw, 50vw',
  eager: 'sizes like (max-width: 600px) 100vw, 50vw; auto only on an image with loading="lazy"',
};
const sizesAdvice = 'Give the width the image is shown at, with a unit (300px, 50vw, calc(100vw - 2em)), after a media condition for each but the last: (max-width: 600px) 100vw, 50vw.';
const eagerAdvice = 'Add loading="lazy" to the <img>, or give the width the image is shown at: (max-width: 600px) 100vw, 50vw.';
