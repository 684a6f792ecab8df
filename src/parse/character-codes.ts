// Character codes of Markdown's markup, for the scans that read a text a character at a time
// (emphasis-count.ts, markup-count.ts): a code costs no string a character.

export const lineFeed = 0x0a;
export const ampersand = 0x26;
export const asterisk = 0x2a;
export const colon = 0x3a;
export const lessThan = 0x3c;
export const at = 0x40;
export const openingBracket = 0x5b;
export const backslash = 0x5c;
export const closingBracket = 0x5d;
export const underscore = 0x5f;
export const backtick = 0x60;
export const tilde = 0x7e;
