/** The outbox topic of emails: its payloads are EmailMessages. */
export const EMAIL_TOPIC = 'email';

/** A plain-text email, as enqueued; the sender is the service's (SMTP_FROM). */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}
