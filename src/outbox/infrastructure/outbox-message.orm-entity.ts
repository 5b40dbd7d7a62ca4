import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Describes the table as the migrations create it (a test checks that they agree). */
@Entity({ name: 'outbox_messages' })
@Index('outbox_messages_due_idx', ['nextAttemptAt'], { where: 'failed_at IS NULL' })
@Index('outbox_messages_ordering_idx', ['orderingKey', 'position'], { where: 'failed_at IS NULL AND ordering_key IS NOT NULL' })
export class OutboxMessageOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Enqueueing order: the order of delivery, within an ordering key a strict one. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  position: string;

  @Column({ name: 'ordering_key', type: 'varchar', length: 128, nullable: true })
  orderingKey: string | null;

  @Column({ type: 'varchar', length: 64 })
  topic: string;

  @Column({ type: 'jsonb' })
  payload: object;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt: Date | null;
}
