import { describe, expect, it } from 'vitest';
import { isDateWithOptionalTime, isTimeDatetime } from '../../../src/render/html/date-strings.js';

// Each value as the HTML standard reads it, and the Nu Html Checker (vnu 26) judged it in a
// <time datetime> (or <del datetime>), but for week 53 of a year that has 52 and 30 February
// without a year, which the checker lets pass.
describe('dates and times HTML can read', () => {
  it.each([
    '2020', '0001', '12020-01-01', '2020-01', '2020-01-01', '2020-02-29', ' 2020-01-01 ', '01-15', '02-29', '2020-W01', '2020-W53', '10:00', '10:00:00.123',
    '2020-01-01T10:00', '2020-01-01 10:00', '2020-01-01T10:00Z', '2020-01-01T10:00+01:00', '2020-01-01T10:00+0100', 'Z', '+01:00', '+14:00',
    'P3D', 'PT3H', 'PT1.5S', '3h 2m', '1w', '2w 3d', '1.5s',
  ])('takes %j as a <time> date', (value) => {
    expect(isTimeDatetime(value)).toBe(true);
  });

  it.each([
    '', 'nonsense', 'next friday', '202', '0000-01-01', '2020-1-1', '2020-13-01', '2020-02-30', '1900-02-29', '--01-15', '02-30', '2021-W53', '2020-W00',
    'T10:00', '24:00', '10:60', '10:00:60', '10:00:00.1234', '2020-01-01t10:00z', '2020-01-01T10:00+24:00', '-00:00', '2020-01-01T10:00-00:00',
    'P', 'P1Y', 'P1W', 'P1DT', '1.5h', 'yesterday',
  ])('refuses %j as a <time> date', (value) => {
    expect(isTimeDatetime(value)).toBe(false);
  });

  it.each([
    ['2020-01-01', true],
    ['2020-01-01T10:00Z', true],
    ['2020-01-01 10:00+02:00', true],
    ['2020-01-01T10:00', false],
    ['2020-01', false],
    ['10:00', false],
    ['yesterday', false],
    [' 2020-01-01 ', false],
    ['2020-01-01T10:00Z ', false],
  ])('takes %j as a <del> or <ins> date: %s', (value, valid) => {
    expect(isDateWithOptionalTime(value)).toBe(valid);
  });
});
