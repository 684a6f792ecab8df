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

  it('are each read once: ten thousand copies of one word are read in moments', () => {
    // Each alias was looked up by walking the whole document before it: 20 000 took 50 s.
    const { value, rules } = read(`word: &w owl\nlist:\n${'  - *w\n'.repeat(10_000)}`);
    expect(rules).toEqual([]);
    expect((value as { list: string[] }).list).toHaveLength(10_000);
  }, 15_000);

  it('are refused past ten thousand, at the first one too many: the library takes quadratic time over them', () => {
    const diagnostics: Diagnostic[] = [];
    const started = Date.now();
    const data = parseYaml(`word: &w owl\nlist:\n${'  - *w\n'.repeat(150_000)}`, { file: 'content/site.yml' }, (diagnostic) => diagnostics.push(diagnostic));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(data).toBeUndefined();
    expect(diagnostics.map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }))).toEqual([
      { ruleId: 'yaml/too-many-aliases', line: 10_003, column: 5, message: 'with this alias, *w, this YAML has more than 10 000 aliases, and mimeo reads at most 10 000' },
    ]);
  }, 15_000);
});
