import { textDirection } from '../render/html/text-direction.js';
import { linkSchemes, schemeOf } from '../transform/link-target.js';

/** Options of {@link toGeminiPreview}. */
export interface PreviewOptions {
  /** The capsule file's path inside the capsule, shown in the bar: `issues/3/current.gmi`. */
  file: string;
  /** The URL of the same file as raw `text/gemini` (default: none, and no link to it: a page of mimeo's own). */
  rawUrl?: string;
  /** The language of the file's edition, for the page's `lang` and `dir` (default: `en`, as for a page of mimeo's own). */
  language?: string;
  /** Where the capsule preview starts, so `/`-rooted links stay in it: `/_gemini/`. */
  capsuleRoot: string;
}

/** One block of a gemtext document as a client shows it (gemini spec §5.4). */
type Block =
  | { type: 'text' | 'heading1' | 'heading2' | 'heading3' | 'quote' | 'blank'; text: string }
  | { type: 'link'; url: string; label: string }
  | { type: 'list'; items: string[] }
  | { type: 'preformatted'; alt: string; lines: string[] };

/** Reads gemtext line by line the way a Gemini client does. */
function readGemtext(gemtext: string): Block[] {
  const blocks: Block[] = [];
  const lines = gemtext.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith('```')) {
      const block: Block = { type: 'preformatted', alt: line.slice(3).trim(), lines: [] };
      // A block left open runs to the end of the document, as clients show it.
      while (++index < lines.length && !lines[index]!.startsWith('```')) block.lines.push(lines[index]!);
      blocks.push(block);
    } else if (line.startsWith('=>')) {
      const [, url = '', label = ''] = /^=>[ \t]*(\S*)(?:[ \t]+(.*))?$/.exec(line) ?? [];
      blocks.push({ type: 'link', url, label: label.trim() });
    } else if (line.startsWith('* ')) {
      const last = blocks[blocks.length - 1];
      if (last?.type === 'list') last.items.push(line.slice(2));
      else blocks.push({ type: 'list', items: [line.slice(2)] });
    } else {
      blocks.push(toTextBlock(line));
    }
  }
  return blocks;
}

const headingTypes = ['heading1', 'heading2', 'heading3'] as const;

function toTextBlock(line: string): Block {
  const heading = /^(#{1,3})\s*(.*)$/.exec(line);
  if (heading) return { type: headingTypes[heading[1]!.length - 1]!, text: heading[2]! };
  if (line.startsWith('>')) return { type: 'quote', text: line.slice(1).trim() };
  return { type: line.trim() === '' ? 'blank' : 'text', text: line };
}

/**
 * Shows a capsule file in the browser as a Gemini client would (headings, link lines, lists,
 * quotes, preformatted blocks), with a link to the raw text/gemini: the capsule preview of
 * `mimeo dev` (SPEC §4). Everything from the file is HTML-escaped; only links with a safe scheme
 * become links.
 */
export function toGeminiPreview(gemtext: string, options: PreviewOptions): string {
  const blocks = readGemtext(gemtext);
  const firstHeading = blocks.find((block) => block.type === 'heading1');
  const title = firstHeading && 'text' in firstHeading ? firstHeading.text : options.file;
  const body = blocks.map((block) => toHtml(block, options)).join('\n');
  const language = options.language ?? 'en';
  // The bar is mimeo's own words, in English and left to right whatever the edition.
  return `<!doctype html>
<html lang="${escapeHtml(language)}"${textDirection(language) === 'rtl' ? ' dir="rtl"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Gemini preview</title>
<style>${style}</style>
</head>
<body>
<header class="bar" lang="en" dir="ltr">Gemini preview of <code>${escapeHtml(options.file)}</code>${options.rawUrl === undefined ? '' : ` · <a href="${escapeHtml(options.rawUrl)}">raw text/gemini</a>`}</header>
<main>
${body}
</main>
</body>
</html>
`;
}

function toHtml(block: Block, options: PreviewOptions): string {
  switch (block.type) {
    case 'heading1':
    case 'heading2':
    case 'heading3':
      return `<h${block.type.slice(-1)}>${escapeHtml(block.text)}</h${block.type.slice(-1)}>`;
    case 'link': {
      const href = toHref(block.url, options.capsuleRoot);
      const label = escapeHtml(block.label || block.url);
      return href === undefined ? `<p class="link">${label}</p>` : `<p class="link"><a href="${escapeHtml(href)}">${label}</a></p>`;
    }
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'quote':
      return `<blockquote>${escapeHtml(block.text)}</blockquote>`;
    case 'preformatted':
      return `<pre${block.alt ? ` aria-label="${escapeHtml(block.alt)}" title="${escapeHtml(block.alt)}"` : ''}>${escapeHtml(block.lines.join('\n'))}</pre>`;
    case 'blank':
      return '<div class="blank"></div>';
    case 'text':
      return `<p>${escapeHtml(block.text)}</p>`;
  }
}

// Relative links resolve inside the preview by themselves; a scheme that could run code is shown as text.
function toHref(url: string, capsuleRoot: string): string | undefined {
  // Browsers drop control characters in URLs, so `\u0001javascript:` would run; such a link is no link.
  if (url === '' || /[\u0000-\u0020\u007F]/.test(url)) return undefined;
  const scheme = schemeOf(url);
  if (scheme === undefined) return url.startsWith('/') && !url.startsWith('//') ? capsuleRoot + url.slice(1) : url;
  return linkSchemes.includes(scheme) ? url : undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const style = `
:root { color-scheme: light dark; --ink: #1d1b16; --paper: #fbf8f1; --accent: #8a3b12; }
@media (prefers-color-scheme: dark) { :root { --ink: #ece6da; --paper: #1a1814; --accent: #f0a070; } }
body { margin: 0; background: var(--paper); color: var(--ink); font: 18px/1.6 system-ui, sans-serif; }
.bar { padding: .5rem 1rem; font-size: 14px; border-bottom: 1px solid currentColor; }
main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1, h2, h3 { line-height: 1.25; margin: 1.2em 0 .4em; }
p { margin: 0; overflow-wrap: anywhere; }
a { color: var(--accent); }
.link::before { content: "⇒ "; }
.blank { height: 1em; }
ul { margin: 0; padding-left: 1.5em; }
blockquote { margin: 0; padding-left: 1em; border-left: 3px solid var(--accent); font-style: italic; }
pre { overflow-x: auto; font-size: 15px; line-height: 1.4; padding: .5em 0; }
`;
