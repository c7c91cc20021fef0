import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a support addressing a need was withdrawn: it no longer answers the need. */
export class WithdrawnSupports1765152000100 implements MigrationInterface {
  name = 'WithdrawnSupports1765152000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE need_supports ADD COLUMN withdrawn_at timestamptz');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE need_supports DROP COLUMN withdrawn_at');
  }
}
