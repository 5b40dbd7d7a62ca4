import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations by email, and the outbox: messages (such as the invitation email) written in the same
 * transaction as the change they announce, delivered afterwards by the outbox dispatcher.
 */
export class CreateInvitationsAndOutbox1764310000000 implements MigrationInterface {
  name = 'CreateInvitationsAndOutbox1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        email varchar(320) NOT NULL,
        email_key varchar(320) NOT NULL,
        privilege varchar(32) NOT NULL CONSTRAINT invitations_privilege_known
          CHECK (privilege IN ('ROLE_WORKSPACE_OWNER', 'ROLE_WORKSPACE_ADMIN', 'ROLE_WORKSPACE_MEMBER')),
        inviter_id text NOT NULL,
        status varchar(16) NOT NULL CONSTRAINT invitations_status_known
          CHECK (status IN ('pending', 'accepted', 'declined', 'revoked', 'expired')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    // At most one open invitation per address and workspace (an expired one is closed when the address is invited again).
    await queryRunner.query(
      `CREATE UNIQUE INDEX invitations_one_pending_per_email ON invitations (workspace_id, email_key) WHERE status = 'pending'`,
    );
    // The workspace's list, newest first.
    await queryRunner.query(`CREATE INDEX invitations_workspace_created_idx ON invitations (workspace_id, created_at)`);
    // An invitee's own list.
    await queryRunner.query(`CREATE INDEX invitations_email_key_idx ON invitations (email_key) WHERE status = 'pending'`);
    // Whether an invited address already belongs to a member. Only addresses an invitation can have
    // (at most 320 characters): an identity token's claim may be longer than an index entry can be.
    await queryRunner.query(`CREATE INDEX users_email_lower_idx ON users (lower(email)) WHERE char_length(email) <= 320`);

    await queryRunner.query(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY,
        topic varchar(64) NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        failed_at timestamptz
      )`);
    // What the dispatcher claims next: due messages that have not been given up on.
    await queryRunner.query(`CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at) WHERE failed_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox_messages`);
    await queryRunner.query(`DROP INDEX users_email_lower_idx`);
    await queryRunner.query(`DROP TABLE invitations`);
  }
}
