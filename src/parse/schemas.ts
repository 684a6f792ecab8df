import { z } from 'zod';
import { hasScheme, isSiteAddress } from './addresses.js';
import { foldedPath } from '../util/folded-path.js';
import { aliasBytes, aliasCount, aliasNameMistake, aliasPartBytes } from '../util/alias-name.js';

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// The dates `isIsoDate` takes, as one pattern the JSON Schema (`mimeo schema`) carries, so that an
// editor flags 2026-02-30 as check does: the days of each month, 29 February of leap years only
// (every fourth year, but of the centuries only those divisible by 400), and years from 0100
// (`Date.UTC` reads 0000 to 0099 as 1900 to 1999, so `isIsoDate` refuses them).
const year = '(?:0[1-9]|[1-9]\\d)\\d\\d';
const leapYear = '(?:(?:0[1-9]|[1-9]\\d)(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)';
const monthDay = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const calendarDate = new RegExp(`^(?:${year}-${monthDay}|${leapYear}-02-29)$`);

// Custom checks carry the expected value's wording as their message; see `validate.ts`.
const isoDate = z
  .string()
  .regex(calendarDate, { message: 'a date like 2021-10-01', abort: true })
  .refine(isIsoDate, { message: 'a date like 2021-10-01' })
  .meta({ format: 'date' });
const text = z.string();
// What a reader must see something of: a title, a name, a tag (a blank one shows as nothing at all).
// Written as checks the JSON Schema carries (`mimeo schema`: minLength and pattern), so that an
// editor flags title: "" and "  " as check does: at least one character, and one that is not white
// space (\s is what `trim` removes). The pattern lets "" through, which the length refuses: each
// mistake is told once.
const notBlank = 'some text, not blank';
const words = z.string().min(1, { message: notBlank }).regex(/^$|\S/, { message: notBlank });
/**
 * A list of `item`s none of which is listed twice, told apart as `keyOf` says; `what` names an
 * item in the message (`a tag`).
 */
function uniqueList<T extends z.ZodType<string>>(item: T, what: string, keyOf: (value: string) => string) {
  return z.array(item).superRefine((list, context) => {
    // The keys seen so far, in one pass: looking each item up among all those before it took
    // `mimeo check` 13 s over 20 000 tags, in 100 kB of front matter.
    const seen = new Set<string>();
    list.forEach((value, index) => {
      // A wrong item is reported as such, and only that.
      if (!item.safeParse(value).success) return;
      const key = keyOf(value);
      if (seen.has(key)) context.addIssue({ code: 'custom', path: [index], message: `${what} not listed before` });
      seen.add(key);
    });
  });
}
// Tags that differ only in case, surrounding spaces or how their accents are encoded are the
// same to a reader. (Authors are told apart once handles are resolved: see `resolveAuthors`.)
const tagList = uniqueList(words, 'a tag', (value) => value.normalize('NFC').trim().toLowerCase());
const nameList = z.array(words);
const siteAddress = z.string().refine((v) => isSiteAddress(v, ['https:']), { message: 'an https URL like https://zine.example/, without ?query or #fragment' });
const webUrl = z.string().refine((v) => hasScheme(v, ['https:', 'http:']), { message: 'a web address like https://ada.example/' });
// Read as a folder, as `baseUrl` is: `gemini://zine.example/sub` is the capsule at /sub/, not /.
const geminiUrl = z
  .string()
  .refine((v) => hasScheme(v, ['gemini:']), { message: 'a gemini URL like gemini://zine.example/' })
  .transform((v) => (v.endsWith('/') ? v : `${v}/`));
// A menu entry may lead to a path of the site, a file of content/ (both checked with the links)
// or an address whose scheme can not run code.
// Browsers drop tabs and line breaks anywhere in a URL (`java<tab>script:`): none may be inside.
const menuUrl = z.string().refine((v) => !/[\u0000-\u001F\u007F]/.test(v.trim()) && (!/^[a-z][a-z0-9+.-]*:/i.test(v.trim()) || hasScheme(v.trim(), ['https:', 'http:', 'mailto:', 'gemini:'])), {
  message: 'a path like /about/, a file of content/ like pages/about.md, or an http, https, mailto or gemini URL',
});
// A fediverse address as Mastodon and the other servers write it, and as the theme shows it:
// @name@server. Written otherwise (tamsin@social.example, an e-mail address to a reader), it is
// refused with the form it stands for (see `toFediverseAddress`) rather than shown as written.
const fediverseForm = /^@[^\s@/]+@[^\s@/]+\.[^\s@/]+$/;
const fediverseAddress = z.string().regex(fediverseForm, { message: 'a fediverse address like @name@social.example' });

