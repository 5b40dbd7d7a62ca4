import { Global, Injectable, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { Idempotency } from './idempotency.js';
import { IDEMPOTENCY } from './idempotent.decorator.js';
import { IdempotencyStore } from './idempotency.store.js';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Deletes expired keys once an hour (every replica does; deleting twice is harmless). */
@Injectable()
class IdempotencySweeper implements OnModuleInit, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly store: IdempotencyStore) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.store.sweep().then(
        (count) => count > 0 && this.logger.log(`Forgot ${count} expired Idempotency-Keys`),
        (error: unknown) => this.logger.warn(`Sweeping Idempotency-Keys failed: ${String(error)}`),
      );
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

/** Makes this application's Idempotency reachable from its requests, for the routes marked @Idempotent(). */
@Injectable()
class IdempotencyOnRequests implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly idempotency: Idempotency,
  ) {}

  onModuleInit(): void {
    const idempotency = this.idempotency;
    this.adapterHost.httpAdapter.getInstance<FastifyInstance>().decorateRequest(IDEMPOTENCY, { getter: () => idempotency });
  }
}

@Global()
@Module({ providers: [IdempotencyStore, Idempotency, IdempotencySweeper, IdempotencyOnRequests], exports: [Idempotency] })
export class IdempotencyModule {}
