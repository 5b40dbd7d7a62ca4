import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { WorkspaceMembershipOrmEntity } from './workspace-membership.orm-entity.js';

@Entity({ name: 'workspaces' })
export class WorkspaceOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ name: 'billing_account_email', type: 'varchar', length: 320 })
  billingAccountEmail: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => WorkspaceMembershipOrmEntity, (membership) => membership.workspace)
  memberships?: Relation<WorkspaceMembershipOrmEntity>[];
}
