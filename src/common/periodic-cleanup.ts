import type { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';

/**
 * A cleanup each replica runs on its own: once at start, then every `intervalMs`, one run at a time
 * (never overlapping), never keeping the process alive. A failed run is a warning, and the next run
 * comes as planned; shutdown waits for a run in progress, so that it never cuts one off. A subclass
 * says what it does, how often, where it logs, and does one run.
 */
export abstract class PeriodicCleanup implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected abstract readonly description: string;
  protected abstract readonly intervalMs: number;
  protected abstract readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  /** One run; returns a line worth logging, if any. */
  protected abstract cleanUp(): Promise<string | undefined>;

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.cleanUp()
        .then((line) => line && this.logger.log(line))
        .catch((error: unknown) => this.logger.warn(`Cannot ${this.description} (${String(error)}); trying again later`))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule(this.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}
