import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';
import { OutboxDeliverer, OutboxDeliverers, type OutboxDelivery } from '../outbox/domain/outbox.js';
import { EMAIL_TOPIC, type EmailMessage } from './email-message.js';

/** Anything shaped like an address, in a server's reply or a library's message. */
const ADDRESS = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/**
 * An SMTP failure as the outbox logs and keeps it (`last_error`): its code, the server's reply code and
 * the command it failed at, and the message with every address replaced. Addresses are personal data:
 * a refused recipient is named by the reply, the library's message and its `rejected` list.
 */
export function smtpFailure(error: unknown): Error {
  const { code, responseCode, command, message } = (error ?? {}) as {
    code?: unknown;
    responseCode?: unknown;
    command?: unknown;
    message?: unknown;
  };
  const parts = [typeof code === 'string' ? code : 'SMTP', typeof responseCode === 'number' ? String(responseCode) : undefined];
  const where = typeof command === 'string' ? ` at ${command}` : '';
  const text = (typeof message === 'string' ? message : String(error)).replace(ADDRESS, '<address>');
  return new Error(`${parts.filter(Boolean).join(' ')}${where}: ${text}`);
}

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
    private readonly dispatcher: OutboxDeliverers,
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
    try {
      await this.transport.sendMail({ from: this.config.smtp.from, to: email.to, subject: email.subject, text: email.text });
    } catch (error) {
      throw smtpFailure(error);
    }
  }
}
