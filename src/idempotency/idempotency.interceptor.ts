import { createHash } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { Principal } from '../auth/principal.js';
import { AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { RequestValidationError } from '../common/validation/validation-issue.js';
import { IdempotencyKeyAlreadyUsed } from './idempotency.errors.js';
import { IdempotencyStore } from './idempotency.store.js';
import { IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from './idempotency.options.js';

const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs the request and the record of its key in one transaction. The first request with a key
 * stores its answer; a retry with the same key and body gets that answer back and creates nothing;
 * a concurrent retry waits for the first to finish; a failed request leaves no record, so its retry
 * runs again. Keys are scoped to the caller.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user: Principal }>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !VALID_KEY.test(key)) {
      throw new RequestValidationError([
        { loc: ['header', 'idempotency-key'], msg: 'Idempotency-Key must be 1 to 255 visible ASCII characters', type: 'value_error' },
      ]);
    }
    const options = this.reflector.get<IdempotencyOptions>(IDEMPOTENCY_OPTIONS, context.getHandler()) ?? {};
    const reply = http.getResponse<FastifyReply>();
    const scope = request.user.userId;
    const fingerprint = fingerprintOf(request);

    return from(
      this.db.transaction(async () => {
        const first = await this.store.claim(scope, key, fingerprint, this.config.idempotencyTtlHours);
        if (first) {
          if (first.fingerprint !== fingerprint) {
            throw new RequestValidationError([
              { loc: ['header', 'idempotency-key'], msg: 'This Idempotency-Key was already used with a different request', type: 'value_error' },
            ]);
          }
          if (options.responseHasSecret) throw new IdempotencyKeyAlreadyUsed();
          reply.status(first.statusCode).header('idempotent-replayed', 'true');
          if (first.location) reply.header('location', first.location);
          return first.body;
        }
        const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        const location = reply.getHeader('location');
        await this.store.complete(scope, key, {
          statusCode: reply.statusCode,
          body: options.responseHasSecret ? null : (body ?? null),
          location: typeof location === 'string' ? location : null,
        });
        return body;
      }),
    );
  }
}

/** The same request: method, path (with its ids) and body, whatever the order of the body's keys. */
function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url.split('?')[0]}\n${canonicalJson(request.body)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
