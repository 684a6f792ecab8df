import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseYaml } from '../../src/parse/yaml-data.js';

/** The hint of the syntax error `text` gets. */
function hintOf(text: string): string | undefined {
  const diagnostics: Diagnostic[] = [];
  parseYaml(text, { file: 'content/authors.yml' }, (diagnostic) => diagnostics.push(diagnostic));
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
