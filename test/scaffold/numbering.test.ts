import { describe, expect, it } from 'vitest';
import { nextArticleOrder, nextIssue } from '../../src/scaffold/numbering.js';

describe('nextIssue', () => {
  it.each([
    [[], { number: 1, folderName: '1' }],
    [['1', '2', '3'], { number: 4, folderName: '4' }],
    [['3', '1'], { number: 4, folderName: '4' }],
    [['8', '9'], { number: 10, folderName: '10' }],
    [['9', '10', '11'], { number: 12, folderName: '12' }],
    [['001', '002'], { number: 3, folderName: '003' }],
    [['01', '09'], { number: 10, folderName: '10' }],
    [['098', '099'], { number: 100, folderName: '100' }],
    [['1', '02'], { number: 3, folderName: '3' }],
    [['007', 'drafts', 'old-7'], { number: 8, folderName: '008' }],
  ])('after folders %j is %j', (folders, expected) => {
    expect(nextIssue(folders)).toEqual(expected);
  });
});

describe('nextArticleOrder', () => {
  it.each([
    [[], { order: 10, prefix: '10' }],
    [['issue.md', 'cover.svg'], { order: 10, prefix: '10' }],
    [['10-a.md', '20-b.md'], { order: 30, prefix: '30' }],
    [['10-a.md', '25-b.md'], { order: 30, prefix: '30' }],
    [['5-a.md'], { order: 10, prefix: '10' }],
    [['05-a.md'], { order: 10, prefix: '10' }],
    [['20-b.md', '10-a.md'], { order: 30, prefix: '30' }],
    [['90-a.md'], { order: 100, prefix: '100' }],
    [['010-a.md', '020-b.md'], { order: 30, prefix: '030' }],
    [['10-a.md', '120-b.md'], { order: 130, prefix: '130' }],
    [['20-a.md', '40-b.fr.md', '70-cover.svg'], { order: 50, prefix: '50' }],
    [['20-Not-A-Slug.md'], { order: 30, prefix: '30' }],
  ])('after files %j is %j', (files, expected) => {
    expect(nextArticleOrder(files)).toEqual(expected);
  });
});
