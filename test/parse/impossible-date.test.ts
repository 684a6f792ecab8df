import { describe, expect, it } from 'vitest';
import { impossibleDate } from '../../src/parse/impossible-date.js';
import { isIsoDate } from '../../src/parse/schemas.js';

describe('impossibleDate', () => {
  it.each([
    ['2024-02-30', { wrong: 'day', month: 'February 2024', days: 29 }],
    ['2023-02-29', { wrong: 'day', month: 'February 2023', days: 28 }],
    ['1900-02-29', { wrong: 'day', month: 'February 1900', days: 28 }],
    ['2000-02-30', { wrong: 'day', month: 'February 2000', days: 29 }],
    ['2024-04-31', { wrong: 'day', month: 'April 2024', days: 30 }],
    ['2024-01-00', { wrong: 'day', month: 'January 2024', days: 31 }],
    ['2024-13-01', { wrong: 'month', month: 13, swapped: '2024-01-13' }],
    ['2023-29-02', { wrong: 'month', month: 29 }],
    ['2024-29-02', { wrong: 'month', month: 29, swapped: '2024-02-29' }],
    ['2024-13-31', { wrong: 'month', month: 13 }],
    ['2024-00-10', { wrong: 'month', month: 0 }],
    ['0099-12-31', { wrong: 'year', year: '0099', readAs: '1999' }],
    ['0001-01-01', { wrong: 'year', year: '0001', readAs: '1901' }],
    ['0024-13-01', { wrong: 'year', year: '0024', readAs: '1924' }],
  ])('tells why %s is no date mimeo reads', (value, expected) => {
    expect(impossibleDate(value)).toEqual(expected);
  });

  it.each(['2024-02-29', '2000-02-29', '2024-12-31', 'next friday', '2024-2-3', '2024-02-30T10:00'])('has nothing to say of %s, a real date or one not written year-month-day', (value) => {
    expect(impossibleDate(value)).toBeUndefined();
  });

  it('has something to say of every date written year-month-day that check refuses', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const candidates: string[] = [];
    for (const year of ['0000', '0001', '0099', '0100', '0104', '0400', '1900', '1996', '2000', '2023', '2024', '2100', '2400', '9996', '9999']) {
      for (let month = 0; month <= 13; month++) for (let day = 0; day <= 32; day++) candidates.push(`${year}-${two(month)}-${two(day)}`);
    }
    expect(candidates.filter((date) => (impossibleDate(date) === undefined) !== isIsoDate(date))).toEqual([]);
  });
});
