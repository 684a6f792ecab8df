import { describe, expect, it } from 'vitest';
import { findSlowMarkdown } from '../../src/parse/slow-markdown.js';

const options = { maxDepth: 200 };
const nestedList = (levels: number) => Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- x`).join('\n');
const table = (columns: number, rows: number) => [`|${' a |'.repeat(columns)}`, `|${'---|'.repeat(columns)}`, ...Array.from({ length: rows }, () => `|${' b |'.repeat(columns)}`)].join('\n');

describe('findSlowMarkdown', () => {
  it.each([
    ['a run of 20 000 asterisks on each side of a letter', `Intro.\n\n${'*'.repeat(20_000)}a${'*'.repeat(20_000)}`, { kind: 'delimiters', line: 3, limit: 2000 }],
    ['underscores and asterisks that never match', '*a_ '.repeat(5000), { kind: 'delimiters', line: 1, limit: 2000 }],
    ['tildes of strikethrough over many lines of one paragraph', Array.from({ length: 1000 }, () => '~~a b~~').join('\n'), { kind: 'delimiters', line: 501, limit: 2000 }],
    ['a list nested 1 000 levels deep by its indentation', nestedList(1000), { kind: 'deep', line: 101, depth: 202 }],
    ['a nested list whose items go on lazily', Array.from({ length: 300 }, (_, level) => `${'  '.repeat(level)}- x\nlazy`).join('\n'), { kind: 'deep', line: 201, depth: 202 }],
    ['list markers 300 to a line', `${'- '.repeat(300)}x`, { kind: 'deep', line: 1, depth: 600 }],
    ['quotes 10 000 to a line', `${'> '.repeat(10_000)}x`, { kind: 'deep', line: 1, depth: 10_000 }],
    ['a table of 200 columns and 2 000 rows', `# Data\n\n${table(200, 2000)}`, { kind: 'cells', line: 3, limit: 10_000 }],
    ['a fence in a quote, which ends with the quote', `> \`\`\`\n${'*a_ '.repeat(1200)}`, { kind: 'delimiters', line: 2, limit: 2000 }],
    ['a fence indented as code, which is no fence', `para\n    \`\`\`\n${'*a_ '.repeat(1200)}`, { kind: 'delimiters', line: 3, limit: 2000 }],
    ['a fence in an HTML block, which is no fence', `<div>\n\`\`\`\n\n${'*a_ '.repeat(1200)}`, { kind: 'delimiters', line: 4, limit: 2000 }],
    ['a fence inside <pre>, which ends with it', `<pre>\n\n\`\`\`\n</pre>\n${'*a_ '.repeat(1200)}`, { kind: 'delimiters', line: 5, limit: 2000 }],
  ])('refuses %s', (_case, body, found) => {
    expect(findSlowMarkdown(body, options)).toEqual(found);
  });

  it.each([
    ['thematic breaks of asterisks and underscores', '****\n\n* * *\n\n___\n\n'.repeat(5000)],
    ['a fenced code block full of asterisks', `\`\`\`\n${`${'*'.repeat(80)}\n`.repeat(500)}\`\`\`\n`],
    ['ASCII art in a tilde fence inside a list item', `- Art:\n\n  ~~~\n${`  /*\\_/*\\ **~~__**\n`.repeat(1000)}  ~~~\n`],
    ['ASCII art in <pre>', `<pre>\n${`/*\\_/*\\ **~~__**\n`.repeat(1000)}</pre>\n`],
    ['escaped asterisks', `${'\\*'.repeat(5000)}\n`],
    ['a thousand emphases, a hundred a paragraph', Array.from({ length: 100 }, () => '*one* and **two** '.repeat(10)).join('\n\n')],
    ['a list nested 99 levels deep', nestedList(99)],
    ['a poem indented by hundreds of spaces', Array.from({ length: 500 }, (_, line) => `${' '.repeat(line)}word`).join('\n')],
    ['a table of 10 columns and 900 rows, with emphasis in every row', table(10, 900).replaceAll(' b |', ' **b** |')],
  ])('reads %s', (_case, body) => {
    expect(findSlowMarkdown(body, options)).toBeUndefined();
  });
});
