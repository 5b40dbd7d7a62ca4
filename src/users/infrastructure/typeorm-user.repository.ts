import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { User, UserProfile } from '../domain/user.js';
import { UserRepository } from '../domain/user.repository.js';
import { UserOrmEntity } from './user.orm-entity.js';
import { Database } from '../../database/database.js';

@Injectable()
export class TypeOrmUserRepository extends UserRepository {
  constructor(private readonly db: Database) {
    super();
  }

  async record(profile: UserProfile, now: Date): Promise<void> {
    // One statement, safe under concurrent first requests of the same user.
    await this.db.manager.query(
      `INSERT INTO users (id, email, name, picture, email_verified, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (id) DO UPDATE SET
         email = COALESCE(EXCLUDED.email, users.email),
         name = COALESCE(EXCLUDED.name, users.name),
         picture = COALESCE(EXCLUDED.picture, users.picture),
         email_verified = COALESCE(EXCLUDED.email_verified, users.email_verified),
         updated_at = EXCLUDED.updated_at`,
      [profile.id, profile.email ?? null, profile.name ?? null, profile.picture ?? null, profile.emailVerified ?? null, now],
    );
  }

  async findByIds(ids: readonly string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.manager.findBy(UserOrmEntity, { id: In([...ids]) });
    return rows.map((row) => ({ ...row }));
  }

  async findIdsByVerifiedEmail(email: string): Promise<string[]> {
    // The length condition lets PostgreSQL use users_email_lower_idx (see the migrations).
    const rows: { id: string }[] = await this.db.manager.query(
      `SELECT id FROM users WHERE lower(email) = lower($1) AND char_length(email) <= 320 AND email_verified`,
      [email],
    );
    return rows.map((row) => row.id);
  }
}
