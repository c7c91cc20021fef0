import { MigrationInterface, QueryRunner } from 'typeorm';
import { PRODUCT_TYPES_AT_MIGRATION, TARGET_GROUPS_AT_MIGRATION } from './vocabulary-at-migration';

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

/**
 * The target groups and product types a service checks a support's codes against (`ReferenceDataModule.forRoot({
 * targetGroups, productTypes })`), with the vocabularies as they were when it was written (version 0).
 */
export class ReferenceVocabularies1765152000001 implements MigrationInterface {
  name = 'ReferenceVocabularies1765152000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS known_target_groups (
        code text PRIMARY KEY,
        name text NOT NULL,
        name_en text,
        sectors text[] NOT NULL,
        aggregate_version int NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE known_product_types (
        code text PRIMARY KEY,
        name text NOT NULL,
        name_en text,
        aggregate_version int NOT NULL
      )`);
    await runner.query(
      `INSERT INTO known_target_groups (code, name, name_en, sectors, aggregate_version)
       SELECT code, name, name_en, string_to_array(sectors, ';'), 0
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, name, name_en, sectors)
       ON CONFLICT (code) DO NOTHING`,
      columnsOf(TARGET_GROUPS_AT_MIGRATION, 4),
    );
    await runner.query(
      `INSERT INTO known_product_types (code, name, name_en, aggregate_version)
       SELECT code, name, name_en, 0 FROM unnest($1::text[], $2::text[], $3::text[]) AS t(code, name, name_en)
       ON CONFLICT (code) DO NOTHING`,
      columnsOf(PRODUCT_TYPES_AT_MIGRATION, 3),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE known_product_types');
    await runner.query('DROP TABLE known_target_groups');
  }
}

function columnsOf(rows: readonly (readonly string[])[], width: number): string[][] {
  return Array.from({ length: width }, (_, column) => rows.map((row) => row[column]));
}
