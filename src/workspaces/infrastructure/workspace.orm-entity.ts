import { Check, Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { WorkspaceMembershipOrmEntity } from './workspace-membership.orm-entity.js';

/** Describes the table as the migrations create it (a test checks that they agree). */
@Entity({ name: 'workspaces' })
@Check('workspaces_name_not_empty', 'char_length(name) >= 1')
@Check('workspaces_member_count_not_negative', 'member_count >= 0')
export class WorkspaceOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ name: 'billing_account_email', type: 'varchar', length: 320 })
  billingAccountEmail: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'member_count', type: 'integer', default: 0 })
  memberCount: number;

  @OneToMany(() => WorkspaceMembershipOrmEntity, (membership) => membership.workspace)
  memberships?: Relation<WorkspaceMembershipOrmEntity>[];
}
