import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1763856000500 implements MigrationInterface {
  name = 'Notifications1763856000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE subscriptions (
        organisation_id uuid NOT NULL,
        area_code text NOT NULL,
        PRIMARY KEY (organisation_id, area_code)
      )`);
    // The fan-out on support.published starts from the area: who follows it.
    await runner.query('CREATE INDEX subscriptions_area ON subscriptions (area_code)');
    await runner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        type text NOT NULL,
        reasons text[] NOT NULL,
        title text NOT NULL,
        message text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        event_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        -- One notification per organisation per event, however often the event is delivered.
        CONSTRAINT notifications_once_per_event UNIQUE (organisation_id, event_id)
      )`);
    // An inbox page newest first, and the unread page and unread count from a small partial index.
    await runner.query('CREATE INDEX notifications_inbox ON notifications (organisation_id, created_at DESC, id DESC)');
    await runner.query(
      'CREATE INDEX notifications_unread ON notifications (organisation_id, created_at DESC, id DESC) WHERE read_at IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE notifications');
    await runner.query('DROP TABLE subscriptions');
  }
}
