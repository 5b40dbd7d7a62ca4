import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A workspace's members in the order the listing gives them (workspace, join time, id): the member
 * list is read in keyset pages on this index, so that a workspace of any size is listed page by page
 * (and its answer streamed) without sorting or holding all of its members at once.
 */
export class IndexWorkspaceMembersByJoinTime1764370000000 implements MigrationInterface {
  name = 'IndexWorkspaceMembersByJoinTime1764370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX workspace_memberships_workspace_joined_idx ON workspace_memberships (workspace_id, created_at, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX workspace_memberships_workspace_joined_idx`);
  }
}
