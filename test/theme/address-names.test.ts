import { beforeAll, describe, expect, it } from 'vitest';
import { loadHtmlParser } from '../../src/model/active-content.js';
import { scriptIn } from '../../src/theme/page-script.js';

// The parser is loaded here (page-script.test.ts proves pages pass without it): a page the cheap look lets through is parsed.
beforeAll(loadHtmlParser);

describe('the cheap look for addresses that run script', () => {
  // It finds each address attribute from its `=` back: however the name and the space around it are written.
  it.each([
    ['a name in capitals', '<a HREF=javascript:alert(1)>x</a>', 'href'],
    ['spaces, a tab and a line break around "="', '<a href \t=\n "javascript:alert(1)">x</a>', 'href'],
    ['a name that ends a longer one', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', 'href'],
    ["a form button's formaction", '<form><button formaction="javascript:alert(1)">x</button></form>', 'formaction'],
    ["a name inside another attribute's value first", `<a title='x href="a' href=javascript:alert(1)>x</a>`, 'href'],
    ["an SVG animation's list of values", '<svg><a><animate attributeName="href" values="https://a.example/;javascript:alert(1)"/><text>x</text></a></svg>', 'values'],
    ['old CSS in a style, without a colon', '<p style="expression(alert(1))">x</p>', 'style'],
  ])('finds script written with %s', (_case, html, attribute) => {
    expect(scriptIn(`<!doctype html><title>t</title>${html}`)).toContain(attribute);
  });
});
