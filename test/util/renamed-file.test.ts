import { describe, expect, it } from 'vitest';
import { renamedFile } from '../../src/util/renamed-file.js';

const folder = 'content/issues/1';
const known = [`${folder}/issue.md`, `${folder}/10-first.md`, `${folder}/20-quick-tip.md`, `${folder}/30-doas-intro.md`, `${folder}/40-lamps.md`, `${folder}/45-old-lamps.md`, 'content/issues/2/50-news.md'];

describe('renamedFile', () => {
  it.each([
    ['picks the one file of the folder with the same number', '20-tip.md', `${folder}/20-quick-tip.md`],
    ['picks the file renumbered, of the same slug, before another with the number', '10-lamps.md', `${folder}/40-lamps.md`],
    ['picks the one file whose slug starts with the missing one', '35-doas.md', `${folder}/30-doas-intro.md`],
    ['picks the one file whose slug holds the missing one', '60-tip.md', `${folder}/20-quick-tip.md`],
    ['picks the starting slug before the holding ones', '60-lamps.md', `${folder}/40-lamps.md`],
    ['picks none where two slugs hold the missing one', '60-amps.md', undefined],
    ['looks in the missing file\'s folder only', '60-news.md', undefined],
    ['picks none for a file that is there', '10-first.md', undefined],
    ['picks none for a name without a number', 'tip.md', undefined],
  ])('%s', (_, name, expected) => {
    expect(renamedFile(`${folder}/${name}`, known)).toBe(expected);
  });
});
