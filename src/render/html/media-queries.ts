import { isParserError, parseMediaCondition, parseMediaQueryList, type ConditionNode, type FeatureNode, type QueryNode, type ValueNode } from 'media-query-parser';
import { mathFunctions, mathTypeOf } from './css-math.js';

// Media queries as the Nu Html Checker reads them (it asks the W3C CSS Validator): Media Queries
// level 4 (https://www.w3.org/TR/mediaqueries-4/), media types that are not deprecated, no
// deprecated media feature, and the values of the features it knows; one it does not know passes.

/** The units of a length the checker knows (it rejects `10cqw`, `1lh`). */
export const lengthUnits: ReadonlySet<string> = new Set([
  'em', 'ex', 'ch', 'rem', 'cap', 'ic',
  'vw', 'svw', 'lvw', 'dvw', 'vh', 'svh', 'lvh', 'dvh', 'vi', 'svi', 'lvi', 'dvi', 'vb', 'svb', 'lvb', 'dvb',
  'vmin', 'svmin', 'lvmin', 'dvmin', 'vmax', 'svmax', 'lvmax', 'dvmax',
  'cm', 'mm', 'q', 'in', 'pc', 'pt', 'px',
]);

// `tty`, `tv`, `projection`, `handheld`, `braille`, `embossed`, `aural` and `speech` are deprecated (#media-types).
const mediaTypes = new Set(['all', 'screen', 'print']);
// #mf-deprecated: `device-width`, `device-height` and `device-aspect-ratio`, with or without min-/max-.
const deprecatedFeature = /^(?:min-|max-)?device-(?:width|height|aspect-ratio)$/;

/** What a feature's value must be: a length, a ratio, a resolution, an integer, 0 or 1, or one of some keywords. */
type FeatureValue = 'length' | 'ratio' | 'resolution' | 'integer' | 'bit' | readonly string[];

// The features of Media Queries 4 and 5 the checker reads, by the value each takes; those of a
// range type (#mq-range-context) also take min-/max- and comparisons (`width >= 600px`).
const rangeFeatures: Record<string, FeatureValue> = {
  width: 'length', height: 'length', 'aspect-ratio': 'ratio', resolution: 'resolution', color: 'integer', 'color-index': 'integer', monochrome: 'integer',
};
const discreteFeatures: Record<string, FeatureValue> = {
  orientation: ['portrait', 'landscape'],
  scan: ['interlace', 'progressive'],
  grid: 'bit',
  update: ['none', 'slow', 'fast'],
  'overflow-block': ['none', 'scroll', 'paged'],
  'overflow-inline': ['none', 'scroll'],
  'color-gamut': ['srgb', 'p3', 'rec2020'],
  pointer: ['none', 'coarse', 'fine'],
  'any-pointer': ['none', 'coarse', 'fine'],
  hover: ['none', 'hover'],
  'any-hover': ['none', 'hover'],
  'prefers-color-scheme': ['light', 'dark'],
  'prefers-contrast': ['no-preference', 'less', 'more', 'custom'],
  'prefers-reduced-motion': ['no-preference', 'reduce'],
  'forced-colors': ['none', 'active'],
  'inverted-colors': ['none', 'inverted'],
  'dynamic-range': ['standard', 'high'],
  scripting: ['none', 'initial-only', 'enabled'],
};

/** Whether `value` is a media query list HTML allows in a `media` attribute (#valid-media-query-list); an empty one is `all`. */
export function isMediaQueryList(value: string): boolean {
  const list = parseMediaQueryList(withMathAsLengths(value));
  return !isParserError(list) && list.nodes.every((query) => query !== undefined && isQuery(query));
}

/**
 * Whether `value` is a media condition (a query without a media type), as a `sizes` attribute gives
 * one. The checker reads it after `all and`, so it takes no `or` outside parentheses.
 */
