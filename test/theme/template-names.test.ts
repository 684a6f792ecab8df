import { describe, expect, it } from 'vitest';
import type { ThemeFiles } from '../../src/load/load-theme.js';
import { missingTemplates, reachableTemplates, unusedTemplates } from '../../src/theme/template-names.js';

/** A theme of these templates alone, by name (`page`, `partials/x`). */
function theme(templates: Record<string, string>): ThemeFiles {
  return new Map(Object.entries(templates).map(([name, text]) => [`templates/${name}.liquid`, { bytes: Buffer.from(text), displayPath: `themes/t/templates/${name}.liquid`, absolutePath: `/t/templates/${name}.liquid` }]));
}

describe('template names on the lines of a {% liquid %} tag', () => {
  it('are read as render, include and layout tags are, the first line\'s too', () => {
    const files = theme({
      page: "{% liquid\n  render 'banner'\n  include \"partials/colophon\", year: 2026\n  layout 'layouts/base'\n%}\n{%- liquid render 'partials/first' %}",
      banner: '<p>Banner</p>',
      'partials/colophon': '<p>{{ year }}</p>',
      'partials/first': '<p>First</p>',
      'layouts/base': '{{ content }}',
      spare: '<p>Never used</p>',
    });
    expect(unusedTemplates(files).map((unused) => unused.file)).toEqual(['themes/t/templates/spare.liquid']);
    expect([...reachableTemplates(files, false)].sort()).toEqual(['banner', 'layouts/base', 'page', 'partials/colophon', 'partials/first', 'spare']);
  });

  it('tells a name that leads nowhere where it is written', () => {
    const files = theme({ page: "<p>x</p>\n{% liquid\n  echo 'x'\n  render 'partials/nope'\n%}" });
    expect(missingTemplates(files)).toEqual([{ name: 'partials/nope', from: 'page', place: { file: 'themes/t/templates/page.liquid', line: 4, column: 3 } }]);
  });

  it('may name any template by a variable there too', () => {
    const files = theme({ page: '{% liquid\n  assign name = "banner"\n  render name\n%}', banner: '<p>Banner</p>', spare: '<p>x</p>', 'partials/aside': '<p>y</p>' });
    expect(unusedTemplates(files)).toEqual([]);
    expect([...reachableTemplates(files, false)].sort()).toEqual(['banner', 'page', 'partials/aside', 'spare']);
  });
});
