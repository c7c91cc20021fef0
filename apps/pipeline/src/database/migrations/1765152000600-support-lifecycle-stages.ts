import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stages of a support's lifecycle: its rounds of consultation (how many opened and closed, the first opening and
 * the last closing), its latest revision and its withdrawal; and whether a need's latest stage came from need.reopened.
 * Rows from before have none of them, as their logs do.
 */
export class SupportLifecycleStages1765152000600 implements MigrationInterface {
  name = 'SupportLifecycleStages1765152000600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE pipeline_supports
        ADD COLUMN consultation_opened_at timestamptz,
        ADD COLUMN consultation_closed_at timestamptz,
        ADD COLUMN rounds_opened int NOT NULL DEFAULT 0,
        ADD COLUMN rounds_closed int NOT NULL DEFAULT 0,
        ADD COLUMN revised_at timestamptz,
        ADD COLUMN withdrawn_at timestamptz`);
    await runner.query('ALTER TABLE pipeline_needs ADD COLUMN reopened boolean NOT NULL DEFAULT false');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE pipeline_needs DROP COLUMN reopened');
    await runner.query(`
      ALTER TABLE pipeline_supports
        DROP COLUMN consultation_opened_at, DROP COLUMN consultation_closed_at, DROP COLUMN rounds_opened,
        DROP COLUMN rounds_closed, DROP COLUMN revised_at, DROP COLUMN withdrawn_at`);
  }
}
