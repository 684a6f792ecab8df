import { createRequire } from 'node:module';

// Language tags (BCP 47, https://www.rfc-editor.org/rfc/rfc5646) as HTML wants them in `lang`,
// `hreflang` and `srclang`, and as the Nu Html Checker reads them: well-formed (section 2.1),
// and made of subtags the IANA registry holds (npm language-subtag-registry), each variant after
// the prefix the registry gives it, an extension only `-t-` or `-u-`, a private-use subtag
// (after `x-`) of two characters or more.

/** One record of the registry, as language-subtag-registry writes it. */
interface RegistryRecord {
  Type: string;
  Subtag?: string;
  Tag?: string;
  Description?: string[];
  Prefix?: string[];
}

/** The registry's subtags by type, each with the prefixes it takes (lower case), and its languages by name. */
interface Registry {
  subtags: Map<string, Map<string, string[]>>;
  tags: Set<string>;
  names: Map<string, { subtag: string; name: string }>;
}

// The well-formed language tags, irregular grandfathered tags included (RFC 5646 section 2.1).
const wellFormed =
  /^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?|x(?:-[a-z\d]{1,8})+|en-gb-oed|i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)|sgn-(?:be-fr|be-nl|ch-de))$/i;

// The registry's ranges of subtags for private use (`qaa..qtz`), which the checker allows too,
// and the region `aa`, `zz` (RFC 5646 section 3.4).
const privateUse: Record<string, RegExp> = { language: /^q[a-t][a-z]$/, script: /^qa[a-b][a-z]$/, region: /^(?:aa|q[m-z]|x[a-z]|zz)$/ };

let registry: Registry | undefined;

/** The registry, read the first time a tag is checked (it is a megabyte of JSON). */
function loadRegistry(): Registry {
  if (registry) return registry;
  const records = createRequire(import.meta.url)('language-subtag-registry/data/json/registry.json') as RegistryRecord[];
  const subtags = new Map<string, Map<string, string[]>>();
  const tags = new Set<string>();
  const names = new Map<string, { subtag: string; name: string }>();
  for (const record of records) {
    if (record.Tag !== undefined) tags.add(record.Tag.toLowerCase());
    if (record.Subtag === undefined || record.Subtag.includes('..')) continue;
    const subtag = record.Subtag.toLowerCase();
    if (!subtags.has(record.Type)) subtags.set(record.Type, new Map());
    subtags.get(record.Type)!.set(subtag, (record.Prefix ?? []).map((prefix) => prefix.toLowerCase()));
    if (record.Type !== 'language') continue;
    for (const name of record.Description ?? []) if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), { subtag, name });
  }
  registry = { subtags, tags, names };
  return registry;
}

/** Whether `value` is a language tag HTML and the Nu Html Checker allow (`en`, `pt-BR`, `zh-Hant-TW`, `sl-rozaj-biske`). */
export function isLanguageTag(value: string): boolean {
  if (!wellFormed.test(value)) return false;
  const tag = value.toLowerCase();
  const { tags } = loadRegistry();
  return tags.has(tag) || isValid(tag.split('-'));
}

/** What to write instead of `value`, in a sentence: the tag of a language written by its name, or how tags are made. */
export function languageAdvice(value: string): string {
  const named = loadRegistry().names.get(value.trim().toLowerCase());
  if (named !== undefined) return `Write the language's code, not its name: ${named.subtag} for ${named.name}.`;
  if (value.includes('_')) return `Join the parts of a language tag with hyphens: ${value.replaceAll('_', '-')}.`;
  const subtags = value.toLowerCase().split('-');
  const variant = subtags.findIndex((subtag, at) => at > 0 && !isAfterPrefix(registered('variant', subtag) ?? [], subtags.slice(0, at)));
  if (variant > 0) return `The variant ${subtags[variant]!} is registered only after ${registered('variant', subtags[variant]!)!.join(' or ')}, as in ${registered('variant', subtags[variant]!)![0]!}-${subtags[variant]!}.`;
  return 'Write a language tag of subtags from the IANA registry, like en, fr-CA or zh-Hant: a language, then maybe its script, region and variants.';
}

/**
 * A language tag in the case BCP 47 recommends (RFC 5646 section 2.1.1): the language and
 * variants in lower case, a script capitalized, a region in capitals (`pt-BR`, `zh-Hant-TW`);
 * subtags after a singleton (`-u-`, `-x-`) in lower case. Tags do not tell case apart, but a
 * webzine's file names and theme files do: site.yml writes each language one way.
 */
export function toCanonicalCase(tag: string): string {
  const subtags = tag.toLowerCase().split('-');
  const singleton = subtags.findIndex((subtag, at) => at > 0 && subtag.length === 1);
  return subtags
    .map((subtag, at) => {
      if (at === 0 || (singleton > 0 && at > singleton)) return subtag;
      if (/^[a-z]{4}$/.test(subtag)) return subtag[0]!.toUpperCase() + subtag.slice(1);
      return /^[a-z]{2}$/.test(subtag) ? subtag.toUpperCase() : subtag;
    })
    .join('-');
}

