import { characterLength } from '../character-length.js';
import { textProblem } from '../text.js';
import { parseDateTimeValue } from './date-time.js';
import { emailAddressProblem } from './email-address.js';
import type { ValidationIssue } from './validation-issue.js';

/**
 * The types of request fields, each validating the way pydantic 2 does in FastAPI (lax, Python mode):
 * the same conversions (`"5"` is an integer in a query, a UUID may come without dashes), the same
 * error `type` and `loc` (relative to the field), and pydantic's messages.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export interface FieldType<T = unknown> {
  parse(value: unknown): Parsed<T>;
  /** A list: a query parameter collects all its values; a scalar takes the last one (as Starlette does). */
  readonly isList?: boolean;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (type: string, msg: string): Parsed<never> => ({ ok: false, issues: [{ loc: [], msg, type }] });

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface TextOptions {
  minLength?: number;
  maxLength?: number;
}

/** `str`, with its length in characters (code points). Also refuses text PostgreSQL cannot store (see common/text.ts). */
export function text({ minLength, maxLength }: TextOptions = {}): FieldType<string> {
  return {
    parse(value) {
      if (typeof value !== 'string') return fail('string_type', 'Input should be a valid string');
      if (minLength !== undefined || maxLength !== undefined) {
        const length = characterLength(value);
        if (minLength !== undefined && length < minLength)
          return fail('string_too_short', `String should have at least ${plural(minLength, 'character')}`);
        if (maxLength !== undefined && length > maxLength)
          return fail('string_too_long', `String should have at most ${plural(maxLength, 'character')}`);
      }
      switch (textProblem(value)) {
        case 'nul':
          return fail('value_error', 'Value error, text must not contain the NUL character (U+0000)');
        case 'malformed_unicode':
          return fail('string_unicode', 'Input should be a valid string, unable to parse raw data as a unicode string');
        default:
          return ok(value);
      }
    },
  };
}

/** A further rule on an already valid value, reported as pydantic reports an AfterValidator's ValueError. */
export function refined<T, U>(base: FieldType<T>, convert: (value: T) => U | null, message: string): FieldType<U> {
  return {
    parse(value) {
      const parsed = base.parse(value);
      if (!parsed.ok) return parsed;
      const converted = convert(parsed.value);
      return converted === null ? fail('value_error', `Value error, ${message}`) : ok(converted);
    },
  };
}

/**
 * `EmailStr`: surrounding whitespace is dropped; the address is judged as email-validator judges its syntax.
 * With `requireNfc` (an address that names a person, such as an invitee's), an address not in Unicode
 * normalisation form C is refused too: normalising it would turn look-alike characters (the Kelvin sign,
 * a combining ring) into another mailbox's letters, and it would not be stored as sent.
 */
export function emailAddress(options: { requireNfc?: boolean } = {}): FieldType<string> {
  const base = text();
  return {
    parse(value) {
      const parsed = base.parse(value);
      if (!parsed.ok) return parsed;
      const address = parsed.value.trim();
      const problem =
        emailAddressProblem(address) ??
        (options.requireNfc && address.normalize('NFC') !== address
          ? 'The address must be in Unicode normalization form NFC (check for look-alike characters).'
          : undefined);
      return problem ? fail('value_error', `value is not a valid email address: ${problem}`) : ok(address);
    },
  };
}

const HEX = /^[0-9a-f]$/i;

/** Where a UUID's text is wrong, as the Rust `uuid` crate (pydantic-core's parser) says it. */
function uuidProblem(input: string): string | undefined {
  let body = input;
  if (input.length === 45 && input.startsWith('urn:uuid:')) body = input.slice(9);
  else if (input.length === 38 && input.startsWith('{') && input.endsWith('}')) body = input.slice(1, -1);
  if (body.length === 32) {
    const bad = [...body].findIndex((c) => !HEX.test(c));
    return bad < 0 ? undefined : `invalid character: found \`${body[bad]}\` at ${bad + 1}`;
  }
  if (body.length !== 36) {
    const groups = input.split('-').length;
    if (groups > 1 && groups !== 5) return `invalid group count: expected 5, found ${groups}`;
    return `invalid length: expected length 32 for simple format, found ${input.length}`;
  }
  const groups = body.split('-');
  if (groups.length !== 5) {
    const bad = [...body].findIndex((c) => !HEX.test(c) && c !== '-');
    if (bad >= 0) return `invalid character: found \`${body[bad]}\` at ${bad + 1}`;
    return `invalid group count: expected 5, found ${groups.length}`;
  }
  const lengths = [8, 4, 4, 4, 12];
  let offset = 0;
  for (let g = 0; g < 5; g++) {
    const bad = [...groups[g]].findIndex((c) => !HEX.test(c));
    if (bad >= 0) return `invalid character: found \`${groups[g][bad]}\` at ${offset + bad + 1}`;
    if (groups[g].length !== lengths[g]) return `invalid group length in group ${g}: expected ${lengths[g]}, found ${groups[g].length}`;
    offset += groups[g].length + 1;
  }
  return undefined;
}

