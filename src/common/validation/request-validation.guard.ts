import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { FastifyRequest } from 'fastify';
import { fieldsOf, validateRequestPart } from './field.decorator.js';
import { RequestValidationError, type ValidationIssue } from './validation-issue.js';

type Location = 'path' | 'query' | 'body';
type RequestKey = 'params' | 'query' | 'body';

interface Part {
  location: Location;
  key: RequestKey;
  dto: abstract new (...args: never[]) => object;
}

/** FastAPI's order: path, query, then body problems, all in one answer. */
const PARTS: [RouteParamtypes, Location, RequestKey][] = [
  [RouteParamtypes.PARAM, 'path', 'params'],
  [RouteParamtypes.QUERY, 'query', 'query'],
  [RouteParamtypes.BODY, 'body', 'body'],
];

/**
 * Validates a request's path, query and body together, against the DTO classes of the handler's
 * @Param(), @Query() and @Body() (those with @Field properties), and answers every problem at once in
 * FastAPI's shape, as the reference API does; a valid part is replaced by its DTO instance, with values
 * converted (a UUID in canonical form, a date-time as a Date), which the decorators then hand over.
 *
 * A guard rather than a pipe, because Nest runs a pipe per parameter and the first failure would end
 * the request; registered after the authentication guard (ValidationModule is imported after
 * AuthModule), so that a request without credentials gets 401 before its input is judged, as in FastAPI.
 */
@Injectable()
export class RequestValidationGuard implements CanActivate {
  private readonly plans = new WeakMap<object, Part[]>();

  canActivate(context: ExecutionContext): boolean {
    const parts = this.partsOf(context.getClass(), context.getHandler());
    if (parts.length === 0) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>() as unknown as Record<RequestKey, unknown>;
    const issues: ValidationIssue[] = [];
    const values: [RequestKey, object][] = [];
    for (const part of parts) {
      const raw = part.location === 'query' ? lastOrAll(part.dto, request.query as Record<string, unknown>) : request[part.key];
      const result = validateRequestPart(part.dto, raw, part.location);
      if (result.ok) values.push([part.key, result.value]);
      else issues.push(...result.issues);
    }
    if (issues.length > 0) throw new RequestValidationError(issues);
    for (const [key, value] of values) request[key] = value;
    return true;
  }

  private partsOf(controller: object, handler: object & { name: string }): Part[] {
    let parts = this.plans.get(handler);
    if (!parts) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<string, { index: number }>;
      const types = (Reflect.getMetadata('design:paramtypes', (controller as { prototype: object }).prototype, handler.name) ??
        []) as unknown[];
      parts = PARTS.flatMap(([paramtype, location, key]) => {
        const entry = Object.entries(args).find(([name]) => name.split(':')[0] === String(paramtype));
        const dto = entry ? types[entry[1].index] : undefined;
        return fieldsOf(dto) ? [{ location, key, dto: dto as Part['dto'] }] : [];
      });
      this.plans.set(handler, parts);
    }
    return parts;
  }
}

/** A query parameter declared as a list collects every value; any other takes the last (Starlette's `get`). */
function lastOrAll(dto: unknown, query: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, field] of fieldsOf(dto) ?? []) {
    const value = query[name];
    if (value === undefined) continue;
    result[name] = field.type.isList ? (Array.isArray(value) ? value : [value]) : Array.isArray(value) ? value.at(-1) : value;
  }
  return result;
}
