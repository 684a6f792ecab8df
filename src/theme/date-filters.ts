import type { Liquid } from 'liquidjs';

// What a filter reads of LiquidJS's `this` (its `FilterImpl`, which the package does not export).
interface FilterImpl {
  context: { memoryLimit: { use(count: number): void } };
}

/**
 * Replaces LiquidJS's date filters (`date`, `date_to_xmlschema`, `date_to_rfc822`,
 * `date_to_string`, `date_to_long_string`) in `engine` with ones that write a date in UTC, or in
 * the zone a template names (`date: "%H:%M", "Europe/Berlin"`), with English month and day names.
 * LiquidJS's own write it in the build machine's time zone and locale: `2026-03-01` showed as
 * 28 February west of Greenwich, as 4 April for 5 April in Chile even with its `timezoneOffset`
 * (whose local clock it reads), `%B` as "März" under `LANG=de_DE`; the same commit must build the
 * same bytes everywhere (SPEC §3). The format codes, flags and widths are LiquidJS's. `"now"` and
 * `"today"` are what `now` gives (in milliseconds), never the clock (SPEC §3), and nothing when it
 * gives nothing.
 */
export function registerDateFilters(engine: Liquid, now: () => number | undefined): void {
  engine.registerFilter('date', function (this: FilterImpl, value: unknown, format?: unknown, zone?: unknown) {
    const pattern = format === undefined || format === null ? engine.options.dateFormat : String(format);
    return formatDate(this, value, pattern, now, zone);
  });
  engine.registerFilter('date_to_xmlschema', function (this: FilterImpl, value: unknown) {
    return formatDate(this, value, '%Y-%m-%dT%H:%M:%S%:z', now);
  });
  engine.registerFilter('date_to_rfc822', function (this: FilterImpl, value: unknown) {
    return formatDate(this, value, '%a, %d %b %Y %H:%M:%S %z', now);
  });
  const dateToString = (month: string) =>
    function (this: FilterImpl, value: unknown, type?: unknown, style?: unknown) {
      if (type !== 'ordinal') return formatDate(this, value, `%d ${month} %Y`, now);
      return formatDate(this, value, style === 'US' ? `${month} %-d%q, %Y` : `%-d%q ${month} %Y`, now);
    };
  engine.registerFilter('date_to_string', dateToString('%b'));
  engine.registerFilter('date_to_long_string', dateToString('%B'));
}

/** `value` as a date written with `pattern` in `zone` (UTC when none), or `value` itself when it is no date, as LiquidJS does. */
function formatDate(filter: FilterImpl, value: unknown, pattern: string, now: () => number | undefined, zone?: unknown): unknown {
  // Counted as LiquidJS counts it: a page's render is bounded (see `createTheme`).
  filter.context.memoryLimit.use(pattern.length + (typeof value === 'string' ? value.length : 0));
  const moment = value === 'now' || value === 'today';
  const time = moment ? now() : timeOf(value);
  if (time === undefined) return moment ? '' : value;
  const offset = typeof zone === 'number' ? zone : typeof zone === 'string' && zone !== '' ? zoneOffset(zone, time) : 0;
  const name = typeof zone === 'string' && zone !== '' ? zone : zone === undefined || zone === null || zone === '' ? 'UTC' : '';
  const date = { time, wall: new Date(time - offset * 60_000), offset, name };
  if (Number.isNaN(date.wall.getTime())) return value;
  return pattern.replace(/%([-_0^#:]+)?(\d+)?([EO])?(.)/gs, (written: string, flags = '', width = '', _modifier, code: string) => {
    const convert = codes[code];
    if (!convert) return written;
    let text = String(convert(date, { flags, width }, filter));
    const padWidth = flags.includes('-') ? 0 : Number(width) || (padWidths[code] ?? 0);
    filter.context.memoryLimit.use(padWidth - text.length);
    if (flags.includes('^')) text = text.toUpperCase();
    else if (flags.includes('#')) text = /[a-z]/.test(text) ? text.toUpperCase() : text.toLowerCase();
    const padding = flags.includes('_') ? ' ' : flags.includes('0') ? '0' : spacePadded.has(code) ? ' ' : '0';
    if (padding === '0' && text.startsWith('-')) return `-${text.slice(1).padStart(padWidth - 1, padding)}`;
    return text.padStart(padWidth, padding);
  });
}

// A date-time without a zone (`2026-03-01`, `2026-03-01 10:00`), which JavaScript would read in
// the machine's zone but for the date alone; and a text that names its zone.
const isoWithoutZone = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?))?$/;
const namesZone = /(?:\dz|\b(?:ut|utc|gmt|[ecmp][sd]t)|[+-]\d\d:?\d\d)\s*(?:\([^)]*\))?$/i;

/** The time `value` stands for, in milliseconds, read as LiquidJS reads it but in UTC when it names no zone. */
function timeOf(value: unknown): number | undefined {
  let time: number;
  if (typeof value === 'number') time = value * 1000;
  else if (value instanceof Date) time = value.getTime();
  else if (typeof value !== 'string') return undefined;
  else if (/^\d+$/.test(value)) time = Number(value) * 1000;
  else {
    const iso = isoWithoutZone.exec(value.trim());
    time = iso ? Date.parse(`${iso[1]}T${iso[2] ?? '00:00'}Z`) : Date.parse(namesZone.test(value) ? value : `${value} UTC`);
  }
  return Number.isNaN(time) ? undefined : time;
}

