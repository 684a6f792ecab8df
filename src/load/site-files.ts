import type { Place, Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { authorsSchema, siteConfigSchema, type AuthorsFile, type SiteConfig } from '../parse/schemas.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { knownKeys } from '../parse/field-schema.js';
import { validateData, withoutMistakes } from '../parse/validate.js';
import { parseYaml, type YamlData } from '../parse/yaml-data.js';
import type { TextSource } from './load-sources.js';

const siteFile = 'content/site.yml';
const authorsFile = 'content/authors.yml';

/**
 * Reads and checks `content/site.yml`; `undefined` when it is missing (reported). When it can
 * not be read (its bytes as UTF-8, listed in `unreadable`, or as YAML: reported), a stand-in. When it holds wrong settings (reported), the content is still checked, with a
 * stand-in made of its good settings and defaults for the others, so that every error shows at
 * once (SPEC §5); nothing is built from it, since the build has errors.
 */
export function readSiteConfig(texts: readonly TextSource[], report: Report, unreadable: readonly string[] = []): SiteConfig | undefined {
  reportOtherSpelling(texts, siteFile, report);
  const source = texts.find((text) => text.path === siteFile);
  // There, but its bytes could not be read as text (reported where they were read).
  if (!source && unreadable.includes(siteFile)) return unreadableStandIn();
  if (!source) {
    reportRule(report, 'site-config/missing', { file: siteFile }, { file: siteFile });
    return undefined;
  }
  const data = parseYaml(source.text, { file: siteFile, schema: siteConfigSchema }, report);
  if (!data) return unreadableStandIn();
  const config = validateData(siteConfigSchema, data, { file: siteFile, kind: 'site.yml', area: 'site-config', text: source.text }, report);
  // Not "name: value" lines at all (a list, a lone value: reported): no setting of it is known.
  const fields = data.value !== null && typeof data.value === 'object' && !Array.isArray(data.value);
  if (!config && !fields) return unreadableStandIn();
  const used = config ?? standInConfig(data.value);
  if (used) configPlaces.set(used, data.locate);
  return used;
}

/**
 * The settings that stand in for a site.yml whose YAML can not be read (reported): the content
 * is still checked, all of it at once, with none of its settings known (its languages neither,
 * so a file named for a language is no mistake of its own).
 */
function unreadableStandIn(): SiteConfig | undefined {
  const stand = withoutMistakes(siteConfigSchema, {}, { title: 'Untitled', baseUrl: 'https://example.invalid/', languages: [] })?.data;
  if (!stand) return undefined;
  uncertainLanguages.add(stand);
  unknownSettings.add(stand);
  configPlaces.set(stand, () => ({ line: 1, column: 1 }));
  return stand;
}

// Stand-ins for a site.yml that can not be read at all.
const unknownSettings = new WeakSet<SiteConfig>();

/**
 * Whether `config` stands in for a site.yml that can not be read (reported): none of its settings
 * is known, so what depends on one (what raw HTML keeps, `markdown.html`) is not told about.
 */
export function settingsUnknown(config: SiteConfig): boolean {
  return unknownSettings.has(config);
}

/**
 * The settings of a site.yml with mistakes that can be trusted: those without one. A setting a
 * later check would miss is stood in for, so it adds no error of its own: a title, a base URL
 * when one was given, and the right languages of a list that holds a wrong one.
 */
function standInConfig(value: unknown): SiteConfig | undefined {
  const written = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const original = (typeof written['language'] === 'string' ? written['language'] : 'en').toLowerCase();
  const listed = [written['languages']].flat().filter((tag): tag is string => typeof tag === 'string' && siteConfigSchema.shape.languages.safeParse([tag]).success);
  const menu = standInMenu(written['menu']);
  const stand = withoutMistakes(siteConfigSchema, written, {
    title: 'Untitled',
    // A misspelt `baseURL` is reported with its did-you-mean: that it lacks baseUrl is the same mistake.
    ...('baseUrl' in written || misspeltBaseUrl(written) ? { baseUrl: 'https://example.invalid/' } : {}),
    // Each once, and not the original edition's.
    languages: listed.filter((tag, index) => listed.findIndex((other) => other.toLowerCase() === tag.toLowerCase()) === index && tag.toLowerCase() !== original),
    menu: menu.entries,
  });
  if (stand && (stand.wrong.has('language') || stand.wrong.has('languages'))) uncertainLanguages.add(stand.data);
  if (stand && stand.wrong.has('menu')) wrongMenuUrls.set(stand.data, menu.wrongUrls);
  return stand?.data;
}

/** Whether a key of site.yml that is no setting is told "Did you mean "baseUrl"?", as validation tells it. */
function misspeltBaseUrl(written: Record<string, unknown>): boolean {
  const known = knownKeys(siteConfigSchema, []);
  return Object.keys(written).some((key) => !known.includes(key) && didYouMean(key, known) === 'baseUrl');
}

/**
 * The entries of a `menu` that holds a wrong one, each in its place (its position locates what is
 * reported on it): a wrong title or url stood in for, so the good urls of the other entries, and
 * of an entry with a wrong title, are still checked (SPEC §5). A list that is no list has none.
 */
function standInMenu(written: unknown): { entries: SiteConfig['menu']; wrongUrls: Set<number> } {
  const wrongUrls = new Set<number>();
  if (!Array.isArray(written)) return { entries: [], wrongUrls };
  const entries = written.map((entry: unknown, index) => {
    const fields = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
    const title = siteConfigSchema.shape.menu.safeParse([{ title: fields['title'], url: '/' }]).success ? (fields['title'] as string) : 'Untitled';
    if (siteConfigSchema.shape.menu.safeParse([{ title: 'Untitled', url: fields['url'] }]).success) return { title, url: fields['url'] as string };
    wrongUrls.add(index);
    return { title, url: '/' };
  });
  return { entries, wrongUrls };
}

// The entries of a stand-in's `menu` whose url was wrong (reported) and is stood in for.
const wrongMenuUrls = new WeakMap<SiteConfig, ReadonlySet<number>>();

/** Whether entry `index` of `config.menu` stands in for one whose url is wrong (reported): it leads nowhere to check. */
export function menuUrlWrong(config: SiteConfig, index: number): boolean {
  return wrongMenuUrls.get(config)?.has(index) ?? false;
}

// Stand-ins for a site.yml whose `language` or `languages` is wrong.
const uncertainLanguages = new WeakSet<SiteConfig>();

/**
 * Whether `config` stands in for a site.yml whose languages are wrong (reported): which files
 * are translations can then not be told, and a file named for a language is no mistake of its own.
 */
export function languagesUncertain(config: SiteConfig): boolean {
  return uncertainLanguages.has(config);
}

// Where each value of a read site.yml was written, for what later stages report about it.
const configPlaces = new WeakMap<SiteConfig, YamlData['locate']>();

/** Where the value at `path` of `config` (read by {@link readSiteConfig}) is in site.yml. */
export function configPlace(config: SiteConfig, path: readonly PropertyKey[]): Place {
  return { file: siteFile, ...configPlaces.get(config)?.(path, 'value') };
}

/** Reads and checks the optional `content/authors.yml`. */
export function readAuthorsFile(texts: readonly TextSource[], report: Report): AuthorsFile | undefined {
  reportOtherSpelling(texts, authorsFile, report);
  const source = texts.find((text) => text.path === authorsFile);
  if (!source) return undefined;
  const data = parseYaml(source.text, { file: authorsFile, schema: authorsSchema }, report);
  return data && validateData(authorsSchema, data, { file: authorsFile, kind: 'authors.yml', area: 'authors-file', text: source.text }, report);
}

/** Reports `file` spelt `.yaml`, which mimeo does not read (it would be silently left out). */
function reportOtherSpelling(texts: readonly TextSource[], file: string, report: Report): void {
  const other = file.replace(/\.yml$/, '.yaml');
  if (!texts.some((text) => text.path === other)) return;
  reportRule(report, 'slug/invalid', { file: other }, { name: other, expected: file, suggestion: file.slice(file.lastIndexOf('/') + 1) });
}
