import { builtInThemeFolder, type ThemeFiles } from '../load/load-theme.js';
import { isTextAsset } from '../load/line-endings.js';
import { markupOf, type AssetSource } from '../load/load-sources.js';
import { builtInThemeSource, type OutputFile } from '../write/output-file.js';

/**
 * The files of a theme's `assets/` that are the webzine's (the built-in theme's are mimeo's own),
 * as copied files to check like those of content/, by their path in the theme.
 */
export function themeAssetSources(files: ThemeFiles): Map<string, AssetSource> {
  const sources = new Map<string, AssetSource>();
  for (const [relative, file] of files) {
    if (!relative.startsWith('assets/') || file.absolutePath.startsWith(builtInThemeFolder)) continue;
    const markup = markupOf(relative, file.bytes);
    sources.set(relative, { path: file.displayPath, absolutePath: file.absolutePath, ...(markup === undefined ? {} : { markup }) });
  }
  return sources;
}

/**
 * The theme's files for the web root: `assets/style.css` as `stylesheet`, and every other file of
 * `assets/` that `allow` lets through. A text asset is written from the bytes the load read, its
 * line endings made LF; any other file is copied as it is.
 */
export function themeAssets(files: ThemeFiles, stylesheet: string, allow: (source: AssetSource, output: string) => boolean): OutputFile[] {
  const assets: OutputFile[] = [];
  const sources = themeAssetSources(files);
  for (const [relative, file] of files) {
    if (!relative.startsWith('assets/')) continue;
    const output = relative === 'assets/style.css' ? stylesheet : relative.slice('assets/'.length);
    const source = sources.get(relative);
    if (source && !allow(source, output)) continue;
    const builtIn = file.absolutePath.startsWith(builtInThemeFolder);
    const content = isTextAsset(relative) ? { bytes: file.bytes, themeAsset: true } : { copyFrom: file.absolutePath };
    assets.push({ path: output, ...content, source: builtIn ? builtInThemeSource(relative) : file.displayPath });
  }
  return assets;
}
