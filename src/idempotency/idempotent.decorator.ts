import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from './idempotency.options.js';

/** Honours an `Idempotency-Key` header: a retry with the same key and body gets the first answer. */
export const Idempotent = (options: IdempotencyOptions = {}): MethodDecorator =>
  applyDecorators(
    SetMetadata(IDEMPOTENCY_OPTIONS, options),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes retries safe: a request repeated with the same key and body returns the first answer and creates nothing. ' +
        'Keys are per caller and kept at least 24 hours; reusing one with a different body is refused (422).',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
  );
