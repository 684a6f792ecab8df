import { sizesProblem, type SizesProblem } from './source-sizes.js';

// The image candidates of a `srcset` (https://html.spec.whatwg.org/#srcset-attributes), read as
// HTML's parser reads them (#parse-a-srcset-attribute) and checked, with the `sizes` beside them,
// as HTML's authoring rules and the Nu Html Checker want them.

/** One candidate: its URL and the descriptors after it (`300w`, `2x`). */
interface Candidate {
  url: string;
  descriptors: string[];
}

const space = /[\t\n\f\r ]/;
const width = /^(\d+)w$/;
// A valid floating-point number (#valid-floating-point-number) and `x`.
const density = /^(-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?)x$/;
// The checker reads a width as a Java int.
const largestWidth = 2 ** 31 - 1;

/** What can be wrong with a `srcset`: see {@link srcsetProblem}. */
export type SrcsetProblem = 'syntax' | 'repeated' | 'mixed' | 'unsized' | 'before-widths';

/** What is wrong with the `srcset` and the `sizes` of an `<img>` or of a `<source>` of a `<picture>`; `unused`: a `sizes` beside no widths. */
export interface ImageChoiceProblems {
  srcset?: SrcsetProblem | undefined;
  sizes?: SizesProblem | 'unused' | undefined;
}

/** What the Nu Html Checker reads an element's `srcset` and `sizes` against. */
export interface ImageChoiceReading {
  /**
   * Whether its image is lazy-loaded (`loading="lazy"`, which stands for `sizes="auto"`); for a
   * `<source>` of a `<picture>`, whether nothing it is read against follows it (see `widthsFollow`).
   */
  lazy: boolean;
  /**
   * For a `<source>` of a `<picture>`: whether a `<source>` or an `<img>` it is read against follows
   * it and gives widths (`300w`), which the checker then wants of it too (default: `false`).
   */
  widthsFollow?: boolean;
}

/**
 * What is wrong with an element's `srcset` and `sizes` (`undefined` when it has none), read as
 * `reading` says. A `sizes` beside densities (`2x`) is the one that goes: the `srcset` is valid
 * without it.
 */
export function imageChoiceProblems(srcset: string | undefined, sizes: string | undefined, reading: ImageChoiceReading): ImageChoiceProblems {
  const { lazy } = reading;
  const sizesWrong = sizes === undefined ? undefined : sizesProblem(sizes, lazy);
  const sized = sizes !== undefined && sizesWrong === undefined;
  const srcsetWrong = srcset === undefined ? undefined : srcsetProblem(srcset, { sized, lazy, widthsFollow: reading.widthsFollow === true });
  const unused = sized && (srcset === undefined || srcsetWrong !== undefined || !hasWidths(srcset));
  return { srcset: srcsetWrong, sizes: unused ? 'unused' : sizesWrong };
}

/**
 * What is wrong with the `srcset` `list` of an element (`sized`: it has a `sizes` HTML allows;
 * `lazy` and `widthsFollow`: see {@link ImageChoiceReading}), if anything: a candidate that is
 * empty or has a descriptor HTML does not read (`a.png 2q`), two candidates with one width or
 * density (an address alone is `1x`), widths beside densities, widths without `sizes` on an image
 * that is not lazy-loaded, or densities where widths follow.
 */
function srcsetProblem(list: string, options: { sized: boolean; lazy: boolean; widthsFollow: boolean }): SrcsetProblem | undefined {
  const candidates = candidatesOf(list);
  if (!candidates || candidates.length === 0 || candidates.some((candidate) => candidate.descriptors.length > 1)) return 'syntax';
  const widths = new Set<number>();
  const densities = new Set<number>();
  let widthCount = 0;
  for (const { descriptors } of candidates) {
    const descriptor = descriptors[0] ?? '1x';
    const asWidth = width.exec(descriptor);
    const asDensity = density.exec(descriptor);
    if (asWidth) {
      const value = Number(asWidth[1]);
      if (value === 0 || value > largestWidth) return 'syntax';
      if (widths.has(value)) return 'repeated';
      widths.add(value);
      widthCount++;
    } else if (asDensity) {
      if (!(Number(asDensity[1]) > 0)) return 'syntax';
      // The checker compares densities as Java floats: 2x and 2.00000000001x are one.
      const value = Math.fround(Number(asDensity[1]));
      if (densities.has(value)) return 'repeated';
      densities.add(value);
    } else {
      return 'syntax';
    }
  }
  if (widthCount > 0 && widthCount < candidates.length) return 'mixed';
  if (widthCount > 0 && !options.sized && !options.lazy) return 'unsized';
  // HTML allows it, but the checker (vnu 26.9, `Assertions.startElement`) reads the sources of a
  // `<picture>` at each later element with one "has widths" flag, which that element's own
  // srcset sets first, and then rejects each source without sizes as if its srcset gave widths.
  if (widthCount === 0 && options.widthsFollow) return 'before-widths';
  return undefined;
}

/** Whether every candidate of `list` gives a width, as a `sizes` beside it wants. */
export function hasWidths(list: string): boolean {
  const candidates = candidatesOf(list);
  return candidates !== undefined && candidates.length > 0 && candidates.every((candidate) => candidate.descriptors.length === 1 && width.test(candidate.descriptors[0]!));
}

/**
 * The candidates of `list` as HTML's parser splits them: a URL runs to a space (commas inside it
 * included, as image services write them: `…/w_300,h_200/a.jpg 2x`), trailing commas end it, and
 * descriptors go on to a comma outside parentheses. `undefined` for what HTML calls an empty
 * candidate: a comma at the start or the end, or two in a row.
 */
function candidatesOf(list: string): Candidate[] | undefined {
  const candidates: Candidate[] = [];
  let at = 0;
  let afterComma = true;
  const skipSpaces = () => {
    while (at < list.length && space.test(list[at]!)) at++;
  };
  for (;;) {
    skipSpaces();
    if (at >= list.length) return afterComma && candidates.length > 0 ? undefined : candidates;
    if (list[at] === ',') return undefined;
    const start = at;
    while (at < list.length && !space.test(list[at]!)) at++;
    const written = list.slice(start, at);
    const url = written.replace(/,+$/, '');
    if (written.length - url.length > 1) return undefined;
    if (url !== written) {
      candidates.push({ url, descriptors: [] });
      afterComma = true;
      continue;
    }
    const { descriptors, end, comma } = descriptorsFrom(list, at);
    if (descriptors === undefined) return undefined;
    candidates.push({ url, descriptors });
    at = end;
    afterComma = comma;
  }
}

/** The descriptors from `start` to the comma that ends a candidate (outside parentheses), or to the end. */
function descriptorsFrom(list: string, start: number): { descriptors: string[] | undefined; end: number; comma: boolean } {
  const descriptors: string[] = [];
  let current = '';
  let depth = 0;
  for (let at = start; at < list.length; at++) {
    const char = list[at]!;
    if (depth > 0) {
      current += char;
      if (char === ')') depth = 0;
    } else if (char === ',') {
      if (current !== '') descriptors.push(current);
      return { descriptors, end: at + 1, comma: true };
    } else if (space.test(char)) {
      if (current !== '') descriptors.push(current);
      current = '';
    } else {
      current += char;
      if (char === '(') depth = 1;
    }
  }
  // A parenthesis left open is a parse error.
  if (depth > 0) return { descriptors: undefined, end: list.length, comma: false };
  if (current !== '') descriptors.push(current);
  return { descriptors, end: list.length, comma: false };
}
