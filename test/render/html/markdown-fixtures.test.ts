import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCollector } from '../../../src/diagnostics/diagnostic.js';
import { parseFile } from '../../../src/parse/parse-file.js';
import { toHtmlFragment, type FragmentOptions } from '../../../src/render/html/markdown-to-html.js';
import { expectMatchesFile } from '../../support/expected.js';
import { fixtures } from '../../support/webzine.js';

const casesFolder = path.join(fixtures, 'markdown');

// Each case: input.md (a Markdown body), optional options.json, expected.html (the fragment).
describe('Markdown to HTML', () => {
  it.each(readdirSync(casesFolder).sort())('renders %s as expected.html says', async (name) => {
    const folder = path.join(casesFolder, name);
    const text = await readFile(path.join(folder, 'input.md'), 'utf8');
    const overrides = JSON.parse(await readFile(path.join(folder, 'options.json'), 'utf8').catch(() => '{}')) as Partial<FragmentOptions>;
    const { report, diagnostics } = createCollector();
    const parsed = parseFile({ path: 'content/pages/input.md', text }, report);
    const html = toHtmlFragment(parsed.tree, {
      path: parsed.path,
      href: () => undefined,
      html: 'sanitize',
      footnoteLabel: 'Footnotes',
      footnoteBackLabel: 'Back to reference',
      ...overrides,
    });
    expect(diagnostics).toEqual([]);
    await expectMatchesFile(html + '\n', path.join(folder, 'expected.html'));
  });
});
