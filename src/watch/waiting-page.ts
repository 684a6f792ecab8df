import { escapeHtml } from '../render/escape-html.js';

/** How far the first build of a preview got: Markdown files parsed out of how many. */
export interface BuildProgress {
  parsed: number;
  total: number;
}

/** Options of {@link toWaitingPage}. */
export interface WaitingPageOptions {
  /** The address asked for, as the request named it (percent-encoded): shown, escaped. */
  asked: string;
  /** How far the build got (default: none told yet, as while the files are read). */
  progress?: BuildProgress;
  /** How often the page reloads itself, in seconds, for a browser whose script does not reach the server. */
  refreshSeconds: number;
}

/**
 * The page `mimeo dev` answers for a page it can not show before its first build is done: says
 * the preview is being built and how far, and reloads itself every few seconds. The live-reload
 * script the server adds reloads it at once when that build ends, well or not.
 */
export function toWaitingPage(options: WaitingPageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${options.refreshSeconds}">
<title>Building the preview · mimeo dev</title>
<style>body{max-width:36rem;margin:4rem auto;padding:0 1rem;font:1rem/1.5 system-ui,sans-serif}code{overflow-wrap:anywhere}</style>
</head>
<body>
<h1>The preview is being built</h1>
<p>mimeo dev is building the webzine for the first time. <code>${escapeHtml(decoded(options.asked))}</code> is shown here as soon as that build is done, or its errors if it fails.</p>
<p id="mimeo-dev-progress">${progressLine(options.progress)}</p>
</body>
</html>
`;
}

/** What the build reported, in the terms `mimeo build` uses on a terminal. */
function progressLine(progress: BuildProgress | undefined): string {
  if (progress === undefined) return 'Reading the files…';
  if (progress.parsed < progress.total) return `Parsing ${progress.parsed}/${progress.total} files…`;
  return `Parsed ${progress.total}/${progress.total} files; rendering and writing the pages…`;
}

/** The address as a person reads it (`/café/`), or as it came when it is not valid percent-encoding. */
function decoded(asked: string): string {
  try {
    return decodeURIComponent(asked);
  } catch {
    return asked;
  }
}
