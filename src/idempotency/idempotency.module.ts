import { Global, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { PeriodicCleanup } from '../common/periodic-cleanup.js';
import { Idempotency } from './idempotency.js';
import { IDEMPOTENCY } from './idempotent.decorator.js';
import { IdempotencyStore } from './idempotency.store.js';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Deletes expired keys at start and once an hour (every replica does; deleting twice is harmless). */
@Injectable()
class IdempotencySweeper extends PeriodicCleanup {
  protected readonly description = 'sweep Idempotency-Keys';
  protected readonly intervalMs = SWEEP_EVERY_MS;
  protected readonly logger = new Logger('Idempotency');

  constructor(private readonly store: IdempotencyStore) {
    super();
  }

  protected async cleanUp(): Promise<string | undefined> {
    const count = await this.store.sweep();
    return count > 0 ? `Forgot ${count} expired Idempotency-Keys` : undefined;
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
