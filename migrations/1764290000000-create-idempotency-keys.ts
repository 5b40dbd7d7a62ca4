import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency-Key records: the first answer to a create, replayed to retries of the same request. */
export class CreateIdempotencyKeys1764290000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764290000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_fingerprint char(64) NOT NULL,
        status_code integer NOT NULL,
        response_body jsonb,
        location text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_keys_expires_at_idx ON idempotency_keys (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
  }
}
