import path from 'node:path';

// Text types name their charset: built files are UTF-8 (SPEC §7), and browsers guess otherwise.
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  // An alias may name an old .htm page (README, Moving an article).
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.gmi': 'text/gemini; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.flac': 'audio/flac',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.ogv': 'video/ogg',
  '.webm': 'video/webm',
  '.mov': 'video/quicktime',
  // Captions of a <track>, which a browser takes only with their own type.
  '.vtt': 'text/vtt; charset=utf-8',
};

// The feeds mimeo writes, by name: their own types tell feed readers and browsers what they are.
const feeds: Record<string, string> = { 'atom.xml': 'application/atom+xml', 'rss.xml': 'application/rss+xml' };

/** The Content-Type of a served file, from its name; unknown files are plain bytes. */
export function contentTypeOf(file: string): string {
  return feeds[path.posix.basename(file)] ?? types[path.posix.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
