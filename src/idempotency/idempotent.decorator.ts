import { ApiHeader } from '@nestjs/swagger';

/**
 * Documents the `Idempotency-Key` header of a creating route; the handler honours it by running its
 * work through `Idempotency.run`.
 */
export const Idempotent = (): MethodDecorator =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Makes retries safe: a request repeated with the same key and body returns the first answer and creates nothing. ' +
      'Keys are per caller and kept at least 24 hours; reusing one with a different body is refused (422).',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  });
