import type { SiteDocument } from './types.js';

/** The files the page of one alias is written to in an edition: in the web's tree and the capsule's. */
export interface AliasOutputs {
  web: string;
  gemini: string;
}

/**
 * Where the page of an alias (a route of `aliases`, README: Moving an article) goes in the edition
 * with `prefix`. A folder alias is written as the document's own page would be there: on the web
 * its `index.html`, in the capsule a file (`issues/1/doas.gmi`), or the folder's `index.gmi` for an
 * issue. An alias that names an `.html` or `.htm` file is written as that very file, since a server
 * serves it as written and adds no slash (as Hugo writes such an alias), and in the capsule as the
 * file of that name with `.gmi` in place of its extension.
 */
export function toAliasOutputs(prefix: string, alias: string, kind: SiteDocument['kind']): AliasOutputs {
  const route = prefix + alias;
  if (!alias.endsWith('/') && alias !== '') return { web: route, gemini: route.replace(/\.html?$/i, '.gmi') };
  const gemini = kind === 'issue' || alias === '' ? `${route}index.gmi` : `${route.slice(0, -1)}.gmi`;
  return { web: `${route}index.html`, gemini };
}
