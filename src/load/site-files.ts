import type { Place, Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { authorsSchema, siteConfigSchema, type AuthorsFile, type SiteConfig } from '../parse/schemas.js';
import { validateData } from '../parse/validate.js';
import { parseYaml, type YamlData } from '../parse/yaml-data.js';
import type { TextSource } from './load-sources.js';

const siteFile = 'content/site.yml';
const authorsFile = 'content/authors.yml';

/** Reads and checks `content/site.yml`; `undefined` when it is missing or wrong (reported). */
export function readSiteConfig(texts: readonly TextSource[], report: Report): SiteConfig | undefined {
  reportOtherSpelling(texts, siteFile, report);
  const source = texts.find((text) => text.path === siteFile);
  if (!source) {
    reportRule(report, 'site-config/missing', { file: siteFile }, { file: siteFile });
    return undefined;
  }
  const data = parseYaml(source.text, { file: siteFile }, report);
  const config = data && validateData(siteConfigSchema, data, { file: siteFile, kind: 'site.yml', area: 'site-config' }, report);
  if (config) configPlaces.set(config, data.locate);
  return config;
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
  const data = parseYaml(source.text, { file: authorsFile }, report);
  return data && validateData(authorsSchema, data, { file: authorsFile, kind: 'authors.yml', area: 'authors-file' }, report);
}

/** Reports `file` spelt `.yaml`, which mimeo does not read (it would be silently left out). */
function reportOtherSpelling(texts: readonly TextSource[], file: string, report: Report): void {
  const other = file.replace(/\.yml$/, '.yaml');
  if (!texts.some((text) => text.path === other)) return;
  reportRule(report, 'slug/invalid', { file: other }, { name: other, expected: file, suggestion: file.slice(file.lastIndexOf('/') + 1) });
}
