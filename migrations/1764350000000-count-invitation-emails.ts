import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many invitation emails each address received and each user made the service send, in the
 * current window: a row per subject (SHA-256 of the address's mailbox or of the user id, so that no
 * address is kept), with no foreign key, so that deleting a workspace or revoking an invitation frees
 * nothing.
 */
export class CountInvitationEmails1764350000000 implements MigrationInterface {
  name = 'CountInvitationEmails1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE invitation_email_counts (
        subject varchar(64) PRIMARY KEY,
        window_start timestamptz NOT NULL,
        sent integer NOT NULL
      )`);
    // The hourly cleanup of ended windows.
    await queryRunner.query(`CREATE INDEX invitation_email_counts_window_idx ON invitation_email_counts (window_start)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE invitation_email_counts`);
  }
}
