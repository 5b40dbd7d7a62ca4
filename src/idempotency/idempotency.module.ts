import { Global, Injectable, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Idempotency } from './idempotency.js';
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

@Global()
@Module({ providers: [IdempotencyStore, Idempotency, IdempotencySweeper], exports: [Idempotency] })
export class IdempotencyModule {}
