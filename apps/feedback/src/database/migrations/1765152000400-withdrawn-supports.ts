import { MigrationInterface, QueryRunner } from 'typeorm';

/** A known support may be withdrawn (support.withdrawn): it takes no more feedback. */
export class WithdrawnSupports1765152000400 implements MigrationInterface {
  name = 'WithdrawnSupports1765152000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE known_supports DROP CONSTRAINT known_supports_status_check');
    await runner.query(
      `ALTER TABLE known_supports ADD CONSTRAINT known_supports_status_check
       CHECK (status IN ('draft', 'published', 'withdrawn'))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE known_supports SET status = 'published' WHERE status = 'withdrawn'`);
    await runner.query('ALTER TABLE known_supports DROP CONSTRAINT known_supports_status_check');
    await runner.query(
      `ALTER TABLE known_supports ADD CONSTRAINT known_supports_status_check CHECK (status IN ('draft', 'published'))`,
    );
  }
}
