import type { MigrationInterface, QueryRunner } from 'typeorm';
import { mailboxKey } from '../src/users/domain/mailbox.js';

/** Rows are re-keyed this many at a time. */
const BATCH = 1000;

/**
 * Invitees are matched by mailbox (mailboxKey: the domain by IDNA, the local part exactly but for ASCII
 * case), no longer by Unicode lower case, which made look-alike addresses one invitee. Invitations are
 * re-keyed; users get the mailbox their last token with an email verified (`email_key`, null when
 * unverified), which replaces the index on lower(email). Keys of IDNA domains may be longer than an
 * address, so they are text.
 */
export class CompareMailboxes1764340000000 implements MigrationInterface {
  name = 'CompareMailboxes1764340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE invitations ALTER COLUMN email_key TYPE text`);
    await queryRunner.query(`ALTER TABLE users ADD COLUMN email_key text`);

    // Two pending invitations of one workspace that are now one mailbox: the newest stays pending.
    const invitations = (await queryRunner.query(
      `SELECT id, workspace_id, email, status FROM invitations ORDER BY created_at DESC, id DESC`,
    )) as {
      id: string;
      workspace_id: string;
      email: string;
      status: string;
    }[];
    const pending = new Set<string>();
    const rekeyed = invitations.map((row) => {
      const key = mailboxKey(row.email);
      const slot = `${row.workspace_id} ${key}`;
      const duplicate = row.status === 'pending' && pending.has(slot);
      if (row.status === 'pending') pending.add(slot);
      return { id: row.id, key, status: duplicate ? 'revoked' : row.status };
    });
    await queryRunner.query(`DROP INDEX invitations_one_pending_per_email`);
    for (let i = 0; i < rekeyed.length; i += BATCH) {
      const batch = rekeyed.slice(i, i + BATCH);
      await queryRunner.query(
        `UPDATE invitations SET email_key = v.key, status = v.status
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v (id, key, status) WHERE invitations.id = v.id`,
        [batch.map((row) => row.id), batch.map((row) => row.key), batch.map((row) => row.status)],
      );
    }
    await queryRunner.query(
      `CREATE UNIQUE INDEX invitations_one_pending_per_email ON invitations (workspace_id, email_key) WHERE status = 'pending'`,
    );

    const users = (await queryRunner.query(`SELECT id, email FROM users WHERE email_verified AND char_length(email) <= 320`)) as {
      id: string;
      email: string;
    }[];
    for (let i = 0; i < users.length; i += BATCH) {
      const batch = users.slice(i, i + BATCH);
      await queryRunner.query(
        `UPDATE users SET email_key = v.key FROM unnest($1::text[], $2::text[]) AS v (id, key) WHERE users.id = v.id`,
        [batch.map((row) => row.id), batch.map((row) => mailboxKey(row.email))],
      );
    }
    await queryRunner.query(`DROP INDEX users_email_lower_idx`);
    // Whether an invited address already belongs to a member.
    await queryRunner.query(`CREATE INDEX users_email_key_idx ON users (email_key) WHERE email_key IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX users_email_key_idx`);
    await queryRunner.query(`CREATE INDEX users_email_lower_idx ON users (lower(email)) WHERE char_length(email) <= 320`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN email_key`);
    await queryRunner.query(`UPDATE invitations SET email_key = lower(normalize(email, NFC))`);
    await queryRunner.query(`ALTER TABLE invitations ALTER COLUMN email_key TYPE varchar(320)`);
  }
}
