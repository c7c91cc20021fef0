import { MigrationInterface, QueryRunner } from 'typeorm';

/** The controlled vocabularies of target groups and knowledge product types, beside the areas. */
export class Vocabularies1764806400200 implements MigrationInterface {
  name = 'Vocabularies1764806400200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE target_groups (
        code text PRIMARY KEY,
        name text NOT NULL,
        name_en text,
        sectors text[] NOT NULL,
        aggregate_version int NOT NULL
      )`);
    // GET /target-groups?sector= asks which groups a sector uses.
    await runner.query('CREATE INDEX target_groups_sectors ON target_groups USING gin (sectors)');
    await runner.query(`
      CREATE TABLE product_types (
        code text PRIMARY KEY,
        name text NOT NULL,
        name_en text,
        description_en text,
        aggregate_version int NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE product_types');
    await runner.query('DROP TABLE target_groups');
  }
}
