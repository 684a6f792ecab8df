import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { z } from 'zod';
import { frontMatterFieldsSchema, siteConfigSchema } from '../../src/parse/schemas.js';
import { parseYaml } from '../../src/parse/yaml-data.js';

/** The hint of the syntax error `text` gets, read as data `schema` checks. */
function hintOf(text: string, schema?: z.ZodType): string | undefined {
  const diagnostics: Diagnostic[] = [];
  parseYaml(text, { file: 'content/authors.yml', ...(schema ? { schema } : {}) }, (diagnostic) => diagnostics.push(diagnostic));
  expect(diagnostics.map(({ ruleId }) => ruleId)).toEqual(['yaml/syntax']);
  return diagnostics[0]!.hint;
}

const indentHint = "Write each field as its name, a colon and a space, then its value (title: …), starting at the line's beginning unless it belongs under another field.";

describe('a colon in a value written without quotes', () => {
  it.each([
    ['a field', 'title: Colon: bad\n', 'Put the whole value of "title" in quotes, as in: title: "Colon: bad"'],
    ['a field that ends in a colon', 'title: Colon:\n', 'Put the whole value of "title" in quotes, as in: title: "Colon:"'],
    ['a field under another, with a comment after it', 'ada:\n  name: Ada: the first # a note\n', 'Put the whole value of "name" in quotes, as in: name: "Ada: the first"'],
    ['a field of a list item', 'menu:\n  - title: Us: who\n    url: /about/\n', 'Put the whole value of "title" in quotes, as in: title: "Us: who"'],
    ['a field with a double quote in its value', 'title: Why "no": a reply\n', `Put the whole value of "title" in quotes, as in: title: 'Why "no": a reply'`],
    ['a field with a single quote and a backslash', "title: Don't: a \\ rule\n", `Put the whole value of "title" in quotes, as in: title: 'Don''t: a \\ rule'`],
    ['a quoted field name', '"title": Colon: bad\n', 'Put the whole value of "title" in quotes, as in: "title": "Colon: bad"'],
    ['a value over lines', 'summary: one line\n  and more: the end\nx: 1\n', 'Put the whole value of "summary" in quotes, as in:\nsummary: "one line\n  and more: the end"'],
  ])('in %s is told to put the whole value in quotes, as the field would be written', (_, text, hint) => {
    expect(hintOf(text)).toBe(hint);
    // Written as the hint says, the field's value is one text again.
    const written = parseYaml(hint.replace(/^[^:]*:[ \n]/, ''), { file: 'content/authors.yml' }, () => {})?.value;
    expect(Object.values(written as object).map((value) => typeof value)).toEqual(['string']);
  });

  it('is not what a field indented too deep under the line before is told: quotes would hide the field', () => {
    expect(hintOf('title: First light\n  authors: [ada]\n')).toBe(indentHint);
  });
});

describe('a value that starts with a character YAML reserves', () => {
  it.each([
    ['@', 'title: @handle news\n', 'title: "@handle news"'],
    ['a backtick', 'title: `make` explained\n', 'title: "`make` explained"'],
    ['%', 'ada:\n  name: %ada\n', 'name: "%ada"'],
  ])('(%s) is told to put the whole value in quotes, as the field would be written', (_, text, quoted) => {
    expect(hintOf(text)).toBe(`A value that starts with a quote, [, {, *, &, !, |, >, %, @, a comma or a backtick must be in quotes: put the whole value of "${quoted.slice(0, quoted.indexOf(':'))}" in quotes, as in: ${quoted}`);
  });
});

const reserved = 'A value that starts with a quote, [, {, *, &, !, |, >, %, @, a comma or a backtick must be in quotes';
const eachPart = (field: string) => `put each part of ${field} that a comma separates in quotes, as an item of its own`;

