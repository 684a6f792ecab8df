import type { ImpossibleDate } from '../parse/impossible-date.js';
import type { ListedValue } from '../parse/yaml-quoting.js';
import type { Diagnostic, Place, Report, Severity } from './diagnostic.js';
import type { TagSuggestion } from '../util/language-tags.js';
import type { PageOfDraft } from '../parse/validate.js';

/** One rule of the catalogue: how its message and hint are worded from their arguments. */
export interface Rule<Args> {
  severity: Severity;
  message: (args: Args) => string;
  hint?: (args: Args) => string | undefined;
}

function rule<Args>(definition: Rule<Args>): Rule<Args> {
  return definition;
}

/**
 * A key of YAML data (dotted, items of lists by their index) as a message says it: `"feed.limit"`,
 * and an item of a list by its place counted from 1: `item 2 of "tags"`, `"url" of item 1 of "menu"`.
 */

/** What to do with a page, or a page's translation, that says `draft`: pages are published as soon as they are in content/ (README, Translations). */
function pageDraftHint({ translation }: PageOfDraft): string {
  return translation === undefined
    ? 'A page has no drafts: it is published once it is in content/. Remove this line, and keep a page that is not ready out of the branch you publish (on a branch of its own) until it is.'
    : `A page has no drafts: remove this line, and keep the translation out of the branch you publish (on a branch of its own) until it is ready; until then the ${translation.language} edition shows the original, ${translation.original}.`;
}

/**
 * Where else site.yml has the language a wrong item of `languages` stands for: it `repeats` an
 * item (counted from 1), or it is the `original` edition's language (as `language` writes it,
 * `byDefault` when it is not written).
 */
export type LanguageClash = { repeats: number } | { original: string; byDefault: boolean };

/** How a language of site.yml was written otherwise than as its tag, for a hint that names the tag. */
const writtenOtherwise: Record<TagSuggestion['reason'], string> = {
  case: 'in other capitals',
  separator: 'with an underscore for a hyphen',
  space: 'with a space',
  name: 'by its name',
};

/**
 * What to write for a language of site.yml that is not a tag in canonical case (`FR`, `pt_BR`,
 * `French`); when that tag is listed already, or is the original's, written as a tag it would
 * only be the next error: what to remove instead.
 */
function tagHint({ tag, reason, name, space }: TagSuggestion, clash: LanguageClash | undefined): string {
  if (clash !== undefined && 'repeats' in clash) return `It repeats item ${clash.repeats}, ${tag}, written ${writtenOtherwise[reason]}: remove it.`;
  if (clash !== undefined) {
    return `It is ${tag}, the original edition's language (language: ${clash.original}${clash.byDefault ? ', the default' : ''}), written ${writtenOtherwise[reason]}, and languages lists only the languages the webzine is translated into: remove it.`;
  }
  if (reason === 'name') return `Did you mean ${tag}? It is the language tag of ${name ?? tag}: site.yml takes tags, not names.`;
  if (reason === 'separator') return `Join the parts of a language tag with hyphens: write ${tag}.`;
  if (reason === 'space') return `Remove the space ${space ?? 'around'} it: write ${tag}.`;
  // RFC 5646 section 2.1.1; mimeo names translations and looks for the theme's i18n files as site.yml writes the tag.
  return `Write it ${tag}: a language tag is written with its language in lower case, a script capitalized and a region in capitals, and translations (.${tag}.md) and the theme's i18n/${tag}.yml are named so.`;
}

/**
 * What a YAML syntax error says (`reason`), the parser's code for it, and, for a value that
 * needs quotes, its field and the field written with them, or what the field takes when quotes
 * would not mend it (see `quotedValueOf`); past the first ten errors, how many more there are,
 * and whether they are all fields given twice.
 */
type YamlSyntaxArgs = { reason: string; code?: string; key?: string; field?: string; quoted?: string; expected?: string; split?: boolean; more?: number; twice?: boolean };

/** What to put in quotes: the whole value of a field, or each part of it a comma separates, as `quoted` writes it. */
function toQuote(field: string, split: boolean | undefined): string {
  return split ? `each part of ${keyText(field)} that a comma separates in quotes, as an item of its own` : `the whole value of ${keyText(field)} in quotes`;
}

/** The hint for a YAML syntax error, by what the parser found (its error code), and the field it is in. */
function yamlHint({ reason, code, key, field, quoted, expected, split }: YamlSyntaxArgs): string {
  if (/^Missing closing (["'])quote/.test(reason)) return 'End the value with the same quote it starts with, on its line.';
  if (code === 'DUPLICATE_KEY') return 'Give each field once: remove this line, or the first one.';
  if (code === 'ALIAS_LOOP') return 'Write the value out where the alias stands, or name a value that does not hold the alias.';
  if (code === 'TAB_AS_INDENT') return 'Indent with spaces: YAML does not allow tabs there.';
  // YAML's indicators: a plain value can not start with one (`@` and the backtick are reserved).
  const indicators = 'a quote, [, {, *, &, !, |, >, %, @, a comma or a backtick';
  // A `[` or `{` never closed at the start of a field that takes text (`title: [Draft`) is such a value too.
  if ((code === 'BAD_SCALAR_START' || code === 'BAD_INDENT') && field !== undefined && quoted !== undefined) {
    return `A value that starts with ${indicators} must be in quotes: put ${toQuote(field, split)}, as in:${quoted.includes('\n') ? '\n' : ' '}${quoted}`;
  }
  // A number, a date, true or false: in quotes, the value would be text, which the field refuses.
  if ((code === 'BAD_SCALAR_START' || code === 'BLOCK_AS_IMPLICIT_KEY') && field !== undefined && expected !== undefined) {
    return `Quotes would not mend it: ${keyText(field)} takes ${expected}. Write one in place of this value.`;
  }
  if (code === 'BAD_SCALAR_START' || (code === 'UNEXPECTED_TOKEN' && /scalar/.test(reason))) {
    return `Put the whole value in quotes when it starts with ${indicators}, or holds ": ", as in: title: '"Quoted" and more'`;
  }
  if (code === 'BAD_INDENT' && /end with a \}/.test(reason)) return 'Close the braces with a } on the line the { opens, as in: {title: About, url: /about/}';
  if (code === 'BAD_INDENT' && /end with a \]/.test(reason)) return `Close the list with a ] on the line the [ opens, as in: ${key ?? 'tags'}: [one, two]`;
  // A colon in a value written without quotes (`title: Colon: bad`): the parser reads a mapping.
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && field !== undefined && quoted !== undefined) {
    return `Put ${toQuote(field, split)}, as in:${quoted.includes('\n') ? '\n' : ' '}${quoted}`;
  }
  if (code === 'MULTILINE_IMPLICIT_KEY' || code === 'BLOCK_AS_IMPLICIT_KEY') {
    return 'Write each field as its name, a colon and a space, then its value (title: …), starting at the line\'s beginning unless it belongs under another field.';
  }
  return 'Check the indentation and quote values that contain a colon followed by a space.';
}

function keyText(key: string): string {
  const parts = key.split('.');
  let last = -1;
  // An index needs a list before it: a key of digits alone stands first.
  for (let index = 1; index < parts.length; index++) if (/^\d+$/.test(parts[index]!)) last = index;
  if (last < 0) return `"${key}"`;
  const item = `item ${Number(parts[last]) + 1} of "${parts.slice(0, last).join('.')}"`;
  const rest = parts.slice(last + 1);
  return rest.length === 0 ? item : `"${rest.join('.')}" of ${item}`;
}

/**
 * What YAML read as a comment (`title: #1 issue`): the field written in quotes, as it takes it;
 * no field when quotes would not mend it (`order: #1`, which takes a number).
 */
type Commented = { quoted?: string };

/** The hint for a value YAML read as a comment (`title: #1 issue`), with the field written in quotes when it takes text. */
function commentHint(key: string, { quoted }: Commented): string {
  const emptied = `YAML reads a # after a space as the start of a comment, so ${keyText(key)} was left empty`;
  return quoted === undefined ? `${emptied}: write its value before any #.` : `${emptied}: if what follows is its value, put it in quotes, as in: ${quoted}`;
}

/** A text field's value YAML read as a number or as true or false (`title: 2026`), and the field written in quotes. */
export interface UnquotedText {
  /** The value as written: `2026`. */
  written: string;
  /** What YAML read it as, in a contributor's words. */
  reads: 'a number' | 'true or false';
  /** The field written in quotes: `title: "2026"`. */
  quoted: string;
}

/** The hint for a text field's value YAML read as a number or as true or false, with the field written in quotes. */
function unquotedHint({ written, reads, quoted }: UnquotedText): string {
  return `YAML reads ${written} without quotes as ${reads}, not as text: put it in quotes, as in: ${quoted}`;
}

/** The hint for a list field written as text (`tags: news, tips`), with the list it stands for. */
function listHint({ listed, dashed }: ListedValue): string {
  return dashed !== undefined
    ? `YAML reads a dash with a word right after it (${dashed}) as text, not as an item of a list: put a space after the dash of each item, as in:\n${listed}`
    : `Write it as a list, in brackets, as in: ${listed}`;
}

/** The hint of the last error of a rule, which counts those past the first ten. */
const mendTheFirstTen = 'Mend them as the errors before this one say of the first ten; `mimeo check` then tells where the next ones are.';

/** Words listed as a sentence lists them: `a, b or c`. */
const listOr = (words: readonly string[]): string => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`);

const maybe = (suggestion: string | undefined, text: (s: string) => string): string | undefined =>
  suggestion === undefined ? undefined : text(suggestion);

/** A heading as written, `###` or `<h3>`, in a sentence (`markdown/heading-level`). */
const aHeading = (heading: string): string => `${heading.startsWith('<') ? 'an' : 'a'} ${heading} heading`;