/** A language tag to write instead of a value: the value in canonical case, with hyphens, or the tag of a language written by its name. */
export interface TagSuggestion {
  /** The tag to write: `pt-BR`. */
  tag: string;
  /** What is wrong with the value: its `case`, an underscore as `separator`, a `space` before or after it, or it is the language's `name`. */
  reason: 'case' | 'separator' | 'space' | 'name';
  /** The language's name, as the registry or the language itself writes it, when `reason` is `name`. */
  name?: string;
  /** Where the space is, when `reason` is `space`. */
  space?: 'before' | 'after' | 'around';
}

/**
 * The language tag a value that is not one stands for, if any: `FR` and `pt-br` in canonical
 * case, `pt_BR` with a hyphen, `"fr "` without its space, `french` and `Français` by their name (in English, as the IANA
 * registry gives it, or in the language itself, as Intl does); `undefined` when none is found.
 */
export function suggestLanguageTag(value: string): TagSuggestion | undefined {
  const trimmed = value.trim();
  const hyphenated = trimmed.replaceAll('_', '-');
  if (wellFormed.test(hyphenated) && isLanguageTag(hyphenated)) {
    const tag = toCanonicalCase(hyphenated);
    // The space first: `"fr "` has no parts to join, and the tag given mends the rest too.
    if (trimmed !== value) return { tag, reason: 'space', space: value.trimStart() === value ? 'after' : value.trimEnd() === value ? 'before' : 'around' };
    if (hyphenated !== value) return { tag, reason: 'separator' };
    return tag === value ? undefined : { tag, reason: 'case' };
  }
  const name = value.trim().normalize('NFC').toLowerCase();
  const named = loadRegistry().names.get(name) ?? autonyms().get(name);
  return named === undefined ? undefined : { tag: named.subtag, reason: 'name', name: named.name };
}

let autonymCache: Map<string, { subtag: string; name: string }> | undefined;

/** The two-letter languages by their name in themselves (`français` for fr), as far as Intl knows them. */
function autonyms(): Map<string, { subtag: string; name: string }> {
  if (autonymCache) return autonymCache;
  autonymCache = new Map();
  const languages = [...(loadRegistry().subtags.get('language')?.keys() ?? [])].filter((subtag) => subtag.length === 2);
  for (const subtag of Intl.DisplayNames.supportedLocalesOf(languages)) {
    const name = new Intl.DisplayNames([subtag], { type: 'language', fallback: 'none' }).of(subtag);
    if (name !== undefined && !autonymCache.has(name.normalize('NFC').toLowerCase())) autonymCache.set(name.normalize('NFC').toLowerCase(), { subtag, name });
  }
  return autonymCache;
}

/** The language of a tag as Intl writes it (`fra` is `fr`, `fr-FR` is `fr`), or the tag itself when Intl can not read it. */
export function baseLanguageOf(tag: string): string {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return tag;
  }
}

/** Whether the subtags of a well-formed tag, in lower case, are registered, each where it may stand. */
function isValid(subtags: string[]): boolean {
  let at = 0;
  const next = () => subtags[at];
  if (next() === 'x') return isPrivateUse(subtags.slice(1));
  const language = subtags[at++]!;
  if (!/^[a-z]{2,3}$/.test(language) || !isRegistered('language', language)) return false;
  if (/^[a-z]{3}$/.test(next() ?? '')) {
    const prefixes = registered('extlang', next()!);
    if (prefixes === undefined || !prefixes.includes(language)) return false;
    at++;
  }
  if (/^[a-z]{4}$/.test(next() ?? '') && !isRegistered('script', subtags[at++]!)) return false;
  if (/^(?:[a-z]{2}|\d{3})$/.test(next() ?? '') && !isRegistered('region', subtags[at++]!)) return false;
  for (; at < subtags.length; at++) {
    const subtag = subtags[at]!;
    if (subtag === 'x') return isPrivateUse(subtags.slice(at + 1));
    // The only extensions registered (RFC 6497, RFC 6067); the checker reads no further.
    if (subtag.length === 1) return subtag === 't' || subtag === 'u';
    const prefixes = registered('variant', subtag);
    if (prefixes === undefined || !isAfterPrefix(prefixes, subtags.slice(0, at))) return false;
  }
  return true;
}

function isRegistered(type: string, subtag: string): boolean {
  return registered(type, subtag) !== undefined || privateUse[type]?.test(subtag) === true;
}

/** The prefixes a registered subtag of `type` takes, or `undefined` when the registry has no such subtag. */
function registered(type: string, subtag: string): string[] | undefined {
  return loadRegistry().subtags.get(type)?.get(subtag);
}

/** Whether a variant with `prefixes` (none: any) stands after all the subtags of one of them, in any order, as the checker reads them. */
function isAfterPrefix(prefixes: readonly string[], before: readonly string[]): boolean {
  return prefixes.length === 0 || prefixes.some((prefix) => prefix.split('-').every((part) => before.includes(part)));
}

/** Whether the subtags after `x-` are some, each two characters or more, as the checker wants. */
function isPrivateUse(subtags: readonly string[]): boolean {
  return subtags.length > 0 && subtags.every((subtag) => subtag.length >= 2);
}
