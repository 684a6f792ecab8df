import type { Report } from './diagnostic.js';
import { reportRule, type RuleArgs, type RuleId } from './rules.js';

/**
 * How many mistakes of one rule a file reports where they are: a file of a thousand stray tags,
 * or front matter of a thousand unknown fields, would bury its other diagnostics. Past this many,
 * one says how many more.
 */
export const shownPerRule = 10;

/** The rules whose message can say how many more there are (their `more`), past the first few. */
export type CountedRuleId = { [Id in RuleId]: 'more' extends keyof RuleArgs<Id> ? Id : never }[RuleId];

/**
 * Reports rule `id` at each of `items`, in the order given, the first {@link shownPerRule}; past
 * them, one diagnostic at the next says how many more there are. One more alone is reported as
 * itself: a count of one ("1 more fields") would say less, in the same one line. `args` and
 * `cause` are asked of those items only.
 */
export function reportShown<Id extends CountedRuleId, Item extends { line: number; column: number }>(
  id: Id,
  items: readonly Item[],
  file: string,
  report: Report,
  args: (item: Item) => RuleArgs<Id>,
  cause?: (item: Item) => unknown,
): void {
  const shown = items.length === shownPerRule + 1 ? items : items.slice(0, shownPerRule);
  for (const item of shown) reportRule(report, id, { file, line: item.line, column: item.column }, args(item), cause?.(item));
  const next = items[shown.length];
  if (next) reportRule(report, id, { file, line: next.line, column: next.column }, { ...args(next), more: items.length - shownPerRule }, cause?.(next));
}

/** `items` in the order of their places in the file: by line, then column. */
export function inFileOrder<Item extends { line: number; column: number }>(items: readonly Item[]): Item[] {
  return [...items].sort((a, b) => a.line - b.line || a.column - b.column);
}
