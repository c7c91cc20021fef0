import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The steering read model. Nothing here is a source of truth: a replay truncates and rebuilds it from
 * event_log. Descriptive columns are nullable because a row can exist as a placeholder before the event
 * that describes it arrives (a support naming a need not yet identified, feedback before the draft).
 */
export class Pipeline1763856000601 implements MigrationInterface {
  name = 'Pipeline1763856000601';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE pipeline_needs (
        need_id uuid PRIMARY KEY,
        title text,
        area_code text,
        sector text,
        organisation_id uuid,
        described_by int NOT NULL,
        identified_at timestamptz,
        first_drafted_at timestamptz,
        first_published_at timestamptz
      )`);
    // Newest first, keyset on (identified_at, need_id), with or without a filter; placeholders are never listed.
    await runner.query(
      'CREATE INDEX pipeline_needs_newest ON pipeline_needs (identified_at, need_id) WHERE identified_at IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX pipeline_needs_area ON pipeline_needs (area_code, identified_at, need_id) WHERE identified_at IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX pipeline_needs_sector ON pipeline_needs (sector, identified_at, need_id) WHERE identified_at IS NOT NULL',
    );

    await runner.query(`
      CREATE TABLE pipeline_supports (
        support_id uuid PRIMARY KEY,
        title text,
        area_code text,
        sector text,
        lead_agency_id uuid,
        described_by int NOT NULL,
        drafted_at timestamptz,
        published_at timestamptz,
        first_feedback_at timestamptz,
        feedback_count int NOT NULL CHECK (feedback_count >= 0),
        -- When the support entered the pipeline: its sort key, whichever of drafted/published arrived (LEAST skips nulls).
        listed_at timestamptz GENERATED ALWAYS AS (LEAST(drafted_at, published_at)) STORED
      )`);
    await runner.query(
      'CREATE INDEX pipeline_supports_newest ON pipeline_supports (listed_at, support_id) WHERE listed_at IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX pipeline_supports_area ON pipeline_supports (area_code, listed_at, support_id) WHERE listed_at IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX pipeline_supports_sector ON pipeline_supports (sector, listed_at, support_id) WHERE listed_at IS NOT NULL',
    );

    await runner.query(`
      CREATE TABLE pipeline_support_needs (
        support_id uuid NOT NULL,
        need_id uuid NOT NULL,
        PRIMARY KEY (support_id, need_id)
      )`);

    // Items currently in each stage, kept in step by the consumer so GET /pipeline never counts rows.
    await runner.query(`
      CREATE TABLE pipeline_stage_counts (
        area_code text NOT NULL,
        sector text NOT NULL,
        item text NOT NULL CHECK (item IN ('need', 'support')),
        stage text NOT NULL,
        count int NOT NULL CHECK (count >= 0),
        PRIMARY KEY (area_code, sector, item, stage)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE pipeline_stage_counts');
    await runner.query('DROP TABLE pipeline_support_needs');
    await runner.query('DROP TABLE pipeline_supports');
    await runner.query('DROP TABLE pipeline_needs');
  }
}
