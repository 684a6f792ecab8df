import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TextSource } from '../load/load-sources.js';
import { parseFrontMatter } from '../parse/front-matter.js';
import type { SiteConfig } from '../parse/schemas.js';
import type { Position, YamlData } from '../parse/yaml-data.js';
import type { GemLine } from '../render/gemtext/lines.js';
import type { Slot } from '../render/slots.js';
import type { LinkTarget } from '../transform/link-target.js';

// What a compiled file is, without the Markdown stack that makes one (compile-file.ts).

/** What a compiled body depends on besides its text: part of every cache key. */
export interface CompileOptions {
  /** What raw HTML becomes (site.yml `markdown.html`). */
  html: SiteConfig['markdown']['html'];
  /** Where inline links go in gemtext (site.yml `gemini.links`). */
  links: SiteConfig['gemini']['links'];
}

/** A link, image or link definition of a body (Markdown's in document order, then raw HTML's): what link checking needs. */
export interface Resource {
  type: 'link' | 'image' | 'definition';
  /** For a definition: whether only images use it (`![a lamp][lamp]`), whose address it is then checked as. */
  images?: true;
  url: string;
  line: number;
  column: number;
}

/** A Markdown body compiled once into everything every output needs from it. */
export interface CompiledBody {
  /** Ids a link may point to with `#id`. */
  anchors: string[];
  /** The ids of its headings in document order: the n-th heading of a translation stands for the n-th of its original. */
  headings: string[];
  resources: Resource[];
  /** URLs that differ from page to page; the fragments hold their markers. */
  slots: Slot[];
  /**
   * The fragments, when they are held in memory; a build keeps them in its store instead and
   * reads them when a page needs them (see {@link contentOf}), so memory does not grow with the site.
   */
  content?: BodyContent;
  /** The cache key it was stored under, when it was compiled with a cache: what it is made of. */
  hash?: string;
  /** The resolved target of each resource, set by link resolution in every build. */
  targets: Array<LinkTarget | undefined>;
  /** Set when the body holds no text: nothing, or only notes between `<!--` and `-->` (a scaffold's). */
  blank?: true;
}

/** The rendered fragments of a body: by far its largest part. */
export interface BodyContent {
  /** HTML for the body's own page. */
  html: string;
  /** HTML for its issue's page and the feeds (`''` for a page). */
  issueHtml: string;
  /** Gemtext lines, link URLs as slot markers, the footnotes heading as its marker. */
  gemtext: GemLine[];
}

const loaders = new WeakMap<CompiledBody, () => BodyContent>();
// The fragments read last, most recent last: an issue's page and then its articles' pages use the
// same few. A strong, bounded list rather than weak references, whose targets stay alive until
// the synchronous job that read them ends (here: writing a whole tree).
const recent = new Map<CompiledBody, BodyContent>();
const recentLimit = 32;

/** Lets go of a body's fragments: they are read again with `load` when a page needs them. */
export function storeContent(body: CompiledBody, load: () => BodyContent): void {
  delete body.content;
  recent.delete(body);
  loaders.set(body, load);
}

/** A body's fragments: in memory, or read from the build's store (the last few read are kept). */
export function contentOf(body: CompiledBody): BodyContent {
  if (body.content) return body.content;
  const held = recent.get(body);
  if (held) {
    recent.delete(body);
    recent.set(body, held);
    return held;
  }
  const load = loaders.get(body);
  if (!load) throw new Error('a compiled body has no content and no store to read it from');
  const content = load();
  recent.set(body, content);
  if (recent.size > recentLimit) recent.delete(recent.keys().next().value!);
  return content;
}

/** Forgets the fragments kept from the store (its build is over). */
export function forgetRecentContent(): void {
  recent.clear();
}

/** One Markdown file compiled: plain data only, so it can cross threads and sit in a cache. */
export interface CompiledFile {
  path: string;
  /** The front matter's value and where each top-level key's value was written; `undefined` when unreadable (reported). */
  frontMatter: { value: unknown; fields: Record<string, Position> } | undefined;
  body: CompiledBody;
  /** What compiling reported, given again each time the result is used. */
  diagnostics: Diagnostic[];
  /** Whether only the front matter was read (`check --changed`): its anchors are unknown, not absent. */
  partial?: boolean;
}

/** An empty body: for files whose body is not read or could not be. */
export function emptyBody(): CompiledBody {
  return { anchors: [], headings: [], resources: [], slots: [], content: { html: '', issueHtml: '', gemtext: [] }, targets: [] };
}

/** Reads only a file's front matter (`check --changed`, for files it need not check): any anchor may be in its body. */
export function compileFrontMatterOnly(source: TextSource): CompiledFile {
  const diagnostics: Diagnostic[] = [];
  const data = parseFrontMatter(source.text, source.path, (diagnostic) => diagnostics.push(withTextCause(diagnostic))).data;
  return { path: source.path, frontMatter: data && { value: data.value, fields: fieldPositions(data) }, body: emptyBody(), diagnostics, partial: true };
}

/** A compiled file as the model reads it: front matter that can still say where any of its values was written. */
export interface LoadedFile {
  path: string;
  frontMatter: YamlData | undefined;
  /** Where each top-level front matter key's value was written. */
  fields: Record<string, Position>;
  /**
   * The text whose lines the front matter's positions count, for hints that quote it: the file's
   * whole text, or only its front matter (up to its closing `---` line; `''` for a file that has
   * none) when `compileAll` lets go of the texts (`consume`).
   */
  frontMatterText?: string;
  body: CompiledBody;
  partial?: boolean;
}

/**
 * Gives a compiled file back its front matter's positions: top-level ones are kept, deeper ones
 * (only ever needed for an error) come from reading the front matter of `text` again.
 */
export function toLoadedFile(compiled: CompiledFile, text: string): LoadedFile {
  const { frontMatter } = compiled;
  let reread: YamlData | undefined;
  const locate = (path: readonly PropertyKey[], part: 'key' | 'value' = 'key'): Position => {
    const known = path.length === 1 && part === 'value' ? frontMatter?.fields[String(path[0])] : undefined;
    if (known) return known;
    reread ??= parseFrontMatter(text, compiled.path, () => {}).data;
    return reread?.locate(path, part) ?? { line: 1, column: 1 };
  };
  return {
    path: compiled.path,
    frontMatter: frontMatter && { value: frontMatter.value, locate },
    fields: frontMatter?.fields ?? {},
    frontMatterText: text,
    body: compiled.body,
    ...(compiled.partial ? { partial: true } : {}),
  };
}

/** Where each top-level key's value of some front matter was written. */
export function fieldPositions(data: { value: unknown; locate: (path: readonly PropertyKey[], part?: 'key' | 'value') => Position }): Record<string, Position> {
  const fields: Record<string, Position> = {};
  const value = data.value;
  if (value && typeof value === 'object') for (const key of Object.keys(value)) fields[key] = data.locate([key], 'value');
  return fields;
}

/** A diagnostic whose cause (shown with --debug only) is text, so it crosses threads and caches intact. */
export function withTextCause(diagnostic: Diagnostic): Diagnostic {
  const { cause } = diagnostic;
  if (cause === undefined || typeof cause === 'string') return diagnostic;
  return { ...diagnostic, cause: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause) };
}
