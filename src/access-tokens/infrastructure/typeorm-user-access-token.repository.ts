import { Injectable } from '@nestjs/common';
import { PG_UNIQUE_VIOLATION } from '../../database/database-errors.js';
import { lockingManager, store } from '../../database/typeorm-unit-of-work.js';
import type { Transaction } from '../../kernel/unit-of-work.js';
import { countUpTo } from '../../database/bounded-count.js';
import { Database } from '../../database/database.js';
import { AccessTokenAlreadyExists } from '../domain/access-token.errors.js';
import type { UserAccessToken } from '../domain/user-access-token.js';
import { UserAccessTokenRepository } from '../domain/user-access-token.repository.js';
import { UserAccessTokenMapper } from './user-access-token.mapper.js';
import { UserAccessTokenOrmEntity } from './user-access-token.orm-entity.js';

/** Far more tokens than anyone has, and well inside what PostgreSQL's OFFSET takes. */
const MAX_SKIP = 2 ** 31 - 1;

/**
 * Looked up on every request that presents one (never cached): a deleted token is refused by every
 * replica from the moment its DELETE is answered.
 */
@Injectable()
export class TypeOrmUserAccessTokenRepository extends UserAccessTokenRepository {
  constructor(private readonly db: Database) {
    super();
  }

  save(tx: Transaction, token: UserAccessToken): void {
    const isNew = token.isNew;
    if (token.isRevoked) {
      store(tx, {
        aggregate: token,
        statements: [{ table: 'user_access_tokens', sql: 'DELETE FROM user_access_tokens WHERE id = $1', params: [token.id] }],
      });
    } else if (isNew) {
      store(tx, {
        aggregate: token,
        batches: [{ target: UserAccessTokenOrmEntity, rows: [UserAccessTokenMapper.toPersistence(token)] }],
        translate: (violation) => (violation.code === PG_UNIQUE_VIOLATION ? new AccessTokenAlreadyExists() : undefined),
      });
    }
  }

  async lockTokensOf(tx: Transaction, userId: string): Promise<void> {
    // Released when the unit of work ends.
    const manager = await lockingManager(tx);
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('user_access_tokens:' || $1, 0))`, [userId]);
  }

  async countByUser(userId: string, upTo: number): Promise<number> {
    // user_access_tokens_user_created_idx, at most upTo entries.
    return countUpTo(this.db.manager, 'user_access_tokens', 'user_id', userId, upTo);
  }

  /** On every request that presents a user token: one indexed lookup (the unique hash), written lean. */
  async findByHash(hash: string): Promise<UserAccessToken | null> {
    const [row] = await this.db.select<UserAccessTokenOrmEntity>(
      `SELECT id, user_id AS "userId", name, hash, created_at AS "createdAt", expires_at AS "expiresAt"
         FROM user_access_tokens WHERE hash = $1`,
      [hash],
    );
    return row ? UserAccessTokenMapper.toDomain(row) : null;
  }

  async findById(id: string): Promise<UserAccessToken | null> {
    const row = await this.db.manager.findOneBy(UserAccessTokenOrmEntity, { id });
    return row ? UserAccessTokenMapper.toDomain(row) : null;
  }

  async listByUser(userId: string, page: { skip: number; limit: number }): Promise<UserAccessToken[]> {
    // The contract bounds `skip` below only; past any real number of tokens the page is empty anyway.
    if (page.skip > MAX_SKIP) return [];
    const rows = await this.db.manager.find(UserAccessTokenOrmEntity, {
      where: { userId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: page.skip,
      take: page.limit,
    });
    return rows.map((row) => UserAccessTokenMapper.toDomain(row));
  }
}
