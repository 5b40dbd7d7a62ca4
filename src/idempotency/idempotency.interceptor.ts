import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { Idempotency, type IdempotencyOptions } from './idempotency.js';

/** Where @Idempotent() keeps its options on the handler. */
export const IDEMPOTENCY_OPTIONS = Symbol('idempotency-options');

/**
 * Applied by @Idempotent() to its route only. A request without `Idempotency-Key` goes straight to the
 * handler; with one, the handler (and the pipes before it) run inside Idempotency.run.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: Idempotency,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (request.headers['idempotency-key'] === undefined) return next.handle();
    const options = this.reflector.get<IdempotencyOptions | undefined>(IDEMPOTENCY_OPTIONS, context.getHandler());
    return from(
      this.idempotency.run(
        request,
        http.getResponse<FastifyReply>(),
        () => lastValueFrom(next.handle(), { defaultValue: undefined }),
        options,
      ),
    );
  }
}
