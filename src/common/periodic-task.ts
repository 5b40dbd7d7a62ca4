import type { Logger } from '@nestjs/common';

/**
 * A cleanup each replica runs on its own: once at start, then every `intervalMs`, one run at a time
 * (never overlapping), never keeping the process alive. A failed run is a warning, and the next run
 * comes as planned; stop() waits for a run in progress, so that shutdown never cuts one off.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly what: string,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    /** Returns a line worth logging, if any. */
    private readonly run: () => Promise<string | undefined>,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.run()
        .then((line) => line && this.logger.log(line))
        .catch((error: unknown) => this.logger.warn(`Cannot ${this.what} (${String(error)}); trying again later`))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule(this.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}
