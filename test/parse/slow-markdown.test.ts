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
    ['a table of 200 columns and 2 000 rows', `# Data\n\n${table(200, 2000)}`, { kind: 'cells', line: 3, limit: 50_000 }],
    ['a table of 5 columns and 10 000 rows, which took micromark 3.3 s and 540 MB', table(5, 10_000), { kind: 'cells', line: 1, limit: 50_000 }],
    ['a fence in a quote, which ends with the quote', `> \`\`\`\n${'*a_ '.repeat(1200)}`, { kind: 'delimiters', line: 2, limit: 2000 }],
    ['a fence indented as code, which is no fence', `para\n    \`\`\`\n${'*a_ '.repeat(1200)}`, { kind: 'delimiters', line: 3, limit: 2000 }],
    ['a fence in an HTML block, which is no fence', `<div>\n\`\`\`\n\n${'*a_ '.repeat(1200)}`, { kind: 'delimiters', line: 4, limit: 2000 }],
    ['a fence inside <pre>, which ends with it', `<pre>\n\n\`\`\`\n</pre>\n${'*a_ '.repeat(1200)}`, { kind: 'delimiters', line: 5, limit: 2000 }],
    // Review of the scan: each of these went past it, and took micromark seconds to minutes.
    ['a "table" whose header has fewer cells than its delimiter row, which is one paragraph', `a\n-|-\n${`${'*a_ '.repeat(950)}\n`.repeat(24)}`, { kind: 'delimiters', line: 4, limit: 2000 }],
    ['a table row with a cell of thousands of delimiters', `a | b\n--|--\nx | ${'*a_ '.repeat(1100)}`, { kind: 'delimiters', line: 3, limit: 2000 }],
    ['a "fence" after `2023.`, which can not interrupt a paragraph', `Some text\n2023. x\n      \`\`\`\n${`      ${'*a_ '.repeat(633)}\n`.repeat(8)}`, { kind: 'delimiters', line: 5, limit: 2000 }],
    ['a "fence" after an empty item, which can not interrupt a paragraph', `Some text\n*\n    \`\`\`\n${`    ${'*a_ '.repeat(633)}\n`.repeat(8)}`, { kind: 'delimiters', line: 5, limit: 2000 }],
    ['list items and quotes 3 000 each to a line, list first', '- > '.repeat(3000), { kind: 'deep', line: 1, depth: 9000 }],
    ['list items and quotes 3 000 each to a line, quote first', '> - '.repeat(3000), { kind: 'deep', line: 1, depth: 9000 }],
    ['indented lines that go on with a paragraph, which are no code', `para\n${`    ${'*a_ '.repeat(700)}\n`.repeat(2)}`, { kind: 'delimiters', line: 3, limit: 2000 }],
    ['a backtick in raw HTML, which opens no code span', `<a title="\`">${'*a_ '.repeat(1100)}\``, { kind: 'delimiters', line: 1, limit: 2000 }],
    ['a backtick in a link destination, which opens no code span', `[l](\`u) ${'*a_ '.repeat(1100)}\``, { kind: 'delimiters', line: 1, limit: 2000 }],
    ['a body of more than two million characters, at the line where they are passed', `${'x'.repeat(99)}\n`.repeat(20_001), { kind: 'large', line: 20_001, limit: 2_000_000 }],
    ['60 000 one-letter lines of a paragraph', 'a\n'.repeat(60_000), { kind: 'lines', line: 50_001, limit: 50_000 }],
    ['a million blank lines', `a\n${'\n'.repeat(1_000_000)}b`, { kind: 'lines', line: 50_001, limit: 50_000 }],
    ['a code block of 50 001 lines, fence included', `\`\`\`\n${'x\n'.repeat(50_000)}`, { kind: 'lines', line: 50_001, limit: 50_000 }],
    ['25 001 links, a hundred a paragraph, at the paragraph of the one past the limit', Array.from({ length: 251 }, () => '[a](https://a.example/) '.repeat(100)).join('\n\n'), { kind: 'markup', line: 501, limit: 100_000 }],
    ['a paragraph of 5 001 lines of ten code spans, at the line past the limit', Array.from({ length: 5001 }, () => '`a` '.repeat(10)).join('\n'), { kind: 'markup', line: 5001, limit: 100_000 }],
    ['25 001 web and e-mail addresses, which GFM makes links of', Array.from({ length: 251 }, () => 'www.a.example a@b.example https://c.example '.repeat(34)).join('\n\n'), { kind: 'markup', line: 491, limit: 100_000 }],
    // micromark reads each `]` back to its `[` or the run's start, and moves the run's tokens for each stretch of text it merges.
    ['a line of 100 000 "]", which took micromark 30 s', `Intro.\n\n${']'.repeat(100_000)}`, { kind: 'long', line: 3, limit: 8_000_000_000 }],
    ['20 000 "[" then 20 000 "]"', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, { kind: 'long', line: 1, limit: 8_000_000_000 }],
    ['a paragraph of 49 000 lines of two words, which took micromark 7 s', 'word word\n'.repeat(49_000), { kind: 'long', line: 1, limit: 8_000_000_000 }],
    ['600 paragraphs of 1 000 "]", at the one that takes the file past the limit', Array.from({ length: 600 }, () => ']'.repeat(1000)).join('\n\n'), { kind: 'long', line: 1001, limit: 8_000_000_000 }],
    // Lines that look like definitions but are none to micromark, which reads them as one paragraph (review).
    ['brackets after lines like footnote definitions with an escaped "]"', `Intro\n${'[^a\\]: x\n'.concat(']'.repeat(95), '\n').repeat(3000)}`, { kind: 'long', line: 1, limit: 8_000_000_000 }],
    ['brackets after lines like link definitions with a title that is none', `[a]: x\n${'[a]: x y\n'.concat(']'.repeat(95), '\n').repeat(3000)}`, { kind: 'long', line: 1, limit: 8_000_000_000 }],
    ['250 001 characters of code to highlight, at the line past them', `Intro.\n\n\`\`\`json\n${`${'[1,'.repeat(13)}1\n`.repeat(7000)}\`\`\``, { kind: 'code', line: 6101, limit: 250_000 }],
    ['code to highlight in a language named with a character reference (&#106;s is js)', `\`\`\`&#106;s\n${'1+1+1+1\n'.repeat(32_000)}\`\`\``, { kind: 'code', line: 31_252, limit: 250_000 }],
    ['code to highlight in two blocks, in a list item', `- Code:\n\n  ~~~ js\n${'  1+1+1+1\n'.repeat(24_000)}  ~~~\n- More:\n\n  ~~~ js\n${'  1+1+1+1\n'.repeat(24_000)}  ~~~`, { kind: 'code', line: 25_008, limit: 250_000 }],
    // The scans read character codes: what touches text and what is a web address must read as before.
    ['a backtick after a letter past ASCII (日`), which opens no code span', `日\`${'*a_ '.repeat(1100)}\``, { kind: 'delimiters', line: 1, limit: 2000 }],
    ['25 001 web addresses written in capitals (WWW.)', Array.from({ length: 251 }, () => 'WWW.A.EXAMPLE '.repeat(100)).join('\n\n'), { kind: 'markup', line: 501, limit: 100_000 }],
    ['a backtick in a literal autolink, which opens no code span', `https://x.example/a\`b ${'*a_ '.repeat(1100)}\``, { kind: 'delimiters', line: 1, limit: 2000 }],
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
    // Ordinary writing the scan refused: each parses in milliseconds.
    ['a tight list of 600 links, an inline run an item', Array.from({ length: 600 }, (_, n) => `- **Item ${n}** by *someone*: see [the page](https://en.wikipedia.org/wiki/Rock_and_roll)`).join('\n')],
    ['600 headings in a row with emphasis', Array.from({ length: 600 }, (_, n) => `### **${n}** _x_`).join('\n')],
    ['600 setext headings in a row with emphasis', Array.from({ length: 600 }, (_, n) => `**${n}** _x_ *y*\n---`).join('\n')],
    ['ASCII art in an indented code block', `Art:\n\n${'    (_)__(_)__(_)__(_)  *x*\n'.repeat(300)}`],
    ['ASCII art in an indented code block in a list item', `- Art:\n\n${'      (_)__(_)__(_)__(_)  *x*\n'.repeat(300)}`],
    ['a paragraph of 700 code spans with underscores', Array.from({ length: 700 }, (_, n) => `\`__init_${n}__\``).join(' ')],
    ['a table of 5 columns and 2 001 rows (10 005 cells), which micromark reads in under a second', table(5, 2000)],
    ['20 000 links, whose addresses in their destinations count at their "["', Array.from({ length: 200 }, () => '[a](https://a.example/) '.repeat(100)).join('\n\n')],
    ['400 000 characters of code as text or in a language the highlighter does not know, which are not highlighted', ['text', 'plaintext', 'mermaid', 'TXT'].map((language) => `\`\`\`${language}\n${`${'[1,'.repeat(13)}1\n`.repeat(2_500)}\`\`\``).join('\n\n')],
    ['400 000 characters of code without a language, which is not highlighted', `\`\`\`\n${`${'[1,'.repeat(13)}1\n`.repeat(10_000)}\`\`\`\n\n    ${'1+'.repeat(100_000)}\n`],
    ['a line of 20 000 "[", which micromark reads in 0.3 s', '['.repeat(20_000)],
    ['a poem of 3 000 lines in one paragraph', Array.from({ length: 3000 }, (_, n) => `Line ${n} of the poem, and its words`).join('\n')],
    ['50 000 lines, the last one ended by a line break', `\`\`\`\n${'line\n'.repeat(49_998)}\`\`\`\n`],
    // Real writing the first version of the length-times-breaks limit refused (review).
    ['900 footnotes of two links each, one definition a line', `Text[^0].\n\n${Array.from({ length: 900 }, (_, n) => `[^${n}]: ${'A source, cited at length. '.repeat(12)}See [one](https://a.example/${n}) and [two](https://b.example/${n}).`).join('\n')}`],
    ['5 000 link reference definitions, one a line', `Text [0].\n\n${Array.from({ length: 5000 }, (_, n) => `[${n}]: https://example.org/notes/${n} "Note ${n}"`).join('\n')}`],
    ['a transcript of 380 KB pasted as one paragraph of 2 500 lines', Array.from({ length: 2500 }, (_, n) => `Speaker ${n % 2}: ${'and then we talked about the release, '.repeat(4)}`).join('\n')],
    ['a hard-wrapped Japanese paragraph of 3 000 lines', Array.from({ length: 3000 }, () => '日本語の文章を書いています。'.repeat(5)).join('\n')],
    // White space as `\s` reads it touches no text: these delimiters stand alone, as micromark reads them.
    ['asterisks between no-break spaces, ideographic spaces and byte order marks', '\u00a0*\u00a0 \u3000_\u3000 \ufeff~\ufeff '.repeat(2000)],
    ['words that start with w and colons that start no address', 'www wide web: a review; awkward wow. '.repeat(3000)],
    ['two million characters of prose, twice the longest real Markdown at hand', `${'Prose of an article that goes on. '.repeat(100)}\n\n`.repeat(588).slice(0, 2_000_000)],
  ])('reads %s', (_case, body) => {
    expect(findSlowMarkdown(body, options)).toBeUndefined();
  });
});
