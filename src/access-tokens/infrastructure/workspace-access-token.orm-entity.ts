import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Belongs to a membership (foreign key with ON DELETE CASCADE, see the migrations). */
@Entity({ name: 'workspace_access_tokens' })
export class WorkspaceAccessTokenOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'membership_id', type: 'uuid' })
  membershipId: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** SHA-256 of the secret, hex; unique. */
  @Column({ type: 'char', length: 64 })
  hash: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;
}
