import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFile } from '../../../src/compile/compile-file.js';
import { loadRawHtmlParsers } from '../../../src/render/raw-html.js';
import type { CompileOptions } from '../../../src/compile/compiled.js';
import { fillHtml, unresolvedUrl } from '../../../src/render/slots.js';
import { expectMatchesFile } from '../../support/expected.js';
import { fixtures } from '../../support/webzine.js';

// Bodies with raw HTML need its parsers, which a build loads when a text has a `<`.
beforeAll(loadRawHtmlParsers);

const casesFolder = path.join(fixtures, 'markdown');

/** What options.json may set: the raw HTML mode, and for a body inside its issue's page, its id prefix. */
interface CaseOptions {
  html?: CompileOptions['html'];
  idPrefix?: string;
}

// Each case: input.md (a Markdown body), optional options.json, expected.html (the fragment), and
// diagnostics.txt when compiling it says something (a warning of what raw HTML loses). A
// case with an id prefix is an article shown inside its issue's page: headings one level down.
describe('Markdown to HTML', () => {
  it.each(readdirSync(casesFolder).sort())('renders %s as expected.html says', async (name) => {
    const folder = path.join(casesFolder, name);
    const text = await readFile(path.join(folder, 'input.md'), 'utf8');
    const options = JSON.parse(await readFile(path.join(folder, 'options.json'), 'utf8').catch(() => '{}')) as CaseOptions;
    const inIssue = options.idPrefix !== undefined;
    const compiled = compileFile({ path: inIssue ? 'content/issues/3/10-input.md' : 'content/pages/input.md', text }, { html: options.html ?? 'sanitize', links: 'paragraph' });
    const { body } = compiled;
    const html = fillHtml(inIssue ? body.content!.issueHtml : body.content!.html, body.slots, {
      url: (slot) => unresolvedUrl(slot, options.idPrefix ?? ''),
      footnotes: 'Footnotes',
      backToReference: 'Back to reference',
      ...(inIssue ? { idPrefix: options.idPrefix } : {}),
    });
    // What compiling says, as `line:column rule-id` lines: diagnostics.txt, or nothing when there is none.
    const said = compiled.diagnostics.map((diagnostic) => `${diagnostic.line ?? ''}:${diagnostic.column ?? ''} ${diagnostic.ruleId}\n`).join('');
    expect(said).toBe(await readFile(path.join(folder, 'diagnostics.txt'), 'utf8').catch(() => ''));
    await expectMatchesFile(html + '\n', path.join(folder, 'expected.html'));
  });
});
