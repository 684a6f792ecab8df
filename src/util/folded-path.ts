/**
 * A path as file systems that ignore case and how accents are encoded (APFS on macOS, NTFS on
 * Windows) compare it: composed (NFC), then folded by upper case before lower, which takes the
 * letters whose lower case is not their own fold to it (`ſ` is `s`, final `ς` is `σ`, dotless `ı`
 * is `i`), where lower case alone would keep two names that are one file there.
 */
export function foldedPath(path: string): string {
  return path.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}