// Formatters by zone: making one costs far more than using one.
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** How many minutes zone `zone` (an IANA name) is behind UTC at `time`, as `Date#getTimezoneOffset` counts. */
function zoneOffset(zone: string, time: number): number {
  let format = zoneFormats.get(zone);
  if (!format) {
    // An unknown zone throws a RangeError: a template/render error that names it.
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    zoneFormats.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(time).map(({ type, value }) => [type, Number(value)]));
  const wall = Date.UTC(part['year']!, part['month']! - 1, part['day'], part['hour'], part['minute'], part['second']);
  // The parts hold whole seconds.
  return Math.round((time - (((time % 1000) + 1000) % 1000) - wall) / 60_000);
}

interface ZonedDate {
  /** The moment, in milliseconds since 1970 (UTC). */
  time: number;
  /** A date whose UTC fields are the moment's in its zone. */
  wall: Date;
  /** Minutes behind UTC, as `Date#getTimezoneOffset` counts. */
  offset: number;
  /** The zone's name, or empty for an offset in minutes. */
  name: string;
}

type Code = (date: ZonedDate, options: { flags: string; width: string }, filter: FilterImpl) => string | number;

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const padWidths: Record<string, number> = { C: 2, d: 2, e: 2, H: 2, I: 2, j: 3, k: 2, l: 2, L: 3, m: 2, M: 2, S: 2, U: 2, W: 2, y: 2, Y: 4 };
const spacePadded = new Set('aAbBceklpP');
const inUtc = { timeZone: 'UTC' } as const;

function dayOfYear(wall: Date): number {
  return Math.floor((wall.getTime() - Date.UTC(wall.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

function weekOfYear(wall: Date, firstDay: number): number {
  // Days before the year's first `firstDay` are in week 0.
  return Math.floor((dayOfYear(wall) - 1 - ((wall.getUTCDay() - firstDay + 7) % 7) + 7) / 7);
}

function offsetText(date: ZonedDate, colon: boolean): string {
  const minutes = Math.abs(date.offset);
  return `${date.offset > 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}${colon ? ':' : ''}${String(minutes % 60).padStart(2, '0')}`;
}

// LiquidJS's conversions (https://liquidjs.com/filters/date.html); `%c`, `%x` and `%X` as en-US writes them.
const codes: Record<string, Code> = {
  a: ({ wall }) => days[wall.getUTCDay()]!.slice(0, 3),
  A: ({ wall }) => days[wall.getUTCDay()]!,
  b: ({ wall }) => months[wall.getUTCMonth()]!.slice(0, 3),
  h: ({ wall }) => months[wall.getUTCMonth()]!.slice(0, 3),
  B: ({ wall }) => months[wall.getUTCMonth()]!,
  c: ({ wall }) => wall.toLocaleString('en-US', inUtc),
  C: ({ wall }) => Math.floor(wall.getUTCFullYear() / 100),
  d: ({ wall }) => wall.getUTCDate(),
  e: ({ wall }) => wall.getUTCDate(),
  H: ({ wall }) => wall.getUTCHours(),
  I: ({ wall }) => wall.getUTCHours() % 12 || 12,
  j: ({ wall }) => dayOfYear(wall),
  k: ({ wall }) => wall.getUTCHours(),
  l: ({ wall }) => wall.getUTCHours() % 12 || 12,
  L: ({ wall }) => wall.getUTCMilliseconds(),
  m: ({ wall }) => wall.getUTCMonth() + 1,
  M: ({ wall }) => wall.getUTCMinutes(),
  N: ({ wall }, { width }, filter) => {
    const digits = Number(width) || 9;
    filter.context.memoryLimit.use(digits);
    return String(wall.getUTCMilliseconds()).padStart(3, '0').slice(0, digits).padEnd(digits, '0');
  },
  p: ({ wall }) => (wall.getUTCHours() < 12 ? 'AM' : 'PM'),
  P: ({ wall }) => (wall.getUTCHours() < 12 ? 'am' : 'pm'),
  q: ({ wall }) => {
    const day = wall.getUTCDate();
    if (day >= 11 && day <= 13) return 'th';
    return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
  },
  s: ({ time }) => Math.floor(time / 1000),
  S: ({ wall }) => wall.getUTCSeconds(),
  u: ({ wall }) => wall.getUTCDay() || 7,
  U: ({ wall }) => weekOfYear(wall, 0),
  w: ({ wall }) => wall.getUTCDay(),
  W: ({ wall }) => weekOfYear(wall, 1),
  x: ({ wall }) => wall.toLocaleDateString('en-US', inUtc),
  X: ({ wall }) => wall.toLocaleTimeString('en-US', inUtc),
  y: ({ wall }) => ((wall.getUTCFullYear() % 100) + 100) % 100,
  Y: ({ wall }) => wall.getUTCFullYear(),
  z: (date, { flags }) => offsetText(date, flags.includes(':')),
  Z: (date, { flags }) => date.name || offsetText(date, flags.includes(':')),
  t: () => '\t',
  n: () => '\n',
  '%': () => '%',
};
