import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The key of the audit log's page marks (EventPageMarks): a cursor is an event's position under a
 * keyed permutation per workspace, so that it reveals nothing of other workspaces. One random key per
 * database, shared by every replica; cursors handed out before this migration become marks of other
 * pages (they were the bare positions).
 */
export class KeyEventPageMarks1764360000000 implements MigrationInterface {
  name = 'KeyEventPageMarks1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE event_page_mark_key (
        id smallint PRIMARY KEY CONSTRAINT event_page_mark_key_one CHECK (id = 1),
        key bytea NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO event_page_mark_key (id, key) VALUES (1, $1)`, [randomBytes(32)]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE event_page_mark_key`);
  }
}
