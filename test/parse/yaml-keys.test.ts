import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseYaml } from '../../src/parse/yaml-data.js';

function read(text: string): { value: unknown; said: string[] } {
  const diagnostics: Diagnostic[] = [];
  const data = parseYaml(text, { file: 'content/site.yml' }, (diagnostic) => diagnostics.push(diagnostic));
  return { value: data?.value, said: diagnostics.map(({ line, column, message }) => `${line}:${column} ${message}`) };
}

describe('keys in YAML', () => {
  it.each([
    ['a key given again', 'title: a\nauthors: [x]\ntitle: b\n', ['3:1 the YAML here can not be read: "title" is given twice']],
    ['a key given three times, at each repeat', 'a: 1\na: 2\na: 3\n', ['2:1 the YAML here can not be read: "a" is given twice', '3:1 the YAML here can not be read: "a" is given twice']],
    ['a key given again in a nested mapping, not one of the outer', 'extra:\n  k: 1\n  k: 2\nk: 3\n', ['3:3 the YAML here can not be read: "k" is given twice']],
    ['a key given again in a flow mapping', 'm: {a: 1, b: 2, a: 3}\n', ['1:17 the YAML here can not be read: "a" is given twice']],
    ['a key given again in a mapping of a list', 'list:\n  - a: 1\n    a: 2\n  - a: 3\n', ['3:5 the YAML here can not be read: "a" is given twice']],
    ['keys of the same value written otherwise', '~: a\nnull: b\ntrue: c\nTrue: d\n1: e\n"1": f\n', ['2:1 the YAML here can not be read: "null" is given twice', '4:1 the YAML here can not be read: "True" is given twice']],
    ['a key given again before a syntax error, both told', 'a: 1\na: 2\nb: "unclosed\n', ['2:1 the YAML here can not be read: "a" is given twice', '3:4 the YAML here can not be read: Missing closing "quote']],
    ['a key given again after an unclosed quote, which is then not told', 'a: "unclosed\nb: "x"\nb: 2\n', ['1:4 the YAML here can not be read: Missing closing "quote']],
    ['a syntax error before a key given again, both told', 'a: "x" y\nb: 1\nb: 2\n', ['1:8 the YAML here can not be read: Unexpected scalar at node end', '3:1 the YAML here can not be read: "b" is given twice']],
  ])('are refused when the same, as %s', (_case, text, said) => {
    expect(read(text)).toEqual({ value: undefined, said });
  });

  it('are compared in linear time: a mapping of 100 000 keys is read in moments', () => {
    // The library compares each key with every one before it: 100 000 took it 48 s.
    const started = Date.now();
    const { value, said } = read(Array.from({ length: 100_000 }, (_, n) => `k${n}: value ${n}`).join('\n'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(said).toEqual([]);
    expect(Object.keys(value as object)).toHaveLength(100_000);
  }, 60_000);

  it('are located in constant time: each of 30 000 fields is found where it is written in moments', () => {
    // Each was looked for among all the pairs of its mapping: locating every field of 30 000 took 53 s.
    const diagnostics: Diagnostic[] = [];
    const data = parseYaml(Array.from({ length: 30_000 }, (_, n) => `k${n}: value ${n}`).join('\n'), { file: 'content/site.yml', lineOffset: 1 }, (diagnostic) => diagnostics.push(diagnostic));
    const started = Date.now();
    const places = Object.keys(data!.value as object).map((key) => data!.locate([key], 'value'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(places[0]).toEqual({ line: 2, column: 5 });
    expect(places[29_999]).toEqual({ line: 30_001, column: 9 });
  }, 60_000);

  it('are located in constant time in nested mappings too: a field of each of 30 000 entries is found where it is written in moments', () => {
    // Each entry was looked for among all those of its mapping (`getIn`): 100 000 entries of authors.yml with an unknown field took `mimeo check` 68 s.
    const diagnostics: Diagnostic[] = [];
    const data = parseYaml(Array.from({ length: 30_000 }, (_, n) => `p${n}:\n  name: P ${n}`).join('\n'), { file: 'content/authors.yml' }, (diagnostic) => diagnostics.push(diagnostic));
    const started = Date.now();
    const places = Object.keys(data!.value as object).map((key) => data!.locate([key, 'name'], 'key'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(places[0]).toEqual({ line: 2, column: 3 });
    expect(places[29_999]).toEqual({ line: 60_000, column: 3 });
  }, 60_000);

  it('locates a field under a key written as a number (1:) where it is written, not at its entry', () => {
    const data = parseYaml('ada:\n  name: Ada\n1:\n  name: N\n  x: 2\n', { file: 'content/authors.yml' }, () => {});
    expect(data!.locate(['1', 'x'], 'key')).toEqual({ line: 5, column: 3 });
  });
});
