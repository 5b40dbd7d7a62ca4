import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '../../common/periodic-task.js';
import { AppConfig } from '../../config/app-config.js';
import { InvitationEmailCounter } from '../domain/invitation-email-counter.js';

const HOUR_MS = 60 * 60_000;

/** Forgets the email counts whose window has ended: at start, then every hour (every replica; twice is harmless). */
@Injectable()
export class InvitationEmailCountRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly task = new PeriodicTask('forget ended invitation email counts', HOUR_MS, new Logger('Invitations'), async () => {
    await this.counter.forgetEnded(new Date(), this.config.invitations.emailWindowHours * HOUR_MS);
    return undefined;
  });

  constructor(
    private readonly counter: InvitationEmailCounter,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }
}
