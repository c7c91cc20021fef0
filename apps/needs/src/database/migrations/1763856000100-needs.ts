import { MigrationInterface, QueryRunner } from 'typeorm';

export class Needs1763856000100 implements MigrationInterface {
  name = 'Needs1763856000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE needs (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        area_code text NOT NULL,
        sector text NOT NULL,
        target_group text NOT NULL,
        stage text NOT NULL,
        identified_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX needs_newest ON needs (identified_at DESC, id DESC)');
    await runner.query('CREATE INDEX needs_area ON needs (area_code, identified_at DESC)');
    await runner.query('CREATE INDEX needs_organisation ON needs (organisation_id, identified_at DESC)');
    await runner.query(`
      CREATE TABLE need_supports (
        need_id uuid NOT NULL,
        support_id uuid NOT NULL,
        title text NOT NULL,
        status text NOT NULL,
        drafted_at timestamptz,
        published_at timestamptz,
        PRIMARY KEY (need_id, support_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE need_supports');
    await runner.query('DROP TABLE needs');
  }
}
