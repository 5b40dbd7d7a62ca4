import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit log: one row per event, written on every change, so few indexes: the recording order as the
 * key, the audit log's (workspace, position), and a BRIN index on the time for the retention (rows
 * arrive in time order). No foreign key to the workspace: a deleted workspace's events stay until the
 * retention removes them. Describes the table as the migrations create it (a test checks).
 */
@Entity({ name: 'events' })
@Index('events_workspace_position_idx', ['workspaceId', 'position'])
@Index('events_occurred_at_idx', ['occurredAt'], { type: 'brin' })
export class EventOrmEntity {
  /** Recording order: the audit log's order and its pages' cursor. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  position: string;

  /** The event's id (a random UUID), also published as the CloudEvent id. */
  @Column({ type: 'uuid' })
  id: string;

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

  /** json, not jsonb: written on every change, read only whole (json is stored as it came, without conversion). */
  @Column({ type: 'json' })
  data: object;
}
