import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every replica keeps recently used access tokens in memory; a deleted token (directly, or with its
 * membership or workspace) is announced on this channel when its transaction commits, so that every
 * replica forgets it at once. The payload is the token's hash; an empty payload means "forget all".
 */
export class NotifyAccessTokenRevocations1764300000000 implements MigrationInterface {
  name = 'NotifyAccessTokenRevocations1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_access_token_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('workspace_access_token_revoked', CASE WHEN TG_OP = 'DELETE' THEN OLD.hash ELSE '' END);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER workspace_access_tokens_deleted AFTER DELETE ON workspace_access_tokens
      FOR EACH ROW EXECUTE FUNCTION notify_access_token_revoked()`);
    await queryRunner.query(`
      CREATE TRIGGER workspace_access_tokens_truncated AFTER TRUNCATE ON workspace_access_tokens
      FOR EACH STATEMENT EXECUTE FUNCTION notify_access_token_revoked()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER workspace_access_tokens_truncated ON workspace_access_tokens`);
    await queryRunner.query(`DROP TRIGGER workspace_access_tokens_deleted ON workspace_access_tokens`);
    await queryRunner.query(`DROP FUNCTION notify_access_token_revoked()`);
  }
}
