/**
 * Why a date written year-month-day is none mimeo can read: its year, before 0100, or none the
 * calendar has: its month, or its day in that month.
 */
export type ImpossibleDate =
  | {
      wrong: 'year';
      /** The year as written: `0099`. */
      year: string;
      /** The year JavaScript would take it for: `1999`. */
      readAs: string;
    }
  | {
      wrong: 'month';
      /** The month written, past 12 or 00. */
      month: number;
      /** The date with its month and day swapped, when that one exists (`2024-01-13` for `2024-13-01`). */
      swapped?: string;
    }
  | {
      wrong: 'day';
      /** The month and year in words: `February 2024`. */
      month: string;
      /** How many days that month has. */
      days: number;
    };

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** How many days month `month` (1 to 12) of `year` has, 29 February in leap years only. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Why `value`, written as a date is (`2024-02-30`), is no date mimeo reads: a year before 0100, a
 * month past 12, or a day its month does not have; `undefined` for a value of another form, or a
 * real date.
 */
export function impossibleDate(value: string): ImpossibleDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // `Date.UTC` reads the years 0 to 99 as 1900 to 1999, so the schema refuses them (schemas.ts).
  if (year < 100) return { wrong: 'year', year: match[1]!, readAs: String(1900 + year) };
  if (month < 1 || month > 12) {
    // The day written first (`2024-13-01` for 13 January) is the likeliest slip.
    const swapped = day >= 1 && day <= 12 && month >= 1 && month <= daysIn(year, day) ? `${match[1]}-${match[3]}-${match[2]}` : undefined;
    return { wrong: 'month', month, ...(swapped === undefined ? {} : { swapped }) };
  }
  const days = daysIn(year, month);
  if (day >= 1 && day <= days) return undefined;
  return { wrong: 'day', month: `${monthNames[month - 1]!} ${match[1]}`, days };
}
