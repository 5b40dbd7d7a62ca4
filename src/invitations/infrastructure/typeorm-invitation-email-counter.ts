import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';
import { lockingManager } from '../../database/typeorm-unit-of-work.js';
import type { Transaction } from '../../kernel/unit-of-work.js';
import { InvitationEmailCounter, type EmailWindow } from '../domain/invitation-email-counter.js';

const subjectOf = (kind: 'address' | 'sender', value: string): string => createHash('sha256').update(`${kind}:${value}`).digest('hex');

@Injectable()
export class TypeOrmInvitationEmailCounter extends InvitationEmailCounter {
  constructor(private readonly db: Database) {
    super();
  }

  /**
   * One statement for both counts. The row lock each upsert takes serialises the invitations to one
   * address (and from one sender) until their transaction ends; the address is always locked first, so
   * two invitations never wait for each other in a cycle.
   */
  async count(
    tx: Transaction,
    mailboxKey: string,
    senderId: string,
    now: Date,
    windowMs: number,
  ): Promise<{ address: EmailWindow; sender: EmailWindow }> {
    const address = subjectOf('address', mailboxKey);
    const sender = subjectOf('sender', senderId);
    const manager = await lockingManager(tx);
    const rows = await manager.query<{ subject: string; window_start: Date; sent: number }[]>(
      `INSERT INTO invitation_email_counts AS c (subject, window_start, sent) VALUES ($1, $3, 1), ($2, $3, 1)
       ON CONFLICT (subject) DO UPDATE SET
         window_start = CASE WHEN c.window_start <= $3::timestamptz - make_interval(secs => $4) THEN EXCLUDED.window_start ELSE c.window_start END,
         sent = CASE WHEN c.window_start <= $3::timestamptz - make_interval(secs => $4) THEN 1 ELSE c.sent + 1 END
       RETURNING subject, window_start, sent`,
      [address, sender, now, windowMs / 1000],
    );
    const windowOf = (subject: string): EmailWindow => {
      const row = rows.find((candidate) => candidate.subject === subject)!;
      return { sent: Number(row.sent), startedAt: new Date(row.window_start) };
    };
    return { address: windowOf(address), sender: windowOf(sender) };
  }

  async forgetEnded(now: Date, windowMs: number): Promise<number> {
    const [, count] = await this.db.manager.query<[unknown, number]>(
      `DELETE FROM invitation_email_counts WHERE window_start <= $1::timestamptz - make_interval(secs => $2)`,
      [now, windowMs / 1000],
    );
    return Number(count ?? 0);
  }
}
