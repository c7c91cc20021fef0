import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What reconciliation needs in every service's schema: the outbox read in the order rows were published
 * (the producer's side), and each consumer's place in every producer's outbox plus the dead letters it
 * watches (the consumer's side).
 */
export class ReconciliationTables1764662400000 implements MigrationInterface {
  name = 'ReconciliationTables1764662400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE INDEX outbox_published ON outbox (published_at, position) WHERE published_at IS NOT NULL',
    );
    await runner.query('DROP INDEX outbox_published_at');
    await runner.query(`
      CREATE TABLE reconciliation_cursors (
        producer text PRIMARY KEY,
        after text NOT NULL DEFAULT '0:0',
        checked_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE reconciliation_dead_letters (
        event_id uuid PRIMARY KEY,
        producer text NOT NULL,
        envelope jsonb NOT NULL,
        seen_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE reconciliation_dead_letters');
    await runner.query('DROP TABLE reconciliation_cursors');
    await runner.query('CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL');
    await runner.query('DROP INDEX outbox_published');
  }
}
