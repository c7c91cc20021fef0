import { MigrationInterface, QueryRunner } from 'typeorm';

export class Feedback1763856000400 implements MigrationInterface {
  name = 'Feedback1763856000400';

  async up(runner: QueryRunner): Promise<void> {
    // The supports this service has heard of, kept from support events: feedback is only taken on published ones.
    await runner.query(`
      CREATE TABLE known_supports (
        support_id uuid PRIMARY KEY,
        lead_agency_id uuid NOT NULL,
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published')),
        aggregate_version int NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE feedback (
        id uuid PRIMARY KEY,
        support_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        usefulness smallint NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
        application_status text NOT NULL,
        comment text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    // Serves a support's newest-first page and its summary without touching other supports' rows.
    await runner.query('CREATE INDEX feedback_support_newest ON feedback (support_id, received_at DESC, id DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE feedback');
    await runner.query('DROP TABLE known_supports');
  }
}
