import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCollector } from '../../../src/diagnostics/diagnostic.js';
import { parseFile } from '../../../src/parse/parse-file.js';
import { serializeLines } from '../../../src/render/gemtext/lines.js';
import { toGemtext, type GemtextOptions } from '../../../src/render/gemtext/to-gemtext.js';
import { expectMatchesFile } from '../../support/expected.js';
import { fixtures } from '../../support/webzine.js';
import { gemtextProblems, readGemtext } from '../../support/gemtext.js';
import { loadRawHtmlParsers } from '../../../src/render/raw-html.js';

// Bodies with raw HTML need its parsers, which a build loads when a text has a `<`.
beforeAll(loadRawHtmlParsers);

const casesFolder = path.join(fixtures, 'gemtext');

// Links are mapped as the capsule maps resolved ones: .md files become .gmi, a link to a place
// on the same page is dropped, absolute URLs stay.
const href = (url: string) => (/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : url.startsWith('#') ? undefined : url.replace(/\.md(#.*)?$/, '.gmi'));

describe('Markdown to gemtext', () => {
  it.each(readdirSync(casesFolder).sort())('renders %s as expected.gmi says', async (name) => {
    const folder = path.join(casesFolder, name);
    const text = await readFile(path.join(folder, 'input.md'), 'utf8');
    const options = JSON.parse(await readFile(path.join(folder, 'options.json'), 'utf8').catch(() => '{}')) as Partial<GemtextOptions>;
    const parsed = parseFile({ path: 'content/issues/3/10-input.md', text }, createCollector().report);
    const lines = toGemtext(parsed.tree, { href, ...options });
    const gemtext = serializeLines(lines);
    // A client reads back exactly the line types that were written: no text line is misread.
    const written = lines.filter((line) => line.type !== 'blank').map((line) => line.type);
    expect(readGemtext(gemtext).filter((line) => line.type !== 'blank').map((line) => line.type)).toEqual(written);
    expect(gemtextProblems(gemtext)).toEqual([]);
    await expectMatchesFile(gemtext, path.join(folder, 'expected.gmi'));
  });
});
