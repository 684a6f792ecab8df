import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { articleSchema, isIsoDate } from '../../src/parse/schemas.js';
import { makeWebzine, removeTemporaryFolders, repoRoot, temporaryFolder } from '../support/webzine.js';

const execute = promisify(execFile);
afterAll(removeTemporaryFolders);

/** Runs the installed bin, as a user would, and gives its exit code and output. */
async function mimeo(args: string[], cwd = repoRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execute(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the mimeo command', () => {
  it('prints its version', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    expect(await mimeo(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('describes every command in --help', async () => {
    const run = await mimeo(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['build', 'check', 'new', 'schema']) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('names authors.yml among the schemas in --help, as schema --help does', async () => {
    expect((await mimeo(['--help'])).stdout).toContain('  schema   print the JSON Schema of site.yml, of front matter and of authors.yml\n');
  });

  it.each([['-h'], ['--help'], ['help']])('shows a command\'s help for %s before its name, as after it', async (flag) => {
    for (const command of ['build', 'check', 'schema']) expect(await mimeo([flag, command])).toEqual(await mimeo([command, '--help']));
    expect((await mimeo([flag, 'build'])).stdout).toMatch(/^Usage: mimeo build \[options\]\n/);
  });

  it('takes a name every object has (constructor, toString) for the unknown command it is', async () => {
    for (const name of ['constructor', 'toString']) {
      expect(await mimeo([name, '--help'])).toEqual({ code: 2, stdout: '', stderr: `mimeo: unknown command "${name}"\nSee \`mimeo --help\`.\n` });
      expect(await mimeo(['-h', name])).toEqual({ code: 2, stdout: '', stderr: `mimeo: unknown command "${name}"\nSee \`mimeo --help\`.\n` });
    }
  });

  it.each([['-h'], ['--help'], ['help']])('says an unknown command is one for %s before its name, as after it, exit code 2', async (flag) => {
    for (const name of ['nosuch', 'buld']) {
      const after = await mimeo([name, '-h']);
      expect(after.code).toBe(2);
      expect(await mimeo([flag, name])).toEqual(after);
    }
    expect((await mimeo([flag, 'buld'])).stderr).toBe('mimeo: unknown command "buld"; did you mean "build"?\nSee `mimeo --help`.\n');
  });

  it('describes every option of build in build --help', async () => {
    const run = await mimeo(['build', '--help']);
    expect(run.code).toBe(0);
    for (const option of ['--root DIR', '--out DIR', '--drafts', '--base-url URL', '--debug']) expect(run.stdout).toContain(option);
  });

  it('says in build --help that "nothing changed" looks at Node and its ICU, not at the time zone', async () => {
    const run = await mimeo(['build', '--help']);
    const said = run.stdout.replace(/\s+/g, ' ');
    expect(said).toContain('the options, Node and its ICU, mimeo and its packages; not the time zone, since dates are written the same in every one)');
    expect(said).not.toContain('the options, the time zone');
  });

  it('exits 2 with a pointer to --help on an unknown option, without a stack trace', async () => {
    const run = await mimeo(['build', '--colour']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("mimeo: unknown option '--colour'\nSee `mimeo build --help`.\n");
  });

  it('exits 2 when --root is not a folder, without a stack trace', async () => {
    const run = await mimeo(['check', '--root', '/no/such/zine']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("mimeo: --root must be the webzine's folder, and /no/such/zine is not a folder\nSee `mimeo check --help`.\n");
  });

  it('finds the webzine from a folder inside it, as Git finds its repository, when --root is not given', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-third.md'), '---\ntitle: The third\ndate: soon\n---\nText.\n');
    const run = await mimeo(['check'], path.join(root, 'content/issues/1'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/issues/1/30-third.md:3:1: error: "date" is not a front matter field of an article');
    // Outside any webzine the folder is taken as it is.
    expect((await mimeo(['check'], await temporaryFolder())).stdout).toContain('content/site.yml:1:1: error: the webzine needs a content/site.yml');
  });

  it('exits 2 when --root names content/ itself, giving the folder that holds it', async () => {
    const root = await makeWebzine();
    const [above, name] = [path.dirname(root), path.basename(root)];
    for (const command of ['check', 'build']) {
      const run = await mimeo([command, '--root', `${name}/content`], above);
      expect(run).toEqual({ code: 2, stdout: '', stderr: `mimeo: --root must be the webzine's folder, the one that holds content/, not content/ itself, got ${name}/content; pass --root ${name}\nSee \`mimeo ${command} --help\`.\n` });
    }
    expect((await mimeo(['check', '--root', path.join(root, 'content')])).stderr).toContain(`; pass --root ${root}\n`);
    expect(existsSync(path.join(root, 'content/dist'))).toBe(false);
  });

  it('exits 2 when --root names a folder inside content/, giving the webzine\'s folder', async () => {
    const root = await makeWebzine();
    const run = await mimeo(['check', '--root', '.'], path.join(root, 'content/issues'));
    expect(run).toEqual({ code: 2, stdout: '', stderr: "mimeo: --root must be the webzine's folder, the one that holds content/, not a folder inside content/, got .; pass --root ../..\nSee `mimeo check --help`.\n" });
  });

  it('exits 2 when --root holds site.yml itself rather than in content/', async () => {
    const root = await temporaryFolder();
    await writeFile(path.join(root, 'site.yml'), 'title: Flat\n');
    const run = await mimeo(['check', '--root', '.'], root);
    expect(run).toEqual({ code: 2, stdout: '', stderr: "mimeo: --root must be the webzine's folder, the one that holds content/, got ., which holds site.yml itself; move site.yml and the rest of the webzine into content/\nSee `mimeo check --help`.\n" });
  });

  it('exits 2 when run without --root in a folder that holds site.yml itself rather than in content/', async () => {
    const root = await temporaryFolder();
    await writeFile(path.join(root, 'site.yml'), 'title: Flat\n');
    for (const command of ['build', 'check']) {
      const run = await mimeo([command], root);
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr: `mimeo: the current folder ${root} holds site.yml itself, and mimeo looks for it in the webzine's content/ folder; move site.yml and the rest of the webzine into ${root}/content/\nSee \`mimeo ${command} --help\`.\n`,
      });
    }
  });

  it('exits 2 on an unknown command', async () => {
    const run = await mimeo(['publish']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('mimeo: unknown command "publish"\nSee `mimeo --help`.\n');
  });

  it('names the command an unknown one looks like a typo of', async () => {
    for (const args of [['buld'], ['buld', '--help']]) {
      const run = await mimeo([...args, '--root', '.']);
      expect(run).toEqual({ code: 2, stdout: '', stderr: 'mimeo: unknown command "buld"; did you mean "build"?\nSee `mimeo --help`.\n' });
    }
  });

  it('exits 2 on a check format it does not know, listing the ones it does', async () => {
    const run = await mimeo(['check', '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format must be `text`, `json` or `github`, got `xml`');
  });

  it('builds a webzine and ends with one summary line', async () => {
    const root = await makeWebzine();
    const out = await temporaryFolder();
    const run = await mimeo(['build', '--root', root, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^built 9 pages, 1 feed entry, 0 gemtext files in \d+\.\d\d s\n$/);
  });

  it('exits 1 on a content mistake, with located errors and no stack trace', async () => {
    const root = await makeWebzine(path.join(repoRoot, 'test/fixtures/errors/front-matter-bad-date'));
    const run = await mimeo(['build', '--root', root, '--out', await temporaryFolder()]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      'note: the webzine is not in a Git repository, so dates and contributors come from front matter only',
      expect.stringMatching(/^content\/issues\/1\/issue\.md:3:7: error: /),
    ]);
    expect(run.stderr).toContain('build failed: 1 error, 0 warnings; nothing was written');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports front matter of many unknown fields from build as check does: ten where they are, then how many more, and the other mistakes', async () => {
    const root = await makeWebzine(path.join(repoRoot, 'test/fixtures/errors/front-matter-unknown-keys-counted'));
    const check = await mimeo(['check', '--root', root]);
    const build = await mimeo(['build', '--root', root, '--out', await temporaryFolder()]);
    const reported = (output: string) => output.split('\n').filter((line) => /^(content\/|  )/.test(line));
    expect(reported(build.stderr)).toEqual(reported(check.stdout));
    expect(reported(check.stdout).filter((line) => line.startsWith('content/issues/1/30-build-farm.md:'))).toEqual([
      'content/issues/1/30-build-farm.md:3:12: error: item 2 of "tags" must be some text, not blank, got "" [front-matter/invalid]',
      ...['job', 'build', 'runner', 'started', 'finished', 'status', 'node', 'npm', 'cache', 'steps'].map((key, index) => `content/issues/1/30-build-farm.md:${index + 4}:1: error: "${key}" is not a front matter field of an article [front-matter/unknown-key]`),
      'content/issues/1/30-build-farm.md:14:1: error: 5 more fields, from "warnings" on, are not front matter fields of an article [front-matter/unknown-key]',
      'content/issues/1/30-build-farm.md:20:30: error: the link "log.md" points to nothing in the webzine [link/missing-target]',
    ]);
    expect(check.stderr).toContain('checked: 14 errors, 0 warnings');
    expect(build.stderr).toContain('build failed: 14 errors, 0 warnings; nothing was written');
    expect([check.code, build.code]).toEqual([1, 1]);
  });

  it('exits 3 without a stack trace when the output can not be written, saying where and why', async () => {
    const root = await makeWebzine();
    const file = path.join(await temporaryFolder(), 'a-file');
    await writeFile(file, 'not a folder');
    const run = await mimeo(['build', '--root', root, '--out', path.join(file, 'dist')]);
    expect(run.code).toBe(3);
    const [said, hint, ...rest] = run.stderr.split('\n').filter((line) => !line.startsWith('note: '));
    expect(said).toBe(`mimeo: could not make the output folder ${file}/dist: ${file} is a file, not a folder`);
    expect(hint).toBe('hint: give --out a folder, or a path where one can be made');
    expect(rest).toEqual(['']);
    // The same deeper below the file, and for the file itself.
    for (const out of [path.join(file, 'a', 'b'), file]) {
      expect((await mimeo(['build', '--root', root, '--out', out])).stderr).toContain(`mimeo: could not make the output folder ${out}: ${file} is a file, not a folder\n`);
    }
    // --debug shows the error itself, in case it was mimeo's own mistake after all.
    const debug = await mimeo(['build', '--root', root, '--out', path.join(file, 'dist'), '--debug']);
    expect(debug.stderr).toMatch(/\ncaused by: Error: ENOTDIR: not a directory, \w+ '/);
  });

  it('exits 3 without a stack trace when the output folder is a symbolic link to nothing, naming the link', async () => {
    const root = await makeWebzine();
    const gone = path.join(await temporaryFolder(), 'gone', 'site');
    await symlink(gone, path.join(root, 'dist'));
    const run = await mimeo(['build', '--root', root]);
    expect(run.code).toBe(3);
    expect(run.stderr.split('\n').filter((line) => !line.startsWith('note: '))).toEqual([
      `mimeo: could not make the output folder ${root}/dist: ${root}/dist is a symbolic link to ${gone}, which does not exist`,
      'hint: make the folder the link leads to, or remove the link and mimeo makes the output folder (--out) itself',
      '',
    ]);
    // The same for --out below such a link.
    const below = await mimeo(['build', '--root', root, '--out', path.join(root, 'dist', 'o2')]);
    expect(below.code).toBe(3);
    expect(below.stderr).toContain(`mimeo: could not make the output folder ${root}/dist/o2: ${root}/dist is a symbolic link to ${gone}, which does not exist\n`);
  });

  // Node's recursive mkdir spins for ever there: procfs says ENOENT for a folder it will not make.
  it.runIf(existsSync('/proc/self'))('exits 3 at once, in one line, when the output folder can not be made in the folder above it (--out /proc/foo)', async () => {
    const root = await makeWebzine();
    const run = async (out: string) => {
      try {
        await execute(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'build', '--root', root, '--out', out], { timeout: 20_000 });
        return 'built';
      } catch (error) {
        const failed = error as { code: number | null; signal: string | null; stderr: string };
        return `${failed.code ?? failed.signal}\n${failed.stderr.split('\n').filter((line) => !line.startsWith('note: ')).join('\n')}`;
      }
    };
    const hint = 'hint: give --out a folder on a disk you can write to, such as one in your home folder\n';
    expect(await run('/proc/foo/site')).toBe(`3\nmimeo: could not make the output folder /proc/foo/site: no folder can be made in /proc (ENOENT)\n${hint}`);
    // The same for a folder there that takes no folder in it (the staging folder).
    expect(await run('/proc/self')).toBe(`3\nmimeo: could not write in the output folder /proc/self: no folder can be made in /proc/self (ENOENT)\n${hint}`);
  }, 60_000);

  it.runIf(existsSync('/proc/self'))('checks at once, as without a cache, when the cache folder can not be made (--cache-dir /proc/foo)', async () => {
    const root = await makeWebzine();
    const { stderr } = await execute(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'check', '--root', root, '--cache-dir', '/proc/foo'], { timeout: 20_000 });
    expect(stderr.split('\n').filter((line) => !line.startsWith('note: '))).toEqual(['checked: 0 errors, 0 warnings', '']);
  }, 30_000);

  it('exits 3 without a stack trace when a folder of content/ can not be listed, naming it and how to mend it', async () => {
    const root = await makeWebzine();
    // A path longer than the system takes (ENAMETOOLONG) is refused to root too, unlike a folder of mode 000.
    const name = 'a'.repeat(200);
    const chain = path.join(...Array<string>(11).fill(name));
    // Two chains of folders made apart, each short enough to make, then one moved to the end of the other.
    await mkdir(path.join(root, 'content/static', chain), { recursive: true });
    const apart = await temporaryFolder();
    await mkdir(path.join(apart, chain), { recursive: true });
    await rename(path.join(apart, name), path.join(root, 'content/static', chain, name));
    try {
      const run = await mimeo(['check', '--root', root]);
      expect(run.code).toBe(3);
      expect(run.stderr.split('\n').filter((line) => !line.startsWith('note: '))).toEqual([
        expect.stringMatching(new RegExp(`^mimeo: could not list the folder content/static(/${name})+: the name is too long \\(ENAMETOOLONG\\)$`)),
        'hint: mimeo must be able to read every file and folder under content/: check their permissions (chmod) and the length of their names, or move what it can not read out of content/',
        '',
      ]);
    } finally {
      // Removed by a program that walks the tree by relative paths: one by absolute paths can not reach so deep.
      await execute('rm', ['-rf', path.join(root, 'content/static', name)]);
    }
  });

  it('prints check results as GitHub annotations', async () => {
    const root = await makeWebzine(path.join(repoRoot, 'test/fixtures/errors/front-matter-bad-date'));
    const run = await mimeo(['check', '--root', root, '--format', 'github']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      '::error file=content/issues/1/issue.md,line=3,col=7,title=front-matter/date::"date" must be a date like 2021-10-01, got "next friday"%0AWrite the date as year-month-day; leave it out while the issue is a draft.\n',
    );
  });

  it('keeps each text diagnostic on its line, whatever line breaks a value it quotes holds', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/pages/broken.md'), '---\ntitle: Broken\n---\nSee [x](nothing&#10;::error::Injected&#13;x).\n');
    const run = await mimeo(['check', '--root', root]);
    expect(run.code).toBe(1);
    // Not a line of its own, which CI (GitHub Actions) would read as a command.
    expect(run.stdout.split('\n').filter((line) => line.includes('Injected'))).toEqual([
      'content/pages/broken.md:4:5: error: the link "nothing\\n::error::Injected\\rx" points to nothing in the webzine [link/missing-target]',
    ]);
  });

  it('prints check results as one JSON object a line', async () => {
    const root = await makeWebzine(path.join(repoRoot, 'test/fixtures/errors/front-matter-bad-date'));
    const run = await mimeo(['check', '--root', root, '--format', 'json']);
    expect(JSON.parse(run.stdout)).toEqual({
      file: 'content/issues/1/issue.md',
      line: 3,
      column: 7,
      severity: 'error',
      ruleId: 'front-matter/date',
      message: '"date" must be a date like 2021-10-01, got "next friday"',
      hint: 'Write the date as year-month-day; leave it out while the issue is a draft.',
    });
  });

  it('prints the JSON Schema of article front matter, generated from the checks', async () => {
    const run = await mimeo(['schema', 'article']);
    const schema = JSON.parse(run.stdout) as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties).sort()).toEqual(['aliases', 'authors', 'draft', 'summary', 'tags', 'title']);
    expect(schema.required).toEqual(['title']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('prints every schema without a name as a bundle whose $defs a reference like #/$defs/site reaches, and says so in schema --help', async () => {
    const bundle = JSON.parse((await mimeo(['schema'])).stdout) as { $defs: Record<string, unknown> };
    expect(Object.keys(bundle)).toEqual(['$schema', '$defs']);
    for (const name of ['site', 'issue', 'article', 'page', 'authors']) {
      // What a JSON pointer `#/$defs/<name>` resolves to is the schema `mimeo schema <name>` prints.
      expect(bundle.$defs[name]).toEqual(JSON.parse((await mimeo(['schema', name])).stdout));
    }
    const help = (await mimeo(['schema', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('with no schema at its root: as it is, it validates anything; reference a part of it, like file.json#/$defs/site.');
    expect(help).toContain('Front matter inside .md files is checked by mimeo check and mimeo dev, not by YAML editor extensions.');
  });

  it('gives editors the form of an alias, so they flag a full address, a .., a ?query or an encoded slash as check does', async () => {
    for (const name of ['issue', 'article', 'page']) {
      const schema = JSON.parse((await mimeo(['schema', name])).stdout) as { properties: { aliases: { type: string; items: { pattern: string } } } };
      expect(schema.properties.aliases.type).toBe('array');
      const pattern = new RegExp(schema.properties.aliases.items.pattern, 'u');
      const values = ['/issues/1/doas/', 'issues/1/doas', 'https://zine.example/issues/1/doas/', '//zine.example/doas/', '/issues/1/../doas/', '/issues/1/doas?ref=feed', '/', 'issues/1/café', '/issues/1/x%20y/', '/issues/1/x y/', '/issues/1/a%2Fb/', '/issues/1/%2e%2E/'];
      expect(values.map((value) => pattern.test(value))).toEqual([true, true, false, false, false, false, false, true, true, false, false, false]);
    }
  });

  it('gives editors the parts of an alias Windows can not write, the lengths check refuses, as far as a pattern tells them, and the number of aliases a page takes', async () => {
    for (const name of ['issue', 'article', 'page']) {
      const schema = JSON.parse((await mimeo(['schema', name])).stdout) as { properties: { aliases: { items: { pattern: string } } } };
      const pattern = new RegExp(schema.properties.aliases.items.pattern, 'u');
      const refused = ['issues/1/a.', 'a...', '/a%2E/', 'issues/1/x%20', 'CON', 'aux/old/', 'Lpt9', 'com1.html', 'nul.txt', 'a'.repeat(201), Array.from({ length: 100 }, () => 'abcdefghi').join('/') + '/ab'];
      const taken = ['console/con-x/nul-txt/a.b/', 'issues/1/.well', 'a'.repeat(200), `/${Array.from({ length: 100 }, () => 'abcdefghi').join('/')}/`, 'x%C3%A9'.repeat(40)];
      expect(refused.filter((value) => pattern.test(value))).toEqual([]);
      expect((schema.properties.aliases as { maxItems?: number }).maxItems).toBe(20);
      expect(taken.filter((value) => !pattern.test(value))).toEqual([]);
    }
  });

  it('gives editors the form of an issue date, so they flag "March 1, 2026" as check does', async () => {
    const schema = JSON.parse((await mimeo(['schema', 'issue'])).stdout) as { properties: { date: { pattern: string } } };
    const pattern = new RegExp(schema.properties.date.pattern);
    expect([pattern.test('2026-03-01'), pattern.test('March 1, 2026')]).toEqual([true, false]);
  });

  it('gives editors the issue dates check takes, so they flag 2026-02-30 and 2100-02-29 as check does', async () => {
    const schema = JSON.parse((await mimeo(['schema', 'issue'])).stdout) as { properties: { date: { pattern: string; format: string } } };
    expect(schema.properties.date.format).toBe('date');
    // JSON Schema reads a pattern as an ECMA-262 regular expression; validators compile it with `u`.
    const pattern = new RegExp(schema.properties.date.pattern, 'u');
    const two = (n: number) => String(n).padStart(2, '0');
    const candidates = ['2026-3-01', '26-03-01', ' 2026-03-01', '2026-03-01\n', '2026-03-01T00:00'];
    for (const year of ['0000', '0001', '0099', '0100', '0104', '0400', '1900', '1996', '2000', '2023', '2024', '2100', '2400', '9996', '9999']) {
      for (let month = 0; month <= 13; month++) for (let day = 0; day <= 32; day++) candidates.push(`${year}-${two(month)}-${two(day)}`);
    }
    for (let year = 0; year <= 9999; year++) candidates.push(`${String(year).padStart(4, '0')}-02-29`);
    const differing = candidates.filter((date) => pattern.test(date) !== isIsoDate(date));
    expect(differing).toEqual([]);
    // And check says so too, at each date the schema refuses.
    const root = await makeWebzine();
    const dates = { 2: '2024-02-29', 3: '2026-02-30', 4: '2100-02-29' };
    for (const [number, date] of Object.entries(dates)) {
      await mkdir(path.join(root, `content/issues/${number}`));
      await writeFile(path.join(root, `content/issues/${number}/issue.md`), `---\ntitle: Issue ${number}\ndate: ${date}\n---\n`);
    }
    expect(Object.values(dates).map((date) => pattern.test(date))).toEqual([true, false, false]);
    const run = await mimeo(['check', '--root', root]);
    expect(run.stdout.split('\n').filter((line) => line.includes('[front-matter/date]'))).toEqual([
      'content/issues/3/issue.md:3:7: error: "date" must be a date that exists, got "2026-02-30": February 2026 has 28 days [front-matter/date]',
      'content/issues/4/issue.md:3:7: error: "date" must be a date that exists, got "2100-02-29": February 2100 has 28 days [front-matter/date]',
    ]);
  });

  it('gives editors the texts check refuses as empty or blank, so they flag title: "" as check does', async () => {
    type Node = { minLength?: number; pattern?: string; properties?: Record<string, Node>; items?: Node; additionalProperties?: Node };
    const { $defs } = JSON.parse((await mimeo(['schema'])).stdout) as { $defs: Record<string, Node> };
    // Steps down a schema: a property by its name, [] the items of a list, * each entry of authors.yml.
    const at = (name: string, ...steps: string[]) =>
      steps.reduce<Node | undefined>((node, step) => (step === '[]' ? node?.items : step === '*' ? node?.additionalProperties : node?.properties?.[step]), $defs[name]);
    const texts = [
      at('site', 'title'),
      at('site', 'menu', '[]', 'title'),
      at('issue', 'title'),
      at('issue', 'editors', '[]'),
      at('article', 'title'),
      at('article', 'authors', '[]'),
      at('article', 'tags', '[]'),
      at('page', 'title'),
      at('authors', '*', 'name'),
    ];
    // As an editor reads minLength and a pattern (ECMA-262, with `u`).
    const takes = (node: Node | undefined, value: string) => value.length >= (node?.minLength ?? 0) && (node?.pattern === undefined || new RegExp(node.pattern, 'u').test(value));
    const values = ['', ' ', '\t \n', '\u00a0', '\ufeff', 'A', ' a '];
    const checked = values.map((value) => articleSchema.safeParse({ title: value }).success);
    expect(checked).toEqual([false, false, false, false, false, true, true]);
    for (const node of texts) expect(values.map((value) => takes(node, value))).toEqual(checked);
    expect(texts.map((node) => node?.minLength)).toEqual(texts.map(() => 1));
    // And check says so, in words, of an empty title.
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/10-first.md'), '---\ntitle: ""\n---\nText.\n');
    const run = await mimeo(['check', '--root', root]);
    expect(run.stdout.split('\n').filter((line) => line.includes(': error: '))).toEqual(['content/issues/1/10-first.md:2:8: error: "title" must be some text, not blank, got "" [front-matter/invalid]']);
  });
});
