import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Personal (user, "subject") access tokens: each acts as its user wherever the user is a member. */
export class CreateUserAccessTokens1764320000000 implements MigrationInterface {
  name = 'CreateUserAccessTokens1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_access_tokens (
        id uuid PRIMARY KEY,
        user_id text NOT NULL CONSTRAINT user_access_tokens_user_id_not_empty CHECK (user_id <> ''),
        name varchar(128) NOT NULL,
        hash char(64) NOT NULL CONSTRAINT user_access_tokens_hash_unique UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz
      )`);
    // A user's tokens, oldest first (the listing's order).
    await queryRunner.query(`CREATE INDEX user_access_tokens_user_created_idx ON user_access_tokens (user_id, created_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE user_access_tokens`);
  }
}
