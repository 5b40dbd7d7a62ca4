import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user's workspaces by role, in the order they joined them: "in which workspaces may this user do
 * this" (GET /api/v1/authorization/workspaces) reads one range of it per allowed role, so a page costs
 * the same whatever the number of workspaces the user holds other roles in.
 */
export class IndexMembersByUserAndRole1764390000000 implements MigrationInterface {
  name = 'IndexMembersByUserAndRole1764390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX workspace_memberships_user_role_joined_idx ON workspace_memberships (user_id, privilege, created_at, workspace_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX workspace_memberships_user_role_joined_idx`);
  }
}
