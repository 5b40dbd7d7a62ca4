import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';
import type { RowBatch } from '../../database/row-statements.js';
import { store } from '../../database/typeorm-unit-of-work.js';
import type { Transaction } from '../../kernel/unit-of-work.js';
import { Outbox, type OutboxCounts, type OutboxDelivery, type OutboxMessageOptions } from '../domain/outbox.js';
import { OutboxMessageOrmEntity } from './outbox-message.orm-entity.js';

/** Longest error text kept on a message. */
const ERROR_MAX_LENGTH = 1_000;
/** The advisory lock that makes replicas claim one after another (see claimDue). */
const CLAIM_LOCK = 7_316_410_001;

/**
 * The outbox table: enqueue (inside the caller's transaction) and what the dispatcher needs to claim,
 * settle and count messages.
 */
@Injectable()
export class TypeOrmOutbox extends Outbox {
  constructor(private readonly db: Database) {
    super();
  }

  enqueue(tx: Transaction, topic: string, payload: object, options: OutboxMessageOptions = {}): void {
    store(tx, { batches: [this.rows(topic, [{ payload, ...options }])] });
  }

  /** Outbox rows for messages of `topic`, for a repository that writes them in the statement of its change. */
  rows(topic: string, messages: readonly ({ payload: object } & OutboxMessageOptions)[]): RowBatch {
    const now = new Date();
    return {
      target: OutboxMessageOrmEntity,
      rows: messages.map(({ payload, orderingKey }) => ({
        id: randomUUID(),
        topic,
        payload,
        orderingKey: orderingKey ?? null,
        createdAt: now,
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        failedAt: null,
      })),
    };
  }

  /**
   * Claims up to `limit` due messages of `topics` for `leaseMs`, in enqueueing order: they are due
   * again only when the lease ends without being settled (the claiming process stopped). A message with
   * an ordering key is claimed only when no earlier message of its key is claimed or waiting for a retry.
   * Replicas claim one after another (an advisory lock held for the claim's few milliseconds), so that
   * this holds between them too; their deliveries then run side by side.
   */
  async claimDue(topics: readonly string[], limit: number, leaseMs: number): Promise<OutboxDelivery[]> {
    if (topics.length === 0) return [];
    const rows = await this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CLAIM_LOCK]);
      return manager.query<{ id: string; topic: string; payload: unknown; attempts: number; ordering_key: string | null }[]>(
        // As a CTE, so that the driver answers the rows (for a bare UPDATE it answers [rows, count]).
        `WITH claimed AS (
           UPDATE outbox_messages SET attempts = attempts + 1, next_attempt_at = now() + $2 * interval '1 millisecond'
           WHERE id IN (
             SELECT m.id FROM outbox_messages m
             WHERE m.failed_at IS NULL AND m.next_attempt_at <= now() AND m.topic = ANY($3)
               AND NOT EXISTS (
                 SELECT 1 FROM outbox_messages earlier
                 WHERE earlier.ordering_key = m.ordering_key AND earlier.failed_at IS NULL
                   AND earlier.position < m.position AND earlier.next_attempt_at > now())
             ORDER BY m.position LIMIT $1 FOR UPDATE SKIP LOCKED)
           RETURNING id, topic, payload, attempts, ordering_key, position)
         SELECT * FROM claimed ORDER BY position`,
        [limit, leaseMs, topics],
      );
    });
    return rows.map((row) => ({
      id: row.id,
      topic: row.topic,
      payload: row.payload,
      attempt: row.attempts,
      orderingKey: row.ordering_key,
    }));
  }

  async delivered(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.db.manager.query(`DELETE FROM outbox_messages WHERE id = ANY($1)`, [ids]);
  }

  async retryLater(id: string, delayMs: number, error: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE outbox_messages SET next_attempt_at = now() + $2 * interval '1 millisecond', last_error = $3 WHERE id = $1`,
      [id, delayMs, error.slice(0, ERROR_MAX_LENGTH)],
    );
  }

  /** Hands back claimed messages that were not attempted: due at once, the attempt not counted. */
  async release(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.manager.query(`UPDATE outbox_messages SET next_attempt_at = now(), attempts = attempts - 1 WHERE id = ANY($1)`, [ids]);
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
