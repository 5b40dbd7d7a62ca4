import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StringErrorResponseDto } from '../common/http/error-response.dto.js';
import type { Idempotency, IdempotencyOptions } from './idempotency.js';

/** The name under which each application's Idempotency is reachable from its requests (IdempotencyModule). */
export const IDEMPOTENCY = 'idempotency';

interface IdempotentCall {
  request: FastifyRequest & { [IDEMPOTENCY]: Idempotency };
  reply: FastifyReply;
}

/** Hands the wrapped handler its request and reply, in an argument of its own after the handler's. */
const CallOf = createParamDecorator((_data: unknown, context: ExecutionContext): IdempotentCall => {
  const http = context.switchToHttp();
  return { request: http.getRequest(), reply: http.getResponse() };
});

/**
 * Wraps the handler (after guards and pipes, as a handler would call it) in Idempotency.run. A plain
 * function around a function: no rxjs and no interceptor chain on the route's requests. Metadata the
 * decorators below it put on the original handler is carried over to the wrapper.
 */
function runIdempotently(options: IdempotencyOptions): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as unknown as (...args: unknown[]) => Promise<unknown>;
    const position = handler.length;
    CallOf()(target, key, position);
    const wrapper = function (this: unknown, ...args: unknown[]): Promise<unknown> {
      const { request, reply } = args[position] as IdempotentCall;
      return request[IDEMPOTENCY].run(request, reply, () => handler.apply(this, args.slice(0, position)), options);
    };
    for (const metadataKey of Reflect.getMetadataKeys(handler) as unknown[]) {
      Reflect.defineMetadata(metadataKey, Reflect.getMetadata(metadataKey, handler), wrapper);
    }
    Object.defineProperty(wrapper, 'name', { value: handler.name });
    descriptor.value = wrapper as unknown as typeof descriptor.value;
    return descriptor;
  };
}

/**
 * The one switch that makes a creating route honour `Idempotency-Key`: it documents the header and
 * runs the handler through Idempotency.run (on this route only).
 */
export const Idempotent = (options: IdempotencyOptions = {}): MethodDecorator =>
  applyDecorators(
    runIdempotently(options),
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
