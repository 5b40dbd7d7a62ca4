import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';
import type { InvitationStatus } from '../domain/invitation-status.js';

/** Describes the table as the migrations create it (a test checks that they agree). */
@Entity({ name: 'invitations' })
@Check('invitations_privilege_known', `privilege IN ('ROLE_WORKSPACE_OWNER', 'ROLE_WORKSPACE_ADMIN', 'ROLE_WORKSPACE_MEMBER')`)
@Check('invitations_status_known', `status IN ('pending', 'accepted', 'declined', 'revoked', 'expired')`)
@Index('invitations_one_pending_per_email', ['workspaceId', 'emailKey'], { unique: true, where: `status = 'pending'` })
@Index('invitations_workspace_created_idx', ['workspaceId', 'createdAt'])
@Index('invitations_email_key_idx', ['emailKey'], { where: `status = 'pending'` })
export class InvitationOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  // The workspaces module's table, named (not imported): an invitation goes with its workspace.
  @Column({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey('WorkspaceOrmEntity', { name: 'invitations_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @Column({ type: 'varchar', length: 320 })
  email: string;

  /** mailboxKey(email): who may answer it. */
  @Column({ name: 'email_key', type: 'text' })
  emailKey: string;

  @Column({ type: 'varchar', length: 32 })
  privilege: WorkspacePrivilege;

  @Column({ name: 'inviter_id', type: 'text' })
  inviterId: string;

  @Column({ type: 'varchar', length: 16 })
  status: InvitationStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
