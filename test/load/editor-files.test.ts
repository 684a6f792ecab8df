import { describe, expect, it } from 'vitest';
import { isEditorLeftover } from '../../src/load/editor-files.js';

describe('isEditorLeftover', () => {
  it.each([
    ['.10-first.md.swp', true],
    ['.#10-first.md', true],
    ['10-first.md~', true],
    ['#10-first.md#', true],
    ['4913', true],
    ['10-first.md___jb_tmp___', true],
    ['sedo5MHMQ', true],
    ['sed0AbZ9x', true],
    ['10-first.md', false],
    ['sedo5MHM', false],
    ['sedo5MHMQx', false],
    ['sedo5MHMQ.md', false],
    ['sed-5MHMQ', false],
    ['Sedo5MHMQ', false],
    ['xsedo5MHMQ', false],
    // Words, which a page or a file may be named by: six small letters after `sed`.
    ['sedentary', false],
    ['sediments', false],
    ['sedqwerty', false],
  ])('reads %j as a leftover: %s', (name, leftover) => {
    expect(isEditorLeftover(name)).toBe(leftover);
  });
});
