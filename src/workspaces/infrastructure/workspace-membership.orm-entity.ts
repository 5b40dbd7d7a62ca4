import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { WorkspacePrivilege } from '../domain/workspace-privilege.js';
import { WorkspaceOrmEntity } from './workspace.orm-entity.js';

/** Describes the table as the migrations create it (a test checks that they agree). */
@Entity({ name: 'workspace_memberships' })
@Check('workspace_memberships_user_id_not_empty', `user_id <> ''`)
@Check('workspace_memberships_privilege_known', `privilege IN ('ROLE_WORKSPACE_OWNER', 'ROLE_WORKSPACE_ADMIN', 'ROLE_WORKSPACE_MEMBER')`)
@Unique('workspace_memberships_workspace_user_unique', ['workspaceId', 'userId'])
// A user's workspaces, in the order they joined them (keyset pagination).
@Index('workspace_memberships_user_joined_idx', ['userId', 'createdAt', 'workspaceId'])
// Their workspaces by role (GET /api/v1/authorization/workspaces).
@Index('workspace_memberships_user_role_joined_idx', ['userId', 'privilege', 'createdAt', 'workspaceId'])
@Index('workspace_memberships_workspace_joined_idx', ['workspaceId', 'createdAt', 'id'])
@Index('workspace_memberships_owners_idx', ['workspaceId'], { where: "privilege = 'ROLE_WORKSPACE_OWNER'" })
export class WorkspaceMembershipOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  @Column({ type: 'varchar', length: 32 })
  privilege: WorkspacePrivilege;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @ManyToOne(() => WorkspaceOrmEntity, (workspace) => workspace.memberships, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'workspace_memberships_workspace_id_fkey' })
  workspace?: Relation<WorkspaceOrmEntity>;
}
