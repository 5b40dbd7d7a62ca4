import { Injectable, Logger } from '@nestjs/common';
import { PeriodicCleanup } from '../../common/periodic-cleanup.js';
import { AppConfig } from '../../config/app-config.js';
import { InvitationEmailCounter } from '../domain/invitation-email-counter.js';

const HOUR_MS = 60 * 60_000;

/** Forgets the email counts whose window has ended: at start, then every hour (every replica; twice is harmless). */
@Injectable()
export class InvitationEmailCountRetention extends PeriodicCleanup {
  protected readonly description = 'forget ended invitation email counts';
  protected readonly intervalMs = HOUR_MS;
  protected readonly logger = new Logger('Invitations');

  constructor(
    private readonly counter: InvitationEmailCounter,
    private readonly config: AppConfig,
  ) {
    super();
  }

  protected async cleanUp(): Promise<undefined> {
    await this.counter.forgetEnded(new Date(), this.config.invitations.emailWindowHours * HOUR_MS);
    return undefined;
  }
}
