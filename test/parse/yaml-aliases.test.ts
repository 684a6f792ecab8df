import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseYaml } from '../../src/parse/yaml-data.js';

function read(text: string): { value: unknown; rules: string[] } {
  const diagnostics: Diagnostic[] = [];
  const data = parseYaml(text, { file: 'content/site.yml' }, (diagnostic) => diagnostics.push(diagnostic));
  return { value: data?.value, rules: diagnostics.map((diagnostic) => diagnostic.ruleId) };
}

describe('aliases in YAML', () => {
  it('name the last node before them with their anchor, as YAML reads them', () => {
    expect(read('a: &x one\nb: *x\nc: &x [two, &y three]\nd: *x\ne: *y\n')).toEqual({ value: { a: 'one', b: 'one', c: ['two', 'three'], d: ['two', 'three'], e: 'three' }, rules: [] });
    expect(read('tags: &t [one, *t]\n').rules).toEqual(['yaml/syntax']);
  });

  it('are each read once: twenty thousand copies of one word are read in moments', () => {
    // Each alias was looked up by walking the whole document before it: 20 000 took 50 s.
    const { value, rules } = read(`word: &w owl\nlist:\n${'  - *w\n'.repeat(20_000)}`);
    expect(rules).toEqual([]);
    expect((value as { list: string[] }).list).toHaveLength(20_000);
  }, 15_000);
});
