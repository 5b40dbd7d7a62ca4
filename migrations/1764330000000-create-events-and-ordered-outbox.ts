import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Domain events: the audit log (`events`, kept for EVENTS_RETENTION_DAYS; no foreign key, so that a
 * deleted workspace's events outlive it), and the outbox's ordering (`position`, `ordering_key`): the
 * events of one workspace are published one at a time, in the order they were recorded.
 */
export class CreateEventsAndOrderedOutbox1764330000000 implements MigrationInterface {
  name = 'CreateEventsAndOrderedOutbox1764330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE events (
        position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL,
        type varchar(64) NOT NULL,
        occurred_at timestamptz NOT NULL,
        workspace_id uuid,
        actor_user_id text NOT NULL,
        actor_access_token_id uuid,
        data json NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX events_workspace_position_idx ON events (workspace_id, position)`);
    // Written with every change: two indexes beside the key. Rows arrive in time order, so a BRIN index
    // (a few pages) serves the hourly retention cleanup.
    await queryRunner.query(`CREATE INDEX events_occurred_at_idx ON events USING brin (occurred_at)`);

    // Existing messages are numbered in the order they were written.
    await queryRunner.query(`ALTER TABLE outbox_messages ADD COLUMN position bigint GENERATED ALWAYS AS IDENTITY NOT NULL`);
    await queryRunner.query(`ALTER TABLE outbox_messages ADD COLUMN ordering_key varchar(128)`);
    await queryRunner.query(
      `CREATE INDEX outbox_messages_ordering_idx ON outbox_messages (ordering_key, position) WHERE failed_at IS NULL AND ordering_key IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX outbox_messages_ordering_idx`);
    await queryRunner.query(`ALTER TABLE outbox_messages DROP COLUMN ordering_key`);
    await queryRunner.query(`ALTER TABLE outbox_messages DROP COLUMN position`);
    await queryRunner.query(`DROP TABLE events`);
  }
}
