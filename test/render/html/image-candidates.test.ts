import { describe, expect, it } from 'vitest';
import { imageChoiceProblems, type ImageChoiceProblems, type ImageChoiceReading } from '../../../src/render/html/image-candidates.js';

// What the Nu Html Checker (vnu 26.9) rejects in the srcset and sizes of a <source> of a <picture>,
// read against what follows it: a <source> with a srcset, or the <img> when it is not lazy-loaded.
describe('the srcset and sizes of a <source> of a <picture>', () => {
  const last: ImageChoiceReading = { lazy: true };
  const beforeWidths: ImageChoiceReading = { lazy: false, widthsFollow: true };
  it.each<[string, string | undefined, ImageChoiceReading, ImageChoiceProblems]>([
    ['narrow.png', undefined, beforeWidths, { srcset: 'before-widths', sizes: undefined }],
    ['narrow.png 1x, narrow-2x.png 2x', undefined, beforeWidths, { srcset: 'before-widths', sizes: undefined }],
    ['narrow.png 1x', '50vw', beforeWidths, { srcset: 'before-widths', sizes: 'unused' }],
    ['narrow-300.png 300w', '50vw', beforeWidths, { srcset: undefined, sizes: undefined }],
    ['narrow-300.png 300w', undefined, beforeWidths, { srcset: 'unsized', sizes: undefined }],
    ['narrow-300.png 300w', 'auto', beforeWidths, { srcset: 'unsized', sizes: 'eager' }],
    ['narrow.png 1x', undefined, { lazy: false }, { srcset: undefined, sizes: undefined }],
    ['narrow-300.png 300w', undefined, last, { srcset: undefined, sizes: undefined }],
    ['narrow-300.png 300w', 'auto', last, { srcset: undefined, sizes: undefined }],
  ])('finds in srcset %j, sizes %j, read as %j: %j', (srcset, sizes, reading, problems) => {
    expect(imageChoiceProblems(srcset, sizes, reading)).toEqual(problems);
  });
});
