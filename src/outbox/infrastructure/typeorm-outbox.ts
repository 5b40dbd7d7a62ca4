import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';
import { Outbox, type OutboxDelivery } from '../application/outbox.js';
import { OutboxMessageOrmEntity } from './outbox-message.orm-entity.js';

export interface OutboxCounts {
  topic: string;
  /** Waiting to be delivered (due or not). */
  pending: number;
  /** Given up on after the last attempt. */
  abandoned: number;
}

/** Longest error text kept on a message. */
const ERROR_MAX_LENGTH = 1_000;

/**
 * The outbox table: enqueue (inside the caller's transaction) and what the dispatcher needs to claim,
 * settle and count messages.
 */
@Injectable()
export class TypeOrmOutbox extends Outbox {
  constructor(private readonly db: Database) {
    super();
  }

  async enqueue(topic: string, payload: object): Promise<void> {
    await this.db.manager.insert(OutboxMessageOrmEntity, { id: randomUUID(), topic, payload });
  }

  /**
   * Claims up to `limit` due messages of `topics` for `leaseMs`: they are due again only when the lease
   * ends without being settled (the claiming process stopped). SKIP LOCKED lets replicas claim side by
   * side, never the same message.
   */
  async claimDue(topics: readonly string[], limit: number, leaseMs: number): Promise<OutboxDelivery[]> {
    if (topics.length === 0) return [];
    const rows: { id: string; topic: string; payload: unknown; attempts: number }[] = await this.db.manager.query(
      // As a CTE, so that the driver answers the rows (for a bare UPDATE it answers [rows, count]).
      `WITH claimed AS (
         UPDATE outbox_messages SET attempts = attempts + 1, next_attempt_at = now() + $2 * interval '1 millisecond'
         WHERE id IN (
           SELECT id FROM outbox_messages WHERE failed_at IS NULL AND next_attempt_at <= now() AND topic = ANY($3)
           ORDER BY next_attempt_at, created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id, topic, payload, attempts, created_at)
       SELECT * FROM claimed ORDER BY created_at, id`,
      [limit, leaseMs, topics],
    );
    return rows.map((row) => ({ id: row.id, topic: row.topic, payload: row.payload, attempt: row.attempts }));
  }

  async delivered(id: string): Promise<void> {
    await this.db.manager.delete(OutboxMessageOrmEntity, { id });
  }

  async retryLater(id: string, delayMs: number, error: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE outbox_messages SET next_attempt_at = now() + $2 * interval '1 millisecond', last_error = $3 WHERE id = $1`,
      [id, delayMs, error.slice(0, ERROR_MAX_LENGTH)],
    );
  }

  async abandon(id: string, error: string): Promise<void> {
    await this.db.manager.query(`UPDATE outbox_messages SET failed_at = now(), last_error = $2 WHERE id = $1`, [
      id,
      error.slice(0, ERROR_MAX_LENGTH),
    ]);
  }

  async counts(): Promise<OutboxCounts[]> {
    const rows: { topic: string; pending: string; abandoned: string }[] = await this.db.manager.query(
      `SELECT topic, count(*) FILTER (WHERE failed_at IS NULL) AS pending, count(*) FILTER (WHERE failed_at IS NOT NULL) AS abandoned
       FROM outbox_messages GROUP BY topic`,
    );
    return rows.map((row) => ({ topic: row.topic, pending: Number(row.pending), abandoned: Number(row.abandoned) }));
  }
}
