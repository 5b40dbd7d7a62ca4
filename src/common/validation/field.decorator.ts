import type { FieldType } from './field-types.js';
import type { ValidationIssue } from './validation-issue.js';

interface FieldSpec {
  type: FieldType;
  required: boolean;
}

type DtoClass = abstract new (...args: never[]) => object;

const fieldsOfClass = new WeakMap<object, Map<string, FieldSpec>>();

/**
 * A request field of type `type` (see field-types.ts): the one declaration of its rule, which
 * validateRequestPart applies (each value parsed once, into its converted value).
 */
export function Field(type: FieldType, { required = false }: { required?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    const fields = fieldsOfClass.get(target.constructor) ?? new Map<string, FieldSpec>();
    fieldsOfClass.set(target.constructor, fields.set(String(key), { type, required }));
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

/**
 * The DTO's fields read from `raw` (its own properties only; unknown ones are dropped), each parsed by
 * its type, in declaration order (those of a parent class first, as pydantic orders a model's fields).
 */
function validateFields<T extends object>(dto: DtoClass, raw: object): PartResult<T> {
  const instance = Object.create(dto.prototype as object) as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  for (const [name, { type, required }] of fieldsOf(dto) ?? []) {
    const value = Object.hasOwn(raw, name) ? (raw as Record<string, unknown>)[name] : undefined;
    if (value === undefined) {
      if (required) issues.push({ loc: [name], msg: 'Field required', type: 'missing' });
      continue;
    }
    const parsed = type.parse(value);
    if (parsed.ok) instance[name] = parsed.value;
    else for (const issue of parsed.issues) issues.push({ ...issue, loc: [name, ...issue.loc] });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: instance as T };
}