/**
 * The fediverse address a value stands for when it is written otherwise: without its first @
 * (`tamsin@social.example`), or as the address of the profile (`https://social.example/@tamsin`);
 * `undefined` when it is none of these.
 */
export function toFediverseAddress(value: string): string | undefined {
  const written = value.trim();
  const profile = /^https?:\/\/([^\s@/]+)\/@([^\s@/]+)\/?$/.exec(written);
  const address = profile ? `@${profile[2]}@${profile[1]}` : written.startsWith('@') ? written : `@${written}`;
  return fediverseForm.test(address) ? address : undefined;
}

// In canonical case (`pt-BR`, not `pt-br`, as `toCanonicalCase` in util/language-tags.ts writes
// it): tags do not tell case apart, but the file names of translations and the theme's i18n files
// do, and each is looked for as site.yml writes the tag. The language in lower case, then subtags
// of 2 to 8 letters and digits: a script (4 letters) capitalized, a region (2 letters) in
// capitals, any other in lower case (a region of 3 digits, a variant). One pattern, so the JSON
// Schema (`mimeo schema site`) refuses in an editor what check refuses.
const languageForm = /^[a-z]{2,3}(?:-(?:[A-Z][a-z]{3}|[A-Z]{2}|(?![a-z]{2}(?:-|$)|[a-z]{4}(?:-|$))[a-z\d]{2,8}))*$/;
const language = z.string().regex(languageForm, { message: 'a language tag like en or pt-BR' });

// An earlier address of a document (README, Moving an article): a path of the site, read from its
// root, with or without its first and last slash (`/issues/1/doas/`, `issues/1/doas`). Each part
// holds letters and digits of any script (with their combining marks), -, _, . and ~, and any other
// character percent-encoded as a browser sends it (`x%20y`, `caf%C3%A9`); a part is not . or ..,
// written or encoded. No scheme, no //host, no ?query or #fragment: mimeo writes a page there,
// which only a path of the site can be. The page is written to the decoded path, which static
// servers map the encoded request to, so an encoded byte may not be a slash, a backslash, a control
// character, nor one that no file name can hold on Windows (" * : < > ? |).
const aliasCharacter = '[\\p{L}\\p{M}\\p{N}._~-]|%(?![01]|7[Ff]|2[2AaFf]|3[AaCcEeFf]|[57][Cc])[0-9A-Fa-f]{2}';
const aliasPart = `(?!(?:\\.|%2[Ee]){1,2}(?:/|$))(?:${aliasCharacter})+`;
const aliasForm = new RegExp(`^/?(?:${aliasPart}/)*${aliasPart}/?$`, 'u');
const aliasMessage = 'a path of the site like /issues/1/old-slug/ (letters and digits of any script, -, _, . and ~ between slashes, any other character percent-encoded like %20, without a scheme, .., ?query or #fragment)';
// What the JSON Schema (`mimeo schema`) tells an editor, as one pattern: the form, and what it
// can of the checks on the decoded path that `checkAliases` makes (`aliasNameMistake`, rules
// alias/windows-name and alias/too-long): no part that ends in a dot or a space, none named as a
// device as written, at most as many characters (an encoded byte counting one) as the limits
// allow bytes, each being one byte at least. Check tells the rest (`C%4FN`, `é` as two bytes).
const aliasEndCharacter = '[\\p{L}\\p{M}\\p{N}_~-]|%(?![01]|7[Ff]|2[02AaEeFf]|3[AaCcEeFf]|[57][Cc])[0-9A-Fa-f]{2}';
const deviceWritten = '(?:[Cc][Oo][Nn]|[Pp][Rr][Nn]|[Aa][Uu][Xx]|[Nn][Uu][Ll]|[Cc][Oo][Mm][0-9¹²³]|[Ll][Pp][Tt][0-9¹²³])(?:\\.[^/]*)?(?:/|$)';
const schemaPart = `(?!${deviceWritten})(?:${aliasCharacter}){0,${aliasPartBytes - 1}}(?:${aliasEndCharacter})`;
const schemaForm = new RegExp(`^/?(?=(?:${aliasCharacter}|/){1,${aliasBytes + 1}}$)(?:${schemaPart}/)*${schemaPart}/?$`, 'u');
const alias = z
  .string()
  .regex(aliasForm, { message: aliasMessage })
  // Told once: a value the pattern refuses is not looked into further (an abort here would keep
  // `uniqueList` from telling of an address listed twice).
  .superRefine((value, context) => {
    const message = aliasForm.test(value) ? decodedPathMistake(value) : undefined;
    if (message !== undefined) context.addIssue({ code: 'custom', input: value, message });
  })
  .meta({ pattern: schemaForm.source });
