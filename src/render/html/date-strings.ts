// The dates and times HTML can read (https://html.spec.whatwg.org/#dates-and-times), as the Nu
// Html Checker reads them: a `<time>`'s `datetime` (or its text, without one), and `<del>`'s
// and `<ins>`'s. Leading and trailing white space is allowed around a `<time>`'s only, as the
// checker allows it: it rejects `<del datetime=" 2024-05-01 ">`.

const leap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

function daysIn(year: number, month: number): number {
  if (month === 2) return leap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether `year` (four digits or more, not 0), `month` and `day` name a day of the calendar. */
function isDay(year: string, month: string, day?: string): boolean {
  const [y, m] = [Number(year), Number(month)];
  return y > 0 && m >= 1 && m <= 12 && (day === undefined || (Number(day) >= 1 && Number(day) <= daysIn(y, m)));
}

// The weekday of 1 January (0 is Sunday), by Gauss's formula: it holds for any year, where Date does not.
function weeksIn(year: number): number {
  const before = year - 1;
  const weekday = (1 + 5 * (before % 4) + 4 * (before % 100) + 6 * (before % 400)) % 7;
  return weekday === 4 || (weekday === 3 && leap(year)) ? 53 : 52;
}

const date = /^(\d{4,})-(\d\d)-(\d\d)$/;
const time = /^(\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,3})?)?$/;
const zone = /^(?:Z|([+-])(\d\d):?(\d\d))$/;

function isDate(text: string): boolean {
  const parts = date.exec(text);
  return parts !== null && isDay(parts[1]!, parts[2]!, parts[3]!);
}

function isTime(text: string): boolean {
  const parts = time.exec(text);
  return parts !== null && Number(parts[1]) <= 23 && Number(parts[2]) <= 59 && Number(parts[3] ?? 0) <= 59;
}

function isZone(text: string): boolean {
  const parts = zone.exec(text);
  if (!parts) return false;
  if (parts[1] === undefined) return true;
  const [hours, minutes] = [Number(parts[2]), Number(parts[3])];
  // "-00:00" means an unknown offset in RFC 3339; HTML wants "+00:00" or "Z".
  return hours <= 23 && minutes <= 59 && !(parts[1] === '-' && hours === 0 && minutes === 0);
}

/** A date, a time and maybe a time zone, `T` or a space between date and time. */
function isDateTime(text: string, withZone: boolean): boolean {
  const parts = /^([^T ]+)[T ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(.*)$/.exec(text);
  if (!parts || !isDate(parts[1]!) || !isTime(parts[2]!)) return false;
  return parts[3] === '' ? !withZone : withZone && isZone(parts[3]!);
}

const isoDuration = /^P(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,3})?S)?)?$/;
const component = String.raw`(?:\d+\s*[WwDdHhMm]|\d+(?:\.\d{1,3})?\s*[Ss])`;
const duration = new RegExp(`^${component}(?:\\s*${component})*$`);

/** Whether `text` is a date or time a `<time>` may give (HTML's "valid time-datetime string"). */
export function isTimeDatetime(text: string): boolean {
  const value = text.trim();
  const month = /^(\d{4,})-(\d\d)$/.exec(value);
  const yearless = /^(\d\d)-(\d\d)$/.exec(value);
  const week = /^(\d{4,})-W(\d\d)$/.exec(value);
  return (
    (/^\d{4,}$/.test(value) && Number(value) > 0) ||
    (month !== null && isDay(month[1]!, month[2]!)) ||
    isDate(value) ||
    // A day of any year: 29 February is one.
    (yearless !== null && isDay('2000', yearless[1]!, yearless[2]!)) ||
    isTime(value) ||
    isDateTime(value, false) ||
    isZone(value) ||
    isDateTime(value, true) ||
    (week !== null && Number(week[1]) > 0 && Number(week[2]) >= 1 && Number(week[2]) <= weeksIn(Number(week[1]))) ||
    isoDuration.test(value) ||
    duration.test(value)
  );
}

/** Whether `text` is a date, or a date and time with its time zone, as `<del>` and `<ins>` may give (HTML's "valid date string with optional time"). */
export function isDateWithOptionalTime(text: string): boolean {
  return isDate(text) || isDateTime(text, true);
}
