import type { Element, ElementContent, Properties, Root } from 'hast';
import { interactive } from 'hast-util-interactive';
import { htmlVoidElements } from 'html-void-elements';
import type { RuleArgs } from '../../diagnostics/rules.js';
import { keepingId } from './kept-id.js';
import { endsOf, holdsHeadings, holdsPhrasing, isBlank, isPhrasing, isOpaque, isTransparent, isWellFormedList, placementOf } from './content-model.js';

/** Why an element stands where HTML does not let it (the catalogue words each). */
export type MisplacedReason = RuleArgs<'html/misplaced'>['reason'];

/** What became of a misplaced element: the neutral element it is shown as, or what was done. */
export type MisplacedRepair = RuleArgs<'html/misplaced'>['repair'];

/** An element (or text) of raw HTML that stands where HTML does not let it, where it was written. */
export interface Misplacement {
  line: number;
  column: number;
  /** The element as written (`<div>`, `<video controls>` when its `controls` goes), or `text`. */
  element: string;
  /** The element whose rule it breaks, by name: `h2` for a `<div>` in an `<a>` in an `<h2>`. */
  parent: string;
  reason: MisplacedReason;
  /** Where it may stand, or what its parent must hold, in words (reasons `parent` and `structure`). */
  expected: string;
  repair: MisplacedRepair;
  /** The attributes left out, as HTML names them, joined by "and" (repair `attribute`). */
  attributes: string;
}

/** How {@link placeElements} treats what it finds. */
export interface PlaceOptions {
  /** Whether misplaced elements are repaired, or only told of (`markdown.html: trust`). */
  repair: boolean;
  /** Told of each misplaced element (default: nobody). */
  misplaced?: ((misplacement: Misplacement) => void) | undefined;
}

/** What may stand where the walk is. */
interface Context {
  /** The element that takes only phrasing content here, through transparent ones (`a`, `ins`…). */
  phrasing: string | undefined;
  /** Whether headings may stand among that phrasing content (a `<summary>`). */
  headings: boolean;
  /** The `a` or `button` the walk is inside, in which nothing interactive may stand. */
  link: string | undefined;
  /** The name of the parent's parent (a `<dt>` may stand in a `<div>` of a `<dl>`). */
  outer: string | undefined;
  /** The nearest place written, for nodes the HTML parser made (an implied `<tbody>`). */
  line: number;
  column: number;
}

interface State extends PlaceOptions {
  anchorless: Set<Element>;
}

type Problem = Pick<Misplacement, 'reason' | 'parent' | 'expected'>;

// What a neutral element keeps of a misplaced one: HTML's global attributes the sanitizer lets
// through (an id is a link target link checking has counted on).
const kept = ['id', 'title', 'lang', 'dir'];
// What makes an element interactive besides its name (hast-util-interactive).
const interactiveAttributes: Record<string, string> = { tabIndex: 'tabindex', controls: 'controls', useMap: 'usemap' };
const voids = new Set(htmlVoidElements);

/**
 * Makes raw HTML stand where HTML lets it (the HTML standard's content models), after the sanitizer: an
 * element misplaced in its parent (a `<div>` in a heading, an `<li>` outside a list, a link in a
 * link) is shown as a `<span>` or `<div>` with its content and id, or left out when it has no
 * content (`<hr>`, `<source>`), but for an empty `<span>` with its id; what a list, `<dl>`,
 * `<details>` or `<picture>` can not hold is put in an item, or the whole shown as a `<div>`.
 * Each is told to `misplaced`; with `repair` false (`trust`) nothing changes. Gives the headings
 * that stand in a link, which get no anchor link.
 */
export function placeElements(tree: Root, options: PlaceOptions): ReadonlySet<Element> {
  const state: State = { ...options, anchorless: new Set() };
  visit(tree, { phrasing: undefined, headings: false, link: undefined, outer: undefined, line: 1, column: 1 }, state);
  return state.anchorless;
}

