import { MigrationInterface, QueryRunner } from 'typeorm';
import { TARGET_GROUPS_AT_MIGRATION } from '@styrkedjan/reference-data';

/**
 * Needs first: target-group codes with an optional note, the stages of triage, endorsements, the timeline, the
 * projections of target groups, organisations (kind and county) and supports, and the indexes of the
 * similar-needs lookup (Swedish full-text search and pg_trgm).
 */
export class NeedsFirst1764748800100 implements MigrationInterface {
  name = 'NeedsFirst1764748800100';

  async up(runner: QueryRunner): Promise<void> {
    // Trusted since PostgreSQL 13: the database owner may create it. In public, which every service's path has.
    await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');

    await runner.query(`
      CREATE TABLE known_target_groups (
        code text PRIMARY KEY,
        name text NOT NULL,
        name_en text,
        sectors text[] NOT NULL,
        aggregate_version int NOT NULL
      )`);
    for (const [code, name, nameEn, sectors] of TARGET_GROUPS_AT_MIGRATION) {
      await runner.query(
        `INSERT INTO known_target_groups (code, name, name_en, sectors, aggregate_version)
         VALUES ($1, $2, $3, $4, 0) ON CONFLICT (code) DO NOTHING`,
        [code, name, nameEn, sectors.split(';')],
      );
    }
    await runner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        county_id uuid,
        aggregate_version int NOT NULL
      )`);
    await runner.query('CREATE INDEX organisations_county ON organisations (county_id)');
    await runner.query(`
      CREATE TABLE known_supports (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        lead_agency_id uuid NOT NULL,
        status text NOT NULL,
        aggregate_version int NOT NULL
      )`);

    // Target groups: a free text equal to a name (Swedish or English, case and surrounding space aside) maps to
    // its code; any other text stays as the note.
    await runner.query(`ALTER TABLE needs ADD COLUMN target_groups text[] NOT NULL DEFAULT '{}'`);
    await runner.query('ALTER TABLE needs ADD COLUMN note text');
    await runner.query(`
      UPDATE needs SET target_groups = ARRAY[g.code]
      FROM known_target_groups g
      WHERE lower(btrim(needs.target_group)) IN (lower(g.name), lower(g.name_en))`);
    await runner.query(`
      UPDATE needs SET note = NULLIF(btrim(target_group), '')
      WHERE target_groups = '{}'`);
    await runner.query('ALTER TABLE needs DROP COLUMN target_group');
    await runner.query('ALTER TABLE needs ALTER COLUMN target_groups DROP DEFAULT');

    // The stages of needs first: a draft means being addressed, a published support means answered.
    await runner.query(`UPDATE needs SET stage = 'being-addressed' WHERE stage = 'addressed_by_draft'`);
    await runner.query(`UPDATE needs SET stage = 'answered' WHERE stage = 'addressed'`);

    await runner.query(`
      ALTER TABLE needs
        ADD COLUMN last_transition_at timestamptz,
        ADD COLUMN triage_decision text,
        ADD COLUMN triage_rationale text,
        ADD COLUMN triaged_at timestamptz,
        ADD COLUMN lead_agency_id uuid,
        ADD COLUMN decline_reason text,
        ADD COLUMN existing_support_id uuid,
        ADD COLUMN duplicate_of_need_id uuid,
        ADD COLUMN review_on date,
        ADD COLUMN open_question text,
        ADD COLUMN merged_into uuid,
        ADD COLUMN flagged_for_review boolean NOT NULL DEFAULT false,
        ADD COLUMN endorsement_count int NOT NULL DEFAULT 0,
        ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('swedish', title || ' ' || description)) STORED`);
    await runner.query('UPDATE needs SET last_transition_at = identified_at');
    await runner.query('ALTER TABLE needs ALTER COLUMN last_transition_at SET NOT NULL');

    // Similar needs: the lexemes of the Swedish text. Without the pending list of fast update, so that a lookup
    // never scans megabytes of entries not yet merged into the index (its p99 is the figure that matters).
    await runner.query('CREATE INDEX needs_search ON needs USING gin (search) WITH (fastupdate = off)');
    await runner.query('CREATE INDEX needs_target_groups ON needs USING gin (target_groups)');
    // Lists: most endorsed first; stale ones oldest first; the needs assigned to a lead agency.
    await runner.query(
      'CREATE INDEX needs_most_endorsed ON needs (endorsement_count DESC, identified_at DESC, id DESC)',
    );
    await runner.query('CREATE INDEX needs_last_transition ON needs (last_transition_at, id)');
    await runner.query(
      'CREATE INDEX needs_lead_agency ON needs (lead_agency_id, identified_at DESC) WHERE lead_agency_id IS NOT NULL',
    );
    await runner.query('CREATE INDEX needs_stage ON needs (stage, identified_at DESC)');

    // Who stands behind a need: its submitter, submitters of needs merged into it, and its endorsers.
    await runner.query(`
      CREATE TABLE need_supporters (
        need_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        role text NOT NULL,
        comment text,
        local_context text,
        joined_at timestamptz NOT NULL,
        merged_from uuid,
        PRIMARY KEY (need_id, organisation_id)
      )`);
    await runner.query('CREATE INDEX need_supporters_organisation ON need_supporters (organisation_id)');
    await runner.query(`
      INSERT INTO need_supporters (need_id, organisation_id, role, joined_at)
      SELECT id, organisation_id, 'submitter', identified_at FROM needs`);

    // Every transition of a need, in order: the timeline, and the history of its triage.
    await runner.query(`
      CREATE TABLE need_transitions (
        need_id uuid NOT NULL,
        version int NOT NULL,
        type text NOT NULL,
        stage text NOT NULL,
        actor_organisation_id uuid,
        actor_user_id text,
        at timestamptz NOT NULL,
        decision text,
        rationale text,
        details jsonb NOT NULL,
        PRIMARY KEY (need_id, version)
      )`);
    await runner.query(`
      INSERT INTO need_transitions (need_id, version, type, stage, actor_organisation_id, at, details)
      SELECT id, 1, 'need.identified', 'identified', organisation_id, identified_at, '{}'::jsonb FROM needs`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE need_transitions');
    await runner.query('DROP TABLE need_supporters');
    await runner.query(`UPDATE needs SET stage = 'addressed' WHERE stage = 'answered'`);
    await runner.query(`UPDATE needs SET stage = 'addressed_by_draft' WHERE stage = 'being-addressed'`);
    await runner.query(`UPDATE needs SET stage = 'identified' WHERE stage NOT IN ('addressed', 'addressed_by_draft')`);
    await runner.query(`ALTER TABLE needs ADD COLUMN target_group text NOT NULL DEFAULT ''`);
    await runner.query(`
      UPDATE needs SET target_group = COALESCE(note, (
        SELECT g.name FROM known_target_groups g WHERE g.code = needs.target_groups[1]), '')`);
    await runner.query('ALTER TABLE needs ALTER COLUMN target_group DROP DEFAULT');
    await runner.query(`
      ALTER TABLE needs
        DROP COLUMN search, DROP COLUMN endorsement_count, DROP COLUMN flagged_for_review, DROP COLUMN merged_into,
        DROP COLUMN open_question, DROP COLUMN review_on, DROP COLUMN duplicate_of_need_id,
        DROP COLUMN existing_support_id, DROP COLUMN decline_reason, DROP COLUMN lead_agency_id,
        DROP COLUMN triaged_at, DROP COLUMN triage_rationale, DROP COLUMN triage_decision,
        DROP COLUMN last_transition_at, DROP COLUMN note, DROP COLUMN target_groups`);
    await runner.query('DROP TABLE known_supports');
    await runner.query('DROP TABLE organisations');
    await runner.query('DROP TABLE known_target_groups');
  }
}
