import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { lockingManager, store } from '../database/typeorm-unit-of-work.js';
import type { Transaction } from '../kernel/unit-of-work.js';

export interface StoredResponse {
  fingerprint: string;
  statusCode: number;
  /** Null when the response carried a secret that must not be stored. */
  body: unknown;
  location: string | null;
}

/**
 * Idempotency records in PostgreSQL, so that they hold across replicas. Claimed and completed in the
 * request's unit of work: the record and the work it guards commit together.
 */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly db: Database) {}

  /**
   * Takes the key for this request. Returns null when it is ours; otherwise the committed record of
   * the request that took it first. A concurrent request with the same key waits here until the
   * first one's transaction ends (the primary key's uniqueness check does the waiting).
   */
  async claim(tx: Transaction, scope: string, key: string, fingerprint: string, ttlHours: number): Promise<StoredResponse | null> {
    const manager = await lockingManager(tx);
    await manager.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND expires_at <= now()`, [scope, key]);
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO idempotency_keys (scope, key, request_fingerprint, status_code, expires_at)
       VALUES ($1, $2, $3, 0, now() + make_interval(hours => $4))
       ON CONFLICT (scope, key) DO NOTHING
       RETURNING key`,
      [scope, key, fingerprint, ttlHours],
    );
    if (inserted.length > 0) return null;
    const [row] = await manager.query<
      { request_fingerprint: string; status_code: number; response_body: unknown; location: string | null }[]
    >(`SELECT request_fingerprint, status_code, response_body, location FROM idempotency_keys WHERE scope = $1 AND key = $2`, [scope, key]);
    return { fingerprint: row.request_fingerprint, statusCode: row.status_code, body: row.response_body, location: row.location };
  }

  /**
   * How many unexpired keys the scope holds, counted up to `upTo` at most (the primary key's range of
   * the scope), and when the first of them expires.
   */
  async held(scope: string, upTo: number): Promise<{ count: number; firstExpiry: Date | null }> {
    const [row] = await this.db.manager.query<{ count: number; first_expiry: Date | null }[]>(
      `SELECT count(*) AS count, min(expires_at) AS first_expiry
         FROM (SELECT expires_at FROM idempotency_keys WHERE scope = $1 AND expires_at > now() LIMIT $2) AS held`,
      [scope, upTo],
    );
    return { count: Number(row.count), firstExpiry: row.first_expiry === null ? null : new Date(row.first_expiry) };
  }

  /** The request's answer, written with the rest of its unit of work. */
  complete(tx: Transaction, scope: string, key: string, response: Omit<StoredResponse, 'fingerprint'>): void {
    store(tx, {
      statements: [
        {
          table: 'idempotency_keys',
          sql: `UPDATE idempotency_keys SET status_code = $3, response_body = $4, location = $5 WHERE scope = $1 AND key = $2`,
          params: [scope, key, response.statusCode, response.body === null ? null : JSON.stringify(response.body), response.location],
        },
      ],
    });
  }

  /** Forgets expired records; returns how many. */
  async sweep(): Promise<number> {
    const [, affected] = await this.db.manager.query<[unknown, number | undefined]>(
      `DELETE FROM idempotency_keys WHERE expires_at <= now()`,
    );
    return Number(affected ?? 0);
  }
}
