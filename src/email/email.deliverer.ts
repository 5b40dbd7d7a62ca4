import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';
import { OutboxDeliverer, type OutboxDelivery } from '../outbox/application/outbox.js';
import { OutboxDispatcher } from '../outbox/infrastructure/outbox-dispatcher.js';
import { EMAIL_TOPIC, type EmailMessage } from './email-message.js';

/** Bounds on one SMTP delivery, well within the outbox's lease. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Sends the outbox's emails over SMTP (SMTP_URL) with nodemailer. Without SMTP_URL (development)
 * each email is written to the log instead, readable, and counts as delivered.
 */
@Injectable()
export class EmailDeliverer extends OutboxDeliverer implements OnModuleInit, OnApplicationShutdown {
  readonly topic = EMAIL_TOPIC;
  private readonly logger = new Logger('Email');
  private readonly transport?: Transporter;

  constructor(
    private readonly config: AppConfig,
    private readonly dispatcher: OutboxDispatcher,
  ) {
    super();
    if (config.smtp.url) this.transport = createTransport({ url: config.smtp.url, ...SMTP_TIMEOUTS });
  }

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  async deliver({ payload }: OutboxDelivery): Promise<void> {
    const email = payload as EmailMessage;
    if (!this.transport) {
      this.logger.log({
        msg: `Email to ${email.to} (not sent: SMTP_URL is not set)`,
        to: email.to,
        subject: email.subject,
        text: email.text,
      });
      return;
    }
    await this.transport.sendMail({ from: this.config.smtp.from, to: email.to, subject: email.subject, text: email.text });
  }
}
