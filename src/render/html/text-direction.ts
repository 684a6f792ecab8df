// Scripts written from right to left (Unicode's ISO 15924 codes) that a language may use.
const rightToLeft = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

const directions = new Map<string, 'rtl' | 'ltr'>();

/**
 * The direction a language's text runs in, for HTML's `dir`: by the script it is written in,
 * as the tag says (`az-Arab`) or as CLDR's likely subtags say (`ar` → Arab, `dv` → Thaana).
 * A tag that names no language (`''`, a mistake) runs left to right.
 */
export function textDirection(language: string): 'rtl' | 'ltr' {
  let direction = directions.get(language);
  if (direction === undefined) {
    let script: string | undefined;
    try {
      script = new Intl.Locale(language).maximize().script;
    } catch {
      script = undefined;
    }
    direction = script !== undefined && rightToLeft.has(script) ? 'rtl' : 'ltr';
    directions.set(language, direction);
  }
  return direction;
}
