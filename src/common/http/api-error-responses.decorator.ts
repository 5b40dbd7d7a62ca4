import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { HttpValidationErrorDto, StringErrorResponseDto } from './error-response.dto.js';

const DESCRIPTIONS: Record<number, string> = {
  401: 'Missing, invalid or expired credentials',
  403: 'Permission denied',
  404: 'Not found',
  409: 'Conflict',
  422: 'Validation Error',
};

/** Documents the error responses of an operation, each with the body the filter really sends. */
export function ApiErrorResponses(...statuses: (401 | 403 | 404 | 409 | 422)[]): MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        type: status === 422 ? HttpValidationErrorDto : StringErrorResponseDto,
      }),
    ),
  );
}