describe('a value that needs quotes, of a field whose schema is known', () => {
  it.each([
    ['text', 'title: @handle news\n', `${reserved}: put the whole value of "title" in quotes, as in: title: "@handle news"`],
    ['a list of text, as a list', 'authors: @ada\n', `${reserved}: put the whole value of "authors" in quotes, as in: authors: ["@ada"]`],
    ['a list of text, over two lines', 'authors: @ada\n  and grace\n', `${reserved}: put the whole value of "authors" in quotes, as in:\nauthors: ["@ada\n  and grace"]`],
    ['an item of a list written one per line', 'tags:\n  - news\n  - @home\n', `${reserved}: put the whole value of item 2 of "tags" in quotes, as in: - "@home"`],
    ['a list of text, with a colon', 'tags: Lamps: a guide\n', 'Put the whole value of "tags" in quotes, as in: tags: ["Lamps: a guide"]'],
    ['a list of text, with commas', 'authors: @ada, @bob\n', `${reserved}: ${eachPart('"authors"')}, as in: authors: ["@ada", "@bob"]`],
    ['a list of text, with commas at its ends', 'tags: @x,, @y ,\n', `${reserved}: ${eachPart('"tags"')}, as in: tags: ["@x", "@y"]`],
    ['a list of text, with commas, over two lines', 'authors: @ada,\n  @bob\n', `${reserved}: ${eachPart('"authors"')}, as in: authors: ["@ada", "@bob"]`],
    ['a list of text, with commas, one part in quotes already', 'authors: @ada, "bob, jr"\n', `${reserved}: ${eachPart('"authors"')}, as in: authors: ["@ada", "bob, jr"]`],
    ['a list of text, with commas and a colon', 'tags: Lamps: a guide, oil\n', `Put each part of "tags" that a comma separates in quotes, as an item of its own, as in: tags: ["Lamps: a guide", "oil"]`],
    ['an item of a list written one per line, with commas', 'authors:\n  - ada\n  - @bob, @cy\n', `${reserved}: ${eachPart('item 2 of "authors"')}, as in:\n- "@bob"\n- "@cy"`],
  ])('(%s) is written in quotes as the field takes it', (_, text, hint) => {
    expect(hintOf(text, frontMatterFieldsSchema)).toBe(hint);
  });

  it.each([
    ['a number', 'order: @1\n', frontMatterFieldsSchema, '"order" takes a number'],
    ['true or false', 'draft: @yes\n', frontMatterFieldsSchema, '"draft" takes true or false'],
    ['a date', 'date: @2026-03-01\n', frontMatterFieldsSchema, '"date" takes a date like 2021-10-01'],
    ['a language tag', 'title: Zine\nlanguage: @fr\n', siteConfigSchema, '"language" takes a language tag like en or pt-BR'],
    ['a number, with a colon', 'order: 1: first\n', frontMatterFieldsSchema, '"order" takes a number'],
  ])('(%s) is told what the field takes, not to put it in quotes', (_, text, schema, takes) => {
    expect(hintOf(text, schema)).toBe(`Quotes would not mend it: ${takes}. Write one in place of this value.`);
  });
});

describe('a [ or { never closed at the start of a value', () => {
  it.each([
    ['a [', 'title: [unclosed\nauthors: [ada]\n', 'title: "[unclosed"'],
    ['a {', 'title: {unclosed\nauthors: [ada]\n', 'title: "{unclosed"'],
    ['a [ and a comma', 'summary: [one, two\n', 'summary: "[one, two"'],
    ['a [ and a double quote', 'title: [Draft "1"\n', `title: '[Draft "1"'`],
  ])('(%s) of a field that takes text is told to put the whole value in quotes', (_, text, quoted) => {
    expect(hintOf(text, frontMatterFieldsSchema)).toBe(`${reserved}: put the whole value of "${quoted.slice(0, quoted.indexOf(':'))}" in quotes, as in: ${quoted}`);
  });

  it.each([
    ['a list field', 'authors: [ada\n', frontMatterFieldsSchema, 'authors'],
    ['an item of a list field', 'authors:\n  - [ada\n  - bob\n', frontMatterFieldsSchema, 'authors'],
    ['a field of no known schema', 'title: [unclosed\n', undefined, 'title'],
  ])('(%s) is told to close the list', (_, text, schema, key) => {
    expect(hintOf(text, schema)).toBe(`Close the list with a ] on the line the [ opens, as in: ${key}: [one, two]`);
  });
});
