import { Transform } from 'class-transformer';
import { isEmail, isUUID, ValidateBy, type ValidationOptions } from 'class-validator';
import { characterLength } from '../character-length.js';
import { parseDateTime } from './date-time.js';
import { isStorableText, textProblem, type TextProblem } from '../text.js';

/*
 * Validators named after pydantic's error types: the constraint's name is the `type` a client sees,
 * and its message is the `msg`. RequestValidationPipe turns them into FastAPI's 422 body.
 * All but Required pass over undefined, so optional fields need no @IsOptional to be skipped when absent.
 */

function rule(type: string, message: string, validate: (value: unknown) => boolean, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: type, validator: { validate, defaultMessage: () => message } }, options);
}

const absentOr = (check: (value: unknown) => boolean) => (value: unknown) => value === undefined || check(value);

/** The property must be present (null is a wrong type, not a missing field). */
export const Required = (): PropertyDecorator => rule('missing', 'Field required', (value) => value !== undefined);

const UNICODE_MESSAGE = 'Input should be a valid string, unable to parse raw data as a unicode string';
const NUL_MESSAGE = 'Value error, text must not contain the NUL character (U+0000)';

/**
 * A string, and one that can be stored and read back unchanged (see common/text.ts): a lone surrogate
 * is pydantic's `string_unicode`; NUL, which pydantic accepts but PostgreSQL cannot store, a `value_error`.
 */
export const IsStringValue = (): PropertyDecorator => (target, key) => {
  rule(
    'string_type',
    'Input should be a valid string',
    absentOr((value) => typeof value === 'string'),
  )(target, key);
  storable(target, key);
};

const textIs = (problem: TextProblem) => (value: unknown) =>
  (Array.isArray(value) ? value : [value]).every((item) => typeof item !== 'string' || textProblem(item) !== problem);

/** Checks a string, or each string of a list. */
const storable: PropertyDecorator = (target, key) => {
  rule('string_unicode', UNICODE_MESSAGE, textIs('malformed_unicode'))(target, key);
  rule('value_error', NUL_MESSAGE, textIs('nul'))(target, key);
};

/** Length in Unicode characters, not UTF-16 units: "🙂" is one character. */
export function CharacterLength(min: number, max: number): PropertyDecorator {
  const plural = (n: number) => (n === 1 ? 'character' : 'characters');
  const length = (value: unknown) => (typeof value === 'string' ? characterLength(value) : undefined);
  const tooShort = rule('string_too_short', `String should have at least ${min} ${plural(min)}`, (value) => (length(value) ?? min) >= min);
  const tooLong = rule('string_too_long', `String should have at most ${max} ${plural(max)}`, (value) => (length(value) ?? max) <= max);
  return (target, key) => {
    tooShort(target, key);
    tooLong(target, key);
  };
}

/** Judged only on well-formed text (the string rules report the rest). */
export const IsEmailAddress = (): PropertyDecorator =>
  rule(
    'value_error',
    'value is not a valid email address',
    (value) => typeof value !== 'string' || !isStorableText(value) || isEmail(value),
  );

export const IsUuidValue = (): PropertyDecorator =>
  rule(
    'uuid_parsing',
    'Input should be a valid UUID',
    absentOr((value) => typeof value === 'string' && isUUID(value, 'all')),
  );

/** Every element of the list is a string that can be stored. */
export const EachString = (): PropertyDecorator => (target, key) => {
  rule(
    'string_type',
    'Input should be a valid string',
    absentOr((value) => Array.isArray(value) && value.every((item) => typeof item === 'string')),
  )(target, key);
  storable(target, key);
};

/** Every element of the list is a UUID. */
export const EachUuid = (): PropertyDecorator =>
  rule(
    'uuid_parsing',
    'Input should be a valid UUID',
    absentOr((value) => Array.isArray(value) && value.every((item) => typeof item === 'string' && isUUID(item, 'all'))),
  );

export const IsDateTimeValue = (): PropertyDecorator =>
  rule(
    'datetime_parsing',
    'Input should be a valid datetime (ISO 8601)',
    (value) => value === undefined || value === null || (typeof value === 'string' && parseDateTime(value) !== null),
  );

export const IsListValue = (): PropertyDecorator => rule('list_type', 'Input should be a valid list', absentOr(Array.isArray));

export const MaxItems = (max: number): PropertyDecorator =>
  rule('too_long', `List should have at most ${max} item${max === 1 ? '' : 's'}`, (value) => !Array.isArray(value) || value.length <= max);

const quoted = (values: readonly string[]) =>
  values.length === 1
    ? `'${values[0]}'`
    : `${values
        .slice(0, -1)
        .map((v) => `'${v}'`)
        .join(', ')} or '${values.at(-1)}'`;

/** The value (or, for a list, each element) is one of `allowed`. */
export function OneOf(allowed: readonly string[], type: 'enum' | 'literal_error' = 'enum'): PropertyDecorator {
  const ok = (item: unknown) => typeof item === 'string' && allowed.includes(item);
  return rule(
    `${type}`,
    `Input should be ${quoted(allowed)}`,
    absentOr((value) => (Array.isArray(value) ? value.every(ok) : ok(value))),
  );
}

export function IntegerValue(min: number, max: number): PropertyDecorator {
  const parse = rule('int_parsing', 'Input should be a valid integer', absentOr(Number.isInteger));
  const low = rule(
    'greater_than_equal',
    `Input should be greater than or equal to ${min}`,
    (value) => typeof value !== 'number' || value >= min,
  );
  const high = rule(
    'less_than_equal',
    `Input should be less than or equal to ${max}`,
    (value) => typeof value !== 'number' || value <= max,
  );
  return (target, key) => {
    parse(target, key);
    low(target, key);
    high(target, key);
  };
}

/** Query strings: a repeated parameter arrives as a list, a single one as a string; always make it a list. */
export const AsList = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === undefined || Array.isArray(value) ? value : [value]));

/** Query strings: digits become a number (as FastAPI parses integer parameters); anything else stays to be refused. */
export const AsInteger = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value));
