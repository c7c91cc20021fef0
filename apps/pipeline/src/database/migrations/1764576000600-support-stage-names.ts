import { MigrationInterface, QueryRunner } from 'typeorm';

/** A support in draft is counted under `draft`, the name the supports service gives the status. */
export class SupportStageNames1764576000600 implements MigrationInterface {
  name = 'SupportStageNames1764576000600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE pipeline_stage_counts SET stage = 'draft' WHERE item = 'support' AND stage = 'drafted'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE pipeline_stage_counts SET stage = 'drafted' WHERE item = 'support' AND stage = 'draft'`);
  }
}
