import type { CompiledBody } from '../compile/compiled.js';
import type { AssetSource } from '../load/load-sources.js';
import type { SiteConfig } from '../parse/schemas.js';
import type { Position } from '../parse/yaml-data.js';
import type { LinkTarget } from '../transform/link-target.js';
import type { IgnoredField } from './translation-fields.js';

/** A contributor, from authors.yml or named directly in front matter. */
export interface Author {
  /** Stable key: the handle, or the name when there is no handle. */
  key: string;
  name: string;
  url?: string;
  fediverse?: string;
}

/** A field of front matter that a translation translates besides its title. */
export type TextField = 'summary' | 'coverAlt';

/** What every Markdown document of the site has. */
export interface Document {
  /** Source path relative to the root: `content/issues/3/20-current.md`, or its translation `…/20-current.fr.md`. */
  path: string;
  /** The original's path, the same in every edition: links and `documents` know a document by it. */
  key: string;
  /** The language the document is written in: the edition's, or the original's when it is not translated. */
  lang: string;
  /** For a translation whose original changed after it: the original, to link to (SPEC §2, translations). */
  staleOriginal?: { route: string; modified: string };
  /** For a translation: the fields it gives a value the edition does not use, the original's being used (warned of). */
  ignoredFields?: IgnoredField[];
  title: string;
  summary?: string;
  /**
   * For a translation that lacks a text field its original has (`summary`, an issue's `coverAlt`):
   * the language of each such field, which the edition shows from the original (README, Translations).
   */
  fieldLangs?: Partial<Record<TextField, string>>;
  draft: boolean;
  /**
   * Whether its own front matter says `draft: true` (default: no): an issue without a date, and an
   * article of a draft issue, are drafts without it. An edition's copy keeps the original's.
   */
  markedDraft?: true;
  /** For a translation whose own front matter says `draft: true`: a draft, whatever its original is (default: no). */
  markedDraftTranslation?: true;
  /** The compiled body; its links' resolved targets are set in `body.targets` by link resolution. */
  body: CompiledBody;
  /** Ids inside the body that links may point to. */
  anchors: string[];
  /**
   * For a translation, in its edition: its original's anchors and headings (in document order,
   * which a missing anchor's hint follows), and whether the original is a
   * draft. A translation with `draft: true` of a published original is shown by a build with
   * drafts only; a link to a heading then is checked against both (see `resolveLinks`).
   */
  original?: { anchors: string[]; headings: string[]; draft: boolean };
  /** Whether its body was not read (`check --changed`), so any anchor may be there. */
  partial?: boolean;
  /** Where each top-level front matter key's value was written, for located errors. */
  fields: Record<string, Position>;
  /**
   * Its earlier addresses (front matter `aliases`), as routes without the edition's prefix
   * (`issues/1/doas/`): each edition writes a page there that sends readers to `route`.
   */
  aliases?: string[];
  /** Where each of `aliases` is written in the original's front matter, for located errors. */
  aliasPlaces?: Position[];
  /** Web route: the folder of its page, `issues/3/current/` (`''` for the root). */
  route: string;
  /** Its last commit's date (ISO 8601, UTC), when Git knows the file as committed. */
  modified?: string;
  /** Names of the authors of its commits, most recent first. */
  commitAuthors: string[];
  /** How many commits came after its last one (0: the newest), when Git knows the file as committed. */
  age?: number;
}

/** One article of an issue. */
export interface Article extends Document {
  kind: 'article';
  issueNumber: number;
  /** From the file name: `20-current.md` is order 20. */
  order: number;
  /** From the file name: `20-current.md` is slug `current`. */
  slug: string;
  authors: Author[];
  tags: string[];
}

/** A numbered issue: its editorial (the body of issue.md) and its articles in order. */
export interface Issue extends Document {
  kind: 'issue';
  number: number;
  /** Source folder relative to the root: `content/issues/007`. */
  folder: string;
  /** Publication date, `YYYY-MM-DD`; absent for a draft. */
  date?: string;
  /** Whether the date written is none (reported): the issue stays published, with a stand-in `date` no other is compared with. */
  dateWrong?: true;
  /** The cover image's output path: `issues/7/cover.svg`. */
  cover?: string;
  coverAlt?: string;
  editors: Author[];
  articles: Article[];
  /** Everyone who wrote or committed to the issue: names only, each once, sorted. */
  contributors: string[];
  /** The newest of its date and the last commits of its files (ISO 8601, UTC). */
  updated?: string;
}

/** A standalone page, `pages/<slug>.md`. */
export interface Page extends Document {
  kind: 'page';
  slug: string;
  menu: boolean;
  order: number;
}

/** Any Markdown document of the site. */
export type SiteDocument = Issue | Article | Page;

/** A file copied as it is into the outputs. */
export interface Asset extends AssetSource {
  /** Where it is published, relative to the output root: `issues/3/cover.svg`. */
  output: string;
}

/** One language of the webzine: where its pages are published. */
export interface EditionPlace {
  language: string;
  /** Prefix of every route of the edition: `''` for the original language, `fr/` for French. */
  prefix: string;
}

/** One edition of the webzine as one model, from which its outputs are rendered. */
export interface Site extends EditionPlace {
  config: SiteConfig;
  /** Every edition, the original first: for language switchers and `hreflang`. */
  editions: EditionPlace[];
  /** Issues, newest (highest number) first. Drafts only when drafts are built. */
  issues: Issue[];
  /** Pages by `order`, then slug. */
  pages: Page[];
  /** Everyone who wrote or edited something, by key. */
  authors: Map<string, Author>;
  /** The id of each one's entry on the authors page, by key (see `toAuthorAnchors`). */
  authorAnchors: Map<string, string>;
  assets: Asset[];
  /** The files of draft issues this build leaves out: their drafts' links and images are checked all the same. */
  draftAssets: Asset[];
  /** Whether drafts are part of this build. */
  drafts: boolean;
  /** Every document of the edition by key (the original's path), drafts included, for link resolution. */
  documents: Map<string, SiteDocument>;
  /**
   * The translations this build holds back (`draft: true` in a translation of a published text),
   * which `documents` holds in the original's language instead: their links are checked all the same.
   */
  heldBack?: SiteDocument[];
  /** The first 12 digits of the hash of the commit being built, when the webzine is in Git. */
  commit?: string;
  /** When the commit being built was made (its committer date, ISO 8601 UTC), when the webzine is in Git. */
  committed?: string;
  /** Markdown files that exist but failed to load or validate (reported): links to them are not reported again. */
  failed: Set<string>;
  /**
   * Where each entry of site.yml's `menu` leads, in its order, set by link resolution: a page or
   * file of the site, or `undefined` for an address elsewhere (and for one that leads nowhere, reported).
   */
  menuTargets?: Array<LinkTarget | undefined>;
}
