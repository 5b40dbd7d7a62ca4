import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The audit log: one row per event. No foreign key to the workspace: a deleted workspace's events stay
 * until the retention removes them. Describes the table as the migrations create it (a test checks).
 */
@Entity({ name: 'events' })
@Index('events_workspace_position_idx', ['workspaceId', 'position'])
@Index('events_workspace_type_position_idx', ['workspaceId', 'type', 'position'])
@Index('events_occurred_at_idx', ['occurredAt'])
export class EventOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Recording order: the audit log's order and its pages' cursor. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  position: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'workspace_id', type: 'uuid', nullable: true })
  workspaceId: string | null;

  @Column({ name: 'actor_user_id', type: 'text' })
  actorUserId: string;

  @Column({ name: 'actor_access_token_id', type: 'uuid', nullable: true })
  actorAccessTokenId: string | null;

  @Column({ type: 'jsonb' })
  data: object;
}
