import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../kernel/unit-of-work.js';
import type { Actor } from '../kernel/actor.js';
import { RequestValidationError } from '../common/validation/validation-issue.js';
import { IdempotencyKeyAlreadyUsed, IdempotencyKeyLimit } from './idempotency.errors.js';
import { IdempotencyStore } from './idempotency.store.js';

const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyOptions {
  /**
   * The response carries a secret shown only once (a token): it is never stored, so a retry is
   * answered 409 instead of a replay. The retry still creates nothing.
   */
  responseHasSecret?: boolean;
}

/**
 * Honours the `Idempotency-Key` header of a creating request (switched on per route by @Idempotent).
 * With a key, the request's work and the record of its key run in one transaction: the first request
 * stores its answer; a retry with the same key and body gets that answer back and creates nothing; a
 * concurrent retry waits for the first to finish; a failed request leaves no record, so its retry runs
 * again. Keys are scoped to the caller. Without a key, the work simply runs: nothing is added to the
 * request's cost.
 */
@Injectable()
export class Idempotency {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async run<T>(request: FastifyRequest, reply: FastifyReply, work: () => Promise<T>, options: IdempotencyOptions = {}): Promise<T> {
    const key = request.headers['idempotency-key'];
    if (key === undefined) return work();
    if (typeof key !== 'string' || !VALID_KEY.test(key)) {
      throw new RequestValidationError([
        { loc: ['header', 'idempotency-key'], msg: 'Idempotency-Key must be 1 to 255 visible ASCII characters', type: 'value_error' },
      ]);
    }
    const scope = scopeOf((request as FastifyRequest & { user: Actor }).user);
    const fingerprint = fingerprintOf(request);

    // The request's work runs inside this unit of work, and is part of it (see UnitOfWork).
    return this.unitOfWork.run('idempotent-request', async (tx) => {
      const first = await this.store.claim(tx, scope, key, fingerprint, this.config.idempotencyTtlHours);
      if (first) {
        if (first.fingerprint !== fingerprint) {
          throw new RequestValidationError([
            {
              loc: ['header', 'idempotency-key'],
              msg: 'This Idempotency-Key was already used with a different request',
              type: 'value_error',
            },
          ]);
        }
        if (options.responseHasSecret) throw new IdempotencyKeyAlreadyUsed();
        reply.status(first.statusCode).header('idempotent-replayed', 'true');
        if (first.location) reply.header('location', first.location);
        return first.body as T;
      }
      // A new key: the caller's stored keys (this one among them) are bounded.
      const limit = this.config.limits.idempotencyKeysPerCaller;
      const held = await this.store.held(scope, limit + 1);
      if (held.count > limit) {
        const seconds = Math.ceil(((held.firstExpiry?.getTime() ?? Date.now()) - Date.now()) / 1000);
        throw new IdempotencyKeyLimit(limit, Math.max(1, seconds));
      }
      const body = await work();
      const location = reply.getHeader('location');
      this.store.complete(tx, scope, key, {
        statusCode: reply.statusCode,
        body: options.responseHasSecret ? null : (body ?? null),
        location: typeof location === 'string' ? location : null,
      });
      return body;
    });
  }
}

/**
 * Keys belong to a caller and the reach of its credential: an access token never gets the replay of
 * what the same user's bearer token (or a token of another workspace, or another token) was answered.
 */
function scopeOf(actor: Actor): string {
  if (actor.restrictedToWorkspaceId !== undefined) return `workspace:${actor.restrictedToWorkspaceId}:user:${actor.userId}`;
  return actor.accessTokenId === undefined ? `user:${actor.userId}` : `access-token:${actor.accessTokenId}:user:${actor.userId}`;
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
