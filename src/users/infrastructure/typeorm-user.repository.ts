import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { verifiedMailboxKey, type User, type UserProfile } from '../domain/user.js';
import { UserRepository } from '../domain/user.repository.js';
import { UserOrmEntity } from './user.orm-entity.js';
import { Database } from '../../database/database.js';
import { store } from '../../database/typeorm-unit-of-work.js';
import type { Transaction } from '../../kernel/unit-of-work.js';

@Injectable()
export class TypeOrmUserRepository extends UserRepository {
  constructor(private readonly db: Database) {
    super();
  }

  record(tx: Transaction, profile: UserProfile, now: Date): void {
    // An upsert, safe under concurrent first requests of the same user. An email comes with its own
    // verification (or none): the stored one never outlives the address it was given for.
    store(tx, {
      statements: [
        {
          table: 'users',
          sql: `INSERT INTO users (id, email, name, picture, email_verified, email_key, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (id) DO UPDATE SET
         email = COALESCE(EXCLUDED.email, users.email),
         name = COALESCE(EXCLUDED.name, users.name),
         picture = COALESCE(EXCLUDED.picture, users.picture),
         email_verified = CASE WHEN EXCLUDED.email IS NULL THEN users.email_verified ELSE EXCLUDED.email_verified END,
         email_key = CASE WHEN EXCLUDED.email IS NULL THEN users.email_key ELSE EXCLUDED.email_key END,
         updated_at = EXCLUDED.updated_at`,
          params: [
            profile.id,
            profile.email ?? null,
            profile.name ?? null,
            profile.picture ?? null,
            profile.email === undefined ? null : (profile.emailVerified ?? null),
            verifiedMailboxKey(profile),
            now,
          ],
        },
      ],
    });
  }

  async findByIds(ids: readonly string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.manager.findBy(UserOrmEntity, { id: In([...ids]) });
    return rows.map((row) => ({ ...row }));
  }

  async findIdsByVerifiedMailbox(mailboxKey: string): Promise<string[]> {
    // users_email_key_idx: only verified mailboxes have a key.
    const rows = await this.db.select<{ id: string }>(`SELECT id FROM users WHERE email_key = $1`, [mailboxKey]);
    return rows.map((row) => row.id);
  }
}