/** What the first heading of a text may be, and what this one is (`markdown/heading-level`). */
const firstHeading = (heading: string): string =>
  `the first heading of a text, right under its title, can be ${heading.startsWith('<') ? '<h2>' : '##'} at most, and this one is ${heading}`;

type InvalidValueArgs = { element: string; attribute: string; value?: string; expected: string };

/** What is wrong with an attribute's value, or a `<time>`'s, or that an attribute is not written (no `value`) (`html/invalid-value`). */
const invalidValueWhat = ({ element, attribute, value, expected }: InvalidValueArgs): string =>
  value === undefined
    ? `this <${element}> must have ${expected}`
    : attribute === ''
    ? `a <time> must give ${expected}, got "${value}"`
    : expected === ''
      ? `the ${attribute} attribute of <${element}> is on whenever it is written and takes no value, got "${value}"`
      : `the ${attribute} attribute of <${element}> must be ${expected}, got "${value}"`;

/** What became of it (`html/invalid-value`). */
const invalidValueRepairs: Record<'removed' | 'source' | 'boolean' | 'text' | 'kept', (args: InvalidValueArgs) => string> = {
  removed: () => 'it is left out',
  source: ({ value }) => (value === undefined ? 'the <source> is left out' : 'the <source> is left out with it'),
  boolean: ({ attribute }) => `it is written as ${attribute} alone, as browsers read it`,
  text: () => 'its text is shown without the <time>',
  kept: () => 'the page keeps it as written (markdown.html: trust), and is not valid HTML there',
};

/** Why an element of raw HTML stands where HTML does not let it (`html/misplaced`). */
type MisplacedReason = 'phrasing' | 'parent' | 'interactive' | 'list' | 'structure' | 'order';
/** What became of it: the neutral element it is shown as, or what was done. */
type MisplacedRepair = 'span' | 'div' | 'li' | 'moved' | 'merged' | 'removed' | 'attribute' | 'kept';
type MisplacedArgs = { element: string; parent: string; expected: string; attributes: string };

/** Where a misplaced element of raw HTML stands, by why it may not (`html/misplaced`). */
const misplacedWhere: Record<MisplacedReason, (args: MisplacedArgs) => string> = {
  phrasing: ({ element, parent }) => `${element} can not stand inside <${parent}>, which holds only text and inline elements`,
  parent: ({ element, expected }) => `${element} can stand only ${expected}`,
  interactive: ({ element, parent }) => `${element} can not stand inside <${parent}>, which may hold no link and nothing else interactive`,
  list: ({ element, parent }) => `${element} can not stand inside <${parent}>, which holds only <li> items`,
  structure: ({ element, expected }) => `${element} must hold ${expected}, and this one does not`,
  order: ({ element, parent }) => `${element} must come first in <${parent}>`,
};

/** What became of a misplaced element (`html/misplaced`). */
const misplacedRepairs: Record<MisplacedRepair, (args: MisplacedArgs) => string> = {
  span: () => 'it is shown as a <span>, with its content',
  div: () => 'it is shown as a <div>, with its content',
  li: () => 'it is put in an <li> of its own',
  moved: () => 'it is moved there',
  merged: () => 'its content is added to the first <caption>',
  removed: () => 'it is left out',
  attribute: ({ attributes }) => `its ${attributes} ${attributes.includes(' and ') ? 'attributes are' : 'attribute is'} left out`,
  kept: () => 'the page keeps it as written (markdown.html: trust), and is not valid HTML there',
};

/** What to write instead (`html/misplaced`). */
const misplacedHints: Record<MisplacedReason, (args: MisplacedArgs) => string> = {
  phrasing: ({ element, parent }) => `Move the ${element} out of the <${parent}>, or write an inline element such as <span> or <em> instead.`,
  parent: ({ element, expected }) => `Put the ${element} ${expected}, or leave out its tags and keep its text.`,
  interactive: ({ element, parent }) => `Put the ${element} beside the <${parent}>, not inside it: a reader could not tell which of the two a click is for.`,
  list: ({ parent }) => `Put each item of the list in <li>…</li>, and anything else before or after the <${parent}>.`,
  structure: ({ element }) => structureHints[element] ?? 'Write it as HTML describes it, or in Markdown.',
  order: ({ element, parent }) => `Write the ${element} first in the <${parent}>.`,
};

/** How to write the parts of an element whose whole is misplaced (reason `structure`). */
const structureHints: Record<string, string> = {
  '<dl>': 'Follow each <dt> term with its <dd> description (one or more), or write the list in Markdown.',
  '<details>': 'Start the <details> with <summary>…</summary>, the text shown while it is closed.',
  '<picture>': 'Give the <picture> its <source> elements and then one <img>, and nothing else; or write the <img> alone.',
};

/**
 * Every rule mimeo reports, defined once. Ids are permanent: a rule can be retired, never renamed
 * or reused (STYLE §2).
 */
/** What a value of site.yml, front matter or authors.yml that is not what its key takes says of itself. */
interface InvalidValue {
  key: string;
  suggestion?: string;
  listed?: ListedValue;
  commented?: Commented;
  unquoted?: UnquotedText;
  more?: number;
}

/**
 * The hint of a value its key does not take, the same in site.yml, front matter and authors.yml:
 * past the first ten, to mend those; else what was commented out, a text that wanted quotes, a
 * list written as text, what the file's own case says (`special`), or a did-you-mean.
 */
function invalidValueHint(args: InvalidValue, special: () => string | undefined = () => undefined): string | undefined {
  if (args.more !== undefined) return mendTheFirstTen;
  if (args.commented !== undefined) return commentHint(args.key, args.commented);
  if (args.unquoted !== undefined) return unquotedHint(args.unquoted);
  if (args.listed !== undefined) return listHint(args.listed);
  return special() ?? maybe(args.suggestion, (s) => `Did you mean "${s}"?`);
}

