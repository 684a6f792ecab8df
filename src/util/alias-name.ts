// The page of an alias is written on the machine that builds the webzine, which may run Windows:
// there a name that ends in a dot or a space is the name without them (`a.` is `a`, where the
// page itself may be), and a device's name, in any case and with any extension (`CON`, `nul.txt`),
// is the device, not a file (learn.microsoft.com/windows/win32/fileio/naming-a-file), as are the
// console's CONIN$ and CONOUT$ (written CONIN%24 in an alias).
const deviceName = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(?: *\..*)?$/iu;

/** The most bytes a part of an alias holds: file systems hold names of 255, and the capsule adds `.gmi`. */
export const aliasPartBytes = 200;

/** The most bytes an alias holds: paths hold 4 096 (Linux), which leaves room for the output folder. */
export const aliasBytes = 1000;

/** The most aliases a page keeps: each is a page on the web and one in the capsule, written at every build. */
export const aliasCount = 20;

/**
 * Why a file of an alias's page can not be written on every machine that may build the webzine:
 * a part that ends in a dot or a space (`trailing`: Windows drops them, and writes the name it
 * `becomes`, none when nothing is left; the alias `without` them in every part) or is a Windows device
 * (`device`, with the device's name), a part or the whole too long for a file system, in UTF-8 bytes.
 */
export type AliasNameMistake =
  | { reason: 'trailing'; part: string; end: 'dot' | 'space'; becomes?: string; without: string }
  | { reason: 'device'; part: string; device: string }
  | { reason: 'long-part'; part: string; bytes: number }
  | { reason: 'long'; bytes: number };

/**
 * What keeps the page of an alias, given as its decoded route (`issues/1/café/`, see
 * `toAliasRoute`), from being written on every machine: the first part Windows can not write,
 * then the first part too long, then the whole too long; `undefined` when nothing does.
 */
export function aliasNameMistake(route: string): AliasNameMistake | undefined {
  const parts = route.split('/').filter((part) => part !== '');
  for (const part of parts) {
    if (/[. ]$/.test(part)) {
      const becomes = part.replace(/[. ]+$/, '');
      return { reason: 'trailing', part, end: part.endsWith('.') ? 'dot' : 'space', ...(becomes === '' ? {} : { becomes }), without: withoutTrailing(parts, route) };
    }
    const device = deviceName.exec(part)?.[1];
    if (device !== undefined) return { reason: 'device', part, device: device.toUpperCase() };
  }
  const long = parts.find((part) => Buffer.byteLength(part) > aliasPartBytes);
  if (long !== undefined) return { reason: 'long-part', part: long, bytes: Buffer.byteLength(long) };
  const bytes = Buffer.byteLength(parts.join('/'));
  return bytes > aliasBytes ? { reason: 'long', bytes } : undefined;
}

/** The route with the dots and spaces at the end of each part dropped, and a part left empty by it, as an alias is written (`toWrittenAlias`). */
function withoutTrailing(parts: readonly string[], route: string): string {
  const kept = parts.map((part) => part.replace(/[. ]+$/, '')).filter((part) => part !== '');
  return toWrittenAlias(`${kept.join('/')}${route.endsWith('/') && kept.length > 0 ? '/' : ''}`);
}

/**
 * A route as an alias may be written, for a message: from the root, a character an alias does not
 * take as it is percent-encoded (`issues/1/x ` as `/issues/1/x%20`, `CONIN$` as `CONIN%24`),
 * letters of any script kept (`café`).
 */
export function toWrittenAlias(route: string): string {
  const encoded = route.split('/').map((part) => part.replace(/[^\p{L}\p{M}\p{N}._~-]/gu, (character) => [...Buffer.from(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')));
  return `/${encoded.join('/')}`;
}
