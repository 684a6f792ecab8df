import path from 'node:path';

// The theme assets that are text, whose line endings a checkout may change: Git with
// `core.autocrlf=true` (Git for Windows' default) writes CRLF into the working tree.
const textAssetExtensions = new Set(['.css', '.htm', '.html', '.js', '.json', '.mjs', '.svg', '.txt', '.webmanifest', '.xml']);

/** Whether the theme file `relative` (`assets/style.css`) is a text asset, published with LF line endings. */
export function isTextAsset(relative: string): boolean {
  return relative.startsWith('assets/') && textAssetExtensions.has(path.extname(relative).toLowerCase());
}

/**
 * The bytes with every CRLF turned to LF, as Git stores a text file it normalises: the same
 * bytes, wherever the checkout was made. A lone CR is left, as Git leaves it. Gives `bytes`
 * itself when it holds no CR.
 */
export function withLfLineEndings(bytes: Buffer): Buffer {
  if (!bytes.includes(0x0d)) return bytes;
  const result = Buffer.allocUnsafe(bytes.length);
  let length = 0;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    if (byte === 0x0d && bytes[index + 1] === 0x0a) continue;
    result[length++] = byte;
  }
  return result.subarray(0, length);
}