export const rules = {
  'site-config/missing': rule<{ file: string }>({
    severity: 'error',
    message: ({ file }) => `the webzine needs a ${file}, and there is none`,
    hint: () => 'Create it with at least a `title:` line, or pass --root with the folder that holds content/.',
  }),
  'site-config/unknown-key': rule<{ key: string; suggestion?: string; more?: number }>({
    severity: 'error',
    message: ({ key, more }) => (more !== undefined ? `${more} more keys, from ${keyText(key)} on, are not settings of site.yml` : `${keyText(key)} is not a setting of site.yml`),
    hint: ({ suggestion, more }) =>
      more !== undefined ? `Remove them, or put the theme's own settings under extra:. The errors before this one say where the first ten are.` : maybe(suggestion, (s) => `Did you mean "${s}"?`),
  }),
  'site-config/invalid': rule<{ key: string; expected: string; actual: string; suggestion?: string; listed?: ListedValue; commented?: Commented; unquoted?: UnquotedText; tag?: TagSuggestion; clash?: LanguageClash; more?: number }>({
    severity: 'error',
    message: ({ key, expected, actual, more }) => (more !== undefined ? `${more} more values, from ${keyText(key)} on, are not what their settings take` : `${keyText(key)} must be ${expected}, got ${actual}`),
    hint: (args) => invalidValueHint(args, () => (args.tag !== undefined ? tagHint(args.tag, args.clash) : undefined)),
  }),
  'site-config/widened': rule<{ what: 'trust' | 'host-files'; files?: string }>({
    severity: 'warning',
    message: ({ what, files }) =>
      what === 'trust'
        ? 'this change sets markdown.html to trust, so raw HTML in any file may then put script on the site'
        : `this change lets ${files ?? ''} of static/ configure the web host (hostFiles), which may redirect or take over the site`,
    hint: () => "This is a maintainer's change to make and review; have the maintainers own content/site.yml (a CODEOWNERS line)."
  }),
  'site-config/menu-url': rule<{ url: string; suggestion?: string }>({
    severity: 'error',
    message: ({ url }) => `the menu entry "${url}" is neither a path of the site (from its root, starting with /) nor a file of content/`,
    hint: ({ suggestion }) =>
      suggestion === undefined ? 'Write a path of the site like /about/, the path of a file from content/ like pages/about.md, or an address like https://example.org/.' : `Did you mean "${suggestion}"?`,
  }),
  'site-config/menu-duplicate': rule<{ key: string; other: string; kind: 'always' | 'page' | 'entry' }>({
    severity: 'warning',
    message: ({ key, other }) => `${keyText(key)} leads to the same place as ${other}, so the menu would show it twice`,
    hint: ({ kind }) =>
      kind === 'page' ? 'Remove this entry, or "menu: true" from the page: one of the two is enough.' : kind === 'entry' ? 'Remove one of the two entries.' : 'Remove this entry: mimeo puts the home and authors pages in every menu, and the tags index once articles have tags.',
  }),
  'site-config/base-url': rule<Record<string, never>>({
    severity: 'error',
    message: () => 'building the site needs "baseUrl", the https address it will be published at, and site.yml has none',
    hint: () => 'Add `baseUrl: https://zine.example/` to site.yml (`mimeo build` also takes --base-url, which overrides it).',
  }),
  // Past the first ten, the errors are counted: as fields given twice when all of them are.
  'yaml/syntax': rule<YamlSyntaxArgs>({
    severity: 'error',
    message: ({ reason, more, twice }) =>
      `the YAML here can not be read: ${more === undefined ? reason : twice ? `${more} more fields, from this one on, are given twice` : `${more} more fields, from this one on, are written wrong`}`,
    hint: (args) => (args.more === undefined ? yamlHint(args) : args.twice ? 'Give each field once. The errors before this one say where the first ten are.' : mendTheFirstTen),
  }),
  'yaml/too-large': rule<{ alias: string; limit: number }>({
    severity: 'error',
    message: ({ alias, limit }) => `with this alias, *${alias}, the aliases of this YAML copy more than ${grouped(limit)} characters, and mimeo reads at most ${grouped(limit)}`,
    hint: () => 'Repeat large values fewer times: an alias copies the whole value it names, wherever it is written.',
  }),
  'yaml/too-many-aliases': rule<{ alias: string; limit: number }>({
    severity: 'error',
    message: ({ alias, limit }) => `with this alias, *${alias}, this YAML has more than ${grouped(limit)} aliases, and mimeo reads at most ${grouped(limit)}`,
    hint: () => 'Write the values out where they are used, or use fewer aliases: an alias only saves repeating a value a few times.',
  }),
  'image/alt': rule<{ written: 'markdown' | 'html' | 'cover' }>({
    severity: 'warning',
    message: ({ written }) =>
      written === 'markdown' ? 'this image has no description (alt text)' : written === 'html' ? 'this <img> has no alt attribute' : 'the cover has no description: there is no coverAlt',
    hint: ({ written }) =>
      written === 'markdown'
        ? 'Describe the image between the brackets, ![A lamp drawn in two lines](lamp.svg): it is all that screen readers, the Gemini capsule and text-only readers get of it.'
        : written === 'html'
          ? 'Add alt="…" describing the image (alt="" if it only decorates the page): it is all that screen readers and the Gemini capsule get of it.'
          : 'Add a coverAlt: line to the front matter describing the cover image.',
  }),
  'html/removed': rule<{ element: string; attributes: string; several: boolean; more?: number }>({
    severity: 'warning',
    message: ({ element, attributes, several, more }) =>
      more !== undefined
        ? `${more} more elements of raw HTML, from this <${element}> on, are left out of the page or lose attributes`
        : attributes === ''
          ? `<${element}> is left out of the page: raw HTML may not hold it`
          : `<${element}> is kept without its ${attributes} attribute${several ? 's' : ''}: raw HTML may not hold ${several ? 'them' : 'it'}`,
    hint: () => 'Raw HTML keeps only what can not run a script or restyle the site (site.yml: markdown.html: sanitize). Write it in Markdown, or link to what you meant to embed.',
  }),
  'html/misplaced': rule<{ element: string; parent: string; reason: MisplacedReason; expected: string; repair: MisplacedRepair; attributes: string; more?: number }>({
    severity: 'warning',
    message: (args) =>
      args.more !== undefined
        ? `${args.more} more elements of raw HTML, from this ${args.element} on, stand where HTML does not allow them`
        : `${misplacedWhere[args.reason](args)}; ${misplacedRepairs[args.repair](args)}`,
    hint: (args) => (args.more === undefined ? misplacedHints[args.reason](args) : 'Each is shown as HTML allows it; write them where HTML allows them, as the warnings before this one say of the first ten.'),
  }),
  'markdown/heading-level': rule<{ heading: string; previous: string | undefined; shown: string | undefined; more?: number }>({
    severity: 'warning',
    message: ({ heading, previous, shown, more }) =>
      more !== undefined
        ? `${more} more headings, from this ${heading} on, are more than one level below the heading before them`
        : `${previous === undefined ? firstHeading(heading) : `a heading can be one level below the heading before it at most, and this ${heading} heading follows ${previous === 'footnotes' ? "the footnotes' own ## heading" : aHeading(previous)}`}; ${shown === undefined ? 'the page keeps it as written (markdown.html: trust), and is not valid HTML there' : `it is shown as ${aHeading(shown)}`}`,
    hint: ({ heading, more }) =>
      more !== undefined
        ? 'Each is shown one level below the heading before it; the warnings before this one say where the first ten are.'
        : heading.startsWith('<')
          ? 'Go down one level at a time: <h2> for the sections of the text (its title is the <h1>), <h3> for the parts of a section, and so on; screen readers list the headings by these levels.'
          : 'Go down one # at a time: ## for the sections of the text (its title is the only #), ### for the parts of a section, and so on; screen readers list the headings by these levels.',
  }),
  'html/invalid-value': rule<{ element: string; attribute: string; value?: string; expected: string; repair: 'removed' | 'source' | 'boolean' | 'text' | 'kept'; advice?: string; more?: number }>({
    severity: 'warning',
    message: (args) =>
      args.more !== undefined
        ? `${args.more} more attributes of raw HTML, from this <${args.element}> on, have values HTML does not allow`
        : `${invalidValueWhat(args)}; ${invalidValueRepairs[args.repair](args)}`,
    hint: ({ attribute, expected, advice, more }) =>
      more !== undefined
        ? 'Each is left out or mended; write them as HTML reads them, as the warnings before this one say of the first ten.'
        : advice !== undefined
          ? advice
          : attribute === ''
            ? 'Give the <time> the date as HTML reads it in a datetime attribute, and your own words as its text: <time datetime="2024-05-01">the first of May</time>; or leave out the <time> tags.'
            : expected === ''
              ? `Write ${attribute} alone to turn it on, and leave it out to turn it off: ${attribute}="false" turns it on too.`
              : 'Write the value as HTML reads it, or leave the attribute out: a browser ignores a value it can not read, or guesses at it.',
  }),
  'html/misplaced-attribute': rule<{ element: string; attribute: string; expected: string; more?: number }>({
    severity: 'warning',
    message: ({ element, attribute, expected, more }) =>
      more !== undefined
        ? `${more} more attributes of raw HTML, from this <${element}> on, stand where HTML does not allow them`
        : `<${element}> can not have the ${attribute} attribute here: HTML allows it ${expected}; it is left out`,
    hint: ({ more }) =>
      more !== undefined
        ? 'Each is left out; write them where HTML allows them, as the warnings before this one say of the first ten.'
        : 'Leave the attribute out, or put it where HTML allows it: a browser ignores it here.',
  }),
  'article/blank': rule<Record<string, never>>({
    severity: 'warning',
    message: () => 'this article is published with no text: its body holds nothing, or only notes between <!-- and -->',
    hint: () => 'Write the article, or keep it out of the issue with "draft: true" in its front matter until it is written.',
  }),
  'markdown/footnote-undefined': rule<{ label: string; suggestion?: string; more?: number }>({
    severity: 'warning',
    message: ({ label, more }) =>
      more !== undefined
        ? `${more} more footnote calls, from [^${label}] on, have no note of their name, so readers see them as they are written`
        : `the footnote [^${label}] has no note of that name, so readers see "[^${label}]" as it is written`,
    hint: ({ label, suggestion, more }) =>
      more !== undefined
        ? 'Write a note for each, or call the notes by their names, as the warnings before this one say of the first ten.'
        : suggestion !== undefined
        ? `Did you mean [^${suggestion}]? Call the note by its name, or write this note on a line of its own: [^${label}]: The note's text.`
        : `Write its note on a line of its own, as in: [^${label}]: The note's text. To show the brackets as they are, write \\[^${label}].`,
  }),
  'markdown/footnote-unused': rule<{ label: string; suggestion?: string; more?: number }>({
    severity: 'warning',
    message: ({ label, more }) =>
      more !== undefined
        ? `${more} more footnote notes, from [^${label}] on, are called nowhere in the text, so no page shows them`
        : `the footnote note [^${label}] is called nowhere in the text, so no page shows it`,
    hint: ({ label, suggestion, more }) =>
      more !== undefined
        ? 'Call each in the text where it belongs, or remove it, as the warnings before this one say of the first ten.'
        : suggestion !== undefined ? `Did you mean to call it where the text has [^${suggestion}]? The call and the note must have the same name.` : `Put [^${label}] in the text where the note belongs, or remove the note.`,
  }),
  'markdown/table-extra-cells': rule<{ cells: number; columns: number; more?: number }>({
    severity: 'warning',
    message: ({ cells, columns, more }) =>
      more !== undefined
        ? `${more} more table rows, from this one on, have more cells than their table has columns, and the page leaves out the extra ones`
        : `this table row has ${cells} cells and the table ${columns} columns, so the page leaves out the ${cells - columns === 1 ? 'last cell' : `last ${cells - columns} cells`}, from this one on`,
    hint: ({ more }) =>
      more !== undefined
        ? 'Mend them as the warnings before this one say of the first ten.'
        : 'Add a column to the header row and to the |---| line under it, or join the extra cells to the ones before: a | in a cell\'s text is written \\|.',
  }),
  'markdown/too-deep': rule<{ depth: string; limit: number }>({
    severity: 'error',
    message: ({ depth, limit }) => `this file nests quotes, lists, emphasis or HTML elements ${depth} levels deep, and mimeo reads at most ${limit}`,
    hint: () => 'Flatten the nesting; no reader can follow that many levels anyway.',
  }),
  'markdown/too-many-delimiters': rule<{ limit: number }>({
    severity: 'error',
    message: ({ limit }) => `this paragraph, heading or table cell has more than ${limit} emphasis marks (*, _ or ~ next to text, outside code), and mimeo reads at most ${limit} in one`,
    hint: () => 'Put ASCII art and other runs of these characters in a code block (between ``` lines, or indented by four spaces), or escape each with a backslash (\\*).',
  }),
  'markdown/too-many-cells': rule<{ limit: number }>({
    severity: 'error',
    message: ({ limit }) => `this table has more than ${grouped(limit)} cells, and mimeo reads at most ${grouped(limit)} in one table`,
    hint: () => 'Split the table, or publish the data as a file of its own (CSV) beside the article and link to it.',
  }),
  'markdown/too-many-blocks': rule<{ limit: number }>({
    severity: 'error',
    message: ({ limit }) => `this file has more than ${grouped(limit)} blocks (paragraphs, headings, list items, quotes, code blocks, table rows), and mimeo reads at most ${grouped(limit)} in one file`,
    hint: () => 'Split the article into several, or publish long data or logs as a file of their own beside the article and link to it.',
  }),
  'markdown/too-large': rule<{ limit: number }>({
    severity: 'error',
    message: ({ limit }) => `this file has more than ${grouped(limit)} characters, and mimeo reads at most ${grouped(limit)} in one file`,
    hint: () => 'Split the article into parts that link to each other, or publish long data or logs as a file of their own beside the article and link to it.',
  }),
  'markdown/too-many-lines': rule<{ limit: number }>({
    severity: 'error',
    message: ({ limit }) => `this file has more than ${grouped(limit)} lines, and mimeo reads at most ${grouped(limit)} in one file`,
    hint: () => 'Split the article into parts that link to each other, or publish long data, code or logs as a file of their own beside the article and link to it.',
  }),
  'markdown/too-much-markup': rule<{ limit: number }>({
    severity: 'error',
    message: ({ limit }) =>
      `this file's inline markup weighs more than ${grouped(limit)} (links, images, footnote calls, HTML tags and web or e-mail addresses weigh four each; backticks, emphasis marks, escapes and entities one), and mimeo reads at most ${grouped(limit)} in one file`,
    hint: () => 'Split the article into parts that link to each other; put long code, data or ASCII art in a code block (between ``` lines), where nothing is counted.',
  }),
  'markdown/too-long-paragraph': rule<{ limit: number }>({
    severity: 'error',
    message: ({ limit }) =>
      `this paragraph, heading or table cell is too long for the line breaks, brackets and other markup in it: its length times their number takes the file's total past ${grouped(limit)}, and mimeo reads at most ${grouped(limit)}`,
    hint: () => 'Break the paragraph up with blank lines (a poem into stanzas, a list into items), or put code, data or ASCII art full of brackets and other marks in a code block (between ``` lines), where nothing is counted.',
  }),
  'markdown/too-much-code': rule<{ limit: number }>({
    severity: 'error',
    message: ({ limit }) => `this file has more than ${grouped(limit)} characters of code to highlight (code blocks with a language), and mimeo highlights at most ${grouped(limit)} in one file`,
    hint: () => 'Leave the language out of long listings (``` alone: they are shown as written, without colours), or publish the code as a file of its own beside the article and link to it.',
  }),
  'yaml/not-fields': rule<{ what: string; actual: string; authors: boolean }>({
    severity: 'error',
    message: ({ what, actual }) => `${what} must be "name: value" lines, got ${actual}`,
    hint: ({ authors }) =>
      authors ? 'Write each contributor as a handle followed by a colon, and their name indented below it:\nada:\n  name: Ada Quill' : 'Write each field on a line of its own: its name, a colon and a space, then its value, as in "title: First light".',
  }),
  'front-matter/language': rule<{ language: string }>({
    severity: 'error',
    message: ({ language }) => `front matter must be YAML, and this one opens with "---${language}", which asks for another language`,
    hint: () => 'Write "---" alone on the first line and the front matter in YAML; mimeo never runs front matter written in JavaScript or anything else.',
  }),
  'front-matter/unclosed': rule<Record<string, never>>({
    severity: 'error',
    message: () => 'the front matter opened here is never closed, so the whole file would be read as front matter and the body lost',
    hint: () => 'Add a line "---" after the last field, before the text of the body.',
  }),
  'front-matter/too-large': rule<{ limit: number }>({
    severity: 'error',
    message: ({ limit }) => `this file's front matter has more than ${grouped(limit)} characters, and mimeo reads at most ${grouped(limit)}`,
    hint: () =>
      'Front matter holds a few short fields (title, authors, summary, tags): put long text in the body, below the closing ---. If that line is missing, add it after the last field.',
  }),
  // `issueFile`: the field is one of the article's issue, written in that file.
  'front-matter/unknown-key': rule<{ key: string; kind: string; suggestion?: string; issueFile?: string; page?: PageOfDraft; more?: number }>({
    severity: 'error',
    message: ({ key, kind, more }) => (more !== undefined ? `${more} more fields, from ${keyText(key)} on, are not front matter fields of ${kind}` : `${keyText(key)} is not a front matter field of ${kind}`),
    hint: ({ key, suggestion, issueFile, page, more }) =>
      more !== undefined
        ? 'Remove them: front matter holds only the fields `mimeo schema` lists. The errors before this one say where the first ten are.'
        : page !== undefined
          ? pageDraftHint(page)
          : issueFile !== undefined
          ? `${keyText(key)} belongs to the issue, and all its articles share it: write it in ${issueFile}, not here.`
          : maybe(suggestion, (s) => `Did you mean "${s}"?`),
  }),
  'front-matter/required': rule<{ key: string; kind: string; block: boolean }>({
    severity: 'error',
    message: ({ key, kind }) => `${kind} needs a "${key}" in its front matter, and there is none`,
    hint: ({ key, block }) => (block ? `Add a line "${key}: …" between the two --- lines.` : `Put a line "${key}: …" in a front matter block at the very top of the file:\n---\n${key}: …\n---`),
  }),
  // `impossible`: the value is written as a date is, but its year is before 0100 or the calendar has no such day.
  'front-matter/date': rule<{ key: string; actual: string; impossible?: ImpossibleDate }>({
    severity: 'error',
    message: ({ key, actual, impossible }) =>
      impossible === undefined
        ? `${keyText(key)} must be a date like 2021-10-01, got ${actual}`
        : impossible.wrong === 'year'
          ? `${keyText(key)} must be a date from the year 0100 on, got ${actual}`
          : `${keyText(key)} must be a date that exists, got ${actual}: ${impossible.wrong === 'day' ? `${impossible.month} has ${impossible.days} days` : `there is no month ${impossible.month}`}`,
    hint: ({ impossible }) =>
      impossible === undefined
        ? 'Write the date as year-month-day; leave it out while the issue is a draft.'
        : impossible.wrong === 'year'
          ? `mimeo reads dates as JavaScript does, which takes the years 0000 to 0099 for 1900 to 1999, so it can not tell ${impossible.year} from ${impossible.readAs}. Write the year with its century (2024, not 0024), or leave the date out while the issue is a draft.`
          : impossible.wrong === 'day'
            ? `Write a day that ${impossible.month} has, from 01 to ${impossible.days}.`
            : `Write the month second, from 01 to 12${maybe(impossible.swapped, (date) => `: did you mean ${date}?`) ?? '.'}`,
  }),
  'front-matter/invalid': rule<{ key: string; expected: string; actual: string; suggestion?: string; listed?: ListedValue; commented?: Commented; unquoted?: UnquotedText; more?: number }>({
    severity: 'error',
    message: ({ key, expected, actual, more }) => (more !== undefined ? `${more} more values, from ${keyText(key)} on, are not what their fields take` : `${keyText(key)} must be ${expected}, got ${actual}`),
    hint: (args) => invalidValueHint(args),
  }),
  'authors-file/invalid': rule<{ key: string; expected: string; actual: string; suggestion?: string; commented?: Commented; unquoted?: UnquotedText; more?: number }>({
    severity: 'error',
    message: ({ key, expected, actual, more }) => (more !== undefined ? `${more} more values, from ${keyText(key)} on, are not what authors.yml takes` : `${keyText(key)} must be ${expected}, got ${actual}`),
    hint: (args) =>
      invalidValueHint(args, () =>
        args.key.endsWith('.fediverse')
          ? `Write the address as @name@server, in quotes, since YAML reads a value that starts with @ only in quotes: fediverse: "${args.suggestion ?? '@name@social.example'}"`
          : undefined,
      ),
  }),
  'author/unknown-handle': rule<{ handle: string; suggestion?: string; more?: number }>({
    severity: 'error',
    message: ({ handle, more }) => (more !== undefined ? `${more} more names, from "${handle}" on, look like handles, and authors.yml has none of them` : `"${handle}" looks like a handle, and authors.yml has no such handle`),
    hint: ({ suggestion, more }) =>
      more !== undefined
        ? 'Add them to content/authors.yml, or write full names ("Ada Lovelace"). The errors before this one say where the first ten are.'
        : suggestion === undefined
          ? 'Add the handle to content/authors.yml, or write the full name ("Ada Lovelace").'
          : `Did you mean "${suggestion}"?`,
  }),
  'author/name-of-handle': rule<{ written: string; handle: string; key: string; more?: number }>({
    severity: 'warning',
    message: ({ written, handle, more }) =>
      more !== undefined ? `${more} more names, from "${written}" on, are names authors.yml gives handles, and are taken for them` : `"${written}" is the name authors.yml gives the handle "${handle}", and is taken for it`,
    hint: ({ handle, key, more }) =>
      more !== undefined
        ? 'Write each as its handle. The warnings before this one say where the first ten are.'
        : `Write the handle ${handle} in its place in "${key}": the byline stays the same, and follows authors.yml if the name there changes. Someone else of that name needs a name that tells them apart (with a middle initial, say).`,
  }),
  'tag/spelling': rule<{ written: string; name: string; route: string }>({
    severity: 'warning',
    message: ({ written, name, route }) => `the tag "${written}" reads as "${name}" does, so it is listed on that tag's page (${route}), which shows it as "${name}"`,
    hint: ({ name }) => `Write it "${name}", as the page does; if it is another subject, give it a name that reads otherwise.`,
  }),
  'author/handle-case': rule<{ written: string; handle: string; name: string; more?: number }>({
    severity: 'warning',
    message: ({ written, handle, name, more }) =>
      more !== undefined
        ? `${more} more names, from "${written}" on, differ from handles of authors.yml only in their capitals, and are taken for them`
        : `"${written}" differs from the handle "${handle}" only in its capitals, and is taken for it (${name})`,
    hint: ({ written, handle, more }) =>
      more !== undefined
        ? 'Write each handle as authors.yml does. The warnings before this one say where the first ten are.'
        : written.startsWith('@')
          ? `Write the handle as "${handle}".`
          : `Write the handle as "${handle}"; for someone else called "${written}", write their full name.`,
  }),
  'encoding/invalid-utf8': rule<Record<string, never>>({
    severity: 'error',
    message: () => 'this file is not valid UTF-8',
    hint: () => 'Save the file as UTF-8 in your editor ("Save with encoding" or "Reopen with encoding").',
  }),
  // Counted (`more`) only in YAML values, where escapes can write one in each.
  'encoding/control-character': rule<{ code: string; more?: number }>({
    severity: 'warning',
    message: ({ code, more }) =>
      more !== undefined ? `${more} more values, from this one on, hold invisible control characters, which were left out` : `this file holds the invisible control character U+${code}, which was left out`,
    hint: ({ more }) => (more !== undefined ? 'They usually come from a copy and paste; delete them to silence these warnings.' : 'It usually comes from a copy and paste; delete it to silence this warning.'),
  }),
  'encoding/noncharacter': rule<{ code: string; more?: number }>({
    severity: 'warning',
    message: ({ code, more }) =>
      more !== undefined
        ? `${more} more values, from this one on, hold noncharacters, which no web page may hold, so they were left out`
        : `this file holds the noncharacter U+${code}, which no web page may hold, so it was left out`,
    hint: ({ more }) => (more !== undefined ? 'Noncharacters are for programs, never for text; delete them to silence these warnings.' : 'Noncharacters are for programs, never for text; delete it to silence this warning.'),
  }),
  'slug/invalid': rule<{ name: string; expected: string; suggestion?: string }>({
    severity: 'error',
    message: ({ name, expected }) => `"${name}" must be named ${expected}`,
    hint: ({ suggestion }) => maybe(suggestion, (s) => `Rename it to "${s}".`),
  }),
  'slug/same-order': rule<{ order: string; other: string }>({
    severity: 'warning',
    message: ({ order, other }) => `this article has the order number ${order}, as ${other} has, so which of the two comes first is left to their names`,
    hint: () => 'Give it a number no other article of the issue has (the numbers need not follow each other: 25 fits between 20 and 30).',
  }),
  'slug/duplicate': rule<{ url: string; other: string; folders?: readonly [string, string]; number?: number }>({
    severity: 'error',
    message: ({ url, other }) => `this file would be published at ${url}, and so would ${other}`,
    hint: ({ folders, number }) =>
      folders ? `Both folders, ${folders[0]}/ and ${folders[1]}/, are issue ${number}: move the files of one into the other, or give it the number of another issue.` : 'Rename one of the two files.',
  }),
  // A file of the theme (`theme`) is named as a copied file is, and told the hint of a page: a contributor removes the alias, not the theme's file.
  'alias/taken': rule<{ address: string; file?: string; generated?: string; copied?: string; theme?: string; output?: string; other?: string; relation?: 'same' | 'below' | 'holds' }>({
    severity: 'error',
    // Without `output`, the alias is the other's very address; with it, their files meet otherwise (in the capsule, or a file where a folder must be).
    message: ({ address, file, generated, copied, theme, output, other, relation }) =>
      output === undefined
        ? file !== undefined ? `the alias ${address} is the address of ${file}` : generated !== undefined ? `the alias ${address} is the address of ${generated}, which mimeo makes` : `the alias ${address} is where ${copied ?? theme} is published`
        : `the alias ${address} is written to ${output}, ${relation === 'same' ? '' : relation === 'below' ? `below the file ${other}, ` : `a file where a folder must hold ${other}, `}where ${file !== undefined ? `the page of ${file}` : generated !== undefined ? `${generated} (which mimeo makes)` : copied ?? theme} is written${relation === 'same' ? ' too' : ''}`,
    hint: ({ copied }) =>
      copied !== undefined
        ? 'Remove the alias or that file: a reader can not be sent on from a place that holds a file.'
        : 'Remove this alias: readers who follow a link to that address must find what is there now, not be sent here.',
  }),
  'alias/own-address': rule<{ address: string }>({
    severity: 'error',
    message: ({ address }) => `the alias ${address} is this page's own address`,
    hint: () => 'Remove it: an alias is an earlier address, which the page has no more (after renaming the file, write the old one).',
  }),
  'alias/duplicate': rule<{ address: string; other: string; output?: string; otherOutput?: string; otherAddress?: string; relation?: 'same' | 'below' | 'holds' }>({
    severity: 'error',
    // Without `output`, both files give the address; with it, two addresses' pages meet (in the capsule, or a file where a folder must be).
    message: ({ address, other, output, otherOutput, otherAddress, relation }) =>
      output === undefined
        ? `the alias ${address} is an alias of ${other} too`
        : `the alias ${address} is written to ${output}, ${relation === 'same' ? '' : relation === 'below' ? `below the file ${otherOutput}, ` : `a file where a folder must hold ${otherOutput}, `}where the page of the alias ${otherAddress} of ${other} is written${relation === 'same' ? ' too' : ''}`,
    hint: () => 'Keep it in one of the two files: an address can send readers to one page only.',
  }),
  'alias/host-file': rule<{ address: string; name: string }>({
    severity: 'error',
    message: ({ address, name }) => `the alias ${address} would be written in ${name} at the web root, which configures the web host (Netlify, Cloudflare Pages, GitHub Pages, Azure), not the webzine: published, it could redirect or take over the whole site`,
    hint: ({ name }) => `Remove this alias: no page of the webzine was ever there. If the maintainer means to publish something at ${name}, they list it in site.yml: hostFiles: [${name}]`,
  }),
  'alias/edition-prefix': rule<{ address: string; prefix: string; language: string; rest: string }>({
    severity: 'error',
    message: ({ address, prefix, language }) => `the alias ${address} starts with /${prefix}, the prefix of the ${language} edition`,
    hint: ({ prefix, rest }) => `Write it without /${prefix}, as ${rest}: an alias of the original holds in every edition by itself, under each edition's prefix.`,
  }),
  // The address as an alias may be written, the part as decoded, which is the file's name (`x%20` is "x ").
  'alias/windows-name': rule<{ address: string; part: string; end?: 'dot' | 'space'; becomes?: string; without?: string; device?: string }>({
    severity: 'error',
    message: ({ address, part, end, becomes, device }) =>
      device === undefined
        ? `the alias ${address} has a part, "${part}", that ends in a ${end ?? 'dot'}, which Windows leaves out of a file's name${becomes === undefined ? '' : `: a webzine built there would write its page as "${becomes}"`}`
        : `the alias ${address} has a part, "${part}", that Windows reads as its device ${device}, whatever the case and the extension, not as a file: a webzine built there could not write its page`,
    hint: ({ without, device }) =>
      device === undefined
        ? `Drop the dots and spaces at the end of the part if the old address had none (${without ?? 'without them'}); if it had, remove this alias: no page can be written there on every machine.`
        : 'Remove this alias: no page can be written there on Windows. If readers still follow that address, send them on in the web host\'s settings.',
  }),
  // A part or address too long to quote whole is named by its start.
  'alias/too-long': rule<{ address: string; bytes: number; limit: number; part?: string }>({
    severity: 'error',
    message: ({ address, bytes, limit, part }) =>
      part === undefined
        ? `the alias ${address} is ${grouped(bytes)} bytes long, in UTF-8 once decoded, and an alias may be ${grouped(limit)} at most`
        : `the alias ${address} has a part, "${part}", of ${grouped(bytes)} bytes, in UTF-8 once decoded, and a part of an alias may be ${grouped(limit)} at most`,
    hint: ({ part }) =>
      `Remove this alias, or shorten ${part === undefined ? 'it' : 'that part'} if the old address was shorter (é and %C3%A9 count two bytes, a character of most other scripts three): no file system can hold the file of its page on every machine.`,
  }),
  'alias/too-many': rule<{ count: number; limit: number }>({
    severity: 'error',
    message: ({ count, limit }) =>
      `this page has ${grouped(count)} aliases, and a page keeps ${limit} at most: this one ${count === limit + 1 ? 'is' : `and the ${count === limit + 2 ? 'one' : grouped(count - limit - 1)} after it are`} left out`,
    hint: ({ limit }) =>
      `Remove the oldest addresses, those readers are least likely to follow still, until ${limit} are left: each alias is a page on the web and one in the capsule, written at every build.`,
  }),
  'issue/untitled': rule<{ number: number }>({
    severity: 'warning',
    message: ({ number }) => `issue ${number} is dated, so published, with the title "Untitled" that \`mimeo new issue\` gives a draft: readers would see it as No. ${number}: Untitled`,
    hint: () => 'Give the issue its name after "title:" (leave the number out), or remove its date to keep it a draft until it has one.',
  }),
  'issue/date-order': rule<{ number: number; date: string; other: number; otherDate: string }>({
    severity: 'warning',
    message: ({ number, date, other, otherDate }) =>
      `issue ${number} is dated ${date}, before issue ${other} (${otherDate}): the archive lists it above issue ${other}, as the newer, while feed readers and Gemini clients that go by date file it as the older`,
    hint: () => 'Mend whichever of the two dates is wrong; an issue published out of turn on purpose may keep its date.',
  }),
  'issue/number-gap': rule<{ number: number; below: number; first: number; last: number; folder: string }>({
    severity: 'warning',
    message: ({ number, below, first, last }) =>
      first === last
        ? `there is no issue ${first}, published or draft, between issue ${below} and this one, issue ${number}, so readers of the archive may look for it in vain`
        : `there are no issues ${first} ${last === first + 1 ? 'and' : 'to'} ${last}, published or draft, between issue ${below} and this one, issue ${number}, so readers of the archive may look for them in vain`,
    hint: ({ folder }) => `Renumber this issue by renaming its folder to ${folder}/ (before it is first published: its address changes with its number), or keep the gap if it is deliberate.`,
  }),
  'issue/empty': rule<{ number: number }>({
    severity: 'warning',
    message: ({ number }) =>
      `issue ${number} is dated, so published, with nothing in it: no editorial below its front matter and no published article, so its page shows its title alone and its feed entry has no content`,
    hint: () => 'Write its editorial below the front matter, or publish an article in it; or remove its date to keep it a draft until it has some.',
  }),
  // `after`: past the commit being built (`reference`, its day); else before content/'s first commit, and far from `neighbors`, the issues numbered next to it.
  'issue/date-far': rule<{ number: number; date: string; after: boolean; reference: string; neighbors: ReadonlyArray<{ number: number; date: string }> }>({
    severity: 'warning',
    message: ({ number, date, after, reference, neighbors }) =>
      after
        ? `issue ${number} is dated ${date}, more than a year after the commit being built (${reference}): it is published with that date all the same, and clients that go by date keep it above every issue to come`
        : `issue ${number} is dated ${date}, more than a year before content/ was first committed (${reference})${neighbors.length === 0 ? '' : ` and more than a year from ${issueDates(neighbors)}`}`,
    hint: ({ after }) =>
      after
        ? 'Check the year (2204 for 2024?). mimeo never reads the clock, so a date to come is published as written: if this one is meant, keep it.'
        : 'Check the year (1900 or 1024 for 2024?). An issue older than the repository, such as one of an archive brought into it, may keep its date.',
  }),
  'issue/missing-issue-file': rule<{ folder: string }>({
    severity: 'error',
    message: ({ folder }) => `the issue folder ${folder} has no issue.md`,
    hint: () => 'Add an issue.md with the issue\'s title, date and editorial.',
  }),
  // `renamedTo`: the article its original was most likely renamed to, when its slug changed (`20-quick-tip.md` for `20-tip.md`).
  'translation/missing-original': rule<{ original: string; suggestion?: string; renamedTo?: string; translation?: boolean }>({
    severity: 'error',
    message: ({ original, translation }) => `this translation has no original: ${translation ? `${original} is a translation itself` : `there is no ${original}`}`,
    hint: ({ suggestion, renamedTo }) =>
      (maybe(suggestion, (name) => (name.includes('/') ? `Did its original move? Move it with it, to ${name}. ` : `Did you mean to name it "${name}"${renamedTo === undefined ? '' : `, the translation of ${renamedTo}`}? `)) ?? '') +
      'A translation is named like its original with the language before .md: 20-current.fr.md translates 20-current.md.',
  }),
  'translation/named-as-original': rule<{ name: string; original: string; suggestion: string }>({
    severity: 'warning',
    message: ({ name, original }) => `this file looks like the ${name} translation of ${original}, but its name makes it a text of its own, in the original language`,
    hint: ({ suggestion }) => `If it is a translation, rename it to "${suggestion}".`,
  }),
  // `listedAs`: the language of site.yml the file's stands for (`.pt_BR.md`, `.PT-br.md` for pt-BR, `.fra.md` for fr); `taken`: the file of that name, when there is one.
  'translation/unknown-language': rule<{ language: string; written: string; name: string; reason: 'unlisted' | 'original' | 'case'; listed: readonly string[]; listedAs?: string; taken?: string }>({
    severity: 'error',
    message: ({ written, name, reason }) =>
      `this file is named as a translation into ${name} (${written}), ${reason === 'original' ? 'the language of the original edition' : reason === 'case' ? 'spelt otherwise in site.yml' : "which is not one of the webzine's languages"}`,
    hint: ({ language, written, reason, listed, listedAs, taken }) =>
      reason === 'original'
        ? `The original edition's files have no language in their name: drop ".${written}" from it.`
        : listedAs !== undefined
          ? `${reason === 'case' ? `Write the language as site.yml lists it: ".${listedAs}.md".` : `Did you mean ".${listedAs}.md"? site.yml lists that language as ${listedAs}.`}${taken === undefined ? '' : ` But ${taken} exists already: merge the two into it, or delete one of them.`}`
          : `Add ${language} to languages: in content/site.yml (${listed.length === 0 ? 'there is none yet' : `it lists ${listed.join(', ')}`})${written === language ? '' : ` and end the file's name with ".${language}.md"`}, or drop ".${written}" from the file's name.`,
  }),
  'translation/ignored-field': rule<{ field: string; original?: string | undefined; file: string }>({
    severity: 'warning',
    message: ({ field, original }) => `this translation's "${field}" is not used: every edition takes the original's, ${original ?? 'which has none'}`,
    hint: ({ field, original, file }) =>
      original === undefined
        ? `Remove "${field}" from the translation; to give it one in every edition, write it in ${file}.`
        : `Remove "${field}" from the translation, or give it the original's value; to change it in every edition, change it in ${file}.`,
  }),
  'translation/blank': rule<{ original: string }>({
    severity: 'warning',
    message: ({ original }) => `this translation has no text (its body holds nothing, or only notes between <!-- and -->) where its original, ${original}, has some: its edition shows the page without text`,
    hint: ({ original }) => `Translate the text of ${original} below the front matter, or delete this file: its edition then shows the original, marked as not translated yet.`,
  }),
  'translation/missing-field': rule<{ field: string; original: string; language: string }>({
    severity: 'warning',
    message: ({ field, original, language }) => `this translation has no "${field}", which its original, ${original}, has: its edition shows the original's, marked as ${language}`,
    hint: ({ field }) => `Add "${field}:" to this file's front matter, with the original's text translated.`,
  }),
  // Paths are the root's, and `git diff` takes a path after `--` from the folder it runs in, wherever the repository's top is.
  'translation/stale': rule<{ original: string; changed: string; translated: string; since?: string }>({
    severity: 'warning',
    message: ({ original, changed, translated }) =>
      `the original, ${original}, changed on ${changed}, after this translation was last changed ${changed === translated ? 'earlier that day' : `on ${translated}`}`,
    hint: ({ original, since }) =>
      `Bring the translation up to date with the original, then commit it.${since === undefined ? '' : ` What changed in the original since the translation's last commit: git diff ${since}..HEAD -- ${original}`}`,
  }),
  'link/missing-target': rule<{ url: string; suggestion?: string }>({
    severity: 'error',
    message: ({ url }) => `the link "${url}" points to nothing in the webzine`,
    hint: ({ suggestion }) => maybe(suggestion, (s) => `Did you mean "${s}"?`),
  }),
  'link/missing-anchor': rule<{ url: string; anchor: string; suggestion?: string; inPlace?: boolean; translation?: string }>({
    severity: 'error',
    message: ({ url, anchor, translation }) =>
      translation
        ? `the link "${url}" points to a heading "#${anchor}" that the translation it leads to in this edition, ${translation}, does not have`
        : `the link "${url}" points to a heading "#${anchor}" that its page does not have`,
    hint: ({ anchor, suggestion, inPlace }) => maybe(suggestion, (s) => (inPlace ? `Did you mean "#${s}", the translation's heading in the place of the original's "#${anchor}"?` : `Did you mean "#${s}"?`)),
  }),
  // A translation with `draft: true` is shown by `build --drafts` and `mimeo dev` only: builds
  // without drafts show its original in its place. A link to a heading that only the draft has
  // is right, and leads to the top of the original until the draft is published. One to a heading
  // only the original has works until then in builds without drafts (leads to the top of the
  // draft in the others) and fails once the draft is published. Neither fails a build while the
  // translation is a draft: one translator's draft must not keep everyone's preview from being made.
  'link/draft-translation-anchor': rule<{ url: string; anchor: string; translation: string; kind: 'only-draft' | 'not-in-draft' | 'not-in-held-back'; suggestion?: string }>({
    severity: 'warning',
    message: ({ url, anchor, translation, kind: which }) =>
      which === 'only-draft'
        ? `the link "${url}" points to a heading "#${anchor}" that only the translation ${translation} has, which is held back as a draft: until it is published, the link leads to the top of the original shown in its place`
        : which === 'not-in-draft'
          ? `the link "${url}" points to a heading "#${anchor}" that the draft translation ${translation} does not have: the link leads to the top of its page in this build, and is an error once the translation is published`
          : `the link "${url}" points to a heading "#${anchor}" that the translation ${translation}, held back as a draft, does not have: the link leads to the heading of the original shown in its place until the translation is published, and is an error from then on`,
    hint: ({ translation, kind: which, suggestion }) =>
      which === 'only-draft'
        ? `The link is right, nothing to change: it leads to the heading once the translation is published (when it is done, remove "draft: true" from ${translation}).`
        : `Link to one of the translation's headings${maybe(suggestion, (s) => ` (did you mean "#${s}"?)`) ?? ''}, or give ${translation} this one, before its "draft: true" is removed: builds without drafts show the original until then, which has it.`,
  }),
  'link/draft-target': rule<{ url: string; marked?: string }>({
    severity: 'error',
    message: ({ url }) => `the link "${url}" points to a draft, which is not published`,
    hint: ({ marked }) =>
      `Publish the draft first (${marked === undefined ? 'give its issue a date' : `take draft: true out of ${marked}`}), or remove the link; \`mimeo dev\` and \`build --drafts\` show drafts.`,
  }),
  'link/unsafe-url': rule<{ url: string }>({
    severity: 'warning',
    message: ({ url }) => `the link "${url}" uses a scheme that could run code, so it was removed`,
    hint: () => 'Link to a web address (https://…) or another a reader can follow (mailto:, gemini:, ftp:, tel: …) instead.',
  }),
  'link/unknown-scheme': rule<{ url: string; scheme: string; schemes: readonly string[] }>({
    severity: 'warning',
    message: ({ url, scheme }) => `the link "${url}" starts with "${scheme}:", which is not a kind of address the site links to, so only its text is shown`,
    hint: ({ schemes }) => `A web address needs its https:// in front (https://localhost:8080/, not localhost:8080/). Links lead to addresses that start with ${listOr(schemes.map((s) => `${s}:`))}.`,
  }),
  'image/unsupported-url': rule<{ url: string; scheme: string }>({
    severity: 'warning',
    message: ({ url, scheme }) =>
      scheme === 'data'
        ? `the image "${url}" is written out in the text (a data: address), which the site does not show, so its description (alt text) is shown in its place`
        : scheme === 'javascript' || scheme === 'vbscript'
          ? `the image "${url}" uses a scheme that could run code, so its description (alt text) is shown in its place`
          : `the image "${url}" is at a "${scheme}:" address, which web pages do not load images from, so its description (alt text) is shown in its place`,
    hint: () => 'Save the image as a file beside the Markdown file and link to it by its name, as in ![A lamp drawn in two lines](lamp.png), or by its https:// address.',
  }),
  'asset/missing': rule<{ url: string; suggestion?: string }>({
    severity: 'error',
    message: ({ url }) => `the file "${url}" does not exist`,
    hint: ({ suggestion }) => maybe(suggestion, (s) => `Did you mean "${s}"?`),
  }),
  'asset/unsafe-svg': rule<{ found: string }>({
    severity: 'error',
    message: ({ found }) => `this SVG image holds ${found}, which would run as script when the image is opened on the site`,
    hint: () => 'Remove scripts, event handlers (onload=…) and javascript: links from the SVG; export it again as a plain drawing.',
  }),
  'asset/active-content': rule<{ found: string }>({
    severity: 'error',
    message: ({ found }) => `this file holds ${found}, which would run as script when it is opened on the site`,
    hint: () => 'Write the page in Markdown instead, or remove scripts, event handlers and javascript: links from the file.',
  }),
  'asset/unreadable-markup': rule<{ reason: string }>({
    severity: 'error',
    message: ({ reason }) => `this file can not be read as its extension says (${reason}), so mimeo can not check that it runs no script`,
    hint: () => 'Fix the file (an XML or HTML checker shows where it goes wrong), or export it again from the program that made it.',
  }),
  'asset/host-file': rule<{ name: string }>({
    severity: 'error',
    message: ({ name }) => `${name} configures the web host (Netlify, Cloudflare Pages, GitHub Pages, Azure), not the webzine: published, it could redirect or take over the whole site`,
    hint: ({ name }) => `If the maintainer means to publish it, list it in site.yml: hostFiles: [${name}]`,
  }),
  'asset/not-utf8': rule<{ reason: string }>({
    severity: 'error',
    message: ({ reason }) => `a browser may read this file in another encoding than the UTF-8 mimeo checked it in (${reason}), and find script where mimeo saw none`,
    hint: () => 'Save the file as UTF-8, declare it so (<meta charset="utf-8">, or encoding="UTF-8" in the XML declaration), and remove escape characters.',
  }),
  'path/outside-root': rule<{ url: string; symlink?: string }>({
    severity: 'error',
    message: ({ url, symlink }) => (symlink === undefined ? `"${url}" leads outside the webzine's content folder` : `this symbolic link leads outside the webzine's content folder, to "${symlink}"`),
    hint: ({ symlink }) =>
      symlink === undefined
        ? 'Link only to files inside content/.'
        : 'Put a copy of the file here in place of the symbolic link: mimeo never follows one out of content/, so that nothing outside it is published.',
  }),
  'path/dangling-link': rule<{ target: string }>({
    severity: 'error',
    message: ({ target }) => `this symbolic link leads nowhere: "${target}", where it points, is no file or folder`,
    hint: () => 'Point the link at a file of content/, or remove it.',
  }),
  'git/link-checked-out-as-file': rule<{ file: string; target?: string }>({
    severity: 'error',
    message: ({ target }) =>
      target === undefined
        ? 'this file is a symbolic link in Git whose text, the path it leads to, is the bytes of a file (a copy committed in the place of a link where core.symlinks=false, the default of Git for Windows, which keeps a link a link whatever its file holds): where Git makes symbolic links, it leads nowhere'
        : `this file is a symbolic link in Git, to ${JSON.stringify(target)}, checked out as a plain file that holds only that path (core.symlinks=false, the default of Git for Windows): the site would publish the path in place of the file it leads to`,
    hint: ({ file, target }) =>
      target === undefined
        ? `Commit it as a plain file: run \`git rm --cached ${file}\` and \`git add ${file}\`, then commit.`
        : `Let Git make symbolic links (on Windows, turn Developer Mode on), then run \`git config core.symlinks true\` and \`git checkout -- ${file}\`; or put a copy of the file it leads to in its place and commit it as a plain file: \`git rm --cached ${file}\`, \`git add ${file}\` (Git keeps a link it checked out as a file a link, whatever the file holds).`,
  }),
  'path/invalid-name': rule<{ name: string; flaw: string }>({
    severity: 'error',
    message: ({ name, flaw }) => `the file ${name} in this folder can not be published: its name holds ${flaw}`,
    hint: () => 'Rename the file with letters, digits, dashes and dots.',
  }),
  'path/markdown-extension': rule<{ name: string; rename: string }>({
    severity: 'error',
    message: ({ name }) => `${name} looks like Markdown, but mimeo reads only files whose names end in ".md", so it would not be published`,
    hint: ({ rename }) => `Rename it to "${rename}".`,
  }),
  'path/link-loop': rule<{ folder: string }>({
    severity: 'error',
    message: ({ folder }) => `this symbolic link leads back to ${folder}, a folder already read`,
    hint: () => 'Remove the link, or make it point to a folder outside its own path.',
  }),
  'path/conflict': rule<{ places: string; count: number; other: string; own: boolean }>({
    severity: 'error',
    message: ({ places, count, other, own }) => (own ? `this file would be written to ${places}, where mimeo writes ${count === 1 ? 'a file' : 'files'} of its own (from ${other})` : `this file would be written to ${places}, and so would ${other}`),
    hint: ({ own, count }) => (own ? `Rename this file: ${count === 1 ? 'that place is' : 'those places are'} taken.` : 'Rename one of the two.'),
  }),
  'path/folder-conflict': rule<{ output: string; inside: string; other: string }>({
    severity: 'error',
    message: ({ output, inside, other }) => `a file would be written to ${output}, where ${other} needs a folder (for ${inside})`,
    hint: () => 'Rename one of the two: one place can not be a file and a folder.',
  }),
  'theme/unreadable': rule<{ reason: string }>({
    severity: 'error',
    message: ({ reason }) => `this theme file can not be read (${reason})`,
    hint: () => 'Check that the theme named in site.yml is a folder of templates, and that its files can be read.',
  }),
  'theme/missing': rule<{ name: string; available: string; suggestion?: string; byPath?: boolean }>({
    severity: 'error',
    message: ({ name, available }) => `there is no theme "${name}"; the themes are ${available}`,
    hint: ({ suggestion, byPath }) => maybe(suggestion, (s) => `Did you mean "${s}"?${byPath ? " site.yml names a theme by its folder's name in themes/." : ''}`),
  }),
  'theme/empty': rule<{ folder: string; parts: string }>({
    severity: 'error',
    message: ({ folder, parts }) => `the theme folder ${folder}/ has no file in ${parts}, the folders a theme is made of`,
    hint: ({ folder }) =>
      `Put the theme's LiquidJS templates in ${folder}/templates/ (home.liquid, article.liquid…), named as in mimeo's default theme (its README lists them), or remove the "theme:" line to use the default theme.`,
  }),
  'theme/outside': rule<{ name: string; region: 'folder' | 'repository' }>({
    severity: 'error',
    message: ({ name, region }) => `the theme "${name}" is outside the webzine's ${region === 'repository' ? 'Git repository' : 'folder'}, so it was not read`,
    hint: ({ region }) =>
      region === 'repository'
        ? "A theme is a folder of themes/ beside content/, or another folder of the same repository (theme: ../../shared); a link that leads out of it is not followed."
        : 'A theme is a folder of themes/ beside content/; a link that leads out of it is not followed.',
  }),
  'theme/linked-folder': rule<{ part: string }>({
    severity: 'error',
    message: ({ part }) => `the theme's ${part}/ folder is a symbolic link, which mimeo does not follow, so its files were not read`,
    hint: () => 'Make it a folder of the theme; the theme itself may be a link to another folder of the repository.',
  }),
  'theme/missing-strings': rule<{ language: string }>({
    severity: 'error',
    message: ({ language }) => `the theme has no UI strings for "${language}", a language of site.yml`,
    hint: ({ language }) =>
      `Copy the default theme's i18n/en.yml (in mimeo's folder: node_modules/mimeo/themes/default/ where the webzine installs it) to this path and translate its values${language.includes('-') ? ` (or to i18n/${language.split('-')[0]}.yml, which every variant of the language falls back on)` : ''}.`,
  }),
  'theme/same-language-name': rule<{ language: string; other: string; name: string; native?: string; from?: string; hasOwnFile?: boolean }>({
    severity: 'warning',
    message: ({ language, other, name }) => `the "${language}" strings name their language "${name}", as the "${other}" strings do: the language switcher would show "${name}" twice, and one would lead to the ${language} edition`,
    // A language that takes its name from its base language's file (pt-BR from pt.yml, which pt uses too) needs a
    // file of its own, or a name in the one it has (a pt-BR.yml of other strings).
    hint: ({ language, native, from, other, hasOwnFile }) =>
      from === undefined
        ? `Give "language_name" the name of the language in that language${maybe(native, (text) => `, "${text}" for ${language}`) ?? ''}, as readers of the edition look for it.`
        : hasOwnFile
          ? `The ${language} edition takes this name from i18n/${from}.yml, as the ${other} edition does, since i18n/${language}.yml gives none: add ${maybe(native, (text) => `the line "language_name: ${text}"`) ?? 'a line "language_name: …"'} to i18n/${language}.yml, the name of the language in that language, and leave this file as it is.`
          : `The ${language} edition takes this name from i18n/${from}.yml, as the ${other} edition does: create i18n/${language}.yml beside it with ${maybe(native, (text) => `"language_name: ${text}"`) ?? 'a "language_name" of its own'}, the name of the language in that language (its other strings still come from ${from}.yml), and leave this file as it is.`,
  }),
  'theme/missing-string': rule<{ key: string; language: string; from: string }>({
    severity: 'error',
    message: ({ key, language }) => `the UI string "${key}" is missing from the "${language}" strings`,
    hint: ({ key, from }) => `Add a line "${key}: …" to this file (make it if it is not there), translated from i18n/${from}.yml; a theme's strings file holds only the strings it adds or changes, over the default theme's.`,
  }),
  'theme/unknown-string': rule<{ key: string; suggestion?: string; guardedElsewhere?: boolean }>({
    severity: 'error',
    message: ({ key }) => `the UI string "${key}" is in no strings file of the theme (i18n/*.yml), so it would print nothing`,
    hint: ({ key, suggestion, guardedElsewhere }) =>
      suggestion !== undefined
        ? `Did you mean "strings.${suggestion}"?`
        : guardedElsewhere
          ? `Another template prints it only where it is set; do so here too ({% if strings.${key} %}…{% endif %}, or a default), or add a line "${key}: …" to the theme's i18n/en.yml and to the file of each other language of the webzine.`
          : `Add a line "${key}: …" to the theme's i18n/en.yml, and to the file of each other language of the webzine.`,
  }),
  'theme/string-not-text': rule<{ key: string; got: string }>({
    severity: 'error',
    message: ({ key, got }) => `the UI string "${key}" must be a text, got ${got}`,
    hint: () => 'UI strings are one level of `name: text` lines: give each text its own name (`nav_home: Home`, used as `strings.nav_home`).',
  }),
  'theme/string-empty': rule<{ key: string }>({
    severity: 'error',
    message: ({ key }) => `the UI string "${key}" has no text`,
    hint: ({ key }) => `Write the text after the colon, on the same line (\`${key}: …\`), or remove the line to keep the default theme's.`,
  }),
  'theme/string-not-quoted': rule<{ key: string; value: string; kind: string }>({
    severity: 'warning',
    message: ({ key, value, kind }) => `the UI string "${key}" is read as ${kind}, ${value}, not as a text`,
    hint: ({ key, value }) => `It is printed as ${value}, which may not be what is written (YAML reads 1.10 as 1.1, and 0x10 as 16): put the text in quotes (\`${key}: "…"\`) to have it printed as written.`,
  }),
  'theme/strings-not-map': rule<Record<string, never>>({
    severity: 'error',
    message: () => 'a UI strings file must be lines of `name: text`',
    hint: () => 'Write one `name: text` line for each string, as in the default theme\'s i18n/en.yml.',
  }),
  'theme/unused-scaffold': rule<{ name: string }>({
    severity: 'warning',
    message: ({ name }) =>
      `this file is never used: \`mimeo new webzine\` starts a webzine from the scaffolds of the folder's themes/default/scaffolds/webzine/ (over the built-in ones), not from theme "${name}", as there is no site.yml yet to name it`,
    hint: () => 'Move it to themes/default/scaffolds/webzine/ for new webzines started in this folder to take it, or delete it: a theme\'s other scaffolds are the ones `mimeo new article`, `issue` and `page` use.',
  }),
  'theme/unknown-template': rule<{ folder: string; known: string; partials: string; suggestion?: string }>({
    severity: 'warning',
    message: ({ known }) => `this file is never used: it is not one of the templates pages are made with (${known}), and no template renders, includes or extends it`,
    hint: ({ folder, partials, suggestion }) =>
      `${suggestion ? `Did you mean "${suggestion}"? ` : ''}A template no page is made with belongs in ${folder}partials/ (or layouts/), named where a template renders or extends it: {% render '${partials}partials/name' %}.`,
  }),
  'template/syntax': rule<{ reason: string; suggestion?: string; advice?: FilterAdvice }>({
    severity: 'error',
    message: ({ reason }) => `the template can not be read: ${reason}`,
    hint: ({ suggestion, advice }) => templateHint(suggestion, advice),
  }),
  // Located where a template wrote it: the page's own (no `template`), a layout or partial it
  // renders (`template` names the page's), or, `printed` by a value, at the page's template's start.
  'template/script': rule<{ found: string; page: string; template?: string; printed?: true }>({
    severity: 'error',
    message: ({ found, page, template }) => `the page ${page} ${template === undefined ? 'made with this template' : `(made with ${template})`} holds ${found}: mimeo's pages run no script`,
    hint: ({ printed, template }) =>
      `${!printed ? 'Take it out of this file' : template === undefined ? 'No template of the theme writes it as such: a value that this template, its layout or a partial prints brings it. Take it out' : "No template of the theme writes it as such: it is printed, or pieced together, by this file, the theme's own among those the page is made with, or by a partial it renders. Take it out"}; a page of the webzine must work, and be safe to read, without JavaScript, and show no other page inside it.`,
  }),
  'template/render': rule<{ reason: string; page: string; suggestion?: string; advice?: FilterAdvice }>({
    severity: 'error',
    message: ({ reason, page }) => `the template failed while rendering ${page}: ${reason}`,
    hint: ({ suggestion, advice }) => templateHint(suggestion, advice),
  }),
  'template/other-kind': rule<{ name: string; kind: 'gemtext' | 'html'; counterpart?: string }>({
    severity: 'error',
    message: ({ name, kind }) =>
      kind === 'gemtext'
        ? `this gemtext template names ${name}, an HTML template: its markup would be text in the capsule`
        : `this HTML template names ${name}, a gemtext template: its text would be neither escaped nor HTML on the page`,
    hint: ({ kind, counterpart }) =>
      `${counterpart === undefined ? '' : `Did you mean "${counterpart}"? `}${
        kind === 'gemtext'
          ? 'Gemtext templates render, include and extend those of templates/gemini/ (gemini/partials/…): write a gemtext one there.'
          : 'HTML templates render, include and extend those outside templates/gemini/ (partials/…).'
      }`,
  }),
  // Told at the tag that closes the loop when the templates name each other as written, outside
  // conditions; when a page's render ran out of stack, where the theme's names point (`rendering`).
  'template/loop': rule<{ chain?: string; rendering?: 'condition' | 'variable' | 'page' }>({
    severity: 'error',
    message: ({ chain, rendering }) =>
      rendering === undefined
        ? `this tag makes the templates render, include or extend each other without end: ${chain}`
        : rendering === 'condition'
          ? `rendering pages never ended: this tag makes the templates render, include or extend each other (${chain}), and its condition never stopped them`
          : rendering === 'variable'
            ? 'rendering pages never ended: the template this tag names by a variable leads back to one already being rendered'
            : 'rendering a page made with this template never ended: the templates it renders, includes or extends lead back to one already being rendered',
    hint: ({ rendering }) =>
      rendering === undefined
        ? 'A template can not render, include or extend itself, however many templates lie between: take this tag out, or put what both need in a partial of its own.'
        : rendering === 'condition'
          ? 'A template that renders itself needs a condition that ends, such as a list that has no items at some depth.'
          : 'Check what the variable holds: a template named by a variable ({% render name %}) can not be followed before rendering.',
  }),
} as const;

