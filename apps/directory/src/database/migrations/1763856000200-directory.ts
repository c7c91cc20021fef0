import { MigrationInterface, QueryRunner } from 'typeorm';

export class Directory1763856000200 implements MigrationInterface {
  name = 'Directory1763856000200';

  async up(runner: QueryRunner): Promise<void> {
    // Names sort in Swedish order (Å, Ä, Ö after Z); the sv ICU collation ships with PostgreSQL's ICU builds.
    await runner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text COLLATE "sv-x-icu" NOT NULL,
        name_en text,
        kind text NOT NULL,
        sectors text[] NOT NULL,
        county_code text,
        region_id uuid REFERENCES organisations (id),
        healthcare_region text,
        aggregate_version int NOT NULL,
        registered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT organisations_kind_code UNIQUE (kind, code)
      )`);
    await runner.query('CREATE INDEX organisations_listing ON organisations (kind, name, id)');
    await runner.query('CREATE INDEX organisations_region ON organisations (region_id)');
    await runner.query(`
      CREATE TABLE areas (
        code text PRIMARY KEY,
        sector text NOT NULL,
        name text NOT NULL,
        name_en text,
        aggregate_version int NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE areas');
    await runner.query('DROP TABLE organisations');
  }
}
