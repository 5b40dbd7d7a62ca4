import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the service learns of each user from their identity token. */
export class CreateUsers1764280000000 implements MigrationInterface {
  name = 'CreateUsers1764280000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id text PRIMARY KEY CONSTRAINT users_id_not_empty CHECK (id <> ''),
        email text,
        name text,
        picture text,
        email_verified boolean,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE users`);
  }
}