/**
 * A filter a template names that mimeo knows of, though this template does not have it: one of
 * the other kind of template (`text_line` is gemtext's, `text_dir` HTML's), or a URL filter of
 * Jekyll, Eleventy or Hugo (`relative_url`), which mimeo's relative URLs make needless.
 */
export interface FilterAdvice {
  filter: string;
  kind: 'gemtext-only' | 'html-only' | 'url';
}

function templateHint(suggestion: string | undefined, advice?: FilterAdvice): string {
  return `${advice ? `${filterAdvice(advice)} ` : suggestion ? `Did you mean ${suggestion}? ` : ''}Templates are LiquidJS (https://liquidjs.com/tags/overview.html); the theme's README lists what each one is given.`;
}

function filterAdvice({ filter, kind }: FilterAdvice): string {
  if (kind === 'gemtext-only') return `"${filter}" is a filter of gemtext templates (templates/gemini/) only; an HTML template prints the value without it.`;
  if (kind === 'html-only') return `"${filter}" is a filter of HTML templates only${filter === 'text_dir' ? ', for their dir attributes; a gemtext template has none' : ''}.`;
  return `mimeo has no "${filter}" filter, and needs none: the URLs in the context are relative to the page already; for another path of the site, put {{ page.root }} (the web root, relative to the page) before it: {{ page.root }}about/.`;
}