function visit(parent: Root | Element, context: Context, state: State): void {
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index]!;
    if (child.type !== 'element') continue;
    const place = placeOf(child, context);
    const problem = misplacement(child, parent, context);
    if (problem) {
      const name = child.tagName;
      const repaired = state.repair ? repair(child, problem, parent, context) : undefined;
      const attributes = repaired?.attributes ?? [];
      tell(state, place, `<${[name, ...attributes].join(' ')}>`, problem, repaired?.repair ?? 'kept', attributes.join(' and '));
      if (repaired) {
        parent.children.splice(index, 1, ...repaired.nodes);
        index--;
        continue;
      }
    }
    if (isOpaque(child.tagName)) continue;
    arrange(child, { ...context, ...place }, state);
    if (context.link && /^h[1-6]$/.test(child.tagName)) state.anchorless.add(child);
    visit(child, contextOf(child, parent, context, place), state);
  }
}

function placeOf(node: ElementContent, context: Context): Pick<Context, 'line' | 'column'> {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : { line: context.line, column: context.column };
}

function tell(state: State, place: Pick<Context, 'line' | 'column'>, element: string, problem: Problem, repair: MisplacedRepair, attributes = ''): void {
  state.misplaced?.({ ...place, element, ...problem, repair, attributes });
}

/** Why `child` may not stand in `parent`, if it may not. */
function misplacement(child: Element, parent: Root | Element, context: Context): Problem | undefined {
  const name = child.tagName;
  const placement = placementOf(name);
  if (placement && !isPlaced(child, parent, context)) return { reason: 'parent', parent: nameOf(parent), expected: placement.words };
  if (!placement && context.phrasing && !isPhrasing(child) && !(context.headings && /^(h[1-6]|hgroup)$/.test(name))) return { reason: 'phrasing', parent: context.phrasing, expected: '' };
  if (context.link && (name === 'a' || interactive(child))) return { reason: 'interactive', parent: context.link, expected: '' };
  return undefined;
}

function nameOf(node: Root | Element): string {
  return node.type === 'element' ? node.tagName : '';
}

/** Whether an element that stands only in some parents stands in one of them, where it must. */
function isPlaced(child: Element, parent: Root | Element, context: Context): boolean {
  const name = child.tagName;
  const parentName = nameOf(parent);
  if ((name === 'dt' || name === 'dd') && parentName === 'div' && context.outer === 'dl') return true;
  if (!placementOf(name)!.parents.includes(parentName) || parent.type !== 'element') return false;
  // One summary and one caption, the first of their parent: `arrange` moved the first one there.
  if (name === 'summary' || name === 'caption') return parent.children.find((other) => other.type === 'element' && other.tagName === name) === child;
  if (name === 'source' && parentName !== 'picture') return parent.properties['src'] === undefined;
  if (name !== 'figcaption') return true;
  const [first, last] = endsOf(parent);
  return child === first || (child === last && !(first?.type === 'element' && first.tagName === 'figcaption'));
}

/** What a misplaced element becomes: a neutral one, nothing, or itself without what made it interactive. */
function repair(child: Element, problem: Problem, parent: Root | Element, context: Context): { nodes: ElementContent[]; repair: MisplacedRepair; attributes?: string[] } {
  if (problem.reason === 'interactive' && child.tagName !== 'a') {
    const attributes = Object.keys(interactiveAttributes).filter((key) => child.properties[key] !== undefined && child.properties[key] !== false);
    const properties = Object.fromEntries(Object.entries(child.properties).filter(([key]) => !attributes.includes(key))) as Properties;
    if (attributes.length > 0 && !interactive({ ...child, properties })) {
      child.properties = properties;
      return { nodes: [child], repair: 'attribute', attributes: attributes.map((key) => interactiveAttributes[key]!) };
    }
  }
  // A table's caption is one: the text of another joins it.
  const caption = child.tagName === 'caption' && parent.type === 'element' && parent.tagName === 'table' ? parent.children.find((other) => other.type === 'element' && other.tagName === 'caption') : undefined;
  if (caption?.type === 'element') {
    caption.children.push({ type: 'text', value: ' ' }, ...keepingId(child, child.children));
    return { nodes: [], repair: 'merged' };
  }
  if (voids.has(child.tagName)) return { nodes: keepingId(child, []), repair: 'removed' };
  const name = context.phrasing ? 'span' : 'div';
  neutralize(child, name);
  return { nodes: [child], repair: name };
}

/** Makes `element` a `<span>` or `<div>` with its content and global attributes, and so its own parts (a list's items). */
function neutralize(element: Element, name: 'span' | 'div'): void {
  const written = element.tagName;
  element.tagName = name;
  element.properties = Object.fromEntries(Object.entries(element.properties).filter(([key]) => kept.includes(key))) as Properties;
  element.children = element.children.flatMap((child) => {
    if (child.type !== 'element' || !isPartOf(child, written)) return [child];
    if (voids.has(child.tagName)) return keepingId(child, []);
    neutralize(child, name);
    return [child];
  });
}

