import { MigrationInterface, QueryRunner } from 'typeorm';

export class Access1763856000700 implements MigrationInterface {
  name = 'Access1763856000700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        -- SHA-256 of the whole key: the key itself is shown once and never stored.
        secret_hash bytea NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text,
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await runner.query('CREATE INDEX api_keys_organisation ON api_keys (organisation_id, created_at DESC, id DESC)');
    await runner.query(`
      CREATE TABLE security_events (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        organisation_id uuid,
        user_id text,
        method text,
        ip text,
        request text NOT NULL,
        correlation_id text,
        detail jsonb NOT NULL
      )`);
    await runner.query('CREATE INDEX security_events_newest ON security_events (occurred_at DESC, id DESC)');
    await runner.query('CREATE INDEX security_events_by_type ON security_events (type, occurred_at DESC, id DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE security_events');
    await runner.query('DROP TABLE api_keys');
  }
}
