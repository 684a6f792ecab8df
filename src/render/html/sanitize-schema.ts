import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { imageSchemes, linkSchemes } from '../../transform/link-target.js';

// What the sanitizer keeps of a body's raw HTML: GitHub's list, less what HTML made obsolete,
// with what a magazine's articles use besides.

// Markdown-made ids (headings, footnotes) must survive, so `id` is not clobbered: built pages
// carry no script that an id could hijack. Links may have the schemes Markdown's may (`linkSchemes`:
// `gemini:`, `ftp:`, `tel:` are as safe as `https:`), images and media the web's.
// The footnotes heading keeps its `sr-only` class at every level it is shifted to.
const srOnly = [['className', 'sr-only']] as Array<[string, string]>;
// GitHub's list keeps `strike` and `tt`, which HTML made obsolete (#non-conforming-features: the Nu
// Html Checker rejects a page that has them): taken out, their text kept, as other elements are.
const obsolete = new Set(['strike', 'tt']);
// Beyond GitHub's list: what a magazine's articles use (figures with captions, marked text,
// abbreviations, dates, video and audio with their captions, pictures for every screen), none of
// which can run code; `autoplay` is left out, for readers' sake.
const web = [...imageSchemes];
export const schema: SanitizeSchema = {
  ...defaultSchema,
  clobber: ['name'],
  strip: [...(defaultSchema.strip ?? []), 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => !obsolete.has(name)), 'abbr', 'audio', 'bdi', 'caption', 'cite', 'figcaption', 'figure', 'mark', 'small', 'time', 'track', 'video', 'wbr'],
  attributes: {
    ...defaultSchema.attributes,
    h3: srOnly,
    h4: srOnly,
    h5: srOnly,
    h6: srOnly,
    img: [...(defaultSchema.attributes?.['img'] ?? []), 'srcSet', 'sizes', 'loading', 'decoding'],
    source: [...(defaultSchema.attributes?.['source'] ?? []), 'src', 'type', 'sizes'],
    video: ['src', 'poster', 'controls', 'loop', 'muted', 'playsInline', 'preload'],
    audio: ['src', 'controls', 'loop', 'muted', 'preload'],
    track: ['src', 'kind', 'srcLang', 'label', 'default'],
  },
  protocols: { ...defaultSchema.protocols, href: [...linkSchemes], src: web, poster: web, srcSet: web },
};