/** Issues with their dates, as a message names them: `issue 2 (2024-03-01)`, `issues 2 (2024-03-01) and 4 (2024-06-01)`. */
function issueDates(issues: ReadonlyArray<{ number: number; date: string }>): string {
  return `${issues.length === 1 ? 'issue' : 'issues'} ${issues.map(({ number, date }) => `${number} (${date})`).join(' and ')}`;
}

/** A rule id of the catalogue. */
/** A number with its thousands apart, as people read it: 2 000 000. */
function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export type RuleId = keyof typeof rules;

/** The arguments the message of rule `Id` takes. */
export type RuleArgs<Id extends RuleId> = Parameters<(typeof rules)[Id]['message']>[0];

/** Builds the diagnostic of rule `id` at `place`. */
export function diagnostic<Id extends RuleId>(id: Id, place: Place, args: RuleArgs<Id>, cause?: unknown): Diagnostic {
  const definition = rules[id] as Rule<RuleArgs<Id>>;
  const hint = definition.hint?.(args);
  return {
    file: place.file,
    line: place.line ?? 1,
    column: place.column ?? 1,
    severity: definition.severity,
    ruleId: id,
    message: definition.message(args),
    ...(hint === undefined ? {} : { hint }),
    ...(cause === undefined ? {} : { cause }),
    ...(place.related ? { related: place.related } : {}),
  };
}

/** Reports rule `id` at `place` to `report`. */
export function reportRule<Id extends RuleId>(report: Report, id: Id, place: Place, args: RuleArgs<Id>, cause?: unknown): void {
  report(diagnostic(id, place, args, cause));
}
