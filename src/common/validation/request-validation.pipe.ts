import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { RequestValidationError, type ValidationIssue } from './validation-issue.js';

const LOCATION: Partial<Record<ArgumentMetadata['type'], string>> = { body: 'body', query: 'query', param: 'path' };

/** When a value fails several rules, the client hears of the most basic one, as pydantic reports it. */
const PRIORITY = ['missing', 'string_type', 'list_type', 'int_parsing'];

/**
 * Validates a request part against its DTO class and answers problems in FastAPI's shape.
 * No type coercion: a number sent for a string is an error, never silently converted.
 * Unknown properties are dropped, as the reference API ignores them. Every rule is synchronous, so
 * validation runs without promises.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const location = LOCATION[metadata.type];
    const dto = metadata.metatype;
    if (!location || !dto || !hasValidationRules(dto)) return value;

    if (value === undefined || value === null) {
      throw new RequestValidationError([{ loc: [location], msg: 'Field required', type: 'missing' }]);
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new RequestValidationError([
        { loc: [location], msg: 'Input should be a valid dictionary or object to extract fields from', type: 'model_attributes_type' },
      ]);
    }
    const instance = plainToInstance(dto, value) as object;
    const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: false });
    if (errors.length > 0) throw new RequestValidationError(toIssues(errors, [location]));
    return instance;
  }
}

type DtoClass = abstract new (...args: never[]) => unknown;

const validated = new WeakMap<DtoClass, boolean>();

/** Whether the class declares any rule; asked once per class, not per request. */
function hasValidationRules(dto: DtoClass): boolean {
  let known = validated.get(dto);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false).length > 0;
    validated.set(dto, known);
  }
  return known;
}

function toIssues(errors: ValidationError[], parent: (string | number)[]): ValidationIssue[] {
  return errors.flatMap((error) => {
    const loc = [...parent, error.property];
    const own: ValidationIssue[] = [];
    if (error.constraints) {
      const types = Object.keys(error.constraints);
      const type = PRIORITY.find((t) => types.includes(t)) ?? types[0];
      own.push({ loc, msg: error.constraints[type], type });
    }
    return [...own, ...toIssues(error.children ?? [], loc)];
  });
}
