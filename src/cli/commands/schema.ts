import { z } from 'zod';
import { articleSchema, authorsSchema, issueSchema, pageSchema, siteConfigSchema } from '../../parse/schemas.js';
import type { ParsedArgs } from '../main.js';
import { exitCodes, UsageError, type Terminal } from '../usage.js';

const schemas = { site: siteConfigSchema, issue: issueSchema, article: articleSchema, page: pageSchema, authors: authorsSchema } as const;

/** `mimeo schema [name]`: the JSON Schemas generated from the zod schemas mimeo checks with. */
export function runSchema(args: ParsedArgs, terminal: Terminal): number {
  const [name, ...extra] = args.positionals;
  if (extra.length > 0) throw new UsageError(`schema takes one name at most, got ${args.positionals.length}`, 'schema');
  if (name !== undefined && !(name in schemas)) {
    throw new UsageError(`the schemas are site, issue, article, page and authors, got "${name}"`, 'schema');
  }
  const toJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  const output =
    name === undefined
      ? { $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: Object.fromEntries(Object.entries(schemas).map(([key, schema]) => [key, toJson(schema)])) }
      : toJson(schemas[name as keyof typeof schemas]);
  terminal.out(JSON.stringify(output, null, 2) + '\n');
  return exitCodes.success;
}
