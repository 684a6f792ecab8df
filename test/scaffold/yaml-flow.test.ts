import { describe, expect, it } from 'vitest';
import { createCollector } from '../../src/diagnostics/diagnostic.js';
import { parseYaml } from '../../src/parse/yaml-data.js';
import { toYamlFlow } from '../../src/scaffold/yaml-flow.js';

describe('toYamlFlow', () => {
  it.each([
    ['Plain words', '"Plain words"'],
    ['Report: the first swap meet', '"Report: the first swap meet"'],
    ['She said "hello"', '"She said \\"hello\\""'],
    ["It's a back\\slash", '"It\'s a back\\\\slash"'],
    ['Line\nbreak', '"Line\\nbreak"'],
    ['Next\u0085line \u2028 and \ufeff', '"Next\\u0085line \\u2028 and \\ufeff"'],
    [['a', 'b: c'], '["a","b: c"]'],
  ])('writes %j as %s', (value, expected) => {
    expect(toYamlFlow(value)).toBe(expected);
  });

  it.each([
    'Report: the "big" meet',
    '- not a list',
    '# not a comment',
    'yes',
    '2026-10-01',
    '{ not: a map }',
    '&anchor *alias !tag %directive @at `tick`',
    "'single' and \"double\" and \\ and \t tab",
    'Ünïcödé 日本語 🚲',
    'Line\u2028separator\ufeffbom',
    '   spaces around   ',
  ])('reads %j back as the same text in front matter', (title) => {
    const { report, diagnostics } = createCollector();
    const data = parseYaml(`title: ${toYamlFlow(title)}\n`, { file: 'issue.md' }, report);
    expect(diagnostics).toEqual([]);
    expect(data?.value).toEqual({ title });
  });
});
