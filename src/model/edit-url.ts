import type { SiteConfig } from '../parse/schemas.js';

/**
 * The "edit this page" address of a source file: `repoUrl`, then `editPath`, then the file's path
 * (SPEC §2.1); empty when the webzine names no repository.
 */
export function editUrlOf(config: Pick<SiteConfig, 'repoUrl' | 'editPath'>, source: string): string {
  if (!config.repoUrl || !source.startsWith('content/')) return '';
  const join = (a: string, b: string) => `${a.replace(/\/+$/, '')}/${b.replace(/^\/+/, '')}`;
  return join(config.editPath ? join(config.repoUrl, config.editPath) : config.repoUrl, source);
}
