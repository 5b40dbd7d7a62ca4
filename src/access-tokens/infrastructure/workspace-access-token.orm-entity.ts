import { Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * Belongs to a membership, and goes with it (ON DELETE CASCADE). Describes the table as the migrations
 * create it (a test checks that they agree).
 */
@Entity({ name: 'workspace_access_tokens' })
@Unique('workspace_access_tokens_hash_unique', ['hash'])
@Index('workspace_access_tokens_membership_id_idx', ['membershipId'])
export class WorkspaceAccessTokenOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  // The workspaces module's table, named (not imported): a token goes with its membership.
  @Column({ name: 'membership_id', type: 'uuid' })
  @ForeignKey('WorkspaceMembershipOrmEntity', { name: 'workspace_access_tokens_membership_id_fkey', onDelete: 'CASCADE' })
  membershipId: string;

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
