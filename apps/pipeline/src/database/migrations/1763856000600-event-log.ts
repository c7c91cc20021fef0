import { MigrationInterface, QueryRunner } from 'typeorm';

export class EventLog1763856000600 implements MigrationInterface {
  name = 'EventLog1763856000600';

  async up(runner: QueryRunner): Promise<void> {
    // One row holding the last position handed out; its row lock orders appends (see EventLogRepository.append).
    await runner.query(`
      CREATE TABLE event_log_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        position bigint NOT NULL
      )`);
    await runner.query('INSERT INTO event_log_head (singleton, position) VALUES (true, 0)');
    await runner.query(`
      CREATE TABLE event_log (
        position bigint PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        envelope jsonb NOT NULL
      )`);
    // GET /events?type= and ?aggregateId= page by position within the filter.
    await runner.query('CREATE INDEX event_log_type ON event_log (type, position)');
    await runner.query('CREATE INDEX event_log_aggregate ON event_log (aggregate_id, position)');
    // An audit trail that code could edit would prove little: the database refuses it.
    await runner.query(`
      CREATE FUNCTION event_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'event_log is append-only: % refused', TG_OP;
      END $$`);
    await runner.query(`
      CREATE TRIGGER event_log_append_only BEFORE UPDATE OR DELETE ON event_log
      FOR EACH ROW EXECUTE FUNCTION event_log_is_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE event_log');
    await runner.query('DROP FUNCTION event_log_is_append_only()');
    await runner.query('DROP TABLE event_log_head');
  }
}
