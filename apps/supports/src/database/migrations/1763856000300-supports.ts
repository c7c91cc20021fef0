import { MigrationInterface, QueryRunner } from 'typeorm';

export class Supports1763856000300 implements MigrationInterface {
  name = 'Supports1763856000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE supports (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        summary text NOT NULL,
        area_code text NOT NULL,
        sector text NOT NULL,
        lead_agency_id uuid NOT NULL,
        co_producer_ids uuid[] NOT NULL,
        need_ids uuid[] NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        planned_release_date date,
        drafted_at timestamptz NOT NULL,
        published_at timestamptz,
        version int NOT NULL
      )`);
    await runner.query('CREATE INDEX supports_newest ON supports (drafted_at DESC, id DESC)');
    await runner.query('CREATE INDEX supports_area ON supports (area_code, drafted_at DESC)');
    await runner.query('CREATE INDEX supports_lead ON supports (lead_agency_id, drafted_at DESC)');
    // The release calendar only ever shows drafts with a planned date.
    await runner.query(
      `CREATE INDEX supports_releases ON supports (planned_release_date, id) WHERE status = 'draft' AND planned_release_date IS NOT NULL`,
    );
    await runner.query(`
      CREATE TABLE known_needs (
        need_id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        area_code text NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE known_needs');
    await runner.query('DROP TABLE supports');
  }
}
