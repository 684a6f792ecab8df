import { describe, expect, it } from 'vitest';
import type { ThemeFiles } from '../../src/load/load-theme.js';
import { recursionOf, templateLoops } from '../../src/theme/template-loops.js';

/** A theme of these templates alone, by name (`page`, `partials/x`). */
function theme(templates: Record<string, string>): ThemeFiles {
  return new Map(Object.entries(templates).map(([name, text]) => [`templates/${name}.liquid`, { bytes: Buffer.from(text), displayPath: `themes/t/templates/${name}.liquid`, absolutePath: `/t/templates/${name}.liquid` }]));
}

describe('templateLoops', () => {
  it('finds templates that include each other, at the tag that closes the loop, whatever order the files come in', () => {
    const templates = { page: "{% render 'partials/footer' %}", 'partials/loopb': '<p>x</p>\n  {% include "partials/footer" %}', 'partials/footer': '{% include "partials/loopb" %}' };
    const loops = [{ chain: ['partials/footer', 'partials/loopb', 'partials/footer'], place: { file: 'themes/t/templates/partials/loopb.liquid', line: 2, column: 3 } }];
    expect(templateLoops(theme(templates))).toEqual(loops);
    expect(templateLoops(theme(Object.fromEntries(Object.entries(templates).reverse())))).toEqual(loops);
  });

  it('finds a layout that extends itself and a partial that renders itself', () => {
    const files = theme({ 'layouts/zine': '{%- layout "layouts/zine" -%}\n{% block main %}{% endblock %}', 'partials/self': '{% capture x %}{% render "partials/self" %}{% endcapture %}' });
    expect(templateLoops(files).map((loop) => loop.chain)).toEqual([
      ['layouts/zine', 'layouts/zine'],
      ['partials/self', 'partials/self'],
    ]);
  });

  it('leaves a partial that renders itself on a condition or in a loop, which may end, to the render', () => {
    const files = theme({
      'partials/menu': '{% for child in item.children %}{% render "partials/menu", item: child %}{% endfor %}',
      'partials/tree': '{% if node.next %}{% render "partials/tree", node: node.next %}{% endif %}',
      'partials/named': '{% render name %}',
    });
    expect(templateLoops(files)).toEqual([]);
    expect(recursionOf(files, 'partials/tree')).toEqual({ place: { file: 'themes/t/templates/partials/tree.liquid', line: 1, column: 19 }, chain: 'partials/tree → partials/tree' });
    expect(recursionOf(files, 'partials/named')).toEqual({ place: { file: 'themes/t/templates/partials/named.liquid', line: 1, column: 1 } });
  });
});
