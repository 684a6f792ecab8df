import { describe, expect, it } from 'vitest';
import { createCollector } from '../../src/diagnostics/diagnostic.js';
import type { MarkdownOptions } from '../../src/parse/markdown.js';
import { parseFile } from '../../src/parse/parse-file.js';

function parse(text: string, options?: MarkdownOptions) {
  const collector = createCollector();
  const parsed = parseFile({ path: 'content/pages/a.md', text }, collector.report, options);
  return { parsed, diagnostics: collector.diagnostics };
}

describe('parseFile', () => {
  it('shifts Markdown positions past the front matter, so they are the file\'s lines', () => {
    const { parsed } = parse('---\ntitle: A\nmenu: true\n---\n\n## Heading\n');
    expect(parsed.tree.children[0]?.position?.start).toMatchObject({ line: 6, column: 1 });
  });

  it('locates a front matter value at its line and column in the file', () => {
    const { parsed } = parse('---\ntitle: A\ndate:   2021-10-01\n---\n');
    expect(parsed.frontMatter?.locate(['date'], 'value')).toEqual({ line: 3, column: 9 });
  });

  it('keeps dates as text, as written', () => {
    expect(parse('---\ndate: 2021-10-01\n---\n').parsed.frontMatter?.value).toEqual({ date: '2021-10-01' });
  });

  it('gives heading ids as GitHub does, numbering repeats', () => {
    expect(parse('## A b\n\n## A b\n\n### What?\n').parsed.anchors).toEqual(['a-b', 'a-b-1', 'what']);
  });

  it('makes the id of a heading with raw HTML of the text the page shows: its tags left out, unless markdown.html: escape shows them', () => {
    const text = '## Head <b>raw</b> x\n\n## A <!-- note --> b\n';
    expect(parse(text).parsed.anchors).toEqual(['head-raw-x', 'a--b']);
    expect(parse(text, { html: 'trust' }).parsed.anchors).toEqual(['head-raw-x', 'a--b']);
    expect(parse(text, { html: 'escape' }).parsed.anchors).toEqual(['head-brawb-x', 'a----note----b']);
  });

  it('gives a heading with raw HTML no id raw HTML has, before or after it: a link to that id still leads to its element', () => {
    const heading = (text: string) => parse(text).parsed.tree.children.find((node) => node.type === 'heading')?.data?.hProperties?.['id'];
    expect(heading('<p id="intro">x</p>\n\n## <b>Intro</b>\n')).toBe('intro-1');
    expect(heading('## <b>Intro</b>\n\n<p id="intro">x</p>\n')).toBe('intro-1');
    expect(heading('<a name="intro"></a>\n\n## <i>Intro</i>\n')).toBe('intro-1');
    expect(parse('<a name="intro"></a>\n\n## <i>Intro</i>\n').parsed.anchors.sort()).toEqual(['intro', 'intro-1']);
  });

  it('counts raw HTML ids among the anchors', () => {
    expect(parse('<a id="here"></a>\n').parsed.anchors).toEqual(['here']);
  });

  it('counts no raw HTML id that the page leaves out: empty, with a space, or the theme\'s', () => {
    expect(parse('<a id="here"></a> <span id="two words">x</span> <span id="">y</span> <span id="_main">z</span>\n').parsed.anchors).toEqual(['here']);
  });

  it('reads a file without front matter as all body', () => {
    const { parsed, diagnostics } = parse('Just text.\n');
    expect(parsed.frontMatter?.value).toEqual({});
    expect(parsed.tree.children[0]?.position?.start.line).toBe(1);
    expect(diagnostics).toEqual([]);
  });

  // A contributor's file held 5.6 MB of unknown fields, which printed 187 000 errors.
  it('refuses front matter of more than 50 000 characters at the line where the limit falls, without reading it, and reads the body', () => {
    const fields = Array.from({ length: 3000 }, (_, index) => `field${String(index).padStart(4, '0')}: some value`).join('\n');
    const { parsed, diagnostics } = parse(`---\ntitle: Pasted\n${fields}\n---\n## After\n`);
    // After the first line's break and "title: Pasted" (15 characters), each field is a line of 22: the
    // 50 001st character is the second of the 2 273rd field, on the file's line 2 275.
    expect(diagnostics).toEqual([
      {
        file: 'content/pages/a.md',
        line: 2275,
        column: 1,
        severity: 'error',
        ruleId: 'front-matter/too-large',
        message: "this file's front matter has more than 50 000 characters, and mimeo reads at most 50 000",
        hint: 'Front matter holds a few short fields (title, authors, summary, tags): put long text in the body, below the closing ---. If that line is missing, add it after the last field.',
      },
    ]);
    expect(parsed.frontMatter).toBeUndefined();
    expect(parsed.anchors).toEqual(['after']);
    expect(parsed.tree.children[0]?.position?.start.line).toBe(3004);
  });

  it('reads CRLF front matter with a byte order mark like LF (after decoding)', async () => {
    const { decodeText } = await import('../../src/load/decode.js');
    const collector = createCollector();
    const text = decodeText(Buffer.from('\uFEFF---\r\ntitle: A\r\n---\r\n## B\r\n'), 'content/pages/a.md', collector.report)!;
    const { parsed } = parse(text);
    expect(parsed.frontMatter?.value).toEqual({ title: 'A' });
    expect(parsed.anchors).toEqual(['b']);
    expect(parsed.tree.children[0]?.position?.start.line).toBe(4);
  });
});
