import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The coordination service's projections (supports with their audience and text, needs assigned to agencies,
 * consultation rounds), the calendar's entries per audience cell, and the overlaps and collisions it records.
 */
export class Coordination1765065600800 implements MigrationInterface {
  name = 'Coordination1765065600800';

  async up(runner: QueryRunner): Promise<void> {
    // Trusted since PostgreSQL 13: the database owner may create it. In public, which every service's path has.
    await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
    await runner.query(`
      CREATE TABLE supports (
        id uuid PRIMARY KEY,
        lead_agency_id uuid NOT NULL,
        co_producer_ids uuid[] NOT NULL,
        title text NOT NULL,
        summary text NOT NULL,
        area_code text NOT NULL,
        sector text NOT NULL,
        target_groups text[] NOT NULL,
        audience jsonb NOT NULL,
        answers_needs uuid[] NOT NULL,
        planned_release_date date,
        status text NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
        aggregate_version int NOT NULL,
        -- For each field, the aggregate version of the event it was taken from: events out of order fold alike.
        field_versions jsonb NOT NULL DEFAULT '{}',
        search tsvector GENERATED ALWAYS AS (to_tsvector('swedish', title || ' ' || summary)) STORED
      )`);
    // Overlap candidates: the Swedish stems of supports that can still overlap. Without fast update, so that a
    // check never scans a pending list (its p99 is the figure that matters).
    await runner.query(
      `CREATE INDEX supports_search ON supports USING gin (search) WITH (fastupdate = off) WHERE status <> 'withdrawn'`,
    );
    await runner.query(`CREATE INDEX supports_area ON supports (area_code) WHERE status <> 'withdrawn'`);
    await runner.query(`
      CREATE TABLE assigned_needs (
        need_id uuid PRIMARY KEY,
        lead_agency_id uuid,
        aggregate_version int NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE consultations (
        id uuid PRIMARY KEY,
        support_id uuid NOT NULL,
        lead_agency_id uuid NOT NULL,
        support_title text NOT NULL,
        closes_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        aggregate_version int NOT NULL
      )`);
    await runner.query('CREATE INDEX consultations_support ON consultations (support_id)');
    // One row per item and audience cell it reaches: a year of the calendar is an index range on the day.
    await runner.query(`
      CREATE TABLE calendar_entries (
        item_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('release', 'consultation-closing')),
        audience_key text NOT NULL,
        organisation_kind text NOT NULL,
        sector text NOT NULL,
        profession text,
        day date NOT NULL,
        support_id uuid NOT NULL,
        title text NOT NULL,
        lead_agency_id uuid NOT NULL,
        PRIMARY KEY (item_id, kind, audience_key)
      )`);
    await runner.query('CREATE INDEX calendar_entries_day ON calendar_entries (day)');
    await runner.query('CREATE INDEX calendar_entries_audience_day ON calendar_entries (audience_key, kind, day)');
    await runner.query('CREATE INDEX calendar_entries_support ON calendar_entries (support_id)');
    await runner.query(`
      CREATE TABLE found_overlaps (
        id uuid PRIMARY KEY,
        pair_key text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('support', 'need')),
        support_id uuid NOT NULL,
        support_title text NOT NULL,
        lead_agency_id uuid NOT NULL,
        other_support_id uuid,
        other_support_title text,
        other_lead_agency_id uuid NOT NULL,
        need_id uuid,
        area_code text NOT NULL,
        score real NOT NULL,
        reasons jsonb NOT NULL,
        audience jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'resolved', 'closed')),
        resolution text,
        rationale text,
        resolved_by uuid,
        co_producer jsonb,
        withdraw_support_id uuid,
        detected_at timestamptz NOT NULL,
        resolved_at timestamptz,
        closed_at timestamptz,
        version int NOT NULL
      )`);
    await runner.query('CREATE INDEX found_overlaps_newest ON found_overlaps (detected_at DESC, id DESC)');
    // The board: open overlaps oldest first, resolved ones newest first.
    await runner.query(`CREATE INDEX found_overlaps_open ON found_overlaps (detected_at, id) WHERE status = 'open'`);
    await runner.query(
      `CREATE INDEX found_overlaps_resolved ON found_overlaps (resolved_at DESC, id DESC) WHERE status = 'resolved'`,
    );
    await runner.query('CREATE INDEX found_overlaps_support ON found_overlaps (support_id)');
    await runner.query('CREATE INDEX found_overlaps_other_support ON found_overlaps (other_support_id)');
    await runner.query(`
      CREATE TABLE collisions (
        id uuid PRIMARY KEY,
        audience_key text NOT NULL,
        audience jsonb NOT NULL,
        window_from date NOT NULL,
        window_to date NOT NULL,
        support_ids uuid[] NOT NULL,
        lead_agency_ids uuid[] NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'cleared')),
        detected_at timestamptz NOT NULL,
        cleared_at timestamptz,
        version int NOT NULL
      )`);
    await runner.query(`CREATE INDEX collisions_open ON collisions (audience_key) WHERE status = 'open'`);
    await runner.query(`CREATE INDEX collisions_open_oldest ON collisions (detected_at, id) WHERE status = 'open'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'collisions',
      'found_overlaps',
      'calendar_entries',
      'consultations',
      'assigned_needs',
      'supports',
    ])
      await runner.query(`DROP TABLE ${table}`);
  }
}
