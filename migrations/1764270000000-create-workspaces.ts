import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Workspaces, their memberships and the memberships' access tokens. */
export class CreateWorkspaces1764270000000 implements MigrationInterface {
  name = 'CreateWorkspaces1764270000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY,
        name varchar(128) NOT NULL CONSTRAINT workspaces_name_not_empty CHECK (char_length(name) >= 1),
        billing_account_email varchar(320) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE workspace_memberships (
        id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        user_id text NOT NULL CONSTRAINT workspace_memberships_user_id_not_empty CHECK (user_id <> ''),
        privilege varchar(32) NOT NULL CONSTRAINT workspace_memberships_privilege_known
          CHECK (privilege IN ('ROLE_WORKSPACE_OWNER', 'ROLE_WORKSPACE_ADMIN', 'ROLE_WORKSPACE_MEMBER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT workspace_memberships_workspace_user_unique UNIQUE (workspace_id, user_id)
      )`);
    // A user's workspaces, in the order they joined them (keyset pagination).
    await queryRunner.query(
      `CREATE INDEX workspace_memberships_user_joined_idx ON workspace_memberships (user_id, created_at, workspace_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE workspace_access_tokens (
        id uuid PRIMARY KEY,
        membership_id uuid NOT NULL REFERENCES workspace_memberships (id) ON DELETE CASCADE,
        name varchar(128) NOT NULL,
        hash char(64) NOT NULL CONSTRAINT workspace_access_tokens_hash_unique UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX workspace_access_tokens_membership_id_idx ON workspace_access_tokens (membership_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE workspace_access_tokens`);
    await queryRunner.query(`DROP TABLE workspace_memberships`);
    await queryRunner.query(`DROP TABLE workspaces`);
  }
}
