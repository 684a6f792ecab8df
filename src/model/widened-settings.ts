import type { Place, Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { SiteConfig } from '../parse/schemas.js';
import { parseYaml } from '../parse/yaml-data.js';

/**
 * Warns of what a change to site.yml lets every other file do (`check --changed`): raw HTML that
 * may run script (`markdown.html: trust`, where it was sanitized or escaped) and files that
 * configure the web host (`hostFiles` it did not list). `before` is site.yml's text where the
 * change began (`undefined`: none, the defaults); `place` locates a setting in the new one.
 */
export function reportWidenedSettings(before: string | undefined, after: SiteConfig, place: (path: string[]) => Place, report: Report): void {
  const old = settingsOf(before);
  if (after.markdown.html === 'trust' && old.html !== 'trust') reportRule(report, 'site-config/widened', place(['markdown', 'html']), { what: 'trust' });
  const added = after.hostFiles.filter((file) => !old.hostFiles.includes(file));
  if (added.length > 0) reportRule(report, 'site-config/widened', place(['hostFiles']), { what: 'host-files', files: added.join(', ') });
}

/**
 * The two settings of an earlier site.yml, as mimeo read them (defaults where it can not be read):
 * read as the build reads site.yml (`parseYaml`, with its guards on aliases and no count of them),
 * so a site.yml the build took is not taken for defaults here. What reading it finds is not this
 * change's to report.
 */
function settingsOf(text: string | undefined): { html: unknown; hostFiles: unknown[] } {
  const value = text === undefined ? undefined : parseYaml(text, { file: 'content/site.yml' }, () => {})?.value;
  const config = typeof value === 'object' && value !== null ? (value as { markdown?: { html?: unknown }; hostFiles?: unknown }) : {};
  return { html: config.markdown?.html ?? 'sanitize', hostFiles: Array.isArray(config.hostFiles) ? config.hostFiles : [] };
}
