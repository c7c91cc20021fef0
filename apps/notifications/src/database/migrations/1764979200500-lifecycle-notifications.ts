import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications of a support's lifecycle: a link on a notification (a round, its report), a version per
 * organisation's set of followed areas for subscriptions.replaced, and the projections the recipients come
 * from: who commented in a closed round, who reported a support applied, which editions were published.
 */
export class LifecycleNotifications1764979200500 implements MigrationInterface {
  name = 'LifecycleNotifications1764979200500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE notifications ADD COLUMN link text');
    // Commenters and appliers now rank between an area's followers and a need's stakeholders (TEXT_PRIORITY).
    await runner.query(`
      UPDATE notifications SET text_priority = CASE text_priority WHEN 3 THEN 5 WHEN 2 THEN 3 ELSE text_priority END`);
    await runner.query(`
      CREATE TABLE subscription_sets (
        organisation_id uuid PRIMARY KEY,
        version int NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE round_commenters (
        consultation_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        support_id uuid NOT NULL,
        edition text NOT NULL,
        comment_count int NOT NULL,
        closed_at timestamptz NOT NULL,
        PRIMARY KEY (consultation_id, organisation_id)
      )`);
    await runner.query('CREATE INDEX round_commenters_edition ON round_commenters (support_id, edition)');
    await runner.query(`
      CREATE TABLE application_reports (
        support_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        applied boolean NOT NULL,
        reported_at timestamptz NOT NULL,
        PRIMARY KEY (support_id, organisation_id)
      )`);
    await runner.query(`
      CREATE TABLE published_editions (
        support_id uuid NOT NULL,
        edition text NOT NULL,
        type text NOT NULL,
        occasion text NOT NULL,
        title text NOT NULL,
        lead_agency_id uuid NOT NULL,
        event_id uuid NOT NULL,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (support_id, edition)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE published_editions');
    await runner.query('DROP TABLE application_reports');
    await runner.query('DROP TABLE round_commenters');
    await runner.query('DROP TABLE subscription_sets');
    await runner.query(`
      UPDATE notifications SET text_priority = CASE text_priority WHEN 5 THEN 3 WHEN 3 THEN 2 WHEN 4 THEN 2
                                                                  WHEN 2 THEN 1 ELSE text_priority END`);
    await runner.query('ALTER TABLE notifications DROP COLUMN link');
  }
}
