import { MigrationInterface, QueryRunner } from 'typeorm';

export class Consultations1765065600700 implements MigrationInterface {
  name = 'Consultations1765065600700';

  async up(runner: QueryRunner): Promise<void> {
    // The supports this service has heard of, from support events: a round opens only on a draft edition.
    await runner.query(`
      CREATE TABLE known_supports (
        support_id uuid PRIMARY KEY,
        lead_agency_id uuid NOT NULL,
        title text NOT NULL,
        area_code text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
        draft_edition text,
        aggregate_version int NOT NULL
      )`);
    // The areas each organisation follows, from subscriptions.replaced (the whole list each time).
    await runner.query(`
      CREATE TABLE followed_areas (
        organisation_id uuid PRIMARY KEY,
        area_codes text[] NOT NULL,
        replaced_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX followed_areas_codes ON followed_areas USING gin (area_codes)');
    await runner.query(`
      CREATE TABLE consultations (
        id uuid PRIMARY KEY,
        support_id uuid NOT NULL,
        edition text NOT NULL,
        lead_agency_id uuid NOT NULL,
        support_title text NOT NULL,
        area_code text NOT NULL,
        questions jsonb NOT NULL,
        sections jsonb NOT NULL,
        document_url text,
        closes_on date NOT NULL,
        closes_at timestamptz NOT NULL,
        remind_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        early boolean NOT NULL DEFAULT false,
        version int NOT NULL
      )`);
    // One open round per edition: the index, not a check before the insert, decides between two requests.
    await runner.query(
      "CREATE UNIQUE INDEX consultations_one_open_per_edition ON consultations (support_id, edition) WHERE status = 'open'",
    );
    // The sweep's question: which open rounds are due to be reminded or closed.
    await runner.query("CREATE INDEX consultations_open_due ON consultations (closes_at) WHERE status = 'open'");
    await runner.query(`
      CREATE TABLE consultees (
        consultation_id uuid NOT NULL REFERENCES consultations (id),
        organisation_id uuid NOT NULL,
        kind text NOT NULL,
        region_id uuid,
        PRIMARY KEY (consultation_id, organisation_id)
      )`);
    await runner.query(`
      CREATE TABLE responses (
        id uuid PRIMARY KEY,
        consultation_id uuid NOT NULL REFERENCES consultations (id),
        organisation_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'submitted')),
        answers jsonb NOT NULL,
        no_comments boolean NOT NULL,
        version int NOT NULL,
        saved_at timestamptz NOT NULL,
        submitted_at timestamptz,
        UNIQUE (consultation_id, organisation_id)
      )`);
    await runner.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY,
        consultation_id uuid NOT NULL REFERENCES consultations (id),
        response_id uuid NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL,
        position int NOT NULL,
        section_id text,
        text text NOT NULL,
        submitted boolean NOT NULL DEFAULT false,
        outcome text,
        answer text,
        answered_at timestamptz
      )`);
    // The report reads a round's submitted comments by section in order; the counts read the same rows.
    await runner.query(
      'CREATE INDEX comments_report ON comments (consultation_id, section_id, organisation_id, position) WHERE submitted',
    );
    await runner.query('CREATE INDEX comments_response ON comments (response_id)');
    // "Exactly once per round": the primary key, in the transaction that records consultation.closing-soon.
    await runner.query(`
      CREATE TABLE reminders_sent (
        consultation_id uuid PRIMARY KEY REFERENCES consultations (id),
        sent_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'reminders_sent',
      'comments',
      'responses',
      'consultees',
      'consultations',
      'followed_areas',
      'known_supports',
    ])
      await runner.query(`DROP TABLE ${table}`);
  }
}
