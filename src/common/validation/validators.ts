import { isEmail, ValidateBy, type ValidationOptions } from 'class-validator';
import { characterLength } from '../character-length.js';

/*
 * Validators named after pydantic's error types: the constraint's name is the `type` a client sees,
 * and its message is the `msg`. RequestValidationPipe turns them into FastAPI's 422 body.
 */

/** The property must be present (null is a wrong type, not a missing field). */
export function Required(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'missing', validator: { validate: (value) => value !== undefined, defaultMessage: () => 'Field required' } }, options);
}

export function IsStringValue(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'string_type', validator: { validate: (value) => typeof value === 'string', defaultMessage: () => 'Input should be a valid string' } },
    options,
  );
}

/** Length in Unicode characters, not UTF-16 units: "🙂" is one character. */
export function CharacterLength(min: number, max: number): PropertyDecorator {
  const plural = (n: number) => (n === 1 ? 'character' : 'characters');
  const tooShort = ValidateBy({
    name: 'string_too_short',
    constraints: [min],
    validator: {
      validate: (value) => typeof value !== 'string' || characterLength(value) >= min,
      defaultMessage: () => `String should have at least ${min} ${plural(min)}`,
    },
  });
  const tooLong = ValidateBy({
    name: 'string_too_long',
    constraints: [max],
    validator: {
      validate: (value) => typeof value !== 'string' || characterLength(value) <= max,
      defaultMessage: () => `String should have at most ${max} ${plural(max)}`,
    },
  });
  return (target, key) => {
    tooShort(target, key);
    tooLong(target, key);
  };
}

export function IsEmailAddress(): PropertyDecorator {
  return ValidateBy({
    name: 'value_error',
    validator: {
      validate: (value) => typeof value !== 'string' || isEmail(value),
      defaultMessage: () => 'value is not a valid email address',
    },
  });
}
