import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiResponse } from '@nestjs/swagger';
import { HttpValidationErrorDto, StringErrorResponseDto } from './error-response.dto.js';

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

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } };

/** Documents the error responses of an operation, each with the body the filter really sends. */
export function ApiErrorResponses(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        type: status === 422 ? HttpValidationErrorDto : StringErrorResponseDto,
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      }),
    ),
  );
}

/** A required JSON body, with what happens to a body that is too large or not JSON. */
export function ApiJsonBody(type: new () => unknown): MethodDecorator {
  return applyDecorators(ApiBody({ type, required: true }), ApiErrorResponses(413, 415));
}
