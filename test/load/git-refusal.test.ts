import { describe, expect, it } from 'vitest';
import { refusedRepository } from '../../src/load/git-refusal.js';

describe('refusedRepository', () => {
  it("finds the refused folder in Git's words, in any language it speaks, and nothing in another failure", () => {
    const english = "fatal: detected dubious ownership in repository at '/srv/zine'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /srv/zine\n";
    const french = "fatal : propriété douteuse détectée dans le dépôt à '/srv/my zine'\nPour ajouter une exception pour ce répertoire, appelez :\n\n\tgit config --global --add safe.directory '/srv/my zine'\n";
    expect(refusedRepository({ stderr: english })).toBe('/srv/zine');
    expect(refusedRepository({ stderr: french })).toBe('/srv/my zine');
    expect(refusedRepository({ stderr: 'fatal: not a git repository (or any of the parent directories): .git\n' })).toBeUndefined();
    expect(refusedRepository(new Error('spawn git ENOENT'))).toBeUndefined();
  });
});
