import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Needs are counted by the chain's stages: the stage a need's own events give it (`stage`, at the
 * aggregate version of the event that gave it), moved further along by the supports naming it. The two
 * stages the pipeline knew before are renamed to theirs: addressed_by_draft is being-addressed, addressed
 * is answered. Rows from before have seen only need.identified of their own events, as a replay finds.
 */
export class NeedStages1764806400600 implements MigrationInterface {
  name = 'NeedStages1764806400600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE pipeline_needs ADD COLUMN stage text, ADD COLUMN stage_version int NOT NULL DEFAULT -1',
    );
    await runner.query(
      `UPDATE pipeline_needs SET stage = 'identified', stage_version = described_by WHERE identified_at IS NOT NULL AND described_by > 0`,
    );
    await runner.query('ALTER TABLE pipeline_needs ALTER COLUMN stage_version DROP DEFAULT');
    await runner.query(
      `UPDATE pipeline_stage_counts SET stage = CASE stage WHEN 'addressed_by_draft' THEN 'being-addressed' ELSE 'answered' END
       WHERE item = 'need' AND stage IN ('addressed_by_draft', 'addressed')`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `UPDATE pipeline_stage_counts SET stage = CASE stage WHEN 'being-addressed' THEN 'addressed_by_draft' ELSE 'addressed' END
       WHERE item = 'need' AND stage IN ('being-addressed', 'answered')`,
    );
    await runner.query('ALTER TABLE pipeline_needs DROP COLUMN stage, DROP COLUMN stage_version');
  }
}
