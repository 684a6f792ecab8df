import { describe, expect, it } from 'vitest';
import { unclosedBlock } from '../../src/theme/template-errors.js';

describe('the block a template left open', () => {
  it('is the innermost one open when an end tag of another comes, told where it opens', () => {
    expect(unclosedBlock('{% block content %}\n  <ul>{% for x in xs %}\n  {% if x %}<li>{{ x }}</li>\n</ul>{% endfor %}\n{% endblock %}\n')).toEqual({
      line: 3,
      column: 3,
      reason: '{% if x %} is never closed: {% endfor %} (line 4) comes before its {% endif %}',
    });
  });

  it('is the last one open at the end, and an end tag that closes nothing is told at itself', () => {
    expect(unclosedBlock('{% capture a %}x{% endcapture %}\n{% unless a %}\n{% case a %}{% when 1 %}one{% else %}{% endcase %}\n')).toEqual({
      line: 2,
      column: 1,
      reason: '{% unless a %} is never closed: the template ends before its {% endunless %}',
    });
    expect(unclosedBlock('<p>{% if a %}{% endif %}{%- endif -%}</p>')).toEqual({ line: 1, column: 25, reason: '{%- endif -%} closes no open {% if %}' });
  });

  it('reads no tag inside a comment or a raw block, and none of a template that writes tags without delimiters', () => {
    expect(unclosedBlock('{% comment %}{% if a %}{% endcomment %}{% raw %}{% for %}{% endraw %}{% if b %}{% endif %}')).toBeUndefined();
    expect(unclosedBlock('{% liquid\n  if a\n    echo a\n  endif\n%}{% if b %}')).toBeUndefined();
  });
});
