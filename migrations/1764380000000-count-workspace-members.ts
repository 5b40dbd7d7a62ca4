import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workspaces keep their member count (kept by every admission and removal, under the workspace's
 * lock), so that the member limit and the count in answers cost one row, whatever the workspace's
 * size; and a workspace's owners have an index of their own, so that "is there another owner" is one
 * probe of it.
 */
export class CountWorkspaceMembers1764380000000 implements MigrationInterface {
  name = 'CountWorkspaceMembers1764380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE workspaces ADD COLUMN member_count integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `UPDATE workspaces w SET member_count = counted.members
         FROM (SELECT workspace_id, count(*)::int AS members FROM workspace_memberships GROUP BY workspace_id) AS counted
        WHERE counted.workspace_id = w.id`,
    );
    await queryRunner.query(`ALTER TABLE workspaces ADD CONSTRAINT workspaces_member_count_not_negative CHECK (member_count >= 0)`);
    await queryRunner.query(
      `CREATE INDEX workspace_memberships_owners_idx ON workspace_memberships (workspace_id) WHERE privilege = 'ROLE_WORKSPACE_OWNER'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX workspace_memberships_owners_idx`);
    await queryRunner.query(`ALTER TABLE workspaces DROP COLUMN member_count`);
  }
}
