// Characters no page, feed or capsule may hold (HTML §13.2.5 and §13.2.5.73, XML 1.0 §2.2): the
// control characters of C0 but tab and line feed, DEL and C1; and the noncharacters (U+FDD0 to
// U+FDEF, and the last two of every plane: U+FFFE, U+FFFF, U+1FFFE…), which the Nu Html Checker
// rejects as forbidden code points.
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Noncharacter_Code_Point}]/u;
const forbiddenEverywhere = new RegExp(forbidden.source, 'gu');

/** The first forbidden character of `text`: where it is, its code (`0007`, `1FFFE`) and whether it is a noncharacter. */
export function findForbiddenCharacter(text: string): { index: number; code: string; noncharacter: boolean } | undefined {
  const found = forbidden.exec(text);
  if (!found) return undefined;
  const point = found[0].codePointAt(0)!;
  return { index: found.index, code: point.toString(16).toUpperCase().padStart(4, '0'), noncharacter: point > 0x9f };
}

/** `text` without the characters no page, feed or capsule may hold. */
export function withoutForbiddenCharacters(text: string): string {
  return text.replace(forbiddenEverywhere, '');
}
