import type { ThemeFiles } from '../load/load-theme.js';
import { placeOf } from '../util/text-place.js';
import { namedIn, templateNames, templatePrefix } from './template-names.js';

/** A template that renders, includes or extends one of the other kind: gemtext and HTML. */
export interface CrossedTemplate {
  /** The template named, as written: `partials/footer`. */
  name: string;
  /** The kind of the template that names it. */
  kind: 'gemtext' | 'html';
  /** The template of its kind of the same name, when the theme has one: `gemini/partials/footer`. */
  counterpart?: string | undefined;
  /** The tag that names it, for messages. */
  place: { file: string; line: number; column: number };
}

/**
 * The `render`, `include` and `layout` tags, names written out, that cross from a gemtext template
 * (`templates/gemini/`) to an HTML one, or back: an HTML partial's markup would be text in the
 * capsule, and gemtext in a web page is neither escaped nor HTML. Names the theme does not have
 * are left to the check of missing templates.
 */
export function crossedTemplates(files: ThemeFiles): CrossedTemplate[] {
  const isGemtext = (name: string) => name.startsWith('gemini/');
  const has = (name: string) => files.has(`${templatePrefix}${name}.liquid`);
  const crossed: CrossedTemplate[] = [];
  for (const from of templateNames(files).sort()) {
    const file = files.get(`${templatePrefix}${from}.liquid`)!;
    const text = file.bytes.toString('utf8');
    for (const { name, index } of namedIn(text)) {
      if (!has(name) || isGemtext(name) === isGemtext(from)) continue;
      const counterpart = isGemtext(from) ? `gemini/${name}` : name.slice('gemini/'.length);
      crossed.push({ name, kind: isGemtext(from) ? 'gemtext' : 'html', counterpart: has(counterpart) ? counterpart : undefined, place: { file: file.displayPath, ...placeOf(text, index) } });
    }
  }
  return crossed;
}