// A page moved a few times has as many earlier addresses; each alias is two files more to write
// (12 000 of them took a build 20 s and 48 000 files), so a page keeps 20 (rule alias/too-many,
// told by `checkAliases`), which the JSON Schema tells an editor as maxItems.
// Told apart as addresses: `/issues/1/doas/`, `issues/1/doas` and `/issues/1/doas/index.html` are
// one, as are `café` and `caf%C3%A9`.
const aliasList = uniqueList(alias, 'an address', (value) => foldedPath(toAliasRoute(value)))
  .meta({ maxItems: aliasCount })
  .describe(
  'Earlier addresses of this page, like /issues/1/old-slug/: mimeo writes a page at each that sends readers to the page\'s address. One that ends in index.html stands for its folder; one that ends in another .html or .htm file name is written as that file. No part may end in a dot or a space, or be named as a Windows device (CON, nul.txt); a part holds at most 200 bytes and the whole 1 000, in UTF-8 once decoded. A page takes at most 20 aliases.',
);

/**
 * What is wrong with the path an alias of the right form decodes to, as a message: bytes that are
 * not UTF-8 text or a control character (C1 ones included); `undefined` when nothing is. A part
 * Windows can not write and a part or a whole too long for a file system are told when the site
 * is checked (`checkAliases`), each by a rule of its own (`aliasNameMistake`).
 */
