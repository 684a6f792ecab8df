import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Where mimeo finds the packages whose versions change its output: the compile cache keys entries
// by their versions (`codeFingerprint`), the build stamp by the state of their manifests.

/** The packages whose versions change what a compiled body or a page holds. */
export const markdownPackages = [
  'micromark',
  'micromark-extension-gfm-autolink-literal',
  'micromark-extension-gfm-footnote',
  'micromark-extension-gfm-strikethrough',
  'micromark-extension-gfm-table',
  'micromark-extension-gfm-task-list-item',
  'mdast-util-from-markdown',
  'mdast-util-gfm-autolink-literal',
  'mdast-util-gfm-footnote',
  'mdast-util-gfm-strikethrough',
  'mdast-util-gfm-table',
  'mdast-util-gfm-task-list-item',
  'mdast-util-to-hast',
  'micromark-util-sanitize-uri',
  'rehype-raw',
  'rehype-sanitize',
  'hast-util-phrasing',
  'hast-util-interactive',
  'property-information',
  'media-query-parser',
  'language-subtag-registry',
  'rehype-highlight',
  'rehype-stringify',
  'hast-util-to-html',
  'lowlight',
  'highlight.js',
  'github-slugger',
  'gray-matter',
  'yaml',
  'liquidjs',
];

/** npm's list of what is installed in the node_modules that holds mimeo's Markdown parser, if it can be found. */
export function installedListFile(): string | undefined {
  try {
    const entry = fileURLToPath(import.meta.resolve('micromark'));
    const modules = entry.slice(0, entry.lastIndexOf(`${path.sep}node_modules${path.sep}`) + '/node_modules'.length);
    return path.join(modules, '.package-lock.json');
  } catch {
    return undefined;
  }
}

/**
 * The manifest of an installed package and its version, found from its entry point wherever it is
 * installed, or from its manifest for a package of data alone (language-subtag-registry), which has
 * no entry point.
 */
export function packageManifest(name: string): { file: string; version: string } | undefined {
  try {
    let folder = path.dirname(fileURLToPath(entryOf(name)));
    for (; folder !== path.dirname(folder); folder = path.dirname(folder)) {
      const file = path.join(folder, 'package.json');
      try {
        const data = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (data.name === name) return { file, version: data.version ?? '?' };
      } catch {
        // No manifest at this level: go up.
      }
    }
  } catch {
    // Not installed where mimeo can see it.
  }
  return undefined;
}

function entryOf(name: string): string {
  try {
    return import.meta.resolve(name);
  } catch {
    return import.meta.resolve(`${name}/package.json`);
  }
}
