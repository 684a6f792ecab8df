import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { articleSchema, authorsSchema, frontMatterFieldsSchema, issueSchema, pageSchema, siteConfigSchema, toFediverseAddress } from '../../src/parse/schemas.js';
import { toCanonicalCase } from '../../src/util/language-tags.js';

describe('front matter schemas', () => {
  // Each tag was looked up among all those before it: 20 000 tags took `mimeo check` 13 s.
  it('tells each of 10 000 tags listed before, in any case or spacing, in a time that grows with their number, not its square', () => {
    const tags = Array.from({ length: 10_000 }, (_, index) => `tag${index}`);
    const started = performance.now();
    const issues = articleSchema.safeParse({ title: 'A', tags: [...tags, ' TAG9999', '', 'tag0 '] }).error?.issues ?? [];
    expect(performance.now() - started).toBeLessThan(500);
    expect(issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['tags', 10_001], message: 'some text, not blank' },
      { path: ['tags', 10_000], message: 'a tag not listed before' },
      { path: ['tags', 10_002], message: 'a tag not listed before' },
    ]);
  });
});

describe('the fields of front matter together', () => {
  // The YAML hints take a field's type from them before the file's kind counts (yaml-quoting.ts).
  it('take each field as every kind of document that has it does', () => {
    const taken = (field: z.ZodType) => JSON.stringify(z.toJSONSchema(field), (key, value: unknown) => (key === 'description' ? undefined : value));
    const differing = [issueSchema, articleSchema, pageSchema].flatMap((schema) =>
      Object.entries(schema.shape).filter(([key, field]) => taken(field) !== taken(frontMatterFieldsSchema.shape[key as keyof typeof frontMatterFieldsSchema.shape])).map(([key]) => key),
    );
    expect(differing).toEqual([]);
    expect(Object.keys(frontMatterFieldsSchema.shape).sort()).toEqual(['aliases', 'authors', 'cover', 'coverAlt', 'date', 'draft', 'editors', 'menu', 'order', 'summary', 'tags', 'title']);
  });
});

describe('fediverse addresses in authors.yml', () => {
  const refusal = (fediverse: string) => authorsSchema.safeParse({ ada: { name: 'Ada', fediverse } }).error?.issues.map(({ message }) => message);

  it.each(['@ada@social.example', '@ada_q@mastodon.social', '@ada@social.example:8443'])('takes %s, written @name@server', (address) => {
    expect(refusal(address)).toBeUndefined();
  });

  it.each(['ada@social.example', '@ada', 'ada', '@ada@social', 'https://social.example/@ada', '@ada @social.example'])('refuses %s, which is not written @name@server', (address) => {
    expect(refusal(address)).toEqual(['a fediverse address like @name@social.example']);
  });

  it.each([
    ['ada@social.example', '@ada@social.example'],
    ['https://social.example/@ada', '@ada@social.example'],
    ['https://social.example/@ada/', '@ada@social.example'],
    [' @ada@social.example ', '@ada@social.example'],
    ['@ada', undefined],
    ['ada', undefined],
    ['https://social.example/users/ada', undefined],
  ])('reads %s as the address %s', (written, address) => {
    expect(toFediverseAddress(written)).toBe(address);
  });
});

describe('language tags in the JSON Schema of site.yml', () => {
  // As `mimeo schema site` writes it.
  const properties = (z.toJSONSchema(siteConfigSchema, { io: 'input', unrepresentable: 'any' }) as unknown as { properties: { language: { pattern: string }; languages: { items: { pattern: string } } } }).properties;
  const checked = (tag: string) => siteConfigSchema.safeParse({ title: 'T', language: tag }).success;

  it('has one pattern for language and the items of languages', () => {
    expect(properties.languages.items.pattern).toBe(properties.language.pattern);
  });

  it.each(['en', 'fr', 'pt-BR', 'zh-Hant', 'zh-Hant-TW', 'es-419', 'sl-rozaj', 'de-CH-1901', 'sl-rozaj-biske', 'zh-yue', 'ca-ES-valencia', 'de-1996'])('takes %s, in its usual case, as check does', (tag) => {
    expect([new RegExp(properties.language.pattern).test(tag), checked(tag)]).toEqual([true, true]);
  });

  it.each(['pt-br', 'zh-hant', 'zh-HANT', 'FR', 'Fr', 'PT-BR', 'pt-Br', 'sl-ROZAJ', 'zh-Hant-tw', 'es-419-X', 'pt_BR', 'fr ', 'en-', 'english'])('refuses %s, as check does', (tag) => {
    expect([new RegExp(properties.language.pattern).test(tag), checked(tag)]).toEqual([false, false]);
  });

  it('takes a tag of the old form exactly when it is in the case toCanonicalCase writes', () => {
    const oldForm = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
    const subtags = ['br', 'BR', 'Br', 'hant', 'Hant', 'HANT', '419', 'rozaj', 'ROZAJ', '1901', 'yue', 'a1', '1a', 'ab12', 'Ab12'];
    const tags = ['pt', ...subtags.map((subtag) => `pt-${subtag}`), ...subtags.flatMap((first) => subtags.map((second) => `zh-${first}-${second}`))];
    const pattern = new RegExp(properties.language.pattern);
    expect(tags.filter((tag) => pattern.test(tag) !== (oldForm.test(tag) && tag === toCanonicalCase(tag)))).toEqual([]);
  });
});

describe('aliases in front matter', () => {
  const mistakes = (aliases: string[]) => articleSchema.safeParse({ title: 'T', aliases }).error?.issues.map((issue) => [issue.path[1], issue.message.slice(0, 40)]) ?? [];

  // Those are told by checkAliases, each under a rule of its own (test/util/alias-name.test.ts).
  it('leaves a part Windows can not write, a part or a whole too long and more than 20 aliases to the checks of the site', () => {
    const many = Array.from({ length: 25 }, (_, index) => `/old-${index}/`);
    expect(mistakes(['old/a.', 'x%20', 'C%4FN', 'nul.txt', 'a'.repeat(201), `${'abcdefghijklmnopqrs/'.repeat(50)}x`, ...many])).toEqual([]);
  });

  it('refuses an encoded byte that is not UTF-8 text or is a control character', () => {
    expect(mistakes(['caf%C3', 'a%C2%85b'])).toEqual([
      [0, 'a path of the site like /issues/1/old-sl'],
      [1, 'a path of the site like /issues/1/old-sl'],
    ]);
  });
});
