import { placeOf } from '../util/text-place.js';
import { builtInThemeFolder, type ThemeFiles } from '../load/load-theme.js';
import { byVariableAt, namedIn, readTags, templateNames, templatePrefix, templatesReached } from './template-names.js';
import { toldKey, unclosedBlock } from './template-errors.js';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';

/** Templates that render, include or extend each other without end, and the tag that closes the loop. */
export interface TemplateLoop {
  /** The templates of the loop, the first named again last: `partials/footer`, `partials/loopb`, `partials/footer`. */
  chain: string[];
  /** The tag that names the first template again, for messages. */
  place: { file: string; line: number; column: number };
}

// Tags whose body is rendered only on a condition, or any number of times: a template named
// inside one may end a recursion (a menu that renders itself for each submenu).
const conditionalTags = new Set(['if', 'unless', 'for', 'case', 'tablerow']);

/**
 * The loops of templates that name each other as written (`{% include "partials/x" %}`,
 * `{% layout "layouts/base" %}`) outside any condition or loop, so that rendering any of them
 * never ends. Found from the templates in name order, each tag in text order: the same theme
 * gives the same loops, each told once, at the tag that closes it. A name given by a variable,
 * on a `{% liquid %}` line, or inside `if`, `for` and the like is not followed.
 */
export function templateLoops(files: ThemeFiles): TemplateLoop[] {
  return loopsFrom(files, templateNames(files).sort(), unconditionalNames);
}

/**
 * Where rendering template `name` likely ran out of stack, for a message: the tag that closes the
 * first loop of templates named as written, in conditions too, that it may enter (with the loop);
 * else the first tag naming a template by a variable among those it reaches, the theme's own
 * before the built-in one's, in name order; else `undefined`.
 */
export function recursionOf(files: ThemeFiles, name: string): { place: TemplateLoop['place']; chain?: string } | undefined {
  const loop = loopsFrom(files, [name], namedIn)[0];
  if (loop) return { place: loop.place, chain: loop.chain.join(' → ') };
  const reached = [...templatesReached(files, [name])].sort().map((template) => files.get(`${templatePrefix}${template}.liquid`)!);
  const own = (file: ThemeFiles extends Map<string, infer F> ? F : never) => !file.absolutePath.startsWith(builtInThemeFolder);
  for (const file of [...reached.filter(own), ...reached.filter((file) => !own(file))]) {
    const text = file.bytes.toString('utf8');
    const at = byVariableAt(text);
    if (at !== undefined) return { place: { file: file.displayPath, ...placeOf(text, at) } };
  }
  return undefined;
}

/** The loops found following the names `namesIn` reads in each template, from `start` in order. */
function loopsFrom(files: ThemeFiles, start: readonly string[], namesIn: (text: string) => Array<{ name: string; index: number }>): TemplateLoop[] {
  const textOf = (name: string) => files.get(`${templatePrefix}${name}.liquid`)?.bytes.toString('utf8');
  const loops: TemplateLoop[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (name: string) => {
    const text = textOf(name);
    if (text === undefined) return;
    path.push(name);
    for (const { name: next, index } of namesIn(text)) {
      if (done.has(next) || !files.has(`${templatePrefix}${next}.liquid`)) continue;
      const at = path.indexOf(next);
      if (at === -1) visit(next);
      else loops.push({ chain: [...path.slice(at), next], place: { file: files.get(`${templatePrefix}${name}.liquid`)!.displayPath, ...placeOf(text, index) } });
    }
    path.pop();
    done.add(name);
  };
  for (const name of start) if (!done.has(name)) visit(name);
  return loops;
}

/** The templates `text` names outside any condition or loop, each with where; none when its blocks do not close. */
function unconditionalNames(text: string): Array<{ name: string; index: number }> {
  if (unclosedBlock(text) !== undefined) return [];
  const tags = readTags(text);
  const ranges: Array<[number, number]> = [];
  const opened: Array<{ name: string; at: number }> = [];
  for (const tag of tags.matchAll(/\{%-?\s*(\w+)[^]*?-?%\}/g)) {
    const name = tag[1]!;
    if (name === 'liquid') ranges.push([tag.index, tag.index + tag[0].length]);
    if (conditionalTags.has(name)) opened.push({ name, at: tag.index });
    if (name.startsWith('end') && conditionalTags.has(name.slice(3))) {
      const open = opened.pop();
      if (open) ranges.push([open.at, tag.index]);
    }
  }
  return namedIn(text).filter(({ index }) => !ranges.some(([start, end]) => index >= start && index < end));
}

/** What tells a theme's loops: each once, however many pages meet it (see `createTheme`). */
export interface LoopReporter {
  /** Tells the loops of names written out, at the tag that closes each, and gives them. */
  tellLoops(): TemplateLoop[];
  /** Whether the template `name` reaches a loop: no page of it is rendered (it would run out of stack). */
  inLoop(name: string): boolean;
  /**
   * Tells a render of `name` that ran out of stack where no loop of names written out outside
   * conditions was found: a condition that never ends a recursion, or a name given by a variable.
   * Told once, at the place the theme's names point to (where the stack ran out differs from run to run).
   */
  tellEndlessRender(name: string): void;
}

/** A {@link LoopReporter} of the theme `files`, telling `report` what `told` does not hold yet. */
export function loopReporter(files: ThemeFiles, report: Report, told: Set<string>): LoopReporter {
  let loops: TemplateLoop[] | undefined;
  const tellLoops = (): TemplateLoop[] => {
    loops ??= templateLoops(files);
    for (const loop of loops) {
      const chain = loop.chain.join(' → ');
      if (told.has(toldKey(loop.place, chain))) continue;
      told.add(toldKey(loop.place, chain));
      reportRule(report, 'template/loop', loop.place, { chain });
    }
    return loops;
  };
  const reachesLoop = new Map<string, boolean>();
  return {
    tellLoops,
    inLoop(name) {
      if (!reachesLoop.has(name)) {
        const found = tellLoops();
        const reached = found.length === 0 ? new Set<string>() : templatesReached(files, [name]);
        reachesLoop.set(name, found.some((loop) => loop.chain.some((template) => reached.has(template))));
      }
      return reachesLoop.get(name)!;
    },
    tellEndlessRender(name) {
      const found = recursionOf(files, name);
      const place = found?.place ?? { file: files.get(`${templatePrefix}${name}.liquid`)?.displayPath ?? `${templatePrefix}${name}.liquid`, line: 1, column: 1 };
      if (told.has(toldKey(place, 'template/loop'))) return;
      told.add(toldKey(place, 'template/loop'));
      const rendering = found === undefined ? 'page' : found.chain === undefined ? 'variable' : 'condition';
      reportRule(report, 'template/loop', place, { rendering, ...(found?.chain === undefined ? {} : { chain: found.chain }) });
    },
  };
}
