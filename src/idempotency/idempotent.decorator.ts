import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { StringErrorResponseDto } from '../common/http/error-response.dto.js';
import type { IdempotencyOptions } from './idempotency.js';
import { IDEMPOTENCY_OPTIONS, IdempotencyInterceptor } from './idempotency.interceptor.js';

/**
 * The one switch that makes a creating route honour `Idempotency-Key`: it documents the header and
 * runs the route through IdempotencyInterceptor (on this route only).
 */
export const Idempotent = (options: IdempotencyOptions = {}): MethodDecorator =>
  applyDecorators(
    SetMetadata(IDEMPOTENCY_OPTIONS, options),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes retries safe: a request repeated with the same key and body returns the first answer and creates nothing. ' +
        'Keys are per caller and kept at least 24 hours; reusing one with a different body is refused (422).' +
        (options.responseHasSecret ? ' The answer carries a secret shown once: a retry is refused (409) and creates nothing.' : ''),
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
    ...(options.responseHasSecret
      ? [
          ApiResponse({
            status: 409,
            description: 'This Idempotency-Key was already used: the secret is not shown again',
            type: StringErrorResponseDto,
          }),
        ]
      : []),
  );
