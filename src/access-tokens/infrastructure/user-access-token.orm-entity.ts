import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** Describes the table as the migrations create it (a test checks that they agree). */
@Entity({ name: 'user_access_tokens' })
@Check('user_access_tokens_user_id_not_empty', `user_id <> ''`)
@Unique('user_access_tokens_hash_unique', ['hash'])
// A user's tokens, oldest first (the listing's order).
@Index('user_access_tokens_user_created_idx', ['userId', 'createdAt', 'id'])
export class UserAccessTokenOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** SHA-256 of the secret, hex; unique. */
  @Column({ type: 'char', length: 64 })
  hash: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;
}
