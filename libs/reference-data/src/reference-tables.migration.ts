import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferenceTables1763856000001 implements MigrationInterface {
  name = 'ReferenceTables1763856000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE known_areas (
        code text PRIMARY KEY,
        sector text NOT NULL,
        name text NOT NULL,
        aggregate_version int NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE known_organisations (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        aggregate_version int NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE known_organisations');
    await runner.query('DROP TABLE known_areas');
  }
}

/**
 * The region of each known organisation, for rounds sent to a county's municipalities, response rates by county
 * and a region's additions told to its municipalities. Rows learnt before it have none until the organisation's
 * next event; the directory's seed publishes every organisation when it first runs, so fresh systems have them all.
 */
export class OrganisationRegions1764979200001 implements MigrationInterface {
  name = 'OrganisationRegions1764979200001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE known_organisations ADD COLUMN region_id uuid');
    await runner.query('CREATE INDEX known_organisations_region ON known_organisations (region_id, kind)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE known_organisations DROP COLUMN region_id');
  }
}
