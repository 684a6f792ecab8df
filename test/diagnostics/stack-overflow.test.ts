import { describe, expect, it } from 'vitest';
import { isStackOverflow } from '../../src/diagnostics/diagnostic.js';

// Input nested thousands deep is reported as `markdown/too-deep`; any other range error is a bug
// of mimeo's, to be shown with its stack, never told to a contributor as deep nesting.
describe('isStackOverflow', () => {
  it('is true of the engine running out of stack', () => {
    const recurse = (depth: number): number => recurse(depth + 1) + 1;
    let caught: unknown;
    try {
      recurse(0);
    } catch (error) {
      caught = error;
    }
    expect(isStackOverflow(caught)).toBe(true);
  });

  it('is false of other range errors', () => {
    let caught: unknown;
    try {
      new Array(-1);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RangeError);
    expect(isStackOverflow(caught)).toBe(false);
    expect(isStackOverflow(new RangeError('Invalid string length'))).toBe(false);
  });
});