function isPartOf(child: Element, parent: string): boolean {
  return Boolean(placementOf(child.tagName)?.parents.includes(parent)) || (parent === 'dl' && child.tagName === 'div');
}

/** What may stand in `element`'s children. */
function contextOf(element: Element, parent: Root | Element, context: Context, place: Pick<Context, 'line' | 'column'>): Context {
  const name = element.tagName;
  const link = name === 'a' || name === 'button' ? name : context.link;
  const outer = nameOf(parent);
  if (isTransparent(name)) return { ...context, link, outer, ...place };
  if (holdsPhrasing(name, isPhrasing(element))) return { phrasing: name, headings: holdsHeadings(name), link, outer, ...place };
  return { phrasing: undefined, headings: false, link, outer, ...place };
}

/**
 * Gives a list, `<dl>`, `<details>`, `<picture>` or `<table>` the shape HTML wants, before its
 * children are walked: content of a list outside its items goes in items of its own, a
 * `<summary>` or `<caption>` written late moves first, and a `<dl>`, `<details>` or `<picture>`
 * that can not be mended is shown as a `<div>` (or `<span>`) with its parts.
 */
function arrange(element: Element, context: Context, state: State): void {
  const name = element.tagName;
  if (name === 'ul' || name === 'ol' || name === 'menu') wrapItems(element, context, state);
  else if (name === 'details' || name === 'table') moveFirst(element, name === 'details' ? 'summary' : 'caption', context, state);
  else if ((name === 'dl' && !isWellFormedList(element)) || (name === 'picture' && !isWellFormedPicture(element))) {
    const expected = name === 'dl' ? '<dt> terms, each followed by its <dd> descriptions' : '<source> elements and then one <img>';
    dissolve(element, expected, context, state);
  }
}

function dissolve(element: Element, expected: string, context: Context, state: State): void {
  const name = context.phrasing ? 'span' : 'div';
  tell(state, context, `<${element.tagName}>`, { reason: 'structure', parent: element.tagName, expected }, state.repair ? name : 'kept');
  if (state.repair) neutralize(element, name);
}

/** Puts each run of what a `<ul>` or `<ol>` holds outside its `<li>` items in an item of its own. */
function wrapItems(list: Element, context: Context, state: State): void {
  const children: ElementContent[] = [];
  let item: Element | undefined;
  for (const child of list.children) {
    const stray = !(child.type === 'element' && /^(li|script|template)$/.test(child.tagName));
    if (!stray || (isBlank(child) && !item)) {
      item = undefined;
      children.push(child);
    } else if (item) {
      item.children.push(child);
    } else {
      const element = child.type === 'element' ? `<${child.tagName}>` : 'text';
      tell(state, placeOf(child, context), element, { reason: 'list', parent: list.tagName, expected: '' }, state.repair ? 'li' : 'kept');
      if (!state.repair) children.push(child);
      else children.push((item = { type: 'element', tagName: 'li', properties: {}, children: [child] }));
    }
  }
  list.children = children;
}

/** Moves the first `<summary>` of a `<details>` (the first `<caption>` of a `<table>`) before its other content. */
function moveFirst(element: Element, part: string, context: Context, state: State): void {
  const index = element.children.findIndex((child) => child.type === 'element' && child.tagName === part);
  if (index < 0 && part === 'summary') return dissolve(element, 'a <summary> first', context, state);
  if (index < 0 || element.children.slice(0, index).every(isBlank)) return;
  const first = element.children[index]!;
  tell(state, placeOf(first, context), `<${part}>`, { reason: 'order', parent: element.tagName, expected: '' }, state.repair ? 'moved' : 'kept');
  if (!state.repair) return;
  element.children.splice(index, 1);
  element.children.unshift(first);
}

/** Whether a `<picture>` holds `<source>` elements and then one `<img>` (HTML's #the-picture-element), and nothing else. */
function isWellFormedPicture(picture: Element): boolean {
  const items = picture.children.filter((child) => !isBlank(child));
  return items.at(-1)?.type === 'element' && (items.at(-1) as Element).tagName === 'img' && items.slice(0, -1).every((item) => item.type === 'element' && item.tagName === 'source');
}
