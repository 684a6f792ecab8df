import type { z } from 'zod';

interface SchemaDefinition {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}

const definitionOf = (schema: z.ZodType): SchemaDefinition => (schema as unknown as { _zod: { def: SchemaDefinition } })._zod.def;

/** A schema without the wrappers that only make it optional or give it a default. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  for (let definition = definitionOf(inner); definition.innerType; definition = definitionOf(inner)) inner = definition.innerType;
  return inner;
}

/**
 * The schema of the value at `path` (keys of mappings, indexes of lists) of data `schema` checks,
 * or `undefined` when the schema has no place there (an unknown key).
 */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    const definition = definitionOf(unwrapped(current));
    if (definition.type === 'object') current = definition.shape?.[String(key)];
    else if (definition.type === 'array') current = definition.element;
    else if (definition.type === 'record') current = definition.valueType;
    else return undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** The keys the object schema at `path` allows, for did-you-mean hints. */
export function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const found = schemaAt(schema, path);
  const definition = found && definitionOf(unwrapped(found));
  return definition?.type === 'object' ? Object.keys(definition.shape ?? {}) : [];
}

/**
 * What a field takes, told from its schema by whether it takes `text` as written (in quotes) or a
 * list of it: text, a list of text, or something else (a number, true or false, a date), with
 * the words a message says it in. A hint suggests `text` only in the form the field takes.
 */
export type FieldTakes = { takes: 'text' } | { takes: 'list' } | { takes: 'other'; expected: string };

/** What the field at `path` of data `schema` checks takes, as {@link FieldTakes} says; `undefined` for a field the schema does not know. */
export function whatFieldTakes(schema: z.ZodType, path: readonly PropertyKey[], text: string): FieldTakes | undefined {
  const field = schemaAt(schema, path);
  if (!field) return undefined;
  const asText = field.safeParse(text);
  if (asText.success) return { takes: 'text' };
  if (field.safeParse([text]).success) return { takes: 'list' };
  const issue = asText.error.issues[0];
  return { takes: 'other', expected: issue ? describeExpected(issue) : 'another value' };
}

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of "key: value" lines',
  record: 'a set of "key: value" lines',
};

/** What a schema's issue says was expected, in a contributor's words: `a number`, `one of \`end\` or \`off\``. */
export function describeExpected(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return typeWords[issue.expected] ?? issue.expected;
    case 'invalid_value':
      return `one of ${listWords(issue.values.map((v) => `\`${String(v)}\``))}`;
    case 'too_small':
      // A check's own message words what it expects (`some text, not blank`), as for formats below.
      if (!issue.message.startsWith('Too small')) return issue.message;
      return issue.inclusive === false ? `more than ${String(issue.minimum)}` : `at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.inclusive === false ? `less than ${String(issue.maximum)}` : `at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? `text of the form ${issue.format}` : issue.message;
    default:
      return issue.message;
  }
}

/** `a`, `a or b`, `a, b or c`. */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