function decodedPathMistake(value: string): string | undefined {
  let parts: string[];
  try {
    parts = value.replace(/^\//, '').replace(/\/$/, '').split('/').map(decodeURIComponent);
  } catch {
    return aliasMessage;
  }
  return parts.some((part) => /\p{Cc}/u.test(part)) ? aliasMessage : undefined;
}

/**
 * The path of the site an alias written otherwise most likely stands for: the path of a full
 * address (`https://zine.example/issues/1/doas/`, `//zine.example/doas/`), without its ?query
 * or #fragment, its `..` resolved, other characters percent-encoded (`x y` as `x%20y`);
 * `undefined` when that is no alias either, or the value is one.
 */
export function toAliasPath(value: string): string | undefined {
  if (alias.safeParse(value).success) return undefined;
  let path: string;
  try {
    path = new URL(value.trim(), 'https://zine.invalid/').pathname;
  } catch {
    return undefined;
  }
  // Not one that would be the next error, at the same item.
  return alias.safeParse(path).success && aliasNameMistake(toAliasRoute(path)) === undefined ? path : undefined;
}

/**
 * The route an alias stands for, decoded: `/issues/1/caf%C3%A9` → `issues/1/café/`, a folder. One
 * that ends in `index.html` is that folder, as a server serves it (`/old/index.html` → `old/`); one
 * that ends in another `.html` or `.htm` file name is that file (`/legacy/post.html` →
 * `legacy/post.html`, as Hugo writes such an alias), which a server serves without adding a slash.
 */
export function toAliasRoute(value: string): string {
  const path = value.replace(/^\//, '').split('/').map(decodeURIComponent).join('/');
  if (/(?:^|\/)index\.html$/i.test(path)) return path.slice(0, -'index.html'.length);
  if (/\.html?$/i.test(path)) return path;
  return `${path.replace(/\/$/, '')}/`;
}

/** `site.yml` (SPEC §2.1). */
export const siteConfigSchema = z.strictObject({
  title: words.describe('The webzine\'s name, shown in the masthead and feeds.'),
  description: text.optional().describe('One sentence about the webzine, for meta descriptions and feeds.'),
  baseUrl: siteAddress.optional().describe('The https address the site is published at; required by `build`.'),
  geminiUrl: geminiUrl.optional().describe('The gemini:// address of the capsule; without it no capsule is built.'),
  language: language.default('en').describe('Language of the original edition (default: `en`).'),
  // Language tags, and the folders named after them, do not tell case apart.
  languages: uniqueList(language, 'a language', (value) => value.toLowerCase())
    .default([])
    .describe('Languages of the translated editions.'),
  repoUrl: webUrl.optional().describe('Address of the webzine\'s repository, for "edit this page" links.'),
  editPath: text.optional().describe('Path joined to repoUrl before a file\'s path, like `blob/main/` (`blob/main/zine/` for a webzine in the zine/ folder of its repository).'),
  theme: text.default('default').describe('Name of the theme folder under themes/ (default: `default`).'),
  menu: z
    .array(z.strictObject({ title: words, url: menuUrl }))
    .default([])
    .describe('Extra navigation entries after the pages: each url a path of the site (`/about/`), a file of content/ (`pages/about.md`) or an http, https, mailto or gemini address.'),
  hostFiles: z
    .array(text)
    .default([])
    .describe('Files of static/ that configure the web host (`_redirects`, `_headers`, `CNAME`, `_worker.js`), published only when listed here.'),
  feed: z.strictObject({ limit: z.number().int().positive().default(20) }).default({ limit: 20 }),
  markdown: z
    .strictObject({ html: z.enum(['sanitize', 'escape', 'trust']).default('sanitize') })
    .default({ html: 'sanitize' })
    .describe('What raw HTML in Markdown becomes (default: `sanitize`).'),
  gemini: z
    .strictObject({ links: z.enum(['paragraph', 'end', 'off']).default('paragraph') })
    .default({ links: 'paragraph' }),
  extra: z
    .record(z.string(), z.unknown())
    .default({})
    .describe('Settings of the theme, as it documents them: templates read them as `site.extra.<name>` (Hugo calls them params, Zola extra).'),
}).superRefine((config, context) =>
  // The original edition is not one of the translated ones: it would be built twice, under /en/ too.
  config.languages.forEach((tag, index) => {
    // A tag written otherwise (`FR`) is reported as such, with a hint that says it is the original's, and only that.
    if (tag.toLowerCase() === config.language.toLowerCase() && language.safeParse(tag).success) context.addIssue({ code: 'custom', path: ['languages', index], message: `a language other than the original edition's (language: ${config.language}), which needs no translation` });
  }),
);

/** The validated `site.yml`. */
export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Front matter of `issues/<N>/issue.md`. */
export const issueSchema = z.strictObject({
  title: words.describe('The issue\'s title.'),
  date: isoDate.optional().describe('Publication date; without it the issue is a draft.'),
  draft: z.boolean().default(false).describe('Whether the issue is a draft (default: `false`).'),
  summary: text.optional(),
  cover: text.optional().describe('Cover image, relative to the issue folder.'),
  coverAlt: text.optional().describe('Text alternative of the cover image.'),
  editors: nameList.default([]).describe('Handles or names of the issue\'s editors.'),
  aliases: aliasList.default([]),
});

/** Front matter of an article, `issues/<N>/<NN>-<slug>.md`. */
export const articleSchema = z.strictObject({
  title: words,
  authors: nameList.default([]).describe('Handles from authors.yml, or names.'),
  summary: text.optional(),
  tags: tagList.default([]),
  draft: z.boolean().default(false),
  aliases: aliasList.default([]),
});

/** Front matter of a page, `pages/<slug>.md`. */
export const pageSchema = z.strictObject({
  title: words,
  menu: z.boolean().default(false).describe('Whether the page is in the navigation (default: `false`).'),
  order: z.number().default(0).describe('Place in the navigation, smallest first (default: `0`).'),
  summary: text.optional(),
  aliases: aliasList.default([]),
});

/**
 * The fields of the front matter of an issue, an article and a page together, for hints given
 * while the front matter is read, before what the file is counts: a field the three share takes
 * the same in each (a test holds them to it), and a field of another kind (an article's `date`)
 * is reported as such once read.
 */
export const frontMatterFieldsSchema = z.strictObject({ ...pageSchema.shape, ...articleSchema.shape, ...issueSchema.shape });

/** `authors.yml`: handle → who they are. */
export const authorsSchema = z.record(
  z.string(),
  z.strictObject({ name: words, url: webUrl.optional(), fediverse: fediverseAddress.optional() }),
);

export type IssueFrontMatter = z.infer<typeof issueSchema>;
export type ArticleFrontMatter = z.infer<typeof articleSchema>;
export type PageFrontMatter = z.infer<typeof pageSchema>;
export type AuthorsFile = z.infer<typeof authorsSchema>;
