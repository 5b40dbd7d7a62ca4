import { plainToInstance } from 'class-transformer';
import { ValidateBy, validateSync } from 'class-validator';
import type { FieldType } from './field-types.js';
import type { ValidationIssue } from './validation-issue.js';

interface FieldSpec {
  type: FieldType;
  required: boolean;
}

type DtoClass = abstract new (...args: never[]) => object;

const fieldsOfClass = new WeakMap<object, Map<string, FieldSpec>>();

/** What validating one instance found: the problems, and the converted value of each good field. */
interface Outcome {
  issues: ValidationIssue[];
  values: Map<string, unknown>;
}
const outcomes = new WeakMap<object, Outcome>();

/**
 * A request field of type `type` (see field-types.ts). A class-validator rule: it records the
 * field's problems (with their paths) or its converted value for validateRequestPart, so that each value
 * is parsed once.
 */
export function Field(type: FieldType, { required = false }: { required?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    const name = String(key);
    const fields = fieldsOfClass.get(target.constructor) ?? new Map<string, FieldSpec>();
    fieldsOfClass.set(target.constructor, fields.set(name, { type, required }));
    ValidateBy({
      name: 'field',
      validator: {
        validate(value: unknown, args) {
          const outcome: Outcome = outcomes.get(args!.object) ?? { issues: [], values: new Map() };
          outcomes.set(args!.object, outcome);
          if (value === undefined) {
            if (required) outcome.issues.push({ loc: [name], msg: 'Field required', type: 'missing' });
            return !required;
          }
          const parsed = type.parse(value);
          if (parsed.ok) outcome.values.set(name, parsed.value);
          else outcome.issues.push(...parsed.issues.map((issue) => ({ ...issue, loc: [name, ...issue.loc] })));
          return parsed.ok;
        },
      },
    })(target, key);
  };
}

const withInherited = new WeakMap<object, ReadonlyMap<string, FieldSpec> | undefined>();

/**
 * The fields a class declares with @Field, and those of the classes it extends (theirs first), in
 * declaration order; undefined for a class with none. Worked out once per class.
 */
export function fieldsOf(dto: unknown): ReadonlyMap<string, FieldSpec> | undefined {
  if (typeof dto !== 'function') return undefined;
  if (withInherited.has(dto)) return withInherited.get(dto);
  const parent: unknown = Object.getPrototypeOf(dto);
  const inherited = parent === Function.prototype ? undefined : fieldsOf(parent);
  const own = fieldsOfClass.get(dto);
  const fields = inherited && own ? new Map([...inherited, ...own]) : (own ?? inherited);
  withInherited.set(dto, fields);
  return fields;
}

export type PartResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/**
 * Validates one part of a request (`location`: path, query or body) against its DTO class, as
 * FastAPI validates a model: all problems at once, unknown properties ignored (and dropped).
 */
export function validateRequestPart<T extends object>(dto: DtoClass, raw: unknown, location: string): PartResult<T> {
  if (raw === undefined || raw === null) return { ok: false, issues: [{ loc: [location], msg: 'Field required', type: 'missing' }] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    const msg = 'Input should be a valid dictionary or object to extract fields from';
    return { ok: false, issues: [{ loc: [location], msg, type: 'model_attributes_type' }] };
  }
  const result = validateFields<T>(dto, raw);
  return result.ok ? result : { ok: false, issues: result.issues.map((issue) => ({ ...issue, loc: [location, ...issue.loc] })) };
}

/** A field holding a model of its own (pydantic's nested BaseModel, named `title` in its messages): problems at their paths inside it. */
export function model<T extends object>(dto: DtoClass, title: string): FieldType<T> {
  return {
    parse(value) {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return { ok: false, issues: [{ loc: [], msg: `Input should be a valid dictionary or instance of ${title}`, type: 'model_type' }] };
      return validateFields<T>(dto, value);
    },
  };
}

function validateFields<T extends object>(dto: DtoClass, raw: object): PartResult<T> {
  const instance = plainToInstance(dto as new () => T, raw);
  const failed = validateSync(instance, { whitelist: true, forbidUnknownValues: false }).length > 0;
  const outcome = outcomes.get(instance);
  outcomes.delete(instance);
  if (failed) return { ok: false, issues: outcome?.issues ?? [] };
  for (const [name, value] of outcome?.values ?? []) (instance as Record<string, unknown>)[name] = value;
  return { ok: true, value: instance };
}
