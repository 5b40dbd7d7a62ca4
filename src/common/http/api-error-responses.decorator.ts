import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { DomainError } from '../domain-error.js';
import { HttpValidationErrorDto, MessageListErrorResponseDto, StringErrorResponseDto } from './error-response.dto.js';
import { STATUS_OF_KIND } from './http-error.filter.js';

const DESCRIPTIONS = {
  401: 'Missing, invalid or expired credentials (`WWW-Authenticate` says which scheme)',
  403: 'Permission denied',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request body larger than BODY_LIMIT_BYTES',
  415: 'The body is not `application/json`',
  422: 'Validation Error',
  429: 'Too many failed authentications from this client; try again after `Retry-After` seconds',
  503: 'The database (or the identity provider) is unavailable; try again after `Retry-After` seconds',
} as const;

type ErrorStatus = keyof typeof DESCRIPTIONS;

/** A status answered `{"detail": "..."}` (422: the validation body), or a domain error the route raises. */
type DocumentedError = ErrorStatus | (new () => DomainError);

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } };

/**
 * Documents the error responses of an operation, each with the body the filter really sends: a
 * domain error class gives its status and its shape (a message, or the reference's list of messages);
 * when errors of both shapes share a status, the body is either.
 */
export function ApiErrorResponses(...errors: DocumentedError[]): MethodDecorator & ClassDecorator {
  const shapes = new Map<number, Set<new () => unknown>>();
  for (const error of errors) {
    const [status, shape] =
      typeof error === 'number' ? [error, error === 422 ? HttpValidationErrorDto : StringErrorResponseDto] : shapeOf(new error());
    shapes.set(status, (shapes.get(status) ?? new Set()).add(shape));
  }
  return applyDecorators(
    ApiExtraModels(StringErrorResponseDto, MessageListErrorResponseDto),
    ...[...shapes].map(([status, types]) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status as ErrorStatus],
        ...(types.size === 1 ? { type: [...types][0] } : { schema: { anyOf: [...types].map((type) => ({ $ref: getSchemaPath(type) })) } }),
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      }),
    ),
  );
}

function shapeOf(error: DomainError): [number, new () => unknown] {
  return [STATUS_OF_KIND[error.kind], error.detailAsList ? MessageListErrorResponseDto : StringErrorResponseDto];
}

/** A required JSON body, with what happens to a body that is too large or not JSON. */
export function ApiJsonBody(type: new () => unknown): MethodDecorator {
  return applyDecorators(ApiBody({ type, required: true }), ApiErrorResponses(413, 415));
}
