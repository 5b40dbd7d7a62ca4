import { Injectable } from '@nestjs/common';

/** Set when the process starts shutting down: readiness reports down from then on. */
@Injectable()
export class ShutdownState {
  private shuttingDown = false;

  begin(): void {
    this.shuttingDown = true;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }
}
