import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lifecycle of a support: a draft's product type, target groups and audience; editions (the one in force, a
 * revision being drafted, every published one kept as it was); withdrawal; the support's history; the rounds of
 * consultation it has had (from the consultations service's events); regions' additions. Existing drafts have no
 * product type, target groups or audience; existing supports are edition 1.0, in force if published.
 */
export class SupportLifecycle1765152000300 implements MigrationInterface {
  name = 'SupportLifecycle1765152000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE supports
        ADD COLUMN product_type text,
        ADD COLUMN target_groups text[] NOT NULL DEFAULT '{}',
        ADD COLUMN audience jsonb NOT NULL DEFAULT '{"organisationKinds": [], "sectors": [], "professions": []}',
        ADD COLUMN edition text NOT NULL DEFAULT '1.0',
        ADD COLUMN in_force_edition text,
        ADD COLUMN revision_change text CHECK (revision_change IN ('major', 'minor')),
        ADD COLUMN revision_note text,
        ADD COLUMN revision_started_at timestamptz,
        ADD COLUMN withdrawn_reason text,
        ADD COLUMN replaced_by_support_id uuid,
        ADD COLUMN withdrawn_at timestamptz`);
    await runner.query(`ALTER TABLE supports DROP CONSTRAINT supports_status_check`);
    await runner.query(
      `ALTER TABLE supports ADD CONSTRAINT supports_status_check CHECK (status IN ('draft', 'published', 'withdrawn'))`,
    );
    await runner.query(`UPDATE supports SET in_force_edition = '1.0' WHERE status = 'published'`);
    await runner.query(`
      CREATE TABLE support_editions (
        support_id uuid NOT NULL REFERENCES supports (id),
        edition text NOT NULL,
        content jsonb NOT NULL,
        change text CHECK (change IN ('major', 'minor')),
        change_note text,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (support_id, edition)
      )`);
    await runner.query(`
      INSERT INTO support_editions (support_id, edition, content, published_at)
      SELECT id, '1.0', jsonb_build_object(
               'title', title, 'summary', summary, 'productType', product_type, 'targetGroups', to_jsonb(target_groups),
               'audience', audience, 'plannedReleaseDate', planned_release_date),
             published_at
      FROM supports WHERE status = 'published'`);
    // One row per step, keyed by the event that made it: replaying the events writes the same history.
    await runner.query(`
      CREATE TABLE support_history (
        event_id uuid PRIMARY KEY,
        -- Steps of one instant (an edit that also moves the date) keep the order they were recorded in.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        support_id uuid NOT NULL,
        step text NOT NULL,
        at timestamptz NOT NULL,
        organisation_id uuid,
        user_id text,
        edition text,
        reason text,
        details jsonb NOT NULL
      )`);
    await runner.query('CREATE INDEX support_history_support ON support_history (support_id, at, seq)');
    await runner.query(`
      CREATE TABLE support_rounds (
        consultation_id uuid PRIMARY KEY,
        support_id uuid NOT NULL,
        edition text NOT NULL,
        open boolean NOT NULL,
        comment_count int NOT NULL,
        answered_count int NOT NULL,
        closes_at timestamptz
      )`);
    await runner.query('CREATE INDEX support_rounds_support ON support_rounds (support_id, edition)');
    await runner.query(`
      CREATE TABLE regional_additions (
        id uuid PRIMARY KEY,
        support_id uuid NOT NULL REFERENCES supports (id),
        region_id uuid NOT NULL,
        title text NOT NULL,
        summary text NOT NULL,
        url text,
        published_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX regional_additions_support ON regional_additions (support_id, published_at)');
    await runner.query(
      'CREATE INDEX regional_additions_region ON regional_additions (region_id, published_at DESC, id DESC)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE regional_additions');
    await runner.query('DROP TABLE support_rounds');
    await runner.query('DROP TABLE support_history');
    await runner.query('DROP TABLE support_editions');
    await runner.query(`DELETE FROM supports WHERE status = 'withdrawn'`);
    await runner.query(`ALTER TABLE supports DROP CONSTRAINT supports_status_check`);
    await runner.query(
      `ALTER TABLE supports ADD CONSTRAINT supports_status_check CHECK (status IN ('draft', 'published'))`,
    );
    await runner.query(`
      ALTER TABLE supports
        DROP COLUMN product_type, DROP COLUMN target_groups, DROP COLUMN audience, DROP COLUMN edition,
        DROP COLUMN in_force_edition, DROP COLUMN revision_change, DROP COLUMN revision_note,
        DROP COLUMN revision_started_at, DROP COLUMN withdrawn_reason, DROP COLUMN replaced_by_support_id,
        DROP COLUMN withdrawn_at`);
  }
}
