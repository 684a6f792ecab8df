// Kept apart from the schemas so that a command can check an address without loading zod.

/**
 * Whether `value` is a URL of one of `schemes`, written as one: no white space or control
 * character, which URL parsing would drop silently but the text would carry into pages and
 * gemtext lines.
 */
export function hasScheme(value: string, schemes: readonly string[]): boolean {
  if (/[\s\u0000-\u001F\u007F]/.test(value)) return false;
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Whether `value` can be the address a site is published at: a URL with one of `schemes` and
 * nothing after its path (no `?query` or `#fragment`, which every page's address would carry).
 */
export function isSiteAddress(value: string, schemes: readonly string[]): boolean {
  return hasScheme(value, schemes) && !/[?#]/.test(value) && !/^[a-z]+:\/\/[^/]*@/i.test(value);
}
