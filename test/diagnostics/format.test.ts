import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatNotes, toText } from '../../src/diagnostics/format.js';
import { makeWebzine, removeTemporaryFolders, runCli } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

/** The lines of a job's output that GitHub's runner would read as workflow commands. */
const commandLines = (output: string) => output.split('\n').filter((line) => /^[\s\u0085]*::/.test(line));

describe('text output read by a CI runner', () => {
  it('writes a note naming a file whose name holds line breaks on one line', () => {
    const note = 'a cache entry in .mimeo-cache could not be read (a\n::stop-commands::hidden\n::error file=content/site.yml::All good)';
    const output = formatNotes([note]);
    expect(commandLines(output)).toEqual([]);
    expect(output).toBe('note: a cache entry in .mimeo-cache could not be read (a\\n::stop-commands::hidden\\n::error file=content/site.yml::All good)\n');
  });

  it('keeps a hint over several lines as it is when none of them reads as a command', () => {
    const hint = 'Put the list in quotes, as in:\nauthors:\n  - "@ada"';
    expect(toText({ file: 'a.md', line: 1, column: 1, severity: 'error', ruleId: 'yaml/syntax', message: 'm', hint })).toBe(`a.md:1:1: error: m [yaml/syntax]\n  Put the list in quotes, as in:\n  authors:\n    - "@ada"`);
  });

  it('puts on one line a hint whose line starts with :: after a next-line character (U+0085), which the runner trims as a space', () => {
    const text = toText({ file: 'a.md', line: 1, column: 1, severity: 'error', ruleId: 'yaml/syntax', message: 'm', hint: 'Quote it, as in:\n\u0085::error::forged' });
    expect(text).toBe('a.md:1:1: error: m [yaml/syntax]\n  Quote it, as in:\\n\u0085::error::forged');
  });

  it("puts on one line a hint that quotes a contributor's line starting with ::", async () => {
    const root = await makeWebzine();
    const file = path.join(root, 'content/issues/1/20-second.md');
    await writeFile(file, '---\ntitle: [unclosed\n  ::error file=content/issues/1/issue.md,line=1::FORGED\n---\nText.\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/issues/1/20-second.md:2:8: error:');
    expect(commandLines(run.stdout + run.stderr)).toEqual([]);
  });
});