/** `UUID4`: the spellings the uuid crate reads (dashes or none, braces, `urn:uuid:`, any case), version 4 only. */
export function uuid4(): FieldType<string> {
  return {
    parse(value) {
      if (typeof value !== 'string') return fail('uuid_type', 'UUID input should be a string, bytes or UUID object');
      const problem = uuidProblem(value);
      if (problem) return fail('uuid_parsing', `Input should be a valid UUID, ${problem}`);
      const hex = value.replace(/^urn:uuid:|[{}-]/g, '').toLowerCase();
      if (hex[12] !== '4' || !'89ab'.includes(hex[16])) return fail('uuid_version', 'UUID version 4 expected');
      return ok(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
    },
  };
}

/** `datetime` (or `FutureDatetime`): ISO 8601 text, a date alone, or Unix time in seconds or milliseconds. */
export function dateTime({ future = false }: { future?: boolean } = {}): FieldType<Date> {
  return {
    parse(value) {
      if (value instanceof Date) return ok(value);
      const parsed = parseDateTimeValue(value);
      if (!(parsed instanceof Date)) return fail(parsed.type, parsed.msg);
      if (future && parsed.getTime() <= Date.now()) return fail('datetime_future', 'Input should be in the future');
      return ok(parsed);
    },
  };
}

const INTEGER_TEXT = /^[+-]?\d+(?:_\d+)*(?:\.0+)?$/;

/** `int` with bounds: whole numbers, also as text (`" 5 "`, `"5.0"`, `"5_0"`), as pydantic accepts them. */
export function integer({ min, max }: { min?: number; max?: number } = {}): FieldType<number> {
  return {
    parse(value) {
      let number: number;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) return fail('finite_number', 'Input should be a finite number');
        if (!Number.isInteger(value)) return fail('int_from_float', 'Input should be a valid integer, got a number with a fractional part');
        number = value;
      } else if (typeof value === 'boolean') number = value ? 1 : 0;
      else if (typeof value === 'string') {
        const trimmed = value.trim();
        if (!INTEGER_TEXT.test(trimmed))
          return fail('int_parsing', 'Input should be a valid integer, unable to parse string as an integer');
        number = Number(trimmed.replace(/_/g, '').replace(/\.0+$/, ''));
      } else return fail('int_type', 'Input should be a valid integer');
      if (min !== undefined && number < min) return fail('greater_than_equal', `Input should be greater than or equal to ${min}`);
      if (max !== undefined && number > max) return fail('less_than_equal', `Input should be less than or equal to ${max}`);
      return ok(number);
    },
  };
}

const quoted = (values: readonly string[]) =>
  values.length === 1
    ? `'${values[0]}'`
    : `${values
        .slice(0, -1)
        .map((v) => `'${v}'`)
        .join(', ')} or '${values.at(-1)}'`;

/**
 * One of `allowed`: a `Literal` when the contract writes the values inline (`literal_error`), an `Enum`
 * when it names a schema for them (`enum`).
 */
export function oneOf<T extends string>(allowed: readonly T[], type: 'literal_error' | 'enum' = 'literal_error'): FieldType<T> {
  const msg = `Input should be ${quoted(allowed)}`;
  return {
    parse: (value) => (typeof value === 'string' && (allowed as readonly string[]).includes(value) ? ok(value as T) : fail(type, msg)),
  };
}

/**
 * `list[item]`, each bad item reported at its index; fewer than `minItems` items is `too_short`, more
 * than `maxItems` `too_long`, alone.
 */
export function list<T>(item: FieldType<T>, { minItems, maxItems }: { minItems?: number; maxItems?: number } = {}): FieldType<T[]> {
  return {
    isList: true,
    parse(value) {
      if (!Array.isArray(value)) return fail('list_type', 'Input should be a valid list');
      if (minItems !== undefined && value.length < minItems)
        return fail('too_short', `List should have at least ${plural(minItems, 'item')} after validation, not ${value.length}`);
      if (maxItems !== undefined && value.length > maxItems)
        return fail('too_long', `List should have at most ${plural(maxItems, 'item')} after validation, not ${value.length}`);
      const values: T[] = [];
      const issues: ValidationIssue[] = [];
      value.forEach((element, index) => {
        const parsed = item.parse(element);
        if (parsed.ok) values.push(parsed.value);
        else issues.push(...parsed.issues.map((issue) => ({ ...issue, loc: [index, ...issue.loc] })));
      });
      return issues.length > 0 ? { ok: false, issues } : ok(values);
    },
  };
}

/** `Optional[...]`: null is a value. */
export function nullable<T>(inner: FieldType<T>): FieldType<T | null> {
  return { isList: inner.isList, parse: (value) => (value === null ? ok(null) : inner.parse(value)) };
}
