import type { Element } from 'hast';
import type { Heading } from 'mdast';

/** A heading written more than one level below the heading before it, or below the title, where it was written. */
export interface SkippedLevel {
  line: number;
  column: number;
  /** The heading as written: `###`, or `<h3>` in raw HTML. */
  heading: string;
  /** The heading before it as written; `undefined` when it is the first, right under the title; `footnotes` for the footnotes' own. */
  previous: string | undefined;
  /** What it is shown as (`##`, `<h2>`); `undefined` when raw HTML is trusted and keeps it as written. */
  shown: string | undefined;
}

/** How {@link headingOutline} levels the headings it is given. */
export interface OutlineOptions {
  /** The Markdown headings, by the offset where each starts: the others are raw HTML's (or the footnotes'). */
  markdown: ReadonlyMap<number, Heading>;
  /** Whether raw HTML's headings keep the level they were written at (`markdown.html: trust`). */
  keepRaw: boolean;
  /** Told of each heading that skips a level (default: nobody). */
  skipped?: ((skip: SkippedLevel) => void) | undefined;
  /** Told of the level each heading of raw HTML is shown at, where it was written (default: nobody). */
  leveledRaw?: ((line: number, column: number, level: number) => void) | undefined;
}

/** An open section: the level of its heading as written (`#` counted as `##`) and as shown. */
interface Section {
  written: number;
  level: number;
}

/**
 * Gives each heading, called in document order, the level the page's outline allows: at most
 * one below the heading before it, the first at most `h2` (every template gives the page an `h1`
 * title), as the Nu Html Checker wants (since vnu 26, a skipped level is an error, wherever the
 * heading stands: in a quote, a list, a table or `<details>` alike). A heading keeps its place
 * among the others: it is shown one below the nearest heading before it written higher up, so
 * `### A`, `### B` under the title are both `h2`, and `## C`, `#### D`, `### E` are `h2`, `h3`,
 * `h3`. A Markdown heading's node gets the depth it is shown at, which the capsule follows (and
 * `leveledRaw` is told of raw HTML's, for the capsule's to follow too). A
 * `#` in the body is a `##`, as it always was; so is a raw `<h1>`.
 */
export function headingOutline(options: OutlineOptions): (element: Element, footnotes: boolean) => void {
  const open: Section[] = [{ written: 1, level: 1 }];
  let previous: (Section & { name: string; shownAs: string }) | undefined;
  return (element, footnotes) => {
    const start = element.position?.start;
    const heading = start?.offset === undefined ? undefined : options.markdown.get(start.offset);
    const asWritten = heading ? heading.depth : Number(element.tagName.slice(1));
    const written = Math.max(2, asWritten);
    while (open.at(-1)!.written >= written) open.pop();
    const kept = !heading && !footnotes && options.keepRaw;
    const level = kept ? asWritten : open.at(-1)!.level + 1;
    const name = (depth: number) => (footnotes ? 'footnotes' : heading ? '#'.repeat(depth) : `<h${depth}>`);
    // A trusted raw heading keeps its level, which skips one when the heading before it is shown higher up than written.
    const skips = written > (previous?.written ?? 1) + 1;
    if (skips || level > (previous?.level ?? 1) + 1) {
      const before = skips ? previous?.name : previous?.shownAs;
      options.skipped?.({ line: start?.line ?? 1, column: start?.column ?? 1, heading: name(asWritten), previous: before, shown: kept ? undefined : name(level) });
    }
    open.push({ written, level });
    previous = { written, level, name: name(asWritten), shownAs: name(level) };
    element.tagName = `h${level}`;
    if (heading) heading.depth = level as Heading['depth'];
    else if (!footnotes && start) options.leveledRaw?.(start.line, start.column, level);
  };
}