export function isMediaCondition(value: string): boolean {
  const condition = parseMediaCondition(withMathAsLengths(value));
  return !isParserError(condition) && condition.op !== 'or' && isCondition(condition);
}

/**
 * `value` with each call of a math function (`calc(40rem + 10px)`) written as a length, which the
 * parser reads (it reads no function): a feature's value is checked but for what a function computes.
 * Media queries give them lengths (`max-width`); one given a resolution or a ratio is told as wrong.
 * A call the checker rejects (`calc(40em+1px)`, `calc()`, see css-math.ts), or one that computes
 * an angle, is left as written, for the parser to refuse.
 */
function withMathAsLengths(value: string): string {
  let out = '';
  let at = 0;
  for (const call of value.matchAll(/([A-Za-z][A-Za-z\d-]*)\(/g)) {
    if (call.index < at || !mathFunctions.has(call[1]!.toLowerCase())) continue;
    let depth = 0;
    let end = call.index + call[0].length - 1;
    for (; end < value.length; end++) {
      if (value[end] === '(') depth++;
      else if (value[end] === ')' && --depth === 0) break;
    }
    // Not closed: left for the parser to refuse.
    if (end === value.length) break;
    const type = mathTypeOf(value.slice(call.index, end + 1), lengthUnits);
    // Read once, with the calls inside it: a wrong one is kept whole.
    out += value.slice(at, call.index) + (type === 'length' || type === 'number' ? '1px' : value.slice(call.index, end + 1));
    at = end + 1;
  }
  return out + value.slice(at);
}

function isQuery(query: QueryNode): boolean {
  if (query.type !== undefined && !mediaTypes.has(query.type.toLowerCase())) return false;
  return query.condition === undefined || isCondition(query.condition);
}

// The checker takes no general enclosed (`(width 600px)`, `foo(1)`), which level 4 reads as false.
function isCondition(condition: ConditionNode): boolean {
  return condition.nodes.every(({ node }) => (node._t === 'condition' ? isCondition(node) : node._t === 'feature' && isFeature(node)));
}

function isFeature(feature: FeatureNode): boolean {
  const name = feature.feature.toLowerCase();
  if (deprecatedFeature.test(name)) return false;
  const base = name.replace(/^(?:min|max)-/, '');
  const prefixed = base !== name;
  const range = Object.hasOwn(rangeFeatures, base) ? rangeFeatures[base] : undefined;
  const discrete = Object.hasOwn(discreteFeatures, base) ? discreteFeatures[base] : undefined;
  if (!range && !discrete) return true;
  // min-/max- ask for a value (#mq-min-max), and only of a feature with a range.
  if (prefixed && (!range || feature.context !== 'value')) return false;
  if (feature.context === 'boolean') return true;
  if (feature.context === 'value') return isValue(feature.value, range ?? discrete!);
  if (!range) return false;
  return feature.ops === 1 ? isValue(feature.value, range) : isValue(feature.minValue, range) && isValue(feature.maxValue, range);
}

function isValue(value: ValueNode, expected: FeatureValue): boolean {
  if (Array.isArray(expected)) return value._t === 'ident' && expected.includes(value.value.toLowerCase());
  switch (expected) {
    case 'length':
      return (value._t === 'dimension' && lengthUnits.has(value.unit.toLowerCase())) || (value._t === 'number' && value.value === 0);
    case 'ratio':
      // The checker takes no lone number (`2`) for a ratio, though level 4 allows one.
      return value._t === 'ratio' && value.left > 0 && value.right > 0;
    case 'resolution':
      return (value._t === 'dimension' && ['dpi', 'dpcm', 'dppx', 'x'].includes(value.unit.toLowerCase())) || (value._t === 'ident' && value.value.toLowerCase() === 'infinite');
    case 'integer':
      return value._t === 'number' && value.flag === 'integer';
    default:
      return value._t === 'number' && value.flag === 'integer' && (value.value === 0 || value.value === 1);
  }
}
