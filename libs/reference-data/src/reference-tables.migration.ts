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
