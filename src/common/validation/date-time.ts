/**
 * Date-times read as pydantic 2 reads them (its parser is the Rust crate `speedate`): RFC 3339 text with
 * `T`, `t`, `_` or a space between date and time, seconds and fraction optional, an offset of `Z`,
 * `±HHMM` or `±HH:MM` (none: taken as UTC here); a date alone (midnight); Unix time as a number
 * or as numeric text, in seconds, or in milliseconds past 2·10¹⁰. Impossible dates are refused, never
 * rolled over.
 */
export interface DateTimeProblem {
  type: 'datetime_type' | 'datetime_parsing' | 'datetime_from_date_parsing';
  msg: string;
}

class ParseError extends Error {}

const DIGIT = (code: number | undefined) => code !== undefined && code >= 48 && code <= 57;

/** Two digits at `at`, or the error named. */
function twoDigits(text: string, at: number, error: string): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  if (!DIGIT(a) || !DIGIT(b)) throw new ParseError(error);
  return (a - 48) * 10 + (b - 48);
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function parseDate(text: string): CalendarDate {
  if (text.length < 10) throw new ParseError('input is too short');
  if (![0, 1, 2, 3].every((i) => DIGIT(text.charCodeAt(i)))) throw new ParseError('invalid character in year');
  const year = Number(text.slice(0, 4));
  if (text[4] !== '-') throw new ParseError('invalid date separator, expected `-`');
  const month = twoDigits(text, 5, 'invalid character in month');
  if (text[7] !== '-') throw new ParseError('invalid date separator, expected `-`');
  const day = twoDigits(text, 8, 'invalid character in day');
  if (month < 1 || month > 12) throw new ParseError('month value is outside expected range of 1-12');
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day < 1 || day > days) throw new ParseError('day value is outside expected range');
  return { year, month, day };
}

/** The time and offset after the date; milliseconds since the epoch. */
function parseDateTimeText(text: string): number {
  const date = parseDate(text);
  if (!'Tt _'.includes(text[10] ?? 'x')) throw new ParseError('invalid datetime separator, expected `T`, `t`, `_` or space');
  const hour = twoDigits(text, 11, 'invalid character in hour');
  if (hour > 23) throw new ParseError('hour value is outside expected range of 0-23');
  if (text[13] !== ':') throw new ParseError('invalid time separator, expected `:`');
  const minute = twoDigits(text, 14, 'invalid character in minute');
  if (minute > 59) throw new ParseError('minute value is outside expected range of 0-59');
  let at = 16;
  let second = 0;
  let fraction = 0;
  if (text[at] === ':') {
    second = twoDigits(text, at + 1, 'invalid character in second');
    if (second > 59) throw new ParseError('second value is outside expected range of 0-59');
    at += 3;
    if (text[at] === '.' || text[at] === ',') {
      const digits = /^\d+/.exec(text.slice(at + 1))?.[0];
      if (!digits) throw new ParseError('unexpected extra characters at the end of the input');
      fraction = Number(`0.${digits.slice(0, 6)}`);
      at += 1 + digits.length;
    }
  }
  let offsetMinutes = 0;
  const sign = text[at];
  if (sign === 'Z' || sign === 'z') at += 1;
  else if (sign === '+' || sign === '-') {
    const hours = twoDigits(text, at + 1, 'invalid timezone hour');
    at += 3;
    if (text[at] === ':') at += 1;
    const minutes = twoDigits(text, at, 'invalid timezone minute');
    at += 2;
    if (hours > 23 || minutes > 59) throw new ParseError('timezone offset must be less than 24 hours');
    offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  if (at !== text.length) throw new ParseError('unexpected extra characters at the end of the input');
  if (date.year === 0) throw new YearZero();
  const utc = Date.UTC(date.year, date.month - 1, date.day, hour, minute, second);
  // Date.UTC reads years 0-99 as 1900-1999.
  const fixed = new Date(utc);
  fixed.setUTCFullYear(date.year);
  return fixed.getTime() + Math.round(fraction * 1e6) / 1e3 - offsetMinutes * 60_000;
}

class YearZero extends Error {}

const MS_WATERSHED = 2e10;
const FIRST_SECOND = -62135596800; // 0001-01-01T00:00:00Z
const LAST_SECOND = 253402300799; // 9999-12-31T23:59:59Z

/** Unix time in seconds, or in milliseconds past the watershed; milliseconds since the epoch, or a problem. */
function fromTimestamp(timestamp: number): number | DateTimeProblem {
  if (Number.isNaN(timestamp)) return { type: 'datetime_parsing', msg: 'Input should be a valid datetime, NaN values not permitted' };
  const seconds = Math.abs(timestamp) > MS_WATERSHED ? timestamp / 1000 : timestamp;
  if (seconds > LAST_SECOND + 0.999999)
    return { type: 'datetime_parsing', msg: 'Input should be a valid datetime, dates after 9999 are not supported as unix timestamps' };
  if (seconds < FIRST_SECOND)
    return { type: 'datetime_parsing', msg: 'Input should be a valid datetime, dates before 0000 are not supported as unix timestamps' };
  return Math.round(seconds * 1e6) / 1e3;
}

const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A Date, or the problem pydantic would report for `value`. */
export function parseDateTimeValue(value: unknown): Date | DateTimeProblem {
  if (typeof value === 'number') {
    const ms = fromTimestamp(value);
    return typeof ms === 'number' ? new Date(ms) : ms;
  }
  if (typeof value !== 'string') return { type: 'datetime_type', msg: 'Input should be a valid datetime' };
  try {
    return new Date(parseDateTimeText(value));
  } catch (error) {
    if (error instanceof YearZero) return { type: 'datetime_parsing', msg: 'Input should be a valid datetime, year 0 is out of range' };
  }
  if (NUMERIC_TEXT.test(value)) {
    const ms = fromTimestamp(Number(value));
    if (typeof ms === 'number') return new Date(ms);
  }
  // pydantic's lax mode then reads a date alone, and reports that attempt's problem.
  try {
    const date = parseDate(value);
    if (value.length > 10) throw new ParseError('unexpected extra characters at the end of the input');
    if (date.year === 0) return { type: 'datetime_parsing', msg: 'Input should be a valid datetime, year 0 is out of range' };
    return new Date(parseDateTimeText(`${value}T00:00:00Z`));
  } catch (error) {
    return { type: 'datetime_from_date_parsing', msg: `Input should be a valid datetime or date, ${(error as Error).message}` };
  }
}
